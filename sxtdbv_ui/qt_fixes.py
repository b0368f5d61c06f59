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
"""

from __future__ import annotations

import ctypes
import sys

SPARE_REFERENCES = 1 << 40
SINGLETONS = (None, True, False, NotImplemented, Ellipsis)


def protect_singletons() -> None:
    """Make None, True, False, NotImplemented and Ellipsis as good as immortal on CPython
    before 3.12 (an object's count is its first field there); elsewhere nothing needs doing."""
    if sys.implementation.name != "cpython" or sys.version_info >= (3, 12):
        return
    for singleton in SINGLETONS:
        ctypes.c_ssize_t.from_address(id(singleton)).value += SPARE_REFERENCES
