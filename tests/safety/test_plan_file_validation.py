"""A plan file is checked completely (structure, types, texts, references) before anything of
it is written, and can only create what a plan file describes: a crafted file changes nothing."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sqlite_utils import Database

from sxtdbv_desktop import installation, plan_file
from sxtdbv_desktop.excel.forms import write_form
from sxtdbv_desktop.plan_file_check import PlanFileError
from tests.factories import agency_id
from tests.safety.helpers import snapshot
from tests.safety.test_control_characters import well_formed

Data = dict[str, Any]


@pytest.fixture
def next_year() -> Data:
    """The default plan as next year's plan file, as the Sở would send it."""
    data = plan_file.read_plan_file(plan_file.default_plan_path())
    data["plan"]["year"] = 2024
    data["plan"]["reporting_deadline"] = "2024-12-10"
    data["periods"] = [{"code": "2024", "name": "Năm 2024", "starts_on": "2024-01-01",
                        "ends_on": "2024-12-31", "deadline": "2024-12-10"}]  # fmt: skip
    return data


@pytest.fixture
def agency_db(db: Database) -> Database:
    installation.set_up(db, installation.AGENCY, "Trần Thị Nhập", "HLapVo")
    return db


def write(tmp_path: Path, data: object) -> Path:
    path = tmp_path / "ke-hoach-2024.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def refused(db: Database, tmp_path: Path, data: object) -> PlanFileError:
    before = snapshot(db)
    with pytest.raises(PlanFileError) as caught:
        installation.load_plan_file(db, write(tmp_path, data))
    assert snapshot(db) == before  # nothing written, not even in the audit log
    assert caught.value.message.startswith("Tệp kế hoạch ke-hoach-2024.json: không hợp lệ")
    return caught.value


def test_a_crafted_period_cannot_join_the_existing_plan(
    agency_db: Database, plan_id: int, next_year: Data, tmp_path: Path
) -> None:
    next_year["periods"][0]["plan_id"] = plan_id  # the guards are off while loading
    error = refused(agency_db, tmp_path, next_year)
    assert "Kỳ báo cáo thứ 1: có mục «plan_id» mà tệp kế hoạch không có." in error.problems


def test_a_colliding_id_is_refused_before_sqlite_sees_it(
    agency_db: Database, next_year: Data, tmp_path: Path
) -> None:
    next_year["agencies"][0]["id"] = 1
    error = refused(agency_db, tmp_path, next_year)
    assert any("«id»" in p for p in error.problems)


MUTATIONS: dict[str, Callable[[Data], None]] = {
    "missing year": lambda d: d["plan"].pop("year"),
    "missing agency kind": lambda d: d["agencies"][0].pop("kind"),
    "missing tasks": lambda d: d["task_groups"][0].pop("tasks"),
    "year as text": lambda d: d["plan"].update(year="2024"),
    "budget as float": lambda d: d["plan"].update(total_budget=3.5e9),
    "bad deadline": lambda d: d["plan"].update(reporting_deadline="10/12/2024"),
    "plan not an object": lambda d: d.update(plan=[]),
    "unknown lead": lambda d: d["task_groups"][0]["tasks"][0].update(lead=["KhongCo"]),
    "lead and coordinator": lambda d: d["task_groups"][0]["tasks"][0].update(
        lead=["SoCT"], coordinators=["SoCT"]
    ),
    "agency code with a control": lambda d: d["agencies"][0].update(code="So\x0bCT"),
    "agency code twice": lambda d: d["agencies"][1].update(code=d["agencies"][0]["code"]),
    "indicator code twice": lambda d: d["targets"][1]["indicators"][0].update(code="1"),
    "threshold above 100": lambda d: d["targets"][1]["indicators"][0].update(threshold=180),
    "period ends first": lambda d: d["periods"][0].update(ends_on="2023-01-01"),
    "text too long": lambda d: d["objectives"].append("x" * 40_000),
    # the optional keys of format version 2, each with a wrong value
    "document_number": lambda d: d["plan"].update(document_number=12),
    "signed_on": lambda d: d["plan"].update(signed_on="02/02/2024"),
    "basis": lambda d: d["agencies"][0].update(basis=["căn cứ"]),
    "proposed": lambda d: d["task_groups"][0]["tasks"][0].update(proposed=["HLapVo"]),
    "evidence": lambda d: d["task_groups"][0]["tasks"][0].update(evidence={"KhongCo": "x"}),
    "reporters": lambda d: d["targets"][0]["indicators"][0].update(reporters=["KhongCo"]),
    "reporters_proposed": lambda d: d["targets"][0]["indicators"][0].update(
        reporters=["SoCT"], reporters_proposed=["SoTNMT"]
    ),
    "reporter_evidence": lambda d: d["targets"][0]["indicators"][0].update(
        reporter_evidence="SoCT"
    ),
    "reporter_scope": lambda d: d["targets"][0]["indicators"][0].update(reporter_scope={"SoCT": 5}),
    "section numeral": lambda d: d.update(sections={"content": {"numeral": "3", "heading": ""}}),
    "unknown section": lambda d: d.update(sections={"appendix": {"numeral": "VI"}}),
    "local units": lambda d: d["plan"].update(local_unit_name=["xã"]),
    "objective part": lambda d: d["objectives"].append({"part": 1, "text": "Yêu cầu."}),
    "previous": lambda d: d["targets"][0]["indicators"][0].update(previous=7),
}


@pytest.mark.parametrize("mutation", MUTATIONS, ids=list(MUTATIONS))
def test_every_part_is_checked_and_nothing_is_written(
    agency_db: Database, next_year: Data, tmp_path: Path, mutation: str
) -> None:
    broken = copy.deepcopy(next_year)
    MUTATIONS[mutation](broken)
    error = refused(agency_db, tmp_path, broken)
    assert error.problems


def test_control_characters_in_texts_are_cleaned_and_the_form_exports(
    agency_db: Database, next_year: Data, tmp_path: Path
) -> None:
    task = next_year["task_groups"][0]["tasks"][0]
    task["text"] = "Tuyên truyền\x0bvề tiêu dùng\x0cbền vững\ufffe"
    new_plan = installation.load_plan_file(agency_db, write(tmp_path, next_year))
    (stored,) = agency_db.execute(
        "SELECT text FROM tasks WHERE plan_id = ? ORDER BY id LIMIT 1", [new_plan]
    ).fetchone()
    assert stored == "Tuyên truyền\nvề tiêu dùng\nbền vững"
    own = agency_id(agency_db, new_plan, "HLapVo")
    well_formed(write_form(agency_db, new_plan, own, tmp_path))


def test_a_version_1_plan_file_still_loads(empty_db: Database, next_year: Data) -> None:
    old = copy.deepcopy(next_year)
    old["format_version"] = 1
    for key in ("document_number", "signed_on"):
        old["plan"].pop(key, None)
    for agency in old["agencies"]:
        agency.pop("basis", None)
    for target in old["targets"]:
        for indicator in target["indicators"]:
            for key in ("reporters", "reporters_proposed", "reporter_evidence", "reporter_scope"):
                indicator.pop(key, None)
    for group in old["task_groups"]:
        for task in group["tasks"]:
            task.pop("proposed", None)
            task.pop("evidence", None)
    assert plan_file.load_plan(empty_db, old)
