"""For one indicator, what each agency contributed: its report's state, its figures, and the
figure they make on their own. Expected reporters without a counted report are listed too."""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from sxtdbv_desktop import headings, labels
from sxtdbv_desktop.agencies import Agency, list_agencies
from sxtdbv_desktop.consolidation import indicator_results, main_period
from sxtdbv_desktop.indicators import Indicator, reporter_ids
from sxtdbv_desktop.reports import IndicatorValue, list_reports
from sxtdbv_desktop.result_words import indicator_figure
from sxtdbv_ui.formatting import inputs_text
from sxtdbv_ui.models.base import MUTED_TEXT, Column, RowTableModel
from sxtdbv_ui.workspace import AGENCIES, INDICATORS, REPORTS, Workspace

NO_REPORT = labels.NO_REPORT


@dataclass(frozen=True)
class ContributionRow:
    agency: Agency
    indicator: Indicator
    report_status: str
    expected: bool
    value: IndicatorValue | None
    figure: Fraction | int | None

    @property
    def figure_text(self) -> str:
        if self.indicator.kind == "yes_no" and self.figure is not None:
            return labels.YES_NO[int(self.figure)]
        return indicator_figure(self.indicator, self.figure)


class ContributionModel(RowTableModel[ContributionRow]):
    title = "Đóng góp của các đơn vị vào chỉ tiêu"
    entities = frozenset({INDICATORS, REPORTS, AGENCIES})

    def __init__(self, session: Workspace) -> None:
        super().__init__(session, _COLUMNS)
        self.indicator_id: int | None = None

    def show_indicator(self, indicator_id: int | None) -> None:
        self.indicator_id = indicator_id
        self.load()

    def fetch(self) -> list[ContributionRow]:
        db, plan_id = self.session.db, self.session.plan_id
        result = next((r for r in indicator_results(db, plan_id)
                       if r.indicator.id == self.indicator_id), None)  # fmt: skip
        if result is None:
            return []
        period = main_period(db, plan_id)
        statuses = {r.agency_id: r.status for r in list_reports(db, plan_id, period.id)}
        given = {c.agency_id: c for c in result.contributions}
        expected = set(reporter_ids(db, result.indicator))
        return [
            ContributionRow(
                agency=a,
                indicator=result.indicator,
                report_status=labels.REPORT_STATUSES.get(statuses.get(a.id, ""), NO_REPORT),
                expected=a.id in expected,
                value=given[a.id].value if a.id in given else None,
                figure=given[a.id].figure if a.id in given else None,
            )
            for a in list_agencies(db, plan_id)
            if a.id in expected or a.id in given
        ]

    def key(self, row: ContributionRow) -> object:
        return row.agency.id


_COLUMNS: list[Column[ContributionRow]] = [
    Column("Đơn vị", lambda r: r.agency.name, width=26),
    Column("Báo cáo", lambda r: r.report_status, width=20,
           color=lambda r: MUTED_TEXT if r.value is None else None),
    Column(headings.FIGURES_REPORTED,
           lambda r: inputs_text(r.indicator, r.value) if r.value else "", width=0),
    Column(headings.AGENCY_RESULT, lambda r: r.figure_text, width=18, sort=lambda r: r.figure),
    Column(headings.NOTE, lambda r: r.value.note if r.value else "", width=20),
]  # fmt: skip
