"""The words of the consolidated report: `compose` turns a `ConsolidatedReport` into the
`Document` both renderers lay out.

Its shape is the one a Sở actually sends: the opening that cites the plan; I. Công tác chỉ đạo,
điều hành (the Sở's text, then one sentence on who reported, late or not at all); II. Kết quả
thực hiện (a synthesis per task group, the duties of section V, the indicators table and
figure, the budget reconciled by source); III. Đánh giá chung; IV. Phương hướng năm tới;
V. Kiến nghị; the closing, "Nơi nhận" and the signature; then the appendices with the detail
agency by agency. The Sở's own parts come from `drafts` until the Sở rewrites them. The two
variants (the Sở's report to UBND Tỉnh, the draft for UBND Tỉnh to the Bộ) differ only in who
speaks, the letterhead, the signature, the recipients and the proposals addressed upward.
"""

from __future__ import annotations

import datetime as dt

from sqlite_utils import Database

from sxtdbv_desktop import deadline_rule
from sxtdbv_desktop.report import drafts, own_texts
from sxtdbv_desktop.report.compose_appendices import appendices
from sxtdbv_desktop.report.compose_results import results
from sxtdbv_desktop.report.content import ConsolidatedReport, build_report
from sxtdbv_desktop.report.document import (
    HEADING1,
    HEADING2,
    Block,
    Document,
    Letterhead,
    Paragraph,
    Run,
    Runs,
    Signature,
    gap,
    para,
)
from sxtdbv_desktop.report.wording import (
    count,
    lower_first,
    names,
    out_of,
    paragraphs,
    percent,
    runs_of,
)
from sxtdbv_desktop.report_settings import SO, UBND
from sxtdbv_desktop.result_words import results_of
from sxtdbv_desktop.text import nfc
from sxtdbv_desktop.vnformat import format_date, format_header_date

KIND = "BÁO CÁO"


def document_of(
    db: Database, plan_id: int, today: dt.date | None = None, variant: str = SO
) -> Document:
    """The consolidated report of the plan's main period, as a document."""
    return compose(build_report(db, plan_id, today, variant))


def compose(report: ConsolidatedReport) -> Document:
    """The whole document of one variant of the report."""
    return Document(
        letterhead=letterhead(report),
        body=(*opening(report), *direction(report), *results(report), *assessment(report),
              *closing(report)),
        signature=signature(report),
        appendices=appendices(report),
        title=f"{KIND.capitalize()} {lower_first(summary(report))}",
        author=report.speaker,
        year=report.year,
        keywords=("SX&TDBV", str(report.year), report.plan.province),
    )  # fmt: skip


# --- who speaks, the plan cited ----------------------------------------------------------------


def plan_name(report: ConsolidatedReport) -> str:
    """ "Kế hoạch thực hiện Chương trình … năm 2023 trên địa bàn tỉnh Đồng Tháp"."""
    plan = report.plan
    return f"{nfc(plan.document_type).strip().capitalize()} {lower_first(plan.title)}"


def summary(report: ConsolidatedReport) -> str:
    return results_of(plan_name(report))


def citation(report: ConsolidatedReport) -> Runs:
    """ "Kế hoạch số 42/KH-UBND ngày 02/02/2024", with what is unknown to fill in."""
    plan = report.plan
    kind = nfc(plan.document_type).strip().capitalize() or "Kế hoạch"
    number = (Run(plan.document_number),) if plan.document_number else (gap("số/KH-UBND"),)
    day = (Run(format_date(plan.signed_on)),) if plan.signed_on else (gap("ngày/tháng/năm"),)
    return (Run(f"{kind} số "), *number, Run(" ngày "), *day)


# --- letterhead, opening ------------------------------------------------------------------------


def letterhead(report: ConsolidatedReport) -> Letterhead:
    settings = report.settings
    place = nfc(settings.place_name).strip()
    day = format_header_date("-", report.date).split(", ", 1)[1]  # "ngày 05 tháng 01 năm …"
    date_line = runs_of(f"{place}, {day}") if place else (gap("địa danh"), Run(f", {day}"))
    return Letterhead(
        governing_body=nfc(settings.governing_body).upper(),
        issuing_body=nfc(settings.issuing_body).upper(),
        number=runs_of(settings.number_line),
        place_date=date_line,
        kind=KIND,
        summary=summary(report),
    )


