"""How long the consolidated report takes: gathering the figures, composing the words, writing
the PDF and the Word document (both from the same composed document), and the .xlsx.

Two cases on the default plan with synthetic reports (tests/report/sample_reports.py):
30 agency reports (a realistic year; target: each format in under 0,5 s), and a stress case
where those 30 agencies report on every task, about 180 pages. Prints the best of 3 rounds.
"""

from __future__ import annotations

import datetime as dt
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # for the sample data of the tests

from sxtdbv_desktop.plan_file import load_default_plan  # noqa: E402
from sxtdbv_desktop.report.compose import compose  # noqa: E402
from sxtdbv_desktop.report.content import build_report  # noqa: E402
from sxtdbv_desktop.report.output import save_appendix_xlsx, save_docx, save_pdf  # noqa: E402
from sxtdbv_desktop.storage import open_database  # noqa: E402
from tests.report.sample_reports import build_sample  # noqa: E402

REPORT_DATE = dt.date(2024, 1, 5)
T = TypeVar("T")


def best_of(rounds: int, work: Callable[[], T]) -> tuple[float, T]:
    """The shortest time of `rounds` runs of `work` (at least one), and its last result."""
    started = time.perf_counter()
    result = work()
    best = time.perf_counter() - started
    for _ in range(rounds - 1):
        started = time.perf_counter()
        result = work()
        best = min(best, time.perf_counter() - started)
    return best, result


def measure(name: str, folder: Path, *, every_task: bool, rounds: int = 3) -> None:
    db = open_database(folder / f"{name}.sqlite")
    plan_id = load_default_plan(db)
    build_sample(db, plan_id, reports=30, every_task=every_task)
    gathered, report = best_of(rounds, lambda: build_report(db, plan_id, REPORT_DATE))
    db.close()
    composed, document = best_of(rounds, lambda: compose(report))
    pdf, docx = folder / f"{name}.pdf", folder / f"{name}.docx"
    pdf_time, pages = best_of(rounds, lambda: save_pdf(document, pdf))
    word_time, _ = best_of(rounds, lambda: save_docx(document, docx))
    xlsx_time, _ = best_of(1, lambda: save_appendix_xlsx(document, folder / f"{name}.xlsx"))
    print(
        f"{name:<26} figures {gathered:5.3f} s  words {composed:5.3f} s  "
        f"PDF {pdf_time:5.2f} s ({pages} pages, {pdf.stat().st_size / 1024:5.0f} KiB)  "
        f"Word {word_time:5.2f} s ({docx.stat().st_size / 1024:5.0f} KiB)  xlsx {xlsx_time:5.2f} s"
    )


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        measure("30 agency reports", Path(folder), every_task=False)
        measure("stress: 30 x every task", Path(folder), every_task=True)


if __name__ == "__main__":
    main()
