"""Báo cáo → Tạo biểu mẫu: choose the agencies and a folder, write the forms with progress.

Before anything is written the dialog shows the check of the plan's assignments (`readiness`):
tasks with no lead agency, indicators nobody reports, agencies with nothing to report, each
with where to fix it; with gaps, it asks before going on. By default the forms are those of
the agencies that must report (not the press and the associations, which may be chosen one by
one). The database is read on the GUI thread (`forms.collect_forms`); the workbooks are written
in the background (`sxtdbv_ui.operations`, `forms.write_form_files`), so the window stays
responsive.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlite_utils import Database

from sxtdbv_desktop.agencies import list_agencies
from sxtdbv_desktop.consolidation import main_period
from sxtdbv_desktop.excel.form_data import FormData
from sxtdbv_desktop.excel.forms import collect_forms, write_form_files, written_text
from sxtdbv_desktop.plans import get_plan
from sxtdbv_desktop.readiness import Readiness, check_before_forms, gaps_heading
from sxtdbv_desktop.reports import list_periods
from sxtdbv_ui import msgbox, operations, texts
from sxtdbv_ui.folders import in_documents
from sxtdbv_ui.operations import BackgroundOp, Progress
from sxtdbv_ui.screen_fit import compact

ALL = -1
TITLE = "Tạo biểu mẫu báo cáo"


class FormsDialog(QDialog):
    """Writes the report forms of one agency or of all of them into a chosen folder."""

    def __init__(self, db: Database, plan_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._plan_id = plan_id
        self._job: BackgroundOp | None = None
        self.written: list[Path] = []
        plan = get_plan(db, plan_id)
        self.setWindowTitle(TITLE)
        self.setMinimumWidth(560)

        layout = QVBoxLayout(self)
        layout.addLayout(self._choices(plan.label, plan.year))
        self.check = check_before_forms(db, plan_id)
        self.readiness = QLabel(readiness_summary(self.check))
        self.readiness.setWordWrap(True)
        self.details = QPushButton("Xem danh sách cần sửa…")
        self.details.setVisible(not self.check.ready)
        self.details.clicked.connect(self._show_gaps)
        checked = QHBoxLayout()
        checked.addWidget(self.readiness, 1)
        checked.addWidget(self.details)
        layout.addLayout(checked)
        self.progress = QProgressBar()
        self.progress.setFormat("%v/%m biểu mẫu")
        self.progress.setValue(0)
        self.progress.hide()  # shown once there is something to count
        self.status = QLabel("Mỗi cơ quan một tệp, ví dụ BaoCao_SoTNMT_2023.xlsx.")
        self.status.setWordWrap(True)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addLayout(self._buttons())

    def _choices(self, plan_label: str, year: int) -> QFormLayout:
        self.period = QComboBox()
        for period in list_periods(self._db, self._plan_id):
            self.period.addItem(period.name, period.id)
        main = main_period(self._db, self._plan_id)
        self.period.setCurrentIndex(self.period.findData(main.id))
        self.agency = QComboBox()
        agencies = list_agencies(self._db, self._plan_id)
        expected = [a for a in agencies if a.must_report]
        self.agency.addItem(f"Tất cả cơ quan phải báo cáo ({len(expected)})", ALL)
        for agency in agencies:
            note = "" if agency.must_report else " (không phải báo cáo)"
            self.agency.addItem(agency.name + note, agency.id)
        self.folder = QLineEdit(str(_default_folder(year)))
        self.browse = QPushButton("Chọn thư mục…")
        self.browse.clicked.connect(self._browse)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(self.browse)
        for combo in (self.period, self.agency):  # long agency names must not widen the dialog
            compact(combo)
        form = QFormLayout()
        form.addRow("Kế hoạch:", QLabel(plan_label))
        form.addRow("Kỳ báo cáo:", self.period)
        form.addRow("Cơ quan:", self.agency)
        form.addRow("Lưu vào thư mục:", folder_row)
        return form

    def _buttons(self) -> QHBoxLayout:
        self.create_button = QPushButton("Tạo biểu mẫu")
        self.create_button.setDefault(True)
        self.create_button.clicked.connect(self._start)
        self.stop_button = QPushButton("Dừng")
        self.stop_button.setEnabled(False)
        self.stop_button.clicked.connect(self._stop)
        self.open_folder = QPushButton("Mở thư mục")
        self.open_folder.setEnabled(False)
        self.open_folder.clicked.connect(self._open_folder)
        self.close_button = QPushButton(texts.CLOSE)
        self.close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_folder)
        buttons.addStretch(1)
        for button in (self.create_button, self.stop_button, self.close_button):
            buttons.addWidget(button)
        return buttons

    @property
    def running(self) -> bool:
        return self._job is not None

    @Slot()
    def _browse(self) -> None:
        chosen = msgbox.choose_folder(self, "Chọn thư mục lưu biểu mẫu", Path(self.folder.text()))
        if chosen is not None:
            self.folder.setText(str(chosen))

    @Slot()
    def _show_gaps(self) -> None:
        msgbox.inform(self, "Kiểm tra trước khi gửi biểu mẫu", gaps_text(self.check))

    @Slot()
    def _start(self) -> None:
        text = self.folder.text().strip()
        if not text:
            msgbox.warn(self, TITLE, "Hãy chọn thư mục lưu biểu mẫu.")
            return
        if not self.check.ready and not msgbox.ask(
            self,
            "Kiểm tra trước khi gửi biểu mẫu",
            f"{gaps_text(self.check)}\n\nVẫn tạo biểu mẫu?",
            yes="Vẫn tạo",
        ):
            return
        folder = Path(text)
        chosen = self.agency.currentData()
        agencies = None if chosen == ALL else [chosen]
        period = self.period.currentData()
        # Read on this thread (the database is this thread's), write in the background.
        operations.run(
            self,
            TITLE,
            lambda: _prepare(self._db, self._plan_id, agencies, period, folder),
            success=lambda forms: self._write(forms, folder),
        )

    def _write(self, forms: list[FormData], folder: Path) -> None:
        def work(progress: Progress) -> list[Path]:
            return write_form_files(forms, folder, progress.step)

        self.written = []
        self.progress.setRange(0, len(forms))
        self.progress.setValue(0)
        self.progress.show()
        self._set_running(True)
        self._job = operations.run_in_background(self, TITLE, work, success=self._on_done)
        self._job.progressed.connect(self._on_progress)
        self._job.finished.connect(self._on_finished)

    @Slot()
    def _stop(self) -> None:
        if self._job is not None:
            self._job.cancel()
            self.status.setText("Đang dừng sau tệp hiện tại…")

    @Slot(int, int, str)
    def _on_progress(self, done: int, total: int, name: str) -> None:
        self.progress.setValue(done)
        self.status.setText(f"Đã ghi {name} ({done}/{total}).")

    def _on_done(self, written: list[Path]) -> None:
        self.written = written
        stopped = self.progress.maximum() > len(self.written)
        self.open_folder.setEnabled(bool(self.written))
        self.status.setText(written_text(len(self.written), self.folder.text(), stopped=stopped))

    @Slot()
    def _on_finished(self) -> None:
        if not self.written:
            self.status.setText("Chưa tạo xong biểu mẫu.")
        self._set_running(False)

    def _set_running(self, running: bool) -> None:
        if not running:
            self._job = None
        for widget in (self.create_button, self.close_button, self.browse, self.folder, self.agency,
                       self.period):  # fmt: skip
            widget.setEnabled(not running)
        self.stop_button.setEnabled(running)

    @Slot()
    def _open_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(self.folder.text()))

    def reject(self) -> None:
        if self.running:  # closing mid-way would leave the worker writing
            return
        super().reject()


def readiness_summary(check: Readiness) -> str:
    """One line on the dialog: ready, or how many gaps."""
    proposals = check.proposed_assignments + check.proposed_reporters
    pending = (
        f" {proposals} phân công là đề xuất từ nội dung Kế hoạch, chưa được Sở xác nhận "
        "(vẫn dùng để tạo biểu mẫu)."
        if proposals
        else ""
    )
    if check.ready:
        return (
            "<span style='color:#1e6b35'>✓ Mọi nhiệm vụ có cơ quan chủ trì, mọi chỉ tiêu có "
            f"đơn vị báo cáo, mọi cơ quan phải báo cáo đều có việc để báo cáo.</span>{pending}"
        )
    return (
        f"<span style='color:#b3261e'><b>Còn {len(check.gaps)} chỗ chưa phân công</b></span> "
        f"(nhiệm vụ chưa có cơ quan chủ trì, chỉ tiêu chưa có đơn vị báo cáo…).{pending}"
    )


def gaps_text(check: Readiness) -> str:
    """Every gap with the way to fix it, for the message box."""
    lines = [gaps_heading(check).capitalize()]
    lines += [f"– {gap}.\n   Cách sửa: {gap.fix}" for gap in check.gaps]
    return "\n".join(lines)


def _prepare(
    db: Database, plan_id: int, agencies: list[int] | None, period: int, folder: Path
) -> list[FormData]:
    """The forms' contents, read from the database, and the folder to write them into."""
    folder.mkdir(parents=True, exist_ok=True)
    return collect_forms(db, plan_id, agencies, period_id=period)


def _default_folder(year: int) -> Path:
    return in_documents(f"BieuMau_SXTDBV_{year}")


def open_forms_dialog(parent: QWidget | None, db: Database, plan_id: int) -> list[Path]:
    """Báo cáo → Tạo biểu mẫu. Returns the files written (empty if none)."""
    dialog = FormsDialog(db, plan_id, parent)
    dialog.exec()
    return dialog.written
