"""The Qt layer of SX&TDBV Desktop: windows, tabs, models and dialogs over the core.

Importing it protects the interpreter from a defect of PySide6 6.12 that would abort it after
many calls into Qt (sxtdbv_ui/qt_fixes.py)."""

from sxtdbv_ui.qt_fixes import protect_singletons

protect_singletons()
