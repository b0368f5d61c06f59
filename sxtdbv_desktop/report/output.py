"""Saving the report's files safely: a finished file or none, and a Vietnamese reason if not.

Each file is written beside its destination under a temporary name and moved into place at
the end, so a failure (disk full, the old file open in a PDF reader) never leaves half a file.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from sxtdbv_desktop.errors import SxtdbvError
from sxtdbv_desktop.output_files import DISK_FULL, system_error
from sxtdbv_desktop.report.appendix_xlsx import write_appendix_xlsx
from sxtdbv_desktop.report.document import Document
from sxtdbv_desktop.report.pdf import Progress, write_pdf


class ReportOutputError(SxtdbvError):
    """A report file could not be written; `path` names it."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"Không ghi được tệp {path}: {reason}")
        self.path = path


def save_pdf(document: Document, path: Path, progress: Progress | None = None) -> int:
    """Write the report's PDF to `path`; return its page count."""
    with _replacing(path) as stream:
        return write_pdf(document, stream, progress)


def save_document(document: Document, path: Path) -> int:
    """Write the report to `path` as its suffix says (.pdf, .docx); the PDF's page count, or 0."""
    if path.suffix.lower() == ".docx":
        save_docx(document, path)
        return 0
    return save_pdf(document, path)


def save_docx(document: Document, path: Path) -> None:
    """Write the report as an editable Word document to `path`."""
    from sxtdbv_desktop.report.docx import write_docx  # noqa: PLC0415  (loads python-docx)

    with _replacing(path) as stream:
        write_docx(document, stream)


def save_appendix_xlsx(document: Document, path: Path) -> None:
    """Write the report's tables and appendices as an Excel workbook to `path`."""
    with _replacing(path) as stream:
        write_appendix_xlsx(document, stream)


def copy_report_file(source: Path, target: Path) -> None:
    """Copy a generated file (the preview's PDF) to where the user wants it."""
    with _replacing(target) as stream, open(source, "rb") as original:
        shutil.copyfileobj(original, stream)


@contextlib.contextmanager
def _replacing(path: Path) -> Iterator[BinaryIO]:
    path = Path(path)
    # Created like any new file (not mkstemp's 0600), hidden, unique to this writer.
    temporary = path.with_name(f".{path.name}.{uuid.uuid4().hex[:12]}.tmp")
    try:
        with open(temporary, "xb") as stream:
            yield stream
        os.replace(temporary, path)
    except OSError as error:
        raise ReportOutputError(path, _reason(error)) from error
    finally:
        with contextlib.suppress(OSError):  # on read-only media even this fails
            os.unlink(temporary)


def _reason(error: OSError) -> str:
    reasons: dict[int | None, str] = {
        errno.ENOSPC: DISK_FULL,
        errno.ENOENT: "thư mục không tồn tại. Hãy chọn thư mục khác.",
        errno.EACCES: (
            "không có quyền ghi, hoặc tệp đang mở trong chương trình khác (trình đọc PDF, "
            "Excel). Hãy đóng tệp đó rồi thử lại, hoặc chọn thư mục khác."
        ),
        errno.EROFS: "ổ đĩa chỉ cho phép đọc. Hãy chọn thư mục khác.",
    }
    reasons[errno.EPERM] = reasons[errno.EACCES]
    return reasons.get(error.errno, system_error(error))
