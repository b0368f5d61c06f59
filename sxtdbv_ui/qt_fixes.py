"""Work-arounds for defects of the Qt binding in use, each shown by a test
(tests/ui/test_qt_fixes.py) so that it can go when the binding is fixed.

PySide6 6.12.0 returns the singletons without taking a reference to them: every call of a
method that returns nothing (`setText`, `addWidget`, `processEvents`...) takes one reference
from `None` for good, and every `SignalInstance.emit()` one from `True`. Python 3.11 frees an
object whose count reaches zero, and freeing `None` or `True` aborts the interpreter ("Fatal
Python error: none_dealloc", "bool_dealloc"): a long day in the window, or a report laid out
while the window waits, would kill the program. Python 3.12 makes these objects immortal; on
3.11, `protect_singletons` gives each of them so many references (2^40) that no session can
use them up — which is what immortality means.

PySide6 (PYSIDE-2029, 6.4 onwards) reads, through `inspect.getsource`, the source of every
module an import statement names once the binding is loaded, to learn whether it mentions
"PySide6" (its `__feature__` switching applies only to those modules). From source, that is
some 250 modules before the window shows, 30–40 ms; `scan_sources_quickly` gives the same
answer from the file's bytes in about a fifth of the time. (The frozen program ships no
sources: there the scan finds nothing to read either way.)
"""

from __future__ import annotations

import ctypes
import sys
from types import ModuleType

SPARE_REFERENCES = 1 << 40
SINGLETONS = (None, True, False, NotImplemented, Ellipsis)


def protect_singletons() -> None:
    """Make None, True, False, NotImplemented and Ellipsis as good as immortal on CPython
    before 3.12 (an object's count is its first field there); elsewhere nothing needs doing."""
    if sys.implementation.name != "cpython" or sys.version_info >= (3, 12):
        return
    for singleton in SINGLETONS:
        ctypes.c_ssize_t.from_address(id(singleton)).value += SPARE_REFERENCES


def scan_sources_quickly() -> None:
    """Load the binding and let its import hook read each module's file as bytes instead of
    through `inspect` (same answer: does the source mention "PySide6"?). Call it before the
    window's modules are imported; without the hook (another binding version), nothing."""
    import PySide6.QtCore  # noqa: F401, PLC0415  (the hook comes with it; commands load no Qt)

    feature = sys.modules.get("shibokensupport.feature")
    original = getattr(feature, "_mod_uses_pyside", None)
    if feature is None or original is None or getattr(original, "quick", False):
        return

    def uses_pyside(module: ModuleType) -> bool:
        path = getattr(module, "__file__", None)
        if not isinstance(path, str) or not path.endswith(".py"):
            return bool(original(module))  # built-in, compiled or sourceless: as before
        try:
            with open(path, "rb") as source:
                return b"PySide6" in source.read()
        except OSError:  # no source beside the module (as `inspect` would say)
            return False

    uses_pyside.quick = True  # type: ignore[attr-defined]
    feature._mod_uses_pyside = uses_pyside  # type: ignore[attr-defined]
