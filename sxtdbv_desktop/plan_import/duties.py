"""Section V of a plan: the agencies, agency by agency, with their duties; then the reporting
rule (who reports to whom, by which date) and the closing paragraph.

Each numbered item is a duty group led by the agency its heading names, with one task per
paragraph ("- " bullet, or a plain paragraph). The heading says what kind of agency it is:
a department or board ("Sở …", "Ban Quản lý …"), the local units ("UBND huyện, thành phố",
"UBND các xã, phường": every local unit leads the group), the press, or associations (a
collective entry that is not expected to report; a heading "Đề nghị các Hiệp hội …, cộng
đồng và các cá nhân" names "Các Hiệp hội …", without the request and the people, who are no
agency). A heading that also names unnamed departments ("Các sở, ban, ngành … có liên quan")
is flagged: the Sở adds them if it wants them to report.

The paragraph stating a deadline for reports ("báo cáo … trước ngày 10/12/2023") ends the
duties: it is the reporting rule, and what follows it the closing text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from sxtdbv_desktop.labels import AGENCY_KINDS, FIELDS
from sxtdbv_desktop.plan_import import figures, reference
from sxtdbv_desktop.plan_import.draft import Flag
from sxtdbv_desktop.plan_import.paragraphs import Paragraph
from sxtdbv_desktop.plan_import.parts import item_number, item_text, task
from sxtdbv_desktop.text import fold

LOCAL_LEVELS = (
    "huyện, thị xã, thành phố",
    "huyện, thành phố, thị xã",
    "huyện, thành phố",
    "thị xã, thành phố",
    "cấp huyện",
    "xã, phường, đặc khu",
    "xã, phường, thị trấn",
    "xã, phường",
    "cấp xã",
)
LOCAL_MENTION = re.compile(
    r"(?:UBND|Ủy ban nhân dân)\s+(?:các\s+)?(" + "|".join(map(re.escape, LOCAL_LEVELS)) + ")"
)
_DEADLINE = re.compile(
    r"(?:trước|chậm nhất|hạn chót)[^.;]*?(ngày\s+\d{1,2}[/ ][^.;,]*\d{4}|\d{1,2}/\d{1,2}/\d{4})"
)
_FOCAL = re.compile(r"(?:về|gửi)\s+(Sở [\wÀ-ỹ ]+?)(?:\s+(?:trước|để|chậm|theo)|[,.;(])")
PRESS_WORDS = ("bao chi", "dai phat thanh", "truyen hinh", "co quan bao")
ASSOCIATION_WORDS = ("hiep hoi", "hoi ", "lien minh", "doan the", "mat tran", "to chuc chinh tri")
DEPARTMENT_STARTS = ("so ", "ban ", "van phong", "thanh tra", "cong an", "cuc ", "bo chi huy")


@dataclass
class Duties:
    groups: list[dict[str, Any]] = field(default_factory=list)
    agencies: list[dict[str, Any]] = field(default_factory=list)
    reporting_rule: str = ""
    closing_text: str = ""
    deadline: str | None = None
    focal_agency: str | None = None
    local_unit_name: str = ""
    flags: list[Flag] = field(default_factory=list)


@dataclass(frozen=True)
class Heading:
    """What a duty item's heading names."""

    kind: str  # "department", "district" (the local units), "press", "association", "mixed"
    name: str  # the agency's name as the plan writes it (a collective's cleaned up)


def read_duties(
    body: list[Paragraph], where: str, local_units: list[dict[str, Any]], local_name: str
) -> Duties:
    """Section V: `local_units` are the plan's local units (from the document or a reference)."""
    duties = Duties(local_unit_name=local_name)
    items, after = _items(body, duties)
    for number, heading, paragraphs in items:
        _group(duties, (number, heading, paragraphs), where, local_units)
    _rule_and_closing(duties, after, where)
    return duties


def _items(
    body: list[Paragraph], duties: Duties
) -> tuple[list[tuple[int, str, list[Paragraph]]], list[Paragraph]]:
    """The numbered items with their paragraphs, and the paragraphs from the reporting rule."""
    items: list[tuple[int, str, list[Paragraph]]] = []
    rule_at = next(
        (i for i, p in enumerate(body) if not p.mark and _is_reporting_rule(p.text)), len(body)
    )
    for paragraph in body[:rule_at]:
        number = item_number(paragraph)
        if number is not None:
            heading, _, inline = item_text(paragraph).partition(": ")
            items.append((number, heading.rstrip(":"), []))
            if inline and len(heading) < 120:
                items[-1][2].append(Paragraph(inline, (inline,)))
            elif inline:
                items[-1] = (number, item_text(paragraph), [])
        elif items:
            items[-1][2].append(paragraph)
        else:
            duties.closing_text = "\n".join(filter(None, [duties.closing_text, paragraph.text]))
    return items, body[rule_at:]


def _is_reporting_rule(text: str) -> bool:
    return "báo cáo" in text and _DEADLINE.search(text) is not None


def classify(heading: str) -> Heading:
    """What kind of agency a duty item's heading names."""
    folded = fold(heading)
    local = LOCAL_MENTION.search(heading)
    if local and re.search(r"\bso, ban, nganh\b", folded):
        return Heading("mixed", heading)
    if local:
        return Heading("district", heading)
    if any(word in folded for word in PRESS_WORDS):
        return Heading("press", heading)
    if any(word in folded for word in ASSOCIATION_WORDS):
        return Heading("association", _collective_name(heading))
    if folded.startswith(DEPARTMENT_STARTS):
        return Heading("department", heading)
    return Heading("unknown", heading)


