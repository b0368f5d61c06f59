"""Start the application: open (or create) the database, then show the main window."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QMessageBox

from sxtdbv_desktop.errors import SxtdbvError
from sxtdbv_desktop.plan_file import load_default_plan
from sxtdbv_desktop.plans import list_plans
from sxtdbv_desktop.storage import open_database


def run(db_path: Path) -> int:
    """Show the window on `db_path` (a new file gets the default plan); return the exit code."""
    app = QApplication.instance() or QApplication(sys.argv)
    try:
        db = open_database(db_path)
        if not list_plans(db):
            load_default_plan(db)
    except SxtdbvError as error:
        QMessageBox.critical(None, "SX&TDBV Desktop", error.message)
        return 1
    plan = list_plans(db)[0]
    window = QMainWindow()
    window.setWindowTitle(f"SX&TDBV Desktop — {plan.label}")
    window.setCentralWidget(QLabel(f"{plan.document_type} {plan.title}"))
    window.resize(1100, 700)
    window.show()
    code = app.exec()
    db.close()
    return code
