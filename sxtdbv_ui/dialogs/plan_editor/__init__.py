"""Chỉnh sửa → "Sửa kế hoạch…": every part of the plan the tabs do not edit in place (header
and sections, objectives, targets, indicators, task groups, funding sources), and Tệp → "Tạo
kế hoạch trống…" for a plan made from nothing. Agencies and local units are edited in the Cơ
quan tab, tasks and duties in Nhiệm vụ, thresholds and reporters in Chỉ tiêu, estimates in
Kinh phí.
"""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTabWidget, QVBoxLayout, QWidget

from sxtdbv_desktop import installation, labels, vnformat
from sxtdbv_desktop.plans import get_plan
from sxtdbv_ui import texts
from sxtdbv_ui.main_window import MainWindow
from sxtdbv_ui.workspace import PLAN, Workspace


class PlanEditorDialog(QDialog):
    def __init__(self, session: Workspace, parent: QWidget | None = None) -> None:
        # The editor's parts load when it is first opened: `install` runs at start-up.
        from sxtdbv_ui.dialogs.plan_editor.header_tab import HeaderTab  # noqa: PLC0415
        from sxtdbv_ui.dialogs.plan_editor.list_tab import ListTab  # noqa: PLC0415
        from sxtdbv_ui.dialogs.plan_editor.parts import (  # noqa: PLC0415
            groups_part,
            indicators_part,
            objectives_part,
            sources_part,
            targets_part,
        )

        super().__init__(parent)
        self.setWindowTitle(f"Sửa kế hoạch — {get_plan(session.db, session.plan_id).label}")
        self.tabs = QTabWidget()
        self.header = HeaderTab(session)
        self.tabs.addTab(self.header, labels.PLAN_HEADER)
        self.lists = {
            "objectives": ListTab(session, objectives_part(session)),
            "targets": ListTab(session, targets_part(session)),
            "indicators": ListTab(session, indicators_part(session)),
            "groups": ListTab(session, groups_part(session)),
            "sources": ListTab(session, sources_part(session)),
        }
        for key, entity in (("objectives", "objectives"), ("targets", "targets"),
                            ("indicators", "indicators"), ("groups", "task_groups"),
                            ("sources", "funding_sources")):  # fmt: skip
            self.tabs.addTab(self.lists[key], labels.ENTITIES[entity])
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setText(texts.CLOSE)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(close)
        self.resize(self.fontMetrics().averageCharWidth() * 150, 640)


def install(window: MainWindow) -> None:
    """Chỉnh sửa → Sửa kế hoạch…, Tệp → Tạo kế hoạch trống… (not in an agency installation,
    whose plan is the Sở's)."""
    if installation.load(window.session.db).is_agency:
        return
    edit = QAction("&Sửa kế hoạch (mục tiêu, chỉ tiêu, nhóm, nguồn…)…", window)
    edit.triggered.connect(lambda: PlanEditorDialog(window.session, window).exec())
    window.add_action("edit", edit, edits=True)
    blank = QAction("Tạo kế hoạch t&rống…", window)
    blank.triggered.connect(lambda: new_blank_plan(window))
    window.add_action("file", blank, edits=True)


def new_blank_plan(window: MainWindow) -> int | None:
    """Ask the province, year and deadline of a plan made from nothing; create and show it."""
    from sxtdbv_desktop.plan_editing import create_blank_plan  # noqa: PLC0415  (as the editor)
    from sxtdbv_ui.dialogs.plan_editor.fields_dialog import NUMBER, Field, FieldsDialog  # noqa: PLC0415

    session = window.session
    plan = get_plan(session.db, session.plan_id)
    created: list[int] = []

    def save(values: dict[str, object]) -> bool:
        year = int(str(values["year"]))
        try:
            deadline = vnformat.parse_date(str(values["deadline"]))
        except ValueError as error:
            session.fail(str(error))
            return False
        return session.change(
            f"Tạo kế hoạch trống năm {year}",
            lambda: created.append(
                create_blank_plan(session.db, str(values["province"]), year, deadline)
            ),
            PLAN,
        )

    fields = [Field("province", texts.PLAN_FIELDS["province"], value=plan.province),
              Field("year", texts.PLAN_FIELDS["year"], NUMBER, plan.year + 1),
              Field("deadline", texts.PLAN_FIELDS["reporting_deadline"],
                    value=f"10/12/{plan.year + 1}")]  # fmt: skip
    dialog = FieldsDialog(session, "Tạo kế hoạch trống", fields, save, window)
    if not dialog.exec() or not created:
        return None
    window.reload()
    session.set_plan(created[0])
    return created[0]
