"""Screenshots of the real window at 1366×768, for the README (docs/screenshots/) and the user
guide (sxtdbv_desktop/resources/help/anh/, narrower copies).

Builds the demonstration file of tools/demo_data.py in a temporary folder, opens the main window
on it as of 14/12/2023 and saves one PNG per tab, per dialog, the consolidated report's
preview, the forms dialog, the import preview and the user guide. Run it under a real X
server to see real fonts and styles:

    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python tools/screenshots.py
"""

from __future__ import annotations

import datetime as dt
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PIL import Image  # reportlab's dependency
from PySide6.QtCore import QSettings, QSize, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QWidget
from sqlite_utils import Database

sys.path.insert(0, str(Path(__file__).resolve().parent))

from demo_data import TODAY, agency, demonstration

from sxtdbv_desktop import installation, reports
from sxtdbv_desktop.consolidation import main_period
from sxtdbv_desktop.plan_file import load_default_plan
from sxtdbv_desktop.session import open_session

if TYPE_CHECKING:
    from sxtdbv_ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots"
GUIDE = ROOT / "sxtdbv_desktop" / "resources" / "help" / "anh"
GUIDE_WIDTH = 900  # pixels: the guide's pictures, read beside the window
SCREEN = QSize(1366, 768)

# README picture -> the user guide's copy of it
FOR_THE_GUIDE = {
    "1-tong-quan": "tong-quan",
    "2-nhiem-vu": "nhiem-vu",
    "3-chi-tieu": "chi-tieu",
    "4-kinh-phi": "kinh-phi",
    "5-bao-cao-don-vi": "bao-cao-don-vi",
    "7-bao-cao-cua-don-vi": "bao-cao-cua-don-vi",
    "11-bao-cao-tong-hop": "bao-cao-tong-hop",
    "13-tao-bieu-mau": "tao-bieu-mau",
    "14-xem-truoc-nhap": "xem-truoc-nhap",
}


def grab(widget: QWidget, name: str) -> None:
    QApplication.processEvents()
    image = widget.grab().toImage()
    path = OUT / f"{name}.png"
    image.save(str(path))
    print(f"đã lưu {path.relative_to(ROOT)}")
    if name in FOR_THE_GUIDE:
        if image.width() > GUIDE_WIDTH:
            image = image.scaledToWidth(GUIDE_WIDTH, Qt.TransformationMode.SmoothTransformation)
        copy = GUIDE / f"{FOR_THE_GUIDE[name]}.png"
        image.save(str(copy))
        as_palette(copy)
        print(f"đã lưu {copy.relative_to(ROOT)}")


