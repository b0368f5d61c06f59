"""Plan data files (format "sxtdbv-plan"): the embedded default plan, and any other plan
shipped as data, loaded into a database in one transaction.

The embedded default is the Đồng Tháp 2023 plan, transcribed verbatim from the signed text
(`resources/plans/dong-thap-2023.json`); what the text does not say is left empty there.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from sxtdbv_desktop import labels, rule_words
from sxtdbv_desktop.errors import ConflictError, NotFoundError, ValidationError
from sxtdbv_desktop.output_files import replacing
from sxtdbv_desktop.paths import resource_path
from sxtdbv_desktop.plan_file_check import HEADER_LINES, HEADER_PARAGRAPHS, check_plan_data
from sxtdbv_desktop.plan_sections import PARTS, STANDARD, insert_sections, list_sections
from sxtdbv_desktop.plans import find_plan
from sxtdbv_desktop.regular_files import NotReadable, read_regular_file
from sxtdbv_desktop.storage import insert
from sxtdbv_desktop.text import clean_line, clean_paragraphs

FORMAT, FORMAT_VERSION = "sxtdbv-plan", 3
READABLE_VERSIONS = (1, 2, 3)
"""Version 2 adds the plan's number and date, agencies added with their basis, proposed
assignments ("proposed": the codes of the agencies whose assignment is a proposal) with their
evidence, and every indicator's reporters with their scope. Version 3 adds what makes a plan
any province's, any year's: how it names its local units (`plan.local_unit_name`), its
sections' numerals and headings (`sections`), the part of each objective ("Mục đích",
"Yêu cầu") when the plan has those subsections, and each indicator's link to the same
indicator of the previous year's plan (`previous`: its code there). A version 1 or 2 file
has the Đồng Tháp 2023 skeleton: the standard sections, and "huyện, thành phố"."""
DISTRICT_LEVEL = labels.UNIT_NOUNS["district"]  # the local units of every version 1 and 2 file
DEFAULT_PLAN = ("plans", "dong-thap-2023.json")
MAX_PLAN_FILE_BYTES = 10 * 1024 * 1024  # a province's plan is about 200 KB


def default_plan_path() -> Path:
    return resource_path(*DEFAULT_PLAN)


def read_plan_file(path: Path) -> dict[str, Any]:
    """The parsed plan file, after checking its format marker."""
    try:
        data = json.loads(read_regular_file(path, MAX_PLAN_FILE_BYTES).decode("utf-8"))
    except NotReadable as error:
        raise ValidationError(str(path), error.rule) from error
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ValidationError(str(path), f"không đọc được tệp kế hoạch ({error}).") from error
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ValidationError(str(path), "không phải là tệp kế hoạch SX&TDBV.")
    if data.get("format_version") not in READABLE_VERSIONS:
        raise ValidationError(str(path), "phiên bản tệp kế hoạch không được hỗ trợ.")
    check_plan_data(data, path.name)
    return data


def load_default_plan(db: Database) -> int:
    """Load the embedded 2023 Đồng Tháp plan, with its proposed assignments; return its id."""
    return load_plan(db, read_plan_file(default_plan_path()))


def load_plan(db: Database, data: dict[str, Any]) -> int:
    """Insert every fact of a plan file into `db` in one transaction; return the plan's id.

    The whole file is checked first (`plan_file_check`); each row is then built from named
    fields only, so nothing but the new plan's rows can be written.
    """
    check_plan_data(data)
    header = data["plan"]
    if find_plan(db, clean_line(header["province"]), header["year"]) is not None:
        raise ConflictError(
            f"{rule_words.plan_exists(header['year'], header['province'])} trong tệp dữ liệu."
        )
    with db.atomic():
        plan_id = _insert_plan(db, header)
        agency_ids = _insert_agencies(db, plan_id, data["agencies"])
        focal = header.get("focal_agency")
        if focal:
            db.table("plans").update(plan_id, {"focal_agency_id": agency_ids[focal]})
        _insert_texts(db, plan_id, data)
        insert_sections(db, plan_id, _sections(data))
        if "local_unit_name" not in header and any(
            a["kind"] == "district" for a in data["agencies"]
        ):
            db.table("plans").update(plan_id, {"local_unit_name": DISTRICT_LEVEL})
        _insert_targets(db, plan_id, data["targets"], agency_ids)
        _link_previous(db, plan_id, header, data["targets"])
        _insert_tasks(db, plan_id, data["task_groups"], agency_ids)
        for position, source in enumerate(data["funding_sources"], 1):
            db.table("funding_sources").insert(
                {
                    "plan_id": plan_id,
                    "position": position,
                    "name": clean_line(source["name"]),
                    "estimate": source.get("estimate"),
                }
            )
        for period in data["periods"]:
            row = {key: period[key] for key in ("code", "starts_on", "ends_on", "deadline")}
            row["name"] = clean_line(period["name"])
            db.table("periods").insert({**row, "plan_id": plan_id})
    return plan_id


def _sections(data: dict[str, Any]) -> dict[str, tuple[str, str]]:
    """The plan's sections (numeral, heading) by part; the standard ones for an older file."""
    given = data.get("sections")
    if given is None:
        return dict(STANDARD)
    return {
        part: (given[part]["numeral"], given[part].get("heading", ""))
        for part in PARTS
        if part in given
    }


