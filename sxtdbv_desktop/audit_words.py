"""The audit log in plain Vietnamese, as the window shows it: names instead of ids ("Nhiệm vụ
III.1.6", "UBND huyện Lấp Vò"), field names in words ("Thời điểm cập nhật", never
"updated_at"), dates dd/mm/yyyy and times dd/mm/yyyy HH:MM, a whole record as "Tên: …; Mã: …"
instead of JSON, codes as their labels.

`AuditWords(db).cells(entry)` gives the row of the viewer, in `COLUMNS` order. Names are read
once per kind of record; a record deleted since is described from what the log kept of it.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from typing import Any

from sqlite_utils import Database

from sxtdbv_desktop import headings, labels, vnformat
from sxtdbv_desktop.audit import AuditEntry
from sxtdbv_desktop.numbering import task_references

WHEN, OS_USER, USER_NAME, ACTION = "Thời gian", "Tài khoản Windows", "Người thực hiện", "Thao tác"
COLUMNS = (
    WHEN,
    OS_USER,
    USER_NAME,
    ACTION,
    "Loại dữ liệu",
    "Bản ghi",
    "Nội dung thay đổi",
    headings.OLD_VALUE,
    headings.NEW_VALUE,
)
"""The viewer's columns, and its Excel export's (`audit_view.COLUMNS`)."""

_DATES = {"received_on", "document_date", "signed_on", "starts_on", "ends_on", "deadline",
          "reporting_deadline", "report_date"}  # fmt: skip
_TIMES = {"created_at", "updated_at", "at"}
_MONEY = {"total_budget", "estimate", "allocated", "disbursed", "spent", "amount"}
_YES_NO = {"must_report", "proposed", "status_overridden", "answer"}
_HIDDEN_IN_RECORDS = {"id", "plan_id", "position", "created_at", "updated_at", "source_file_hash"}
_REFERENCES = {
    "plan_id": "plans", "agency_id": "agencies", "focal_agency_id": "agencies",
    "task_id": "tasks", "group_id": "task_groups", "indicator_id": "indicators",
    "target_id": "targets", "source_id": "funding_sources", "period_id": "periods",
    "report_id": "reports", "copied_from_id": "plans",
}  # fmt: skip
_SHORT = 80  # characters of a long text used as a record's name


def format_time(at: str) -> str:
    """ "2024-01-05T09:30:15" as "05/01/2024 09:30"."""
    try:
        return dt.datetime.fromisoformat(at).strftime("%d/%m/%Y %H:%M")
    except ValueError:
        return at


def _date(text: str) -> str:
    try:
        return vnformat.format_date(dt.date.fromisoformat(text))
    except ValueError:
        return text


def _short(text: str) -> str:
    return text if len(text) <= _SHORT else text[: _SHORT - 1] + "…"


class AuditWords:
    def __init__(self, db: Database) -> None:
        self.db = db
        self._names: dict[str, dict[int, str]] = {}

    def cells(self, entry: AuditEntry) -> tuple[str, ...]:
        """The entry's cells, in `COLUMNS` order."""
        old, new = entry.old_value, entry.new_value
        if entry.action == "event":
            field = labels.AUDIT_EVENTS.get(entry.field, entry.field)
        else:
            field = self.field_name(entry.entity, entry.field) if entry.field else ""
        return (
            format_time(entry.at),
            entry.os_user,
            entry.user_name,
            labels.AUDIT_ACTIONS.get(entry.action, entry.action),
            labels.ENTITIES.get(entry.entity, entry.entity),
            self.record(entry),
            field,
            self.value(entry, old),
            self.value(entry, new),
        )

    # --- the record ------------------------------------------------------------------------

    def record(self, entry: AuditEntry) -> str:
        """What was changed, by name: "Nhiệm vụ III.1.6", "Báo cáo của Sở Y tế — Năm 2023"."""
        key = _parse_key(entry.entity_key)
        if entry.entity in ("app_settings", "plan_settings"):
            setting = str(key.get("key", entry.entity_key))
            name = labels.SETTINGS.get(setting, setting)
            return f"{self.name('plans', key['plan_id'])}: {name}" if "plan_id" in key else name
        if "id" in key:
            found = self.name(entry.entity, key["id"], _kept(entry))
            return found
        parts = [self.name(_REFERENCES[k], v) for k, v in key.items() if k in _REFERENCES]
        return " — ".join(parts) if parts else entry.entity_key

    def name(self, table: str, record_id: object, kept: dict[str, Any] | None = None) -> str:
        """A record's name; from `kept` (the log's copy) when it no longer exists."""
        if not isinstance(record_id, int):
            return str(record_id)
        names = self._names.get(table)
        if names is None:
            names = self._names[table] = _NAMERS.get(table, _no_names)(self.db)
        if record_id in names:
            return names[record_id]
        if kept:
            return f"{_name_of_row(table, kept)} (đã xóa)"
        return f"{labels.ENTITIES.get(table, table)} số {record_id} (đã xóa)"

    # --- fields and values ---------------------------------------------------------------

    @staticmethod
    def field_name(entity: str, field: str) -> str:
        return labels.FIELDS.get(field, field.replace("_", " "))

    def value(self, entry: AuditEntry, raw: str | None) -> str:
        if raw is None or raw == "":
            return ""
        if entry.action == "event":
            codes = labels.INSTALLATION_MODES if entry.field == "set_up" else {}
            return codes.get(raw, raw)
        if entry.action in ("insert", "delete"):
            return self.record_text(entry.entity, raw)
        return self.field_value(entry.entity, entry.field, raw)

    def record_text(self, entity: str, raw: str) -> str:
        """A whole record (what the log keeps of an insert or a delete) as "Tên: …; Mã: …"."""
        try:
            row = json.loads(raw)
        except ValueError:
            return raw
        if not isinstance(row, dict):
            return raw
        if entity in ("app_settings", "plan_settings") and "key" in row:
            setting = labels.SETTINGS.get(str(row["key"]), str(row["key"]))
            return f"{setting}: {self.field_value(entity, str(row['key']), row.get('value'))}"
        parts = []
        for field, value in row.items():
            if field in _HIDDEN_IN_RECORDS or value in (None, ""):
                continue
            shown = self.field_value(entity, field, value)
            parts.append(f"{self.field_name(entity, field)}: {shown}")
        return "; ".join(parts)

    def field_value(self, entity: str, field: str, value: object) -> str:
        """One stored value in words: a name for an id, a label for a code, dd/mm/yyyy."""
        if value is None:
            return ""
        text = str(value)
        if field in _REFERENCES and text.lstrip("-").isdigit():
            return self.name(_REFERENCES[field], int(text))
        return _formatted(field, text) or _coded(entity, field, text)


