"""Plans: one province's yearly plan, its header facts, and copying it to the next year."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from sqlite_utils import Database

from sxtdbv_desktop import rule_words
from sxtdbv_desktop.errors import ConflictError, NotFoundError, ValidationError
from sxtdbv_desktop.headings import PLAN_YEAR
from sxtdbv_desktop.labels import FIELDS, LOCAL_UNITS
from sxtdbv_desktop.storage import insert, select, select_one
from sxtdbv_desktop.text import clean_line, clean_paragraphs


@dataclass(frozen=True)
class Plan:
    id: int
    year: int
    province: str
    document_type: str
    title: str
    issuing_body: str
    program_name: str
    program_period: str
    preamble: str
    targets_intro: str
    focal_agency_id: int | None
    reporting_deadline: dt.date
    reporting_rule: str
    closing_text: str
    total_budget: int
    budget_text: str
    budget_reference: str
    signature_authority: str
    signature_title: str
    signer_name: str
    copied_from_id: int | None
    document_number: str = ""  # the plan's own number ("42/KH-UBND"); empty: not recorded
    signed_on: dt.date | None = None  # the plan's date of issue
    local_unit_name: str = ""  # how the plan names its local units: "huyện, thành phố"

    @property
    def local_units(self) -> str:
        """The plan's local units in a sentence ("huyện, thành phố", "xã, phường")."""
        return self.local_unit_name or LOCAL_UNITS

    @property
    def label(self) -> str:
        """How the plan is named in pickers: "Đồng Tháp — năm 2023"."""
        return f"{self.province} — năm {self.year}"

    @property
    def citation(self) -> str:
        """ "Kế hoạch số 42/KH-UBND ngày 02/02/2024", with what is known of it."""
        kind = self.document_type.strip().capitalize() or "Kế hoạch"
        number = f" số {self.document_number}" if self.document_number else ""
        day = f" ngày {self.signed_on:%d/%m/%Y}" if self.signed_on else ""
        return f"{kind}{number}{day}"


@dataclass(frozen=True)
class LegalDocument:
    id: int
    position: int
    number: str
    signed_on: dt.date | None
    issuer: str
    summary: str


def list_plans(db: Database) -> list[Plan]:
    """Every plan in the file, newest year first."""
    return select(db, Plan, "SELECT * FROM plans ORDER BY year DESC, province")


def get_plan(db: Database, plan_id: int) -> Plan:
    plan = select_one(db, Plan, "SELECT * FROM plans WHERE id = ?", [plan_id])
    if plan is None:
        raise NotFoundError(rule_words.no_plan(plan_id))
    return plan


def find_plan(db: Database, province: str, year: int) -> Plan | None:
    return select_one(
        db, Plan, "SELECT * FROM plans WHERE province = ? AND year = ?", [province, year]
    )


def local_unit_name(db: Database, plan_id: int) -> str:
    """How the plan names its local units ("huyện, thành phố"; "" when it names none)."""
    row = db.execute("SELECT local_unit_name FROM plans WHERE id = ?", [plan_id]).fetchone()
    return str(row[0]) if row else ""


def legal_documents(db: Database, plan_id: int) -> list[LegalDocument]:
    return select(
        db,
        LegalDocument,
        "SELECT * FROM legal_documents WHERE plan_id = ? ORDER BY position",
        [plan_id],
    )


def recipients(db: Database, plan_id: int) -> list[str]:
    rows = db.execute(
        "SELECT text FROM plan_recipients WHERE plan_id = ? ORDER BY position", [plan_id]
    )
    return [text for (text,) in rows]


def objectives(db: Database, plan_id: int) -> list[str]:
    rows = db.execute("SELECT text FROM objectives WHERE plan_id = ? ORDER BY position", [plan_id])
    return [text for (text,) in rows]


_EDITABLE_TEXT = {
    "document_number",
    "document_type",
    "local_unit_name",
    "title",
    "issuing_body",
    "province",
    "budget_reference",
    "signature_authority",
    "signature_title",
    "signer_name",
}
_EDITABLE_PARAGRAPHS = {
    "preamble",
    "targets_intro",
    "reporting_rule",
    "closing_text",
    "budget_text",
}


