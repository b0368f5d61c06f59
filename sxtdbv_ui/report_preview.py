"""Báo cáo → Báo cáo tổng hợp: the consolidated report laid out in the background, shown with
QtPdf, printed on A4, saved as Word or PDF, opened in Word to correct before signing, its
tables and appendices exported to Excel; either variant (the Sở's report, the draft for UBND
Tỉnh).

Entry point for the main window: `open_report_preview(parent, db, plan_id)`.

The window: a command bar on top (the variant, In…, Xem trước khi in…, Lưu thành Word…, Mở
bằng Word, Lưu thành PDF…, Excel…, Đóng), the page navigation and zoom under it, the pages
below; it fits a 1280×720 screen. Another output
is one more command: `preview.add_command(name, text, slot)` (see `ReportPreview.COMMANDS`),
whose slot reads `preview.report` and, for a file, runs through `sxtdbv_ui.operations`.
"""

from __future__ import annotations

import datetime as dt
import logging
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QBuffer, QPointF, Qt, QUrl, Signal
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QLabel,
    QSizePolicy,
    QSpinBox,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)
from sqlite_utils import Database

from sxtdbv_desktop.report.compose import document_of
from sxtdbv_desktop.report.document import Document
from sxtdbv_desktop.report.output import (
    copy_report_file,
    save_appendix_xlsx,
    save_docx,
    save_pdf,
)
from sxtdbv_desktop.report_settings import SO, VARIANT, VARIANT_LABELS, VARIANTS
from sxtdbv_ui import msgbox, operations, printing, texts
from sxtdbv_ui.folders import in_documents
from sxtdbv_ui.operations import Progress
from sxtdbv_ui.screen_fit import compact, fit_to_screen
from sxtdbv_ui.translator import qt_word

log = logging.getLogger(__name__)

TITLE = texts.CONSOLIDATED_REPORT
ZOOM_STEP, ZOOM_MIN, ZOOM_MAX = 1.25, 0.25, 4.0
Key = QKeySequence.StandardKey


def a4_printer() -> QPrinter:
    """The report's printer: A4 portrait."""
    return printing.a4_printer(TITLE)


def print_pages(document: QPdfDocument, printer: QPrinter) -> int:
    return printing.print_pdf_pages(document, printer)


def lay_out(report: Document, path: Path, progress: Progress) -> int:
    """Write the report's PDF to `path` (background work: no widget, no database)."""

    def page_done(page: int) -> None:
        progress.check()
        progress.step(page, 0, f"Đang lập báo cáo tổng hợp… (trang {page})")

    return save_pdf(report, path, page_done)


