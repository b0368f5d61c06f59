"""The report as a PDF, laid out from its `Document`: A4, the NĐ 30 margins, page numbers
centred at the top from page 2, each appendix on its own pages (landscape where its tables are
wide) and numbered on its own, the bundled font embedded (reportlab subsets it)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any, BinaryIO

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
)
from reportlab.platypus import Paragraph as PdfParagraph

from sxtdbv_desktop import __version__
from sxtdbv_desktop.report.chart_pdf import chart_drawing
from sxtdbv_desktop.report.document import (
    APPENDIX_LABEL,
    APPENDIX_REFERENCE,
    APPENDIX_TITLE,
    BODY_SIZE,
    CAPTION,
    Appendix,
    Block,
    Chart,
    Document,
    Paragraph,
    Run,
    Table,
)
from sxtdbv_desktop.report.fonts import REGULAR
from sxtdbv_desktop.report.letterhead import Rule, header_block, signature_block
from sxtdbv_desktop.report.pdf_tables import table_flowable
from sxtdbv_desktop.report.styles import (
    BOTTOM,
    FRAME_WIDTH,
    LANDSCAPE_FRAME_WIDTH,
    LANDSCAPE_HEIGHT,
    LANDSCAPE_WIDTH,
    LEFT_MARGIN,
    PAGE_HEIGHT,
    PAGE_NUMBER,
    PAGE_NUMBER_DROP,
    PAGE_WIDTH,
    RIGHT_MARGIN,
    TOP,
    markup,
    paragraph_style,
)
from sxtdbv_desktop.text import nfc

PORTRAIT, LANDSCAPE = "portrait", "landscape"
_LAYOUT = threading.Lock()
"""reportlab keeps per-document font state in shared objects: one layout at a time."""

Progress = Callable[[int], None]
"""Called with the number of each page once it is laid out (it may raise to cancel)."""


class SectionStart(Flowable):  # type: ignore[misc]
    """Marks the first page of an appendix: its pages are numbered on their own."""

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.canv.section_start = self.canv.getPageNumber()


class NumberedCanvas(Canvas):  # type: ignore[misc]
    """Keeps every page until the end, then draws the page numbers (two passes).

    Nghị định 30/2020: the number is centred in the top margin and the first page has none;
    an appendix's pages are numbered on their own, from 1, again without a number on its first.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._page_states: list[dict[str, Any]] = []
        self.section_start = 1

    def showPage(self) -> None:
        self._page_states.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        for state in self._page_states:
            self.__dict__.update(state)
            self._draw_page_number()
            super().showPage()
        super().save()

    def _draw_page_number(self) -> None:
        number = self.getPageNumber() - self.section_start + 1
        if number <= 1:
            return
        width, height = self._pagesize
        self.saveState()
        self.setFont(REGULAR, PAGE_NUMBER)
        middle = LEFT_MARGIN + (width - LEFT_MARGIN - RIGHT_MARGIN) / 2
        self.drawCentredString(middle, height - PAGE_NUMBER_DROP, str(number))
        self.restoreState()


def write_pdf(document: Document, target: Path | BinaryIO, progress: Progress | None = None) -> int:
    """Lay out `document` into `target` (a path or a binary file); return the page count."""
    pages: list[int] = []

    def on_page(canvas: Canvas, doc: BaseDocTemplate) -> None:
        pages.append(doc.page)
        if progress is not None:
            progress(doc.page)

    doc = BaseDocTemplate(
        str(target) if isinstance(target, Path) else target,
        pagesize=(PAGE_WIDTH, PAGE_HEIGHT),
        pageTemplates=[_template(PORTRAIT, on_page), _template(LANDSCAPE, on_page)],
        initialFontName=REGULAR,  # else every page names Helvetica, a font not embedded
        initialFontSize=BODY_SIZE,
        title=nfc(document.title),
        author=nfc(document.author),
        subject=nfc(document.letterhead.summary),
        keywords=", ".join(document.keywords),
        creator=f"SX&TDBV Desktop {__version__}",
        lang="vi-VN",
    )
    with _LAYOUT:
        doc.build(story(document), canvasmaker=NumberedCanvas)
    return len(pages)


