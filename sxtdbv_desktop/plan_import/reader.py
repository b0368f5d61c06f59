"""From a plan document to a draft plan: the skeleton, each part read by its own module,
everything assembled as a plan file's data (format version 3), and the flags gathered.

What the document does not say is left empty and flagged, except two things every plan of
the program needs that a reference provides honestly: department codes and short names, and
a province's local units for the period (Đồng Tháp's 12 districts before July 2025).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from sxtdbv_desktop.labels import FIELDS, PLAN_PARTS, PROGRAM
from sxtdbv_desktop.plan_file import FORMAT, FORMAT_VERSION
from sxtdbv_desktop.plan_import import reference
from sxtdbv_desktop.plan_import.budget_text import read_budget
from sxtdbv_desktop.plan_import.draft import Draft, Flag
from sxtdbv_desktop.plan_import.duties import local_unit_name, read_duties
from sxtdbv_desktop.plan_import.header import read_head
from sxtdbv_desktop.plan_import.outline import Outline, outline
from sxtdbv_desktop.plan_import.parts import read_objectives, read_targets, read_task_groups
from sxtdbv_desktop.plan_import.sources import Document, DocumentError
from sxtdbv_desktop.plan_import.tail import read_tail
from sxtdbv_desktop.plan_sections import BUDGET, CONTENT, DUTY, OBJECTIVES, TARGETS


def read_plan(document: Document) -> Draft:
    """The draft plan of `document`; a document that is not a plan is refused."""
    skeleton = outline(list(document.paragraphs))
    if skeleton.recognised < 3:
        raise DocumentError(
            document.name,
            "không phải là một kế hoạch: không thấy các mục của kế hoạch (Mục đích, yêu cầu; "
            "Mục tiêu; Nội dung hoặc Nhiệm vụ; Kinh phí; Tổ chức thực hiện).",
        )
    return _Reader(document, skeleton).draft()


def _where(skeleton: Outline, part: str, fallback: str) -> str:
    section = skeleton.sections.get(part)
    return f"Mục {section.numeral}" if section else fallback


class _Reader:
    def __init__(self, document: Document, skeleton: Outline) -> None:
        self.document = document
        self.skeleton = skeleton
        self.text = document.text
        self.flags: list[Flag] = []
        self.plan: dict[str, Any] = {}

    def draft(self) -> Draft:
        data = {
            "format": FORMAT,
            "format_version": FORMAT_VERSION,
            "plan": self.plan,
            "sections": self._sections(),
        }
        self._head(data)
        units = self._local_units()
        self._objectives_and_targets(data)
        self._contents(data)
        self._budget(data)
        self._duties(data, units)
        self._tail(data)
        self._reporters(data)
        self._periods(data)
        return Draft(data, self.flags, self.document.name, self.text)

    def _sections(self) -> dict[str, dict[str, str]]:
        found = {}
        for part, section in self.skeleton.sections.items():
            heading = re.sub(r"\s*\((?:[Cc]hi tiết|[Kk]èm theo)[^)]*\)\s*$", "", section.heading)
            found[part] = {"numeral": section.numeral, "heading": heading}
        for other in self.skeleton.others:
            self.flags.append(
                Flag(
                    f"section {other.numeral}",
                    f"Mục {other.numeral}",
                    "mục "
                    "không thuộc khung kế hoạch (Mục đích, Mục tiêu, Nội dung, "
                    "Kinh phí, Tổ chức thực hiện): không được đọc.",
                    other.heading,
                )
            )
        return found

    def _head(self, data: dict[str, Any]) -> None:
        head = read_head(self.skeleton.head, self.text)
        self.flags += head.flags
        fields = head.fields
        province = fields.get("province", "")
        self.plan.update(
            year=fields.get("year"),
            province=province,
            document_type=fields.get("document_type", "KẾ HOẠCH"),
            title=fields.get("title", ""),
            issuing_body=self._issuing_body(fields, province),
            document_number=fields.get("document_number"),
            signed_on=fields.get("signed_on"),
            program_name=PROGRAM if PROGRAM in self.text else "",
            program_period=self._period(fields.get("preamble", "")),
            preamble=fields.get("preamble", ""),
        )
        if not fields.get("document_number") or not fields.get("signed_on"):
            self.flags.append(
                Flag(
                    "plan.document_number",
                    "Số, ngày của kế hoạch",
                    "văn bản không có số hoặc ngày ban hành của chính kế hoạch; hãy nhập nếu biết.",
                )
            )
        data["legal_documents"] = head.legal_documents

    def _issuing_body(self, fields: dict[str, Any], province: str) -> str:
        if province:
            named = re.search(
                rf"(?:UBND|Ủy ban nhân dân)\s+[Tt]ỉnh\s+{re.escape(province)}", self.text
            )
            if named and fields.get("letterhead_body"):
                return named.group(0)
            if fields.get("letterhead_body"):
                return f"Ủy ban nhân dân tỉnh {province}"
            if named:
                self.flags.append(
                    Flag(
                        "plan.issuing_body",
                        FIELDS["issuing_body"],
                        "văn bản không có "
                        "phần đầu (quốc hiệu, cơ quan ban hành): cơ quan ban hành "
                        "lấy từ câu nêu tên UBND tỉnh; hãy kiểm tra.",
                        named.group(0),
                    )
                )
                return named.group(0)
        self.flags.append(
            Flag(
                "plan.issuing_body",
                FIELDS["issuing_body"],
                "không thấy cơ quan ban hành; hãy nhập.",
            )
        )
        return ""

    @staticmethod
    def _period(preamble: str) -> str:
        found = re.search(r"giai đoạn\s+(\d{4}\s*-\s*\d{4})", preamble)
        return found.group(1) if found else "2021-2030"

    def _local_units(self) -> list[dict[str, Any]]:
        name = local_unit_name(self.text)
        self.plan["local_unit_name"] = name
        if not name:
            return []
        year = self.plan.get("year") or 0
        signed = self.plan.get("signed_on")
        on = dt.date.fromisoformat(signed) if signed else dt.date(max(year, 2000), 1, 1)
        known = reference.local_units(self.plan.get("province") or "", on)
        if known is None or "huyện" not in name:
            return []
        self.flags.append(
            Flag(
                "agencies.local",
                f"UBND {name}",
                f"Kế hoạch không nêu tên từng "
                f"đơn vị: {len(known.units)} đơn vị lấy từ danh mục tham chiếu "
                f"của chương trình ({known.province}, đến "
                f"{known.valid_until:%d/%m/%Y}); hãy kiểm tra.",
            )
        )
        return [{"code": u.code, "name": u.name, "short_name": u.short_name} for u in known.units]

    def _objectives_and_targets(self, data: dict[str, Any]) -> None:
        objectives = self.skeleton.sections.get(OBJECTIVES)
        data["objectives"] = read_objectives(objectives.body) if objectives else []
        if objectives is None:
            self.flags.append(
                Flag(
                    "objectives", PLAN_PARTS[OBJECTIVES], "Kế hoạch không có mục Mục đích, yêu cầu."
                )
            )
        section = self.skeleton.sections.get(TARGETS)
        intro, targets = read_targets(section.body) if section else ("", [])
        if section is None:
            self.flags.append(
                Flag(
                    "targets",
                    PLAN_PARTS[TARGETS],
                    "Kế hoạch không có mục Mục tiêu: chưa có chỉ tiêu nào.",
                )
            )
        self.plan["targets_intro"] = intro
        data["targets"] = [
            {"number": t.number, "text": t.text, "indicators": t.indicators} for t in targets
        ]
        for target in targets:
            self.flags += target.flags

    def _contents(self, data: dict[str, Any]) -> None:
        section = self.skeleton.sections.get(CONTENT)
        where = _where(self.skeleton, CONTENT, "Nội dung")
        groups, flags = read_task_groups(section.body, "content", where) if section else ([], [])
        self.flags += flags
        if section is None:
            self.flags.append(
                Flag("content", PLAN_PARTS[CONTENT], "Kế hoạch không có mục Nội dung (nhiệm vụ).")
            )
        elif groups:
            self.flags.append(
                Flag(
                    "content.assignments",
                    where,
                    "Kế hoạch không giao từng nhiệm "
                    "vụ cho cơ quan chủ trì (thường ở Phụ lục): các nhiệm vụ chưa "
                    "được phân công; phân công ở thẻ Nhiệm vụ sau khi lưu.",
                )
            )
        data["task_groups"] = groups

    def _budget(self, data: dict[str, Any]) -> None:
        section = self.skeleton.sections.get(BUDGET)
        budget = read_budget(
            section.body if section else None, _where(self.skeleton, BUDGET, PLAN_PARTS[BUDGET])
        )
        self.flags += budget.flags
        self.plan.update(
            total_budget=budget.total, budget_text=budget.text, budget_reference=budget.reference
        )
        data["funding_sources"] = budget.sources

    def _duties(self, data: dict[str, Any], units: list[dict[str, Any]]) -> None:
        section = self.skeleton.sections.get(DUTY)
        where = _where(self.skeleton, DUTY, PLAN_PARTS[DUTY])
        duties = read_duties(
            section.body if section else [], where, units, self.plan["local_unit_name"]
        )
        self.flags += duties.flags
        if section is None:
            self.flags.append(
                Flag(
                    "duty",
                    PLAN_PARTS[DUTY],
                    "Kế hoạch không có mục Tổ chức "
                    "thực hiện: chưa có cơ quan nào; hãy thêm ở thẻ Cơ quan.",
                )
            )
        data["agencies"] = duties.agencies
        data["task_groups"] = data["task_groups"] + duties.groups
        self.plan.update(
            focal_agency=duties.focal_agency,
            reporting_deadline=duties.deadline,
            reporting_rule=duties.reporting_rule,
            closing_text=duties.closing_text,
        )

    def _tail(self, data: dict[str, Any]) -> None:
        tail = read_tail(self.skeleton.tail)
        self.flags += tail.flags
        data["recipients"] = tail.recipients
        self.plan["signature"] = {
            "authority": tail.authority,
            "title": tail.title,
            "name": tail.name,
        }

    def _reporters(self, data: dict[str, Any]) -> None:
        kinds = {a["code"]: a["kind"] for a in data["agencies"]}
        departments = [code for code, kind in kinds.items() if kind == "department"]
        unassigned = []
        for target in data["targets"]:
            for indicator in target["indicators"]:
                population = indicator.get("population")
                if population == "district":
                    indicator["reporters"] = [c for c, k in kinds.items() if k == "district"]
                elif population == "department":
                    indicator["reporters"] = list(departments)
                    indicator["reporters_proposed"] = list(departments)
                else:
                    unassigned.append(indicator["code"])
        if unassigned:
            self.flags.append(
                Flag(
                    "indicators.reporters",
                    "Mục tiêu",
                    "Kế hoạch không nói cơ "
                    "quan nào báo cáo các chỉ tiêu "
                    + ", ".join(unassigned)
                    + "; giao ở thẻ Chỉ tiêu sau khi lưu.",
                )
            )

    def _periods(self, data: dict[str, Any]) -> None:
        year, deadline = self.plan.get("year"), self.plan.get("reporting_deadline")
        data["periods"] = (
            [
                {
                    "code": str(year),
                    "name": f"Năm {year}",
                    "starts_on": f"{year}-01-01",
                    "ends_on": f"{year}-12-31",
                    "deadline": deadline,
                }
            ]
            if year and deadline
            else []
        )
