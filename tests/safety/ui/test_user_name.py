"""Changing the name recorded in the audit log."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QInputDialog

from sxtdbv_desktop import audit, installation, plans
from sxtdbv_desktop.session import Session
from tests.safety.ui.conftest import Prompts
from ui.safety import user_name


def typed(monkeypatch: pytest.MonkeyPatch, text: str | None) -> None:
    def exec_(dialog: QInputDialog) -> int:
        assert dialog.okButtonText() == "Lưu"
        if text is None:
            return 0
        dialog.setTextValue(text)
        return 1

    monkeypatch.setattr(QInputDialog, "exec", exec_)


def test_the_new_name_is_recorded_from_then_on(
    session: Session, monkeypatch: pytest.MonkeyPatch, answers: Prompts
) -> None:
    installation.set_up(session.db, installation.CONSOLIDATING, "Nguyễn Thị Lan")
    typed(monkeypatch, "Phạm Văn Mới")
    assert user_name.change_user_name(session)
    plans.update_plan(session.db, plans.list_plans(session.db)[0].id, title="Đổi")
    (change,) = [e for e in audit.entries(session.db, "plans") if e.field == "title"]
    assert change.user_name == "Phạm Văn Mới"


def test_an_empty_name_is_refused(
    session: Session, monkeypatch: pytest.MonkeyPatch, answers: Prompts
) -> None:
    installation.set_up(session.db, installation.CONSOLIDATING, "Nguyễn Thị Lan")
    typed(monkeypatch, "   ")
    assert not user_name.change_user_name(session)
    assert answers.told[0].startswith("Họ và tên")
    typed(monkeypatch, None)
    assert not user_name.change_user_name(session)
    assert installation.load(session.db).user_name == "Nguyễn Thị Lan"
