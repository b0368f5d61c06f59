"""The plan's own sections: their numerals and headings, as the plan writes them.

Every plan of the National Action Program has the same five parts (purpose and requirements,
targets, contents or tasks, budget, organisation of the work), but a plan numbers and titles
them its own way ("III. NỘI DUNG" in Đồng Tháp's, "II. NHIỆM VỤ" in a plan that puts its
targets under I). Task references ("III.1.2"), the forms and the report take the numerals
from here. `STANDARD` is only the starting point of a plan made from nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlite_utils import Database

from sxtdbv_desktop.errors import ValidationError
from sxtdbv_desktop.storage import select
from sxtdbv_desktop.text import clean_line

OBJECTIVES, TARGETS, CONTENT, BUDGET, DUTY = "objectives", "targets", "content", "budget", "duty"
PARTS = (OBJECTIVES, TARGETS, CONTENT, BUDGET, DUTY)

STANDARD = {
    OBJECTIVES: ("I", "MỤC ĐÍCH, YÊU CẦU"),
    TARGETS: ("II", "MỤC TIÊU"),
    CONTENT: ("III", "NỘI DUNG"),
    BUDGET: ("IV", "KINH PHÍ THỰC HIỆN"),
    DUTY: ("V", "TỔ CHỨC THỰC HIỆN"),
}
"""The skeleton of the Đồng Tháp 2023 plan, which most plans of the program follow."""

ROMAN = re.compile(r"[IVX]{1,5}")


_ROMAN_DIGITS = {"I": 1, "V": 5, "X": 10}


def roman_value(numeral: str) -> int:
    """The number a Roman numeral of a section stands for ("IV" is 4); 99 if it is not one."""
    if not ROMAN.fullmatch(numeral):
        return 99
    values = [_ROMAN_DIGITS[c] for c in numeral]
    return sum(-v if v < after else v for v, after in zip(values, [*values[1:], 0], strict=True))


@dataclass(frozen=True)
class Section:
    part: str
    numeral: str  # "III"
    heading: str  # "NỘI DUNG", as the plan writes it


def list_sections(db: Database, plan_id: int) -> dict[str, Section]:
    """The plan's sections by part; a part the plan does not have is absent."""
    rows = select(
        db,
        Section,
        "SELECT part, numeral, heading FROM plan_sections WHERE plan_id = ?",
        [plan_id],
    )
    return {s.part: s for s in sorted(rows, key=lambda s: PARTS.index(s.part))}


def numerals(db: Database, plan_id: int) -> dict[str, str]:
    """The numeral of each part the plan has, e.g. {"content": "III", "duty": "V"}."""
    return {part: s.numeral for part, s in list_sections(db, plan_id).items()}


def set_section(db: Database, plan_id: int, part: str, numeral: str, heading: str) -> None:
    """Set a part's numeral and heading (adding the part if the plan lacked it)."""
    if part not in PARTS:
        raise ValidationError("Mục của kế hoạch", f"không có phần «{part}».")
    numeral = clean_line(numeral).upper().rstrip(".")
    if not ROMAN.fullmatch(numeral):
        raise ValidationError("Số mục", f"phải là số La Mã (I, II, III…), đang là «{numeral}».")
    with db.atomic():
        db.execute(
            "INSERT INTO plan_sections (plan_id, part, numeral, heading) VALUES (?, ?, ?, ?)"
            " ON CONFLICT (plan_id, part) DO UPDATE SET numeral = excluded.numeral,"
            " heading = excluded.heading",
            [plan_id, part, numeral, clean_line(heading)],
        )


def insert_sections(db: Database, plan_id: int, sections: dict[str, tuple[str, str]]) -> None:
    """Record a new plan's sections (numeral, heading) by part."""
    for part, (numeral, heading) in sections.items():
        set_section(db, plan_id, part, numeral, heading)
