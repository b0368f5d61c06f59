"""The shape of an agency's report form, shared by the writer and the importer.

A form has visible sheets for the clerk and one very hidden sheet of metadata. Every data row
of a visible sheet carries a key in the hidden column A, so the importer finds rows by key and
tolerates blank rows inserted by another spreadsheet program. Keys name things the way the plan
does, never by database id, because the form may be made by one installation and imported by
another (an agency installation exports its own report; the Sở's database has other ids):

* "task:III.1.2": the task's reference, its place in the plan (see `numbering`);
* "indicator:2a:numerator": the indicator's code and the input;
* "source:Sự nghiệp kinh tế": a funding source of the plan, by its name (version 2);
* "text:difficulties": one of the three texts;
* "document:number", "document:date": the agency's own document (version 2).

A reference follows the plan's order, so the importer also checks that the task text shown in
the row (column C) is still the plan's text for that reference (`task_text_matches`).

The metadata names the plan (province, year), the period, the agency, the form version and the
ordered list of keys, and a digest of all of that: a form whose identity or rows were edited
no longer matches its digest. The digest detects accidental or naive tampering; it is not a
signature (an offline program has no secret). The importer therefore also checks every row
against the database: a form can only ever change the report of the agency it names, on that
agency's tasks and indicators.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass

from sxtdbv_desktop.labels import FIELDS
from sxtdbv_desktop.numbering import REFERENCE
from sxtdbv_desktop.text import clean_line, clean_paragraphs

FORM_FORMAT = "SXTDBV-BAO-CAO-DON-VI"
FORM_VERSION = 2
"""Raised when the layout changes in a way an older importer could not read. Version 2 adds
the spending by funding source, the agency's document, and the reductions' estimated rates;
forms of version 1 still sent out are read too (what they lack is reported missing)."""

INSTRUCTIONS, TASKS, INDICATORS, SPENDING, TEXTS, META = (
    "Hướng dẫn",
    "Nhiệm vụ",
    "Chỉ tiêu",
    "Kinh phí",
    FIELDS["general_assessment"],  # "Đánh giá chung"
    "SXTDBV",
)
"""The sheets, found by these names when a form is read back: forms already sent out keep
them (tests/test_one_wording.py)."""
DATA_SHEETS = (TASKS, INDICATORS, SPENDING, TEXTS)
ANSWER = "Câu trả lời"
"""What a yes/no indicator's cell holds, as the drop-down and its messages name it."""


def data_sheets(form_version: int) -> tuple[str, ...]:
    """The data sheets a form of `form_version` has."""
    return DATA_SHEETS if form_version >= 2 else (TASKS, INDICATORS, TEXTS)


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
class SpendingColumns:
    number: int = 2  # B
    name: int = 3  # C
    amount: int = 4  # D


@dataclass(frozen=True)
class TextColumns:
    value: int = 2  # B (merged with C)


TASK_COLUMNS = TaskColumns()
INDICATOR_COLUMNS = IndicatorColumns()
SPENDING_COLUMNS = SpendingColumns()
TEXT_COLUMNS = TextColumns()