def _formatted(field: str, text: str) -> str | None:
    """Dates, times, money and yes/no as people write them; None for other fields."""
    if field in _DATES:
        return _date(text)
    if field in _TIMES:
        return format_time(text)
    if field in _MONEY and text.lstrip("-").isdigit():
        return vnformat.format_money(int(text))
    if field in _YES_NO and text in ("0", "1"):
        return labels.YES_NO[int(text)]
    return None


def _coded(entity: str, field: str, text: str) -> str:
    codes: dict[str, str] = {}
    if field == "status":
        codes = labels.REPORT_STATUSES if entity == "reports" else labels.TASK_STATUSES
    elif field == "kind":
        codes = labels.INDICATOR_KINDS if entity == "indicators" else labels.AGENCY_KINDS
    elif field == "role":
        codes = labels.ROLES
    elif field == "section":
        codes = labels.TASK_SECTIONS
    elif field == "population_kind":
        codes = labels.UNIT_NOUNS
    elif field == "input_labels":
        return _json_values(text)
    return codes.get(text, text)


def _json_values(text: str) -> str:
    try:
        values = json.loads(text)
    except ValueError:
        return text
    return "; ".join(str(v) for v in values.values()) if isinstance(values, dict) else text


def _parse_key(key: str) -> dict[str, object]:
    """ "6" → {"id": 6}; "task_id=1,agency_id=22" → {"task_id": 1, "agency_id": 22}."""
    if key.isdigit():
        return {"id": int(key)}
    parts: dict[str, object] = {}
    for part in key.split(","):
        name, _, value = part.partition("=")
        if not value:
            return {"key": key}
        parts[name] = int(value) if value.isdigit() else value
    return parts


