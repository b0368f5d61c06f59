"""Programs the fault tests start as separate processes, then kill or starve.

Run as `python -m tests.faults.workers KIND DB_PATH`. Each prints `begin N` before and
`done N` after the N-th transaction, so that the test can kill it inside one and check that
the transaction is either wholly there or wholly absent.

`form_imports` is the real importer (`sxtdbv_desktop.excel.imports`, as the window and the
`import` command use it) applied over and over to big filled forms that the test wrote beside
the data file (`write_big_forms`), alternating between them so that each import changes the
whole report.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

import openpyxl
from sqlite_utils import Database

from sxtdbv_desktop import labels, logs, reports, tasks
from sxtdbv_desktop.consolidation import main_period
from sxtdbv_desktop.errors import SxtdbvError
from sxtdbv_desktop.excel.form_spec import (
    INDICATOR_COLUMNS,
    INDICATORS,
    TASK_COLUMNS,
    TASKS,
    TEXT_COLUMNS,
    TEXTS,
    parse_key,
)
from sxtdbv_desktop.excel.forms import write_form
from sxtdbv_desktop.excel.imports import apply_import, check_file
from sxtdbv_desktop.indicators import list_indicators
from sxtdbv_desktop.plans import list_plans
from sxtdbv_desktop.reports import IndicatorValue, ReportContent, TaskResultInput
from sxtdbv_desktop.session import open_session
from sxtdbv_desktop.storage import AppDatabase
from tests.excel.filling import keyed_rows
from tests.factories import agency_id

AGENCY = "HLapVo"
LONG = 2000  # repetitions of the version text in each task result: a big import, each
# result within the longest text a field holds (text.PARAGRAPHS_MAX) up to version 999


def version_text(version: int) -> str:
    return f"phiên bản {version}"


def import_content(db: AppDatabase, plan_id: int, version: int) -> ReportContent:
    """A whole report whose every part names `version`: what one imported form replaces."""
    text = version_text(version)
    indicator = next(i for i in list_indicators(db, plan_id) if i.code == "1")
    return ReportContent(
        general_assessment=text,
        difficulties=text,
        task_results=[
            TaskResultInput(task_id=t.id, status="in_progress", progress=version % 101,
                            result=" ".join([text + "."] * LONG))
            for t in tasks.list_tasks(db, plan_id)
        ],
        indicator_values=[IndicatorValue(report_id=0, indicator_id=indicator.id,
                                         count_value=version)],
    )  # fmt: skip


def run_imports(db: AppDatabase, plan_id: int) -> None:
    period, agency = main_period(db, plan_id).id, agency_id(db, plan_id, AGENCY)
    version = 1
    while True:
        content = import_content(db, plan_id, version)
        print(f"begin {version}", flush=True)
        reports.replace_report(
            db, period, agency, content, received_on=dt.date(2023, 12, 5),
            source_file_name=f"{version_text(version)}.xlsx",
        )  # fmt: skip
        print(f"done {version}", flush=True)
        version += 1


def run_edits(db: AppDatabase, plan_id: int) -> None:
    """Many small edits, each group of three in one transaction (as one dialog's "Lưu")."""
    period, agency = main_period(db, plan_id).id, agency_id(db, plan_id, AGENCY)
    report = reports.ensure_report(db, period, agency)
    task = tasks.list_tasks(db, plan_id)[0]
    indicator = next(i for i in list_indicators(db, plan_id) if i.code == "1")
    version = 1
    while True:
        print(f"begin {version}", flush=True)
        with db.atomic():
            reports.update_texts(db, report.id, proposals=version_text(version))
            reports.set_task_result(
                db, report.id, TaskResultInput(task_id=task.id, result=version_text(version))
            )
            reports.set_indicator_value(
                db,
                report.id,
                IndicatorValue(report_id=0, indicator_id=indicator.id, count_value=version),
            )
        print(f"done {version}", flush=True)
        version += 1


def run_full_disk(db: AppDatabase, plan_id: int) -> None:
    """Import a big report on a disk with room for only a few more pages."""
    (pages,) = db.execute("PRAGMA page_count").fetchone()
    db.execute(f"PRAGMA max_page_count = {pages + 8}")
    period, agency = main_period(db, plan_id).id, agency_id(db, plan_id, AGENCY)
    reports.replace_report(
        db, period, agency, import_content(db, plan_id, 99), received_on=dt.date(2023, 12, 6)
    )


# --- the real importer on big filled forms -----------------------------------------------------

FORMS_FOLDER = "bieu-mau"
FORM_VERSIONS = 2
FORM_REPEAT = 2000  # repetitions of the version text in each task's result: near Excel's
# limit of 32 767 characters a cell


def forms_folder(db_path: Path) -> Path:
    return db_path.parent / FORMS_FOLDER


def form_name(version: int) -> str:
    return f"BaoCao_{AGENCY}_2023_{version}.xlsx"


def form_result(version: int) -> str:
    return " ".join([version_text(version) + "."] * FORM_REPEAT)


def form_value(version: int, name: str) -> int:
    """What form `version` answers for an indicator input (a total above its count)."""
    if name == "answer":
        return version % 2
    return version + 1 if name == "denominator" else version


def write_big_forms(db: Database, plan_id: int, folder: Path) -> list[Path]:
    """Give the agency every task of the plan, then write its form filled FORM_VERSIONS
    ways, every answer naming its version."""
    agency = agency_id(db, plan_id, AGENCY)
    for task in tasks.list_tasks(db, plan_id):
        if agency not in task.lead_ids + task.coordinator_ids:
            tasks.assign(db, task.id, list(task.lead_ids), [*task.coordinator_ids, agency])
    folder.mkdir(exist_ok=True)
    empty = write_form(db, plan_id, agency, folder / "trong.xlsx")
    written = []
    for version in range(1, FORM_VERSIONS + 1):
        wb = openpyxl.load_workbook(empty)
        for row, _ in keyed_rows(wb, TASKS):
            cells = {TASK_COLUMNS.status: labels.TASK_STATUSES["in_progress"],
                     TASK_COLUMNS.progress: version, TASK_COLUMNS.result: form_result(version),
                     TASK_COLUMNS.spent: version * 1000}  # fmt: skip
            for column, value in cells.items():
                wb[TASKS].cell(row, column).value = value
        for row, text in keyed_rows(wb, INDICATORS):
            key = parse_key(text)
            assert key is not None
            value = form_value(version, key.name)
            shown = labels.YES_NO[value] if key.name == "answer" else value
            wb[INDICATORS].cell(row, INDICATOR_COLUMNS.value).value = shown
        for row, _ in keyed_rows(wb, TEXTS):
            wb[TEXTS].cell(row, TEXT_COLUMNS.value).value = version_text(version)
        wb.save(folder / form_name(version))
        written.append(folder / form_name(version))
    empty.unlink()
    return written


def run_form_imports(db: AppDatabase, plan_id: int, folder: Path) -> None:
    """Import the filled forms in turn, each checked then applied as the window does."""
    version = 1
    while True:
        path = folder / form_name((version - 1) % FORM_VERSIONS + 1)
        check = check_file(db, path, plan_id=plan_id)
        print(f"begin {version}", flush=True)  # the write starts: kill in here
        apply_import(db, check, today=dt.date(2023, 12, 5))
        print(f"done {version}", flush=True)
        version += 1


WORKERS = {"imports": run_imports, "edits": run_edits, "full_disk": run_full_disk}


def open_as_the_window(path: Path) -> int:
    """Open the file as the window does (integrity check, automatic backup) and close it."""
    try:
        session = open_session(path)
    except SxtdbvError as error:
        print(f"Lỗi: {error.message}", file=sys.stderr, flush=True)
        return 1
    print(session.backup_file or "", flush=True)
    session.close()
    return 0


def describe_session(path: Path) -> int:
    """Open the file as the window does and print how it opened, as JSON."""
    try:
        session = open_session(path)
    except SxtdbvError as error:
        print(f"Lỗi: {error.message}", file=sys.stderr, flush=True)
        return 1
    plans = len(list_plans(session.db))
    state = {"read_only": session.read_only_reason, "warnings": session.warnings, "plans": plans}
    print(json.dumps(state, ensure_ascii=False), flush=True)
    session.close()
    return 0


def main(kind: str, path: str) -> int:
    logs.setup_logging()  # as the program does: events to the log file, not the console
    if kind == "open":
        return open_as_the_window(Path(path))
    if kind == "session":
        return describe_session(Path(path))
    session = open_session(Path(path), safeguards=False)
    try:
        plan_id = list_plans(session.db)[0].id
        if kind == "form_imports":
            run_form_imports(session.db, plan_id, forms_folder(Path(path)))
        else:
            WORKERS[kind](session.db, plan_id)
    except SxtdbvError as error:  # the boundary: what the window or the CLI would show
        print(f"Lỗi: {error.message}", file=sys.stderr, flush=True)
        return 1
    finally:
        session.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
