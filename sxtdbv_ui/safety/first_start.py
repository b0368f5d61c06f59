"""The first-start dialog: who uses this data file (the Sở, or one reporting agency), and the
name recorded with every change. Saved once, with `installation.set_up`; not changeable later.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)
from sqlite_utils import Database

from sxtdbv_desktop import installation, labels
from sxtdbv_desktop.agencies import reporting_agencies
from sxtdbv_desktop.plans import list_plans
from sxtdbv_ui import msgbox, operations
from sxtdbv_ui.folders import documents_dir
from sxtdbv_ui.screen_fit import compact

INTRO = (
    "Chọn cách dùng phần mềm với tệp dữ liệu này. Lựa chọn được ghi vào tệp dữ liệu và "
    "không thay đổi được về sau."
)
CONSOLIDATING_TEXT = (
    "Đơn vị tổng hợp (Sở Công Thương): quản lý kế hoạch, nhận báo cáo của các đơn vị, "
    "tổng hợp và lập báo cáo chung."
)
CHOOSE_AGENCY = "— Chọn đơn vị của máy này —"
AGENCY_TEXT = (
    "Đơn vị báo cáo: chỉ nhập báo cáo của đơn vị mình rồi xuất tệp gửi Sở Công Thương. "
    "Không sửa được kế hoạch."
)


class FirstStartDialog(QDialog):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.setWindowTitle("Thiết lập lần đầu — SX&TDBV Desktop")
        self._existing = list_plans(db)
        self._plan_data: dict[str, Any] | None = None  # a plan file chosen here
        intro = QLabel(INTRO)
        intro.setWordWrap(True)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        self.error.hide()
        buttons = QDialogButtonBox()
        self.start_button = buttons.addButton("Bắt đầu", QDialogButtonBox.ButtonRole.AcceptRole)
        self.quit_button = buttons.addButton("Thoát", QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        self._add_mode_choice(layout)
        layout.addWidget(self._agency_box())
        self._add_name(layout)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(620, 0)
        self._fill_agencies()
        self._update()
        self.name.setFocus()  # the one thing every user must type

    def _add_mode_choice(self, layout: QVBoxLayout) -> None:
        self.consolidating = QRadioButton(CONSOLIDATING_TEXT)
        self.agency = QRadioButton(AGENCY_TEXT)
        self._modes = QButtonGroup(self)
        for button in (self.consolidating, self.agency):
            self._modes.addButton(button)
            layout.addWidget(button)
        self.consolidating.setChecked(True)
        self._modes.buttonToggled.connect(self._update)

    def _agency_box(self) -> QGroupBox:
        self.plan_label = QLabel()
        self.plan_label.setWordWrap(True)
        self.plan_button = QPushButton("Dùng tệp kế hoạch do Sở gửi...")
        self.plan_button.clicked.connect(self._choose_plan_file)
        self.plan_button.setEnabled(not self._existing)  # a file with a plan keeps it
        self.agencies = compact(QComboBox())
        # No agency is chosen for the user: picking the Sở Công Thương by default made agency
        # installations that reported as the Sở.
        self.agencies.setPlaceholderText(CHOOSE_AGENCY)
        plan_row = QHBoxLayout()
        plan_row.addWidget(self.plan_label, 1)
        plan_row.addWidget(self.plan_button)
        form = QFormLayout()
        form.addRow("Kế hoạch:", plan_row)
        form.addRow("Đơn vị của máy này:", self.agencies)
        self.agency_box = QGroupBox(labels.INSTALLATION_MODES[installation.AGENCY])
        self.agency_box.setLayout(form)
        return self.agency_box

    def _add_name(self, layout: QVBoxLayout) -> None:
        self.name = QLineEdit()
        self.name.setPlaceholderText("ví dụ: Nguyễn Thị Lan")
        form = QFormLayout()
        form.addRow("Họ và tên người sử dụng:", self.name)
        note = QLabel("Tên này được ghi vào nhật ký cùng mỗi thay đổi dữ liệu.")
        note.setStyleSheet("color: #555;")
        layout.addLayout(form)
        layout.addWidget(note)

    def _update(self) -> None:
        self.agency_box.setEnabled(self.agency.isChecked())

    def _plan_source(self) -> tuple[str, list[tuple[str, str]]]:
        """The plan the agency is picked from (its label) and its reporting agencies."""
        # Plan files are read on first start only, not each time the window opens.
        from sxtdbv_desktop import plan_file  # noqa: PLC0415

        if self._plan_data is not None:
            header = self._plan_data["plan"]
            agencies = [
                (a["code"], a["name"])
                for a in self._plan_data["agencies"]
                if a.get("must_report", True)
            ]
            return f"{header['province']} — năm {header['year']} (tệp do Sở gửi)", agencies
        if self._existing:
            plan = self._existing[0]
            found = [(a.code, a.name) for a in reporting_agencies(self.db, plan.id)]
            return f"{plan.label} (đã có trong tệp dữ liệu)", found
        data = plan_file.read_plan_file(plan_file.default_plan_path())
        agencies = [(a["code"], a["name"]) for a in data["agencies"] if a.get("must_report", True)]
        header = data["plan"]
        return f"{header['province']} — năm {header['year']} (kế hoạch có sẵn)", agencies

    def _fill_agencies(self) -> None:
        label, agencies = self._plan_source()
        self.plan_label.setText(label)
        self.agencies.clear()
        for code, name in agencies:
            self.agencies.addItem(name, code)
        self.agencies.setCurrentIndex(-1)

    def _choose_plan_file(self) -> None:
        from sxtdbv_desktop import plan_file  # noqa: PLC0415  (see _plan_source)

        path = msgbox.open_file(
            self,
            "Chọn tệp kế hoạch do Sở Công Thương gửi",
            documents_dir(),
            msgbox.PLAN_FILES,
        )
        if path is not None:
            operations.run(
                self,
                "Dùng tệp kế hoạch do Sở gửi",
                lambda: plan_file.read_plan_file(path),
                success=self._use_plan_data,
                failure=self._show_error,
            )

    def _use_plan_data(self, data: dict[str, Any]) -> None:
        self._plan_data = data
        self.error.hide()
        self._fill_agencies()

    def _show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()

    def chosen_mode(self) -> str:
        return installation.AGENCY if self.agency.isChecked() else installation.CONSOLIDATING

    def accept(self) -> None:
        """Save the choices; on a refused value, say why and stay open."""
        from sxtdbv_desktop import plan_file  # noqa: PLC0415  (see _plan_source)

        mode = self.chosen_mode()
        data = self._plan_data
        if data is None and not self._existing:
            data = plan_file.read_plan_file(plan_file.default_plan_path())
        code = self.agencies.currentData() if mode == installation.AGENCY else None
        if mode == installation.AGENCY and code is None:
            self._show_error("Hãy chọn đơn vị của máy này trong danh sách «Đơn vị của máy này».")
            self.agencies.setFocus()
            return
        operations.run(
            self,
            "Thiết lập lần đầu",
            lambda: installation.set_up(self.db, mode, self.name.text(), code, plan_data=data),
            success=lambda _: super(FirstStartDialog, self).accept(),
            failure=self._show_error,
        )


def run_first_start(db: Database, parent: QWidget | None = None) -> bool:
    """Ask for the first-start choices if `db` has none yet; False if the user quit."""
    if not installation.needs_first_start(db):
        return True
    return FirstStartDialog(db, parent).exec() == QDialog.DialogCode.Accepted


def mode_label(db: Database) -> str:
    """ "Đơn vị báo cáo: UBND huyện Lấp Vò", for the window's status bar."""
    setup = installation.load(db)
    if setup.mode is None:
        return ""
    text = labels.INSTALLATION_MODES[setup.mode]
    if setup.is_agency and (plans := list_plans(db)):
        agency = installation.own_agency(db, plans[0].id)
        text += f": {agency.name if agency else setup.agency_code}"
    return text
