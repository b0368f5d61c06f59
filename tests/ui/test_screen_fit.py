"""Every window of the program fits the screens of office PCs, 1366×768 and 1280×720 with the
40-pixel taskbar (the two offscreen screens of tests/data/offscreen-screens.json), with all its
buttons inside it. A dialog added to sxtdbv_ui/ without a line here fails
`test_every_dialog_class_is_checked`."""

from __future__ import annotations

import datetime as dt
import importlib
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QRect
from PySide6.QtGui import QGuiApplication
from PySide6.QtPrintSupport import QPrintPreviewDialog
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialog,
    QMainWindow,
    QMessageBox,
    QWidget,
)
from pytestqt.qtbot import QtBot
from shiboken6 import Shiboken
from sqlite_utils import Database

import sxtdbv_ui
from sxtdbv_desktop import reports
from sxtdbv_desktop.agencies import find_agency
from sxtdbv_desktop.consolidation import main_period
from sxtdbv_desktop.report.compose import compose
from sxtdbv_desktop.report.content import build_report
from sxtdbv_ui.screen_fit import FRAME
from sxtdbv_ui.workspace import Workspace

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")  # offscreen platform


@dataclass
class Desk:
    session: Workspace
    db: Database
    plan_id: int
    folder: Path


def _main_window(desk: Desk, parent: QWidget) -> QWidget:
    from sxtdbv_ui.app import build_window

    window = build_window(desk.db)
    window.setScreen(parent.screen())
    window.move(parent.screen().availableGeometry().topLeft())
    from sxtdbv_ui.screen_fit import fit_to_screen

    fit_to_screen(window, 1280, 800)
    return window


def _report_dialog(desk: Desk, parent: QWidget) -> QWidget:
    from sxtdbv_ui.dialogs.report_dialog import ReportDialog

    period = main_period(desk.db, desk.plan_id).id
    agency = find_agency(desk.db, desk.plan_id, "SoCT")
    assert agency is not None
    report = reports.ensure_report(desk.db, period, agency.id)
    return ReportDialog(desk.session, report.id, parent)


def _task_row(desk: Desk) -> object:
    from sxtdbv_ui.models.tasks import TaskModel

    model = TaskModel(desk.session)
    model.load()
    return model.row(0)


def _preview(desk: Desk, parent: QWidget) -> QWidget:
    from sxtdbv_ui.report_preview import ReportPreview

    report = build_report(desk.db, desk.plan_id, dt.date(2023, 12, 1))
    return ReportPreview(compose(report), parent)


def _import_preview(desk: Desk, parent: QWidget) -> QWidget:
    from sxtdbv_ui.excel.preview_dialog import FileOutcome, ImportPreviewDialog

    outcomes = [FileOutcome(Path(f"BaoCao_{n}.xlsx"), error="Tệp hỏng.") for n in range(30)]
    return ImportPreviewDialog(outcomes, parent)


def _agency_roles(desk: Desk, parent: QWidget) -> QWidget:
    from sxtdbv_ui.dialogs.agency_roles_dialog import AgencyRolesDialog

    roles = {"lead": "Chủ trì", "coordinator": "Phối hợp"}
    subject = "Nhiệm vụ III.1.1: " + "Tổ chức hội nghị, hội thảo về sản xuất bền vững. " * 6
    return AgencyRolesDialog(desk.session, "Phân công cơ quan", subject, roles, {}, parent=parent)


def _crash(desk: Desk, parent: QWidget) -> QWidget:
    from sxtdbv_ui.safety.crash import UNEXPECTED, CrashDialog

    return CrashDialog(UNEXPECTED, "Traceback\n" * 200, desk.folder / "sxtdbv.log", parent)


def _restore(desk: Desk, parent: QWidget) -> QWidget:
    from sxtdbv_ui.safety.restore_dialog import RestoreDialog

    return RestoreDialog(desk.folder / "sxtdbv.sqlite", "Khôi phục dữ liệu. " * 20, parent=parent)


def _first_start(desk: Desk, parent: QWidget) -> QWidget:
    from sxtdbv_ui.safety.first_start import FirstStartDialog

    return FirstStartDialog(desk.db, parent)


