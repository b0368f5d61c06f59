"""`sxtdbv-desktop --self-test`: prove that this installation works, end to end, offscreen.

Run by CI on the frozen bundle (PyInstaller) and by the installer's smoke test. It creates a
database in a temporary folder through the same safe path as the window (with settings of its
own there, so the user's next start is unchanged), loads the default plan, builds the main
window with every command, checks Vietnamese text handling in Qt, writes the consolidated
report and reads it back with QtPdf, writes a small Word report (python-docx's template, lxml,
a chart drawn by Pillow's FreeType) and reads it back, then exits 0. It prints each check,
and the first failure with its cause (exit 1).
"""

from __future__ import annotations

import io
import os
import sys
import tempfile
import traceback
from collections.abc import Callable
from pathlib import Path

import docx
from PIL import Image
from PySide6.QtCore import QCollator, QLocale, QSettings
from PySide6.QtPdf import QPdfDocument

from sxtdbv_desktop import installation, integrity
from sxtdbv_desktop.agencies import find_agency
from sxtdbv_desktop.excel.files import load_received
from sxtdbv_desktop.excel.form_structure import read_structure
from sxtdbv_desktop.excel.forms import write_form
from sxtdbv_desktop.paths import resource_path, resources_dir
from sxtdbv_desktop.plan_file import load_default_plan
from sxtdbv_desktop.report.chart_png import chart_png
from sxtdbv_desktop.report.compose import document_of
from sxtdbv_desktop.report.document import Chart, Series
from sxtdbv_desktop.report.docx import write_docx
from sxtdbv_desktop.report.output import save_pdf
from sxtdbv_desktop.session import Session as DataFile
from sxtdbv_desktop.session import open_session
from sxtdbv_desktop.summary import build_summary
from sxtdbv_ui import commands, offscreen
from sxtdbv_ui.app import application, build_window
from sxtdbv_ui.main_window import MainWindow

PASSED, FAILED = "[ĐẠT]", "[LỖI]"
TABS = ["Tổng quan", "Nhiệm vụ", "Chỉ tiêu", "Kinh phí", "Báo cáo đơn vị", "Cơ quan"]
RESOURCES = [
    "plans/dong-thap-2023.json",
    "fonts/LiberationSerif-Regular.ttf",
    "icons/app.ico",
    "help/huong-dan-su-dung.html",
    "help/anh/tong-quan.png",
]