def _link_previous(
    db: Database, plan_id: int, header: dict[str, Any], targets: list[dict[str, Any]]
) -> None:
    """Link each indicator that names its `previous` code to that indicator of the same
    province's plan of the year before, when the file holds that plan."""
    previous = find_plan(db, clean_line(header["province"]), header["year"] - 1)
    if previous is None:
        return
    for target in targets:
        for indicator in target["indicators"]:
            code = indicator.get("previous")
            if code:
                db.execute(
                    "UPDATE indicators SET previous_id = (SELECT id FROM indicators"
                    " WHERE plan_id = ? AND code = ?) WHERE plan_id = ? AND code = ?",
                    [previous.id, code, plan_id, indicator["code"]],
                )


def _insert_plan(db: Database, header: dict[str, Any]) -> int:
    signature = header.get("signature", {})
    total = header["total_budget"]
    if isinstance(total, bool) or not isinstance(total, int):
        raise ValidationError("total_budget", "tổng kinh phí phải là số nguyên đồng.")
    row = {
        **{key: clean_line(header.get(key, "")) for key in HEADER_LINES},
        **{key: clean_paragraphs(header.get(key, "")) for key in HEADER_PARAGRAPHS},
        "year": header["year"],
        "reporting_deadline": dt.date.fromisoformat(header["reporting_deadline"]).isoformat(),
        "total_budget": total,
        "signature_authority": clean_line(signature.get("authority", "")),
        "signature_title": clean_line(signature.get("title", "")),
        "signer_name": clean_line(signature.get("name", "")),
        "document_number": clean_line(header.get("document_number") or ""),
        "local_unit_name": clean_line(header.get("local_unit_name") or ""),
        "signed_on": _date(header.get("signed_on")),
        "created_at": dt.datetime.now().isoformat(timespec="seconds"),
    }
    return insert(db, "plans", row)


def _insert_agencies(db: Database, plan_id: int, agencies: list[dict[str, Any]]) -> dict[str, int]:
    ids = {}
    for position, agency in enumerate(agencies, 1):
        row = {
            "plan_id": plan_id,
            "position": position,
            "code": agency["code"],
            "name": clean_line(agency["name"]),
            "short_name": clean_line(agency.get("short_name", "")),
            "kind": agency["kind"],
            "must_report": int(bool(agency.get("must_report", True))),
            "basis": clean_paragraphs(agency.get("basis") or ""),
        }
        ids[agency["code"]] = insert(db, "agencies", row)
    return ids