def update_plan(db: Database, plan_id: int, **changes: object) -> None:
    """Change header facts of a plan; every value is checked first, nothing saved on error."""
    get_plan(db, plan_id)
    values: dict[str, object] = {}
    for field, value in changes.items():
        if field in _EDITABLE_TEXT:
            values[field] = clean_line(_text(field, value), what=FIELDS.get(field, field))
        elif field in _EDITABLE_PARAGRAPHS:
            what = FIELDS.get(field, field)
            values[field] = clean_paragraphs(_text(field, value), what=what)
        elif field == "total_budget":
            values[field] = _money(field, value)
        elif field == "reporting_deadline":
            if not isinstance(value, dt.date):
                raise ValidationError(FIELDS["reporting_deadline"], "phải là một ngày.")
            values[field] = value.isoformat()
        elif field == "signed_on":
            if value is not None and not isinstance(value, dt.date):
                raise ValidationError("Ngày ban hành", "phải là một ngày.")
            values[field] = value.isoformat() if value else None
        elif field == "focal_agency_id":
            values[field] = value
        elif field == "year":
            values[field] = _year(db, plan_id, value)
        else:
            raise ValidationError(field, "không phải là thông tin có thể sửa của kế hoạch.")
    if "province" in values:
        _check_province(db, plan_id, str(values["province"]))
    with db.atomic():
        db.table("plans").update(plan_id, values)


def _check_province(db: Database, plan_id: int, province: str) -> None:
    if not province:
        raise ValidationError("Tỉnh", rule_words.EMPTY)
    other = find_plan(db, province, get_plan(db, plan_id).year)
    if other is not None and other.id != plan_id:
        raise ConflictError(f"{rule_words.plan_exists(other.year, province)}.")


