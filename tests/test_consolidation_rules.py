"""The rules of consolidation, on plain values: rates, verdicts, and missing data."""

from __future__ import annotations

from fractions import Fraction

import pytest

from sxtdbv_desktop import vnformat
from sxtdbv_desktop.consolidation import EXCEEDED, MET, NO_DATA, NOT_MET, consolidate, verdict
from sxtdbv_desktop.indicators import Indicator
from sxtdbv_desktop.report_inputs import missing_inputs
from sxtdbv_desktop.reports import IndicatorValue


def indicator(kind: str, threshold: int, exceed_above: int | None = None) -> Indicator:
    return Indicator(
        id=1,
        plan_id=1,
        target_id=1,
        position=1,
        code="x",
        name="x",
        plan_text="",
        kind=kind,
        threshold=threshold,
        exceed_above=exceed_above,
        unit="",
        population_kind="district" if kind == "yes_no" else None,
        input_labels="{}",
    )


def answers(yes: int, no: int) -> dict[int, IndicatorValue]:
    flags = [1] * yes + [0] * no
    return {n: IndicatorValue(report_id=n, indicator_id=1, answer=a) for n, a in enumerate(flags)}


TWELVE_DISTRICTS = list(range(12))


def test_8_of_12_districts_is_66_7_percent_and_not_met_for_target_5() -> None:
    result = consolidate(indicator("yes_no", 70), answers(8, 4), TWELVE_DISTRICTS)
    assert (result.numerator, result.denominator) == (8, 12)
    assert vnformat.format_percent(result.figure) == "66,7 %"
    assert result.verdict == NOT_MET


def test_9_of_12_districts_is_met_for_target_5() -> None:
    result = consolidate(indicator("yes_no", 70), answers(9, 3), TWELVE_DISTRICTS)
    assert vnformat.format_percent(result.figure) == "75,0 %"
    assert result.verdict == MET


def test_yes_no_counts_missing_units_as_not_yes() -> None:
    """Nine yes answers from 9 reporting districts still divide by the 12 expected."""
    result = consolidate(indicator("yes_no", 100), answers(9, 0), TWELVE_DISTRICTS)
    assert result.figure == Fraction(9, 12)
    assert result.verdict == NOT_MET
    assert (result.reported, result.expected) == (9, 12)


def test_yes_no_ignores_answers_from_outside_the_population() -> None:
    values = answers(3, 0)
    result = consolidate(indicator("yes_no", 70), values, [0, 1])
    assert (result.numerator, result.denominator) == (2, 2)


def test_shares_add_numerators_and_denominators_not_rates() -> None:
    values = {
        1: IndicatorValue(report_id=1, indicator_id=1, numerator=1, denominator=1),
        2: IndicatorValue(report_id=2, indicator_id=1, numerator=3, denominator=9),
    }
    result = consolidate(indicator("share", 80), values, [1, 2])
    assert result.figure == Fraction(4, 10)  # not the mean of 100 % and 33 %
    assert result.verdict == NOT_MET


def test_reductions_add_baselines_and_current_quantities() -> None:
    values = {
        1: IndicatorValue(report_id=1, indicator_id=1, baseline=1000, current=500),
        2: IndicatorValue(report_id=2, indicator_id=1, baseline=1000, current=700),
    }
    result = consolidate(indicator("reduction", 40), values, [1, 2])
    assert result.figure == Fraction(2000 - 1200, 2000)
    assert vnformat.format_percent(result.figure) == "40,0 %"
    assert result.verdict == MET


def test_a_reduction_that_went_up_is_negative_and_not_met() -> None:
    values = {1: IndicatorValue(report_id=1, indicator_id=1, baseline=100, current=130)}
    result = consolidate(indicator("reduction", 20), values, [1])
    assert result.figure == Fraction(-3, 10)
    assert result.verdict == NOT_MET


