"""The plan's skeleton: the head (letterhead, title, basis), its Roman-numeral sections, each
recognised by its heading, and the tail ("Nơi nhận", the signature).

Sections are recognised by their words, not their numerals: "KINH PHÍ" is the budget
whichever numeral it has, "TỔ CHỨC THỰC HIỆN" (or "TRÁCH NHIỆM", "PHÂN CÔNG") the agencies'
duties, "MỤC ĐÍCH" the objectives, "MỤC TIÊU" or "CHỈ TIÊU" the targets, "NỘI DUNG",
"NHIỆM VỤ" or "GIẢI PHÁP" the tasks. A heading naming both purpose and targets
("MỤC ĐÍCH, YÊU CẦU VÀ MỤC TIÊU") counts as the objectives; targets then come from its
subsections.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sxtdbv_desktop.plan_import.paragraphs import ROMAN_HEADING, Paragraph
from sxtdbv_desktop.plan_sections import BUDGET, CONTENT, DUTY, OBJECTIVES, TARGETS
from sxtdbv_desktop.text import fold

_PART_WORDS = (
    (BUDGET, ("kinh phi",)),
    (DUTY, ("to chuc thuc hien", "trach nhiem", "phan cong")),
    (OBJECTIVES, ("muc dich", "yeu cau")),
    (TARGETS, ("muc tieu", "chi tieu")),
    (CONTENT, ("noi dung", "nhiem vu", "giai phap")),
)


@dataclass
class Section:
    part: str
    numeral: str
    heading: str
    body: list[Paragraph] = field(default_factory=list)


@dataclass
class Outline:
    head: list[Paragraph] = field(default_factory=list)
    sections: dict[str, Section] = field(default_factory=dict)
    others: list[Section] = field(default_factory=list)  # sections of no known part
    tail: list[Paragraph] = field(default_factory=list)

    @property
    def recognised(self) -> int:
        return len(self.sections)


def part_of(heading: str) -> str | None:
    """Which part of the plan a section heading names, if any."""
    words = fold(heading)
    for part, keys in _PART_WORDS:
        if any(key in words for key in keys):
            return part
    return None


def outline(paragraphs: list[Paragraph]) -> Outline:
    """Split the document's paragraphs into head, sections and tail."""
    found = Outline()
    current: Section | None = None
    for index, paragraph in enumerate(paragraphs):
        if fold(paragraph.text).startswith("noi nhan"):
            found.tail = paragraphs[index:]
            break
        heading = ROMAN_HEADING.match(paragraph.text)
        if heading and paragraph.mark == "roman":
            numeral, title = heading.groups()
            current = Section(part_of(title) or "", numeral, title)
            if current.part and current.part not in found.sections:
                found.sections[current.part] = current
            else:
                found.others.append(current)
        elif current is None:
            found.head.append(paragraph)
        else:
            current.body.append(paragraph)
    return found
