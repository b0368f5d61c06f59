"""Editing the parts of a plan the tabs do not edit in place: objectives, targets and their
indicators, task groups, funding sources; and a plan made from nothing.

Each function checks every value first and changes nothing on error (a `ValidationError`
naming the field and the rule); each change is one transaction, audited by the triggers.
Agencies, tasks, thresholds, reporters and estimates have their own modules.
"""

from __future__ import annotations

import datetime as dt
import re

from sqlite_utils import Database

from sxtdbv_desktop import headings, labels, rule_words
from sxtdbv_desktop.errors import ConflictError, NotFoundError, ValidationError
from sxtdbv_desktop.indicators import get_indicator
from sxtdbv_desktop.plan_sections import STANDARD, insert_sections
from sxtdbv_desktop.plans import find_plan
from sxtdbv_desktop.schema import INDICATOR_KINDS
from sxtdbv_desktop.storage import insert
from sxtdbv_desktop.text import clean_line, clean_paragraphs

POPULATIONS = ("district", "department")  # who answers a yes/no indicator

# --- a plan made from nothing ------------------------------------------------------------


def create_blank_plan(db: Database, province: str, year: int, deadline: dt.date) -> int:
    """A new, empty plan: the standard sections, one yearly period ending at `deadline`; the
    rest (objectives, targets, tasks, agencies, budget) is entered afterwards."""
    province = clean_line(province)
    if not province:
        raise ValidationError("Tỉnh", rule_words.EMPTY)
    if not 2000 <= year <= 2100:
        raise ValidationError("Năm", "phải từ 2000 đến 2100.")
    if find_plan(db, province, year) is not None:
        raise ConflictError(f"{rule_words.plan_exists(year, province)}.")
    title = f"Thực hiện {labels.program_in(year, province)}"
    with db.atomic():
        plan_id = insert(db, "plans", {
            "year": year, "province": province, "document_type": "KẾ HOẠCH", "title": title,
            "issuing_body": f"UBND tỉnh {province}",
            "program_name": labels.PROGRAM,
            "program_period": "2021-2030", "reporting_deadline": deadline.isoformat(),
            "total_budget": 0, "created_at": dt.datetime.now().isoformat(timespec="seconds"),
        })  # fmt: skip
        insert_sections(db, plan_id, dict(STANDARD))
        db.table("periods").insert({
            "plan_id": plan_id, "code": str(year), "name": f"Năm {year}",
            "starts_on": f"{year}-01-01", "ends_on": f"{year}-12-31",
            "deadline": deadline.isoformat(),
        })  # fmt: skip
    return plan_id


def set_deadline(db: Database, plan_id: int, deadline: dt.date) -> None:
    """The plan's reporting deadline, and its yearly period's with it."""
    with db.atomic():
        db.table("plans").update(plan_id, {"reporting_deadline": deadline.isoformat()})
        db.execute(
            "UPDATE periods SET deadline = ? WHERE plan_id = ? AND code = "
            "(SELECT CAST(year AS TEXT) FROM plans WHERE id = ?)",
            [deadline.isoformat(), plan_id, plan_id],
        )


# --- objectives --------------------------------------------------------------------------


def add_objective(db: Database, plan_id: int, text: str, part: str = "") -> int:
    (last,) = db.execute(
        "SELECT coalesce(max(position), 0) FROM objectives WHERE plan_id = ?", [plan_id]
    ).fetchone()
    row = {"plan_id": plan_id, "position": last + 1, **_objective(text, part)}
    with db.atomic():
        return insert(db, "objectives", row)


def update_objective(db: Database, objective_id: int, text: str, part: str = "") -> None:
    with db.atomic():
        db.table("objectives").update(objective_id, _objective(text, part))


def delete_objective(db: Database, objective_id: int) -> None:
    with db.atomic():
        db.table("objectives").delete(objective_id)


def _objective(text: str, part: str) -> dict[str, str]:
    cleaned = clean_paragraphs(text)
    if not cleaned:
        raise ValidationError(labels.PLAN_PARTS["objectives"], f"nội dung {rule_words.EMPTY}")
    return {"text": cleaned, "part": clean_line(part)}


# --- targets and indicators --------------------------------------------------------------


def add_target(db: Database, plan_id: int, text: str) -> int:
    """A target at the end of section II; return its id."""
    (last,) = db.execute(
        "SELECT coalesce(max(number), 0) FROM targets WHERE plan_id = ?", [plan_id]
    ).fetchone()
    with db.atomic():
        return insert(db, "targets", {"plan_id": plan_id, "number": last + 1,
                                      "text": _required("Mục tiêu", text)})  # fmt: skip


