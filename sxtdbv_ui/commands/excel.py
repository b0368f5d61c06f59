"""Excel in the window: forms for the agencies, importing filled forms (menu or files dropped
on the window), exporting any table, and, on an agency's computer, its own report as a form
to send to the Sở Công Thương."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QAction, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import QMenu

from sxtdbv_desktop import installation
from sxtdbv_desktop.agencies import Agency
from sxtdbv_desktop.consolidation import main_period
from sxtdbv_desktop.labels import EXPORT_TABLES
from sxtdbv_desktop.reports import Period, Report
from sxtdbv_ui import msgbox, operations, texts
from sxtdbv_ui.folders import in_documents
from sxtdbv_ui.main_window import MainWindow

# The Excel modules (openpyxl) load when a command first needs them, not at start-up.


def install(window: MainWindow) -> None:
    agency = installation.load(window.session.db).is_agency
    if agency:
        _action(window, "file", "Xuất &báo cáo của đơn vị gửi Sở…", lambda: _send_own(window),
                shortcut="Ctrl+E", toolbar=True, icon_text="Xuất báo cáo gửi Sở")  # fmt: skip
    else:
        _action(window, "file", "Nhập báo cáo từ &Excel…", lambda: _import(window),
                shortcut="Ctrl+I", toolbar=True, edits=True, icon_text="Nhập báo cáo")  # fmt: skip
        _action(window, "report", "Tạo biểu &mẫu Excel cho các đơn vị…", lambda: _forms(window))
        window.setAcceptDrops(True)
        window.installEventFilter(_DropImport(window))
    _export_menu(window)


def _action(
    window: MainWindow, menu: str, text: str, slot: object, *, shortcut: str | None = None,
    toolbar: bool = False, edits: bool = False, icon_text: str | None = None,
) -> QAction:  # fmt: skip
    action = QAction(text, window)
    if shortcut:
        action.setShortcut(QKeySequence(shortcut))
    if icon_text:
        action.setIconText(icon_text)
    action.triggered.connect(slot)
    return window.add_action(menu, action, toolbar=toolbar, edits=edits)


def _export_menu(window: MainWindow) -> None:
    menu = QMenu("&Xuất bảng ra Excel", window)
    for table, name in EXPORT_TABLES.items():
        if table == "report":
            continue  # one agency's report: from the reports tab's own export
        action = menu.addAction("&" + texts.literal(name))  # Nhiệm vụ, Chỉ tiêu, Kinh phí, Tình…
        action.triggered.connect(lambda _=False, t=table: _export(window, t))
    window.add_action("file", menu.menuAction())


def _export(window: MainWindow, table: str) -> None:
    from sxtdbv_ui.excel.export_action import export_table  # noqa: PLC0415

    export_table(window, window.session.db, window.session.plan_id, table)


def _forms(window: MainWindow) -> None:
    from sxtdbv_ui.excel.forms_dialog import open_forms_dialog  # noqa: PLC0415

    open_forms_dialog(window, window.session.db, window.session.plan_id)


def _import(window: MainWindow, paths: list[Path] | None = None) -> None:
    from sxtdbv_ui.excel import import_flow  # noqa: PLC0415

    if window.session.read_only:
        msgbox.warn(window, "Nhập báo cáo", window.session.read_only_reason)
        return
    db, plan_id = window.session.db, window.session.plan_id
    import_flow.import_files(window, db, plan_id, paths, imported=window.reload)


SEND_TITLE = "Xuất báo cáo gửi Sở Công Thương"


def _send_own(window: MainWindow) -> None:
    """Write this agency's report as a filled form, for the e-mail or the USB stick."""
    db, plan_id = window.session.db, window.session.plan_id

    def own() -> tuple[Period, Report, Agency]:
        period = main_period(db, plan_id)
        report = installation.own_report(db, plan_id, period.id)
        agency = installation.own_agency(db, plan_id)
        assert agency is not None  # own_report raised otherwise
        return period, report, agency

    operations.run(window, SEND_TITLE, own, success=lambda found: _write_own(window, *found))


def _write_own(window: MainWindow, period: Period, report: Report, agency: Agency) -> None:
    from sxtdbv_desktop.excel.forms import write_form  # noqa: PLC0415

    suggested = in_documents(f"BaoCao_{agency.code}_{period.code}.xlsx")
    target = msgbox.save_file(window, SEND_TITLE, suggested, msgbox.EXCEL_FILES)
    if target is None:
        return
    db, plan_id = window.session.db, window.session.plan_id
    operations.run(
        window,
        SEND_TITLE,
        lambda: write_form(db, plan_id, agency.id, target, period_id=period.id, report=report),
        success=lambda written: _say_sent(window, report, agency, written),
    )


def _say_sent(window: MainWindow, report: Report, agency: Agency, written: Path) -> None:
    """Where the file is, and what the Sở's import will say of it."""
    from sxtdbv_desktop.completeness import report_missing_items  # noqa: PLC0415  (here only)
    from sxtdbv_desktop.excel.errors import FormError  # noqa: PLC0415
    from sxtdbv_desktop.excel.files import load_received  # noqa: PLC0415
    from sxtdbv_desktop.excel.form_reader import read_form  # noqa: PLC0415

    done = f"Đã ghi báo cáo của {agency.name} vào {written}."
    try:  # the Sở's import checks will be the same: say now what they would refuse
        read_form(load_received(written))
    except FormError as refused:  # a verdict on the file, not a failure of the command
        msgbox.warn(
            window,
            SEND_TITLE,
            f"{done}\nSở Công Thương sẽ không nhập được tệp này, hãy sửa rồi xuất lại:"
            f"\n{refused.message}",
        )
        return
    missing = report_missing_items(window.session.db, report)
    send = "Gửi tệp này cho Sở Công Thương (thư điện tử hoặc USB)."
    if missing:
        listed = "\n".join(f"– {item}" for item in missing)
        msgbox.warn(
            window,
            SEND_TITLE,
            f"{done}\nBáo cáo còn thiếu {len(missing)} mục. Sở Công Thương vẫn nhận được, "
            f"nhưng các mục này được tính là chưa có số liệu; nên điền tiếp rồi xuất lại:"
            f"\n{listed}\n{send}",
        )
        return
    msgbox.inform(window, SEND_TITLE, f"{done}\n{send}")


class _DropImport(QObject):
    """Filled forms dragged onto the window are imported (after the usual preview)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not isinstance(event, QDragEnterEvent | QDropEvent):
            return False
        from sxtdbv_ui.excel.import_flow import dropped_paths  # noqa: PLC0415

        if isinstance(event, QDragEnterEvent) and dropped_paths(event.mimeData()):
            event.acceptProposedAction()
            return True
        if isinstance(event, QDropEvent) and (paths := dropped_paths(event.mimeData())):
            event.acceptProposedAction()
            _import(self._window, paths)
            return True
        return False
