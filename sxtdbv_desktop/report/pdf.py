"""The report as a PDF: A4 portrait, the NĐ30 margins, page numbers centred at the top from
page 2, the bundled font embedded (reportlab subsets TrueType fonts into /FontFile2)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any, BinaryIO

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

from sxtdbv_desktop import __version__
from sxtdbv_desktop.report.body import story
from sxtdbv_desktop.report.content import ConsolidatedReport
from sxtdbv_desktop.report.fonts import REGULAR, register_fonts
from sxtdbv_desktop.report.styles import (
    BODY_SIZE,
    BOTTOM,
    LEFT,
    PAGE_HEIGHT,
    PAGE_NUMBER_BASELINE,
    PAGE_WIDTH,
    RIGHT,
    TOP,
)
from sxtdbv_desktop.text import nfc

PAGE_NUMBER_SIZE = 13
_LAYOUT = threading.Lock()
"""reportlab keeps per-document font state in shared objects: one layout at a time."""

Progress = Callable[[int], None]
"""Called with the number of each page once it is laid out (it may raise to cancel)."""


class NumberedCanvas(Canvas):  # type: ignore[misc]
    """Keeps every page until the end, then draws the page numbers (two passes).

    Nghị định 30/2020: the number is centred in the top margin and page 1 has none. Knowing
    the total lets a one-page report carry no number at all.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._page_states: list[dict[str, Any]] = []

    def showPage(self) -> None:
        self._page_states.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._page_states)
        for state in self._page_states:
            self.__dict__.update(state)
            self._draw_page_number(total)
            super().showPage()
        super().save()

    def _draw_page_number(self, total: int) -> None:
        number = self.getPageNumber()
        if number == 1 or total < 2:
            return
        self.saveState()
        self.setFont(REGULAR, PAGE_NUMBER_SIZE)
        self.drawCentredString(
            LEFT + (PAGE_WIDTH - LEFT - RIGHT) / 2, PAGE_NUMBER_BASELINE, str(number)
        )
        self.restoreState()


def write_pdf(
    report: ConsolidatedReport, target: Path | BinaryIO, progress: Progress | None = None
) -> int:
    """Lay out `report` into `target` (a path or a binary file); return the page count."""
    pages: list[int] = []

    def on_page(canvas: Canvas, doc: BaseDocTemplate) -> None:
        pages.append(doc.page)
        if progress is not None:
            progress(doc.page)

    # The frame has no padding of its own: text starts exactly at the 30 mm left margin.
    frame = Frame(
        LEFT,
        BOTTOM,
        PAGE_WIDTH - LEFT - RIGHT,
        PAGE_HEIGHT - TOP - BOTTOM,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )
    doc = BaseDocTemplate(
        str(target) if isinstance(target, Path) else target,
        pagesize=(PAGE_WIDTH, PAGE_HEIGHT),
        pageTemplates=[PageTemplate("page", [frame], onPage=on_page)],
        initialFontName=REGULAR,  # else every page names Helvetica, a font not embedded
        initialFontSize=BODY_SIZE,
        title=nfc(f"Báo cáo {report.summary_line[0].lower()}{report.summary_line[1:]}"),
        author=nfc(report.reporter or report.settings.issuing_body),
        subject=nfc(report.summary_line),
        creator=f"SX&TDBV Desktop {__version__}",
        lang="vi-VN",
    )
    with _LAYOUT:
        register_fonts()
        doc.build(story(report), canvasmaker=NumberedCanvas)
    return len(pages)
