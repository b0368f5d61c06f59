"""Which installation a data file belongs to, read from the file without opening it for work:
so that restoring another installation's backup (the Sở's file at an agency, or the other
way round) does not switch the mode of this computer without a word.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sxtdbv_desktop.errors import ConflictError
from sxtdbv_desktop.labels import BACKUP, INSTALLATION_MODES
from sxtdbv_desktop.schema import AGENCY_KEY, MODE_KEY
from sxtdbv_desktop.storage import connect_read_only

Setup = tuple[str | None, str | None]
"""(mode, agency code) as a file records them; (None, None) before the first start."""


class ModeChangeError(ConflictError):
    """Restoring the chosen backup would switch this computer to another installation."""


def setup_of(path: Path) -> Setup | None:
    """The installation recorded in the data file at `path`; None when it cannot be read."""
    try:
        conn = connect_read_only(path)
    except sqlite3.Error:
        return None
    try:
        rows = dict(
            conn.execute(
                "SELECT key, value FROM app_settings WHERE key IN (?, ?)", [MODE_KEY, AGENCY_KEY]
            ).fetchall()
        )
    except sqlite3.Error:
        return None
    finally:
        conn.close()
    return rows.get(MODE_KEY), rows.get(AGENCY_KEY)


def describe(setup: Setup) -> str:
    mode, agency = setup
    if mode is None:
        return "một tệp chưa chọn chế độ sử dụng"
    name = INSTALLATION_MODES.get(mode, mode)
    return f"{name} {agency}" if agency else name


def mode_change(current: Path, source: Path) -> str | None:
    """What restoring `source` over `current` would switch, in Vietnamese; None if nothing.

    A current file that cannot be read (damaged) or was never set up has nothing to keep.
    """
    ours, theirs = setup_of(current), setup_of(source)
    if ours is None or ours[0] is None or theirs is None or ours == theirs:
        return None
    return (
        f"{BACKUP} {source.name} là dữ liệu của {describe(theirs)}, còn tệp đang dùng là "
        f"của {describe(ours)}. Khôi phục sẽ chuyển máy này sang {describe(theirs)}."
    )
