"""Screenshots of importing a plan from its document and of last year beside this year, for
the README (docs/screenshots/).

Builds a demonstration file: the embedded 2023 plan with a year of reports, copied to 2024
with another year of reports; then shows the overview of 2024 beside 2023, and the review
wizard on the seed's text rewritten as the 2025 plan (so that its indicators are linked to
2024's). Run it under a real X server:

    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python tools/plan_import_screenshots.py
"""

from __future__ import annotations

import datetime as dt
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QWidget
from sqlite_utils import Database

from sxtdbv_desktop import installation, reports
from sxtdbv_desktop.agencies import list_agencies
from sxtdbv_desktop.consolidation import main_period
from sxtdbv_desktop.indicators import list_indicators
from sxtdbv_desktop.plan_file import load_default_plan
from sxtdbv_desktop.plan_import.reader import read_plan
from sxtdbv_desktop.plan_import.sources import read_document
from sxtdbv_desktop.plans import copy_plan
from sxtdbv_desktop.reports import IndicatorValue, ReportContent
from sxtdbv_desktop.session import open_session

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots"
SEED = ROOT / "tests" / "data" / "seed_plan_dong_thap_2023.txt"
# Each year's figures reported by the Sở Công Thương, and the districts that answered "no" to
# indicator 5: 2024 moved most figures toward the targets.
# Per year: each indicator's figure (a count, or a pair: numerator and denominator, baseline and
# current) and the districts that answer no to indicator 5.
YEARS: dict[int, tuple[dict[str, int | tuple[int, int]], set[str]]] = {
    2023: ({"1": 1, "2a": (9, 11), "2b": (5, 12), "3": (40, 48), "4a": (12_000, 6_800),
            "4b": (8_000, 6_900)}, {"HLapVo", "HTanHong", "HTamNong", "HCaoLanh"}),
    2024: ({"1": 2, "2a": (10, 11), "2b": (4, 12), "3": (44, 48), "4a": (6_800, 3_900),
            "4b": (6_900, 5_300)}, {"HTanHong"}),
}  # fmt: skip


def a_year_of_reports(db: Database, plan_id: int, year: int) -> None:
    period = main_period(db, plan_id).id
    by_code = {i.code: i.id for i in list_indicators(db, plan_id)}
    figures, said_no = YEARS[year]
    values = [IndicatorValue(0, by_code["6"], answer=1)]
    for code, figure in figures.items():
        if isinstance(figure, int):
            values.append(IndicatorValue(0, by_code[code], count_value=figure))
        elif code.startswith("4"):
            values.append(IndicatorValue(0, by_code[code], baseline=figure[0], current=figure[1]))
        else:
            values.append(IndicatorValue(0, by_code[code], numerator=figure[0],
                                         denominator=figure[1]))  # fmt: skip
    received = dt.date(year, 12, 5)
    for agency in list_agencies(db, plan_id):
        if agency.code == "SoCT":
            content = ReportContent("Đã triển khai.", indicator_values=values)
        elif agency.kind == "district":
            answer = IndicatorValue(0, by_code["5"], answer=int(agency.code not in said_no))
            content = ReportContent("Đã triển khai.", indicator_values=[answer])
        else:
            continue
        reports.replace_report(db, period, agency.id, content, received_on=received)


def two_years(db: Database) -> int:
    """The default plan with 2023's reports, copied to 2024 with 2024's; 2024's id."""
    first = load_default_plan(db)
    a_year_of_reports(db, first, 2023)
    second = copy_plan(db, first, 2024)
    a_year_of_reports(db, second, 2024)
    return second


def grab(widget: QWidget, name: str) -> None:
    QApplication.processEvents()
    path = OUT / f"{name}.png"
    widget.grab().save(str(path))
    print(f"đã lưu {path.relative_to(ROOT)}")


def main() -> int:
    from sxtdbv_ui import commands
    from sxtdbv_ui.app import application
    from sxtdbv_ui.main_window import MainWindow
    from sxtdbv_ui.plan_import.wizard import ReviewWizard
    from sxtdbv_ui.workspace import Workspace

    OUT.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp())
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    app = application()
    data_file = open_session(folder / "demo.sqlite")
    db = data_file.db
    plan_2024 = two_years(db)
    installation.set_up(db, installation.CONSOLIDATING, "Nguyễn Thị Lan")
    session = Workspace(db, plan_2024)
    session.today = lambda: dt.date(2024, 12, 20)
    window = MainWindow(session)
    commands.install(window, data_file)
    window.resize(1366, 768)
    window.show()
    grab(window, "12-so-voi-nam-truoc")
    text = SEED.read_text(encoding="utf-8").replace("năm 2023", "năm 2025")
    document = folder / "KeHoach_SXTDBV_2025.txt"
    document.write_text(text.replace("10/12/2023", "10/12/2025"), encoding="utf-8")
    session.set_plan(plan_2024)
    wizard = ReviewWizard(session, read_plan(read_document(document)), window)
    wizard.resize(1360, 760)

    def shoot() -> None:
        wizard.next()
        wizard.indicators_page.table.setCurrentCell(4, 1)
        grab(wizard, "11-nhap-ke-hoach-chi-tieu")
        wizard.next()
        wizard.flags_page.table.setCurrentCell(7, 2)
        for row in range(5):
            item = wizard.flags_page.table.item(row, 0)
            if item is not None:
                item.setCheckState(item.checkState().Checked)
        grab(wizard, "11-nhap-ke-hoach-kiem-tra")
        wizard.reject()

    QTimer.singleShot(400, shoot)
    wizard.exec()
    window.close()
    data_file.close()
    app.processEvents()
    return 0


if __name__ == "__main__":
    sys.exit(main())
