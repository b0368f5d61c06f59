"""Start the application: open (or create) the database, then show the main window."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication

from sxtdbv_desktop.audit import Actor
from sxtdbv_desktop.errors import SxtdbvError
from sxtdbv_desktop.plan_file import load_default_plan
from sxtdbv_desktop.plans import list_plans
from sxtdbv_desktop.storage import open_database
from ui import msgbox, settings, texts
from ui.main_window import MainWindow
from ui.session import Session
from ui.translator import VietnameseTranslator


def application() -> QApplication:
    """The QApplication, set up once: names for QSettings, Vietnamese locale and Qt strings."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv)
    app.setOrganizationName(texts.ORGANIZATION)
    app.setApplicationName(texts.APPLICATION)
    app.setApplicationDisplayName(texts.APP_TITLE)
    QLocale.setDefault(QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam))
    if not any(isinstance(t, VietnameseTranslator) for t in app.findChildren(VietnameseTranslator)):
        app.installTranslator(VietnameseTranslator(app))
    return app


def open_window(db_path: Path, actor: Actor | None = None) -> MainWindow:
    """The main window on `db_path` (a new file gets the default plan), on the last plan used."""
    db = open_database(db_path, actor or Actor.current())
    if not list_plans(db):
        load_default_plan(db)
    plans = list_plans(db)
    plan = settings.last_plan(plans) or plans[0]
    window = MainWindow(Session(db, plan.id))
    if not settings.restore_window(window):
        screen = window.screen().availableGeometry()
        window.resize(min(1280, screen.width() * 9 // 10), min(800, screen.height() * 9 // 10))
    window.tabs.setCurrentIndex(settings.last_tab())
    return window


def run(db_path: Path) -> int:
    """Show the window on `db_path`; return the exit code."""
    app = application()
    try:
        window = open_window(db_path)
    except SxtdbvError as error:
        msgbox.warn(None, texts.APP_TITLE, error.message)
        return 1
    window.show()
    code = app.exec()
    window.session.db.close()
    return code
