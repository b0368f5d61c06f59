"""Any table printed on A4 landscape: a Vietnamese title, the header row repeated on each page,
and "Trang 1/3" at the foot of every page, with the table's title beside it."""

from __future__ import annotations

import html

from PySide6.QtCore import QMarginsF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import QPageLayout, QPainter, QTextDocument
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QWidget

from sxtdbv_ui import printing
from sxtdbv_ui.screen_fit import fit_to_screen
from sxtdbv_ui.tables.snapshot import Snapshot

MARGIN_MM = 12
FONT_POINTS = 10
FOOTER_POINTS = 8


def table_printer(title: str) -> QPrinter:
    """A4 landscape with 12 mm margins: most tables are wider than they are long."""
    printer = printing.a4_printer(title, QPageLayout.Orientation.Landscape)
    printer.setPageMargins(QMarginsF(*(MARGIN_MM,) * 4), QPageLayout.Unit.Millimeter)
    return printer


def table_html(snapshot: Snapshot) -> str:
    """The title, its subtitle and the table, as Qt's rich text draws them."""
    head = "".join(f"<th>{html.escape(h)}</th>" for h in snapshot.headers)
    rows = []
    for row in snapshot.rows:
        cells = [
            f"<td{' align=right' if right else ''}>"
            f"{html.escape(cell.text).replace(chr(10), '<br>')}</td>"
            for cell, right in zip(row, snapshot.right, strict=True)
        ]
        rows.append("<tr>" + "".join(cells) + "</tr>")
    subtitle = f"<p align=center>{html.escape(snapshot.subtitle)}</p>" if snapshot.subtitle else ""
    return (
        f"<h3 align=center>{html.escape(snapshot.title.upper())}</h3>{subtitle}"
        "<table border=1 cellspacing=0 cellpadding=3 width=100% style='border-collapse:collapse'>"
        f"<thead><tr bgcolor='#dde6f0'>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
    )


def print_snapshot(snapshot: Snapshot, printer: QPrinter) -> int:
    """Paint the table on `printer`, page after page; return the number of pages."""
    document = QTextDocument()
    document.documentLayout().setPaintDevice(printer)
    document.setDefaultFont(printing.serif(FONT_POINTS))
    document.setHtml(table_html(snapshot))
    page = printer.pageRect(QPrinter.Unit.DevicePixel)
    footer_font = printing.serif(FOOTER_POINTS)
    footer = footer_font.pointSizeF() * printer.resolution() / 72 * 2.2
    body = QSizeF(page.width(), page.height() - footer)
    document.setPageSize(body)
    count = document.pageCount()
    painter = QPainter()
    printing.begin(painter, printer)
    try:
        for number in range(count):
            if number:
                printer.newPage()
            painter.save()
            painter.translate(QPointF(0, -number * body.height()))
            document.drawContents(painter, QRectF(QPointF(0, number * body.height()), body))
            painter.restore()
            painter.setFont(footer_font)
            area = QRectF(0, body.height(), body.width(), footer)
            _footer(painter, area, snapshot.title, f"Trang {number + 1}/{count}")
    finally:
        painter.end()
    return count


def _footer(painter: QPainter, area: QRectF, title: str, page: str) -> None:
    painter.setPen(Qt.GlobalColor.black)
    bottom = Qt.AlignmentFlag.AlignBottom
    painter.drawText(area, int(Qt.AlignmentFlag.AlignLeft | bottom), title)
    painter.drawText(area, int(Qt.AlignmentFlag.AlignRight | bottom), page)


def preview_and_print(snapshot: Snapshot, parent: QWidget | None) -> None:
    """Qt's print preview (in Vietnamese), from which the user prints or changes the page."""
    printer = table_printer(snapshot.title)
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setWindowTitle(f"In bảng — {snapshot.title}")
    fit_to_screen(dialog, 1200, 900)
    dialog.paintRequested.connect(lambda target: print_snapshot(snapshot, target))
    dialog.exec()