TEXT_FIELDS = ("general_assessment", "difficulties", "proposals")
TEXT_LABELS = {
    "general_assessment": "Đánh giá chung về kết quả thực hiện",
    "difficulties": FIELDS["difficulties"],  # "Khó khăn, vướng mắc"
    "proposals": "Kiến nghị, đề xuất",
}
DOCUMENT_FIELDS = ("number", "date")
DOCUMENT_LABELS = {
    "number": "Số văn bản báo cáo của đơn vị (ví dụ 125/BC-UBND)",
    "date": "Ngày ban hành văn bản (ngày/tháng/năm)",
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

    def fields(self) -> dict[str, object]:
        """The identity as the metadata sheet and the digest name it, format first."""
        return {
            "format": FORM_FORMAT,
            "form_version": self.form_version,
            "province": self.province,
            "year": self.year,
            "period_code": self.period_code,
            "agency_code": self.agency_code,
        }


def task_key(reference: str) -> str:
    return f"task:{reference}"


def indicator_key(code: str, input_name: str) -> str:
    return f"indicator:{code}:{input_name}"


def text_key(field: str) -> str:
    return f"text:{field}"


def source_key(name: str) -> str:
    return f"source:{name}"


def document_key(field: str) -> str:
    return f"document:{field}"


_SHEETS = {
    "task": TASKS,
    "indicator": INDICATORS,
    "source": SPENDING,
    "text": TEXTS,
    "document": TEXTS,
}


@dataclass(frozen=True)
class RowKey:
    kind: str  # "task", "indicator", "source", "text" or "document"
    ref: str  # the task's reference, the indicator's code or the source's name; else ""
    name: str = ""  # the indicator's input, the text or the document field; else ""

    @property
    def sheet(self) -> str:
        return _SHEETS[self.kind]

    @property
    def text(self) -> str:
        if self.kind == "task":
            return task_key(self.ref)
        if self.kind == "indicator":
            return indicator_key(self.ref, self.name)
        if self.kind == "source":
            return source_key(self.ref)
        if self.kind == "document":
            return document_key(self.name)
        return text_key(self.name)


_INPUT_NAMES = frozenset(
    (
        "count_value",
        "numerator",
        "denominator",
        "baseline",
        "current",
        "answer",
        "units",
        "estimated_rate",
        "method",
    )
)
TEXT_INPUTS = frozenset(("method",))
"""Indicator inputs that are text (how a rate was estimated), not numbers."""
MAX_CODE_LENGTH = 40
MAX_SOURCE_NAME = 200


def parse_key(text: str) -> RowKey | None:
    """The row a key names, or None if `text` is not a well-formed key."""
    kind, _, rest = text.partition(":")
    if kind == "task" and REFERENCE.fullmatch(rest):
        return RowKey("task", rest)
    if kind == "indicator":
        code, _, name = rest.rpartition(":")  # a code may itself hold a colon
        if name in _INPUT_NAMES and _is_code(code):
            return RowKey("indicator", code, name)
    if kind == "text" and rest in TEXT_FIELDS:
        return RowKey("text", "", rest)
    if (
        kind == "source"
        and 0 < len(rest) <= MAX_SOURCE_NAME
        and rest == clean_line(rest, limit=None)
    ):
        return RowKey("source", rest)
    if kind == "document" and rest in DOCUMENT_FIELDS:
        return RowKey("document", "", rest)
    return None


def _is_code(text: str) -> bool:
    return 0 < len(text) <= MAX_CODE_LENGTH and text == clean_line(text, limit=None)


# --- the task text shown in a row (column C) ---------------------------------------------------

_TIME_FRAME, _OUTPUT = "Thời gian: ", "Sản phẩm: "


def task_cell_text(text: str, time_frame: str, planned_output: str) -> str:
    """What the task-text column shows: the task's text, then its time frame and planned
    output in brackets on a line of their own."""
    details = [_TIME_FRAME + time_frame] if time_frame else []
    details += [_OUTPUT + planned_output] if planned_output else []
    return text + ("\n(" + "; ".join(details) + ")" if details else "")


def task_text_matches(shown: str, task_text: str) -> bool:
    """Whether the text shown in a form's row (already read as Unicode) is `task_text`.

    Compared after tidying (NFC, spaces, line ends); the bracketed line of time frame and
    planned output is left out, so that changing only those does not void the forms sent.
    """
    shown, wanted = clean_paragraphs(shown, limit=None), clean_paragraphs(task_text, limit=None)
    if shown == wanted:
        return True
    body, _, last = shown.rpartition("\n")
    is_details = last.startswith(("(" + _TIME_FRAME, "(" + _OUTPUT))
    return is_details and last.endswith(")") and body == wanted


def structure_digest(identity: FormIdentity, keys: list[str]) -> str:
    """A SHA-256 over the form's identity and its ordered row keys, as hex."""
    canonical = json.dumps(
        {**identity.fields(), "rows": keys},
        ensure_ascii=False,
        sort_keys=True,
        separators=(",", ":"),
    )
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()
