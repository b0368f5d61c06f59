"""Reading a plan document's text: Word (.docx), a PDF with text, or a text file.

- .docx: its paragraphs in order, the letterhead table's cells included (python-docx); the
  file is checked first like a received Excel form (a zip, not too large, no DTD in any
  part, see `office_xml`).
- .pdf: the text of every page laid out as on the page (pypdf, pure Python; of the extractors
  tried on Vietnamese PDFs made by Word, LibreOffice and reportlab, the one that kept every
  letter and the reading order), so that first-line indents show where paragraphs start. A
  scanned PDF has no text: it is refused with what to do instead.
- .txt: UTF-8 (with or without a byte order mark), else UTF-16, else Windows-1258; text typed
  in TCVN3 or VNI is converted (`legacy_text`). Its lines are a page's lines (a PDF's text),
  or, when they are far longer than a page is wide, whole paragraphs (Word's plain text).

Every text is NFC afterwards: PDFs often give Vietnamese letters decomposed.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from pathlib import Path

from sxtdbv_desktop import legacy_text
from sxtdbv_desktop.errors import SxtdbvError
from sxtdbv_desktop.office_xml import part_with_dtd
from sxtdbv_desktop.plan_import.paragraphs import (
    Paragraph,
    paragraphs_as_written,
    paragraphs_from_lines,
)
from sxtdbv_desktop.regular_files import unreadable
from sxtdbv_desktop.text import nfc

MAX_BYTES = 20 * 1024 * 1024
MAX_UNCOMPRESSED = 100 * 1024 * 1024
KINDS = {".docx": "Word", ".pdf": "PDF", ".txt": "văn bản"}


class DocumentError(SxtdbvError):
    """A file that cannot be read as a plan document; the message names the file."""

    def __init__(self, file_name: str, problem: str) -> None:
        super().__init__(f"Tệp {file_name}: {problem}")
        self.file_name = file_name
        self.problem = problem


@dataclass(frozen=True)
class Document:
    name: str
    kind: str  # "Word", "PDF", "văn bản"
    paragraphs: tuple[Paragraph, ...]

    @property
    def text(self) -> str:
        """The document's text, a paragraph a line (what the review shows beside the draft)."""
        return "\n".join(p.text for p in self.paragraphs)


def read_document(path: Path) -> Document:
    """The paragraphs of the plan document at `path`."""
    name = path.name
    suffix = path.suffix.lower()
    if suffix == ".doc":
        raise DocumentError(
            name,
            "tệp Word 97-2003 (.doc) không đọc được; hãy mở bằng Word và "
            "lưu lại dạng .docx, hoặc xuất ra PDF.",
        )
    if suffix not in KINDS:
        raise DocumentError(
            name, "chỉ đọc được kế hoạch dạng Word (.docx), PDF (.pdf) hoặc văn bản (.txt)."
        )
    try:
        if path.stat().st_size > MAX_BYTES:
            raise DocumentError(name, "tệp quá lớn (tối đa 20 MB) cho một văn bản kế hoạch.")
        data = path.read_bytes()
    except OSError as error:
        raise DocumentError(name, unreadable(error)) from error
    reader = {".docx": _docx, ".pdf": _pdf, ".txt": _txt}[suffix]
    paragraphs = reader(name, data)
    if not paragraphs:
        raise DocumentError(name, "tệp không có chữ nào.")
    return Document(name, KINDS[suffix], tuple(paragraphs))


def _txt(name: str, data: bytes) -> list[Paragraph]:
    text = _decode(data)
    encoding = legacy_text.detect_legacy(text)
    if encoding is not None:
        text = legacy_text.to_unicode(text, encoding)
    lines = nfc(text).splitlines()
    if _one_paragraph_a_line(lines):  # saved from Word as plain text
        return paragraphs_as_written(lines)
    return paragraphs_from_lines(lines)


def _one_paragraph_a_line(lines: list[str]) -> bool:
    """Lines far longer than a page's: each is a whole paragraph, not a wrapped line."""
    long = sum(1 for line in lines if len(line.strip()) > 110)
    return long >= 3 and long * 5 >= sum(1 for line in lines if len(line.strip()) > 40)


def _decode(data: bytes) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1258", errors="replace")


def _pdf(name: str, data: bytes) -> list[Paragraph]:
    import pypdf  # noqa: PLC0415  (loaded when a PDF is read, not at start-up)
    from pypdf.errors import PyPdfError  # noqa: PLC0415

    try:
        reader = pypdf.PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise DocumentError(name, "tệp PDF có mật khẩu; hãy gửi bản không đặt mật khẩu.")
        pages = [page.extract_text(extraction_mode="layout") or "" for page in reader.pages]
    except (PyPdfError, ValueError, KeyError, TypeError, OSError) as error:
        raise DocumentError(name, "tệp PDF bị hỏng hoặc không đọc được.") from error
    text = nfc("\n".join(pages))
    if sum(c.isalpha() for c in text) < 200:
        raise DocumentError(
            name,
            "tệp PDF không có chữ (có lẽ là bản chụp, bản scan): hãy dùng "
            "bản Word (.docx) hoặc PDF xuất từ Word của văn bản.",
        )
    return paragraphs_from_lines(text.splitlines(), laid_out=True)


def _docx(name: str, data: bytes) -> list[Paragraph]:
    _check_zip(name, data)
    import docx  # noqa: PLC0415  (python-docx: loaded when a Word file is read)
    from docx.opc.exceptions import PackageNotFoundError  # noqa: PLC0415

    try:
        document = docx.Document(io.BytesIO(data))
        texts = _docx_texts(document)
    except (PackageNotFoundError, KeyError, ValueError) as error:
        raise DocumentError(name, "tệp Word bị hỏng hoặc không đọc được.") from error
    return paragraphs_as_written([nfc(text) for text in texts])


def _docx_texts(document: object) -> list[str]:
    """The body's paragraphs and table cells' paragraphs, in document order."""
    from docx.table import Table  # noqa: PLC0415
    from docx.text.paragraph import Paragraph as WordParagraph  # noqa: PLC0415

    texts: list[str] = []
    for block in document.iter_inner_content():  # type: ignore[attr-defined]
        if isinstance(block, WordParagraph):
            texts.append(block.text)
        elif isinstance(block, Table):
            for row in block.rows:
                for cell in row.cells:
                    texts += [p.text for p in cell.paragraphs]
    return texts


def _check_zip(name: str, data: bytes) -> None:
    damaged = "tệp Word bị hỏng hoặc không đầy đủ; hãy xin gửi lại tệp."
    if not data.startswith(b"PK\x03\x04"):
        raise DocumentError(name, "không phải là tệp Word .docx.")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
            if sum(m.file_size for m in members) > MAX_UNCOMPRESSED or len(members) > 5000:
                raise DocumentError(name, "nội dung nén của tệp lớn bất thường; tệp không được mở.")
            if "word/document.xml" not in {m.filename for m in members}:
                raise DocumentError(name, "không phải là tệp Word .docx.")
            crafted = part_with_dtd(archive)
    except DocumentError:
        raise
    except Exception as error:  # zipfile raises many kinds on damaged archives
        raise DocumentError(name, damaged) from error
    if crafted is not None:
        raise DocumentError(
            name,
            f"phần {crafted} của tệp khai báo DTD, điều tệp Word thật không có; tệp không được mở.",
        )
