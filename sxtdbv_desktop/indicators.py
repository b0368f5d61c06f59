"""Targets (mục tiêu) and their measurable indicators (chỉ tiêu)."""

from __future__ import annotations

import json
from dataclasses import dataclass

from sqlite_utils import Database

from sxtdbv_desktop.errors import NotFoundError, ValidationError
from sxtdbv_desktop.storage import select, select_one


@dataclass(frozen=True)
class Target:
    id: int
    number: int
    text: str


@dataclass(frozen=True)
class Indicator:
    """A measurable part of a target.

    `kind` says how agencies report it and how it is consolidated: "count" (a number compared
    with `threshold`), "share" (numerator / denominator), "reduction" (1 − current / baseline)
    or "yes_no" (the yes answers over every agency of `population_kind`). `threshold` is the
    minimum count or the minimum percent; a result strictly above `exceed_above` is "Vượt".
    """

    id: int
    plan_id: int
    target_id: int
    position: int
    code: str
    name: str
    plan_text: str
    kind: str
    threshold: int
    exceed_above: int | None
    unit: str
    population_kind: str | None
    input_labels: str

    @property
    def labels(self) -> dict[str, str]:
        """The Vietnamese labels of the values an agency enters, by input name."""
        loaded: dict[str, str] = json.loads(self.input_labels)
        return loaded

    @property
    def is_ratio(self) -> bool:
        return self.kind != "count"


def list_targets(db: Database, plan_id: int) -> list[Target]:
    return select(db, Target, "SELECT * FROM targets WHERE plan_id = ? ORDER BY number", [plan_id])


def list_indicators(db: Database, plan_id: int) -> list[Indicator]:
    return select(
        db, Indicator, "SELECT * FROM indicators WHERE plan_id = ? ORDER BY position", [plan_id]
    )


def get_indicator(db: Database, indicator_id: int) -> Indicator:
    found = select_one(db, Indicator, "SELECT * FROM indicators WHERE id = ?", [indicator_id])
    if found is None:
        raise NotFoundError(f"Không tìm thấy chỉ tiêu số {indicator_id}.")
    return found


def reporter_ids(db: Database, indicator: Indicator) -> list[int]:
    """The agencies expected to report on `indicator`.

    For a yes/no indicator, every agency of its population kind; otherwise the agencies the
    consolidating unit assigned (none in the default plan: the seed does not say).
    """
    if indicator.population_kind is not None:
        rows = db.execute(
            "SELECT id FROM agencies WHERE plan_id = ? AND kind = ? ORDER BY position",
            [indicator.plan_id, indicator.population_kind],
        )
    else:
        rows = db.execute(
            "SELECT a.id FROM indicator_reporters r JOIN agencies a ON a.id = r.agency_id"
            " WHERE r.indicator_id = ? ORDER BY a.position",
            [indicator.id],
        )
    return [agency_id for (agency_id,) in rows]


def set_reporters(db: Database, indicator_id: int, agency_ids: list[int]) -> None:
    """Assign the agencies that report a count/share/reduction indicator."""
    indicator = get_indicator(db, indicator_id)
    if indicator.population_kind is not None:
        raise ValidationError(
            "Đơn vị báo cáo", "chỉ tiêu có/không được báo cáo bởi mọi đơn vị cùng loại."
        )
    with db.atomic():
        db.execute("DELETE FROM indicator_reporters WHERE indicator_id = ?", [indicator_id])
        db.table("indicator_reporters").insert_all(
            {"indicator_id": indicator_id, "agency_id": a} for a in dict.fromkeys(agency_ids)
        )


def update_threshold(
    db: Database, indicator_id: int, threshold: int, exceed_above: int | None = None
) -> None:
    """Change what the plan asks for; percent thresholds stay within 0–100."""
    indicator = get_indicator(db, indicator_id)
    if isinstance(threshold, bool) or not isinstance(threshold, int) or threshold < 0:
        raise ValidationError("Ngưỡng chỉ tiêu", "phải là số nguyên không âm.")
    if indicator.is_ratio and threshold > 100:
        raise ValidationError("Ngưỡng chỉ tiêu", "tỷ lệ không được vượt quá 100 %.")
    if exceed_above is not None and exceed_above < threshold:
        raise ValidationError("Mức vượt", "không được nhỏ hơn ngưỡng đạt.")
    with db.atomic():
        db.table("indicators").update(
            indicator_id, {"threshold": threshold, "exceed_above": exceed_above}
        )
