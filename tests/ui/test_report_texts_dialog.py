"""Báo cáo → Nội dung báo cáo tổng hợp…: the Sở writes its parts over the drafts, draws on the
agencies' words, saves (undoably), and is asked before unsaved text is lost."""

from __future__ import annotations

from pytestqt.qtbot import QtBot
from sqlite_utils import Database

from sxtdbv_desktop.consolidation import main_period
from sxtdbv_desktop.report import own_texts
from sxtdbv_desktop.report.compose import document_of
from sxtdbv_desktop.reports import ReportContent, replace_report
from sxtdbv_ui.dialogs.report_texts_dialog import DRAFT_MARK, WRITTEN_MARK, ReportTextsDialog
from sxtdbv_ui.main_window import MainWindow
from tests.factories import agency_id
from tests.prompts import ScriptedPrompts
from tests.report.document_reading import section
from tests.report.test_report_content import HEADINGS, TODAY


def open_dialog(window: MainWindow, qtbot: QtBot) -> ReportTextsDialog:
    dialog = ReportTextsDialog(window.session, window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def select(dialog: ReportTextsDialog, key: str) -> None:
    dialog.part_list.setCurrentRow([p.key for p in dialog.parts].index(key))


def saved(db: Database, plan_id: int) -> dict[str, str]:
    return own_texts.load(db, plan_id, main_period(db, plan_id).id)


def test_every_part_starts_as_its_draft(window: MainWindow, qtbot: QtBot) -> None:
    dialog = open_dialog(window, qtbot)
    assert dialog.part_list.count() == len(dialog.parts) == 12  # 8 parts and 4 task groups
    assert dialog.part_list.item(0).text().startswith("I. Công tác chỉ đạo, điều hành")
    assert all(DRAFT_MARK in dialog.part_list.item(r).text() for r in range(12))
    assert dialog.editor.toPlainText().startswith("Sở Công Thương đã [nêu các văn bản")
    assert not dialog.save_button.isEnabled() and not dialog.restore_button.isEnabled()


def test_writing_saving_and_undoing_a_part(
    window: MainWindow, db: Database, plan_id: int, qtbot: QtBot
) -> None:
    dialog = open_dialog(window, qtbot)
    dialog.editor.selectAll()
    dialog.editor.insertPlainText("Sở đã ban hành Công văn số 1234/SCT-QLCN ngày 15/3/2023.")
    first = dialog.part_list.item(0).text()
    assert WRITTEN_MARK in first and first.endswith("*")
    assert dialog.save_button.isEnabled()
    assert dialog.save()
    assert saved(db, plan_id) == {
        own_texts.DIRECTION: "Sở đã ban hành Công văn số 1234/SCT-QLCN ngày 15/3/2023."
    }
    direction = section(document_of(db, plan_id, TODAY), HEADINGS[0], HEADINGS[1])
    assert direction.startswith("Sở đã ban hành Công văn số 1234/SCT-QLCN")
    assert not dialog.save_button.isEnabled()
    window.session.undo_stack.undo()
    assert saved(db, plan_id) == {}


def test_a_part_left_as_its_draft_keeps_following_the_figures(
    window: MainWindow, db: Database, plan_id: int, qtbot: QtBot
) -> None:
    dialog = open_dialog(window, qtbot)
    select(dialog, own_texts.NEXT_YEAR)
    dialog.editor.appendPlainText("- Tổ chức Hội nghị tổng kết.")
    select(dialog, own_texts.ACHIEVEMENTS)
    dialog.editor.appendPlainText("x")
    dialog.restore_draft()  # put back as it was: stored as the draft, not as a frozen copy
    assert dialog.save()
    assert list(saved(db, plan_id)) == [own_texts.NEXT_YEAR]


def test_the_agencies_words_go_in_at_the_cursor(
    window: MainWindow, db: Database, plan_id: int, qtbot: QtBot, prompts: ScriptedPrompts
) -> None:
    content = ReportContent(
        difficulties="Kinh phí được phân bổ còn hạn chế.",
        proposals="Đề nghị Bộ Công Thương sớm ban hành hướng dẫn đánh giá mô hình.",
    )
    period, agency = main_period(db, plan_id).id, agency_id(db, plan_id, "SoYT")
    replace_report(db, period, agency, content, received_on=TODAY)
    dialog = ReportTextsDialog(window.session, window)
    qtbot.addWidget(dialog)
    select(dialog, own_texts.PROPOSALS_MINISTRY)
    assert dialog.material.item(0).text() == "Đề xuất với Bộ Công Thương, Trung ương"
    dialog.material.setCurrentRow(1)
    dialog.editor.clear()
    dialog.insert_material()
    assert dialog.editor.toPlainText() == (
        "- Đề nghị Bộ Công Thương sớm ban hành hướng dẫn đánh giá mô hình (Sở Y tế)."
    )
    select(dialog, own_texts.CAUSES)
    assert dialog.material.item(0).text() == "Kinh phí"


def test_closing_with_unsaved_text_asks_first(
    window: MainWindow, db: Database, plan_id: int, qtbot: QtBot, prompts: ScriptedPrompts
) -> None:
    dialog = open_dialog(window, qtbot)
    dialog.editor.appendPlainText("thêm")
    prompts.yes = False  # "Quay lại"
    dialog.reject()
    assert dialog.isVisible() and prompts.asked == [
        "Có phần đã sửa nhưng chưa lưu. Bỏ các thay đổi đó?"
    ]
    prompts.yes = True
    dialog.reject()
    assert not dialog.isVisible() and saved(db, plan_id) == {}


def test_a_read_only_file_shows_the_parts_but_saves_nothing(
    window: MainWindow, qtbot: QtBot
) -> None:
    window.set_read_only("Tệp đang mở ở máy khác.")
    dialog = open_dialog(window, qtbot)
    assert dialog.editor.isReadOnly() and dialog.hint.text() == "Tệp đang mở ở máy khác."
    assert not dialog.save_button.isEnabled()
