"""The main window: menus, toolbar, plan selector, tabs, status bar and the read-only banner.

Extension points for other modules (import, export, the printed report, backups, locking):

- `add_action(menu_key, action, toolbar=False, edits=False)` puts an action in the menu
  "file" (Tệp), "edit" (Chỉnh sửa), "report" (Báo cáo) or "help" (Trợ giúp), before the
  menu's closing items; `edits=True` disables it while the window is read-only. Give it a
  mnemonic no other item of that menu has (tests/ui/test_menus.py checks).
- `show_help(topic)` opens the user guide (F1) at an anchor of resources/help.
- `set_read_only(reason)` disables every edit and shows the reason in a banner and the status
  bar; `set_read_only(None)` allows editing again.
- `reload()` (F5) re-reads the database, e.g. after an import changed it.
- `session` gives the database (`session.db`), the current plan (`session.plan_id`) and the
  signals `plan_changed` and `data_changed`.
- `tab(index)` (and `current_tab()`, `tab_pages`) gives a tab, built at once if need be: only
  the tab the window opens on is built before it shows; once it has been painted, the idle
  turns build the others one at a time, then read their data and compute their tables'
  search keys one at a time (`prepared` says when all is done), so that each opens, and is
  searched, at once the first time (`sxtdbv_ui.tabs`).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QPaintEvent
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QMainWindow,
    QMenu,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import Shiboken

from sxtdbv_desktop import __version__
from sxtdbv_desktop.plans import Plan, get_plan, list_plans
from sxtdbv_ui import msgbox, operations, settings, texts
from sxtdbv_ui.tabs import TABS
from sxtdbv_ui.tabs.base import Tab
from sxtdbv_ui.workspace import Workspace

MENU_KEYS = ("file", "edit", "report", "help")
_BANNER_STYLE = (
    "background: #fff4d6; color: #5c3b00; padding: 6px; border-bottom: 1px solid #e0c27a;"
)


class MainWindow(QMainWindow):
    def __init__(self, session: Workspace, first_tab: int = 0) -> None:
        super().__init__()
        self.session = session
        self.tabs = QTabWidget()
        # Only the tab the window opens on is built now; the others hold an empty page until
        # they are built, in the idle turns after the window shows or when first asked for.
        self._built: list[Tab | None] = [None] * len(TABS)
        first = first_tab if 0 <= first_tab < len(TABS) else 0
        self._built[first] = self._new_tab(first)
        for built, kind in zip(self._built, TABS, strict=True):
            self.tabs.addTab(QWidget() if built is None else built, kind.title)
        self.tabs.setCurrentIndex(first)  # before any tab reads: only this one does now
        self._preparing = False  # the other tabs are being built and read in idle turns
        self._preparing_done = False  # ...and all of that is done
        self._switched = False  # the user switched tab since the last of those turns
        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(_BANNER_STYLE)
        self.banner.hide()
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.banner)
        layout.addWidget(self.tabs, 1)
        self.setCentralWidget(central)
        self._notices: list[str] = []
        self._menus: dict[str, QMenu] = {}
        self._anchors: dict[str, QAction] = {}
        self._edit_actions: list[QAction] = []
        self.toolbar = QToolBar("Thanh công cụ")
        self.toolbar.setObjectName("main_toolbar")
        self.addToolBar(self.toolbar)
        self.plan_picker = QComboBox()
        self.plan_picker.setToolTip("Kế hoạch đang làm việc (mỗi tệp có thể chứa nhiều năm)")
        self._build_menus()
        self._build_toolbar()
        self._build_status_bar()
        self._connect()
        self._fill_plan_picker()
        self._on_plan_changed()
        self._update_item_actions()

    # --- extension points ------------------------------------------------------------------

    def menu(self, key: str) -> QMenu:
        """The menu "file", "edit", "report" or "help"."""
        return self._menus[key]

    def add_action(
        self, menu_key: str, action: QAction, *, toolbar: bool = False, edits: bool = False
    ) -> QAction:
        """Add `action` to a menu (and the toolbar); `edits`: disabled while read-only."""
        action.setParent(self)
        self._menus[menu_key].insertAction(self._anchors[menu_key], action)
        if toolbar:
            self.toolbar.addAction(action)
        if edits:
            self._edit_actions.append(action)
            action.setEnabled(action.isEnabled() and not self.session.read_only)
        return action

    def set_read_only(self, reason: str | None) -> None:
        """Forbid every edit and show why; None or "" allows editing again."""
        self.session.set_read_only(reason)

    def add_notice(self, text: str) -> None:
        """Show a lasting notice in the banner (e.g. "the file is on a network share")."""
        self._notices.append(text)
        self._show_banner()

    def reload(self) -> None:
        """Read the database again (the plan list too), keeping the current plan if it exists."""
        self._fill_plan_picker()
        self.session.reload()

    def current_tab(self) -> Tab:
        return self.tab(self.tabs.currentIndex())

    def tab(self, index: int) -> Tab:
        """The tab at `index`, built now if the idle turns have not built it yet."""
        tab = self._built[index]
        if tab is None:
            tab = self._built[index] = self._new_tab(index)
            self._put_in_place(index, tab)
        return tab

    @property
    def tab_pages(self) -> list[Tab]:
        """Every tab, in order, each built now if it was not yet."""
        return [self.tab(index) for index in range(len(TABS))]

    def status_text(self) -> str:
        return self.status.text()

    # --- building --------------------------------------------------------------------------

    def _new_tab(self, index: int) -> Tab:
        tab = TABS[index].build(self.session)
        if self.session.read_only:
            tab.set_read_only(self.session.read_only_reason)
        return tab

    def _put_in_place(self, index: int, tab: Tab) -> None:
        """Put the built `tab` where its empty page was, the current tab staying current."""
        page, current = self.tabs.widget(index), self.tabs.currentIndex()
        assert page is not None
        blocked = self.tabs.blockSignals(True)  # the same tab stays current: no change to tell
        self.tabs.removeTab(index)
        self.tabs.insertTab(index, tab, TABS[index].title)
        self.tabs.setCurrentIndex(current)
        self.tabs.blockSignals(blocked)
        page.deleteLater()

    def _built_tabs(self) -> list[Tab]:
        return [tab for tab in self._built if tab is not None]

    @property
    def prepared(self) -> bool:
        """Whether the idle turns after the window shows have done all their work: every tab
        built, its data read and its tables ready to be searched."""
        return self._preparing_done

    def _start_preparing(self) -> None:
        if not self._preparing and not self._preparing_done:
            self._preparing = True
            QTimer.singleShot(0, self, self._prepare_next_tab)

    def _prepare_next_tab(self) -> None:
        """One idle turn's work, then come back in the next for more: build a tab not built
        yet, else read the data of one not read yet (Nhiệm vụ first: 5,000 tasks take 0,1 s),
        else compute one table's search keys, so that a tab opens, and is searched, at once
        when the user first does it. Stop when the window is closed (showing it again goes
        on). A turn that follows the user's switching tab does nothing, so that the tab
        switched to is drawn first."""
        self._preparing = self.isVisible()
        if not self._preparing:
            return
        if self._switched:
            self._switched = False
        elif not self._prepare_one():
            self._preparing, self._preparing_done = False, True
            return
        QTimer.singleShot(0, self, self._prepare_next_tab)

    def _prepare_one(self) -> bool:
        """Do one piece of the idle work; False when none is left."""
        waiting = [index for index, tab in enumerate(self._built) if tab is None]
        if waiting:
            self.tab(waiting[0])
            return True
        unread = next((tab for tab in self._built_tabs() if not tab.is_read), None)
        if unread is not None:
            unread.ensure_current()
            return True
        return any(tab.warm_up() for tab in self._built_tabs())

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        self._start_preparing()  # once the window is on the screen

    def _action(self, text: str, slot: object, shortcut: QKeySequence | str | None = None,
                *, edits: bool = False) -> QAction:  # fmt: skip
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        if edits:
            self._edit_actions.append(action)
        return action

    def _add_menu(self, key: str, title: str, actions: Sequence[QAction | None],
                  tail: Sequence[QAction] = ()) -> None:  # fmt: skip
        menu = self.menuBar().addMenu(title)
        _fill(menu, actions)
        # Actions added later by other modules go before this separator, above the tail.
        self._anchors[key] = menu.addSeparator()
        _fill(menu, tail)
        self._menus[key] = menu

    def _build_menus(self) -> None:
        self.copy_plan_action = self._action("Tạo &kế hoạch năm sau…", self._copy_plan, edits=True)
        self.quit_action = self._action("&Thoát", self.close, "Ctrl+Q")
        self.undo_action = self._action("&Hoàn tác", self.session.undo, "Ctrl+Z")
        self.redo_action = self._action("&Làm lại", self.session.redo, "Ctrl+Y")
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
        self.add_item_action = self._action("&Thêm…", self._add_item, "Ctrl+N", edits=True)
        self.delete_item_action = self._action("&Xóa", self._delete_item, "Del", edits=True)
        # The toolbar's buttons keep their words (and their places) whatever the tab or the
        # last edit; the menu and the tooltip say what exactly they do.
        for action, word in (
            (self.undo_action, "Hoàn tác"),
            (self.redo_action, "Làm lại"),
            (self.add_item_action, "Thêm"),
            (self.delete_item_action, "Xóa"),
        ):
            action.setIconText(word)
        self.search_action = self._action("Tìm &kiếm", self._focus_search, "Ctrl+F")
        self.reload_action = self._action("Làm &mới", self.reload, "F5")
        self.settings_action = self._action(
            "&Thông tin báo cáo…", self._edit_report_settings, edits=True
        )
        self.help_action = self._action(
            "&Hướng dẫn sử dụng",
            self.show_help,
            QKeySequence(QKeySequence.StandardKey.HelpContents),
        )
        self.keys_action = self._action("&Phím tắt", lambda: self.show_help("phim-tat"))
        self.about_action = self._action("&Giới thiệu SX&&TDBV Desktop", self._about)
        self._add_menu("file", texts.MENU_FILE, [self.copy_plan_action], [self.quit_action])
        self._add_menu("edit", texts.MENU_EDIT, [
            self.undo_action, self.redo_action, None, self.add_item_action,
            self.delete_item_action, None, self.search_action, self.reload_action,
        ])  # fmt: skip
        self._add_menu("report", texts.MENU_REPORT, [self.settings_action])
        self._add_menu("help", texts.MENU_HELP, [self.help_action, self.keys_action],
                       [self.about_action])  # fmt: skip

    def _build_toolbar(self) -> None:
        self.toolbar.setMovable(False)
        self.toolbar.addWidget(QLabel(" Kế hoạch: "))
        self.toolbar.addWidget(self.plan_picker)
        self.toolbar.addSeparator()
        _fill(self.toolbar, [self.undo_action, self.redo_action, None, self.add_item_action,
                             self.delete_item_action, None, self.reload_action])  # fmt: skip

    def _build_status_bar(self) -> None:
        self.status = QLabel()
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.statusBar().addWidget(self.status, 1)
        self.read_only_label = QLabel(texts.READ_ONLY)
        self.read_only_label.setStyleSheet("color: #5c3b00; font-weight: bold;")
        self.read_only_label.hide()
        self.statusBar().addPermanentWidget(self.read_only_label)

    def _connect(self) -> None:
        session = self.session
        session.plan_changed.connect(self._on_plan_changed)
        session.data_changed.connect(self._on_data_changed)
        session.read_only_changed.connect(self._on_read_only)
        session.message.connect(self._show_message)
        session.error.connect(self._show_error)
        stack = session.undo_stack
        stack.canUndoChanged.connect(self._update_undo_actions)
        stack.canRedoChanged.connect(self._update_undo_actions)
        stack.indexChanged.connect(self._update_undo_actions)
        self.tabs.currentChanged.connect(self._on_tab_changed)
        self.plan_picker.activated.connect(self._on_plan_picked)
        self._update_undo_actions()

    # --- reactions -------------------------------------------------------------------------

    def _fill_plan_picker(self) -> None:
        self.plan_picker.blockSignals(True)
        self.plan_picker.clear()
        for plan in list_plans(self.session.db):
            self.plan_picker.addItem(plan.label, plan.id)
        self.plan_picker.setCurrentIndex(self.plan_picker.findData(self.session.plan_id))
        self.plan_picker.blockSignals(False)

    def _on_plan_picked(self, position: int) -> None:
        plan_id = self.plan_picker.itemData(position)
        if plan_id != self.session.plan_id:
            self.session.set_plan(plan_id)

    def _on_plan_changed(self) -> None:
        plan = self._plan = get_plan(self.session.db, self.session.plan_id)
        self.setWindowTitle(f"{plan.label} — {texts.APP_TITLE}")
        self.plan_picker.setCurrentIndex(self.plan_picker.findData(plan.id))
        for tab in self._built_tabs():  # a tab built later reads the new plan then
            tab.invalidate()
        self.current_tab().ensure_current()
        self._preparing_done = False  # the other tabs read the new plan in idle turns
        if self.isVisible():
            self._start_preparing()

    def _on_data_changed(self, entities: frozenset[str]) -> None:
        for tab in self._built_tabs():
            tab.invalidate(entities)
        self.current_tab().ensure_current()

    def _on_tab_changed(self) -> None:
        self._switched = True
        tab = self.current_tab()
        tab.ensure_current()
        self._update_item_actions()

    def _on_read_only(self, reason: str) -> None:
        self._show_banner()
        self.read_only_label.setVisible(bool(reason))
        self.read_only_label.setToolTip(reason)
        for action in self._edit_actions:
            action.setEnabled(not reason)
        for tab in self._built_tabs():  # a tab built later starts so (`_new_tab`)
            tab.set_read_only(reason)
        self._update_item_actions()
        self._update_undo_actions()

    def _show_banner(self) -> None:
        reason = self.session.read_only_reason
        lines = [f"Chỉ xem, không sửa được: {reason}"] if reason else []
        self.banner.setText("\n".join(lines + self._notices))
        self.banner.setVisible(bool(lines or self._notices))

    def _update_item_actions(self) -> None:
        tab, writable = self.current_tab(), not self.session.read_only
        self.add_item_action.setText("&" + texts.literal(tab.add_text))
        self.delete_item_action.setText("&" + texts.literal(tab.delete_text))
        self.add_item_action.setToolTip(f"{tab.add_text} (Ctrl+N)")
        self.delete_item_action.setToolTip(f"{tab.delete_text} (Delete)")
        self.add_item_action.setEnabled(writable and tab.can_add)
        self.delete_item_action.setEnabled(writable and tab.can_delete)

    def _update_undo_actions(self) -> None:
        stack, writable = self.session.undo_stack, not self.session.read_only
        if not Shiboken.isValid(stack):  # being destroyed with the session, at exit
            return
        self.undo_action.setEnabled(writable and stack.canUndo())
        self.redo_action.setEnabled(writable and stack.canRedo())
        undo, redo = stack.undoText(), stack.redoText()
        self.undo_action.setText(f"&Hoàn tác: {texts.literal(undo)}" if undo else "&Hoàn tác")
        self.redo_action.setText(f"&Làm lại: {texts.literal(redo)}" if redo else "&Làm lại")
        self.undo_action.setToolTip(f"Hoàn tác: {undo} (Ctrl+Z)" if undo else "Hoàn tác (Ctrl+Z)")
        self.redo_action.setToolTip(f"Làm lại: {redo} (Ctrl+Y)" if redo else "Làm lại (Ctrl+Y)")

    def _show_message(self, text: str) -> None:
        self.status.setStyleSheet("")
        self.status.setText(text)

    def _show_error(self, text: str) -> None:
        self.status.setStyleSheet("color: #b3261e; font-weight: bold;")
        self.status.setText(f"{texts.NOT_SAVED}: {text}")

    # --- commands --------------------------------------------------------------------------

    def _add_item(self) -> None:
        self.current_tab().add_item()

    def _delete_item(self) -> None:
        self.current_tab().delete_item()

    def _focus_search(self) -> None:
        self.current_tab().focus_search()

    def _copy_plan(self) -> None:
        # The dialog loads when first opened, not at start-up.
        from sxtdbv_ui.dialogs.new_plan_dialog import NewPlanDialog  # noqa: PLC0415

        dialog = NewPlanDialog(self.session, self)
        if dialog.exec() and dialog.new_id is not None:
            self._fill_plan_picker()
            self.session.set_plan(dialog.new_id)
            self._fill_plan_picker()

    def _edit_report_settings(self) -> None:
        # The dialog loads when first opened, not at start-up.
        from sxtdbv_ui.dialogs.report_settings_dialog import ReportSettingsDialog  # noqa: PLC0415

        ReportSettingsDialog(self.session, self).exec()

    def show_help(self, topic: str = "") -> None:
        """Trợ giúp → Hướng dẫn sử dụng (F1): the bundled guide, at `topic` if given."""
        from sxtdbv_ui.help_window import show_help  # noqa: PLC0415

        show_help(self, topic)

    def _about(self) -> None:
        msgbox.inform(
            self,
            "Giới thiệu",
            f"{texts.APP_TITLE} {__version__}\n\n"
            "Theo dõi Kế hoạch thực hiện Chương trình hành động quốc gia về sản xuất và tiêu "
            "dùng bền vững: chỉ tiêu, nhiệm vụ, kinh phí và báo cáo của các đơn vị.",
        )

    def plan(self) -> Plan:
        """The plan the window shows."""
        return self._plan

    def closeEvent(self, event: QCloseEvent) -> None:
        operations.cancel_all()  # work in the background stops at its next step
        settings.save_window(self, self.tabs.currentIndex(), self._plan)
        super().closeEvent(event)


def _fill(target: QMenu | QToolBar, actions: Sequence[QAction | None]) -> None:
    """Add actions in order; None is a separator."""
    for action in actions:
        if action is None:
            target.addSeparator()
        else:
            target.addAction(action)
