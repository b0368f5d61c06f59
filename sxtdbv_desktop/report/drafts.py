"""First drafts of the Sở's own parts, written from the figures for the official to rewrite.

A draft states only what the data shows (counts, statuses, verdicts, money, who has not
reported) and leaves what only the Sở knows as a placeholder in square brackets. Lines that
start with "- " are bullets. Drafts never paste what the agencies wrote: the task syntheses
quote the lead agency's first sentence at most; the agencies' difficulties and proposals are
counted by theme and offered as material.
"""

from __future__ import annotations

from collections import Counter

from sxtdbv_desktop import consolidation, labels, result_words
from sxtdbv_desktop.report import material, own_texts
from sxtdbv_desktop.report.content import ConsolidatedReport, GroupSection, TaskSection
from sxtdbv_desktop.report.wording import (
    count,
    first_sentence,
    lower_first,
    money,
    out_of,
    percent,
    plan_figure,
    result_figure,
)
from sxtdbv_desktop.report_settings import UBND
from sxtdbv_desktop.task_status import CANCELLED, DONE, IN_PROGRESS, NOT_STARTED
from sxtdbv_desktop.tasks import CONTENT, DUTY

STATUS_ORDER = (DONE, IN_PROGRESS, NOT_STARTED, CANCELLED, None)
STATUS_WORDS = {
    code: (labels.TASK_STATUSES[code] if code else labels.NO_REPORT).lower()
    for code in STATUS_ORDER
}
"""A consolidated status inside a sentence: "03 hoàn thành, 02 chưa có báo cáo"."""


def kind_nouns(local_units: str) -> dict[str, str]:
    """The agency kinds whose reports the synthesis counts, as a sentence names them."""
    return {
        "department": labels.AGENCY_KINDS["department"].lower(),
        "district": labels.unit_noun("district", local_units),
    }


def drafts(report: ConsolidatedReport) -> dict[str, str]:
    """Every part's draft, by key (`own_texts`)."""
    found = {
        own_texts.DIRECTION: direction(report),
        own_texts.DUTIES: duties(report),
        own_texts.ACHIEVEMENTS: achievements(report),
        own_texts.SHORTCOMINGS: shortcomings(report),
        own_texts.CAUSES: causes(report),
        own_texts.NEXT_YEAR: next_year(report),
        own_texts.PROPOSALS_MINISTRY: proposals(report, material.MINISTRY),
        own_texts.PROPOSALS_PROVINCE: proposals(report, material.PROVINCE),
    }
    for group in report.groups:
        if group.section == CONTENT:
            found[own_texts.group_key(group.reference)] = group_synthesis(group, report.local_units)
    return found


def text(report: ConsolidatedReport, key: str) -> str:
    """The part as the Sở wrote it, or its draft."""
    return report.own.get(key) or drafts(report).get(key, "")


def direction(report: ConsolidatedReport) -> str:
    who = report.focal or "[cơ quan đầu mối]"
    if report.variant == UBND:
        return (
            f"{report.speaker} đã ban hành Kế hoạch triển khai Chương trình trên địa bàn tỉnh "
            "và [nêu các văn bản chỉ đạo khác: số, ngày, trích yếu]; giao "
            f"{who} chủ trì, theo dõi, đôn đốc các cơ quan, đơn vị thực hiện và tổng hợp kết "
            "quả thực hiện."
        )
    return (
        f"{who} đã [nêu các văn bản chỉ đạo, hướng dẫn, đôn đốc đã ban hành: số, ngày, trích "
        "yếu; các hội nghị, đợt kiểm tra đã tổ chức] để triển khai Kế hoạch và đôn đốc các cơ "
        "quan, đơn vị báo cáo kết quả thực hiện."
    )


def status_counts(tasks: tuple[TaskSection, ...]) -> str:
    """ "03 hoàn thành, 02 đang thực hiện, 02 chưa có báo cáo"."""
    found = Counter(task.status.status for task in tasks)
    return ", ".join(
        f"{count(found[code])} {STATUS_WORDS[code]}" for code in STATUS_ORDER if found[code]
    )


def group_synthesis(group: GroupSection, local_units: str) -> str:
    """The group's counts, a line for each task someone reported, the silent ones together."""
    lines = [f"Nhóm có {count(len(group.tasks))} nhiệm vụ: {status_counts(group.tasks)}."]
    spent = sum(o.spent or 0 for t in group.tasks for o in t.outcomes)
    if spent:
        lines[0] += f" Kinh phí các cơ quan, đơn vị ghi cho các nhiệm vụ của nhóm: {money(spent)}."
    reported = [task for task in group.tasks if task.status.status is not None]
    silent = [task.reference for task in group.tasks if task.status.status is None]
    lines += [task_line(task, local_units) for task in reported]
    if silent and reported:
        lines.append(f"- Chưa có cơ quan, đơn vị nào báo cáo: {', '.join(silent)}.")
    elif silent:
        lines[0] = (
            f"Nhóm có {count(len(group.tasks))} nhiệm vụ; chưa có cơ quan, đơn vị nào báo "
            "cáo kết quả."
        )
    return "\n".join(lines)


