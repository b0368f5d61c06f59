"""Targets (mục tiêu) and their measurable indicators (chỉ tiêu)."""

from __future__ import annotations

import json
from dataclasses import dataclass

from sqlite_utils import Database

from sxtdbv_desktop import rule_words
from sxtdbv_desktop.errors import NotFoundError, ValidationError
from sxtdbv_desktop.labels import ENTITIES, FIELDS
from sxtdbv_desktop.storage import select, select_one
from sxtdbv_desktop.text import clean_line


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
    For yes/no, `population_kind` is the kind of agency its list of units starts from (a new
    agency of that kind joins the list); the list itself is its reporters.
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


@dataclass(frozen=True)
class Reporter:
    """An agency that reports an indicator, and on what.

    `proposed` marks an assignment the program derived from the plan's text (its `evidence`)
    that the Sở has not confirmed yet; it counts for forms all the same. `scope` says what the
    agency counts, so that two agencies never count the same unit (e.g. the industrial zones
    for the economic zone's board, the industrial clusters for the Sở Công Thương).
    """

    agency_id: int
    proposed: bool
    evidence: str
    scope: str


def reporter_ids(db: Database, indicator: Indicator) -> list[int]:
    """The agencies expected to report on `indicator`, in the plan's order of agencies.

    For a yes/no indicator they are its units (the denominator): the districts for indicator 5,
    the list of agencies under UBND Tỉnh the Sở keeps for indicator 6.
    """
    return [r.agency_id for r in reporters(db, indicator.id)]


def reporters(db: Database, indicator_id: int) -> list[Reporter]:
    rows = db.execute(
        "SELECT r.agency_id, r.proposed, r.evidence, r.scope FROM indicator_reporters r"
        " JOIN agencies a ON a.id = r.agency_id WHERE r.indicator_id = ? ORDER BY a.position",
        [indicator_id],
    ).fetchall()
    return [Reporter(a, bool(p), e, s) for a, p, e, s in rows]


def reporters_by_indicator(db: Database, plan_id: int) -> dict[int, list[Reporter]]:
    """Every indicator's reporters at once (absent: nobody reports it)."""
    found: dict[int, list[Reporter]] = {}
    for indicator_id, agency_id, proposed, evidence, scope in db.execute(
        "SELECT r.indicator_id, r.agency_id, r.proposed, r.evidence, r.scope"
        " FROM indicator_reporters r JOIN agencies a ON a.id = r.agency_id"
        " WHERE a.plan_id = ? ORDER BY a.position",
        [plan_id],
    ):
        found.setdefault(indicator_id, []).append(
            Reporter(agency_id, bool(proposed), evidence, scope)
        )
    return found


def set_reporters(db: Database, indicator_id: int, agency_ids: list[int]) -> None:
    """Assign the agencies that report an indicator (for yes/no: its units); confirmed.

    An agency kept from before keeps its scope and evidence; the list is the Sở's decision
    from now on, so nothing in it is a proposal any more.
    """
    indicator = get_indicator(db, indicator_id)
    before = {r.agency_id: r for r in reporters(db, indicator_id)}
    wanted = list(dict.fromkeys(agency_ids))
    _check_agencies(db, indicator.plan_id, wanted)
    rows = [
        {
            "indicator_id": indicator_id,
            "agency_id": a,
            "proposed": 0,
            "evidence": before[a].evidence if a in before else "",
            "scope": before[a].scope if a in before else "",
        }
        for a in wanted
    ]
    with db.atomic():
        db.execute("DELETE FROM indicator_reporters WHERE indicator_id = ?", [indicator_id])
        db.table("indicator_reporters").insert_all(rows)


def restore_reporters(db: Database, indicator_id: int, rows: list[Reporter]) -> None:
    """Put back an indicator's reporters exactly as they were (undoing a change)."""
    get_indicator(db, indicator_id)
    with db.atomic():
        db.execute("DELETE FROM indicator_reporters WHERE indicator_id = ?", [indicator_id])
        db.table("indicator_reporters").insert_all(
            {"indicator_id": indicator_id, "agency_id": r.agency_id, "proposed": int(r.proposed),
             "evidence": r.evidence, "scope": r.scope}
            for r in rows
        )  # fmt: skip


def set_scope(db: Database, indicator_id: int, agency_id: int, scope: str) -> None:
    """What one reporter counts for the indicator (shown on its form)."""
    with db.atomic():
        db.execute(
            "UPDATE indicator_reporters SET scope = ? WHERE indicator_id = ? AND agency_id = ?",
            [clean_line(scope), indicator_id, agency_id],
        )


def confirm_reporters(db: Database, plan_id: int, indicator_ids: list[int] | None = None) -> int:
    """Accept the proposed reporters (of `indicator_ids`, or every indicator); return how many."""
    where = "" if indicator_ids is None else f" AND indicator_id IN ({_marks(indicator_ids)})"
    with db.atomic():
        cursor = db.execute(
            "UPDATE indicator_reporters SET proposed = 0 WHERE proposed = 1 AND indicator_id IN"
            f" (SELECT id FROM indicators WHERE plan_id = ?){where}",
            [plan_id, *(indicator_ids or [])],
        )
    return int(cursor.rowcount)


def _marks(values: list[int]) -> str:
    return ",".join("?" * len(values))


def _check_agencies(db: Database, plan_id: int, agency_ids: list[int]) -> None:
    if not agency_ids:
        return
    (known,) = db.execute(
        f"SELECT count(*) FROM agencies WHERE plan_id = ? AND id IN ({_marks(agency_ids)})",
        [plan_id, *agency_ids],
    ).fetchone()
    if known != len(agency_ids):
        raise ValidationError(
            ENTITIES["indicator_reporters"], "có cơ quan không thuộc kế hoạch này."
        )


def update_threshold(
    db: Database, indicator_id: int, threshold: int, exceed_above: int | None = None
) -> None:
    """Change what the plan asks for; percent thresholds stay within 0–100."""
    indicator = get_indicator(db, indicator_id)
    if isinstance(threshold, bool) or not isinstance(threshold, int) or threshold < 0:
        raise ValidationError(FIELDS["threshold"], rule_words.NOT_COUNT)
    if indicator.is_ratio and threshold > 100:
        raise ValidationError(FIELDS["threshold"], rule_words.OVER_100_PERCENT)
    if exceed_above is not None and exceed_above < threshold:
        raise ValidationError("Mức vượt", "không được nhỏ hơn ngưỡng đạt.")
    with db.atomic():
        db.table("indicators").update(
            indicator_id, {"threshold": threshold, "exceed_above": exceed_above}
        )
