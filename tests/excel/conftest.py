"""Fixtures of the Excel tests: a plan where every kind of form row occurs, and its forms."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlite_utils import Database

from sxtdbv_desktop.excel.forms import write_forms
from sxtdbv_desktop.plan_file import load_default_plan
from sxtdbv_desktop.storage import open_database
from tests.conftest import TEST_ACTOR
from tests.excel.filling import prepare_plan


@pytest.fixture
def excel_plan(db: Database, plan_id: int) -> int:
    """The default plan with some section III tasks and indicators 1–4 assigned."""
    prepare_plan(db, plan_id)
    return plan_id


@pytest.fixture(scope="session")
def _session_forms(tmp_path_factory: pytest.TempPathFactory) -> Path:
    # Writing 23 forms takes half a second: do it once. Forms name tasks and indicators by
    # reference and code, so they fit every test's `excel_plan` (the same plan, prepared alike).
    folder = tmp_path_factory.mktemp("bieu-mau")
    db = open_database(folder / "mau.sqlite", TEST_ACTOR)
    try:
        plan_id = load_default_plan(db)
        prepare_plan(db, plan_id)
        write_forms(db, plan_id, folder / "forms")
    finally:
        db.close()
    return folder / "forms"


@pytest.fixture
def forms_dir(excel_plan: int, _session_forms: Path) -> Path:
    """Empty forms of every agency of the plan (shared: copy before changing one)."""
    return _session_forms