def _insert_texts(db: Database, plan_id: int, data: dict[str, Any]) -> None:
    for position, document in enumerate(data.get("legal_documents", []), 1):
        db.table("legal_documents").insert(
            {
                "plan_id": plan_id,
                "position": position,
                "number": clean_line(document["number"]),
                "signed_on": document.get("signed_on"),
                "issuer": clean_line(document.get("issuer", "")),
                "summary": clean_line(document.get("summary", "")),
            }
        )
    db.table("plan_recipients").insert_all(
        {"plan_id": plan_id, "position": position, "text": clean_paragraphs(text)}
        for position, text in enumerate(data.get("recipients", []), 1)
    )
    for position, objective in enumerate(data.get("objectives", []), 1):
        part, text = ("", objective) if isinstance(objective, str) else _objective(objective)
        db.table("objectives").insert(
            {"plan_id": plan_id, "position": position, "part": part, "text": text}
        )


def _objective(entry: dict[str, str]) -> tuple[str, str]:
    """A version 3 objective: its part ("Mục đích", "Yêu cầu") and its text."""
    return clean_line(entry.get("part", "")), clean_paragraphs(entry["text"])


def _insert_targets(
    db: Database, plan_id: int, targets: list[dict[str, Any]], agency_ids: dict[str, int]
) -> None:
    agency_kinds = dict(
        db.execute("SELECT code, kind FROM agencies WHERE plan_id = ? ORDER BY position", [plan_id])
    )
    position = 0
    for target in targets:
        target_row = {
            "plan_id": plan_id,
            "number": target["number"],
            "text": clean_paragraphs(target["text"]),
        }
        target_id = insert(db, "targets", target_row)
        for indicator in target["indicators"]:
            position += 1
            row = {"plan_id": plan_id, **_indicator_row(indicator, target_id, position)}
            indicator_id = insert(db, "indicators", row)
            db.table("indicator_reporters").insert_all(
                _reporter_rows(indicator_id, indicator, agency_kinds, agency_ids)
            )


def _reporter_rows(
    indicator_id: int,
    indicator: dict[str, Any],
    agency_kinds: dict[str, str],
    agency_ids: dict[str, int],
) -> list[dict[str, object]]:
    """The indicator's reporters; a version 1 file lists none for a yes/no indicator, whose
    units were then every agency of its population kind."""
    codes = indicator.get("reporters")
    if codes is None:
        population = indicator.get("population")
        codes = [c for c, kind in agency_kinds.items() if population and kind == population]
    proposed = _proposed(indicator.get("reporters_proposed"), codes)
    evidence = indicator.get("reporter_evidence") or {}
    scope = indicator.get("reporter_scope") or {}
    return [
        {
            "indicator_id": indicator_id,
            "agency_id": agency_ids[code],
            "proposed": int(code in proposed),
            "evidence": clean_paragraphs(_for(evidence, code)),
            "scope": clean_line(_for(scope, code)),
        }
        for code in dict.fromkeys(codes)
    ]


def _proposed(value: object, codes: list[str]) -> set[str]:
    """The agencies whose assignment is a proposal: a list of codes (True: all of them)."""
    if value is True:
        return set(codes)
    return {str(code) for code in value} if isinstance(value, list) else set()


def _for(texts: dict[str, str], code: str) -> str:
    """The text for agency `code`, or the one for every agency ("*"), or none."""
    return texts.get(code) or texts.get("*") or ""


def _date(value: object) -> str | None:
    if not value:
        return None
    if not isinstance(value, str):
        raise ValidationError("signed_on", "ngày ký phải có dạng YYYY-MM-DD.")
    return dt.date.fromisoformat(value).isoformat()


def _indicator_row(indicator: dict[str, Any], target_id: int, position: int) -> dict[str, object]:
    labels = {k: clean_line(v) for k, v in indicator.get("input_labels", {}).items()}
    return {
        "target_id": target_id,
        "position": position,
        "code": indicator["code"],
        "name": clean_line(indicator["name"]),
        "plan_text": clean_line(indicator.get("plan_text", "")),
        "kind": indicator["kind"],
        "threshold": indicator["threshold"],
        "exceed_above": indicator.get("exceed_above"),
        "unit": clean_line(indicator.get("unit", "")),
        "population_kind": indicator.get("population"),
        "input_labels": json.dumps(labels, ensure_ascii=False),
    }


