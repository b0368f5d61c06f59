"""Changing the name recorded in the audit log."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from sxtdbv_desktop import audit, installation, plans
from sxtdbv_desktop.session import Session
from sxtdbv_ui import msgbox
from sxtdbv_ui.safety import user_name
from tests.prompts import ScriptedPrompts


def test_the_name_question_starts_from_the_current_name(qapp: QApplication) -> None:
    dialog = msgbox.build_text_question(
        None, user_name.TITLE, user_name.LABEL, multiline=False, text="Nguyễn Thị Lan", ok="Lưu"
    )
    assert (dialog.textValue(), dialog.okButtonText()) == ("Nguyễn Thị Lan", "Lưu")


def test_the_new_name_is_recorded_from_then_on(session: Session, prompts: ScriptedPrompts) -> None:
    installation.set_up(session.db, installation.CONSOLIDATING, "Nguyễn Thị Lan")
    prompts.text = "Phạm Văn Mới"
    assert user_name.change_user_name(session)
    plans.update_plan(session.db, plans.list_plans(session.db)[0].id, title="Đổi")
    (change,) = [e for e in audit.entries(session.db, "plans") if e.field == "title"]
    assert change.user_name == "Phạm Văn Mới"


def test_an_empty_name_is_refused(session: Session, prompts: ScriptedPrompts) -> None:
    installation.set_up(session.db, installation.CONSOLIDATING, "Nguyễn Thị Lan")
    prompts.text = "   "
    assert not user_name.change_user_name(session)
    assert prompts.told[0].startswith("Họ và tên")
    prompts.text = None
    assert not user_name.change_user_name(session)
    assert installation.load(session.db).user_name == "Nguyễn Thị Lan"
