"""What every start of the program does first, command or window: a console that survives
Vietnamese, the log file, and telling a command line that only opens the window (nothing, or
`--db TỆP`) from one the parser of `sxtdbv_desktop.cli` must read.

Kept apart from `cli`, whose parser and command modules (and sqlite-utils' command-line side)
take tens of milliseconds to load: the window's start does not need them.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Sequence
from pathlib import Path

from sxtdbv_desktop import logs
from sxtdbv_desktop.paths import default_database_path

DB_OPTION = "--db"


def window_only(argv: Sequence[str]) -> Path | None:
    """The data file to open when `argv` asks for nothing but the window: no argument, or the
    one option `--db TỆP` (`--db=TỆP`). None for anything else (a command, another option, a
    mistake), which the parser reads, answers and explains as always."""
    match list(argv):
        case []:
            return default_database_path()
        case [option, value] if option == DB_OPTION:
            return _file(value)
        case [option] if option.startswith(DB_OPTION + "="):
            return _file(option.removeprefix(DB_OPTION + "="))
    return None


def _file(value: str) -> Path | None:
    # An empty name or one like an option: the parser's own words for the mistake.
    return Path(value) if value and not value.startswith("-") else None


def start_logging() -> None:
    """Events (backups, restores, locks taken over) go to the log file, not the console."""
    with contextlib.suppress(OSError):  # a data folder we cannot write: no log, still work
        logs.setup_logging()


def utf8_console() -> None:
    """Vietnamese must survive a Windows console or a redirected output (cp1252 by default)."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(encoding="utf-8", errors="replace")
