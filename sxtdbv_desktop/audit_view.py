"""The audit log as people read it: filtered, in Vietnamese words, and exported to Excel.

`audit` records; this module reads. The window's viewer and the `audit` command share it,
so both show the same rows with the same words.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from openpyxl import Workbook
from sqlite_utils import Database

from sxtdbv_desktop import audit_words, headings, labels
from sxtdbv_desktop.audit import AuditEntry
from sxtdbv_desktop.excel.tables import Column, write_table
from sxtdbv_desktop.output_files import replacing
from sxtdbv_desktop.text import fold

MAX_ROWS = 100_000
"""The newest rows read at once: years of a department's work."""

COLUMNS = (
    Column(audit_words.WHEN, "text", 20),
    Column(audit_words.OS_USER, "text"),
    Column(audit_words.USER_NAME, "text"),
    Column(audit_words.ACTION, "text"),
    Column("Đối tượng", "text"),
    Column("Mã bản ghi", "text"),
    Column("Trường / sự kiện", "text"),
    Column(headings.OLD_VALUE, "long_text"),
    Column(headings.NEW_VALUE, "long_text"),
)
"""The columns of the viewer and of the Excel export, in this order."""


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
    return [entry for entry in rows if key in search_key(entry)] if key else rows


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


def row(entry: AuditEntry) -> tuple[str, ...]:
    """The entry's cells, in `COLUMNS` order, in Vietnamese."""
    if entry.action == "event":
        field = labels.AUDIT_EVENTS.get(entry.field, entry.field)
    else:
        field = labels.FIELDS.get(entry.field, entry.field)
    return (
        format_time(entry.at),
        entry.os_user,
        entry.user_name,
        labels.AUDIT_ACTIONS.get(entry.action, entry.action),
        labels.ENTITIES.get(entry.entity, entry.entity),
        entry.entity_key,
        field,
        _value(entry, entry.old_value),
        _value(entry, entry.new_value),
    )


def _value(entry: AuditEntry, value: str | None) -> str:
    """A stored code in words where the field has labels (a status, a mode)."""
    if value is None:
        return ""
    codes: dict[str, str] = {}
    if entry.field == "status":
        codes = labels.REPORT_STATUSES if entry.entity == "reports" else labels.TASK_STATUSES
    elif entry.field == "set_up":
        codes = labels.INSTALLATION_MODES
    return codes.get(value, value)


def search_key(entry: AuditEntry) -> str:
    """What a text filter looks in: every cell, folded (no accents, lower case)."""
    return fold(" ".join(row(entry)))


def format_time(at: str) -> str:
    """ "2024-01-05T09:30:15" as "05/01/2024 09:30:15"."""
    try:
        return dt.datetime.fromisoformat(at).strftime("%d/%m/%Y %H:%M:%S")
    except ValueError:
        return at


def export_xlsx(entries: Sequence[AuditEntry], path: Path, title: str | None = None) -> Path:
    """Write `entries` to the Excel file `path`, as the viewer shows them."""
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "Nhật ký thay đổi"
    heading = title or f"Nhật ký thay đổi dữ liệu (xuất ngày {dt.date.today():%d/%m/%Y})"
    write_table(sheet, COLUMNS, (row(e) for e in entries), title=heading)
    with replacing(path) as temporary:
        workbook.save(temporary)
    return path