def test_an_estimated_reduction_weighs_the_agencies_rates_by_their_markets() -> None:
    values = {
        1: IndicatorValue(report_id=1, indicator_id=1, baseline=1000, current=500, units=3),
        2: IndicatorValue(
            report_id=2, indicator_id=1, estimated_rate=20, units=1, method="Ban quản lý chợ"
        ),
    }
    result = consolidate(indicator("reduction", 40), values, [1, 2])
    assert result.estimated
    assert result.figure == (3 * Fraction(1, 2) + 1 * Fraction(1, 5)) / 4
    assert (result.numerator, result.denominator, result.units) == (None, None, 4)
    assert result.verdict == MET


def test_an_estimate_without_its_method_or_markets_is_incomplete() -> None:
    bare = IndicatorValue(report_id=1, indicator_id=1, estimated_rate=30)
    assert missing_inputs("reduction", bare) == ["units", "method"]
    result = consolidate(indicator("reduction", 20), {1: bare}, [1])
    assert result.verdict == NO_DATA and result.reported == 0
    assert missing_inputs("reduction", None) == ["baseline", "current"]


def test_estimates_without_markets_are_a_plain_mean() -> None:
    values = {
        1: IndicatorValue(report_id=1, indicator_id=1, baseline=100, current=60),
        2: IndicatorValue(report_id=2, indicator_id=1, estimated_rate=20, units=5, method="x"),
    }
    result = consolidate(indicator("reduction", 20), values, [1, 2])
    assert result.figure == (Fraction(2, 5) + Fraction(1, 5)) / 2


def test_figures_of_an_agency_that_does_not_report_the_indicator_stay_out() -> None:
    values = {
        1: IndicatorValue(report_id=1, indicator_id=1, count_value=1),
        9: IndicatorValue(report_id=9, indicator_id=1, count_value=5),
    }
    result = consolidate(indicator("count", 1), values, [1, 2])
    assert (result.figure, result.reported, result.expected) == (1, 1, 2)
    assert result.provisional


def test_counts_add_and_can_exceed_the_plans_upper_figure() -> None:
    one = {1: IndicatorValue(report_id=1, indicator_id=1, count_value=1)}
    three = {**one, 2: IndicatorValue(report_id=2, indicator_id=1, count_value=2)}
    plan = indicator("count", 1, exceed_above=2)
    assert consolidate(plan, {}, []).verdict == NO_DATA
    assert consolidate(plan, one, [1]).verdict == MET
    assert consolidate(plan, three, [1, 2]).figure == 3
    assert consolidate(plan, three, [1, 2]).verdict == EXCEEDED


def test_a_zero_count_is_data_not_missing_data() -> None:
    zero = {1: IndicatorValue(report_id=1, indicator_id=1, count_value=0)}
    assert consolidate(indicator("count", 1), zero, [1]).verdict == NOT_MET


@pytest.mark.parametrize(
    ("kind", "value"),
    [
        ("share", IndicatorValue(report_id=1, indicator_id=1, numerator=0, denominator=0)),
        ("reduction", IndicatorValue(report_id=1, indicator_id=1, baseline=0, current=0)),
        ("share", IndicatorValue(report_id=1, indicator_id=1, numerator=5)),
        ("reduction", IndicatorValue(report_id=1, indicator_id=1, current=3)),
        ("count", IndicatorValue(report_id=1, indicator_id=1)),
        ("yes_no", IndicatorValue(report_id=1, indicator_id=1)),
    ],
)
def test_zero_denominators_and_incomplete_values_give_no_data(
    kind: str, value: IndicatorValue
) -> None:
    result = consolidate(indicator(kind, 50), {1: value}, [1])
    assert result.figure is None
    assert result.verdict == NO_DATA


def test_yes_no_with_no_expected_units_is_no_data() -> None:
    assert consolidate(indicator("yes_no", 100), answers(1, 0), []).verdict == NO_DATA


def test_verdicts_compare_exact_fractions_not_rounded_percents() -> None:
    plan = indicator("share", 70)
    just_below = Fraction(6999, 10000)  # shows as "70,0 %" yet is not 70 %
    assert vnformat.format_percent(just_below) == "70,0 %"
    assert verdict(plan, just_below) == NOT_MET
    assert verdict(plan, Fraction(7, 10)) == MET
    assert verdict(indicator("share", 100), Fraction(1)) == MET
