"""`report -o r.docx` and `report -o r.pdf` from the same data carry the same text: both are
read back and compared with the composed document, paragraph by paragraph and table by table
(Word exactly; the PDF, whose lines wrap and whose table cells interleave, word for word)."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import docx
import pytest
from docx.table import Table as WordTable
from docx.table import _Cell
from docx.text.paragraph import Paragraph as WordParagraph
from pypdf import PdfReader

from sxtdbv_desktop.report.document import Chart, Document, Paragraph, Table
from tests.present import present
from tests.report.conftest import Built
from tests.report.pdf_reading import flat
from tests.test_cli import cli

Item = tuple[str, object]  # ("P", text) or ("T", rows of cell texts)


@dataclass(frozen=True)
class Files:
    pdf: Path
    docx: Path


@pytest.fixture(scope="module")
def files(thirty: Built, tmp_path_factory: pytest.TempPathFactory) -> Files:
    folder = tmp_path_factory.mktemp("hai-dinh-dang")
    made = Files(folder / "r.pdf", folder / "r.docx")
    for target in (made.pdf, made.docx):
        done = cli(
            "report", "--db", str(thirty.db_path), "-o", str(target), "--today", "2024-01-05"
        )
        assert done.returncode == 0, done.stderr
        assert f"vào {target}." in done.stdout
    return made


def model_items(document: Document) -> list[Item]:
    """What the document says, in reading order, as the Word file lays it out."""
    items: list[Item] = [("P", document.letterhead.kind), ("P", document.letterhead.summary)]
    for blocks, head in [(document.body, ())] + [
        (a.blocks, (a.label, a.title, "".join(r.text for r in a.reference)))
        for a in document.appendices
    ]:
        items += [("P", text) for text in head]
        for block in blocks:
            if isinstance(block, Paragraph):
                items.append(("P", block.text))
            elif isinstance(block, Table):
                items.append(("P", block.caption))
                header = [c.title for c in block.columns]
                items.append(("T", [header, *([c.text for c in r.cells] for r in block.rows)]))
                items += [("P", note.text) for note in block.notes]
            else:
                assert isinstance(block, Chart)
                items.append(("P", block.caption))
                items += [("P", note.text) for note in block.notes]
    return [item for item in items if item[1]]


def word_items(path: Path) -> list[Item]:
    """The Word file's paragraphs and ruled tables in order (not the letterhead and the
    signature, which are borderless layout tables, nor the empty and picture paragraphs)."""
    items: list[Item] = []
    for block in docx.Document(str(path)).iter_inner_content():
        if isinstance(block, WordParagraph):
            if block.text:
                items.append(("P", block.text))
            continue
        assert isinstance(block, WordTable)
        rows = [_row_texts(row.cells) for row in block.rows]
        if rows[0][0].startswith(("UBND", "ỦY BAN", "SỞ")) or "Nơi nhận" in rows[0][0]:
            continue  # the letterhead, the signature
        items.append(("T", rows))
    return items


def _row_texts(cells: tuple[_Cell, ...]) -> list[str]:
    """A row's cells, a merged cell once (python-docx repeats it for each column it spans)."""
    seen: list[object] = []
    texts = []
    for cell in cells:
        element = cell._tc
        if element not in seen:
            seen.append(element)
            texts.append(cell.text)
    return texts


def pdf_text(path: Path) -> str:
    """The PDF's text without its page numbers (drawn last on each page), flattened; a word
    broken after its hyphen at the end of a line is joined again."""
    pages = []
    for page in PdfReader(path).pages:
        lines = page.extract_text().rstrip().split("\n")
        if re.fullmatch(r"\s*\d+\s*", lines[-1]):
            lines.pop()
        pages.append("\n".join(lines))
    return re.sub(r"(?<=\S)- ", "-", flat(" ".join(pages)))


def test_the_word_file_says_exactly_what_the_document_says(thirty: Built, files: Files) -> None:
    expected = model_items(thirty.document)
    found = word_items(files.docx)
    assert [kind for kind, _ in found] == [kind for kind, _ in expected]
    for (kind, want), (_, got) in zip(expected, found, strict=True):
        assert got == want, kind


def test_the_pdf_says_the_same_paragraphs_and_table_cells(thirty: Built, files: Files) -> None:
    text = pdf_text(files.pdf)
    words = Counter(text.split())
    for kind, value in model_items(thirty.document):
        if kind == "P":
            assert flat(str(value)) in text, value
            continue
        assert isinstance(value, list)
        for row in value:
            for cell in row:
                cell_text = flat(cell)
                if len(cell_text) <= 25:  # one line in its cell: whole in the text
                    assert cell_text in text, cell_text
                else:  # wrapped within its cell, interleaved with its neighbours' lines
                    missing = Counter(cell_text.split()) - words
                    assert not missing, (cell_text, missing)


def test_both_files_come_from_the_same_data_file_and_day(files: Files) -> None:
    word = docx.Document(str(files.docx))
    reader = PdfReader(files.pdf)
    metadata = present(reader.metadata)
    assert word.core_properties.title == metadata.title
    assert word.core_properties.author == metadata.author == "Sở Công Thương"