def _template(orientation: str, on_page: Callable[[Canvas, BaseDocTemplate], None]) -> PageTemplate:
    landscape = orientation == LANDSCAPE
    width, height = (LANDSCAPE_WIDTH, LANDSCAPE_HEIGHT) if landscape else (PAGE_WIDTH, PAGE_HEIGHT)
    frame_width = LANDSCAPE_FRAME_WIDTH if landscape else FRAME_WIDTH
    # The frame has no padding of its own: text starts exactly at the 30 mm left margin.
    frame = Frame(LEFT_MARGIN, BOTTOM, frame_width, height - TOP - BOTTOM,
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)  # fmt: skip
    return PageTemplate(orientation, [frame], onPage=on_page, pagesize=(width, height))


def story(document: Document) -> list[Flowable]:
    """Every flowable of the report, in order."""
    flow: list[Flowable] = [*header_block(document.letterhead)]
    flow += blocks(document.body, FRAME_WIDTH)
    closing = flow.pop() if document.body else None
    tail: list[Flowable] = [closing] if closing is not None else []
    flow.append(KeepTogether([*tail, signature_block(document.signature)]))
    orientation = PORTRAIT
    for appendix in document.appendices:
        wanted = LANDSCAPE if appendix.landscape else PORTRAIT
        if wanted != orientation:
            flow.append(NextPageTemplate(wanted))
            orientation = wanted
        flow += [PageBreak(), SectionStart(), *_appendix(appendix)]
    return flow


def _appendix(appendix: Appendix) -> list[Flowable]:
    width = LANDSCAPE_FRAME_WIDTH if appendix.landscape else FRAME_WIDTH
    return [
        PdfParagraph(markup((Run(appendix.label),)), paragraph_style(APPENDIX_LABEL)),
        PdfParagraph(markup((Run(appendix.title),)), paragraph_style(APPENDIX_TITLE)),
        PdfParagraph(markup(appendix.reference), paragraph_style(APPENDIX_REFERENCE)),
        Rule(40 * mm, gap=3),
        *blocks(appendix.blocks, width),
    ]


def blocks(found: tuple[Block, ...], width: float) -> list[Flowable]:
    flow: list[Flowable] = []
    for block in found:
        if isinstance(block, Paragraph):
            flow.append(PdfParagraph(markup(block.runs), paragraph_style(block.style)))
        elif isinstance(block, Table):
            flow += _table(block, width)
        elif isinstance(block, Chart):
            flow += _chart(block, width)
    return flow


_CAPTION_AND_ROWS = 45 * mm
_UNKEPT_CAPTION = ParagraphStyle("caption-unkept", parent=paragraph_style(CAPTION), keepWithNext=0)


def _caption(text: str) -> PdfParagraph:
    return PdfParagraph(markup((Run(text),)), paragraph_style(CAPTION))


def _table(table: Table, width: float) -> list[Flowable]:
    # Not "keep with next": reportlab would then move a table longer than a page whole to the
    # next page, leaving this one blank. The caption only needs its first rows below it.
    caption = PdfParagraph(markup((Run(table.caption),)), _UNKEPT_CAPTION)
    flow: list[Flowable] = [CondPageBreak(_CAPTION_AND_ROWS), caption, table_flowable(table, width)]
    flow += [PdfParagraph(markup(note.runs), paragraph_style(note.style)) for note in table.notes]
    return flow


def _chart(chart: Chart, width: float) -> list[Flowable]:
    drawing = chart_drawing(chart, width)
    notes = [PdfParagraph(markup(n.runs), paragraph_style(n.style)) for n in chart.notes]
    return [KeepTogether([_caption(chart.caption), drawing]), *notes]
