"""Start the application: open (or create) the database, then show the main window."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from PySide6.QtCore import QLocale, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication
from sqlite_utils import Database

from sxtdbv_desktop import app_mutex
from sxtdbv_desktop.audit import Actor
from sxtdbv_desktop.paths import resource_path
from sxtdbv_desktop.plans import list_plans
from sxtdbv_desktop.storage import open_database
from sxtdbv_ui import commands, msgbox, settings, texts
from sxtdbv_ui.main_window import MainWindow
from sxtdbv_ui.safety import startup
from sxtdbv_ui.screen_fit import fit_to_screen
from sxtdbv_ui.translator import VietnameseTranslator
from sxtdbv_ui.workspace import DataSource, Workspace

_TRANSLATED = "sxtdbvTranslated"


def application() -> QApplication:
    """The QApplication, set up once: names for QSettings, Vietnamese locale and Qt strings."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv)
    app.setOrganizationName(texts.ORGANIZATION)
    app.setApplicationName(texts.APPLICATION)
    app.setApplicationDisplayName(texts.APP_TITLE)
    # Every window and its taskbar button: without it Windows shows the generic icon, since Qt
    # does not look for the icon resource PyInstaller puts in the .exe. The .ico holds each
    # size drawn for it (16 to 256 px) and loads faster than scaling the 512 px PNG.
    app.setWindowIcon(QIcon(str(resource_path("icons", "app.ico"))))
    QLocale.setDefault(QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam))
    # Once, however often this is called (tests do). Marked by a property: asking the
    # application for its children wraps each of Qt's own objects (6–12 ms at start-up).
    if not app.property(_TRANSLATED):
        app.installTranslator(VietnameseTranslator(app))
        app.setProperty(_TRANSLATED, True)
    return app


def open_window(db_path: Path, actor: Actor | None = None) -> MainWindow:
    """The main window straight on `db_path` (a new file gets the default plan), without the
    start-up checks of `run`: for tests, benchmarks and tools."""
    from sxtdbv_desktop.plan_file import load_default_plan  # noqa: PLC0415  (tests and tools only)

    db = open_database(db_path, actor or Actor.current())
    if not list_plans(db):
        load_default_plan(db)
    return build_window(db)


def build_window(source: Database | DataSource) -> MainWindow:
    """The main window on a data file (or a bare connection), on the last plan used, at its
    remembered size and tab."""
    db = source if isinstance(source, Database) else source.db
    plans = list_plans(db)
    plan = settings.last_plan(plans) or plans[0]
    window = MainWindow(Workspace(source, plan.id), settings.last_tab())
    if not settings.restore_window(window):
        fit_to_screen(window, 1280, 800)
    return window


def _report_shown(app: QApplication) -> None:
    print(f"shown {time.time():.3f}", flush=True)
    app.quit()


def run(db_path: Path) -> int:
    """Start the application on `db_path` and return its exit code.

    Error handling first (log, crash dialog); then the file is opened safely: the writer lock
    (or a read-only view with the reason), the integrity check with the offer to restore a
    backup, the automatic backup, and the first-start choices on a new file.
    """
    app = application()
    crash = startup.install_error_handling()
    app_mutex.hold()  # the installer and uninstaller wait while the window is open
    data_file = startup.open_for_window(db_path)
    if data_file is None:
        return 1
    try:
        if not list_plans(data_file.db):
            msgbox.warn(None, texts.APP_TITLE, "Tệp dữ liệu chưa có kế hoạch nào để hiển thị.")
            return 1
        window = build_window(data_file)
        commands.install(window, data_file)
        window.show()
        if os.environ.get("SXTDBV_QUIT_WHEN_SHOWN"):  # the start-up benchmark's probe
            QTimer.singleShot(0, lambda: _report_shown(app))
        code = app.exec()
    finally:
        data_file.close()
    del crash
    return code
