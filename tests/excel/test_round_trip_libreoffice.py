"""The round trip that matters: forms for every agency, filled by a script, re-saved by
LibreOffice Calc (as an agency without Microsoft Office would), imported; the consolidated
summary reflects every value. `.ci/run` installs LibreOffice when it is missing."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from sqlite_utils import Database

from sxtdbv_desktop.agencies import list_agencies
from sxtdbv_desktop.excel.errors import FormError
from sxtdbv_desktop.excel.imports import apply_import, check_file
from sxtdbv_desktop.indicators import list_indicators, reporter_ids
from sxtdbv_desktop.summary import build_summary
from tests.excel.filling import Filled, Style, fill_file
from tests.excel.test_import_forms import assert_stored
from tests.sizes import size

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
pytestmark = pytest.mark.skipif(
    SOFFICE is None,
    reason="LibreOffice (soffice) is not installed: .ci/run installs libreoffice-calc-nogui",
)
STYLES = [
    Style(),
    Style(numbers_as_text=True),
    Style(nfd=True),
    Style(legacy="tcvn3"),
    Style(legacy="vni"),
]
RECEIVED = dt.date(2023, 12, 5)


def resave_with_calc(files: list[Path], folder: Path, profile: Path, to: str = "xlsx") -> None:
    """Open each file in LibreOffice Calc and save it again (headless, a private profile)."""
    folder.mkdir()
    assert SOFFICE is not None
    command = [
        SOFFICE,
        f"-env:UserInstallation={profile.as_uri()}",
        "--headless",
        "--norestore",
        "--convert-to",
        to,
        "--outdir",
        str(folder),
        *map(str, files),
    ]
    done = subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    assert len(list(folder.iterdir())) == len(files), done.stdout + done.stderr


def test_forms_filled_resaved_by_calc_and_imported_reach_the_summary(
    db: Database, excel_plan: int, forms_dir: Path, tmp_path: Path
) -> None:
    agencies = [a for a in list_agencies(db, excel_plan) if a.must_report]
    filled_dir = tmp_path / "da-dien"
    filled_dir.mkdir()
    filled: dict[str, Filled] = {}
    for index, agency in enumerate(agencies):
        name = f"BaoCao_{agency.code}_2023.xlsx"
        style = STYLES[index % len(STYLES)]
        filled[agency.code] = fill_file(forms_dir / name, filled_dir / name, agency.code, style)
    # Every form goes through Calc; in a quick run one of each style (tests/sizes.py), the
    # others are imported as filled.
    through_calc = size(full=len(agencies), quick=len(STYLES))
    names = [f"BaoCao_{agency.code}_2023.xlsx" for agency in agencies]
    resaved = tmp_path / "calc"
    to_calc = [filled_dir / name for name in names[:through_calc]]
    resave_with_calc(to_calc, resaved, tmp_path / "lo-profile")
    for path in resaved.iterdir():
        with zipfile.ZipFile(path) as archive:
            assert b"LibreOffice" in archive.read("docProps/app.xml")

    for path in [*sorted(resaved.iterdir()), *(filled_dir / n for n in names[through_calc:])]:
        check = check_file(db, path, plan_id=excel_plan)
        assert check.has_changes
        apply_import(db, check, today=RECEIVED)

    for agency in agencies:
        assert_stored(db, excel_plan, agency.code, filled[agency.code])
    summary = build_summary(db, excel_plan, today=RECEIVED)
    by_code = {a.id: a.code for a in agencies}
    for indicator, row in zip(list_indicators(db, excel_plan), summary["indicators"], strict=True):
        reporters = [by_code[a] for a in reporter_ids(db, indicator)]
        values = [filled[code].indicators[indicator.code] for code in reporters]
        assert row["reports"] == len(reporters) > 0
        expected = _consolidated(indicator.kind, values)
        assert (row["value"], row["numerator"], row["denominator"]) == expected, indicator.code
    spent = sum(amount for f in filled.values() for amount in f.spending.values())
    assert summary["budget"]["reported_spent"] == spent
    reporting = summary["reporting"]
    assert (reporting["received"], reporting["on_time"], reporting["missing"]) == (24, 24, 0)


def _consolidated(kind: str, values: list[dict[str, int]]) -> tuple[int | None, ...]:
    if kind == "count":
        return sum(v["count_value"] for v in values), None, None
    if kind == "share":
        return None, sum(v["numerator"] for v in values), sum(v["denominator"] for v in values)
    if kind == "reduction":
        baseline = sum(v["baseline"] for v in values)
        return None, baseline - sum(v["current"] for v in values), baseline
    return None, sum(v["answer"] for v in values), len(values)


def test_a_form_saved_by_calc_as_xls_is_refused_with_advice(
    db: Database, excel_plan: int, forms_dir: Path, tmp_path: Path
) -> None:
    source = tmp_path / "BaoCao_SoCT_2023.xlsx"
    fill_file(forms_dir / source.name, source, "xls")
    resave_with_calc([source], tmp_path / "xls", tmp_path / "lo-profile", to="xls")
    with pytest.raises(FormError) as caught:
        check_file(db, tmp_path / "xls" / "BaoCao_SoCT_2023.xls")
    assert caught.value.message.startswith(
        "Tệp BaoCao_SoCT_2023.xls: tệp ở định dạng Excel 97-2003 (.xls); hãy mở bằng Excel"
    )
