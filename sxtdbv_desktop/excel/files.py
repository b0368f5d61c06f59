"""Opening a received .xlsx safely, and saving a workbook without leaving half a file.

Before openpyxl sees a file it is checked here: its size, that it is a zip at all (an old
.xls or a password-protected workbook is an OLE compound file instead), that it is complete,
and that its members do not inflate beyond a limit (a zip bomb). Then no member may declare a
DTD or an entity, nor an encoding other than UTF-8 or UTF-16 (`office_xml`): entity expansion
attacks are refused here, whichever XML parser openpyxl uses (lxml for the workbook part and
styles once lxml is installed, defusedxml for the worksheets).
"""

from __future__ import annotations

import hashlib
import io
import warnings
import zipfile
from dataclasses import dataclass
from pathlib import Path

import openpyxl
from openpyxl import Workbook

from sxtdbv_desktop.errors import OutputError
from sxtdbv_desktop.excel.errors import FileWriteError, FormError
from sxtdbv_desktop.office_xml import refused_part
from sxtdbv_desktop.output_files import replacing
from sxtdbv_desktop.regular_files import NotReadable, read_regular_file, too_large

MAX_FILE_BYTES = 5 * 1024 * 1024  # a filled form is about 20 KB
MAX_UNCOMPRESSED_BYTES = 30 * 1024 * 1024  # openpyxl needs ~10x this in memory
MAX_MEMBERS = 2000
_OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP_SIGNATURE = b"PK\x03\x04"
_ENCRYPTED_STREAM = "EncryptedPackage".encode("utf-16-le")
UNREADABLE = (
    "tệp Excel bị hỏng hoặc có nội dung không đọc được; hãy mở bằng Excel, "
    "lưu lại dạng .xlsx rồi gửi lại."
)


@dataclass(frozen=True)
class LoadedWorkbook:
    file_name: str
    sha256: str
    workbook: Workbook


def require_safe_xml() -> None:
    """Refuse to read received files if openpyxl would parse the worksheets without defusedxml
    (a second guard behind `office_xml`: the worksheets are most of a file's XML)."""
    if not openpyxl.DEFUSEDXML:
        raise RuntimeError("defusedxml must be installed: openpyxl would parse XML unprotected")


def load_received(path: Path) -> LoadedWorkbook:
    """Read and check a received file; raise `FormError` naming the file and the fault."""
    name = path.name
    try:
        data = read_regular_file(path, MAX_FILE_BYTES)
    except NotReadable as error:
        raise FormError(name, error.rule) from error
    return load_bytes(name, data)


def load_bytes(file_name: str, data: bytes) -> LoadedWorkbook:
    """Check `data` (the bytes of a file called `file_name`) and open it with openpyxl."""
    require_safe_xml()
    if len(data) > MAX_FILE_BYTES:
        raise FormError(file_name, _too_large(len(data)))
    _check_container(file_name, data)
    try:
        with warnings.catch_warnings():
            # Extensions Excel or Calc add (e.g. x14 validations) are dropped with a warning.
            warnings.simplefilter("ignore")
            workbook = openpyxl.load_workbook(io.BytesIO(data), keep_links=False)
    except Exception as error:  # openpyxl raises many kinds on malformed parts
        raise FormError(file_name, UNREADABLE) from error
    return LoadedWorkbook(file_name, hashlib.sha256(data).hexdigest(), workbook)


def _check_container(file_name: str, data: bytes) -> None:
    if data.startswith(_OLE_SIGNATURE):
        if _ENCRYPTED_STREAM in data:
            raise FormError(
                file_name,
                "tệp được đặt mật khẩu (mã hóa) nên không đọc được; hãy mở tệp, bỏ mật khẩu "
                "(Tệp → Thông tin → Bảo vệ sổ làm việc) rồi lưu và gửi lại.",
            )
        raise FormError(
            file_name,
            "tệp ở định dạng Excel 97-2003 (.xls); hãy mở bằng Excel và lưu dạng "
            "Sổ làm việc Excel (.xlsx) rồi gửi lại.",
        )
    if not data.startswith(_ZIP_SIGNATURE):
        raise FormError(file_name, "không phải là tệp Excel .xlsx.")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
            names = {m.filename for m in members}
            _check_sizes(file_name, members)
            refused = [m.filename for m in members if refused_part(archive.read(m))]
    except FormError:
        raise
    except Exception as error:  # zipfile raises many kinds on damaged archives
        raise FormError(
            file_name,
            "tệp bị hỏng hoặc không đầy đủ (có thể do sao chép, tải về chưa xong); "
            "hãy xin gửi lại tệp.",
        ) from error
    if "mimetype" in names and "[Content_Types].xml" not in names:
        raise FormError(
            file_name, "tệp ở định dạng OpenDocument (.ods); hãy lưu dạng .xlsx rồi gửi lại."
        )
    if "[Content_Types].xml" not in names or "xl/workbook.xml" not in names:
        raise FormError(file_name, "không phải là tệp Excel .xlsx (thiếu phần sổ làm việc).")
    if refused:
        # The advice that works: Excel re-saves the content without the declaration.
        raise FormError(file_name, UNREADABLE)


def _check_sizes(file_name: str, members: list[zipfile.ZipInfo]) -> None:
    """Refuse a zip bomb by the sizes its directory declares (zipfile refuses to read past
    them), before a member is decompressed."""
    if len(members) > MAX_MEMBERS or sum(m.file_size for m in members) > MAX_UNCOMPRESSED_BYTES:
        raise FormError(
            file_name,
            "nội dung nén của tệp lớn bất thường (nghi là tệp độc hại dạng «bom nén»); "
            "tệp không được mở.",
        )


def _too_large(size: int) -> str:
    return too_large(size, MAX_FILE_BYTES, "cho một biểu mẫu")


def save_atomically(workbook: Workbook, path: Path) -> None:
    """Save to a temporary file beside `path`, then put it in place: never half a file."""
    try:
        with replacing(Path(path)) as temporary:
            workbook.save(temporary)
    except OutputError as error:
        raise FileWriteError(error.message) from error
