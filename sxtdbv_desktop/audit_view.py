"""The audit log as people read it: filtered, in Vietnamese words, and exported to Excel.

`audit` records; this module reads, and `audit_words` words each entry. The window's viewer
and the `audit` command share both, so they show the same rows with the same words.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from openpyxl import Workbook
from sqlite_utils import Database

from sxtdbv_desktop import audit_words, headings
from sxtdbv_desktop.audit import AuditEntry
from sxtdbv_desktop.audit_words import AuditWords
from sxtdbv_desktop.excel.tables import Column, write_table
from sxtdbv_desktop.output_files import replacing
from sxtdbv_desktop.text import fold

MAX_ROWS = 100_000
"""The newest rows read at once: years of a department's work."""

COLUMNS = tuple(
    Column(heading, "long_text" if heading in (headings.OLD_VALUE, headings.NEW_VALUE) else "text",
           20 if heading == audit_words.WHEN else None)
    for heading in audit_words.COLUMNS
)  # fmt: skip
"""The columns of the Excel export: the viewer's (`audit_words.COLUMNS`)."""


@dataclass(frozen=True)
class AuditFilter:
    """Which entries to show: words anywhere (without accents), one kind of record, dates."""

    text: str = ""
    entity: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None


def search(db: Database, wanted: AuditFilter, limit: int = MAX_ROWS) -> list[AuditEntry]:
    """The newest entries matching `wanted`, newest first."""
    where, params = _where(wanted)
    sql = "SELECT * FROM audit_log"
    if where:
        sql += " WHERE " + " AND ".join(where)
    rows = [
        AuditEntry(**row) for row in db.query(sql + " ORDER BY id DESC LIMIT ?", [*params, limit])
    ]
    key = fold(wanted.text.strip())
    if not key:
        return rows
    words = AuditWords(db)
    return [entry for entry in rows if key in fold(" ".join(words.cells(entry)))]


def _where(wanted: AuditFilter) -> tuple[list[str], list[object]]:
    where: list[str] = []
    params: list[object] = []
    if wanted.entity:
        where.append("entity = ?")
        params.append(wanted.entity)
    if wanted.since:
        where.append("at >= ?")
        params.append(wanted.since.isoformat())
    if wanted.until:
        where.append("at < ?")
        params.append((wanted.until + dt.timedelta(days=1)).isoformat())
    return where, params


def entities(db: Database) -> list[str]:
    """The kinds of record that appear in the log, for the viewer's picker."""
    return [e for (e,) in db.execute("SELECT DISTINCT entity FROM audit_log ORDER BY entity")]


def export_xlsx(
    db: Database, entries: Sequence[AuditEntry], path: Path, title: str | None = None
) -> Path:
    """Write `entries` to the Excel file `path` in the viewer's words."""
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "Nhật ký thay đổi"
    heading = title or f"Nhật ký thay đổi dữ liệu (xuất ngày {dt.date.today():%d/%m/%Y})"
    words = AuditWords(db)
    write_table(sheet, COLUMNS, (words.cells(e) for e in entries), title=heading)
    with replacing(path) as temporary:
        workbook.save(temporary)
    return path
