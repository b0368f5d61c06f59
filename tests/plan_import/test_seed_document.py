"""The embedded plan and the reader agree: the seed's own text (a PDF's text, broken lines and
decomposed accents), the same plan typed in Word, and the same plan as a PDF each read into a
plan equal to the embedded one, in everything the document says
(`comparison.document_content` lists what that covers)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlite_utils import Database

from sxtdbv_desktop.plan_file import default_plan_path, plan_data, read_plan_file
from sxtdbv_desktop.plan_import.comparison import document_content
from sxtdbv_desktop.plan_import.draft import Draft
from sxtdbv_desktop.plan_import.reader import read_plan
from sxtdbv_desktop.plan_import.reference import local_units
from sxtdbv_desktop.plan_import.saving import save_draft
from sxtdbv_desktop.plan_import.sources import read_document
from tests.plan_import.documents import seed_paragraphs, write_docx, write_pdf
from tests.test_default_plan_data import SEED_PATH


@pytest.fixture(scope="module")
def embedded() -> dict[str, Any]:
    return document_content(read_plan_file(default_plan_path()))


def read(path: Path) -> Draft:
    return read_plan(read_document(path))


def test_the_seed_text_reads_as_the_embedded_plan(embedded: dict[str, Any]) -> None:
    draft = read(SEED_PATH)
    assert document_content(draft.data) == embedded


def test_the_seed_typed_in_word_reads_as_the_embedded_plan(
    embedded: dict[str, Any], tmp_path: Path
) -> None:
    path = write_docx(seed_paragraphs(), tmp_path / "ke-hoach-2023.docx")
    draft = read(path)
    assert draft.source_name == "ke-hoach-2023.docx"
    assert document_content(draft.data) == embedded


def test_the_seed_as_a_pdf_reads_as_the_embedded_plan(
    embedded: dict[str, Any], tmp_path: Path
) -> None:
    path = write_pdf(seed_paragraphs(), tmp_path / "ke-hoach-2023.pdf")
    assert document_content(read(path).data) == embedded


def test_what_the_reader_found_in_the_seed(embedded: dict[str, Any]) -> None:
    draft = read(SEED_PATH)
    content = document_content(draft.data)
    content_groups = [g for g in content["task_groups"] if g["section"] == "content"]
    duty_groups = [g for g in content["task_groups"] if g["section"] == "duty"]
    assert [len(g["tasks"]) for g in content_groups] == [7, 5, 4, 1]
    assert len(duty_groups) == 12
    kinds = {i["code"]: (i["kind"], i["threshold"], i["exceed_above"])
             for t in content["targets"] for i in t["indicators"]}  # fmt: skip
    assert kinds == {
        "1": ("count", 1, 2),
        "2a": ("share", 80, None),
        "2b": ("share", 50, None),
        "3": ("share", 80, None),
        "4a": ("reduction", 40, None),
        "4b": ("reduction", 20, None),
        "5": ("yes_no", 70, None),
        "6": ("yes_no", 100, None),
    }
    assert content["plan"]["total_budget"] == 3_235_715_000
    assert [s["name"] for s in content["funding_sources"]][-1] == "Ngân sách huyện"
    assert content["plan"]["reporting_deadline"] == "2023-12-10"


def test_the_seed_draft_flags_what_the_document_does_not_say() -> None:
    draft = read(SEED_PATH)
    keys = {flag.key for flag in draft.flags}
    assert keys == {
        "plan.issuing_body",  # no letterhead: taken from the basis, "UBND Tỉnh Đồng Tháp"
        "plan.document_number",  # the seed has no number nor date of its own
        "agencies.local",  # the 12 districts come from the reference list
        "indicator 6",  # the agencies under UBND Tỉnh are a proposal
        "group content 4",  # no bullets: the sentence is the task
        "content.assignments",  # the appendix assigning the tasks is not in the document
        "budget.sources",  # the sources' names are ours
        "duty 10",  # "các sở, ban, ngành … có liên quan" are not named
        "indicators.reporters",  # who reports indicators 1 to 4
    }
    assert not draft.blocking()
    flag = next(f for f in draft.flags if f.key == "duty 10")
    assert flag.where == "Mục V.10"
    assert flag.source.startswith("Các sở, ban, ngành và UBND huyện, thành phố")


def test_the_reference_districts_are_the_embedded_plans() -> None:
    data = read_plan_file(default_plan_path())
    districts = [
        {k: a[k] for k in ("code", "name", "short_name")}
        for a in data["agencies"]
        if a["kind"] == "district"
    ]
    import datetime as dt

    known = local_units("Đồng Tháp", dt.date(2023, 1, 1))
    assert known is not None
    assert [{"code": u.code, "name": u.name, "short_name": u.short_name} for u in known.units] == (
        districts
    )
    assert local_units("Đồng Tháp", dt.date(2025, 7, 1)) is None  # no district level any more


def test_the_saved_seed_plan_is_the_embedded_plan_in_the_file(
    empty_db: Database, embedded: dict[str, Any]
) -> None:
    draft = read(SEED_PATH)
    plan_id = save_draft(empty_db, draft, accept_flagged=True)
    assert document_content(plan_data(empty_db, plan_id)) == embedded


def test_a_draft_with_unresolved_flags_is_not_saved(empty_db: Database) -> None:
    draft = read(SEED_PATH)
    with pytest.raises(Exception, match="còn 9 điểm cần kiểm tra"):
        save_draft(empty_db, draft)
    for flag in draft.flags:
        draft.resolve(flag.key)
    assert save_draft(empty_db, draft) > 0