def _print_preview(desk: Desk, parent: QWidget) -> QWidget:
    from sxtdbv_ui.tables.printing import table_printer

    printer = table_printer("Nhiệm vụ")
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.printer_ = printer  # type: ignore[attr-defined]  # the dialog does not own it
    from sxtdbv_ui.screen_fit import fit_to_screen

    fit_to_screen(dialog, 1200, 900)
    return dialog


def _fields(desk: Desk, parent: QWidget) -> QWidget:
    """The largest form of the plan editor: an indicator with every field."""
    from sxtdbv_ui.dialogs.plan_editor.fields_dialog import FieldsDialog
    from sxtdbv_ui.dialogs.plan_editor.parts import indicators_part

    part = indicators_part(desk.session)
    return FieldsDialog(desk.session, "Thêm chỉ tiêu", part.fields(None), lambda _: True, parent)


def _review_wizard(desk: Desk, parent: QWidget) -> QWidget:
    from sxtdbv_desktop.plan_import.reader import read_plan
    from sxtdbv_desktop.plan_import.sources import read_document
    from sxtdbv_ui.plan_import.wizard import ReviewWizard
    from tests.test_default_plan_data import SEED_PATH

    return ReviewWizard(desk.session, read_plan(read_document(SEED_PATH)), parent)


def _simple(path: str, name: str, *args: object) -> Callable[[Desk, QWidget], QWidget]:
    def make(desk: Desk, parent: QWidget) -> QWidget:
        cls = getattr(importlib.import_module(path), name)
        values = [getattr(desk, a) if isinstance(a, str) and hasattr(desk, a) else a for a in args]
        values = [a(desk) if callable(a) else a for a in values]
        widget = cls(*values, parent)
        assert isinstance(widget, QWidget)
        return widget

    return make


WINDOWS: dict[str, Callable[[Desk, QWidget], QWidget]] = {
    "MainWindow": _main_window,
    "ReportDialog": _report_dialog,
    "ReportPreview": _preview,
    "ReportSettingsDialog": _simple("sxtdbv_ui.dialogs.report_settings_dialog",
                                    "ReportSettingsDialog",
                                    "session"),
    "NewPlanDialog": _simple("sxtdbv_ui.dialogs.new_plan_dialog", "NewPlanDialog", "session"),
    "AgencyDialog": _simple("sxtdbv_ui.dialogs.agency_dialog", "AgencyDialog", "session"),
    "BudgetLineDialog": _simple("sxtdbv_ui.dialogs.budget_line_dialog", "BudgetLineDialog",
                                "session"),
    "TaskDialog": _simple("sxtdbv_ui.dialogs.task_dialog", "TaskDialog", "session", None),
    "TaskStatusDialog": _simple("sxtdbv_ui.dialogs.task_status_dialog", "TaskStatusDialog",
                                "session",
                                _task_row),
    "AgencyRolesDialog": _agency_roles,
    "ProposalsDialog": _simple("sxtdbv_ui.dialogs.proposals_dialog", "ProposalsDialog", "session"),
    "ReportTextsDialog": _simple("sxtdbv_ui.dialogs.report_texts_dialog", "ReportTextsDialog",
                                 "session"),
    "PlanEditorDialog": _simple("sxtdbv_ui.dialogs.plan_editor", "PlanEditorDialog", "session"),
    "FieldsDialog": _fields,
    "ReviewWizard": _review_wizard,
    "FormsDialog": _simple("sxtdbv_ui.excel.forms_dialog", "FormsDialog", "db", "plan_id"),
    "ImportPreviewDialog": _import_preview,
    "FirstStartDialog": _first_start,
    "HelpWindow": _simple("sxtdbv_ui.help_window", "HelpWindow"),
    "RestoreDialog": _restore,
    "AuditLogDialog": _simple("sxtdbv_ui.safety.audit_viewer", "AuditLogDialog", "db"),
    "CrashDialog": _crash,
    "DateQuestion": lambda desk, parent: _date_question(parent),
    "QPrintPreviewDialog": _print_preview,
    "ProgressWindow": lambda desk, parent: _progress(parent),
}  # fmt: skip
"""How to open each window for the test. FormDialog is the base of the small form dialogs."""

ABSTRACT = {"FormDialog"}