def task_line(task: TaskSection, local_units: str) -> str:
    """ "- III.1.2 (Tuyên truyền … tại các chợ): đang thực hiện; 09/12 huyện, thành phố đã báo
    cáo (08 hoàn thành, 01 đang thực hiện). Sở Công Thương: đã tổ chức 12 đợt …"."""
    status = lower_first(result_words.task_status(task.status))
    line = f"- {task.reference} ({short(task.text)}): {status}"
    many = reporting_units(task, local_units)
    if many:
        line += f"; {many}"
    lead = next((o for o in task.outcomes if o.lead and o.result), None)
    if lead is not None and len(task.leads) <= 3:
        line += f". {lead.agency_short}: {first_sentence(lead.result)}"
    return line.rstrip(".") + "."


def reporting_units(task: TaskSection, local_units: str) -> str:
    """For a task many agencies of one kind share: "09/12 huyện, thành phố đã báo cáo (…)"."""
    nouns = kind_nouns(local_units)
    kinds = Counter(task.lead_kinds)
    parts = []
    for kind, expected in kinds.items():
        if expected < 3 or kind not in nouns:
            continue
        outcomes = [o for o in task.outcomes if o.lead and o.agency_kind == kind and o.status]
        statuses = Counter(o.status for o in outcomes)
        detail = ", ".join(
            f"{count(statuses[c])} {STATUS_WORDS[c]}" for c in STATUS_ORDER if statuses.get(c)
        )
        text = result_words.reporters(out_of(len(outcomes), expected), nouns[kind])
        parts.append(f"{text} ({detail})" if detail else text)
    return "; ".join(parts)


def short(text: str, limit: int = 80) -> str:
    """The task's text cut at a clause, for a synthesis line (the whole is in Phụ lục I)."""
    words = " ".join(text.split()).rstrip(".")
    for mark in ("; ", ", "):
        cut = words.find(mark)
        if 30 <= cut <= limit:
            return words[:cut] + "…"
    if len(words) <= limit:
        return words
    return words[: words.rfind(" ", 0, limit)] + "…"


def duties(report: ConsolidatedReport) -> str:
    nouns = kind_nouns(report.local_units)
    rows = [r for r in report.reporting_rows if r.kind in nouns]
    parts = []
    for kind, noun in nouns.items():
        expected = [r for r in rows if r.kind == kind]
        if expected:
            got = sum(1 for r in expected if r.received)
            parts.append(f"{out_of(got, len(expected))} {noun}")
    reported = " và ".join(parts) or labels.NO_REPORT.lower()
    lines = [
        "Các cơ quan, đơn vị đã báo cáo việc thực hiện nhiệm vụ được giao tại mục "
        f"{report.numeral(DUTY)} của Kế hoạch: {reported} (chi tiết tại Phụ lục I)."
    ]
    silent = []
    for group in report.groups:
        if group.section != DUTY:
            continue
        if not any(t.outcomes for t in group.tasks) and not any(
            k in nouns for t in group.tasks for k in t.lead_kinds
        ):
            silent.append(group.reference)
            continue
        lines.append(f"- {group.reference} {group.title}: {status_counts(group.tasks)}.")
    if silent:
        lines.append(
            f"- {', '.join(silent)}: các cơ quan, tổ chức này không gửi báo cáo theo biểu mẫu; "
            "[Sở bổ sung kết quả nếu có]."
        )
    return "\n".join(lines)


def _verdicts(report: ConsolidatedReport, wanted: tuple[str, ...]) -> list[str]:
    found = []
    for section in report.indicators:
        result = section.result
        if result.verdict in wanted:
            figure = result_figure(result, report.local_units)
            found.append(f"chỉ tiêu {result.indicator.code}: {figure}")
    return found


