"""The window's error handling at start-up: the log file, the crash handler, and the fault
log only where it records real crashes (not on Windows)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from sxtdbv_desktop import logs
from sxtdbv_ui.safety import startup


@pytest.fixture
def enabled(monkeypatch: pytest.MonkeyPatch, qapp: QApplication) -> Iterator[list[Path | None]]:
    """Calls of logs.enable_fault_log (faked: the real one takes over faulthandler for the
    rest of the test run)."""
    calls: list[Path | None] = []
    monkeypatch.setattr(logs, "enable_fault_log", lambda directory=None: calls.append(directory))
    yield calls
    logs.remove_handlers(logs.log_dir())


@pytest.mark.parametrize(("system", "expected"), [("linux", 1), ("win32", 0)])
def test_the_fault_log_is_enabled_except_on_windows(
    monkeypatch: pytest.MonkeyPatch, enabled: list[Path | None], system: str, expected: int
) -> None:
    monkeypatch.setattr("sys.platform", system)
    handler = startup.install_error_handling()
    try:
        assert len(enabled) == expected
        assert handler.log_path == logs.log_file()  # the program log is written everywhere
    finally:
        handler.uninstall()