def as_palette(path: Path) -> None:
    """Rewrite a PNG with 256 colours: a third of the size, no difference to see in a window's
    picture, and the guide's pictures go into the bundle (1,3 MB → 0,5 MB)."""
    with Image.open(path) as picture:
        rgb = picture.convert("RGB")
    palette = rgb.quantize(256, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
    palette.save(path, optimize=True)


def grab_dialog(dialog: QDialog, name: str, prepare: Callable[[], None] | None = None) -> None:
    def take() -> None:
        if prepare is not None:
            prepare()
        grab(dialog, name)
        dialog.reject()

    QTimer.singleShot(400, take)
    dialog.exec()


def wait_until(condition: Callable[[], bool], seconds: float = 60) -> None:
    deadline = dt.datetime.now() + dt.timedelta(seconds=seconds)
    while not condition():
        if dt.datetime.now() > deadline:
            raise TimeoutError("the window did not get ready in time")
        QApplication.processEvents()


def pause(seconds: float) -> None:
    """Let the window paint what it does in the background (the PDF's pages)."""
    until = dt.datetime.now() + dt.timedelta(seconds=seconds)
    while dt.datetime.now() < until:
        QApplication.processEvents()


def first_start_window(folder: Path) -> None:
    """0-khoi-dong: the window on the embedded plan as a new clerk sees it, weeks after the
    plan's year (the overview says the year is over; the charts say there is no data yet)."""
    from sxtdbv_ui import commands
    from sxtdbv_ui.main_window import MainWindow
    from sxtdbv_ui.workspace import Workspace

    data_file = open_session(folder / "moi.sqlite")
    plan_id = load_default_plan(data_file.db)
    installation.set_up(data_file.db, installation.CONSOLIDATING, "Nguyễn Thị Lan")
    session = Workspace(data_file, plan_id)
    session.today = lambda: dt.date(2024, 1, 15)
    window = MainWindow(session)
    commands.install(window, data_file)
    window.resize(SCREEN)
    window.show()
    grab(window, "0-khoi-dong")
    window.close()
    data_file.close()


def tabs_and_dialogs(window: MainWindow, db: Database, plan_id: int) -> None:
    from sxtdbv_ui.dialogs.report_dialog import ReportDialog
    from sxtdbv_ui.dialogs.report_settings_dialog import ReportSettingsDialog

    names = ["1-tong-quan", "2-nhiem-vu", "3-chi-tieu", "4-kinh-phi", "5-bao-cao-don-vi",
             "6-co-quan"]  # fmt: skip
    for i, name in enumerate(names):
        window.tabs.setCurrentIndex(i)
        grab(window, name)
    report = reports.find_report(db, main_period(db, plan_id).id, agency(db, plan_id, "SoCT"))
    assert report is not None
    for page, name in ((0, "7-bao-cao-cua-don-vi"), (1, "8-so-lieu-chi-tieu-cua-don-vi"),
                       (3, "9-kho-khan-kien-nghi-cua-don-vi")):  # fmt: skip
        dialog = ReportDialog(window.session, report.id, window)
        dialog.pages.setCurrentIndex(page)
        grab_dialog(dialog, name)
    grab_dialog(ReportSettingsDialog(window.session, window), "10-thong-tin-bao-cao")


def report_preview(window: QWidget, db: Database, plan_id: int) -> None:
    from sxtdbv_ui.report_preview import open_report_preview

    preview = open_report_preview(window, db, plan_id, TODAY)
    assert preview is not None
    wait_until(preview.isVisible)
    preview.resize(960, 720)
    preview.go_to_page(0)
    pause(2)  # QPdfView renders the pages in the background
    grab(preview, "11-bao-cao-tong-hop")
    preview.close()


def user_guide(window: QWidget) -> None:
    from sxtdbv_ui.help_window import HelpWindow

    guide = HelpWindow(window)
    guide.resize(1000, 720)
    guide.show()
    guide.show_topic("nhan-bao-cao")
    grab(guide, "12-huong-dan-su-dung")
    guide.close()


def forms_and_import(window: QWidget, db: Database, plan_id: int, folder: Path) -> None:
    from sxtdbv_ui.excel.forms_dialog import FormsDialog
    from sxtdbv_ui.excel.import_flow import check_forms, read_forms
    from sxtdbv_ui.excel.preview_dialog import ImportPreviewDialog
    from sxtdbv_ui.operations import Progress

    forms = FormsDialog(db, plan_id, window)
    # The folder as a clerk's Windows shows it, not the build machine's.
    forms.folder.setText(r"C:\Users\Lan\Documents\BieuMau_SXTDBV_2023")
    grab_dialog(forms, "13-tao-bieu-mau")
    files = received_files(db, plan_id, folder)
    outcomes = check_forms(db, plan_id, files, read_forms(files, Progress()))
    preview = ImportPreviewDialog(outcomes, window, today=TODAY)
    preview.resize(1000, 620)
    grab_dialog(preview, "14-xem-truoc-nhap")


def received_files(db: Database, plan_id: int, folder: Path) -> list[Path]:
    """Three files as they come to the Sở: the corrected report of the Sở KH&CN, a district's
    incomplete form, and a file that is not a form."""
    from sxtdbv_desktop.excel.forms import write_form

    period = main_period(db, plan_id).id
    inbox = folder / "nhan"
    inbox.mkdir()
    khcn = agency(db, plan_id, "SoKHCN")
    returned = reports.find_report(db, period, khcn)
    assert returned is not None
    reports.update_texts(db, returned.id, general_assessment="Đã bổ sung kết quả chỉ tiêu 1.")
    corrected = write_form(
        db, plan_id, khcn, inbox, period_id=period, report=reports.get_report(db, returned.id)
    )
    reports.update_texts(db, returned.id, general_assessment="Đã triển khai.")
    empty = write_form(db, plan_id, agency(db, plan_id, "HHongNgu"), inbox, period_id=period)
    wrong = inbox / "bao cao (1).xlsx"
    wrong.write_text("không phải bảng tính", encoding="utf-8")
    return [corrected, empty, wrong]


def main() -> int:
    from sxtdbv_ui import commands
    from sxtdbv_ui.app import application
    from sxtdbv_ui.main_window import MainWindow
    from sxtdbv_ui.workspace import Workspace

    OUT.mkdir(parents=True, exist_ok=True)
    GUIDE.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp())
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    app = application()
    first_start_window(folder)
    data_file = open_session(folder / "demo.sqlite")
    db = data_file.db
    plan_id = demonstration(db)
    installation.set_up(db, installation.CONSOLIDATING, "Nguyễn Thị Lan")
    session = Workspace(data_file, plan_id)
    session.today = lambda: TODAY
    window = MainWindow(session)
    commands.install(window, data_file)  # the menus and toolbar as the program has them
    window.resize(SCREEN)
    window.show()
    tabs_and_dialogs(window, db, plan_id)
    report_preview(window, db, plan_id)
    forms_and_import(window, db, plan_id, folder)
    user_guide(window)  # last: its pictures are the ones just taken
    window.close()
    data_file.close()
    app.processEvents()
    return 0


if __name__ == "__main__":
    sys.exit(main())
