"""Shared fixtures: real SQLite files in tmp_path, always closed."""

from __future__ import annotations

import datetime as dt
import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from sqlite_utils import Database

from sxtdbv_desktop import locking, logs
from sxtdbv_desktop.audit import Actor
from sxtdbv_desktop.plan_file import load_default_plan
from sxtdbv_desktop.storage import open_database
from sxtdbv_ui import offscreen
from sxtdbv_ui.safety.crash import CrashHandler
from tests import sizes
from tests.prompts import ScriptedPrompts
from tests.windows_files import refuse_deleting_open_files

# Before any QApplication: headless, and with fonts on Windows (sxtdbv_ui/offscreen.py says why), on
# two screens as office PCs have them less the 40-pixel taskbar, the smaller one first
# (tests/ui/test_screen_fit.py opens every window on both).
SCREENS = Path(__file__).parent / "data" / "offscreen-screens.json"
if os.environ.get("QT_QPA_PLATFORM", "offscreen") == "offscreen":
    # Qt splits the platform's options at ":": a relative path keeps a drive letter out.
    where = Path(os.path.relpath(SCREENS)) if SCREENS.drive == Path.cwd().drive else SCREENS
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={where.as_posix()}"
offscreen.prepare()

TEST_ACTOR = Actor(os_user="tester", name="Nguyễn Văn Kiểm")

sizes.load_hypothesis_profile()


def pytest_report_header() -> str:
    return sizes.header()


@pytest.fixture(autouse=True)
def _isolated_data_dir(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No test touches the real user data folder."""
    monkeypatch.setenv("SXTDBV_DATA_DIR", str(tmp_path_factory.mktemp("data")))


@pytest.fixture(autouse=True)
def _no_wait_for_held_locks(monkeypatch: pytest.MonkeyPatch) -> None:
    """A second opener in this process is refused at once instead of after
    locking.RELEASE_WAIT (tests/safety/test_locking.py tests the wait itself)."""
    monkeypatch.setattr(locking, "RELEASE_WAIT", dt.timedelta(0))


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "sxtdbv.sqlite"


@dataclass(frozen=True)
class Templates:
    """Closed database files made once per session by the program's own functions, as the
    fixtures below would make them; each test gets a copy (a copy opens in milliseconds,
    where creating a database and loading the plan take a tenth of a second)."""

    empty: Path  # migrated, no plan
    default_plan: Path  # the embedded default plan loaded


@pytest.fixture(scope="session")
def _templates(tmp_path_factory: pytest.TempPathFactory) -> Templates:
    folder = tmp_path_factory.mktemp("templates")
    with pytest.MonkeyPatch.context() as patch:  # the function-scoped isolation is not yet on
        patch.setenv("SXTDBV_DATA_DIR", str(folder / "data"))
        templates = Templates(folder / "empty.sqlite", folder / "default-plan.sqlite")
        open_database(templates.empty, TEST_ACTOR).close()
        db = open_database(templates.default_plan, TEST_ACTOR)
        try:
            load_default_plan(db)
        finally:
            db.close()
    # Closed cleanly, each is one file (its WAL checkpointed and removed).
    assert sorted(p.name for p in folder.iterdir() if p.is_file()) == [
        "default-plan.sqlite",
        "empty.sqlite",
    ]
    return templates


def _copy(template: Path, path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(template, path)
    return path


@pytest.fixture
def empty_db(db_path: Path, _templates: Templates) -> Iterator[Database]:
    """A freshly migrated database with no plan."""
    db = open_database(_copy(_templates.empty, db_path), TEST_ACTOR)
    try:
        yield db
    finally:
        db.close()


@pytest.fixture
def db(request: pytest.FixtureRequest, db_path: Path, _templates: Templates) -> Iterator[Database]:
    """A database holding the embedded default plan (Đồng Tháp 2023)."""
    if "empty_db" in request.fixturenames:  # the same file and connection as `empty_db`
        empty: Database = request.getfixturevalue("empty_db")
        load_default_plan(empty)
        yield empty
        return
    db = open_database(_copy(_templates.default_plan, db_path), TEST_ACTOR)
    try:
        yield db
    finally:
        db.close()


@pytest.fixture
def saved(db_path: Path, _templates: Templates) -> Path:
    """A file holding the default plan, closed: for tests that open it their own way."""
    return _copy(_templates.default_plan, db_path)


@pytest.fixture
def plan_id(db: Database) -> int:
    (plan_id,) = db.execute("SELECT id FROM plans").fetchone()
    return int(plan_id)


@pytest.fixture
def windows_file_rules(monkeypatch: pytest.MonkeyPatch) -> None:
    """Deleting a file this process holds open fails, as on Windows (tests/windows_files.py)."""
    refuse_deleting_open_files(monkeypatch)


@pytest.fixture
def prompts(monkeypatch: pytest.MonkeyPatch) -> ScriptedPrompts:
    """The user at the window's prompts (`sxtdbv_ui.msgbox`), answering as the test scripts."""
    return ScriptedPrompts().install(monkeypatch)


@pytest.fixture
def log_path(tmp_path: Path) -> Iterator[Path]:
    """The program's log file, as `sxtdbv_ui.app.run` sets it up."""
    path = logs.setup_logging(tmp_path)
    yield path
    logs.remove_handlers(tmp_path)


@pytest.fixture
def crash(log_path: Path, qapp: QApplication) -> Iterator[CrashHandler]:
    """The program's crash handler, as `sxtdbv_ui.app.run` installs it: `crash.dialog` is the crash
    dialog once a bug reached it."""
    handler = CrashHandler(log_path)
    handler.install()
    yield handler
    handler.uninstall()
    if handler.dialog is not None:
        handler.dialog.close()
    if handler.dialog is not None:
        handler.dialog.close()
