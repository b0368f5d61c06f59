"""The window as `run` builds it on a data file: read-only view, warnings, the installation's
mode, and the commands other modules add to the menus."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QLabel, QMenu
from pytestqt.qtbot import QtBot

from sxtdbv_desktop import backup, drives, installation, plan_file
from sxtdbv_desktop.excel.files import load_received
from sxtdbv_desktop.excel.form_structure import read_structure
from sxtdbv_desktop.session import Session as DataFile
from sxtdbv_desktop.session import open_session
from sxtdbv_ui import commands, msgbox
from sxtdbv_ui.app import build_window
from sxtdbv_ui.excel import import_flow
from sxtdbv_ui.main_window import MainWindow
from sxtdbv_ui.safety import backup_actions
from tests.conftest import TEST_ACTOR
from tests.prompts import ScriptedPrompts
from tests.ui.data_files import data_file_on


def window_on(file: DataFile, qtbot: QtBot) -> MainWindow:
    window = build_window(file)
    qtbot.addWidget(window)
    commands.install(window, file)
    return window


def menu_texts(window: MainWindow, key: str) -> list[str]:
    return [a.text() for a in window.menu(key).actions() if a.text()]


def test_commands_are_in_their_menus(data_file: DataFile, qtbot: QtBot) -> None:
    window = window_on(data_file, qtbot)
    assert "&Báo cáo tổng hợp (xem, in, lưu Word, PDF)…" in menu_texts(window, "report")
    file_menu = menu_texts(window, "file")
    for text in ("&Sao lưu dữ liệu…", "Khôi &phục từ bản sao lưu…", "&Nhật ký thay đổi…",
                 "Người sử &dụng…", "Xuất kế hoạch cho các đơn &vị…"):  # fmt: skip
        assert text in file_menu
    assert file_menu[-1] == "&Thoát"
    labels = window.statusBar().findChildren(QLabel)
    assert any(label.text().startswith("Đơn vị tổng hợp") for label in labels)


def test_a_second_opening_is_read_only_and_says_why(data_file: DataFile, qtbot: QtBot) -> None:
    viewer = open_session(data_file.path, TEST_ACTOR)
    try:
        window = window_on(viewer, qtbot)
        assert window.session.read_only
        assert "Tệp dữ liệu đang mở chỉ để xem" in window.banner.text()
        restore = next(a for a in window.menu("file").actions() if "Khôi &phục" in a.text())
        assert not restore.isEnabled()
    finally:
        viewer.close()


def test_a_file_on_a_network_share_is_flagged(
    db_path: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(drives, "is_network_path", lambda path: True)
    with data_file_on(db_path, mode=None) as opened:
        window = window_on(opened, qtbot)
        assert "thư mục dùng chung qua mạng" in window.banner.text()
        assert not window.session.read_only


def test_an_agency_installation_says_what_it_may_do(db_path: Path, qtbot: QtBot) -> None:
    with data_file_on(db_path, installation.AGENCY, "Trần Văn Bình", "HLapVo") as opened:
        window = window_on(opened, qtbot)
        assert "chỉ nhập và gửi báo cáo của đơn vị mình" in window.banner.text()
        assert "Nạp kế hoạch do Sở &gửi…" in menu_texts(window, "file")
        assert "Xuất kế hoạch cho các đơn &vị…" not in menu_texts(window, "file")


def test_restoring_a_backup_reloads_the_window_from_the_new_connection(
    data_file: DataFile, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, prompts: ScriptedPrompts
) -> None:
    window = window_on(data_file, qtbot)
    saved = backup.auto_backup(data_file.db, data_file.path)
    assert saved is not None
    data_file.db.execute("UPDATE plans SET total_budget = 1")

    def restore(file: DataFile, parent: object = None) -> bool:
        file.restore(saved)
        return True

    monkeypatch.setattr(backup_actions, "restore_backup", restore)
    next(a for a in window.menu("file").actions() if "Khôi &phục" in a.text()).trigger()
    assert window.session.db is data_file.db  # nothing re-synced by hand: read from the file
    with pytest.raises(AttributeError):
        window.session.db = data_file.db  # type: ignore[misc]
    (total,) = window.session.db.execute("SELECT total_budget FROM plans").fetchone()
    assert total == 3_235_715_000


def test_exporting_the_plan_for_the_agencies(
    data_file: DataFile, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    prompts: ScriptedPrompts,
) -> None:  # fmt: skip
    window = window_on(data_file, qtbot)
    target = tmp_path / "KeHoach_SXTDBV_2023.json"
    monkeypatch.setattr(msgbox, "save_file", lambda *args: target)
    next(a for a in window.menu("file").actions() if "Xuất kế hoạch" in a.text()).trigger()
    assert plan_file.read_plan_file(target)["plan"]["year"] == 2023
    assert prompts.notices and str(target) in prompts.notices[0]


def test_the_consolidating_unit_gets_the_excel_commands(data_file: DataFile, qtbot: QtBot) -> None:
    window = window_on(data_file, qtbot)
    assert "Nhập báo cáo từ &Excel…" in menu_texts(window, "file")
    assert "Tạo biểu &mẫu Excel cho các đơn vị…" in menu_texts(window, "report")
    export = next(a.menu() for a in window.menu("file").actions() if a.menu())
    assert isinstance(export, QMenu)
    assert [a.text() for a in export.actions()] == [
        "&Nhiệm vụ", "&Chỉ tiêu", "&Kinh phí", "&Tình hình báo cáo"
    ]  # fmt: skip
    assert window.acceptDrops()


def test_a_form_dropped_on_the_window_goes_to_the_import(
    data_file: DataFile, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = window_on(data_file, qtbot)
    form = tmp_path / "BaoCao_HLapVo_2023.xlsx"
    form.write_bytes(b"")
    imported: list[list[Path]] = []
    monkeypatch.setattr(
        import_flow,
        "import_files",
        lambda w, db, plan, paths, **_: imported.append(paths),
    )
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(form)), QUrl.fromLocalFile(str(tmp_path / "x.txt"))])
    assert drag_onto(window, mime)
    drop = QDropEvent(QPointF(window.rect().center()), Qt.DropAction.CopyAction, mime,
                      Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)  # fmt: skip
    QApplication.sendEvent(window, drop)
    assert imported == [[form]]


def drag_onto(window: MainWindow, mime: QMimeData) -> bool:
    """Whether the window accepts what is dragged onto it."""
    enter = QDragEnterEvent(QPointF(window.rect().center()), Qt.DropAction.CopyAction, mime,
                            Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)  # fmt: skip
    QApplication.sendEvent(window, enter)
    return enter.isAccepted()


def test_an_agency_sends_its_own_report_as_a_form(
    db_path: Path, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    prompts: ScriptedPrompts,
) -> None:  # fmt: skip
    target = tmp_path / "gui-so.xlsx"
    monkeypatch.setattr(msgbox, "save_file", lambda *args: target)
    with data_file_on(db_path, installation.AGENCY, "Trần Văn Bình", "HLapVo") as opened:
        window = window_on(opened, qtbot)
        assert "Nhập báo cáo từ &Excel…" not in menu_texts(window, "file")
        mime = QMimeData()
        mime.setUrls([QUrl.fromLocalFile(str(tmp_path / "BaoCao_SoCT_2023.xlsx"))])
        assert not drag_onto(window, mime)  # an agency imports nothing
        send = next(a for a in window.menu("file").actions() if "gửi Sở" in a.text())
        send.trigger()
    assert read_structure(load_received(target)).identity.agency_code == "HLapVo"
    # Nothing entered yet: the file is written, and the agency is told what is still missing.
    assert "UBND huyện Lấp Vò" in prompts.warnings[0]
    assert "còn thiếu" in prompts.warnings[0]
    assert "Nhiệm vụ V.10.1: trạng thái" in prompts.warnings[0]
    assert "Chỉ tiêu 4b: lượng túi nhựa khó phân hủy sử dụng năm trước" in prompts.warnings[0]
