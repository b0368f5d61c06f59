"""Reports built once per session (each pytest-xdist worker builds its own): the default plan
with no reports, and 30 agency reports. Tests only read them."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from sxtdbv_desktop.plan_file import load_default_plan
from sxtdbv_desktop.report.compose import compose
from sxtdbv_desktop.report.content import ConsolidatedReport, build_report
from sxtdbv_desktop.report.document import Document
from sxtdbv_desktop.report.output import save_pdf
from sxtdbv_desktop.storage import open_database
from sxtdbv_desktop.summary import build_summary
from tests.conftest import TEST_ACTOR
from tests.report.sample_reports import REPORT_DATE, build_sample


@dataclass(frozen=True)
class Built:
    db_path: Path
    plan_id: int
    report: ConsolidatedReport
    document: Document
    pdf: Path
    pages: int
    summary: dict[str, Any]


def _build(folder: Path, reports: int | None) -> Built:
    db_path = folder / "sxtdbv.sqlite"
    db = open_database(db_path, TEST_ACTOR)
    try:
        plan_id = load_default_plan(db)
        if reports is not None:
            build_sample(db, plan_id, reports=reports)
        report = build_report(db, plan_id, REPORT_DATE)
        summary = build_summary(db, plan_id, REPORT_DATE)
    finally:
        db.close()
    document = compose(report)
    pdf = folder / "bao-cao.pdf"
    pages = save_pdf(document, pdf)
    return Built(db_path, plan_id, report, document, pdf, pages, summary)


@pytest.fixture(scope="session")
def thirty(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Built]:
    """The default plan with 30 of its 32 expected agencies reporting (synthetic data)."""
    yield _build(tmp_path_factory.mktemp("thirty"), 30)


@pytest.fixture(scope="session")
def empty(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Built]:
    """The default plan as loaded: no report received yet."""
    yield _build(tmp_path_factory.mktemp("empty"), None)