def _collective_name(heading: str) -> str:
    name = re.sub(r"^Đề nghị\s+", "", heading)
    name = re.sub(r",?\s*(?:cộng đồng\s+)?(?:và\s+)?(?:các\s+)?cá nhân\s*$", "", name)
    name = re.sub(r",?\s*(?:và\s+)?cộng đồng\s*$", "", name)
    return name[:1].upper() + name[1:]


def _group(
    duties: Duties,
    item: tuple[int, str, list[Paragraph]],
    where: str,
    local_units: list[dict[str, Any]],
) -> None:
    number, heading, paragraphs = item
    found = classify(heading)
    key, place = f"duty {number}", f"{where}.{number}"
    leads: list[str]
    if found.kind in ("district", "mixed"):
        leads = [unit["code"] for unit in local_units]
        if found.kind == "mixed":
            duties.flags.append(
                Flag(
                    key,
                    place,
                    "mục giao cho «các sở, ban, ngành … có liên "
                    "quan» mà không nêu tên: chỉ các đơn vị cấp địa phương "
                    "được giao; thêm các sở có liên quan nếu cần.",
                    heading,
                )
            )
        if not local_units:
            duties.flags.append(
                Flag(
                    key,
                    place,
                    f"chưa có danh sách UBND "
                    f"{duties.local_unit_name or 'cấp địa phương'}: hãy nhập "
                    "các đơn vị (thẻ Cơ quan) rồi giao mục này.",
                    heading,
                )
            )
        for unit in local_units:
            _add_agency(duties, {**unit, "kind": "district", "must_report": True})
    else:
        agency = _agency(found)
        if found.kind == "unknown":
            duties.flags.append(
                Flag(
                    key,
                    place,
                    "không rõ đây là sở, ban, ngành, cơ quan báo "
                    "chí hay hội, đoàn thể: đã xếp là sở, ban, ngành.",
                    heading,
                )
            )
        code = _add_agency(duties, agency)
        leads = [code]
    tasks = [task(item_text(p)) for p in paragraphs] or [task(heading)]
    if not paragraphs:
        duties.flags.append(
            Flag(
                key,
                place,
                "mục không có nội dung nhiệm vụ: tên mục được lấy làm nhiệm vụ.",
                heading,
            )
        )
    for entry in tasks:
        entry["lead"] = list(leads)
    duties.groups.append({"section": "duty", "number": number, "title": heading, "tasks": tasks})


def _agency(found: Heading) -> dict[str, Any]:
    kind = "department" if found.kind == "unknown" else found.kind
    if kind == "press":
        return {
            "code": "BaoChi",
            "name": found.name,
            "short_name": AGENCY_KINDS["press"],
            "kind": kind,
            "must_report": False,
        }
    if kind == "association":
        return {
            "code": "HoiDoanThe",
            "name": found.name,
            "short_name": AGENCY_KINDS["association"],
            "kind": kind,
            "must_report": False,
        }
    known = reference.department(found.name)
    code = known.code if known else reference.initials_code(found.name)
    short = known.short_name if known else found.name
    return {
        "code": code,
        "name": found.name,
        "short_name": short,
        "kind": kind,
        "must_report": True,
    }


def _add_agency(duties: Duties, agency: dict[str, Any]) -> str:
    """Add an agency once (by name); a code already taken gets a number. Return its code."""
    for existing in duties.agencies:
        if reference.name_key(existing["name"]) == reference.name_key(agency["name"]):
            code: str = existing["code"]
            return code
    codes = {a["code"] for a in duties.agencies}
    code, suffix = agency["code"], 2
    while code in codes:
        code, suffix = f"{agency['code']}{suffix}", suffix + 1
    duties.agencies.append({**agency, "code": code})
    return str(code)


def _rule_and_closing(duties: Duties, after: list[Paragraph], where: str) -> None:
    if not after:
        duties.flags.append(
            Flag(
                "plan.reporting_deadline",
                f"{where}, chế độ báo cáo",
                "không thấy câu giao hạn gửi báo cáo kết quả: hãy nhập hạn báo cáo.",
                blocking=True,
            )
        )
        return
    rule = after[0].text
    duties.reporting_rule = rule
    duties.closing_text = "\n".join(
        filter(None, [duties.closing_text, *(p.text for p in after[1:])])
    )
    deadline = _DEADLINE.search(rule)
    day = figures.find_date(deadline.group(1)) if deadline else None
    duties.deadline = day.isoformat() if day else None
    if day is None:
        duties.flags.append(
            Flag(
                "plan.reporting_deadline",
                f"{where}, chế độ báo cáo",
                "không đọc được ngày của hạn báo cáo.",
                rule,
                blocking=True,
            )
        )
    focal = _FOCAL.search(rule)
    if focal:
        wanted = reference.name_key(focal.group(1))
        duties.focal_agency = next(
            (a["code"] for a in duties.agencies if reference.name_key(a["name"]) == wanted), None
        )
    if duties.focal_agency is None:
        duties.flags.append(
            Flag(
                "plan.focal_agency",
                FIELDS["focal_agency_id"],
                "không xác định được "
                "cơ quan nhận báo cáo của các đơn vị (thường là Sở Công "
                "Thương); hãy chọn.",
                rule,
            )
        )


def local_unit_name(text: str) -> str:
    """How the document names its local units ("huyện, thành phố"), or ""."""
    found = LOCAL_MENTION.search(text)
    return found.group(1) if found else ""
