"""`--self-test`, run from source as CI runs it on the bundle: every check passes."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import IO

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from sxtdbv_ui import self_test


def test_self_test_passes_and_leaves_no_data_behind(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "SXTDBV_DATA_DIR": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, "-m", "sxtdbv_ui", "--self-test"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        check=False,
        timeout=120,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    lines = done.stdout.splitlines()
    assert [line.split(":")[0] for line in lines if line.startswith("[")] == [
        "[ĐẠT] Tài nguyên đi kèm",
        "[ĐẠT] Tệp dữ liệu mới và kế hoạch mặc định",
        "[ĐẠT] Cửa sổ chính với đủ các thẻ",
        "[ĐẠT] Tiếng Việt trong Qt",
        "[ĐẠT] Báo cáo tổng hợp (PDF)",
        "[ĐẠT] Báo cáo Word (.docx)",
        "[ĐẠT] Biểu mẫu Excel",
    ]
    assert lines[-1] == "Tự kiểm tra: mọi mục đều đạt."
    assert list(tmp_path.iterdir()) == []  # its own temporary folder, not the user's data


def test_self_test_leaves_the_users_settings_alone(tmp_path: Path) -> None:
    """The window the self-test builds offscreen saves its geometry, tab and plan when it
    closes: into settings of its own, never the user's (on Windows, the registry under HKCU)."""
    config = tmp_path / "config"
    user_settings = config / "SoCongThuong" / "SXTDBV Desktop.conf"
    user_settings.parent.mkdir(parents=True)
    user_settings.write_text("[window]\ntab=2\nplan=Đồng Tháp|2023\n", encoding="utf-8")
    before = user_settings.read_bytes()
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "SXTDBV_DATA_DIR": str(tmp_path / "data"),
        "XDG_CONFIG_HOME": str(config),  # where QSettings keeps the user's settings on Linux
    }
    done = subprocess.run(
        [sys.executable, "-m", "sxtdbv_ui", "--self-test"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        check=False,
        timeout=120,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert user_settings.read_bytes() == before
    assert sorted(p.relative_to(config) for p in config.rglob("*")) == [
        Path("SoCongThuong"),
        Path("SoCongThuong/SXTDBV Desktop.conf"),
    ]


def test_a_temporary_file_that_cannot_be_deleted_does_not_fail_the_self_test(
    monkeypatch: pytest.MonkeyPatch, windows_file_rules: None, capsys: pytest.CaptureFixture[str]
) -> None:
    """An antivirus scanner holding a fresh file of the self-test's temporary folder."""
    held: list[IO[bytes]] = []

    def scanned() -> str:
        path = test_folder[0] / "bao-cao.pdf"
        path.write_bytes(b"%PDF-1.4")
        held.append(path.open("rb"))
        return "tệp đang bị giữ"

    test_folder: list[Path] = []
    real_init = self_test.SelfTest.__init__

    def init(self: self_test.SelfTest, folder: Path) -> None:
        real_init(self, folder)
        test_folder.append(folder)

    monkeypatch.setattr(self_test.SelfTest, "__init__", init)
    # The subprocess test above covers the settings; here they stay this process's own.
    monkeypatch.setattr(self_test, "use_own_settings", lambda folder: None)
    monkeypatch.setattr(self_test.SelfTest, "checks", lambda self: [("Giữ tệp", scanned)])
    try:
        assert self_test.run() == 0
        out = capsys.readouterr().out
        assert "[ĐẠT] Giữ tệp: tệp đang bị giữ" in out
        assert f"Không xóa được thư mục tạm {test_folder[0]}" in out
    finally:
        for handle in held:
            handle.close()
        shutil.rmtree(test_folder[0], ignore_errors=True)


def test_own_settings_live_in_the_given_folder(tmp_path: Path, qapp: QApplication) -> None:
    """On every system, Windows included, where the user's settings are the registry."""
    self_test.use_own_settings(tmp_path)
    settings = QSettings()
    assert settings.format() == QSettings.Format.IniFormat
    assert Path(settings.fileName()).is_relative_to(tmp_path)
