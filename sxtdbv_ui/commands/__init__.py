"""The window's commands that belong to other parts of the application: each module adds its
actions to the main window through `MainWindow.add_action` and nothing else."""

from __future__ import annotations

from sxtdbv_desktop.session import Session as DataFile
from sxtdbv_ui import plan_import
from sxtdbv_ui.commands import data_file, excel, report
from sxtdbv_ui.dialogs import plan_editor
from sxtdbv_ui.main_window import MainWindow


def install(window: MainWindow, file: DataFile) -> None:
    """Add every command to `window`, which shows the data file `file`."""
    data_file.install(window, file)
    report.install(window)
    excel.install(window)
    plan_import.install(window)
    plan_editor.install(window)
