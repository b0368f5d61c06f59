"""The defect of PySide6 6.12 that sxtdbv_ui/qt_fixes.py works around, shown in separate processes
(it aborts the interpreter), and the work-around holding."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

CALLS = """
from PySide6.QtCore import QCoreApplication, QObject, Signal
{prelude}
app = QCoreApplication([])
class Source(QObject):
    stepped = Signal(int, int, str)
source = Source()
source.stepped.connect(lambda *args: None)
for _ in range(100_000):  # more calls than None and True have references in a fresh process
    {call}
print("còn sống")
"""
EMIT = 'source.stepped.emit(1, 2, "tệp")'
VOID = 'source.setObjectName("nguồn")'


def run(call: str, prelude: str = "") -> subprocess.CompletedProcess[str]:
    script = textwrap.dedent(CALLS).format(prelude=prelude, call=call)
    environment = {"QT_QPA_PLATFORM": "offscreen", "PATH": ""}
    return subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          env=environment, check=False)  # fmt: skip


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="None and True are immortal there")
@pytest.mark.parametrize(("call", "death"), [(EMIT, "bool_dealloc"), (VOID, "none_dealloc")])
def test_the_binding_drops_references_to_none_and_true(call: str, death: str) -> None:
    """If this starts failing, the binding is fixed: remove sxtdbv_ui/qt_fixes.py."""
    bare = run(call)
    assert bare.returncode != 0 and death in bare.stderr


@pytest.mark.parametrize("call", [EMIT, VOID])
def test_the_window_package_protects_them(call: str) -> None:
    protected = run(call, "import sxtdbv_ui")
    assert protected.returncode == 0, protected.stderr[-500:]
    assert protected.stdout.strip() == "còn sống"
