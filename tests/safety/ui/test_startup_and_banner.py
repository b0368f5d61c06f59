"""Start-up as the window does it: first start, damaged files, the lock's heartbeat."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDialog

from sxtdbv_desktop import backup, installation, locking
from sxtdbv_desktop.session import Session
from sxtdbv_ui.safety import first_start, startup
from tests.prompts import ScriptedPrompts
from tests.safety.corrupt import overwrite_middle_pages


def test_a_new_file_asks_the_first_start_questions(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def answer(dialog: first_start.FirstStartDialog) -> int:
        dialog.name.setText("Nguyễn Thị Lan")
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(first_start.FirstStartDialog, "exec", answer)
    session = startup.open_for_window(db_path)
    assert session is not None
    try:
        assert installation.load(session.db).user_name == "Nguyễn Thị Lan"
    finally:
        session.close()


def test_quitting_the_first_start_closes_the_file(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(
        first_start.FirstStartDialog, "exec", lambda self: QDialog.DialogCode.Rejected
    )
    assert startup.open_for_window(db_path) is None
    assert locking.read_owner(locking.lock_path(db_path)) is None


def test_a_damaged_file_is_restored_then_opened(
    session: Session, prompts: ScriptedPrompts, monkeypatch: pytest.MonkeyPatch
) -> None:
    installation.set_up(session.db, installation.CONSOLIDATING, "Nguyễn Thị Lan")
    good = backup.auto_backup(session.db, session.path)
    session.close()
    assert good is not None
    offers: list[str] = []

    def restore(path: Path, error: object, parent: object = None) -> bool:
        offers.append(getattr(error, "reason", ""))
        backup.restore(path, good)
        return True

    monkeypatch.setattr(startup, "offer_restore", restore)
    overwrite_middle_pages(session.path)
    reopened = startup.open_for_window(session.path)
    assert reopened is not None
    reopened.close()
    assert offers == ["damaged"]


def test_declining_the_restore_quits(
    session: Session, prompts: ScriptedPrompts, monkeypatch: pytest.MonkeyPatch
) -> None:
    session.close()
    overwrite_middle_pages(session.path)
    monkeypatch.setattr(startup, "offer_restore", lambda path, error, parent=None: False)
    assert startup.open_for_window(session.path) is None


def test_the_heartbeat_runs_every_two_minutes(session: Session) -> None:
    owner = QObject()
    timer = startup.start_heartbeat(session, owner)
    assert timer.isActive()
    assert timer.interval() == 120_000
    timer.stop()


def test_an_emptied_file_offers_the_restore_instead_of_a_first_start(
    session: Session, prompts: ScriptedPrompts, monkeypatch: pytest.MonkeyPatch
) -> None:
    installation.set_up(session.db, installation.CONSOLIDATING, "Nguyễn Thị Lan")
    good = backup.auto_backup(session.db, session.path)
    session.close()
    assert good is not None
    session.path.write_bytes(b"")  # a sync tool left an empty file
    offers: list[str] = []

    def restore(path: Path, error: object, parent: object = None) -> bool:
        offers.append(getattr(error, "message", ""))
        backup.restore(path, good)
        return True

    def no_first_start(*args: object) -> bool:
        raise AssertionError("the first-start dialog must not open on an emptied file")

    monkeypatch.setattr(startup, "offer_restore", restore)
    monkeypatch.setattr(startup, "run_first_start", no_first_start)
    reopened = startup.open_for_window(session.path)
    assert reopened is not None
    try:
        assert installation.load(reopened.db).user_name == "Nguyễn Thị Lan"
    finally:
        reopened.close()
    assert len(offers) == 1 and "không còn dữ liệu" in offers[0]
