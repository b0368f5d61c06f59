"""Adding an agency: its code (used in file names), name, short name and kind."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from sxtdbv_desktop import labels
from sxtdbv_desktop.agencies import add_agency
from sxtdbv_desktop.plans import local_unit_name
from sxtdbv_ui.dialogs.form import FormDialog
from sxtdbv_ui.workspace import AGENCIES, Workspace


class AgencyDialog(FormDialog):
    def __init__(self, session: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(session, "Thêm cơ quan", parent)
        self.code = QLineEdit()
        self.code.setPlaceholderText("ví dụ SoYTe (không dấu, không khoảng trắng)")
        self.name = QLineEdit()
        self.name.setPlaceholderText("ví dụ Sở Y tế")
        self.short_name = QLineEdit()
        self.kind = QComboBox()
        local = local_unit_name(session.db, session.plan_id)
        for code in labels.AGENCY_KINDS:
            self.kind.addItem(labels.agency_kind(code, local), code)
        self.form.addRow("&Mã cơ quan:", self.code)
        self.form.addRow("&Tên cơ quan:", self.name)
        self.form.addRow("Tên &viết tắt:", self.short_name)
        self.form.addRow("&Loại:", self.kind)
        self.new_id: int | None = None

    def save(self) -> bool:
        created: list[int] = []
        done = self.session.change(
            "Thêm cơ quan",
            lambda: created.append(
                add_agency(
                    self.session.db,
                    self.session.plan_id,
                    self.code.text(),
                    self.name.text(),
                    str(self.kind.currentData()),
                    short_name=self.short_name.text(),
                )
            ),
            AGENCIES,
        )
        self.new_id = created[0] if created else None
        return done
