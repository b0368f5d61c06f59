"""The Word report as another program lays it out: LibreOffice Writer converts it to PDF
(which also proves the file opens without a repair), and the PDF is read back like the
program's own: A4, the 30 mm left margin, page numbers centred in the top margin from page 2,
each appendix numbered on its own, the text in a Times-metric font. `.ci/run` installs
LibreOffice Writer when it is missing.

LibreOffice gets the bundled Liberation Serif through a private fontconfig file, as Word on
Windows has Times New Roman: without it, it would lay the text out in whatever serif font the
machine has."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest
from pypdf import PageObject, PdfReader
from pypdf.generic import DictionaryObject

from sxtdbv_desktop.paths import resource_path
from sxtdbv_desktop.report.document import MARGINS_MM, PAGE_NUMBER_SIZE
from sxtdbv_desktop.report.docx import write_docx
from sxtdbv_desktop.report.fonts import FAMILY, REGULAR, text_width
from tests.present import present
from tests.report.pdf_reading import MM, Run, flat, fonts, runs
from tests.report.sample_document import sample_document

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


def has_writer(soffice: str | None) -> bool:
    """Whether LibreOffice has Writer (a Calc-only install cannot convert a .docx)."""
    if soffice is None:
        return False
    program = Path(soffice).resolve().parent
    return any(program.glob("libswlo.*")) or any(program.glob("swlo.dll"))


pytestmark = pytest.mark.skipif(
    not has_writer(SOFFICE),
    reason="LibreOffice Writer (soffice) is not installed: .ci/run installs "
    "libreoffice-writer-nogui",
)
A4 = (210 * MM, 297 * MM)


@dataclass(frozen=True)
class Converted:
    pdf: Path
    reader: PdfReader


def fontconfig(folder: Path) -> Path:
    """A fontconfig file: the system's fonts plus the bundled ones, with its own cache."""
    config = folder / "fonts.conf"
    config.write_text(
        '<?xml version="1.0"?>\n<fontconfig>\n'
        '  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n'
        f"  <dir>{resource_path('fonts')}</dir>\n"
        f"  <cachedir>{folder / 'cache'}</cachedir>\n"
        "</fontconfig>\n",
        encoding="utf-8",
    )
    return config


def convert(docx_path: Path, folder: Path) -> Path:
    assert SOFFICE is not None
    env = dict(os.environ, FONTCONFIG_FILE=str(fontconfig(folder)))
    command = [
        SOFFICE,
        f"-env:UserInstallation={(folder / 'profile').as_uri()}",
        "--headless",
        "--norestore",
        "--convert-to",
        "pdf",
        "--outdir",
        str(folder),
        str(docx_path),
    ]
    done = subprocess.run(
        command, capture_output=True, text=True, timeout=300, check=False, env=env
    )
    pdf = folder / docx_path.with_suffix(".pdf").name
    assert done.returncode == 0 and pdf.exists(), done.stdout + done.stderr
    return pdf


@pytest.fixture(scope="module")
def converted(tmp_path_factory: pytest.TempPathFactory) -> Converted:
    folder = tmp_path_factory.mktemp("libreoffice")
    docx_path = folder / "bao-cao.docx"
    write_docx(sample_document(), docx_path)
    pdf = convert(docx_path, folder)
    return Converted(pdf, PdfReader(pdf))


def size(page: PageObject) -> tuple[float, float]:
    return float(page.mediabox.width), float(page.mediabox.height)


def page_number(page: PageObject) -> Run | None:
    """The text in the top margin, if any."""
    _width, height = size(page)
    found = [run for run in runs(page) if run.y > height - MARGINS_MM["top"] * MM]
    assert len(found) <= 1, found
    return found[0] if found else None


def sections(reader: PdfReader) -> list[list[PageObject]]:
    """The pages of the report, then of each appendix (each starts with its label)."""
    labels = {appendix.label for appendix in sample_document().appendices}
    found: list[list[PageObject]] = []
    for page in reader.pages:
        texts = [run.text for run in runs(page)]
        if not found or (texts and texts[0] in labels):
            found.append([])
        found[-1].append(page)
    return found


def test_every_page_is_a4_in_its_sections_orientation(converted: Converted) -> None:
    grouped = sections(converted.reader)
    assert len(grouped) == 3
    for pages, landscape in zip(grouped, (False, False, True), strict=True):
        expected = A4[::-1] if landscape else A4
        for page in pages:
            assert size(page) == pytest.approx(expected, abs=0.5)


def test_the_body_text_starts_at_the_30_mm_left_margin(converted: Converted) -> None:
    first = converted.reader.pages[0]
    left = min(run.x for run in runs(first))
    assert left == pytest.approx(MARGINS_MM["left"] * MM, abs=1.0)


def test_pages_are_numbered_from_2_in_each_section(converted: Converted) -> None:
    grouped = sections(converted.reader)
    assert len(grouped[0]) >= 2 and len(grouped[2]) >= 2  # the numbering is seen running
    for pages in grouped:
        assert page_number(pages[0]) is None
        for number, page in enumerate(pages[1:], start=2):
            found = page_number(page)
            assert found is not None and found.text == str(number)


def test_page_numbers_are_centred_over_the_text(converted: Converted) -> None:
    for pages in sections(converted.reader):
        for page in pages[1:]:
            found = page_number(page)
            assert found is not None
            width, _height = size(page)
            left, right = MARGINS_MM["left"] * MM, width - MARGINS_MM["right"] * MM
            middle = found.x + text_width(found.text, REGULAR, PAGE_NUMBER_SIZE) / 2
            assert middle == pytest.approx((left + right) / 2, abs=2)


def test_the_text_reads_back_in_vietnamese_in_a_times_metric_font(converted: Converted) -> None:
    text = flat(" ".join(page.extract_text() for page in converted.reader.pages))
    for expected in (
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Đồng Tháp, ngày 05 tháng 01 năm 2024",
        "Nơi nhận:",
        "KT. GIÁM ĐỐC",
        "Bảng 2. Kết quả thực hiện từng nhiệm vụ",
        "Hình 1. Kết quả các chỉ tiêu so với mức kế hoạch",
    ):
        assert expected in text
    used = {name.split("+")[-1].split("-")[0] for name in fonts(converted.reader)}
    assert used == {FAMILY}


def drawn_pictures(page: PageObject) -> list[int]:
    """The pixel widths of the pictures the page draws (LibreOffice lists every picture of
    the file in each page's resources, so the drawing operators tell)."""
    names = re.findall(rb"/([^\s/]+)\s+Do\b", present(page.get_contents()).get_data())
    resources = page["/Resources"]
    assert isinstance(resources, DictionaryObject)
    objects = resources.get("/XObject", {})
    drawn = [objects[f"/{name.decode()}"].get_object() for name in names]
    return [int(o["/Width"]) for o in drawn if o.get("/Subtype") == "/Image"]


def test_the_charts_are_drawn_where_they_belong_at_300_dpi(converted: Converted) -> None:
    body, _first, landscape = sections(converted.reader)
    assert [drawn_pictures(page) for page in body][1] == [round(165 / 25.4 * 300)]
    assert drawn_pictures(landscape[-1]) == [round(180 / 25.4 * 300)]
    assert sum(len(drawn_pictures(page)) for page in converted.reader.pages) == 2
