"""Báo cáo → Báo cáo tổng hợp: the consolidated report generated off the GUI thread, shown with
QtPdf, printed on A4 through Qt's print dialog, saved as PDF or its tables as Excel.

Entry point for the main window: `open_report_preview(parent, db, plan_id)`.

QtPdf has no print API: each page is rendered to an image (at most 300 dpi) and painted on the
printer; the same paint function serves the print preview.
"""

from __future__ import annotations

import datetime as dt
import logging
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QBuffer, QObject, QPointF, QRect, QSize, Qt, QThread, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence, QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QProgressDialog,
    QPushButton,
    QSpinBox,
    QToolBar,
    QVBoxLayout,
    QWidget,
)
from sqlite_utils import Database

from sxtdbv_desktop.errors import SxtdbvError
from sxtdbv_desktop.report.content import ConsolidatedReport, build_report
from sxtdbv_desktop.report.output import (
    ReportOutputError,
    copy_report_file,
    save_appendix_xlsx,
    save_pdf,
)
from ui import msgbox
from ui.folders import in_documents

log = logging.getLogger(__name__)

TITLE = "Báo cáo tổng hợp"
MAX_PRINT_DPI = 300
ZOOM_STEP, ZOOM_MIN, ZOOM_MAX = 1.25, 0.25, 4.0


class Cancelled(Exception):
    """The user stopped the generation."""


class _Generator(QObject):
    """Lays the report out into a PDF file in a worker thread."""

    progressed = Signal(int)  # pages laid out so far
    succeeded = Signal(int)  # page count
    failed = Signal(str)  # a Vietnamese message
    cancelled = Signal()

    def __init__(self, report: ConsolidatedReport, path: Path, stop: threading.Event) -> None:
        super().__init__()
        self.report, self.path, self.stop = report, path, stop

    @Slot()
    def run(self) -> None:
        try:
            pages = save_pdf(self.report, self.path, self._page_done)
        except Cancelled:
            self.cancelled.emit()
        except SxtdbvError as error:
            self.failed.emit(error.message)
        except Exception as error:  # a bug: say so, keep the details in the log
            log.exception("report generation failed")
            self.failed.emit(f"Lỗi không mong đợi khi lập báo cáo: {error!r}")
        else:
            self.succeeded.emit(pages)

    def _page_done(self, page: int) -> None:
        if self.stop.is_set():
            raise Cancelled
        self.progressed.emit(page)


def print_pages(document: QPdfDocument, printer: QPrinter) -> int:
    """Paint the document's pages (the printer's range, or all) on `printer`; return how many.

    Each page fills the sheet: the PDF already has its margins, so the printer's are not added.
    """
    printer.setFullPage(True)
    count = document.pageCount()
    first = max(printer.fromPage(), 1) if printer.fromPage() else 1
    last = min(printer.toPage(), count) if printer.toPage() else count
    dpi = min(printer.resolution(), MAX_PRINT_DPI)
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError("máy in không nhận lệnh in")
    try:
        for page in range(first - 1, last):
            if page > first - 1:
                printer.newPage()
            points = document.pagePointSize(page)
            image = document.render(
                page, QSize(round(points.width() * dpi / 72), round(points.height() * dpi / 72))
            )
            target = printer.paperRect(QPrinter.Unit.DevicePixel).toRect()
            painter.fillRect(target, Qt.GlobalColor.white)
            painter.drawImage(_fit(target, image.size()), image)
    finally:
        painter.end()
    return last - first + 1


def _fit(area: QRect, size: QSize) -> QRect:
    scaled = size.scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
    left = area.x() + (area.width() - scaled.width()) // 2
    top = area.y() + (area.height() - scaled.height()) // 2
    return QRect(left, top, scaled.width(), scaled.height())


def a4_printer() -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setPageOrientation(QPageLayout.Orientation.Portrait)
    printer.setDocName(TITLE)
    return printer


