"""What a plan's document says, from a plan file's data: the basis on which a plan read from a
document is "the same plan" as a plan file.

Covered: the header (year, province, document type, title, issuing body, number and date,
program and period, preamble, targets' introduction, reporting deadline and rule, closing
text, total budget, budget text and reference, signature, focal agency, how local units are
named); the sections' numerals and headings; the legal documents; the recipients; the
objectives with their parts; each target's number and text and each indicator's code, words
in the plan, kind, threshold, upper figure, unit and population; each task group's section,
number and title, and each task's text, time frame, planned output and confirmed lead and
coordinating agencies; the agencies the plan names (code, name, short name, kind, duty to
report: codes and short names from the reference list); each indicator's confirmed
reporters; the funding sources with their estimates; the reporting periods.

Not covered, because they are the program's additions and not the document's: indicator names
and input labels, proposed assignments and reporters with their evidence and scope, agencies
added with a basis (the three departments under V.10 of the embedded plan), and notes.
"""

from __future__ import annotations

from typing import Any

from sxtdbv_desktop.plan_file import DISTRICT_LEVEL
from sxtdbv_desktop.plan_sections import STANDARD

HEADER = (
    "year",
    "province",
    "document_type",
    "title",
    "issuing_body",
    "document_number",
    "signed_on",
    "program_name",
    "program_period",
    "preamble",
    "targets_intro",
    "reporting_deadline",
    "reporting_rule",
    "closing_text",
    "total_budget",
    "budget_text",
    "budget_reference",
    "signature",
    "focal_agency",
)
INDICATOR = ("code", "plan_text", "kind", "threshold", "exceed_above", "unit", "population")


def document_content(data: dict[str, Any]) -> dict[str, Any]:
    """The parts of a plan file's `data` that its document states (see the module's doc)."""
    plan = data["plan"]
    added = {a["code"] for a in data["agencies"] if a.get("basis")}
    return {
        "plan": {key: plan.get(key) or None for key in HEADER}
        | {"local_unit_name": _local_units(data)},
        "sections": data.get("sections")
        or {p: {"numeral": n, "heading": h} for p, (n, h) in STANDARD.items()},
        "legal_documents": data.get("legal_documents", []),
        "recipients": data.get("recipients", []),
        "objectives": [_objective(o) for o in data.get("objectives", [])],
        "targets": [
            {
                "number": t["number"],
                "text": t["text"],
                "indicators": [_indicator(i) for i in t["indicators"]],
            }
            for t in data["targets"]
        ],
        "task_groups": [_group(g) for g in data["task_groups"]],
        "agencies": [
            {k: a.get(k) for k in ("code", "name", "short_name", "kind")}
            | {"must_report": bool(a.get("must_report", True))}
            for a in data["agencies"]
            if a["code"] not in added
        ],
        "funding_sources": [
            {"name": s["name"], "estimate": s.get("estimate")} for s in data["funding_sources"]
        ],
        "periods": data.get("periods", []),
    }


def _local_units(data: dict[str, Any]) -> str:
    given = data["plan"].get("local_unit_name")
    if given is not None:
        return str(given)
    districts = any(a["kind"] == "district" for a in data["agencies"])
    return DISTRICT_LEVEL if districts else ""


def _objective(entry: Any) -> dict[str, str]:
    if isinstance(entry, str):
        return {"part": "", "text": entry}
    return {"part": entry.get("part", ""), "text": entry["text"]}


def _confirmed(codes: list[str], proposed: Any) -> list[str]:
    left_out = set(codes) if proposed is True else set(proposed or [])
    return [c for c in codes if c not in left_out]


def _indicator(indicator: dict[str, Any]) -> dict[str, Any]:
    found = {key: indicator.get(key) for key in INDICATOR}
    found["reporters"] = _confirmed(
        indicator.get("reporters") or [], indicator.get("reporters_proposed")
    )
    return found


def _group(group: dict[str, Any]) -> dict[str, Any]:
    return {
        "section": group["section"],
        "number": group["number"],
        "title": group["title"],
        "tasks": [
            {
                "text": t["text"],
                "time_frame": t.get("time_frame") or None,
                "planned_output": t.get("planned_output") or None,
                "lead": _confirmed(t.get("lead", []), t.get("proposed")),
                "coordinators": _confirmed(t.get("coordinators", []), t.get("proposed")),
            }
            for t in group["tasks"]
        ],
    }
