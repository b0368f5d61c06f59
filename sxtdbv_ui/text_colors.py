"""The colours of text that carries a verdict, shared by the tables and the overview's charts:
a figure in error or missing, one that meets its target, and one of no account.

A module of its own so that the overview, built before the window shows, takes them without
loading the table models (`sxtdbv_ui.models.base`), which only the other tabs need.
"""

from __future__ import annotations

from PySide6.QtGui import QColor

ERROR_TEXT = QColor("#b3261e")
GOOD_TEXT = QColor("#1e6b35")
MUTED_TEXT = QColor("#5f6368")
