"""Sao lưu / Khôi phục from the Tệp menu, and the offer made for a damaged file."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from sxtdbv_desktop import backup, installation, integrity, plans
from sxtdbv_desktop.errors import StorageError
from sxtdbv_desktop.plan_file import load_default_plan
from sxtdbv_desktop.session import Session, open_session
from sxtdbv_desktop.storage import open_database
from sxtdbv_ui.safety import backup_actions, restore_dialog
from sxtdbv_ui.safety.restore_dialog import RestoreDialog
from tests.conftest import TEST_ACTOR
from tests.prompts import ScriptedPrompts
from tests.safety.corrupt import overwrite_middle_pages


def _exec_choosing(
    monkeypatch: pytest.MonkeyPatch, *choices: Path | None, seen: list[RestoreDialog] | None = None
) -> None:
    """Make the modal RestoreDialog pick each of `choices` in turn (None: the user cancels)."""
    queue = list(choices)

    def exec_(dialog: RestoreDialog) -> int:
        if seen is not None:
            seen.append(dialog)
        choice = queue.pop(0) if queue else None
        if choice is None:
            return QDialog.DialogCode.Rejected
        dialog.select(choice)
        if dialog.chosen() != choice:  # not in the list yet: as if picked with the button
            dialog.backups.setCurrentItem(dialog._add(choice.name, choice))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(RestoreDialog, "exec", exec_)


def test_the_dialog_lists_backups_newest_first(qtbot: QtBot, session: Session) -> None:
    assert session.backup_file is not None
    plans.update_plan(session.db, plans.list_plans(session.db)[0].id, title="Khác")
    later = backup.auto_backup(session.db, session.path, dt.datetime.now() + dt.timedelta(days=1))
    assert later is not None
    dialog = RestoreDialog(session.path, "Chọn bản sao lưu.")
    qtbot.addWidget(dialog)
    texts = [dialog.backups.item(row).text() for row in range(dialog.backups.count())]
    assert len(texts) == 2
    assert texts[0].startswith(f"{dt.date.today() + dt.timedelta(days=1):%d/%m/%Y}")
    assert "— sao lưu tự động —" in texts[0] and texts[0].endswith(" KB")
    assert not dialog.restore_button.isEnabled()  # nothing chosen yet
    dialog.backups.setCurrentRow(1)
    assert dialog.restore_button.isEnabled()
    assert dialog.chosen() == session.backup_file


def test_another_file_can_be_chosen(
    qtbot: QtBot, session: Session, prompts: ScriptedPrompts
) -> None:
    elsewhere = session.path.parent / "usb" / "ban-sao.sqlite"
    session.backup_to(elsewhere)
    prompts.files.append(elsewhere)
    dialog = RestoreDialog(session.path, "Chọn bản sao lưu.")
    qtbot.addWidget(dialog)
    dialog.other_button.click()
    assert dialog.chosen() == elsewhere


def test_backup_now_saves_where_the_user_chose(
    session: Session, prompts: ScriptedPrompts, tmp_path: Path
) -> None:
    prompts.files.append(tmp_path / "usb" / "sao-luu.sqlite")
    made = backup_actions.backup_now(session)
    assert made == tmp_path / "usb" / "sao-luu.sqlite"
    assert integrity.file_problems(made) == []
    assert prompts.told == [f"Đã sao lưu dữ liệu vào {made}."]
    prompts.files.append(None)  # the user closes the picker
    assert backup_actions.backup_now(session) is None
    prompts.files.append(session.path)  # over the data file itself: refused, said why
    assert backup_actions.backup_now(session) is None
    assert "đè lên chính nó" in prompts.told[-1]


def test_restore_asks_then_replaces_and_keeps_the_old_data(
    session: Session, prompts: ScriptedPrompts, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert session.backup_file is not None
    plan = plans.list_plans(session.db)[0]
    plans.update_plan(session.db, plan.id, title="Sửa sau sao lưu")
    _exec_choosing(monkeypatch, session.backup_file, session.backup_file)
    prompts.answers += [False, True]  # first "Hủy" in the confirmation, then "Khôi phục"
    assert backup_actions.restore_backup(session)
    assert len(prompts.asked) == 2
    assert plans.list_plans(session.db)[0].title == plan.title
    assert prompts.told[-1].startswith(f"Đã khôi phục dữ liệu từ {session.backup_file.name}.")
    kept = [b for b in backup.list_backups(session.path) if b.kind == backup.BEFORE_RESTORE]
    assert len(kept) == 1


def test_a_cancelled_restore_changes_nothing(
    session: Session, prompts: ScriptedPrompts, monkeypatch: pytest.MonkeyPatch
) -> None:
    _exec_choosing(monkeypatch, None)
    assert not backup_actions.restore_backup(session)
    assert prompts.asked == []


def test_a_read_only_viewer_cannot_restore(
    session: Session, prompts: ScriptedPrompts, monkeypatch: pytest.MonkeyPatch
) -> None:
    viewer = open_session(session.path, TEST_ACTOR)
    try:
        _exec_choosing(monkeypatch)
        assert not backup_actions.restore_backup(viewer)
        assert prompts.told[0].startswith("Không thể khôi phục khi tệp đang mở chỉ để xem.")
    finally:
        viewer.close()


def test_a_damaged_file_is_offered_its_last_good_backup(
    session: Session, prompts: ScriptedPrompts, monkeypatch: pytest.MonkeyPatch
) -> None:
    good = session.backup_file
    assert good is not None
    session.close()
    overwrite_middle_pages(session.path)
    with pytest.raises(StorageError) as caught:
        open_session(session.path, TEST_ACTOR)
    seen: list[RestoreDialog] = []
    _exec_choosing(monkeypatch, good, seen=seen)
    assert restore_dialog.offer_restore(session.path, caught.value)
    (dialog,) = seen
    text = dialog.intro.text()
    assert dialog.chosen() == good
    assert text.startswith("Tệp dữ liệu sxtdbv.sqlite đã bị hỏng.")
    assert "bản sao lưu tự động gần nhất còn tốt" in text
    assert prompts.told[-1].startswith("Đã khôi phục dữ liệu từ")
    reopened = open_session(session.path, TEST_ACTOR)
    reopened.close()


def test_a_bad_choice_is_explained_and_the_user_chooses_again(
    session: Session, prompts: ScriptedPrompts, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    good = session.backup_file
    assert good is not None
    session.close()
    overwrite_middle_pages(session.path)
    bad = tmp_path / "hong.sqlite"
    bad.write_text("không phải dữ liệu", encoding="utf-8")
    _exec_choosing(monkeypatch, bad, None)
    error = StorageError("damaged", "Tệp dữ liệu sxtdbv.sqlite đã bị hỏng.")
    assert not restore_dialog.offer_restore(session.path, error)
    assert prompts.told == [prompts.told[0]]
    assert prompts.told[0].startswith("Không thể khôi phục từ hong.sqlite")
    assert integrity.file_problems(session.path)  # still the damaged file, untouched


def test_restoring_another_installations_backup_says_so_first(
    session: Session, prompts: ScriptedPrompts, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    installation.set_up(session.db, installation.CONSOLIDATING, "Nguyễn Thị Lan")
    other = tmp_path / "don-vi.sqlite"
    agency = open_database(other, TEST_ACTOR)
    try:
        load_default_plan(agency)
        installation.set_up(agency, installation.AGENCY, "Trần Văn Bình", "HLapVo")
    finally:
        agency.close()
    _exec_choosing(monkeypatch, other)
    prompts.answers.append(True)
    assert backup_actions.restore_backup(session)
    assert (
        "Lưu ý: Bản sao lưu don-vi.sqlite là dữ liệu của Đơn vị báo cáo HLapVo"
        in (prompts.asked[-1])
    )
    assert installation.load(session.db).agency_code == "HLapVo"