def _year(db: Database, plan_id: int, value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 2000 <= value <= 2100:
        raise ValidationError(PLAN_YEAR, "phải là một năm từ 2000 đến 2100.")
    province = get_plan(db, plan_id).province
    other = find_plan(db, province, value)
    if other is not None and other.id != plan_id:
        raise ConflictError(f"{rule_words.plan_exists(value, province)}.")
    return value


def _text(field: str, value: object) -> str:
    if not isinstance(value, str):
        raise ValidationError(field, rule_words.NOT_TEXT)
    return value


def _money(field: str, value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError(field, "số tiền phải là số nguyên đồng.")
    if value < 0:
        raise ValidationError(field, rule_words.NEGATIVE_AMOUNT)
    return value


_PLAN_CHILDREN = ("legal_documents", "plan_recipients", "objectives")
_LINKED_TABLES = ("plan_sections", "plan_settings")  # keyed by plan, copied whole


def copy_plan(db: Database, plan_id: int, year: int) -> int:
    """Start `year`'s plan as a copy of plan `plan_id`; return the new plan's id.

    The structure is copied (agencies, objectives, targets and indicators, task groups and
    tasks with their assignments, funding sources, periods one year later, settings); the
    year's own figures are not: statuses restart, no budget lines, no reports, no estimates.
    The year in the title, the targets' intro, the reporting rule and the period names is
    moved to `year`; everything else is for the user to edit. Each indicator is linked to the
    one it was copied from, so the new year's overview shows last year's result beside it.
    """
    source = get_plan(db, plan_id)
    if find_plan(db, source.province, year) is not None:
        raise ConflictError(f"{rule_words.plan_exists(year, source.province)}.")
    shift = year - source.year
    with db.atomic():
        row = next(db.query("SELECT * FROM plans WHERE id = ?", [plan_id]))
        del row["id"]
        row.update(
            year=year,
            title=_move_year(source.title, source.year, year),
            targets_intro=_move_year(source.targets_intro, source.year, year),
            reporting_rule=_move_year(source.reporting_rule, source.year, year),
            reporting_deadline=_shift_date(source.reporting_deadline, shift).isoformat(),
            total_budget=0,
            budget_text="",
            budget_reference="",
            document_number="",
            signed_on=None,
            focal_agency_id=None,
            copied_from_id=plan_id,
            created_at=dt.datetime.now().isoformat(timespec="seconds"),
        )
        new_id = insert(db, "plans", row)
        for table in _PLAN_CHILDREN:
            _copy_rows(db, table, plan_id, new_id)
        agency_ids = _copy_rows(db, "agencies", plan_id, new_id)
        if source.focal_agency_id is not None:
            db.table("plans").update(
                new_id, {"focal_agency_id": agency_ids[source.focal_agency_id]}
            )
        _copy_indicators(db, plan_id, new_id, agency_ids)
        _copy_tasks(db, plan_id, new_id, agency_ids)
        _copy_rows(db, "funding_sources", plan_id, new_id, estimate=None)
        _copy_periods(db, plan_id, new_id, source.year, year)
        for table in _LINKED_TABLES:
            _copy_keyed(db, table, plan_id, new_id)
    return new_id


def _copy_keyed(db: Database, table: str, old_plan: int, new_plan: int) -> None:
    """Copy the rows of a table keyed by plan (no id of their own)."""
    for row in list(db.query(f"SELECT * FROM {table} WHERE plan_id = ?", [old_plan])):
        db.table(table).insert({**row, "plan_id": new_plan})


def _copy_rows(
    db: Database, table: str, old_plan: int, new_plan: int, **overrides: object
) -> dict[int, int]:
    """Copy the rows of `table` belonging to `old_plan`; return old id -> new id."""
    mapping = {}
    for row in list(db.query(f"SELECT * FROM {table} WHERE plan_id = ? ORDER BY id", [old_plan])):
        old_id = row.pop("id")
        row.update(plan_id=new_plan, **overrides)
        mapping[old_id] = insert(db, table, row)
    return mapping


def _copy_indicators(db: Database, old: int, new: int, agency_ids: dict[int, int]) -> None:
    target_ids = _copy_rows(db, "targets", old, new)
    for row in list(db.query("SELECT * FROM indicators WHERE plan_id = ? ORDER BY id", [old])):
        old_id = row.pop("id")
        row.update(plan_id=new, target_id=target_ids[row["target_id"]], previous_id=old_id)
        new_id = insert(db, "indicators", row)
        for reporter in list(
            db.query("SELECT * FROM indicator_reporters WHERE indicator_id = ?", [old_id])
        ):
            db.table("indicator_reporters").insert(
                {**reporter, "indicator_id": new_id, "agency_id": agency_ids[reporter["agency_id"]]}
            )


def _copy_tasks(db: Database, old: int, new: int, agency_ids: dict[int, int]) -> None:
    group_ids = _copy_rows(db, "task_groups", old, new)
    for row in list(db.query("SELECT * FROM tasks WHERE plan_id = ? ORDER BY id", [old])):
        old_id = row.pop("id")
        row.update(
            plan_id=new,
            group_id=group_ids[row["group_id"]],
            status="not_started",
            status_overridden=0,
        )
        new_id = insert(db, "tasks", row)
        for assignment in list(
            db.query("SELECT * FROM task_assignments WHERE task_id = ?", [old_id])
        ):
            db.table("task_assignments").insert(
                {
                    **assignment,
                    "task_id": new_id,
                    "agency_id": agency_ids[assignment["agency_id"]],
                }
            )


def _copy_periods(db: Database, old: int, new: int, old_year: int, new_year: int) -> None:
    shift = new_year - old_year
    for row in list(db.query("SELECT * FROM periods WHERE plan_id = ? ORDER BY id", [old])):
        del row["id"]
        row.update(
            plan_id=new,
            code=_move_year(row["code"], old_year, new_year),
            name=_move_year(row["name"], old_year, new_year),
            **{
                key: _shift_date(dt.date.fromisoformat(row[key]), shift).isoformat()
                for key in ("starts_on", "ends_on", "deadline")
            },
        )
        db.table("periods").insert(row)


def _move_year(text: str, old: int, new: int) -> str:
    return re.sub(rf"(?<!\d){old}(?!\d)", str(new), text)


def _shift_date(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February into a common year
        return day.replace(year=day.year + years, day=28)
