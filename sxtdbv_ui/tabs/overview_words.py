"""The sentences of the "Tổng quan" tab, in rich text: where the deadline stands, how many
reports came, who has not reported, the money with its rates, the tasks still unassigned."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

from sxtdbv_desktop import result_words, vnformat
from sxtdbv_desktop.consolidation import ReportingSummary
from sxtdbv_desktop.plans import Plan
from sxtdbv_ui.texts import html

GOOD, SOON, LATE, NEUTRAL = "#1e6b35", "#a15c00", "#b3261e", "#3c4043"
NAMES_SHOWN = 6  # agencies named in the line; the tooltip names them all


def deadline_text(reporting: ReportingSummary, plan: Plan, today: dt.date,
                  plans: list[Plan]) -> str:  # fmt: skip
    """Days left, today, days overdue in the plan's year; once that year is over, that the plan
    is finished (not "đã quá hạn 1086 ngày") and where to go next."""
    period, deadline = reporting.period, reporting.period.deadline
    when = f"Hạn nộp báo cáo {html(period.name.lower())}: {vnformat.format_date(deadline)}"
    if today.year > plan.year:
        later = sorted(p.year for p in plans if p.province == plan.province and p.year > plan.year)
        hint = (
            f"Kế hoạch năm {later[-1]} đã có: chọn ở ô «Kế hoạch» trên thanh công cụ."
            if later
            else "Bắt đầu năm mới: Tệp → Tạo kế hoạch năm sau…"
        )
        return (
            f"<b style='color:{NEUTRAL}'>Kế hoạch năm {plan.year} đã kết thúc.</b> {when}; "
            f"đã nhận {html(received_text(reporting))}. {hint}"
        )
    days = (deadline - today).days
    if days > 0:
        state, color = f"còn {days} ngày", GOOD
    elif days == 0:
        state, color = "hôm nay là hạn cuối", SOON
    else:
        state, color = f"đã quá hạn {-days} ngày", LATE
    return f"{when} — <b style='color:{color}'>{state}</b>"


def received_text(reporting: ReportingSummary) -> str:
    """ "21/24 đơn vị (87,5 %)"; never "0/0"."""
    if reporting.expected == 0:
        return "chưa có đơn vị nào phải báo cáo"
    completeness = vnformat.format_percent(reporting.completeness, missing="—")
    return f"{reporting.received}/{reporting.expected} đơn vị ({completeness})"


def missing_names(reporting: ReportingSummary) -> list[str]:
    return [r.agency.display_name for r in reporting.agencies if not r.received]


def missing_text(reporting: ReportingSummary) -> str:
    """ "<b>14</b>: Sở A, Sở B, … và 8 đơn vị khác"."""
    names = missing_names(reporting)
    if not names:
        return "không có"
    shown = ", ".join(names[:NAMES_SHOWN])
    others = len(names) - NAMES_SHOWN
    more = f" {result_words.and_others(str(others))}" if others > 0 else ""
    return f"<b>{len(names)}</b>: {html(shown)}{more}"


def with_rate(part: int, whole: int, of: str) -> str:
    if whole <= 0:
        return f"{vnformat.format_money(part)} (chưa có {of})"
    return f"{vnformat.format_money(part)} ({vnformat.format_percent(Fraction(part, whole))} {of})"