def _insert_tasks(
    db: Database, plan_id: int, groups: list[dict[str, Any]], agency_ids: dict[str, int]
) -> None:
    for group in groups:
        group_row = {
            "plan_id": plan_id,
            "section": group["section"],
            "number": group["number"],
            "title": clean_paragraphs(group["title"]),
        }
        group_id = insert(db, "task_groups", group_row)
        for position, task in enumerate(group["tasks"], 1):
            task_row = {
                "plan_id": plan_id,
                "group_id": group_id,
                "position": position,
                "text": clean_paragraphs(task["text"]),
                "time_frame": clean_line(task.get("time_frame") or ""),
                "planned_output": clean_line(task.get("planned_output") or ""),
            }
            task_id = insert(db, "tasks", task_row)
            assignments = [(code, "lead") for code in task.get("lead", [])]
            assignments += [(code, "coordinator") for code in task.get("coordinators", [])]
            proposed = _proposed(task.get("proposed"), [code for code, _ in assignments])
            evidence = task.get("evidence") or {}
            db.table("task_assignments").insert_all(
                {
                    "task_id": task_id,
                    "agency_id": agency_ids[code],
                    "role": role,
                    "proposed": int(code in proposed),
                    "evidence": clean_paragraphs(_for(evidence, code)),
                }
                for code, role in assignments
            )


def plan_data(db: Database, plan_id: int) -> dict[str, Any]:
    """The plan `plan_id` as a plan file's data: what `load_plan` reads back, agencies by code.

    This is how the consolidating unit sends its plan (with its assignments and estimates) to
    the agency installations; the year's results (reports, task statuses, budget lines) stay.
    """
    plan = _one(db, "SELECT * FROM plans WHERE id = ?", plan_id)
    codes = {
        row["id"]: row["code"]
        for row in db.query("SELECT id, code FROM agencies WHERE plan_id = ?", [plan_id])
    }
    fields = ("year", *HEADER_LINES, *HEADER_PARAGRAPHS, "reporting_deadline", "total_budget")
    header = {key: plan[key] for key in fields}
    header["focal_agency"] = codes.get(plan["focal_agency_id"])
    header["document_number"] = plan["document_number"] or None
    header["signed_on"] = plan["signed_on"]
    header["local_unit_name"] = plan["local_unit_name"]
    header["signature"] = {
        "authority": plan["signature_authority"],
        "title": plan["signature_title"],
        "name": plan["signer_name"],
    }
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "plan": header,
        "legal_documents": _rows(
            db, "SELECT number, signed_on, issuer, summary FROM legal_documents", plan_id
        ),
        "recipients": [r["text"] for r in _rows(db, "SELECT text FROM plan_recipients", plan_id)],
        "sections": {
            part: {"numeral": s.numeral, "heading": s.heading}
            for part, s in list_sections(db, plan_id).items()
        },
        "objectives": [
            row if row["part"] else row["text"]
            for row in _rows(db, "SELECT part, text FROM objectives", plan_id)
        ],
        "targets": _export_targets(db, plan_id, codes),
        "agencies": [_agency_entry(row) for row in _rows(db, _AGENCY_FIELDS, plan_id)],
        "task_groups": _export_task_groups(db, plan_id, codes),
        "funding_sources": _rows(db, "SELECT name, estimate FROM funding_sources", plan_id),
        "periods": [
            dict(row)
            for row in db.query(
                "SELECT code, name, starts_on, ends_on, deadline FROM periods"
                " WHERE plan_id = ? ORDER BY starts_on, id",
                [plan_id],
            )
        ],
    }


_AGENCY_FIELDS = "SELECT code, name, short_name, kind, must_report, basis FROM agencies"


def _agency_entry(row: dict[str, Any]) -> dict[str, Any]:
    """An agency as the plan file says it: its basis only when the plan does not name it."""
    entry = {**row, "must_report": bool(row["must_report"])}
    if not entry["basis"]:
        del entry["basis"]
    return entry


