"""Data files as the window opens them, for tests that build the window the way `run` does."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

from sxtdbv_desktop import installation
from sxtdbv_desktop.plan_file import load_default_plan
from sxtdbv_desktop.session import Session as DataFile
from sxtdbv_desktop.session import open_session
from tests.conftest import TEST_ACTOR


@contextlib.contextmanager
def data_file_on(
    db_path: Path,
    mode: str | None = installation.CONSOLIDATING,
    user: str = "Nguyễn Thị Lan",
    agency: str | None = None,
) -> Iterator[DataFile]:
    """The data file `run` opens: the default plan, and the first-start choices made (`mode`
    None: not yet, as on a new file)."""
    opened = open_session(db_path, TEST_ACTOR)
    load_default_plan(opened.db)
    if mode is not None:
        installation.set_up(opened.db, mode, user, agency)
    try:
        yield opened
    finally:
        opened.close()
