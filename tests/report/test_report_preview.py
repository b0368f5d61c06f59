"""The report preview window, driven as a user would under pytest-qt (offscreen)."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import docx
import pytest
from pypdf import PdfReader
from pypdf.generic import DictionaryObject
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QToolButton
from pytestqt.qtbot import QtBot
from sqlite_utils import Database

from sxtdbv_desktop.errors import NotFoundError
from sxtdbv_desktop.report.output import ReportOutputError
from sxtdbv_ui import operations, report_preview
from sxtdbv_ui.folders import documents_dir
from sxtdbv_ui.printing import PrinterRefused
from sxtdbv_ui.report_preview import ReportPreview, a4_printer, open_report_preview
from sxtdbv_ui.safety.crash import CrashHandler
from tests.prompts import ScriptedPrompts
from tests.report.conftest import Built
from tests.windows_files import files_held_open

# Qt's offscreen platform says this of every dialog it shows; it is not about our code.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def shown_preview(qtbot: QtBot, built: Built) -> ReportPreview:
    preview = ReportPreview(built.document)
    qtbot.addWidget(preview)
    with qtbot.waitSignal(preview.ready, timeout=30_000) as ready:
        preview.generate()
    assert ready.args == [built.pages]
    preview.show()
    qtbot.waitExposed(preview)
    return preview


def test_the_preview_shows_every_page_and_navigates(qtbot: QtBot, empty: Built) -> None:
    preview = shown_preview(qtbot, empty)
    assert preview.document.pageCount() == empty.pages
    assert preview.page_count_label.text().strip() == f"/ {empty.pages}"
    assert preview.current_page() == 0
    preview.next_page()
    assert preview.current_page() == 1 and preview.page_box.value() == 2
    preview.last_page()
    assert preview.current_page() == empty.pages - 1
    preview.next_page()  # already at the end: stays
    assert preview.current_page() == empty.pages - 1
    preview.previous_page()
    assert preview.current_page() == empty.pages - 2
    preview.page_box.setValue(4)
    assert preview.current_page() == 3
    preview.first_page()
    assert preview.current_page() == 0 and preview.page_box.value() == 1


def test_zoom_in_out_and_fit(qtbot: QtBot, empty: Built) -> None:
    preview = shown_preview(qtbot, empty)
    assert preview.view.zoomMode() == QPdfView.ZoomMode.FitToWidth
    preview.actions_by_name["zoom_in"].trigger()
    assert preview.view.zoomMode() == QPdfView.ZoomMode.Custom
    zoomed = preview.view.zoomFactor()
    preview.actions_by_name["zoom_out"].trigger()
    assert preview.view.zoomFactor() < zoomed
    assert preview.zoom_label.text().strip().endswith("%")
    preview.actions_by_name["fit_page"].trigger()
    assert preview.view.zoomMode() == QPdfView.ZoomMode.FitInView
    preview.actions_by_name["fit_width"].trigger()
    assert preview.view.zoomMode() == QPdfView.ZoomMode.FitToWidth


def test_printing_paints_the_chosen_pages_on_a4(qtbot: QtBot, empty: Built, tmp_path: Path) -> None:
    preview = shown_preview(qtbot, empty)
    printer = a4_printer()
    printer.setResolution(150)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "in.pdf"))
    printer.setFromTo(2, 4)
    assert preview.print_to(printer)
    pages = PdfReader(tmp_path / "in.pdf").pages
    assert len(pages) == 3
    for page in pages:
        assert abs(float(page.mediabox.width) - 595.28) < 1
        assert abs(float(page.mediabox.height) - 841.89) < 1
        resources = page["/Resources"]
        assert isinstance(resources, DictionaryObject)
        assert resources["/XObject"]  # the rendered page image


def test_save_as_pdf_copies_the_generated_file(
    qtbot: QtBot, empty: Built, tmp_path: Path, prompts: ScriptedPrompts
) -> None:
    preview = shown_preview(qtbot, empty)
    target = tmp_path / "Báo cáo.pdf"
    assert preview.save_pdf_to(target)
    assert target.read_bytes() == preview.pdf_path.read_bytes()
    assert prompts.notices == [f"Đã ghi {target}."]


def test_a_file_that_cannot_be_written_is_said_in_the_preview(
    qtbot: QtBot, empty: Built, tmp_path: Path, prompts: ScriptedPrompts
) -> None:
    preview = shown_preview(qtbot, empty)
    assert not preview.save_pdf_to(tmp_path / "khong-co" / "bao-cao.pdf")
    assert len(prompts.warnings) == 1 and "thư mục không tồn tại" in prompts.warnings[0]
    preview.save_xlsx_to(tmp_path / "bang.xlsx")
    qtbot.waitUntil(operations.idle, timeout=30_000)
    assert (tmp_path / "bang.xlsx").exists() and prompts.notices[-1].endswith("bang.xlsx.")


def test_the_entry_point_opens_the_preview_and_cleans_up(
    qtbot: QtBot, db: Database, plan_id: int
) -> None:
    preview = open_report_preview(None, db, plan_id)
    assert preview is not None
    preview.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)  # the test looks after
    qtbot.addWidget(preview)
    qtbot.waitUntil(preview.isVisible, timeout=30_000)
    assert preview.document.pageCount() > 5
    folder = preview.pdf_path.parent
    preview.close()
    assert not folder.exists()


def test_cancelling_stops_the_generation(qtbot: QtBot, thirty: Built) -> None:
    preview = ReportPreview(thirty.document)
    qtbot.addWidget(preview)
    preview.cancel()
    with qtbot.waitSignal(preview.rejected, timeout=30_000):
        preview.generate()
    assert not preview.pdf_path.exists()


def test_closing_the_preview_deletes_its_pdf_under_windows_rules(
    qtbot: QtBot, db: Database, plan_id: int, windows_file_rules: None
) -> None:
    """QPdfDocument keeps a file it loaded open until it is destroyed; Windows cannot delete
    an open file. The preview must neither hold its PDF nor fail when it is closed."""
    preview = open_report_preview(None, db, plan_id)
    assert preview is not None
    preview.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
    qtbot.addWidget(preview)
    qtbot.waitUntil(preview.isVisible, timeout=30_000)
    if sys.platform != "win32":  # there, closing below is the proof
        assert str(preview.pdf_path.resolve()) not in files_held_open()
    folder = preview.pdf_path.parent
    preview.close()  # an exception in the clean-up would fail the test (pytest-qt)
    assert not folder.exists()


def test_a_pdf_that_cannot_be_deleted_is_left_behind_quietly(
    qtbot: QtBot, empty: Built, windows_file_rules: None, caplog: pytest.LogCaptureFixture
) -> None:
    preview = shown_preview(qtbot, empty)
    folder = preview.pdf_path.parent
    with preview.pdf_path.open("rb"):  # an antivirus scanner, say, holds the file
        preview.close()
    assert folder.exists()
    assert "Không xóa được thư mục tạm" in caplog.text
    shutil.rmtree(folder)


def test_the_report_is_saved_in_documents_by_default(
    prompts: ScriptedPrompts, qtbot: QtBot, empty: Built
) -> None:
    prompts.files += [None, None]
    preview = ReportPreview(empty.document)
    qtbot.addWidget(preview)
    preview.save_pdf_as()
    preview.save_xlsx_as()
    preview.reject()  # removes its temporary folder
    assert [path.parent for path in prompts.offered] == [documents_dir()] * 2


def test_the_word_file_is_saved_from_the_preview(
    qtbot: QtBot, empty: Built, tmp_path: Path, prompts: ScriptedPrompts
) -> None:
    preview = shown_preview(qtbot, empty)
    assert preview.actions_by_name["save_docx"].shortcut().toString() == "Ctrl+S"
    target = tmp_path / "Báo cáo.docx"
    prompts.files.append(target)
    preview.save_docx_as()
    qtbot.waitUntil(operations.idle, timeout=30_000)
    assert prompts.offered[-1].name == "Bao cao tong hop SXTDBV nam 2023.docx"
    assert "BÁO CÁO" in [p.text for p in docx.Document(str(target)).paragraphs]
    assert prompts.notices == [f"Đã ghi {target}."]


def test_opening_in_word_never_overwrites_an_earlier_file(
    qtbot: QtBot,
    empty: Built,
    tmp_path: Path,
    prompts: ScriptedPrompts,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("sxtdbv_ui.report_preview.in_documents", lambda name: tmp_path / name)
    opened: list[str] = []

    def open_url(url: QUrl) -> bool:
        opened.append(url.toLocalFile())
        return True

    monkeypatch.setattr(QDesktopServices, "openUrl", open_url)
    earlier = tmp_path / "Bao cao tong hop SXTDBV nam 2023.docx"
    earlier.write_bytes(b"corrected by the office")
    preview = shown_preview(qtbot, empty)
    preview.open_in_word()
    qtbot.waitUntil(operations.idle, timeout=30_000)
    assert opened == [str(tmp_path / "Bao cao tong hop SXTDBV nam 2023 (2).docx")]
    assert earlier.read_bytes() == b"corrected by the office"
    assert prompts.warnings == []


def test_a_computer_without_a_word_processor_is_told_where_the_file_went(
    qtbot: QtBot,
    empty: Built,
    tmp_path: Path,
    prompts: ScriptedPrompts,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("sxtdbv_ui.report_preview.in_documents", lambda name: tmp_path / name)
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: False)
    preview = shown_preview(qtbot, empty)
    preview.open_in_word()
    qtbot.waitUntil(operations.idle, timeout=30_000)
    assert len(prompts.warnings) == 1
    assert str(tmp_path / "Bao cao tong hop SXTDBV nam 2023.docx") in prompts.warnings[0]
    assert "chưa có chương trình mở tệp .docx" in prompts.warnings[0]


def test_the_other_variant_is_one_choice_away(qtbot: QtBot, db: Database, plan_id: int) -> None:
    preview = open_report_preview(None, db, plan_id)
    assert preview is not None
    qtbot.addWidget(preview)
    qtbot.waitUntil(preview.isVisible, timeout=30_000)
    assert preview.variant_box.currentData() == "so" and preview.variant_box.isEnabled()
    opened: list[ReportPreview] = []
    original = open_report_preview

    def remember(*args: object) -> ReportPreview | None:
        made = original(*args)  # type: ignore[arg-type]
        if made is not None:
            opened.append(made)
        return made

    import sxtdbv_ui.report_preview as module

    module.open_report_preview = remember  # type: ignore[assignment]
    try:
        preview.variant_box.setCurrentIndex(1)
        preview.variant_box.activated.emit(1)
    finally:
        module.open_report_preview = original
    assert len(opened) == 1
    other = opened[0]
    qtbot.addWidget(other)
    qtbot.waitUntil(other.isVisible, timeout=30_000)
    assert other.variant == "ubnd" and "UBND Tỉnh" in other.windowTitle()
    assert other.report.letterhead.issuing_body == "ỦY BAN NHÂN DÂN\nTỈNH ĐỒNG THÁP"
    other.close()


def test_a_command_added_to_the_preview_sits_before_close_and_waits_for_the_pages(
    qtbot: QtBot, empty: Built
) -> None:
    """How another output joins the preview (an OpenDocument file, say): one call, its slot reading
    `preview.report`, enabled once the pages are shown."""
    preview = ReportPreview(empty.document)
    qtbot.addWidget(preview)
    asked: list[object] = []
    action = preview.add_command(
        "save_odt", "Lưu thành &ODT…", lambda: asked.append(preview.report)
    )
    assert not action.isEnabled()
    with qtbot.waitSignal(preview.ready, timeout=30_000):
        preview.generate()
    preview.show()  # as open_report_preview does: closing it then removes its PDF
    assert action.isEnabled() and preview.actions_by_name["save_odt"] is action
    bar = [a.iconText() for a in preview.command_bar.actions() if a.iconText()]
    assert bar[-2:] == ["Lưu thành ODT…", "Đóng"]  # after the others, before Đóng
    assert preview.command_bar.findChild(QToolButton, "save_odt") is not None
    action.trigger()
    assert asked == [empty.document]


def test_a_failed_layout_is_a_warning_and_the_preview_never_opens(
    qtbot: QtBot, empty: Built, prompts: ScriptedPrompts, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full_disk(report: object, path: Path, progress: object) -> int:
        raise ReportOutputError(path, "ổ đĩa đã đầy")

    monkeypatch.setattr(report_preview, "lay_out", full_disk)
    preview = ReportPreview(empty.document)
    qtbot.addWidget(preview)
    with qtbot.waitSignals([preview.failed, preview.rejected], timeout=10_000):
        preview.generate()
    assert len(prompts.warnings) == 1 and "ổ đĩa đã đầy" in prompts.warnings[0]
    assert not preview.isVisible()


def test_a_bug_in_the_layout_reaches_the_log_and_the_crash_dialog(
    qtbot: QtBot,
    empty: Built,
    *,
    crash: CrashHandler,
    log_path: Path,
    prompts: ScriptedPrompts,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def broken(report: object, path: Path, progress: object) -> int:
        return len(None)  # type: ignore[arg-type]

    monkeypatch.setattr(report_preview, "lay_out", broken)
    preview = ReportPreview(empty.document)
    qtbot.addWidget(preview)
    with qtbot.waitSignal(preview.rejected, timeout=10_000):
        preview.generate()
    assert prompts.told == []  # no str(error) in a warning
    assert crash.dialog is not None and "object of type 'NoneType' has no len()" in (
        crash.dialog.details
    )
    logged = log_path.read_text(encoding="utf-8")
    assert "Traceback" in logged and "CommandFailed: Báo cáo tổng hợp" in logged


# Qt says so of the printer that refuses the job.
@pytest.mark.qt_log_ignore("propagateSizeHints", r"QPainter::begin\(\): Returned false")
def test_printing_and_excel_failures_are_warnings_naming_the_command(
    qtbot: QtBot,
    empty: Built,
    tmp_path: Path,
    prompts: ScriptedPrompts,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    preview = shown_preview(qtbot, empty)
    printer = a4_printer()  # a printer that does not start the job: here, a PDF nowhere
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "khong-co" / "in.pdf"))
    assert not preview.print_to(printer)
    assert prompts.warnings == [PrinterRefused().message]

    def refused(report: object, target: Path) -> None:
        raise ReportOutputError(target, "tệp đang mở trong Excel")

    monkeypatch.setattr(report_preview, "save_appendix_xlsx", refused)
    preview.save_xlsx_to(tmp_path / "bang.xlsx")
    qtbot.waitUntil(operations.idle, timeout=10_000)
    assert prompts.warnings[-1].endswith("tệp đang mở trong Excel")
    assert prompts.notices == []  # nothing said to be written


def test_a_plan_whose_report_cannot_be_gathered_is_a_warning_and_no_preview(
    qtbot: QtBot,
    db: Database,
    plan_id: int,
    prompts: ScriptedPrompts,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def no_period(db: Database, plan_id: int, today: object, variant: str) -> object:
        raise NotFoundError("Kế hoạch chưa có kỳ báo cáo nào.")

    monkeypatch.setattr(report_preview, "document_of", no_period)
    assert open_report_preview(None, db, plan_id) is None
    assert prompts.warnings == ["Kế hoạch chưa có kỳ báo cáo nào."]
