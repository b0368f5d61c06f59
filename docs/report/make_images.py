"""Regenerate the page images of the README: `python docs/report/make_images.py`.

The yearly cycle of tests/cycle (the default plan, forms out, 22 of 24 agencies' realistic
answers imported, two late, one incomplete), reported on 05/01/2024 in both variants. Each
image sets a page of the PDF (left) beside the same page of the Word file as LibreOffice lays
it out (right), at 60 dpi in grey. Needs pdftoppm (poppler-utils) and soffice (LibreOffice
Writer), with the bundled fonts made visible to it as Word on Windows has Times New Roman.
"""

from __future__ import annotations

import contextlib
import io
import os
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(ROOT))  # for the cycle of the tests

from PIL import Image  # noqa: E402

from sxtdbv_desktop.paths import resource_path  # noqa: E402
from sxtdbv_desktop.report.compose import document_of  # noqa: E402
from sxtdbv_desktop.report.output import save_docx, save_pdf  # noqa: E402
from sxtdbv_desktop.report_settings import SO, UBND  # noqa: E402
from sxtdbv_desktop.storage import open_database  # noqa: E402
from tests.cycle.run import REPORT_DAY, yearly_cycle  # noqa: E402

DPI = "60"


def both(folder: Path, data: Path, variant: str) -> tuple[Path, Path]:
    """The report as PDF, and its .docx converted to PDF by LibreOffice."""
    db = open_database(data)
    try:
        document = document_of(db, 1, REPORT_DAY, variant)
    finally:
        db.close()
    pdf, docx = folder / f"{variant}.pdf", folder / f"{variant}.docx"
    save_pdf(document, pdf)
    save_docx(document, docx)
    word = folder / "word"
    config = folder / "fonts.conf"
    config.write_text(
        '<?xml version="1.0"?>\n<fontconfig>\n'
        '  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n'
        f"  <dir>{resource_path('fonts')}</dir>\n</fontconfig>\n",
        encoding="utf-8",
    )
    subprocess.run(
        ["soffice", f"-env:UserInstallation={(folder / 'profile').as_uri()}", "--headless",
         "--convert-to", "pdf", "--outdir", str(word), str(docx)],
        check=True, capture_output=True, env=dict(os.environ, FONTCONFIG_FILE=str(config)),
    )  # fmt: skip
    return pdf, word / f"{variant}.pdf"


def page_image(pdf: Path, page: int) -> Image.Image:
    root = pdf.with_name(f"{pdf.stem}-{page}")
    subprocess.run(
        ["pdftoppm", "-png", "-r", DPI, "-f", str(page), "-l", str(page), "-singlefile",
         str(pdf), str(root)],
        check=True,
    )  # fmt: skip
    with Image.open(root.with_suffix(".png")) as image:
        return image.convert("L")


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


def side_by_side(pdf: Path, word: Path, text: str, out: Path) -> None:
    left, right = page_image(pdf, page_with(pdf, text)), page_image(word, page_with(word, text))
    gap = 12
    image = Image.new("L", (left.width + gap + right.width, max(left.height, right.height)), 160)
    image.paste(left, (0, 0))
    image.paste(right, (left.width + gap, 0))
    image.save(out, optimize=True)
    print(out.name)


def main() -> None:
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        with contextlib.redirect_stdout(io.StringIO()):
            data = yearly_cycle(folder)
        pdf, word = both(folder, data, SO)
        for file_name, text in {
            "so-page-1.png": "BÁO CÁO",
            "so-indicators.png": "Bảng 1.",
            "so-budget.png": "Bảng 2.",
            "so-assessment.png": "III. ĐÁNH GIÁ CHUNG",
            "so-signature.png": "Nơi nhận:",
            "so-appendix-tasks.png": "Phụ lục I\n",
            "so-appendix-indicators.png": "Phụ lục II\n",
            "so-appendix-reporting.png": "Phụ lục III\n",
        }.items():
            side_by_side(pdf, word, text, HERE / file_name)
        pdf, word = both(folder, data, UBND)
        side_by_side(pdf, word, "BÁO CÁO", HERE / "ubnd-page-1.png")


if __name__ == "__main__":
    main()
