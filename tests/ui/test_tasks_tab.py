"""The "Nhiệm vụ" tab: tasks and duties by group, edits in place, assigning agencies with the
picker, unassigned tasks standing out, adding and deleting with confirmation."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot
from sqlite_utils import Database

from sxtdbv_desktop import reports
from sxtdbv_desktop.numbering import task_references
from sxtdbv_desktop.reports import TaskResultInput
from sxtdbv_desktop.tasks import assign, get_task, list_tasks
from sxtdbv_ui.dialogs.agency_roles_dialog import AgencyRolesDialog
from sxtdbv_ui.dialogs.task_dialog import TaskDialog
from sxtdbv_ui.dialogs.task_status_dialog import TaskStatusDialog
from sxtdbv_ui.main_window import MainWindow
from sxtdbv_ui.models.base import WARNING_BACKGROUND
from sxtdbv_ui.models.tasks import PROPOSAL_BACKGROUND
from sxtdbv_ui.tabs.tasks import COORDINATOR, LEAD, TasksTab
from tests.factories import agency_id, file_report
from tests.present import present
from tests.prompts import ScriptedPrompts
from tests.ui.helpers import cell, choose_in_cell, leave_cell, shown_texts, type_in_cell


def open_tab(window: MainWindow) -> TasksTab:
    tab = next(t for t in window.tab_pages if isinstance(t, TasksTab))
    window.tabs.setCurrentWidget(tab)
    return tab


def test_every_task_and_duty_is_listed_by_group(window: MainWindow) -> None:
    tab = open_tab(window)
    numbers = shown_texts(tab.panel, "STT")
    assert numbers[:2] == ["III.1.1", "III.1.2"]
    assert len([n for n in numbers if n.startswith("III.")]) == 17
    assert "V.1.1" in numbers and numbers.index("V.1.1") == 17


def test_proposals_are_marked_and_unassigned_tasks_stand_out(
    window: MainWindow, db: Database, plan_id: int
) -> None:
    tab = open_tab(window)
    first, second = list_tasks(db, plan_id, "content")[:2]
    index = cell(tab.panel, first.id, "Cơ quan chủ trì")
    assert index.data() == "Sở Công Thương (đề xuất)"
    assert index.data(Qt.ItemDataRole.BackgroundRole).color() == PROPOSAL_BACKGROUND
    tab.panel.select_key(first.id)
    assert "Căn cứ đề xuất:" in tab.detail.text() and "Mục V.1" in tab.detail.text()
    duty = list_tasks(db, plan_id, "duty")[0]
    assert cell(tab.panel, duty.id, "Cơ quan chủ trì").data() == "Sở Công Thương"
    tab.group_filter.setCurrentIndex(tab.group_filter.findText("Phân công đề xuất (chưa xác nhận)"))
    assert tab.panel.proxy.rowCount() == 17 + 3  # section III, and V.10.1, 2 and 4
    assign(db, second.id, [], [])
    window.reload()
    tab.group_filter.setCurrentIndex(tab.group_filter.findText("Chưa phân công chủ trì"))
    assert tab.panel.proxy.rowCount() == 1
    index = cell(tab.panel, second.id, "Cơ quan chủ trì")
    assert index.data() == "Chưa phân công"
    assert index.data(Qt.ItemDataRole.BackgroundRole).color() == WARNING_BACKGROUND


def test_status_picker_and_text_edits_are_saved_and_undone(
    window: MainWindow, db: Database, plan_id: int, qtbot: QtBot
) -> None:
    tab = open_tab(window)
    task = list_tasks(db, plan_id)[0]
    type_in_cell(qtbot, tab.panel, cell(tab.panel, task.id, "Thời gian"), "Quý III/2023")
    assert get_task(db, task.id).time_frame == "Quý III/2023"
    window.undo_action.trigger()
    assert get_task(db, task.id).time_frame == ""


def test_the_status_comes_from_the_reports_unless_the_so_overrides_it(
    window: MainWindow, db: Database, plan_id: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    tab = open_tab(window)
    task = list_tasks(db, plan_id, "content")[0]  # led by the Sở Công Thương alone
    assert cell(tab.panel, task.id, "Trạng thái").data() == "Chưa có báo cáo"
    report = file_report(db, plan_id, "SoCT")
    reports.set_task_result(db, report.id, TaskResultInput(task.id, "done", 100))
    window.reload()
    assert cell(tab.panel, task.id, "Trạng thái").data() == "Hoàn thành"
    assert cell(tab.panel, task.id, "Tiến độ").data() == "100 %"
    tab.panel.select_key(task.id)

    def override(dialog: TaskStatusDialog) -> int:
        dialog.status.setCurrentIndex(dialog.status.findData("in_progress"))
        dialog.buttons.accepted.emit()
        assert "Lý do" in dialog.problem.text() or not dialog.problem.isVisible()
        dialog.note.setPlainText("Theo Công văn số 15/SCT-QLCN: còn hội nghị tháng 12")
        dialog.buttons.accepted.emit()
        return dialog.result()

    monkeypatch.setattr(TaskStatusDialog, "exec", override)
    tab.override_status()
    changed = get_task(db, task.id)
    assert (changed.status, changed.status_overridden) == ("in_progress", 1)
    assert cell(tab.panel, task.id, "Trạng thái").data() == "Đang thực hiện (Sở điều chỉnh)"
    window.undo_action.trigger()
    assert get_task(db, task.id).status_overridden == 0
    assert cell(tab.panel, task.id, "Trạng thái").data() == "Hoàn thành"


def test_an_empty_task_text_is_refused(
    window: MainWindow, db: Database, plan_id: int, qtbot: QtBot
) -> None:
    tab = open_tab(window)
    task = list_tasks(db, plan_id)[0]
    editor = type_in_cell(qtbot, tab.panel, cell(tab.panel, task.id, "Nội dung nhiệm vụ"), " ")
    assert editor.property("invalid") is True
    leave_cell(tab.panel)
    assert get_task(db, task.id).text == task.text
    assert "Nội dung nhiệm vụ: không được để trống." in window.status_text()


def test_assigning_agencies_with_the_picker(
    window: MainWindow, db: Database, plan_id: int, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    tab = open_tab(window)
    task = list_tasks(db, plan_id)[3]  # a proposal: Sở VH,TT&DL leads, Sở NN&PTNT helps
    tab.panel.select_key(task.id)
    soct, sotc = agency_id(db, plan_id, "SoCT"), agency_id(db, plan_id, "SoTC")
    proposed = (task.lead_ids, task.coordinator_ids)

    def pick(dialog: AgencyRolesDialog) -> int:
        dialog.show()
        panel = dialog.panel
        qtbot.keyClicks(panel.search, "cong thuong")
        assert panel.proxy.rowCount() == 1
        choose_in_cell(qtbot, panel, cell(panel, soct, "Vai trò"), "Chủ trì")
        panel.search.clear()
        choose_in_cell(qtbot, panel, cell(panel, sotc, "Vai trò"), "Phối hợp")
        for agency in (*proposed[0], *proposed[1]):
            choose_in_cell(qtbot, panel, cell(panel, agency, "Vai trò"), "—")
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(AgencyRolesDialog, "exec", pick)
    tab.assign_agencies()
    assigned = get_task(db, task.id)
    assert (assigned.lead_ids, assigned.coordinator_ids) == ((soct,), (sotc,))
    assert not assigned.is_proposal  # the Sở's own decision
    assert cell(tab.panel, task.id, "Cơ quan chủ trì").data() == "Sở Công Thương"
    assert cell(tab.panel, task.id, "Cơ quan chủ trì").data(Qt.ItemDataRole.BackgroundRole) is None
    window.undo_action.trigger()
    restored = get_task(db, task.id)
    assert (restored.lead_ids, restored.coordinator_ids) == proposed
    assert restored.is_proposal  # undo puts the proposal back as it was
    assert LEAD != COORDINATOR


def test_adding_a_task_then_deleting_it_after_confirmation(
    window: MainWindow,
    db: Database,
    plan_id: int,
    prompts: ScriptedPrompts,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    tab = open_tab(window)
    before = len(list_tasks(db, plan_id))

    def fill(dialog: TaskDialog) -> int:
        dialog.text.setPlainText("Tổ chức hội chợ hàng Việt thân thiện môi trường.")
        dialog.planned_output.setText("01 hội chợ")
        dialog.buttons.accepted.emit()
        return dialog.result()

    monkeypatch.setattr(TaskDialog, "exec", fill)
    window.add_item_action.trigger()
    added = max(list_tasks(db, plan_id), key=lambda t: t.id)
    assert len(list_tasks(db, plan_id)) == before + 1
    assert added.planned_output == "01 hội chợ"
    assert present(tab.panel.current_row()).task.id == added.id
    prompts.yes = False
    window.delete_item_action.trigger()
    assert len(list_tasks(db, plan_id)) == before + 1
    prompts.yes = True
    window.delete_item_action.trigger()
    assert len(list_tasks(db, plan_id)) == before
    assert "hội chợ" in prompts.asked[-1]


def test_searching_finds_tasks_by_agency_without_accents(window: MainWindow, qtbot: QtBot) -> None:
    tab = open_tab(window)
    qtbot.keyClicks(tab.panel.search, "khoa hoc cong nghe")
    assert tab.panel.proxy.rowCount() == 3
    assert set(shown_texts(tab.panel, "Cơ quan chủ trì")) == {"Sở KH&CN"}


def test_numbers_follow_the_plans_order_as_the_forms_name_tasks(
    window: MainWindow, db: Database, plan_id: int
) -> None:
    """After a deletion the window and the Excel forms still agree on every task's number."""
    second = list_tasks(db, plan_id, "content")[1]
    db.table("tasks").delete(second.id)  # positions now 1, 3, 4... in group III.1
    window.reload()
    tab = open_tab(window)
    numbers = task_references(db, plan_id)
    third = list_tasks(db, plan_id, "content")[1]
    assert numbers[third.id] == "III.1.2"
    assert cell(tab.panel, third.id, "STT").data() == "III.1.2"
