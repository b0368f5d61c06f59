"""The defect of PySide6 6.12 that sxtdbv_ui/qt_fixes.py works around, shown in separate processes
(it aborts the interpreter), and the work-around holding; and the binding's import hook, read
quickly with the same answers."""

from __future__ import annotations

import json
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


SCAN = """
import json, sys
import PySide6.QtCore
feature = sys.modules["shibokensupport.feature"]
original = feature._mod_uses_pyside
from sxtdbv_ui import qt_fixes
qt_fixes.scan_sources_quickly()
quick = feature._mod_uses_pyside
qt_fixes.scan_sources_quickly()  # a second call changes nothing
import json as plain, sxtdbv_desktop.plans as core, sxtdbv_ui.texts as ours, sxtdbv_ui.app as qt
modules = [sys, plain, core, ours, qt, PySide6, PySide6.QtCore]
print(json.dumps([quick is not original, feature._mod_uses_pyside is quick,
                  [original(m) for m in modules], [quick(m) for m in modules]]))
"""


def test_the_binding_reads_each_modules_source_through_inspect() -> None:
    """If this starts failing, the binding no longer reads sources at each import (or reads
    them another way): see whether `scan_sources_quickly` is still needed."""
    import PySide6.QtCore  # noqa: F401

    feature = sys.modules["shibokensupport.feature"]
    names = feature._mod_uses_pyside.__code__.co_names
    assert {"inspect", "getsource"} <= set(names)  # (tests never patch it in their own process)


def test_the_quick_scan_gives_the_bindings_answers() -> None:
    environment = {"QT_QPA_PLATFORM": "offscreen", "PATH": ""}
    done = subprocess.run([sys.executable, "-c", SCAN], capture_output=True, text=True,
                          env=environment, check=False)  # fmt: skip
    assert done.returncode == 0, done.stderr[-500:]
    replaced, once, original, quick = json.loads(done.stdout)
    assert replaced and once
    assert original == quick == [False, False, False, False, True, True, False]
