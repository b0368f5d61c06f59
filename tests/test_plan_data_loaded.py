"""The embedded default plan, as loaded into a new database, and copying it to the next year."""

from __future__ import annotations

import unicodedata

import pytest
from sqlite_utils import Database

from sxtdbv_desktop import consolidation
from sxtdbv_desktop.agencies import add_agency, list_agencies
from sxtdbv_desktop.errors import ConflictError
from sxtdbv_desktop.indicators import list_indicators, reporter_ids, reporters_by_indicator
from sxtdbv_desktop.plan_file import load_default_plan
from sxtdbv_desktop.plans import copy_plan, get_plan
from sxtdbv_desktop.reports import list_periods
from sxtdbv_desktop.tasks import (
    CONTENT,
    assign,
    assignments,
    confirm_assignments,
    list_groups,
    list_tasks,
)


def test_default_plan_holds_the_seeds_figures(db: Database, plan_id: int) -> None:
    plan = get_plan(db, plan_id)
    assert (plan.province, plan.year, plan.total_budget) == ("Đồng Tháp", 2023, 3_235_715_000)
    assert plan.reporting_deadline.isoformat() == "2023-12-10"
    assert [i.code for i in list_indicators(db, plan_id)] == [
        "1",
        "2a",
        "2b",
        "3",
        "4a",
        "4b",
        "5",
        "6",
    ]
    assert [len(list_tasks(db, plan_id, CONTENT))] == [17]
    assert len(list_groups(db, plan_id, CONTENT)) == 4
    districts = [a for a in list_agencies(db, plan_id) if a.kind == "district"]
    assert len(districts) == 12


def test_default_plan_proposes_a_lead_for_every_task_of_section_three(
    db: Database, plan_id: int
) -> None:
    content = list_tasks(db, plan_id, CONTENT)
    assert all(t.is_assigned and t.is_proposal for t in content)
    proposals = [a for a in assignments(db, plan_id) if a.proposed]
    assert {a.task_id for a in proposals} >= {t.id for t in content}
    assert all(a.evidence for a in proposals)
    confirmed = confirm_assignments(db, plan_id, [content[0].id])
    assert confirmed == len(content[0].lead_ids) + len(content[0].coordinator_ids)
    assert not list_tasks(db, plan_id, CONTENT)[0].is_proposal
    assert list_tasks(db, plan_id, CONTENT)[1].is_proposal


def test_default_plan_has_someone_to_report_every_indicator(db: Database, plan_id: int) -> None:
    reporters = reporters_by_indicator(db, plan_id)
    for indicator in list_indicators(db, plan_id):
        assert reporters[indicator.id], indicator.code
    six = next(i for i in list_indicators(db, plan_id) if i.code == "6")
    assert len(reporters[six.id]) == 12
    assert all(r.proposed for r in reporters[six.id])


def test_assigning_by_hand_confirms_and_keeps_the_evidence(db: Database, plan_id: int) -> None:
    task = list_tasks(db, plan_id, CONTENT)[2]
    assign(db, task.id, list(task.lead_ids), list(task.coordinator_ids[:1]))
    kept = [a for a in assignments(db, plan_id) if a.task_id == task.id]
    assert len(kept) == 2
    assert all(not a.proposed and a.evidence for a in kept)


def test_a_new_district_joins_the_units_of_indicator_five(db: Database, plan_id: int) -> None:
    five = next(i for i in list_indicators(db, plan_id) if i.code == "5")
    new = add_agency(db, plan_id, "HMoi", "UBND huyện Mới", "district")
    assert new in reporter_ids(db, five)
    assert len(reporter_ids(db, five)) == 13


def test_every_stored_text_is_nfc(db: Database) -> None:
    for table in db.tables:
        text_columns = [c.name for c in table.columns if c.type == "TEXT"]
        for row in table.rows:
            for column in text_columns:
                value = row[column]
                if isinstance(value, str):
                    assert unicodedata.is_normalized("NFC", value), (table.name, column)


def test_loading_the_same_plan_twice_is_refused_and_changes_nothing(db: Database) -> None:
    (before,) = db.execute("SELECT count(*) FROM tasks").fetchone()
    with pytest.raises(ConflictError, match="Đã có kế hoạch năm 2023"):
        load_default_plan(db)
    assert db.execute("SELECT count(*) FROM tasks").fetchone()[0] == before


def test_copying_to_the_next_year_keeps_structure_and_restarts_figures(
    db: Database, plan_id: int
) -> None:
    new_id = copy_plan(db, plan_id, 2024)
    new = get_plan(db, new_id)
    assert new.year == 2024
    assert "năm 2024" in new.title and "2023" not in new.title
    assert new.reporting_deadline.isoformat() == "2024-12-10"
    assert new.total_budget == 0
    assert new.copied_from_id == plan_id
    assert len(list_tasks(db, new_id)) == len(list_tasks(db, plan_id))
    assert len(list_agencies(db, new_id)) == len(list_agencies(db, plan_id))
    assert [p.code for p in list_periods(db, new_id)] == ["2024"]
    focal = next(a for a in list_agencies(db, new_id) if a.id == new.focal_agency_id)
    assert focal.code == "SoCT" and focal.plan_id == new_id
    old_duty = next(t for t in list_tasks(db, plan_id) if t.lead_ids)
    new_duty = next(t for t in list_tasks(db, new_id) if t.text == old_duty.text)
    assert len(new_duty.lead_ids) == len(old_duty.lead_ids)
    assert not set(new_duty.lead_ids) & set(old_duty.lead_ids)
    assert consolidation.reporting_summary(db, new_id).received == 0
    old_proposals = [a for a in assignments(db, plan_id) if a.proposed]
    new_proposals = [a for a in assignments(db, new_id) if a.proposed]
    assert [a.evidence for a in new_proposals] == [a.evidence for a in old_proposals]
    assert get_plan(db, new_id).document_number == ""


def test_copying_onto_an_existing_year_is_refused(db: Database, plan_id: int) -> None:
    copy_plan(db, plan_id, 2024)
    with pytest.raises(ConflictError):
        copy_plan(db, plan_id, 2024)
