"""A hard crash (inside a C library, where no Python handler runs) still leaves a traceback in
the data folder's fault log; on Windows the fault log would also record exceptions that were
handled, which is why the window does not write it there (logs.fault_log_is_meaningful)."""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

import pytest

from sxtdbv_desktop import logs

# Reads address 0: a segmentation fault on POSIX. On Windows ctypes catches the access
# violation (structured exception handling) and raises OSError: the process survives it.
CRASH = (
    "import ctypes, sys; from pathlib import Path; from sxtdbv_desktop import logs;"
    "logs.enable_fault_log(Path(sys.argv[1])); ctypes.string_at(0)"
)


def crash(folder: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", CRASH, str(folder)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        check=False,
    )


@pytest.mark.skipif(
    sys.platform == "win32" or not hasattr(signal, "SIGSEGV"), reason="POSIX signals"
)
def test_a_segfault_is_written_to_the_fault_log(tmp_path: Path) -> None:
    done = crash(tmp_path)
    assert done.returncode == -signal.SIGSEGV
    text = (tmp_path / logs.FAULT_LOG_NAME).read_text(encoding="utf-8")
    assert "Fatal Python error: Segmentation fault" in text


@pytest.mark.skipif(sys.platform != "win32", reason="Windows structured exceptions")
def test_on_windows_a_handled_access_violation_is_logged_as_fatal(tmp_path: Path) -> None:
    done = crash(tmp_path)
    assert done.returncode == 1, done.stderr  # the program went on: Python's OSError
    assert "OSError" in done.stderr and "access violation" in done.stderr
    text = (tmp_path / logs.FAULT_LOG_NAME).read_text(encoding="utf-8")
    assert "Windows fatal exception: access violation" in text  # yet faulthandler cried "fatal"


def test_the_fault_log_is_kept_off_windows_only() -> None:
    assert logs.fault_log_is_meaningful("linux")
    assert logs.fault_log_is_meaningful("darwin")
    assert not logs.fault_log_is_meaningful("win32")