class SelfTest:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.data_file: DataFile | None = None
        self.window: MainWindow | None = None
        self.plan_id = 0

    def checks(self) -> list[tuple[str, Callable[[], str]]]:
        return [
            ("Tài nguyên đi kèm", self.resources),
            ("Tệp dữ liệu mới và kế hoạch mặc định", self.database),
            ("Cửa sổ chính với đủ các thẻ", self.main_window),
            ("Tiếng Việt trong Qt", self.vietnamese),
            ("Báo cáo tổng hợp (PDF)", self.report),
            ("Báo cáo Word (.docx)", self.word_report),
            ("Biểu mẫu Excel", self.excel_form),
        ]

    def resources(self) -> str:
        missing = [name for name in RESOURCES if not resource_path(*name.split("/")).is_file()]
        if missing:
            raise FileNotFoundError(f"thiếu {missing} trong {resources_dir()}")
        return str(resources_dir())

    def database(self) -> str:
        self.data_file = data_file = open_session(self.folder / "sxtdbv.sqlite")
        self.plan_id = load_default_plan(data_file.db)
        installation.set_up(data_file.db, installation.CONSOLIDATING, "Tự kiểm tra")
        summary = build_summary(data_file.db, self.plan_id)
        counts = summary["counts"]
        found = (counts["tasks"], counts["indicators"], counts["district_units"])
        total = summary["plan"]["total_budget"]
        if found != (17, 8, 12) or total != 3_235_715_000:
            raise AssertionError(f"kế hoạch mặc định sai: {found}, {total}")
        integrity.check(data_file.db)
        return "Đồng Tháp 2023: 17 nhiệm vụ, 8 chỉ tiêu, 12 huyện, 3.235.715.000 đồng"

    def main_window(self) -> str:
        assert self.data_file is not None
        app = application()
        self.window = window = build_window(self.data_file)
        commands.install(window, self.data_file)
        window.show()
        titles = [window.tabs.tabText(i) for i in range(window.tabs.count())]
        if titles != TABS:
            raise AssertionError(f"các thẻ: {titles}")
        if window.windowIcon().availableSizes() == []:  # the .ico needs Qt's ico plugin
            raise AssertionError("cửa sổ không có biểu tượng của chương trình")
        for index in range(window.tabs.count()):
            window.tabs.setCurrentIndex(index)
            app.processEvents()
        return ", ".join(titles)

    def vietnamese(self) -> str:
        locale = QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam)
        ordered = sorted(["Đồng", "Dương", "An", "Ăn", "Bình"], key=QCollator(locale).sortKey)
        if ordered != ["An", "Ăn", "Bình", "Dương", "Đồng"]:
            raise AssertionError(f"thứ tự tiếng Việt sai: {ordered}")
        if (upper := locale.toUpper("đồng tháp")) != "ĐỒNG THÁP":
            raise AssertionError(f"chữ hoa sai: {upper}")
        return "sắp xếp và chữ hoa tiếng Việt đúng"

    def report(self) -> str:
        assert self.data_file is not None
        target = self.folder / "bao-cao.pdf"
        pages = save_pdf(document_of(self.data_file.db, self.plan_id), target)
        document = QPdfDocument()
        document.load(str(target))
        if document.status() != QPdfDocument.Status.Ready or document.pageCount() != pages:
            raise AssertionError(f"QtPdf không đọc được báo cáo ({document.status()})")
        document.close()
        return f"{pages} trang, {target.stat().st_size // 1024} KB, QtPdf đọc được"

    def word_report(self) -> str:
        assert self.data_file is not None
        target = self.folder / "bao-cao.docx"
        report = document_of(self.data_file.db, self.plan_id)
        write_docx(report, target)
        word = docx.Document(str(target))
        text = "\n".join(paragraph.text for paragraph in word.paragraphs)
        sections = 1 + len(report.appendices)
        if "BÁO CÁO" not in text or len(word.sections) != sections:
            raise AssertionError(f"đọc lại sai: {len(word.sections)} phần, cần {sections}")
        # The charts of a report with figures: Pillow drawing Vietnamese text with FreeType.
        png = chart_png(_CHART, 300, dpi=96)
        with Image.open(io.BytesIO(png)) as image:
            if image.width < 300:
                raise AssertionError(f"biểu đồ sai kích thước: {image.size}")
        return f"{target.stat().st_size // 1024} KB, đọc lại được, vẽ được biểu đồ"

    def excel_form(self) -> str:
        assert self.data_file is not None
        db = self.data_file.db
        agency = find_agency(db, self.plan_id, "HLapVo")
        assert agency is not None
        written = write_form(db, self.plan_id, agency.id, self.folder)
        identity = read_structure(load_received(written)).identity
        if (identity.agency_code, identity.year) != ("HLapVo", 2023):
            raise AssertionError(f"biểu mẫu đọc lại sai: {identity}")
        return f"{written.name} ghi và đọc lại được"

    def close(self) -> None:
        if self.window is not None:
            self.window.close()
        if self.data_file is not None:
            self.data_file.close()


_CHART = Chart(
    "Hình 1. Kết quả", ("Làng nghề được tuyên truyền",),
    (Series("Năm 2023", (60.0,), ("60,0%",), "#2F5597"),), 100, "%", (50.0,), "Mức kế hoạch",
)  # fmt: skip


def use_own_settings(folder: Path) -> None:
    """Keep what the window remembers (geometry, tab, plan) in `folder`, not in the user's
    settings (on Windows, the registry under HKCU): call before any QSettings is made."""
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))


def run() -> int:
    """Run every check; 0 when all pass."""
    offscreen.prepare()
    # A scanner (antivirus, indexer) may still hold a fresh file when the folder goes: that
    # must not turn a passing self-test into a failure.
    with tempfile.TemporaryDirectory(
        prefix="sxtdbv-self-test-", ignore_cleanup_errors=True
    ) as folder:
        os.environ["SXTDBV_DATA_DIR"] = folder  # logs stay in the temporary folder
        use_own_settings(Path(folder) / "qt")
        test = SelfTest(Path(folder))
        try:
            for title, check in test.checks():
                try:
                    detail = check()
                except Exception:  # any failure is reported, then the test stops
                    print(f"{FAILED} {title}", flush=True)
                    traceback.print_exc(file=sys.stdout)
                    return 1
                print(f"{PASSED} {title}: {detail}", flush=True)
        finally:
            test.close()
    if Path(folder).exists():
        print(f"(Không xóa được thư mục tạm {folder}; có thể xóa bằng tay.)", flush=True)
    print("Tự kiểm tra: mọi mục đều đạt.", flush=True)
    return 0
