"""The mutex that keeps the installer and uninstaller from working under a running program:
created through CreateMutexW (replaced here), under the name installer.iss gives AppMutex."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from sxtdbv_desktop import app_mutex

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def _no_handles_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(app_mutex, "_handles", [])


def test_the_mutex_is_created_under_its_name_and_kept() -> None:
    names: list[str] = []

    def create_mutex(name: str) -> int:
        names.append(name)
        return 0x1F4

    assert app_mutex.hold(create_mutex)
    assert names == ["SoCongThuong-SXTDBV-Desktop"]
    assert app_mutex._handles == [0x1F4]  # never closed: Windows frees it with the process


def test_a_mutex_that_cannot_be_created_is_logged_not_fatal(
    caplog: pytest.LogCaptureFixture,
) -> None:
    assert not app_mutex.hold(lambda name: 0)
    assert "Không tạo được mutex" in caplog.text
    assert app_mutex._handles == []


@pytest.mark.skipif(sys.platform == "win32", reason="the real CreateMutexW runs on Windows")
def test_elsewhere_than_on_windows_nothing_is_created() -> None:
    assert not app_mutex.hold()


def test_the_installer_waits_for_the_mutex_the_program_creates() -> None:
    script = (ROOT / "installer.iss").read_text(encoding="utf-8-sig")
    defined = re.search(r'^#define AppMutex "([^"]+)"$', script, re.MULTILINE)
    assert defined is not None and defined.group(1) == app_mutex.MUTEX_NAME
    assert re.search(r"^AppMutex=\{#AppMutex\}$", script, re.MULTILINE)
    assert "\\" not in app_mutex.MUTEX_NAME  # a backslash would name a kernel namespace


@pytest.mark.skipif(sys.platform != "win32", reason="the real CreateMutexW")
def test_on_windows_the_mutex_exists_while_the_program_holds_it() -> None:
    import ctypes

    assert app_mutex.hold()
    synchronize = 0x00100000
    kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
    handle = kernel32.OpenMutexW(synchronize, False, app_mutex.MUTEX_NAME)
    assert handle, "OpenMutexW found no mutex"
    kernel32.CloseHandle(handle)
