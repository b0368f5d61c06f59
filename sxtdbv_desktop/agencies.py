"""Agencies of a plan: the sở/ban/ngành, the district-level UBND, the press, the associations."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlite_utils import Database

from sxtdbv_desktop import rule_words
from sxtdbv_desktop.errors import ConflictError, LockedError, NotFoundError, ValidationError
from sxtdbv_desktop.headings import AGENCY_CODE, AGENCY_NAME, MUST_REPORT
from sxtdbv_desktop.schema import AGENCY_KINDS
from sxtdbv_desktop.storage import insert, select, select_one
from sxtdbv_desktop.text import clean_line

_CODE = re.compile(r"^[A-Za-z][A-Za-z0-9_]{0,39}$")


@dataclass(frozen=True)
class Agency:
    id: int
    plan_id: int
    position: int
    code: str
    name: str
    short_name: str
    kind: str
    must_report: int
    basis: str = ""  # why it is listed though the plan does not name it; empty: it does

    @property
    def display_name(self) -> str:
        return self.short_name or self.name

    @property
    def is_added(self) -> bool:
        """Not named in the plan's text: added by the Sở (or proposed from the plan)."""
        return bool(self.basis)


def list_agencies(db: Database, plan_id: int) -> list[Agency]:
    """The plan's agencies in the plan's order."""
    return select(
        db, Agency, "SELECT * FROM agencies WHERE plan_id = ? ORDER BY position, id", [plan_id]
    )


def get_agency(db: Database, agency_id: int) -> Agency:
    agency = select_one(db, Agency, "SELECT * FROM agencies WHERE id = ?", [agency_id])
    if agency is None:
        raise NotFoundError(f"Không tìm thấy cơ quan số {agency_id}.")
    return agency


def find_agency(db: Database, plan_id: int, code: str) -> Agency | None:
    return select_one(
        db, Agency, "SELECT * FROM agencies WHERE plan_id = ? AND code = ?", [plan_id, code]
    )


def reporting_agencies(db: Database, plan_id: int) -> list[Agency]:
    """Agencies that must send a results report: they set how many reports are expected."""
    return [a for a in list_agencies(db, plan_id) if a.must_report]


def add_agency(
    db: Database, plan_id: int, code: str, name: str, kind: str, *, short_name: str = ""
) -> int:
    """Add an agency at the end of the plan's list; return its id.

    It joins the list of units of every yes/no indicator drawn from its kind (a new district
    answers indicator 5); the Sở can take it out of a list in the Chỉ tiêu tab.
    """
    values = _checked(code=code, name=name, kind=kind, short_name=short_name)
    if find_agency(db, plan_id, str(values["code"])) is not None:
        raise ConflictError(f"{AGENCY_CODE} {values['code']} {rule_words.USED}")
    (last,) = db.execute(
        "SELECT coalesce(max(position), 0) FROM agencies WHERE plan_id = ?", [plan_id]
    ).fetchone()
    with db.atomic():
        row = {**values, "plan_id": plan_id, "position": last + 1, "must_report": 1}
        agency_id = insert(db, "agencies", row)
        # A new district is one more unit of indicator 5 (the yes/no indicators of its kind).
        db.execute(
            "INSERT INTO indicator_reporters (indicator_id, agency_id)"
            " SELECT id, ? FROM indicators WHERE plan_id = ? AND population_kind = ?",
            [agency_id, plan_id, values["kind"]],
        )
        return agency_id


def update_agency(db: Database, agency_id: int, **changes: object) -> None:
    """Change an agency's code, names, kind or duty to report."""
    agency = get_agency(db, agency_id)
    values: dict[str, object] = _checked(**changes)
    if "code" in values and values["code"] != agency.code:
        other = find_agency(db, agency.plan_id, str(values["code"]))
        if other is not None:
            raise ConflictError(f"{AGENCY_CODE} {values['code']} {rule_words.USED}")
    with db.atomic():
        db.table("agencies").update(agency_id, values)


@dataclass(frozen=True)
class Footprint:
    """What deleting an agency takes with it, for the confirmation to say."""

    assignments: int  # tasks it leads or coordinates
    reports: int  # its reports (draft, submitted or returned), with their contents
    accepted: tuple[str, ...]  # the periods of its accepted reports: these block the deletion
    indicators: int  # indicators it reports (it leaves their lists)
    budget_lines: int  # budget lines naming it (kept, without the agency)


def footprint(db: Database, agency_id: int) -> Footprint:
    """What deleting agency `agency_id` would remove."""

    def count(sql: str) -> int:
        return int(db.execute(sql, [agency_id]).fetchone()[0])

    accepted = db.execute(
        "SELECT p.name FROM reports r JOIN periods p ON p.id = r.period_id"
        " WHERE r.agency_id = ? AND r.status = 'accepted' ORDER BY p.starts_on",
        [agency_id],
    ).fetchall()
    return Footprint(
        assignments=count("SELECT count(*) FROM task_assignments WHERE agency_id = ?"),
        reports=count("SELECT count(*) FROM reports WHERE agency_id = ?") - len(accepted),
        accepted=tuple(name for (name,) in accepted),
        indicators=count("SELECT count(*) FROM indicator_reporters WHERE agency_id = ?"),
        budget_lines=count("SELECT count(*) FROM budget_lines WHERE agency_id = ?"),
    )


def delete_refusal(db: Database, agency_id: int) -> str | None:
    """Why agency `agency_id` cannot be deleted now (an accepted report), or None."""
    agency = get_agency(db, agency_id)
    accepted = footprint(db, agency_id).accepted
    if not accepted:
        return None
    return (
        f"Không xóa được cơ quan {agency.name}: báo cáo {', '.join(accepted)} của cơ quan này "
        "đã được chấp nhận. Báo cáo đã chấp nhận được giữ lại; muốn xóa cơ quan, hãy mở lại "
        "báo cáo đó trước (có ghi lý do)."
    )


def delete_agency(db: Database, agency_id: int) -> None:
    """Delete an agency with its assignments and reports (the caller confirms first, saying
    what `footprint` counts). Refused (`LockedError`) while it has an accepted report: the
    schema's guard would refuse the cascade anyway (schema 0004)."""
    refusal = delete_refusal(db, agency_id)
    if refusal is not None:
        raise LockedError(refusal)
    with db.atomic():
        db.execute("UPDATE plans SET focal_agency_id = NULL WHERE focal_agency_id = ?", [agency_id])
        db.table("agencies").delete(agency_id)


def _checked(**changes: object) -> dict[str, object]:
    values: dict[str, object] = {}
    for field, value in changes.items():
        if field == "must_report":
            if not isinstance(value, bool | int):
                raise ValidationError(MUST_REPORT, "chỉ nhận có hoặc không.")
            values[field] = int(bool(value))
            continue
        if not isinstance(value, str):
            raise ValidationError(field, rule_words.NOT_TEXT)
        text = clean_line(value)
        if field == "code" and not _CODE.match(text):
            raise ValidationError(
                AGENCY_CODE,
                "chỉ gồm chữ cái không dấu, chữ số và dấu gạch dưới, bắt đầu bằng chữ cái "
                "(tối đa 40 ký tự), vì mã được dùng trong tên tệp.",
            )
        if field == "name" and not text:
            raise ValidationError(AGENCY_NAME, rule_words.EMPTY)
        if field == "kind" and text not in AGENCY_KINDS:
            raise ValidationError("Loại cơ quan", rule_words.INVALID)
        if field not in {"code", "name", "short_name", "kind", "basis"}:
            raise ValidationError(field, "không phải là thông tin có thể sửa của cơ quan.")
        values[field] = text
    return values
