"""A small form dialog: labelled fields, a line that says what is wrong, Đồng ý / Hủy.

"Đồng ý" runs the dialog's `save()`; when the core refuses, its reason shows in the dialog,
which stays open with what the user typed.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from sxtdbv_ui import texts
from sxtdbv_ui.workspace import Workspace


class FormDialog(QDialog):
    def __init__(self, session: Workspace, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(title)
        self.form = QFormLayout()
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b3261e;")
        self.problem.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(texts.OK)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(texts.CANCEL)
        self.buttons.accepted.connect(self._on_ok)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 90)

    def save(self) -> bool:
        """Save what the form says; True when done (the dialog then closes)."""
        raise NotImplementedError

    def show_problem(self, message: str) -> None:
        self.problem.setText(message)
        self.problem.setVisible(bool(message))

    def _on_ok(self) -> None:
        errors: list[str] = []
        self.session.error.connect(errors.append)
        try:
            done = self.save()
        finally:
            self.session.error.disconnect(errors.append)
        if done:
            self.accept()
        elif errors:
            self.show_problem(errors[-1])
