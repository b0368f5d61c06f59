"""What an agency's report holds, item by item, and what it still lacks.

An agency reports, for the period: a result on each task it leads or coordinates (its status
at least), the inputs of each indicator it reports, and what it spent from each funding source
of the plan. A report may arrive incomplete (a form with blanks is received, not thrown away):
`missing_items` lists what it lacks, and a missing input counts as no data, never as zero.

Kinds of indicator and their inputs:

* count: `count_value`;
* share: `numerator` (reached) and `denominator` (total);
* reduction: either the quantities `baseline` (last year) and `current` (this year), or
  `estimated_rate` (the reduction in percent estimated by the markets' boards) with its
  `method` and its `units` (how many markets it covers, which weigh it against other
  agencies' rates); `units` is asked of everyone and required only with an estimate;
* yes_no: `answer` (1 yes, 0 no).
"""

from __future__ import annotations

from dataclasses import dataclass

from sxtdbv_desktop import headings, rule_words
from sxtdbv_desktop.errors import ValidationError
from sxtdbv_desktop.indicators import Indicator
from sxtdbv_desktop.labels import INPUT_LABELS  # generic, when a plan names none
from sxtdbv_desktop.schema import TASK_STATUSES
from sxtdbv_desktop.text import clean_paragraphs

NUMBER_INPUTS = (
    "count_value",
    "numerator",
    "denominator",
    "units",
    "baseline",
    "current",
    "estimated_rate",
    "answer",
)

INPUTS: dict[str, tuple[str, ...]] = {
    "count": ("count_value",),
    "share": ("numerator", "denominator"),
    "reduction": ("units", "baseline", "current", "estimated_rate"),
    "yes_no": ("answer",),
}
"""The figures an agency gives for each kind of indicator, in the order forms ask them."""


def entry_inputs(kind: str) -> tuple[str, ...]:
    """What is asked of an agency for an indicator of `kind`, in order: the figures, and for a
    reduction how its estimated rate was made."""
    return (*INPUTS[kind], "method") if kind == "reduction" else INPUTS[kind]


@dataclass(frozen=True)
class IndicatorValue:
    report_id: int
    indicator_id: int
    count_value: int | None = None
    numerator: int | None = None
    denominator: int | None = None
    baseline: int | None = None
    current: int | None = None
    answer: int | None = None
    note: str = ""
    units: int | None = None
    estimated_rate: int | None = None
    method: str = ""

    @property
    def has_quantities(self) -> bool:
        return self.baseline is not None and self.current is not None

    def is_complete(self, kind: str) -> bool:
        """Whether every figure the indicator's kind needs is given."""
        return not missing_inputs(kind, self)


def missing_inputs(kind: str, value: IndicatorValue | None) -> list[str]:
    """The inputs of `value` still needed for the indicator's kind (all when there is none).

    A reduction needs both quantities, or an estimated rate with how it was estimated and the
    number of markets it covers; the names returned for a missing choice are the quantities.
    """
    if value is None:
        value = IndicatorValue(0, 0)
    if kind != "reduction":
        return [name for name in INPUTS[kind] if getattr(value, name) is None]
    if value.has_quantities:
        return []
    if value.estimated_rate is not None:
        missing = [] if value.units is not None else ["units"]
        return missing if value.method.strip() else [*missing, "method"]
    return [n for n in ("baseline", "current") if getattr(value, n) is None]


def input_label(indicator: Indicator, name: str) -> str:
    """How a form, the window and the report name one input of `indicator`."""
    labels = indicator.labels
    # A plan file names the count input "count"; the report stores it as "count_value".
    return labels.get(name) or labels.get(name.removesuffix("_value")) or INPUT_LABELS[name]


def indicator_value_row(
    report_id: int, indicator: Indicator, value: IndicatorValue
) -> dict[str, object]:
    """The stored row for `value`, after checking it fits the indicator's kind.

    Inputs may be missing (an incomplete report); those given must be whole, non-negative and
    consistent: a numerator no larger than its denominator, an estimated rate of 0–100 %.
    """
    where = f"Chỉ tiêu {indicator.code}"
    wanted = INPUTS[indicator.kind]
    row: dict[str, object] = {"report_id": report_id, "indicator_id": indicator.id}
    for name in NUMBER_INPUTS:
        given = getattr(value, name)
        if name not in wanted and given is not None:
            raise ValidationError(where, f"không nhận giá trị «{name}» cho loại chỉ tiêu này.")
        row[name] = whole(where, given)
    if row["answer"] is not None and row["answer"] not in (0, 1):
        raise ValidationError(where, "chỉ nhận Có hoặc Không.")
    numerator, denominator = row["numerator"], row["denominator"]
    if isinstance(numerator, int) and isinstance(denominator, int) and numerator > denominator:
        raise ValidationError(where, "số đạt không được lớn hơn tổng số.")
    rate = row["estimated_rate"]
    if isinstance(rate, int) and rate > 100:
        raise ValidationError(where, "tỷ lệ giảm ước tính phải từ 0 đến 100 %.")
    row["note"] = clean_paragraphs(value.note)
    row["method"] = clean_paragraphs(value.method) if indicator.kind == "reduction" else ""
    return row


@dataclass(frozen=True)
class TaskResultInput:
    """An agency's result on one task; `status` None when the form left it blank."""

    task_id: int
    status: str | None = "not_started"
    progress: int | None = None
    result: str = ""
    spent: int | None = None


def task_result_row(report_id: int, result: TaskResultInput) -> dict[str, object]:
    """The stored row for `result`, checked."""
    if result.status is not None and result.status not in TASK_STATUSES:
        raise ValidationError(headings.TASK_STATUS, rule_words.INVALID)
    progress = whole(headings.PROGRESS, result.progress)
    if progress is not None and progress > 100:
        raise ValidationError(headings.PROGRESS, "phải từ 0 đến 100.")
    return {
        "report_id": report_id,
        "task_id": result.task_id,
        "status": result.status,
        "progress": progress,
        "result": clean_paragraphs(result.result),
        "spent": whole(headings.SPENT, result.spent),
    }


@dataclass(frozen=True)
class SourceSpending:
    """What an agency spent from one funding source of the plan, in đồng."""

    source_id: int
    amount: int


def whole(field_name: str, value: object) -> int | None:
    """`value` as a whole, non-negative number, or a `ValidationError` naming `field_name`."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError(field_name, rule_words.NOT_WHOLE)
    if value < 0:
        raise ValidationError(field_name, rule_words.NEGATIVE)
    return value