def update_target(db: Database, target_id: int, text: str) -> None:
    with db.atomic():
        db.table("targets").update(target_id, {"text": _required("Mục tiêu", text)})


def delete_target(db: Database, target_id: int) -> None:
    """Delete a target with its indicators and the figures reported on them."""
    with db.atomic():
        db.table("targets").delete(target_id)


def add_indicator(db: Database, target_id: int, code: str, kind: str, threshold: int,
                  **fields: object) -> int:  # fmt: skip
    """A measurable indicator of a target; `fields`: name, plan_text, unit, exceed_above,
    population (for yes/no: "district" or "department")."""
    found = db.execute("SELECT plan_id FROM targets WHERE id = ?", [target_id]).fetchone()
    if found is None:
        raise NotFoundError(f"Không tìm thấy mục tiêu số {target_id}.")
    (plan_id,) = found
    values = _indicator_values({"code": code, "kind": kind, "threshold": threshold, **fields})
    (last,) = db.execute(
        "SELECT coalesce(max(position), 0) FROM indicators WHERE plan_id = ?", [plan_id]
    ).fetchone()
    _check_code(db, plan_id, str(values["code"]), None)
    with db.atomic():
        indicator_id = insert(db, "indicators", {
            "plan_id": plan_id, "target_id": target_id, "position": last + 1,
            "name": values.pop("name", "") or values["code"], **values,
        })  # fmt: skip
        if values.get("population_kind"):  # a yes/no indicator: every unit of its kind answers
            db.execute(
                "INSERT INTO indicator_reporters (indicator_id, agency_id) SELECT ?, id"
                " FROM agencies WHERE plan_id = ? AND kind = ?",
                [indicator_id, plan_id, values["population_kind"]],
            )
        return indicator_id


def update_indicator(db: Database, indicator_id: int, **changes: object) -> None:
    """Change an indicator's code, name, words in the plan, kind (with its population for
    yes/no), threshold, upper figure, unit, or its link to last year's (`previous_id`)."""
    indicator = get_indicator(db, indicator_id)
    merged = {
        "code": indicator.code, "kind": indicator.kind, "threshold": indicator.threshold,
        "exceed_above": indicator.exceed_above, "population": indicator.population_kind,
        **changes,
    }  # fmt: skip
    previous = merged.pop("previous_id", indicator_previous(db, indicator_id))
    values = _indicator_values(merged)
    _check_code(db, indicator.plan_id, str(values["code"]), indicator_id)
    values["previous_id"] = previous
    with db.atomic():
        db.table("indicators").update(indicator_id, values)


def indicator_previous(db: Database, indicator_id: int) -> int | None:
    row = db.execute("SELECT previous_id FROM indicators WHERE id = ?", [indicator_id]).fetchone()
    return None if row is None else row[0]


def delete_indicator(db: Database, indicator_id: int) -> None:
    """Delete an indicator and the figures reported on it (the caller confirms first)."""
    get_indicator(db, indicator_id)
    with db.atomic():
        db.table("indicators").delete(indicator_id)


def _indicator_values(given: dict[str, object]) -> dict[str, object]:
    code = clean_line(str(given.get("code") or ""))
    if not re.fullmatch(r"[0-9A-Za-z.]{1,8}", code):
        raise ValidationError("Mã chỉ tiêu", "gồm chữ số, chữ cái không dấu (ví dụ 2a), tối đa 8.")
    kind = given.get("kind")
    if kind not in INDICATOR_KINDS:
        raise ValidationError("Loại chỉ tiêu", rule_words.INVALID)
    population = given.get("population") if kind == "yes_no" else None
    if kind == "yes_no" and population not in POPULATIONS:
        raise ValidationError("Đơn vị trả lời", "chỉ tiêu Có/Không cần chọn ai trả lời.")
    threshold, above = given.get("threshold"), given.get("exceed_above")
    if isinstance(threshold, bool) or not isinstance(threshold, int) or threshold < 0:
        raise ValidationError(headings.THRESHOLD, rule_words.NOT_COUNT)
    if kind != "count" and threshold > 100:
        raise ValidationError(headings.THRESHOLD, rule_words.OVER_100_PERCENT)
    if above is not None and (not isinstance(above, int) or above < threshold):
        raise ValidationError("Mức vượt", "phải là số không nhỏ hơn ngưỡng đạt.")
    values: dict[str, object] = {
        "code": code, "kind": kind, "threshold": threshold, "exceed_above": above,
        "population_kind": population,
    }  # fmt: skip
    for key in ("name", "plan_text", "unit"):
        if key in given:
            values[key] = clean_line(str(given[key] or ""))
    if kind != "count":
        values["unit"] = "%"
    return values


