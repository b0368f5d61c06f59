"""A hard crash (inside a C library, where no Python handler runs) still leaves a traceback in
the data folder's fault log."""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

import pytest

from sxtdbv_desktop import logs

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGSEGV"), reason="POSIX signals")


def test_a_segfault_is_written_to_the_fault_log(tmp_path: Path) -> None:
    script = (
        "import ctypes, sys; from pathlib import Path; from sxtdbv_desktop import logs;"
        "logs.enable_fault_log(Path(sys.argv[1])); ctypes.string_at(0)"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(tmp_path)], capture_output=True, check=False
    )
    assert done.returncode == -signal.SIGSEGV
    text = (tmp_path / logs.FAULT_LOG_NAME).read_text(encoding="utf-8")
    assert "Fatal Python error: Segmentation fault" in text
