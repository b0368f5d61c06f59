"""Regenerate the page images of the README: `python docs/report/make_images.py`.

The default plan as loaded (no report received yet) and the same plan with 30 synthetic agency
reports (tests/report/sample_reports.py), dated 05/01/2024, a few pages each at 70 dpi (needs
pdftoppm from poppler-utils).
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))  # for the sample data of the tests

from PIL import Image  # noqa: E402

from sxtdbv_desktop.plan_file import load_default_plan  # noqa: E402
from sxtdbv_desktop.report.content import build_report  # noqa: E402
from sxtdbv_desktop.report.output import save_pdf  # noqa: E402
from sxtdbv_desktop.storage import open_database  # noqa: E402
from tests.report.sample_reports import build_sample  # noqa: E402

DATE = dt.date(2024, 1, 5)


def pdf_of(folder: Path, name: str, reports: int | None) -> Path:
    db = open_database(folder / f"{name}.sqlite")
    plan_id = load_default_plan(db)
    if reports:
        build_sample(db, plan_id, reports=reports)
    report = build_report(db, plan_id, DATE)
    db.close()
    path = folder / f"{name}.pdf"
    save_pdf(report, path)
    return path


def page_image(pdf: Path, page: int, out: Path) -> None:
    subprocess.run(
        ["pdftoppm", "-png", "-r", "70", "-f", str(page), "-l", str(page), "-singlefile",
         str(pdf), str(out.with_suffix(""))],
        check=True,
    )  # fmt: skip
    Image.open(out).convert("L").save(out, optimize=True)  # grey: a third of the size


def page_with(pdf: Path, text: str) -> int:
    """The first page whose text contains `text` (pdftotext)."""
    page = 1
    while True:
        done = subprocess.run(
            ["pdftotext", "-f", str(page), "-l", str(page), str(pdf), "-"],
            check=True, capture_output=True, text=True,
        )  # fmt: skip
        if text in done.stdout:
            return page
        page += 1


def main() -> None:
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        empty = pdf_of(folder, "default", None)
        thirty = pdf_of(folder, "thirty", 30)
        shots = {
            "default-plan-page-1.png": (empty, 1),
            "default-plan-tables.png": (empty, 2),
            "default-plan-appendix.png": (empty, page_with(empty, "Phụ lục I\n")),
            "thirty-reports-page-1.png": (thirty, 1),
            "thirty-reports-indicators.png": (thirty, page_with(thirty, "Bảng 1.")),
            "thirty-reports-budget-reporting.png": (thirty, page_with(thirty, "Bảng 2.")),
            "thirty-reports-signature.png": (thirty, page_with(thirty, "Nơi nhận:")),
            "thirty-reports-appendix.png": (thirty, page_with(thirty, "Phụ lục I\n")),
        }
        for file_name, (pdf, page) in shots.items():
            page_image(pdf, page, HERE / file_name)
            print(f"{file_name}: page {page}")


if __name__ == "__main__":
    main()
