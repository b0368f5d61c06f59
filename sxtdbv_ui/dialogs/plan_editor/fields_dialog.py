"""A small dialog of typed fields (text, long text, number, optional number, choice), used to
add or change one part of a plan. "Đồng ý" passes the values to `save`; when the core refuses,
its reason shows in the dialog, which stays open with what the user typed."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QSpinBox, QWidget

from sxtdbv_ui.dialogs.form import FormDialog
from sxtdbv_ui.workspace import Workspace

TEXT, LONG, NUMBER, OPTIONAL_NUMBER, CHOICE = "text", "long", "number", "optional", "choice"


@dataclass(frozen=True)
class Field:
    key: str
    label: str
    kind: str = TEXT
    value: object = None
    choices: Sequence[tuple[object, str]] = ()


class FieldsDialog(FormDialog):
    def __init__(self, session: Workspace, title: str, fields: list[Field],
                 save: Callable[[dict[str, object]], bool],
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(session, title, parent)
        self._save = save
        self.editors: dict[str, tuple[Field, QWidget]] = {}
        for spec in fields:
            editor = _editor(spec)
            self.editors[spec.key] = (spec, editor)
            self.form.addRow(spec.label, editor)

    def values(self) -> dict[str, object]:
        return {key: _value(spec, editor) for key, (spec, editor) in self.editors.items()}

    def save(self) -> bool:
        try:
            values = self.values()
        except ValueError as error:
            self.show_problem(str(error))
            return False
        return self._save(values)


def _editor(spec: Field) -> QWidget:
    if spec.kind == LONG:
        text = QPlainTextEdit(str(spec.value or ""))
        text.setMinimumHeight(90)
        return text
    if spec.kind == NUMBER:
        box = QSpinBox()
        box.setRange(0, 1_000_000)
        box.setValue(int(spec.value or 0))  # type: ignore[call-overload]
        return box
    if spec.kind == CHOICE:
        combo = QComboBox()
        for data, label in spec.choices:
            combo.addItem(label, data)
        combo.setCurrentIndex(max(0, combo.findData(spec.value)))
        return combo
    return QLineEdit("" if spec.value is None else str(spec.value))


def _value(spec: Field, editor: QWidget) -> object:
    if isinstance(editor, QPlainTextEdit):
        return editor.toPlainText()
    if isinstance(editor, QSpinBox):
        return editor.value()
    if isinstance(editor, QComboBox):
        return editor.currentData()
    assert isinstance(editor, QLineEdit)
    text = editor.text().strip()
    if spec.kind == OPTIONAL_NUMBER:
        if not text:
            return None
        if not text.isdigit():
            raise ValueError(f"{spec.label.strip(':&')} phải là số nguyên, đang là «{text}».")
        return int(text)
    return text
