"""The data file in the window: read-only reason and warnings, the installation's mode, the
writer lock's heartbeat, and Tệp → Sao lưu, Khôi phục, Nhật ký thay đổi, Người sử dụng, and
the plan file exchanged between the Sở Công Thương and the agencies."""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel

from sxtdbv_desktop import installation
from sxtdbv_desktop.plans import get_plan
from sxtdbv_desktop.session import Session as DataFile
from sxtdbv_ui import msgbox, operations
from sxtdbv_ui.folders import documents_dir, in_documents
from sxtdbv_ui.main_window import MainWindow
from sxtdbv_ui.safety import backup_actions, user_name
from sxtdbv_ui.safety.first_start import mode_label
from sxtdbv_ui.safety.read_only import read_only_text
from sxtdbv_ui.safety.startup import start_heartbeat


def install(window: MainWindow, file: DataFile) -> None:
    """Show the file's state in the window and add the Tệp menu's data-file commands."""
    window.set_read_only(read_only_text(file))
    for warning in file.warnings:
        window.add_notice(warning)
    setup = installation.load(file.db)
    if setup.is_agency:
        window.add_notice(
            "Máy này là của một đơn vị báo cáo: chỉ nhập và gửi báo cáo của đơn vị mình; "
            "kế hoạch do Sở Công Thương quản lý."
        )
    window.statusBar().addPermanentWidget(QLabel(mode_label(file.db)))
    start_heartbeat(file, window)
    # Mnemonics are unique within the Tệp menu (tests/ui/test_menus.py checks each menu).
    _add(window, "&Sao lưu dữ liệu…", lambda: backup_actions.backup_now(file, window))
    _add(window, "Khôi &phục từ bản sao lưu…", lambda: _restore(window, file), edits=True)
    _add(window, "&Nhật ký thay đổi…", lambda: _audit_log(window, file))
    _add(window, "Người sử &dụng…", lambda: user_name.change_user_name(file, window))
    if setup.is_agency:
        _add(window, "Nạp kế hoạch do Sở &gửi…", lambda: _load_plan(window, file), edits=True)
    else:
        _add(window, "Xuất kế hoạch cho các đơn &vị…", lambda: _export_plan(window, file))


def _add(window: MainWindow, text: str, slot: object, *, edits: bool = False) -> None:
    action = QAction(text, window)
    action.triggered.connect(slot)
    window.add_action("file", action, edits=edits)


def _audit_log(window: MainWindow, file: DataFile) -> None:
    from sxtdbv_ui.safety import audit_viewer  # noqa: PLC0415  (its Excel export loads openpyxl)

    audit_viewer.show_audit_log(file.db, window)


def _restore(window: MainWindow, file: DataFile) -> None:
    if backup_actions.restore_backup(file, window):
        window.reload()  # the workspace reads the new connection from the data file


def _export_plan(window: MainWindow, file: DataFile) -> None:
    from sxtdbv_desktop import plan_file  # noqa: PLC0415  (not needed at start-up)

    plan = get_plan(file.db, window.session.plan_id)
    suggested = in_documents(f"KeHoach_SXTDBV_{plan.year}.json")
    target = msgbox.save_file(window, "Xuất kế hoạch cho các đơn vị", suggested, msgbox.PLAN_FILES)
    if target is None:
        return
    operations.run(
        window,
        "Xuất kế hoạch cho các đơn vị",
        lambda: plan_file.write_plan_file(file.db, plan.id, target),
        success=lambda _: msgbox.inform(
            window,
            "Xuất kế hoạch cho các đơn vị",
            f"Đã ghi {target}.\nGửi tệp này cho các đơn vị để họ nạp vào máy của mình.",
        ),
    )


def _load_plan(window: MainWindow, file: DataFile) -> None:
    source = msgbox.open_file(window, "Nạp kế hoạch do Sở gửi", documents_dir(), msgbox.PLAN_FILES)
    if source is None:
        return

    def loaded(plan_id: int) -> None:
        window.reload()
        window.session.set_plan(plan_id)

    operations.run(
        window,
        "Nạp kế hoạch do Sở gửi",
        lambda: installation.load_plan_file(file.db, source),
        success=loaded,
    )