def opening(report: ConsolidatedReport) -> list[Block]:
    plan = report.plan
    about = f" của {nfc(plan.issuing_body)} về {lower_first(plan.title)}"
    runs: list[Run] = [Run("Thực hiện ")]
    if report.variant == UBND and report.legal_documents:
        program = report.legal_documents[0]
        signed = f" ngày {format_date(program.signed_on)}" if program.signed_on else ""
        runs.append(Run(f"Quyết định số {program.number}{signed} của {program.issuer} "
                        f"{program.summary}; "))  # fmt: skip
    runs += [*citation(report), Run(about)]
    if report.variant == UBND:
        runs.append(Run(f", {report.speaker} báo cáo Bộ Công Thương kết quả thực hiện năm "
                        f"{report.year} như sau:"))  # fmt: skip
    else:
        runs.append(Run(f", {report.speaker} báo cáo kết quả thực hiện năm {report.year} "
                        "như sau:"))  # fmt: skip
    return [Paragraph(tuple(runs))]


def own(report: ConsolidatedReport, key: str) -> list[Block]:
    return [*paragraphs(drafts.text(report, key))]


# --- I. direction, with who reported ------------------------------------------------------------


def direction(report: ConsolidatedReport) -> list[Block]:
    return [
        para("I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH", HEADING1),
        *own(report, own_texts.DIRECTION),
        para(reporting_sentence(report)),
    ]


def reporting_sentence(report: ConsolidatedReport) -> str:
    """Who reported, on time, late or not at all, in a sentence; the table is Phụ lục III."""
    r = report.reporting
    who = report.speaker if report.variant != UBND else (report.focal or "cơ quan đầu mối")
    day = format_date(report.date)
    if not r.received:
        text = (
            f"Đến ngày {day}, {who} chưa nhận được báo cáo kết quả thực hiện của cơ quan, đơn "
            f"vị nào trong số {count(r.expected)} cơ quan, đơn vị phải báo cáo."
        )
    else:
        text = (
            f"Đến ngày {day}, {who} đã nhận được báo cáo của {out_of(r.received, r.expected)} "
            f"cơ quan, đơn vị ({percent(r.completeness)}), trong đó {count(r.on_time)} báo cáo "
            "đúng hạn."
        )
    late = [row.agency for row in report.reporting_rows if row.state == "late"]
    if late:
        text += f" Gửi trễ hạn: {names(late)}."
    missing = [row.agency for row in report.reporting_rows if not row.received]
    if missing and r.received:
        text += f" Chưa gửi báo cáo: {names(missing)}."
    incomplete = [row.agency for row in report.reporting_rows if row.missing_items]
    if incomplete:
        text += f" Báo cáo còn thiếu một số mục: {names(incomplete)}."
    text += " " + deadline_rule.sentence(r.period.deadline, r.rule)
    return text + " Chi tiết tại Phụ lục III."


# --- III–V, the closing -------------------------------------------------------------------------


def assessment(report: ConsolidatedReport) -> list[Block]:
    blocks: list[Block] = [
        para("III. ĐÁNH GIÁ CHUNG", HEADING1),
        para("1. Kết quả đạt được", HEADING2),
        *own(report, own_texts.ACHIEVEMENTS),
        para("2. Tồn tại, hạn chế", HEADING2),
        *own(report, own_texts.SHORTCOMINGS),
        para("3. Nguyên nhân", HEADING2),
        *own(report, own_texts.CAUSES),
        para(f"IV. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM {report.year + 1}", HEADING1),
        *own(report, own_texts.NEXT_YEAR),
        para("V. KIẾN NGHỊ, ĐỀ XUẤT", HEADING1),
        para("1. Đối với Bộ Công Thương", HEADING2),
        *own(report, own_texts.PROPOSALS_MINISTRY),
    ]
    if report.variant != UBND:
        blocks += [
            para("2. Đối với UBND Tỉnh", HEADING2),
            *own(report, own_texts.PROPOSALS_PROVINCE),
        ]
    return blocks


def closing(report: ConsolidatedReport) -> list[Block]:
    subject = f"báo cáo {lower_first(summary(report))}"
    if report.variant == UBND:
        text = f"Trên đây là {subject} của {report.speaker}, kính báo cáo Bộ Công Thương./."
    else:
        text = f"Trên đây là {subject} của {report.speaker}./."
    return [para(text)]


def signature(report: ConsolidatedReport) -> Signature:
    settings = report.settings
    authority = [
        line.strip().upper()
        for field in (settings.signer_authority, settings.signer_title)
        for line in nfc(field).split("\n")
        if line.strip()
    ]
    name = nfc(settings.signer_name).strip()
    return Signature(
        recipients=tuple(runs_of(line) for line in settings.recipient_lines),
        authority=tuple(authority),
        signer=(Run(name, bold=True),) if name else (gap("họ và tên người ký"),),
    )
