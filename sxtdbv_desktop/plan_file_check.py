"""Checking a plan file completely before anything of it is written.

A plan file comes from outside (the Sở's export, carried on a USB stick or by e-mail) and is
loaded at an agency while the plan guards are off. So every part is checked first: its
structure (only the keys a plan file has, each of its type), its texts (lengths, no control
characters that would survive), its codes and dates, and every reference between its parts
(an agency named by a task must be in the file's list of agencies). Only what a plan file
describes can then be created: `plan_file.load_plan` builds each row from these named fields
alone, never from the file's dictionaries as they are, so a crafted file cannot smuggle in an
`id` or a `plan_id` pointing at another plan.

Versions 1 to 3 of the format are read; the keys of versions 2 (proposed assignments and their
evidence) and 3 (the plan's own sections, its local units, objectives' parts, indicators'
links to last year) are optional.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from typing import Any

from sxtdbv_desktop import labels, rule_words
from sxtdbv_desktop.errors import ValidationError
from sxtdbv_desktop.plan_sections import PARTS, ROMAN
from sxtdbv_desktop.schema import AGENCY_KINDS, INDICATOR_KINDS
from sxtdbv_desktop.text import LINE_MAX, PARAGRAPHS_MAX, clean_line, printable
from sxtdbv_desktop.vnformat import MAX_WHOLE

MAX_LISTED = 15
MAX_CODE = 40
MAX_SOURCE_NAME = 200  # a source's name is part of its row key in the forms
_AGENCY_CODE = re.compile(r"[A-Za-z][A-Za-z0-9_]{0,39}")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")

_TOP = {
    "format": "định dạng",
    "format_version": "phiên bản",
    "plan": labels.PLAN_HEADER,
    "legal_documents": "Căn cứ",
    "recipients": "Nơi nhận",
    "sections": "Các mục của kế hoạch",
    "objectives": labels.ENTITIES["objectives"],
    "targets": labels.ENTITIES["targets"],
    "agencies": "Cơ quan",
    "task_groups": labels.ENTITIES["task_groups"],
    "funding_sources": labels.ENTITIES["funding_sources"],
    "periods": labels.ENTITIES["periods"],
    "notes": "Ghi chú",
}
HEADER_LINES = (
    "province",
    "document_type",
    "title",
    "issuing_body",
    "program_name",
    "program_period",
    "budget_reference",
)
HEADER_PARAGRAPHS = ("preamble", "targets_intro", "reporting_rule", "closing_text", "budget_text")
"""The plan's text fields, as a plan file names them: one-line texts, then paragraphs (one
definition for the checks here and for `plan_file`, which loads them)."""
_PLAN_KEYS = {
    *HEADER_LINES,
    *HEADER_PARAGRAPHS,
    "year",
    "reporting_deadline",
    "total_budget",
    "focal_agency",
    "document_number",
    "signed_on",
    "signature",
    "local_unit_name",
}


class PlanFileError(ValidationError):
    """What is wrong in a plan file, every problem listed; nothing was written."""

    def __init__(self, name: str, problems: list[str]) -> None:
        listed = [f"– {p}" for p in problems[:MAX_LISTED]]
        if len(problems) > MAX_LISTED:
            listed.append(f"– và {len(problems) - MAX_LISTED} lỗi khác.")
        super().__init__(
            f"Tệp kế hoạch {name}",
            f"không hợp lệ nên chưa nạp gì ({len(problems)} lỗi):\n" + "\n".join(listed),
        )
        self.problems = problems


def check_plan_data(data: object, name: str = "") -> None:
    """Raise `PlanFileError` unless `data` is a whole, consistent plan file."""
    checker = _Checker()
    checker.file(data)
    if checker.problems:
        raise PlanFileError(name or "được chọn", checker.problems)


class _Checker:
    def __init__(self) -> None:
        self.problems: list[str] = []
        self.codes: set[str] = set()

    def fail(self, place: str, rule: str) -> None:
        self.problems.append(f"{place}: {rule}")

    # --- shapes -------------------------------------------------------------------------------

    def mapping(self, value: object, place: str, allowed: Iterable[str]) -> dict[str, Any]:
        if not isinstance(value, dict):
            self.fail(place, "phải là một nhóm thông tin (đối tượng JSON).")
            return {}
        for key in value:
            if key not in allowed:
                self.fail(place, f"có mục «{printable(str(key))[:40]}» mà tệp kế hoạch không có.")
        return value

    def items(self, value: object, place: str, *, required: bool = True) -> list[Any]:
        if value is None and not required:
            return []
        if not isinstance(value, list):
            self.fail(place, "phải là một danh sách.")
            return []
        return value

    def text(
        self, value: object, place: str, *, required: bool = False, limit: int = LINE_MAX
    ) -> None:
        if value is None and not required:
            return
        if not isinstance(value, str):
            self.fail(place, rule_words.NOT_TEXT)
            return
        cleaned = printable(value).strip()
        if required and not cleaned:
            self.fail(place, rule_words.EMPTY)
        if len(cleaned) > limit:
            self.fail(place, rule_words.too_long(len(cleaned), limit))

    def whole(
        self, value: object, place: str, *, low: int = 0, high: int = MAX_WHOLE, null: bool = False
    ) -> int | None:
        if value is None and null:
            return None
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            self.fail(place, f"phải là số nguyên từ {low} đến {high}.")
            return None
        return value

    def date(self, value: object, place: str, *, null: bool = False) -> dt.date | None:
        if value is None and null:
            return None
        if isinstance(value, str) and _DATE.fullmatch(value):
            try:
                return dt.date.fromisoformat(value)
            except ValueError:
                pass
        self.fail(place, "phải là một ngày có dạng YYYY-MM-DD.")
        return None

    def code_list(self, value: object, place: str) -> list[str]:
        """A list of agency codes, each among the file's agencies, none twice."""
        found: list[str] = []
        for index, code in enumerate(self.items(value, place, required=False), 1):
            if not isinstance(code, str) or code not in self.codes:
                self.fail(f"{place}, mục {index}", f"«{printable(str(code))[:40]}» không phải "
                          "là mã của cơ quan nào trong tệp.")  # fmt: skip
            elif code in found:
                self.fail(place, f"mã cơ quan {code} có hai lần.")
            else:
                found.append(code)
        return found

    def proposed(self, value: object, place: str, codes: list[str]) -> None:
        if value is None or value is True:
            return
        for code in self.code_list(value, place):
            if code not in codes:
                self.fail(place, f"cơ quan {code} được đề xuất nhưng không được giao.")

    def by_agency(self, value: object, place: str, limit: int) -> None:
        """Texts by agency code ("*": for every agency)."""
        if value is None:
            return
        texts = self.mapping(value, place, [*self.codes, "*"])
        for code, text in texts.items():
            self.text(text, f"{place}, {code}", limit=limit)

    # --- sections -----------------------------------------------------------------------------

    def file(self, data: object) -> None:
        top = self.mapping(data, "Tệp", _TOP)
        if not top:
            return
        agencies = self.items(top.get("agencies"), _TOP["agencies"])
        self.agencies(agencies)  # first: everything else refers to them
        self.plan(top.get("plan"))
        for key in ("legal_documents",):
            for index, document in enumerate(
                self.items(top.get(key), _TOP[key], required=False), 1
            ):
                self.legal_document(document, f"{_TOP[key]} thứ {index}")
        for key in ("recipients", "notes"):
            for index, text in enumerate(self.items(top.get(key), _TOP[key], required=False), 1):
                self.text(text, f"{_TOP[key]} thứ {index}", limit=PARAGRAPHS_MAX)
        for index, objective in enumerate(
            self.items(top.get("objectives"), _TOP["objectives"], required=False), 1
        ):
            self.objective(objective, f"{_TOP['objectives']} thứ {index}")
        self.sections(top.get("sections"))
        self.targets(self.items(top.get("targets"), _TOP["targets"]))
        self.task_groups(self.items(top.get("task_groups"), _TOP["task_groups"]))
        self.funding_sources(self.items(top.get("funding_sources"), _TOP["funding_sources"]))
        self.periods(self.items(top.get("periods"), _TOP["periods"]))

    def agencies(self, agencies: list[Any]) -> None:
        keys = ("code", "name", "short_name", "kind", "must_report", "basis")
        for index, value in enumerate(agencies, 1):
            place = f"{_TOP['agencies']} thứ {index}"
            agency = self.mapping(value, place, keys)
            code = agency.get("code")
            if not isinstance(code, str) or not _AGENCY_CODE.fullmatch(code):
                self.fail(place, "mã cơ quan phải gồm chữ cái không dấu, chữ số và «_», bắt "
                          "đầu bằng chữ cái, tối đa 40 ký tự.")  # fmt: skip
            elif code in self.codes:
                self.fail(place, f"mã cơ quan {code} đã được dùng cho một cơ quan khác.")
            else:
                self.codes.add(code)
            self.text(agency.get("name"), f"{place}, tên", required=True)
            self.text(agency.get("short_name"), f"{place}, tên ngắn")
            if agency.get("kind") not in AGENCY_KINDS:
                self.fail(place, "loại cơ quan không hợp lệ.")
            if not isinstance(agency.get("must_report", True), bool):
                self.fail(place, "«phải báo cáo» phải là true hoặc false.")
            self.text(agency.get("basis"), f"{place}, căn cứ", limit=PARAGRAPHS_MAX)

    def plan(self, value: object) -> None:
        place = _TOP["plan"]
        plan = self.mapping(value, place, _PLAN_KEYS)
        for key in HEADER_LINES:
            self.text(plan.get(key), f"{place}, {key}", required=key in ("province", "title"))
        for key in HEADER_PARAGRAPHS:
            self.text(plan.get(key), f"{place}, {key}", limit=PARAGRAPHS_MAX)
        self.whole(plan.get("year"), f"{place}, năm", low=2000, high=2100)
        self.date(plan.get("reporting_deadline"), f"{place}, hạn báo cáo")
        self.whole(plan.get("total_budget"), f"{place}, tổng kinh phí (đồng)")
        focal = plan.get("focal_agency")
        if focal is not None and focal not in self.codes:
            self.fail(place, "cơ quan đầu mối không có trong danh sách cơ quan.")
        self.text(plan.get("document_number"), f"{place}, số văn bản")
        self.text(plan.get("local_unit_name"), f"{place}, đơn vị cấp địa phương")
        self.date(plan.get("signed_on"), f"{place}, ngày ký", null=True)
        signature = plan.get("signature")
        if signature is not None:
            signed = self.mapping(signature, f"{place}, chữ ký", ("authority", "title", "name"))
            for key in ("authority", "title", "name"):
                self.text(signed.get(key), f"{place}, chữ ký, {key}")

    def objective(self, value: object, place: str) -> None:
        """A text, or (version 3) a text with its part: "Mục đích", "Yêu cầu"."""
        if isinstance(value, dict):
            objective = self.mapping(value, place, ("part", "text"))
            self.text(objective.get("part"), f"{place}, phần")
            self.text(objective.get("text"), place, required=True, limit=PARAGRAPHS_MAX)
        else:
            self.text(value, place, limit=PARAGRAPHS_MAX)

    def sections(self, value: object) -> None:
        """The plan's own numeral and heading of each of its parts (version 3)."""
        if value is None:
            return
        place = _TOP["sections"]
        for part, section in self.mapping(value, place, PARTS).items():
            entry = self.mapping(section, f"{place}, {part}", ("numeral", "heading"))
            numeral = entry.get("numeral")
            if not isinstance(numeral, str) or not ROMAN.fullmatch(numeral):
                self.fail(f"{place}, {part}", "số mục phải là số La Mã (I, II, III…).")
            self.text(entry.get("heading"), f"{place}, {part}, tiêu đề")

    def legal_document(self, value: object, place: str) -> None:
        document = self.mapping(value, place, ("number", "signed_on", "issuer", "summary"))
        self.text(document.get("number"), f"{place}, số", required=True)
        self.date(document.get("signed_on"), f"{place}, ngày ký", null=True)
        self.text(document.get("issuer"), f"{place}, cơ quan ban hành")
        self.text(document.get("summary"), f"{place}, trích yếu")

    def targets(self, targets: list[Any]) -> None:
        numbers: set[object] = set()
        indicator_codes: set[str] = set()
        for index, value in enumerate(targets, 1):
            place = f"{_TOP['targets']} thứ {index}"
            target = self.mapping(value, place, ("number", "text", "indicators"))
            number = self.whole(target.get("number"), f"{place}, số thứ tự", high=1000)
            if number is not None and number in numbers:
                self.fail(place, f"mục tiêu số {number} có hai lần.")
            numbers.add(number)
            self.text(target.get("text"), f"{place}, nội dung", required=True,
                      limit=PARAGRAPHS_MAX)  # fmt: skip
            for position, indicator in enumerate(self.items(target.get("indicators"),
                                                            f"{place}, chỉ tiêu"), 1):  # fmt: skip
                self.indicator(indicator, f"{place}, chỉ tiêu thứ {position}", indicator_codes)

    def indicator(self, value: object, place: str, seen: set[str]) -> None:
        keys = (
            "code", "name", "plan_text", "kind", "threshold", "exceed_above", "unit",
            "population", "input_labels", "reporters", "reporters_proposed",
            "reporter_evidence", "reporter_scope", "previous",
        )  # fmt: skip
        indicator = self.mapping(value, place, keys)
        code = indicator.get("code")
        if not isinstance(code, str) or not code or len(code) > MAX_CODE:
            self.fail(place, f"mã chỉ tiêu phải là văn bản từ 1 đến {MAX_CODE} ký tự.")
        elif code != clean_line(code, limit=None) or code in seen:
            self.fail(place, f"mã chỉ tiêu «{printable(code)}» không hợp lệ hoặc đã được dùng.")
        else:
            seen.add(code)
        self.text(indicator.get("name"), f"{place}, tên", required=True)
        self.text(indicator.get("plan_text"), f"{place}, nội dung kế hoạch")
        self.text(indicator.get("unit"), f"{place}, đơn vị tính")
        self.text(indicator.get("previous"), f"{place}, chỉ tiêu năm trước", limit=MAX_CODE)
        kind = indicator.get("kind")
        if kind not in INDICATOR_KINDS:
            self.fail(place, "loại chỉ tiêu không hợp lệ.")
        high = MAX_WHOLE if kind == "count" else 100
        threshold = self.whole(indicator.get("threshold"), f"{place}, mức chỉ tiêu", high=high)
        above = self.whole(indicator.get("exceed_above"), f"{place}, mức vượt", high=high,
                           null=True)  # fmt: skip
        if threshold is not None and above is not None and above < threshold:
            self.fail(place, "mức vượt phải từ mức chỉ tiêu trở lên.")
        population = indicator.get("population")
        if population is not None and population not in AGENCY_KINDS:
            self.fail(place, "loại đơn vị của chỉ tiêu có/không không hợp lệ.")
        if (kind == "yes_no") != (population is not None):
            self.fail(place, "chỉ chỉ tiêu có/không mới (và phải) có loại đơn vị.")
        labels = indicator.get("input_labels") or {}
        if not isinstance(labels, dict):
            self.fail(f"{place}, nhãn", "phải là một nhóm thông tin (đối tượng JSON).")
            labels = {}
        for name, label in labels.items():
            if len(name) > MAX_CODE:
                self.fail(f"{place}, nhãn", "tên nhãn quá dài.")
            self.text(label, f"{place}, nhãn {name[:MAX_CODE]}")
        reporters = self.code_list(indicator.get("reporters"), f"{place}, đơn vị báo cáo")
        self.proposed(indicator.get("reporters_proposed"), f"{place}, đề xuất", reporters)
        self.by_agency(indicator.get("reporter_evidence"), f"{place}, căn cứ", PARAGRAPHS_MAX)
        self.by_agency(indicator.get("reporter_scope"), f"{place}, phạm vi", LINE_MAX)

    def task_groups(self, groups: list[Any]) -> None:
        seen: set[tuple[object, object]] = set()
        for index, value in enumerate(groups, 1):
            place = f"{_TOP['task_groups']} thứ {index}"
            group = self.mapping(value, place, ("section", "number", "title", "tasks"))
            section = group.get("section")
            if not isinstance(section, str) or section not in ("content", "duty"):
                self.fail(place, "mục phải là «content» (mục III) hoặc «duty» (mục V).")
                section = None
            number = self.whole(group.get("number"), f"{place}, số thứ tự", high=1000)
            if (section, number) in seen:
                self.fail(place, f"nhóm số {number} của mục này có hai lần.")
            seen.add((section, number))
            self.text(group.get("title"), f"{place}, tên nhóm", limit=PARAGRAPHS_MAX)
            for position, task in enumerate(
                self.items(group.get("tasks"), f"{place}, nhiệm vụ"), 1
            ):
                self.task(task, f"{place}, nhiệm vụ thứ {position}")

    def task(self, value: object, place: str) -> None:
        keys = ("text", "time_frame", "planned_output", "lead", "coordinators", "proposed",
                "evidence")  # fmt: skip
        task = self.mapping(value, place, keys)
        self.text(task.get("text"), f"{place}, nội dung", required=True, limit=PARAGRAPHS_MAX)
        self.text(task.get("time_frame"), f"{place}, thời gian")
        self.text(task.get("planned_output"), f"{place}, sản phẩm")
        lead = self.code_list(task.get("lead"), f"{place}, chủ trì")
        coordinators = self.code_list(task.get("coordinators"), f"{place}, phối hợp")
        for code in set(lead) & set(coordinators):
            self.fail(place, f"cơ quan {code} vừa chủ trì vừa phối hợp.")
        self.proposed(task.get("proposed"), f"{place}, đề xuất", lead + coordinators)
        self.by_agency(task.get("evidence"), f"{place}, căn cứ", PARAGRAPHS_MAX)

    def funding_sources(self, sources: list[Any]) -> None:
        names: set[str] = set()
        for index, value in enumerate(sources, 1):
            place = f"{_TOP['funding_sources']} thứ {index}"
            source = self.mapping(value, place, ("name", "estimate"))
            name = source.get("name")
            self.text(name, f"{place}, tên", required=True, limit=MAX_SOURCE_NAME)
            if isinstance(name, str):
                tidy = clean_line(name, limit=None)
                if tidy in names:
                    self.fail(place, f"nguồn «{tidy}» có hai lần.")
                names.add(tidy)
            self.whole(source.get("estimate"), f"{place}, dự toán (đồng)", null=True)

    def periods(self, periods: list[Any]) -> None:
        codes: set[object] = set()
        for index, value in enumerate(periods, 1):
            place = f"{_TOP['periods']} thứ {index}"
            period = self.mapping(
                value, place, ("code", "name", "starts_on", "ends_on", "deadline")
            )
            code = period.get("code")
            if not isinstance(code, str) or not code or code != clean_line(code, limit=None):
                self.fail(place, "mã kỳ báo cáo phải là văn bản gọn, không để trống.")
            elif len(code) > MAX_CODE or code in codes:
                self.fail(place, f"mã kỳ «{code}» quá dài hoặc có hai lần.")
            else:
                codes.add(code)
            self.text(period.get("name"), f"{place}, tên", required=True)
            starts = self.date(period.get("starts_on"), f"{place}, ngày bắt đầu")
            ends = self.date(period.get("ends_on"), f"{place}, ngày kết thúc")
            self.date(period.get("deadline"), f"{place}, hạn báo cáo")
            if starts is not None and ends is not None and starts > ends:
                self.fail(place, "ngày bắt đầu sau ngày kết thúc.")
