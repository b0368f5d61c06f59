"""The window as `run` builds it on a data file: read-only view, warnings, the installation's
mode, and the commands other modules add to the menus."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from sxtdbv_desktop import backup, drives, installation, plan_file
from sxtdbv_desktop.plan_file import load_default_plan
from sxtdbv_desktop.session import Session as DataFile
from sxtdbv_desktop.session import open_session
from tests.conftest import TEST_ACTOR
from tests.ui.conftest import Answers
from ui import commands, msgbox
from ui.app import build_window
from ui.main_window import MainWindow
from ui.safety import backup_actions


@pytest.fixture
def data_file(db_path: Path) -> Iterator[DataFile]:
    opened = open_session(db_path, TEST_ACTOR)
    load_default_plan(opened.db)
    installation.set_up(opened.db, installation.CONSOLIDATING, "Nguyễn Thị Lan")
    try:
        yield opened
    finally:
        opened.close()


def window_on(file: DataFile, qtbot: QtBot) -> MainWindow:
    window = build_window(file.db)
    qtbot.addWidget(window)
    commands.install(window, file)
    return window


def menu_texts(window: MainWindow, key: str) -> list[str]:
    return [a.text() for a in window.menu(key).actions() if a.text()]


def test_commands_are_in_their_menus(data_file: DataFile, qtbot: QtBot) -> None:
    window = window_on(data_file, qtbot)
    assert "&Báo cáo tổng hợp (xem, in, lưu PDF)…" in menu_texts(window, "report")
    file_menu = menu_texts(window, "file")
    for text in ("&Sao lưu dữ liệu…", "&Khôi phục từ bản sao lưu…", "&Nhật ký thay đổi…",
                 "&Người sử dụng…", "&Xuất kế hoạch cho các đơn vị…"):  # fmt: skip
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
        restore = next(a for a in window.menu("file").actions() if "Khôi phục" in a.text())
        assert not restore.isEnabled()
    finally:
        viewer.close()


def test_a_file_on_a_network_share_is_flagged(
    db_path: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(drives, "is_network_path", lambda path: True)
    opened = open_session(db_path, TEST_ACTOR)
    load_default_plan(opened.db)
    try:
        window = window_on(opened, qtbot)
        assert "thư mục dùng chung qua mạng" in window.banner.text()
        assert not window.session.read_only
    finally:
        opened.close()


def test_an_agency_installation_says_what_it_may_do(db_path: Path, qtbot: QtBot) -> None:
    opened = open_session(db_path, TEST_ACTOR)
    load_default_plan(opened.db)
    installation.set_up(opened.db, installation.AGENCY, "Trần Văn Bình", agency_code="HLapVo")
    try:
        window = window_on(opened, qtbot)
        assert "chỉ nhập và gửi báo cáo của đơn vị mình" in window.banner.text()
        assert "Nạp &kế hoạch do Sở gửi…" in menu_texts(window, "file")
        assert "&Xuất kế hoạch cho các đơn vị…" not in menu_texts(window, "file")
    finally:
        opened.close()


def test_restoring_a_backup_reloads_the_window_from_the_new_connection(
    data_file: DataFile, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, answers: Answers
) -> None:
    window = window_on(data_file, qtbot)
    saved = backup.auto_backup(data_file.db, data_file.path)
    assert saved is not None
    data_file.db.execute("UPDATE plans SET total_budget = 1")

    def restore(file: DataFile, parent: object = None) -> bool:
        file.restore(saved)
        return True

    monkeypatch.setattr(backup_actions, "restore_backup", restore)
    next(a for a in window.menu("file").actions() if "Khôi phục" in a.text()).trigger()
    assert window.session.db is data_file.db
    (total,) = window.session.db.execute("SELECT total_budget FROM plans").fetchone()
    assert total == 3_235_715_000


def test_exporting_the_plan_for_the_agencies(
    data_file: DataFile, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    answers: Answers,
) -> None:  # fmt: skip
    window = window_on(data_file, qtbot)
    target = tmp_path / "KeHoach_SXTDBV_2023.json"
    monkeypatch.setattr(msgbox, "save_file", lambda *args: target)
    next(a for a in window.menu("file").actions() if "Xuất kế hoạch" in a.text()).trigger()
    assert plan_file.read_plan_file(target)["plan"]["year"] == 2023
    assert answers.notices and str(target) in answers.notices[0]
