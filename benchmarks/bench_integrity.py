"""How long the safeguards take when a file is opened: integrity_check against quick_check,
and the automatic backup, on files from a fresh plan up to ten years of every agency's reports.

Prints its figures; `python3 tools/dev.py bench integrity`.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import tempfile
import time
from pathlib import Path

from sxtdbv_desktop import backup, reports, tasks
from sxtdbv_desktop.agencies import reporting_agencies
from sxtdbv_desktop.consolidation import main_period
from sxtdbv_desktop.plan_file import load_default_plan
from sxtdbv_desktop.plans import copy_plan
from sxtdbv_desktop.reports import ReportContent, TaskResultInput
from sxtdbv_desktop.storage import open_database

PARAGRAPH = (
    "Đã tổ chức tuyên truyền, phổ biến về sản xuất và tiêu dùng bền vững tới doanh nghiệp, "
    "hợp tác xã và người dân trên địa bàn; phối hợp hướng dẫn áp dụng sản xuất sạch hơn. "
) * 6


def fill(path: Path, years: int) -> None:
    """A file with `years` plans, every reporting agency's report in each, twice imported."""
    db = open_database(path)
    plan_id = load_default_plan(db)
    for year in range(years):
        if year:
            plan_id = copy_plan(db, plan_id, 2023 + year)
        period = main_period(db, plan_id).id
        content = ReportContent(
            general_assessment=PARAGRAPH,
            task_results=[
                TaskResultInput(task_id=t.id, status="done", progress=100, result=PARAGRAPH)
                for t in tasks.list_tasks(db, plan_id)
            ],
        )
        for agency in reporting_agencies(db, plan_id):
            for _ in range(2):
                reports.replace_report(
                    db, period, agency.id, content, received_on=dt.date(2023 + year, 12, 1)
                )
    db.close()


def milliseconds(start: float) -> float:
    return (time.perf_counter() - start) * 1000


def measure(path: Path) -> tuple[float, float, float]:
    """integrity_check, quick_check and an automatic backup of `path`, in milliseconds."""
    conn = sqlite3.connect(str(path))
    start = time.perf_counter()
    conn.execute("PRAGMA integrity_check").fetchall()
    full = milliseconds(start)
    start = time.perf_counter()
    conn.execute("PRAGMA quick_check").fetchall()
    quick = milliseconds(start)
    conn.close()
    db = open_database(path)
    start = time.perf_counter()
    backup.auto_backup(db, path)
    copy = milliseconds(start)
    db.close()
    return full, quick, copy


def main() -> None:
    print(f"{'năm dữ liệu':>12} {'dung lượng':>12} {'integrity':>10} {'quick':>8} {'sao lưu':>9}")
    for years in (1, 3, 10):
        path = Path(tempfile.mkdtemp()) / "sxtdbv.sqlite"
        fill(path, years)
        full, quick, copy = measure(path)
        size = path.stat().st_size / 1_000_000
        print(f"{years:>12} {size:>10.1f}MB {full:>8.0f}ms {quick:>6.0f}ms {copy:>7.0f}ms")


if __name__ == "__main__":
    main()
