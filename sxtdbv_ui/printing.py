"""Printing on A4: the printer set up the way Vietnamese offices print, and a PDF's pages
painted on it (QtPdf has no print API: each page is rendered to an image, at most 300 dpi)."""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontDatabase, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrinter

from sxtdbv_desktop.errors import SxtdbvError
from sxtdbv_desktop.paths import resource_path

if TYPE_CHECKING:  # QtPdf loads with the report preview, not at start-up
    from PySide6.QtPdf import QPdfDocument

MAX_PRINT_DPI = 300


SERIF_FAMILIES = ["Times New Roman", "Liberation Serif"]
"""What offices print in; Liberation Serif (bundled) has its metrics and every Vietnamese letter."""


@cache
def _register_bundled_fonts() -> None:
    for face in sorted(resource_path("fonts").glob("LiberationSerif-*.ttf")):
        QFontDatabase.addApplicationFont(str(face))


def serif(points: float) -> QFont:
    """Times New Roman where Windows has it, else the bundled Liberation Serif."""
    _register_bundled_fonts()
    font = QFont()
    font.setFamilies(SERIF_FAMILIES)
    font.setPointSizeF(points)
    return font


class PrinterRefused(SxtdbvError):
    """The printer (or the PDF writer standing in for it) did not start the job."""

    def __init__(self) -> None:
        super().__init__(
            "Máy in không nhận lệnh in. Hãy kiểm tra máy in đã bật, đã nối với máy tính và "
            "được chọn đúng, rồi in lại."
        )


def a4_printer(
    name: str, orientation: QPageLayout.Orientation = QPageLayout.Orientation.Portrait
) -> QPrinter:
    """A printer on A4 paper, portrait unless said; `name` is the job's name in the queue."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setPageOrientation(orientation)
    printer.setDocName(name)
    return printer


def begin(painter: QPainter, printer: QPrinter) -> None:
    """Start painting on `printer`, or say that it refused."""
    if not painter.begin(printer):
        raise PrinterRefused


def print_pdf_pages(document: QPdfDocument, printer: QPrinter) -> int:
    """Paint the document's pages (the printer's range, or all) on `printer`; return how many.

    Each page fills the sheet: the PDF already has its margins, so the printer's are not added.
    """
    printer.setFullPage(True)
    count = document.pageCount()
    first = max(printer.fromPage(), 1) if printer.fromPage() else 1
    last = min(printer.toPage(), count) if printer.toPage() else count
    dpi = min(printer.resolution(), MAX_PRINT_DPI)
    painter = QPainter()
    begin(painter, printer)
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
