"""Every part of a plan is editable, including a plan made from nothing: objectives, targets
and indicators (kind, threshold, unit, upper figure, link to last year's), task groups,
funding sources, the deadline; each change checked first, nothing saved on error."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlite_utils import Database

from sxtdbv_desktop import plan_editing as edit
from sxtdbv_desktop.agencies import add_agency
from sxtdbv_desktop.budget import add_line, list_sources
from sxtdbv_desktop.consolidation import main_period
from sxtdbv_desktop.errors import ConflictError, ValidationError
from sxtdbv_desktop.indicators import get_indicator, list_indicators, reporter_ids
from sxtdbv_desktop.numbering import task_references
from sxtdbv_desktop.plan_sections import list_sections, set_section
from sxtdbv_desktop.plans import get_plan, objectives, update_plan
from sxtdbv_desktop.tasks import add_task, list_groups


def test_a_plan_made_from_nothing_gets_every_part(empty_db: Database) -> None:
    db = empty_db
    plan_id = edit.create_blank_plan(db, "Cần Thơ", 2026, dt.date(2026, 12, 15))
    update_plan(db, plan_id, local_unit_name="xã, phường", document_number="12/KH-UBND",
                signed_on=dt.date(2026, 1, 20), issuing_body="UBND thành phố Cần Thơ")  # fmt: skip
    plan = get_plan(db, plan_id)
    assert (plan.local_units, plan.citation) == ("xã, phường", "Kế hoạch số 12/KH-UBND ngày "
                                                 "20/01/2026")  # fmt: skip
    assert main_period(db, plan_id).deadline == dt.date(2026, 12, 15)
    edit.add_objective(db, plan_id, "Nâng cao nhận thức.", part="Mục đích")
    assert objectives(db, plan_id) == ["Nâng cao nhận thức."]
    target = edit.add_target(db, plan_id, "70% xã, phường tổ chức tuyên truyền.")
    for code in ("PhuongNinhKieu", "XaPhongDien"):
        add_agency(db, plan_id, code, f"UBND {code}", "district")
    indicator = edit.add_indicator(db, target, "1", "yes_no", 70, population="district",
                                   plan_text="70% xã, phường")  # fmt: skip
    assert len(reporter_ids(db, get_indicator(db, indicator))) == 2
    group = edit.add_group(db, plan_id, "content", "Tuyên truyền")
    add_task(db, group, "Tổ chức hội nghị.")
    set_section(db, plan_id, "content", "II", "NHIỆM VỤ")
    assert list(task_references(db, plan_id).values()) == ["II.1.1"]
    assert list_sections(db, plan_id)["content"].heading == "NHIỆM VỤ"
    source = edit.add_source(db, plan_id, "Ngân sách thành phố")
    edit.rename_source(db, source, "Ngân sách thành phố Cần Thơ")
    assert [s.name for s in list_sources(db, plan_id)] == ["Ngân sách thành phố Cần Thơ"]
    edit.set_deadline(db, plan_id, dt.date(2026, 12, 10))
    assert main_period(db, plan_id).deadline == dt.date(2026, 12, 10)


def test_an_indicator_changes_kind_unit_and_upper_figure(db: Database, plan_id: int) -> None:
    one = next(i for i in list_indicators(db, plan_id) if i.code == "1")
    edit.update_indicator(db, one.id, threshold=2, exceed_above=4, unit="doanh nghiệp")
    changed = get_indicator(db, one.id)
    assert (changed.threshold, changed.exceed_above, changed.unit) == (2, 4, "doanh nghiệp")
    edit.update_indicator(db, one.id, kind="share", threshold=60, exceed_above=None)
    assert get_indicator(db, one.id).unit == "%"
    with pytest.raises(ValidationError, match="cần chọn ai trả lời"):
        edit.update_indicator(db, one.id, kind="yes_no")
    edit.update_indicator(db, one.id, kind="yes_no", population="district")
    assert get_indicator(db, one.id).population_kind == "district"
    with pytest.raises(ValidationError, match="không được vượt quá 100"):
        edit.update_indicator(db, one.id, threshold=120)
    with pytest.raises(ConflictError, match="Mã chỉ tiêu 2a đã được dùng"):
        edit.update_indicator(db, one.id, code="2a")


def test_groups_are_renumbered_only_without_clashes(db: Database, plan_id: int) -> None:
    first = list_groups(db, plan_id, "content")[0]
    with pytest.raises(ConflictError, match="Đã có nhóm số 2"):
        edit.update_group(db, first.id, first.title, number=2)
    edit.update_group(db, first.id, "Truyền thông", number=9)
    assert "III.9.1" in task_references(db, plan_id).values()


def test_a_source_in_use_is_not_deleted(db: Database, plan_id: int) -> None:
    source = list_sources(db, plan_id)[0]
    add_line(db, plan_id, source.id, allocated=1_000)
    with pytest.raises(ConflictError, match="đã có dòng phân bổ"):
        edit.delete_source(db, source.id)
    unused = list_sources(db, plan_id)[1]
    edit.delete_source(db, unused.id)
    assert len(list_sources(db, plan_id)) == 4


def test_a_second_plan_for_the_same_year_is_refused(db: Database) -> None:
    with pytest.raises(ConflictError, match="Đã có kế hoạch năm 2023 của Đồng Tháp"):
        edit.create_blank_plan(db, "Đồng Tháp", 2023, dt.date(2023, 12, 10))