def _date_question(parent: QWidget) -> QWidget:
    from sxtdbv_ui import msgbox

    label = "Ngày Sở nhận được báo cáo của UBND huyện Lấp Vò (dùng để tính đúng hạn, trễ hạn):"
    return msgbox.build_date_question(parent, "Nộp báo cáo", label, dt.date(2023, 12, 8))


def _progress(parent: QWidget) -> QWidget:
    from sxtdbv_ui.operations.progress import ProgressWindow

    return ProgressWindow(parent, "Nhập báo cáo từ Excel", "Đang đọc các tệp…", cancellable=True)


def _screen(name: str) -> QRect:
    screen = next(s for s in QGuiApplication.screens() if s.name() == name)
    return screen.availableGeometry()


@pytest.fixture
def desk(session: Workspace, db: Database, plan_id: int, tmp_path: Path) -> Desk:
    return Desk(session, db, plan_id, tmp_path)


@pytest.mark.parametrize("screen", ["1366x768", "1280x720"])
@pytest.mark.parametrize("kind", sorted(WINDOWS))
def test_the_window_and_all_its_buttons_fit_the_screen(
    kind: str, screen: str, desk: Desk, qtbot: QtBot
) -> None:
    area = _screen(screen)
    host = QMainWindow()  # the window the dialog opens over, on that screen
    qtbot.addWidget(host)
    host.setGeometry(area.adjusted(8, 32, -8, -8))
    host.setScreen(next(s for s in QGuiApplication.screens() if s.name() == screen))
    widget = WINDOWS[kind](desk, host)
    if widget.parent() is None:
        qtbot.addWidget(widget)
    try:
        widget.show()
        QApplication.processEvents()
        _check_fits(kind, widget, area)
    finally:
        if Shiboken.isValid(widget):
            widget.close()  # a closed preview removes its temporary folder


def _check_fits(kind: str, widget: QWidget, area: QRect) -> None:
    # A real window system makes a window at least as large as its layout's minimum (the
    # offscreen platform does not): that is the size to check.
    size = widget.size().expandedTo(widget.minimumSizeHint())
    widget.resize(size)
    QApplication.processEvents()
    assert size.width() + FRAME.width() <= area.width(), f"{kind}: {size} on {area}"
    assert size.height() + FRAME.height() <= area.height(), f"{kind}: {size} on {area}"
    inside = widget.rect()
    for button in widget.findChildren(QAbstractButton):
        if not button.isVisibleTo(widget) or button.window() is not widget:
            continue
        corner = button.mapTo(widget, button.rect().bottomRight())
        assert inside.contains(corner), f"{kind}: «{button.text()}» outside {inside}"


def test_every_dialog_class_is_checked() -> None:
    for module in pkgutil.walk_packages(sxtdbv_ui.__path__, "sxtdbv_ui."):
        importlib.import_module(module.name)
    found = {
        cls.__name__ for cls in _subclasses(QDialog) if cls.__module__.startswith("sxtdbv_ui.")
    }
    assert found - ABSTRACT <= set(WINDOWS), f"add to WINDOWS: {found - ABSTRACT - set(WINDOWS)}"


def _subclasses(cls: type) -> set[type]:
    direct: set[type] = set(cls.__subclasses__())
    return direct.union(*(_subclasses(c) for c in direct))


@pytest.mark.parametrize("question", [False, True])
def test_a_long_message_keeps_its_buttons_on_the_screen(qtbot: QtBot, question: bool) -> None:
    from sxtdbv_ui import msgbox

    gaps = "\n".join(f"– Nhiệm vụ III.1.{n} chưa có cơ quan chủ trì." for n in range(60))
    text = f"Còn 60 chỗ chưa phân công:\n{gaps}\n\nVẫn tạo biểu mẫu?"
    if question:
        box = msgbox.build_question(None, "Kiểm tra", text, yes="Vẫn tạo")
    else:
        box = msgbox.build_notice(None, "Kiểm tra", text, QMessageBox.Icon.Warning)
    qtbot.addWidget(box)
    box.show()
    QApplication.processEvents()
    _check_fits("QMessageBox", box, _screen("1280x720"))
    assert box.text().endswith("Vẫn tạo biểu mẫu?") and box.detailedText() == text
    assert len(box.text().split("\n")) <= msgbox.MAX_LINES