class ReportPreview(QDialog):
    """The generated report in a scrollable view with navigation, zoom, print and save."""

    ready = Signal(int)  # the PDF is shown; its page count
    failed = Signal(str)

    COMMANDS: tuple[tuple[str, str, Key | str | None, str], ...] = (
        ("print", "&In…", Key.Print, "print_report"),
        ("print_preview", "&Xem trước khi in…", None, "preview_print"),
        ("save_docx", "Lưu thành &Word…", Key.Save, "save_docx_as"),
        ("open_docx", "&Mở bằng Word", None, "open_in_word"),
        ("save_pdf", "Lưu thành &PDF…", "Ctrl+Shift+S", "save_pdf_as"),
        ("save_xlsx", "Bảng, phụ lục ra &Excel…", None, "save_xlsx_as"),
    )
    """The commands on the bar (name, text, shortcut, method): enabled once the report is
    ready. Others are added with `add_command`."""

    def __init__(
        self,
        report: Document,
        parent: QWidget | None = None,
        *,
        variant: str = SO,
        switch: Callable[[str], object] | None = None,
    ) -> None:
        """`switch(variant)`, if given, shows the other variant (the preview then closes)."""
        super().__init__(parent)
        self.report = report
        self.variant = variant
        self._switch = switch
        label = VARIANT_LABELS[variant]
        self.setWindowTitle(f"{TITLE} năm {report.year} — {label[:1].lower()}{label[1:]}")
        fit_to_screen(self, 1180, 1000)  # the commands and the variant in view
        # Clean-up errors are ignored (and logged in _clean_up): closing a preview must never
        # fail because Windows or an antivirus scanner still holds the file.
        self._folder = tempfile.TemporaryDirectory(
            prefix="sxtdbv-bao-cao-", ignore_cleanup_errors=True
        )
        self.pdf_path = Path(self._folder.name) / "bao-cao-tong-hop.pdf"
        self.document = QPdfDocument(self)
        self.view = QPdfView(self)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setDocument(self.document)
        self.page_box = QSpinBox(self)
        self.page_box.setPrefix("Trang ")
        self.page_count_label = QLabel(self)
        self.zoom_label = QLabel(self)
        self._cancelled = False
        self._generation: operations.BackgroundOp | None = None
        self._ready = False
        self.actions_by_name: dict[str, QAction] = {}
        self._build_layout()
        self.view.pageNavigator().currentPageChanged.connect(self._show_page_number)
        self.view.zoomFactorChanged.connect(self._show_zoom)
        self.page_box.valueChanged.connect(lambda n: self.go_to_page(n - 1))
        self.finished.connect(self._clean_up)

    # --- layout ---------------------------------------------------------

    def _build_layout(self) -> None:
        self.command_bar = QToolBar(self)
        self.command_bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.variant_box = compact(QComboBox(self), 24)
        self.variant_box.setAccessibleName(VARIANT)
        self.variant_box.setToolTip("Báo cáo của Sở, hoặc dự thảo để UBND Tỉnh gửi Bộ Công Thương")
        for variant in VARIANTS:
            self.variant_box.addItem(VARIANT_LABELS[variant], variant)
        self.variant_box.setCurrentIndex(VARIANTS.index(self.variant))
        self.variant_box.setEnabled(self._switch is not None)
        self.variant_box.activated.connect(self._on_variant_chosen)
        self._command_end = self._spacer()
        self.command_bar.addWidget(self._command_end)
        close = self.command_bar.addAction(texts.CLOSE, self.reject)
        close.setObjectName("close")
        for name, text, shortcut, method in self.COMMANDS:
            self.add_command(name, text, getattr(self, method), shortcut=shortcut)
        navigation = QToolBar(self)
        navigation_actions = (
            ("first", qt_word("First page"), Key.MoveToStartOfDocument, self.first_page),
            ("previous", qt_word("Previous page"), Key.MoveToPreviousPage, self.previous_page),
            ("next", qt_word("Next page"), Key.MoveToNextPage, self.next_page),
            ("last", qt_word("Last page"), Key.MoveToEndOfDocument, self.last_page),
            ("zoom_out", qt_word("Zoom out"), Key.ZoomOut, self.zoom_out),
            ("zoom_in", qt_word("Zoom in"), Key.ZoomIn, self.zoom_in),
            ("fit_width", qt_word("Fit width"), None, self.fit_width),
            ("fit_page", qt_word("Fit page"), None, self.fit_page),
        )
        for name, text, shortcut, slot in navigation_actions:
            navigation.addAction(self._action(name, text, shortcut, slot))
            if name == "previous":
                navigation.addWidget(self.page_box)
                navigation.addWidget(self.page_count_label)
            if name == "last":
                navigation.addSeparator()
            if name == "zoom_in":
                navigation.addWidget(self.zoom_label)
        navigation.addSeparator()
        navigation.addWidget(self.variant_box)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.command_bar)
        layout.addWidget(navigation)
        layout.addWidget(self.view, 1)
        self._set_enabled(False)

    def add_command(
        self,
        name: str,
        text: str,
        slot: Callable[[], object],
        *,
        shortcut: Key | str | None = None,
        tooltip: str = "",
    ) -> QAction:
        """A command on the bar, before "Đóng", enabled once the report is ready (e.g. another
        output: `add_command("save_docx", "Lưu thành &Word…", self.save_docx_as)`)."""
        action = self._action(name, text, shortcut, slot, tooltip)
        action.setIconText(text.replace("&", ""))  # keep the "…" of a command that asks more
        self.command_bar.insertAction(self._command_end_action(), action)
        button = self.command_bar.widgetForAction(action)
        if isinstance(button, QToolButton):
            button.setObjectName(name)
        action.setEnabled(self._ready)
        return action

    def _spacer(self) -> QWidget:
        spacer = QWidget(self)
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        return spacer

    def _command_end_action(self) -> QAction:
        for action in self.command_bar.actions():
            if self.command_bar.widgetForAction(action) is self._command_end:
                return action
        raise AssertionError("the command bar lost its spacer")

    def _action(
        self,
        name: str,
        text: str,
        shortcut: Key | str | None,
        slot: Callable[[], object],
        tooltip: str = "",
    ) -> QAction:
        action = QAction(text, self)
        tip = tooltip or text.replace("&", "").rstrip("…")
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
            keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            tip = f"{tip} ({keys})"
        action.setToolTip(tip)
        action.triggered.connect(slot)
        self.addAction(action)  # its shortcut works wherever the focus is in the dialog
        self.actions_by_name[name] = action
        return action

    def _set_enabled(self, enabled: bool) -> None:
        for action in self.actions_by_name.values():
            action.setEnabled(enabled)
        self.page_box.setEnabled(enabled)

    # --- generation -------------------------------------------------------

    def generate(self) -> None:
        """Lay the report out in the background, with progress the user may stop; `ready` is
        emitted when the pages are shown, `rejected` when it was stopped or failed."""
        report, path = self.report, self.pdf_path
        self._generation = operations.run_in_background(
            self.parentWidget() or self,
            TITLE,
            lambda progress: lay_out(report, path, progress),
            success=self._on_generated,
            failure=self._on_failed,
            progress="Đang lập báo cáo tổng hợp…",
            cancellable=True,
        )
        self._generation.finished.connect(self._after_generation)
        if self._cancelled:
            self._generation.cancel()

    def cancel(self) -> None:
        """Stop the generation at the next page (the dialog then closes)."""
        self._cancelled = True
        if self._generation is not None:
            self._generation.cancel()

    def _on_generated(self, pages: int) -> None:
        if not self._load_in_memory() or self.document.status() != QPdfDocument.Status.Ready:
            self._on_failed("Không mở được tệp PDF vừa lập.")
            return
        self.page_box.setRange(1, self.document.pageCount())
        self.page_count_label.setText(f" / {self.document.pageCount()} ")
        self._ready = True
        self._set_enabled(True)
        self._show_zoom()
        self.ready.emit(pages)

    def _load_in_memory(self) -> bool:
        """Show the PDF from a copy in memory: QPdfDocument keeps a file it loaded open until it
        is destroyed (close() does not release it), and Windows cannot delete an open file."""
        try:
            data = self.pdf_path.read_bytes()
        except OSError:
            log.warning("Không đọc được %s", self.pdf_path, exc_info=True)
            return False
        self._pdf_buffer = QBuffer(self.document)  # lives as long as the document
        self._pdf_buffer.setData(data)
        self._pdf_buffer.open(QBuffer.OpenModeFlag.ReadOnly)
        self.document.load(self._pdf_buffer)
        return True

    def _on_failed(self, message: str) -> None:
        self.failed.emit(message)
        msgbox.warn(self.parentWidget() or self, TITLE, message)

    def _after_generation(self) -> None:
        """Stopped, refused or broken: close without ever having been shown."""
        self._generation = None
        if not self._ready:
            self.reject()
            if self.testAttribute(Qt.WidgetAttribute.WA_DeleteOnClose):
                self.deleteLater()

    def _clean_up(self) -> None:
        self.cancel()
        self.document.close()
        self._folder.cleanup()
        if Path(self._folder.name).exists():
            log.warning("Không xóa được thư mục tạm %s (tệp đang bị giữ)", self._folder.name)

    # --- navigation and zoom ----------------------------------------------

    def current_page(self) -> int:
        """The page shown, from 0."""
        return int(self.view.pageNavigator().currentPage())

    def go_to_page(self, page: int) -> None:
        page = max(0, min(page, self.document.pageCount() - 1))
        if page != self.current_page():
            self.view.pageNavigator().jump(page, QPointF(), self.view.pageNavigator().currentZoom())

    def first_page(self) -> None:
        self.go_to_page(0)

    def previous_page(self) -> None:
        self.go_to_page(self.current_page() - 1)

    def next_page(self) -> None:
        self.go_to_page(self.current_page() + 1)

    def last_page(self) -> None:
        self.go_to_page(self.document.pageCount() - 1)

    def _show_page_number(self, page: int) -> None:
        self.page_box.blockSignals(True)
        self.page_box.setValue(page + 1)
        self.page_box.blockSignals(False)

    def zoom_in(self) -> None:
        self._zoom(self.view.zoomFactor() * ZOOM_STEP)

    def zoom_out(self) -> None:
        self._zoom(self.view.zoomFactor() / ZOOM_STEP)

    def _zoom(self, factor: float) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(max(ZOOM_MIN, min(factor, ZOOM_MAX)))

    def fit_width(self) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)

    def fit_page(self) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.FitInView)

    def _show_zoom(self) -> None:
        if self.view.zoomMode() == QPdfView.ZoomMode.Custom:
            self.zoom_label.setText(f" {round(self.view.zoomFactor() * 100)} % ")
        else:
            self.zoom_label.setText(" Tự động ")

    # --- printing and saving ------------------------------------------------

    def print_report(self) -> None:
        printer = a4_printer()
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle("In báo cáo")
        dialog.setMinMax(1, self.document.pageCount())
        dialog.setOption(QPrintDialog.PrintDialogOption.PrintPageRange, True)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.print_to(printer)

    def print_to(self, printer: QPrinter) -> bool:
        """Print on an already set-up printer; tell the user if it failed."""
        return operations.run(self, "In báo cáo", lambda: print_pages(self.document, printer))

    def preview_print(self) -> None:
        printer = a4_printer()
        dialog = QPrintPreviewDialog(printer, self)
        dialog.setWindowTitle(qt_word("Print Preview"))
        fit_to_screen(dialog, 1000, 1000)
        dialog.paintRequested.connect(lambda p: print_pages(self.document, p))
        dialog.exec()

    def _on_variant_chosen(self, index: int) -> None:
        chosen = str(self.variant_box.itemData(index))
        if chosen != self.variant and self._switch is not None:
            self._switch(chosen)
            self.reject()

    def _file_name(self, suffix: str) -> str:
        kind = "Du thao UBND Tinh" if self.variant != SO else "Bao cao tong hop"
        return f"{kind} SXTDBV nam {self.report.year}{suffix}"

    def save_docx_as(self) -> None:
        chosen = msgbox.save_file(
            self, "Lưu thành Word", in_documents(self._file_name(".docx")), msgbox.WORD_FILES
        )
        if chosen is not None:
            self.save_docx_to(chosen)

    def save_docx_to(
        self, target: Path, then: Callable[[Path], None] | None = None
    ) -> operations.BackgroundOp:
        """Write the Word document to `target` in the background; then `then(target)`, or
        say where it went."""
        report = self.report
        done = then or (lambda path: self._saved("Lưu thành Word", path))
        return operations.run_in_background(
            self,
            "Lưu thành Word",
            lambda progress: save_docx(report, target),
            success=lambda _: done(target),
            progress="Đang ghi tệp Word…",
        )

    def open_in_word(self) -> operations.BackgroundOp:
        """Save the Word document in Documents (never over an earlier one: the office may have
        corrected it) and open it with the computer's program for .docx."""
        target = unused_name(in_documents(self._file_name(".docx")))
        return self.save_docx_to(target, then=self._open)

    def _open(self, path: Path) -> None:
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
            msgbox.warn(
                self,
                "Mở bằng Word",
                f"Đã lưu {path}, nhưng máy chưa có chương trình mở tệp .docx (Microsoft "
                "Word, LibreOffice Writer, WPS Writer). Hãy cài một chương trình như vậy, hoặc "
                "mở tệp trên máy khác.",
            )

    def save_pdf_as(self) -> None:
        name = self._file_name(".pdf")
        chosen = msgbox.save_file(self, "Lưu thành PDF", in_documents(name), msgbox.PDF_FILES)
        if chosen is not None:
            self.save_pdf_to(chosen)

    def save_pdf_to(self, target: Path) -> bool:
        return operations.run(
            self,
            "Lưu thành PDF",
            lambda: copy_report_file(self.pdf_path, target),
            success=lambda _: self._saved("Lưu thành PDF", target),
        )

    def save_xlsx_as(self) -> None:
        name = f"Bang va phu luc bao cao SXTDBV nam {self.report.year}.xlsx"
        chosen = msgbox.save_file(self, "Xuất ra Excel", in_documents(name), msgbox.EXCEL_FILES)
        if chosen is not None:
            self.save_xlsx_to(chosen)

    def save_xlsx_to(self, target: Path) -> operations.BackgroundOp:
        """Write the tables and appendices to `target` in the background."""
        report = self.report
        return operations.run_in_background(
            self,
            "Xuất ra Excel",
            lambda progress: save_appendix_xlsx(report, target),
            success=lambda _: self._saved("Xuất ra Excel", target),
            progress=texts.WRITING_EXCEL,
        )

    def _saved(self, title: str, target: Path) -> None:
        msgbox.inform(self, title, f"Đã ghi {target}.")


def unused_name(path: Path) -> Path:
    """`path`, or "… (2).docx", "… (3).docx"… if a file of that name is already there."""
    candidate, number = path, 1
    while candidate.exists():
        number += 1
        candidate = path.with_name(f"{path.stem} ({number}){path.suffix}")
    return candidate


def open_report_preview(
    parent: QWidget | None,
    db: Database,
    plan_id: int,
    today: dt.date | None = None,
    variant: str = SO,
) -> ReportPreview | None:
    """Gather the plan's report (on this thread: the database is this thread's), then lay it
    out in the background and show the preview when it is ready. None if it cannot be made.

    The preview deletes itself when closed; with no `parent`, keep the returned reference
    until then.
    """
    gathered: list[Document] = []
    if not operations.run(parent, TITLE, lambda: document_of(db, plan_id, today, variant),
                          success=gathered.append):  # fmt: skip
        return None

    def switch(other: str) -> None:
        open_report_preview(parent, db, plan_id, today, other)

    preview = ReportPreview(gathered[0], parent, variant=variant, switch=switch)
    preview.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    preview.ready.connect(lambda _pages: preview.show())
    preview.generate()
    return preview
