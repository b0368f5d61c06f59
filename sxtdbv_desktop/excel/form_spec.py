"""The shape of an agency's report form, shared by the writer and the importer.

A form has visible sheets for the clerk and one very hidden sheet of metadata. Every data row
of a visible sheet carries a key in the hidden column A ("task:12", "indicator:5:numerator",
"text:difficulties"), so the importer finds rows by key and tolerates blank rows inserted by
another spreadsheet program. The metadata names the plan (province, year), the period, the
agency, the form version and the ordered list of keys, and a digest of all of that: a form
whose identity or rows were edited no longer matches its digest.

The digest detects accidental or naive tampering; it is not a signature (an offline program
has no secret). The importer therefore also checks every row against the database: a form
can only ever change the report of the agency it names, on that agency's tasks and indicators.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass

FORM_FORMAT = "SXTDBV-BAO-CAO-DON-VI"
FORM_VERSION = 1
"""Raised when the layout changes in a way an older importer could not read."""

INSTRUCTIONS, TASKS, INDICATORS, TEXTS, META = (
    "Hướng dẫn",
    "Nhiệm vụ",
    "Chỉ tiêu",
    "Đánh giá chung",
    "SXTDBV",
)
DATA_SHEETS = (TASKS, INDICATORS, TEXTS)

KEY_COLUMN = 1  # A, hidden


@dataclass(frozen=True)
class TaskColumns:
    reference: int = 2  # B
    text: int = 3  # C
    role: int = 4  # D
    status: int = 5  # E
    progress: int = 6  # F
    result: int = 7  # G
    spent: int = 8  # H


@dataclass(frozen=True)
class IndicatorColumns:
    code: int = 2  # B
    name: int = 3  # C
    label: int = 4  # D
    value: int = 5  # E
    note: int = 6  # F


@dataclass(frozen=True)
class TextColumns:
    value: int = 2  # B (merged with C)


TASK_COLUMNS = TaskColumns()
INDICATOR_COLUMNS = IndicatorColumns()
TEXT_COLUMNS = TextColumns()

TEXT_FIELDS = ("general_assessment", "difficulties", "proposals")
TEXT_LABELS = {
    "general_assessment": "Đánh giá chung về kết quả thực hiện",
    "difficulties": "Khó khăn, vướng mắc",
    "proposals": "Kiến nghị, đề xuất",
}

# Metadata sheet: one "name | value" pair a row, then one "key | sheet" row per data row.
META_FIELDS = (
    "format",
    "form_version",
    "province",
    "year",
    "period_code",
    "agency_code",
    "created_on",
    "digest",
)
META_KEYS_HEADER = "rows"


@dataclass(frozen=True)
class FormIdentity:
    """What a form belongs to: the plan (province and year), the period and the agency."""

    province: str
    year: int
    period_code: str
    agency_code: str
    form_version: int = FORM_VERSION


def task_key(task_id: int) -> str:
    return f"task:{task_id}"


def indicator_key(indicator_id: int, input_name: str) -> str:
    return f"indicator:{indicator_id}:{input_name}"


def text_key(field: str) -> str:
    return f"text:{field}"


@dataclass(frozen=True)
class RowKey:
    kind: str  # "task", "indicator" or "text"
    id: int | None
    name: str  # the indicator's input or the text field; "" for a task

    @property
    def sheet(self) -> str:
        return {"task": TASKS, "indicator": INDICATORS, "text": TEXTS}[self.kind]

    @property
    def text(self) -> str:
        if self.kind == "task":
            return task_key(self.id or 0)
        if self.kind == "indicator":
            return indicator_key(self.id or 0, self.name)
        return text_key(self.name)


_INPUT_NAMES = frozenset(
    ("count_value", "numerator", "denominator", "baseline", "current", "answer")
)


def parse_key(text: str) -> RowKey | None:
    """The row a key names, or None if `text` is not a well-formed key."""
    parts = text.split(":")
    if len(parts) == 2 and parts[0] == "task" and _is_id(parts[1]):
        return RowKey("task", int(parts[1]), "")
    if (
        len(parts) == 3
        and parts[0] == "indicator"
        and _is_id(parts[1])
        and parts[2] in _INPUT_NAMES
    ):
        return RowKey("indicator", int(parts[1]), parts[2])
    if len(parts) == 2 and parts[0] == "text" and parts[1] in TEXT_FIELDS:
        return RowKey("text", None, parts[1])
    return None


def _is_id(text: str) -> bool:
    return text.isascii() and text.isdigit() and len(text) <= 12


def structure_digest(identity: FormIdentity, keys: list[str]) -> str:
    """A SHA-256 over the form's identity and its ordered row keys, as hex."""
    canonical = json.dumps(
        {
            "format": FORM_FORMAT,
            "form_version": identity.form_version,
            "province": identity.province,
            "year": identity.year,
            "period_code": identity.period_code,
            "agency_code": identity.agency_code,
            "rows": keys,
        },
        ensure_ascii=False,
        sort_keys=True,
        separators=(",", ":"),
    )
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()
