"""How an indicator's consolidated figure and each agency's own figures read in the report."""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from sxtdbv_desktop import labels
from sxtdbv_desktop.agencies import Agency
from sxtdbv_desktop.consolidation import NO_DATA, Contribution, IndicatorResult
from sxtdbv_desktop.indicators import Indicator
from sxtdbv_desktop.text import nfc
from sxtdbv_desktop.vnformat import format_number

NO_DATA_LABEL = labels.VERDICTS[NO_DATA]


@dataclass(frozen=True)
class ContributionRow:
    """One agency's own figures for an indicator (appendix II)."""

    indicator_code: str
    agency: str
    figures: str
    rate: Fraction | None  # a fraction of 1, for rate indicators
    note: str


def result_text(result: IndicatorResult) -> str:
    """The consolidated result in words: "3 mô hình", "8/12 đơn vị", "giảm 450/1.000"."""
    if result.figure is None:
        return NO_DATA_LABEL
    kind = result.indicator.kind
    if kind == "count":
        return f"{format_number(int(result.figure))} {nfc(result.indicator.unit)}".strip()
    parts = f"{format_number(result.numerator or 0)}/{format_number(result.denominator or 0)}"
    if kind == "yes_no":
        return f"{parts} đơn vị"
    if kind == "reduction":
        return f"Giảm {parts}"
    return parts


def coverage_text(result: IndicatorResult) -> str:
    """Who has reported, honestly: "9/12 huyện, thành phố đã báo cáo: 8 có, 1 không; 3 chưa
    báo cáo". A unit that has not reported is never counted as a "no"."""
    indicator = result.indicator
    noun = labels.UNIT_NOUNS.get(indicator.population_kind or "", "đơn vị")
    text = f"{result.reported:02d}/{result.expected:02d} {noun} đã báo cáo"
    if indicator.kind == "yes_no" and result.reported:
        yes = result.reported - result.answers_no
        text += f": {yes:02d} có, {result.answers_no:02d} không"
    if result.missing:
        text += f"; {result.missing:02d} chưa báo cáo"
    return text


def contribution_rows(
    result: IndicatorResult, agencies: dict[int, Agency]
) -> list[ContributionRow]:
    """Each reporting agency's figures for the indicator, in the plan's order of agencies."""
    ordered = sorted(result.contributions, key=lambda c: agencies[c.agency_id].position)
    return [
        ContributionRow(
            indicator_code=result.indicator.code,
            agency=nfc(agencies[c.agency_id].name),
            figures=_figures(result.indicator, c),
            rate=_own_rate(result.indicator, c),
            note=nfc(c.value.note),
        )
        for c in ordered
    ]


def _own_rate(indicator: Indicator, contribution: Contribution) -> Fraction | None:
    """An agency's own rate, for shares and reductions (a yes/no answer has none)."""
    if indicator.kind not in ("share", "reduction") or contribution.figure is None:
        return None
    return Fraction(contribution.figure)


def _figures(indicator: Indicator, contribution: Contribution) -> str:
    value = contribution.value
    if contribution.figure is None and indicator.kind != "yes_no":
        return NO_DATA_LABEL
    if indicator.kind == "count":
        return f"{format_number(value.count_value or 0)} {nfc(indicator.unit)}".strip()
    if indicator.kind == "share":
        return f"{format_number(value.numerator or 0)}/{format_number(value.denominator or 0)}"
    if indicator.kind == "reduction":
        before, now = format_number(value.baseline or 0), format_number(value.current or 0)
        return f"Năm trước: {before}; năm báo cáo: {now}"
    return NO_DATA_LABEL if value.answer is None else labels.YES_NO[value.answer]
