"""What every tab of the main window does: load lazily, refresh after changes, and answer the
window's common actions (search, add, delete)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from sxtdbv_ui.workspace import Workspace


class Tab(QWidget):
    watches: frozenset[str] = frozenset()
    """The kinds of change (`sxtdbv_ui.workspace` names) that make this tab read its data again."""
    can_add = False
    can_delete = False
    add_text = "Thêm"
    delete_text = "Xóa"

    def __init__(self, session: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._loaded = False
        self._stale = False
        self.edit_buttons: list[QPushButton] = []
        self.buttons: list[QPushButton] = []

    # The window calls these.

    def invalidate(self, entities: frozenset[str] | None = None) -> None:
        """Mark the data out of date: all of it (None: another plan) or after `entities` changed."""
        if entities is None:
            self._loaded = False
        elif entities & self.watches:
            self._stale = True

    @property
    def is_read(self) -> bool:
        """Whether the tab has read its data (of the current plan) at least once."""
        return self._loaded

    def warm_up(self) -> bool:
        """Do one piece of work ahead of the user in an idle moment (a table's search keys);
        False when none is left."""
        from sxtdbv_ui.widgets.table_panel import TablePanel  # noqa: PLC0415  (not at start)

        for panel in self.findChildren(TablePanel):
            if not panel.model.search_ready:
                panel.model.prepare_search()
                return True
        return False

    def ensure_current(self) -> None:
        """Bring the tab up to date before it is shown (the first time: read everything)."""
        if not self._loaded:
            self._loaded, self._stale = True, False
            self.load()
        elif self._stale:
            self._stale = False
            self.refresh()

    def set_read_only(self, reason: str) -> None:
        """Disable the tab's own edit buttons; the models already refuse edits."""
        for button in self.edit_buttons:
            button.setEnabled(not reason)
            button.setToolTip(reason)

    def button_row(self, buttons: list[tuple[str, Callable[[], object], bool]]) -> QHBoxLayout:
        """A row of buttons (text, slot, whether it edits) under the tab's table."""
        row = QHBoxLayout()
        for text, slot, edits in buttons:
            button = QPushButton(text)
            button.clicked.connect(slot)
            row.addWidget(button)
            self.buttons.append(button)
            if edits:
                self.edit_buttons.append(button)
        row.addStretch(1)
        return row

    # Tabs provide these.

    def load(self) -> None:
        raise NotImplementedError

    def refresh(self) -> None:
        self.load()

    def focus_search(self) -> None:
        pass

    def add_item(self) -> None:
        pass

    def delete_item(self) -> None:
        pass