class ReportPreview(QDialog):
    """The generated report in a scrollable view with navigation, zoom, print and save."""

    ready = Signal(int)  # the PDF is shown; its page count
    failed = Signal(str)

    def __init__(self, report: ConsolidatedReport, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.report = report
        self.setWindowTitle(f"{TITLE} năm {report.year}")
        self.resize(900, 1000)
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
        self._stop = threading.Event()
        self._thread: QThread | None = None
        self._generator: _Generator | None = None
        self._progress: QProgressDialog | None = None
        self._build_layout()
        self.view.pageNavigator().currentPageChanged.connect(self._show_page_number)
        self.view.zoomFactorChanged.connect(self._show_zoom)
        self.page_box.valueChanged.connect(lambda n: self.go_to_page(n - 1))
        self.finished.connect(self._clean_up)

    # --- layout ---------------------------------------------------------

    def _build_layout(self) -> None:
        bar = QToolBar(self)
        self.actions_by_name: dict[str, QAction] = {}
        key = QKeySequence.StandardKey
        navigation = (
            ("first", "Trang đầu", key.MoveToStartOfDocument, self.first_page),
            ("previous", "Trang trước", key.MoveToPreviousPage, self.previous_page),
            ("next", "Trang sau", key.MoveToNextPage, self.next_page),
            ("last", "Trang cuối", key.MoveToEndOfDocument, self.last_page),
            ("zoom_out", "Thu nhỏ", key.ZoomOut, self.zoom_out),
            ("zoom_in", "Phóng to", key.ZoomIn, self.zoom_in),
            ("fit_width", "Vừa chiều rộng", None, self.fit_width),
            ("fit_page", "Vừa trang", None, self.fit_page),
        )
        for name, text, shortcut, slot in navigation:
            bar.addAction(self._action(name, text, shortcut, slot))
            if name == "previous":
                bar.addWidget(self.page_box)
                bar.addWidget(self.page_count_label)
            if name == "last":
                bar.addSeparator()
            if name == "zoom_in":
                bar.addWidget(self.zoom_label)
        commands = QHBoxLayout()
        commands.setContentsMargins(8, 4, 8, 8)
        for name, text, shortcut, slot in (
            ("print", "In…", key.Print, self.print_report),
            ("print_preview", "Xem trước khi in…", None, self.preview_print),
            ("save_pdf", "Lưu thành PDF…", key.Save, self.save_pdf_as),
            ("save_xlsx", "Xuất bảng, phụ lục ra Excel…", None, self.save_xlsx_as),
        ):
            commands.addWidget(self._button(self._action(name, text, shortcut, slot)))
        commands.addStretch(1)
        close = QPushButton("Đóng", self)
        close.clicked.connect(self.reject)
        commands.addWidget(close)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(bar)
        layout.addWidget(self.view, 1)
        layout.addLayout(commands)
        self._set_enabled(False)

    def _action(
        self,
        name: str,
        text: str,
        shortcut: QKeySequence.StandardKey | None,
        slot: Callable[[], None],
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
            action.setToolTip(
                f"{text} ({action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)})"
            )
        action.triggered.connect(slot)
        self.addAction(action)  # its shortcut works wherever the focus is in the dialog
        self.actions_by_name[name] = action
        return action

    def _button(self, action: QAction) -> QPushButton:
        button = QPushButton(action.text(), self)
        button.setToolTip(action.toolTip())
        button.clicked.connect(action.trigger)
        action.enabledChanged.connect(button.setEnabled)
        return button

    def _set_enabled(self, enabled: bool) -> None:
        for action in self.actions_by_name.values():
            action.setEnabled(enabled)
        self.page_box.setEnabled(enabled)

    # --- generation -------------------------------------------------------

    def generate(self) -> None:
        """Lay the report out in a worker thread, with a progress dialog; emit `ready`."""
        self._progress = QProgressDialog(
            "Đang lập báo cáo tổng hợp…", "Hủy", 0, 0, self.parentWidget() or self
        )
        self._progress.setWindowTitle(TITLE)
        self._progress.setMinimumDuration(300)
        self._generator = _Generator(self.report, self.pdf_path, self._stop)
        self._thread = QThread(self)
        self._generator.moveToThread(self._thread)
        self._thread.started.connect(self._generator.run)
        self._generator.progressed.connect(self._on_progress)
        self._generator.succeeded.connect(self._on_generated)
        self._generator.failed.connect(self._on_failed)
        self._generator.cancelled.connect(self._on_cancelled)
        self._progress.canceled.connect(self.cancel)
        self._thread.start()

    def cancel(self) -> None:
        """Stop the generation at the next page (the dialog then closes)."""
        self._stop.set()

    def _stop_thread(self) -> None:
        if self._thread is not None:
            self._thread.quit()
            self._thread.wait()
            self._thread = None
            self._generator = None  # its thread has finished: it can go
        if self._progress is not None:
            self._progress.reset()
            self._progress.deleteLater()
            self._progress = None

    @Slot(int)
    def _on_progress(self, page: int) -> None:
        if self._progress is not None:
            self._progress.setLabelText(f"Đang lập báo cáo tổng hợp… (trang {page})")

    @Slot(int)
    def _on_generated(self, pages: int) -> None:
        self._stop_thread()
        if not self._load_in_memory() or self.document.status() != QPdfDocument.Status.Ready:
            self._on_failed("Không mở được tệp PDF vừa lập.")
            return
        self.page_box.setRange(1, self.document.pageCount())
        self.page_count_label.setText(f" / {self.document.pageCount()} ")
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

    @Slot(str)
    def _on_failed(self, message: str) -> None:
        self._stop_thread()
        self.failed.emit(message)
        msgbox.warn(self.parentWidget() or self, TITLE, message)
        self._give_up()

    @Slot()
    def _on_cancelled(self) -> None:
        self._stop_thread()
        self._give_up()

    def _give_up(self) -> None:
        """Close without ever having been shown (reject() alone would not delete it)."""
        self.reject()
        if self.testAttribute(Qt.WidgetAttribute.WA_DeleteOnClose):
            self.deleteLater()

    def _clean_up(self) -> None:
        self._stop.set()
        self._stop_thread()
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
        try:
            print_pages(self.document, printer)
        except OSError as error:
            msgbox.warn(self, "In báo cáo", f"Không in được: {error}.")
            return False
        return True

    def preview_print(self) -> None:
        printer = a4_printer()
        dialog = QPrintPreviewDialog(printer, self)
        dialog.setWindowTitle("Xem trước khi in")
        dialog.paintRequested.connect(lambda p: print_pages(self.document, p))
        dialog.exec()

    def save_pdf_as(self) -> None:
        name = f"Bao cao tong hop SXTDBV nam {self.report.year}.pdf"
        chosen = msgbox.save_file(self, "Lưu thành PDF", in_documents(name), msgbox.PDF_FILES)
        if chosen is not None:
            self.save_pdf_to(chosen)

    def save_pdf_to(self, target: Path) -> bool:
        try:
            copy_report_file(self.pdf_path, target)
        except ReportOutputError as error:
            msgbox.warn(self, "Lưu thành PDF", error.message)
            return False
        return True

    def save_xlsx_as(self) -> None:
        name = f"Bang va phu luc bao cao SXTDBV nam {self.report.year}.xlsx"
        chosen = msgbox.save_file(self, "Xuất ra Excel", in_documents(name), msgbox.EXCEL_FILES)
        if chosen is not None:
            try:
                save_appendix_xlsx(self.report, chosen)
            except ReportOutputError as error:
                msgbox.warn(self, "Xuất ra Excel", error.message)


def open_report_preview(
    parent: QWidget | None, db: Database, plan_id: int, today: dt.date | None = None
) -> ReportPreview | None:
    """Gather the plan's report (on this thread: the database is this thread's), then lay it
    out in the background and show the preview when it is ready. None if it cannot be made.

    The preview deletes itself when closed; with no `parent`, keep the returned reference
    until then.
    """
    try:
        report = build_report(db, plan_id, today)
    except SxtdbvError as error:
        msgbox.warn(parent, TITLE, error.message)
        return None
    preview = ReportPreview(report, parent)
    preview.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    preview.ready.connect(lambda _pages: preview.show())
    preview.generate()
    return preview
