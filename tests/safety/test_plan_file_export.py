"""The consolidating unit's plan, written as a plan file and read back by an agency."""

from __future__ import annotations

import json
from pathlib import Path

from sqlite_utils import Database

from sxtdbv_desktop import budget, installation, plan_file, tasks
from sxtdbv_desktop.storage import open_database
from sxtdbv_desktop.summary import build_summary
from tests.conftest import TEST_ACTOR
from tests.factories import agency_id


def _fresh(path: Path) -> Database:
    return open_database(path, TEST_ACTOR)


def test_the_default_plan_survives_a_round_trip(db: Database, plan_id: int, tmp_path: Path) -> None:
    first = plan_file.write_plan_file(db, plan_id, tmp_path / "ke-hoach.json")
    other = _fresh(tmp_path / "other.sqlite")
    try:
        reloaded = plan_file.load_plan(other, plan_file.read_plan_file(first))
        assert plan_file.plan_data(other, reloaded) == plan_file.plan_data(db, plan_id)
        assert build_summary(other, reloaded) == build_summary(db, plan_id)
    finally:
        other.close()


def test_the_export_says_what_the_embedded_file_says(db: Database, plan_id: int) -> None:
    original = plan_file.read_plan_file(plan_file.default_plan_path())
    exported = plan_file.plan_data(db, plan_id)
    for key, value in original["plan"].items():
        assert exported["plan"][key] == value, key
    for key in ("agencies", "objectives", "recipients", "funding_sources", "periods"):
        assert exported[key] == original[key], key
    for theirs, ours in zip(original["targets"], exported["targets"], strict=True):
        assert {k: v for k, v in ours.items() if k != "indicators"} == {
            k: v for k, v in theirs.items() if k != "indicators"
        }
        for indicator, exported_indicator in zip(
            theirs["indicators"], ours["indicators"], strict=True
        ):
            for key, value in indicator.items():
                assert exported_indicator[key] == value, (indicator["code"], key)
    texts = [t["text"] for g in original["task_groups"] for t in g["tasks"]]
    assert [t["text"] for g in exported["task_groups"] for t in g["tasks"]] == texts


def test_the_units_assignments_reach_the_agency(db: Database, plan_id: int, tmp_path: Path) -> None:
    task = tasks.list_tasks(db, plan_id)[0]
    tasks.assign(
        db, task.id, [agency_id(db, plan_id, "SoTNMT")], [agency_id(db, plan_id, "HLapVo")]
    )
    budget.set_estimate(db, budget.list_sources(db, plan_id)[0].id, 1_200_000_000)
    path = plan_file.write_plan_file(db, plan_id, tmp_path / "ke-hoach.json")
    agency = _fresh(tmp_path / "don-vi.sqlite")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        installation.set_up(agency, installation.AGENCY, "Lê Văn B", "HLapVo", plan_data=data)
        (plan,) = [p["id"] for p in agency.query("SELECT id FROM plans")]
        own = installation.own_agency(agency, plan)
        assert own is not None
        assert task.text in [t.text for t in tasks.tasks_of_agency(agency, plan, own.id)]
        assert budget.list_sources(agency, plan)[0].estimate == 1_200_000_000
    finally:
        agency.close()