def _kept(entry: AuditEntry) -> dict[str, Any] | None:
    raw = entry.old_value if entry.action == "delete" else entry.new_value
    if entry.action not in ("insert", "delete") or not raw:
        return None
    try:
        row = json.loads(raw)
    except ValueError:
        return None
    return row if isinstance(row, dict) else None


# --- names of the records of each table --------------------------------------------------------


def _name_of_row(table: str, row: dict[str, Any]) -> str:
    """A record's name from its own values (for one deleted since)."""
    for field in ("name", "title", "description", "text", "number", "code"):
        if row.get(field):
            noun = labels.ENTITIES.get(table, table)
            return f"{noun}: {_short(str(row[field]))}"
    return labels.ENTITIES.get(table, table)


def _rows(db: Database, sql: str) -> list[tuple[Any, ...]]:
    return list(db.execute(sql).fetchall())


def _plans(db: Database) -> dict[int, str]:
    rows = _rows(db, "SELECT id, province, year FROM plans")
    return {i: f"Kế hoạch {province} năm {year}" for i, province, year in rows}


def _tasks(db: Database) -> dict[int, str]:
    names: dict[int, str] = {}
    for (plan_id,) in _rows(db, "SELECT id FROM plans"):
        for task_id, reference in task_references(db, plan_id).items():
            names[task_id] = f"Nhiệm vụ {reference}"
    return names


def _groups(db: Database) -> dict[int, str]:
    sections = {"content": "III", "duty": "V"}
    rows = _rows(db, "SELECT id, section, number, title FROM task_groups")
    return {
        i: f"Nhóm {sections.get(section, section)}.{number}: {_short(title)}"
        for i, section, number, title in rows
    }


def _reports(db: Database) -> dict[int, str]:
    rows = _rows(
        db,
        "SELECT r.id, a.name, p.name FROM reports r JOIN agencies a ON a.id = r.agency_id"
        " JOIN periods p ON p.id = r.period_id",
    )
    return {i: labels.report_name(agency, period) for i, agency, period in rows}


def _simple(sql: str, form: str) -> Callable[[Database], dict[int, str]]:
    def names(db: Database) -> dict[int, str]:
        return {row[0]: form.format(*(_short(str(v)) for v in row[1:])) for row in _rows(db, sql)}

    return names


def _no_names(db: Database) -> dict[int, str]:
    return {}


_NAMERS: dict[str, Callable[[Database], dict[int, str]]] = {
    "plans": _plans,
    "tasks": _tasks,
    "task_groups": _groups,
    "reports": _reports,
    "agencies": _simple("SELECT id, name FROM agencies", "{}"),
    "indicators": _simple("SELECT id, code FROM indicators", "Chỉ tiêu {}"),
    "targets": _simple("SELECT id, number FROM targets", "Mục tiêu {}"),
    "objectives": _simple("SELECT id, position FROM objectives", "Mục đích, yêu cầu {}"),
    "funding_sources": _simple("SELECT id, name FROM funding_sources", "{}"),
    "periods": _simple("SELECT id, name FROM periods", "{}"),
    "legal_documents": _simple("SELECT id, number FROM legal_documents", "Văn bản {}"),
    "plan_recipients": _simple("SELECT id, text FROM plan_recipients", "Nơi nhận: {}"),
    "budget_lines": _simple(
        "SELECT b.id, COALESCE(NULLIF(b.description, ''), s.name) FROM budget_lines b"
        " JOIN funding_sources s ON s.id = b.source_id",
        "Dòng kinh phí: {}",
    ),
}