def achievements(report: ConsolidatedReport) -> str:
    if not report.has_reports:
        return "[Chưa có báo cáo của các cơ quan, đơn vị; Sở bổ sung khi có số liệu.]"
    total = len(report.indicators)
    met = _verdicts(report, (consolidation.MET, consolidation.EXCEEDED))
    lines = []
    if met:
        lines.append(
            f"- {out_of(len(met), total)} chỉ tiêu đạt hoặc vượt kế hoạch: {'; '.join(met)}."
        )
    content = [t for g in report.groups if g.section == CONTENT for t in g.tasks]
    done = sum(1 for t in content if t.status.status == DONE)
    going = sum(1 for t in content if t.status.status == IN_PROGRESS)
    lines.append(
        f"- {out_of(done, len(content))} nhiệm vụ của Kế hoạch đã hoàn thành, "
        f"{count(going)} nhiệm vụ đang thực hiện."
    )
    spent = report.budget.reported_spent
    if spent:
        share = percent(_share(spent, report.budget.total_estimate))
        lines.append(
            f"- Các cơ quan, đơn vị đã sử dụng {money(spent)} kinh phí thực hiện Kế hoạch, "
            f"bằng {share} tổng dự toán."
        )
    lines.append("- [Sở bổ sung kết quả nổi bật, mô hình điển hình.]")
    return "\n".join(lines)


def _share(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def shortcomings(report: ConsolidatedReport) -> str:
    lines = []
    for section in report.indicators:
        result = section.result
        if result.verdict == consolidation.NOT_MET:
            plan = plan_figure(result.indicator, result.expected, report.local_units)
            lines.append(
                f"- Chỉ tiêu {result.indicator.code} chưa đạt: "
                f"{result_figure(result, report.local_units)}, kế hoạch "
                f"{plan}."
            )
    missing = [s.result.indicator.code for s in report.indicators if s.result.figure is None]
    if missing:
        lines.append(f"- Chỉ tiêu chưa có số liệu: {', '.join(missing)}.")
    content = [t for g in report.groups if g.section == CONTENT for t in g.tasks]
    idle = [t.reference for t in content if t.status.status in (NOT_STARTED, None)]
    if idle:
        lines.append(f"- Nhiệm vụ chưa thực hiện hoặc chưa có báo cáo: {', '.join(idle)}.")
    reporting = report.reporting
    gaps = []
    if reporting.missing:
        gaps.append(f"{count(reporting.missing)} cơ quan, đơn vị chưa gửi báo cáo")
    if reporting.late:
        gaps.append(f"{count(reporting.late)} báo cáo trễ hạn")
    incomplete = sum(1 for r in report.reporting_rows if r.missing_items)
    if incomplete:
        gaps.append(f"{count(incomplete)} báo cáo còn thiếu số liệu")
    if gaps:
        lines.append(f"- {'; '.join(gaps)}.".capitalize())
    lines.append("- [Sở bổ sung các hạn chế khác.]")
    return "\n".join(lines)


def causes(report: ConsolidatedReport) -> str:
    lines = ["[Sở nêu nguyên nhân khách quan, chủ quan của các tồn tại, hạn chế.]"]
    themes = material.by_theme(report.difficulties)
    if themes:
        listed = ", ".join(
            f"{name.lower()} ({count(material.agency_count(items))} đơn vị)"
            for name, items in themes.items()
            if name != material.OTHER_THEME
        )
        if listed:
            lines.append(f"- Các cơ quan, đơn vị nêu khó khăn, vướng mắc về: {listed}.")
    return "\n".join(lines)


def next_year(report: ConsolidatedReport) -> str:
    year, province = report.year + 1, report.plan.province
    lines = [f"- Tiếp tục triển khai {labels.program_in(year, province)}."]
    weak = [
        s.result.indicator.code
        for s in report.indicators
        if s.result.verdict in (consolidation.NOT_MET, consolidation.NO_DATA)
    ]
    if weak:
        lines.append(f"- Tập trung thực hiện các chỉ tiêu chưa đạt hoặc chưa có số liệu: "
                     f"{', '.join(weak)}.")  # fmt: skip
    content = [t for g in report.groups if g.section == CONTENT for t in g.tasks]
    going = [t.reference for t in content if t.status.status == IN_PROGRESS]
    if going:
        lines.append(f"- Hoàn thành các nhiệm vụ đang thực hiện: {', '.join(going)}.")
    lines.append(f"- [Sở bổ sung nhiệm vụ trọng tâm năm {year}.]")
    return "\n".join(lines)


def proposals(report: ConsolidatedReport, addressee: str) -> str:
    """The agencies' proposals to `addressee`, each once, as the Sở's own (who proposed what
    is in the editor's material, not in a letter to the Bộ)."""
    found = material.by_addressee(report.proposals).get(addressee, [])
    lines = [f"- {s.text.rstrip('.')}." for s in found]
    who = "Bộ Công Thương" if addressee == material.MINISTRY else "UBND Tỉnh"
    if report.variant == UBND and addressee == material.PROVINCE:
        return ""
    return "\n".join(lines) or f"[Sở nêu kiến nghị với {who}, nếu có.]"