def write_plan_file(db: Database, plan_id: int, path: Path) -> Path:
    """Write plan `plan_id` to the plan file `path` (UTF-8 JSON), replacing it at once."""
    text = json.dumps(plan_data(db, plan_id), ensure_ascii=False, indent=2) + "\n"
    with replacing(path) as temporary:
        temporary.write_text(text, encoding="utf-8")
    return path


def _one(db: Database, sql: str, plan_id: int) -> dict[str, Any]:
    for row in db.query(sql, [plan_id]):
        return row
    raise NotFoundError(rule_words.no_plan(plan_id))


def _rows(db: Database, select_sql: str, plan_id: int) -> list[dict[str, Any]]:
    """`select_sql` (a SELECT ... FROM table) of the plan's rows, in their position order."""
    return list(db.query(f"{select_sql} WHERE plan_id = ? ORDER BY position, id", [plan_id]))


def _export_targets(db: Database, plan_id: int, codes: dict[int, str]) -> list[dict[str, Any]]:
    targets = []
    for target in db.query(
        "SELECT id, number, text FROM targets WHERE plan_id = ? ORDER BY number", [plan_id]
    ):
        indicators = []
        for row in db.query(
            "SELECT i.*, p.code AS previous_code FROM indicators i"
            " LEFT JOIN indicators p ON p.id = i.previous_id"
            " WHERE i.target_id = ? ORDER BY i.position",
            [target["id"]],
        ):
            reporters = db.execute(
                "SELECT r.agency_id, r.proposed, r.evidence, r.scope FROM indicator_reporters r"
                " JOIN agencies a ON a.id = r.agency_id WHERE r.indicator_id = ?"
                " ORDER BY a.position",
                [row["id"]],
            ).fetchall()
            indicators.append(
                {
                    "code": row["code"],
                    "name": row["name"],
                    "plan_text": row["plan_text"],
                    "kind": row["kind"],
                    "threshold": row["threshold"],
                    "exceed_above": row["exceed_above"],
                    "unit": row["unit"],
                    "population": row["population_kind"],
                    "input_labels": json.loads(row["input_labels"]),
                    "reporters": [codes[agency_id] for agency_id, *_ in reporters],
                    "reporters_proposed": [codes[a] for a, proposed, _, _ in reporters if proposed],
                    "reporter_evidence": {codes[a]: e for a, _, e, _ in reporters if e},
                    "reporter_scope": {codes[a]: scope for a, _, _, scope in reporters if scope},
                    "previous": row["previous_code"],
                }
            )
        targets.append(
            {"number": target["number"], "text": target["text"], "indicators": indicators}
        )
    return targets


def _export_task_groups(db: Database, plan_id: int, codes: dict[int, str]) -> list[dict[str, Any]]:
    groups = []
    for group in db.query(
        "SELECT id, section, number, title FROM task_groups WHERE plan_id = ?"
        " ORDER BY section = 'duty', number",
        [plan_id],
    ):
        tasks = []
        for task in db.query(
            "SELECT id, text, time_frame, planned_output FROM tasks WHERE group_id = ?"
            " ORDER BY position, id",
            [group["id"]],
        ):
            roles = db.execute(
                "SELECT t.agency_id, t.role, t.proposed, t.evidence FROM task_assignments t"
                " JOIN agencies a ON a.id = t.agency_id WHERE t.task_id = ? ORDER BY a.position",
                [task["id"]],
            ).fetchall()
            tasks.append(
                {
                    "text": task["text"],
                    "time_frame": task["time_frame"],
                    "planned_output": task["planned_output"],
                    "lead": [codes[a] for a, role, _, _ in roles if role == "lead"],
                    "coordinators": [codes[a] for a, role, _, _ in roles if role == "coordinator"],
                    "proposed": [codes[a] for a, _, proposed, _ in roles if proposed],
                    "evidence": {codes[a]: e for a, _, _, e in roles if e},
                }
            )
        groups.append(
            {
                "section": group["section"],
                "number": group["number"],
                "title": group["title"],
                "tasks": tasks,
            }
        )
    return groups
