"""How long the consolidated report takes: gathering the figures, laying out the PDF, the .xlsx.

Two cases on the default plan with synthetic reports (tests/report/sample_reports.py):
30 agency reports (a realistic year), and a stress case where those 30 agencies report on
every task, about 180 pages. Prints seconds per page.
"""

from __future__ import annotations

import datetime as dt
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # for the sample data of the tests

from sxtdbv_desktop.plan_file import load_default_plan  # noqa: E402
from sxtdbv_desktop.report.content import build_report  # noqa: E402
from sxtdbv_desktop.report.output import save_appendix_xlsx, save_pdf  # noqa: E402
from sxtdbv_desktop.storage import open_database  # noqa: E402
from tests.report.sample_reports import build_sample  # noqa: E402

REPORT_DATE = dt.date(2024, 1, 5)


def measure(name: str, folder: Path, *, every_task: bool, rounds: int = 3) -> None:
    db = open_database(folder / f"{name}.sqlite")
    plan_id = load_default_plan(db)
    build_sample(db, plan_id, reports=30, every_task=every_task)
    started = time.perf_counter()
    report = build_report(db, plan_id, REPORT_DATE)
    gathered = time.perf_counter() - started
    db.close()
    best = float("inf")
    pages = 0
    for _ in range(rounds):
        started = time.perf_counter()
        pages = save_pdf(report, folder / f"{name}.pdf")
        best = min(best, time.perf_counter() - started)
    started = time.perf_counter()
    save_appendix_xlsx(report, folder / f"{name}.xlsx")
    workbook = time.perf_counter() - started
    size = (folder / f"{name}.pdf").stat().st_size / 1024
    print(
        f"{name:<28} {pages:>4} pages  figures {gathered:6.3f} s  PDF {best:6.2f} s "
        f"({best / pages * 1000:5.1f} ms/page, {pages / best:5.0f} pages/s, {size:6.0f} KiB)  "
        f"xlsx {workbook:5.2f} s"
    )


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        measure("30 agency reports", Path(folder), every_task=False)
        measure("stress: 30 x every task", Path(folder), every_task=True)


if __name__ == "__main__":
    main()