def _check_code(db: Database, plan_id: int, code: str, own: int | None) -> None:
    row = db.execute(
        "SELECT id FROM indicators WHERE plan_id = ? AND code = ?", [plan_id, code]
    ).fetchone()
    if row is not None and row[0] != own:
        raise ConflictError(f"Mã chỉ tiêu {code} {rule_words.USED}")


# --- task groups and funding sources -----------------------------------------------------


def add_group(db: Database, plan_id: int, section: str, title: str) -> int:
    """A task group (section "content") or an item of duties ("duty"), numbered next."""
    if section not in ("content", "duty"):
        raise ValidationError("Mục", rule_words.INVALID)
    (last,) = db.execute(
        "SELECT coalesce(max(number), 0) FROM task_groups WHERE plan_id = ? AND section = ?",
        [plan_id, section],
    ).fetchone()
    with db.atomic():
        return insert(db, "task_groups", {"plan_id": plan_id, "section": section,
                                          "number": last + 1,
                                          "title": _required("Tên nhóm", title)})  # fmt: skip


def update_group(db: Database, group_id: int, title: str, number: int | None = None) -> None:
    values: dict[str, object] = {"title": _required("Tên nhóm", title)}
    if number is not None:
        if number < 1:
            raise ValidationError("Số thứ tự nhóm", "phải từ 1 trở lên.")
        clash = db.execute(
            "SELECT 1 FROM task_groups o JOIN task_groups g ON g.id = ? WHERE o.plan_id ="
            " g.plan_id AND o.section = g.section AND o.number = ? AND o.id <> g.id",
            [group_id, number],
        ).fetchone()
        if clash:
            raise ConflictError(f"Đã có nhóm số {number} trong mục này.")
        values["number"] = number
    with db.atomic():
        db.table("task_groups").update(group_id, values)


def delete_group(db: Database, group_id: int) -> None:
    """Delete a group with its tasks and the results reported on them."""
    with db.atomic():
        db.table("task_groups").delete(group_id)


def add_source(db: Database, plan_id: int, name: str) -> int:
    (last,) = db.execute(
        "SELECT coalesce(max(position), 0) FROM funding_sources WHERE plan_id = ?", [plan_id]
    ).fetchone()
    _check_source(db, plan_id, name, None)
    with db.atomic():
        return insert(db, "funding_sources", {"plan_id": plan_id, "position": last + 1,
                                              "name": clean_line(name)})  # fmt: skip


def rename_source(db: Database, source_id: int, name: str) -> None:
    row = db.execute("SELECT plan_id FROM funding_sources WHERE id = ?", [source_id]).fetchone()
    if row is None:
        raise NotFoundError(f"Không tìm thấy nguồn kinh phí số {source_id}.")
    _check_source(db, row[0], name, source_id)
    with db.atomic():
        db.table("funding_sources").update(source_id, {"name": clean_line(name)})


def delete_source(db: Database, source_id: int) -> None:
    """Delete a source nobody has allocated or reported spending from."""
    used = db.execute(
        "SELECT (SELECT count(*) FROM budget_lines WHERE source_id = ?)"
        " + (SELECT count(*) FROM source_spending WHERE source_id = ?)",
        [source_id, source_id],
    ).fetchone()[0]
    if used:
        raise ConflictError(
            "Nguồn này đã có dòng phân bổ hoặc số chi do đơn vị báo cáo: hãy xóa các dòng đó "
            "trước, hoặc đổi tên nguồn."
        )
    with db.atomic():
        db.table("funding_sources").delete(source_id)


def _check_source(db: Database, plan_id: int, name: str, own: int | None) -> None:
    cleaned = _required("Tên nguồn kinh phí", name)
    row = db.execute(
        "SELECT id FROM funding_sources WHERE plan_id = ? AND name = ?", [plan_id, cleaned]
    ).fetchone()
    if row is not None and row[0] != own:
        raise ConflictError(f"Đã có nguồn kinh phí «{cleaned}».")


def _required(field: str, text: str) -> str:
    cleaned = clean_paragraphs(text)
    if not cleaned:
        raise ValidationError(field, rule_words.EMPTY)
    return cleaned
