"""Qt's headless "offscreen" platform, set up before the QApplication exists (tests, the
self-test, benchmarks).

On Windows the offscreen platform reads fonts with FreeType from `<Qt>/lib/fonts`, which the
PySide6 wheel does not ship: Qt warns "QFontDatabase: Cannot find font directory" and draws
text as boxes. `QT_QPA_FONTDIR` points it at the Windows fonts folder instead. The real
"windows" platform asks Windows for its fonts and ignores the variable.
"""

from __future__ import annotations

import ntpath
import os
import sys
from collections.abc import MutableMapping


def prepare(environ: MutableMapping[str, str] | None = None, system: str | None = None) -> None:
    """Choose the offscreen platform unless one is set, and give it fonts on Windows."""
    env = os.environ if environ is None else environ
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    if (system or sys.platform) == "win32":
        env.setdefault("QT_QPA_FONTDIR", windows_fonts_dir(env))


def windows_fonts_dir(environ: MutableMapping[str, str]) -> str:
    """The Windows fonts folder, e.g. C:\\Windows\\Fonts."""
    windows = environ.get("WINDIR") or environ.get("SystemRoot") or "C:\\Windows"
    return ntpath.join(windows, "Fonts")
