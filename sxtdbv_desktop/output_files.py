"""Writing a file the user asked for: finished or not at all, and a Vietnamese reason if not.

Each file is written beside its destination under a temporary name and moved into place at
the end, so a failure (a full disk, read-only media, the old file open in Excel) never leaves
half a file, and never a Python traceback: every `OSError` becomes an `OutputError`.
"""

from __future__ import annotations

import contextlib
import errno
import os
import uuid
from collections.abc import Iterator
from pathlib import Path

from sxtdbv_desktop import disk
from sxtdbv_desktop.errors import OutputError

NO_FOLDER = "Không tạo được thư mục"
DISK_FULL = "ổ đĩa đã đầy. Hãy giải phóng dung lượng hoặc chọn ổ đĩa khác."


def system_error(error: OSError) -> str:
    """An error the system gave no better reason for: "lỗi của hệ thống (…)."."""
    return f"lỗi của hệ thống ({error.strerror or error})."


@contextlib.contextmanager
def replacing(path: Path) -> Iterator[Path]:
    """A temporary path beside `path` to write; moved over `path` when the block ends."""
    path = Path(path)
    # Hidden, unique to this writer, in the same folder so that the move is a rename.
    temporary = path.with_name(f".~{path.name}.{uuid.uuid4().hex[:8]}.tmp")
    try:
        yield temporary
        os.replace(temporary, path)
    except OSError as error:
        raise output_error(path, error) from error
    finally:
        with contextlib.suppress(OSError):  # on read-only media even this fails
            temporary.unlink()


def make_folder(folder: Path) -> Path:
    """Create `folder` (and its parents) for files to come, or say why it cannot be."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise output_error(folder, error, folder=True) from error
    if not folder.is_dir():
        raise OutputError(f"{NO_FOLDER} {folder}: đã có một tệp trùng tên.")
    return folder


def output_error(path: Path, error: OSError, *, folder: bool = False) -> OutputError:
    what = "thư mục" if folder else "tệp"
    return OutputError(f"Không ghi được {what} {path}: {reason(path, error)}")


def reason(path: Path, error: OSError) -> str:
    """Why writing `path` failed, for a clerk: what happened and what to do."""
    parent = path.parent
    if error.errno != errno.EROFS and disk.is_read_only_media(disk.existing_folder(parent)):
        error = OSError(errno.EROFS, error.strerror)  # Windows says "access denied" there
    no_permission = (
        f"không có quyền ghi vào thư mục {parent}, hoặc tệp đang mở trong chương trình khác "
        "(Excel, trình đọc PDF). Hãy đóng tệp đó rồi thử lại, hoặc chọn thư mục khác."
    )
    not_a_folder = "một phần của đường dẫn là tệp chứ không phải thư mục. Hãy chọn thư mục khác."
    reasons = {
        errno.ENOSPC: DISK_FULL,
        errno.EROFS: (
            "ổ đĩa chỉ cho phép đọc (đĩa CD/DVD, USB đã gạt khóa chống ghi, thư mục dùng "
            "chung chỉ cho đọc). Hãy chọn thư mục khác."
        ),
        errno.EACCES: no_permission,
        errno.EPERM: no_permission,
        errno.ENOENT: f"thư mục {parent} không tồn tại. Hãy chọn thư mục khác.",
        errno.EISDIR: "đã có một thư mục trùng tên. Hãy chọn tên tệp khác.",
        errno.ENOTDIR: not_a_folder,
        errno.EEXIST: not_a_folder,
    }
    reasons[getattr(errno, "EDQUOT", errno.ENOSPC)] = reasons[errno.ENOSPC]
    return reasons.get(error.errno or 0, system_error(error))
