"""Reviewing the assignments proposed from the plan's text: every one listed with its evidence,
confirmed one by one or all at once, or changed with the picker."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot
from sqlite_utils import Database

from sxtdbv_desktop import proposals
from sxtdbv_desktop.tasks import get_task, list_tasks
from sxtdbv_ui.dialogs.agency_roles_dialog import AgencyRolesDialog
from sxtdbv_ui.dialogs.proposals_dialog import ProposalsDialog
from sxtdbv_ui.main_window import MainWindow
from sxtdbv_ui.tabs.tasks import TasksTab
from tests.factories import agency_id
from tests.prompts import ScriptedPrompts
from tests.ui.helpers import cell, shown_texts


def open_dialog(window: MainWindow, qtbot: QtBot) -> ProposalsDialog:
    dialog = ProposalsDialog(window.session, window)
    qtbot.addWidget(dialog)
    return dialog


def test_every_proposal_is_listed_with_its_evidence(
    window: MainWindow, db: Database, plan_id: int, qtbot: QtBot
) -> None:
    dialog = open_dialog(window, qtbot)
    references = shown_texts(dialog.panel, "Mục")
    assert references[:2] == ["III.1.1", "III.1.2"]
    assert {"V.10.1", "V.10.2", "V.10.4", "Chỉ tiêu 1", "Chỉ tiêu 6"} <= set(references)
    assert "V.10.3" not in references and "Chỉ tiêu 5" not in references
    first = list_tasks(db, plan_id, "content")[0]
    dialog.panel.select_key(("task", first.id))
    assert "Mục V.1" in dialog.evidence.text()
    second = list_tasks(db, plan_id, "content")[1]
    agencies = cell(dialog.panel, ("task", second.id), "Cơ quan đề xuất").data()
    assert agencies.startswith("Chủ trì: Sở Công Thương; phối hợp: TP. Cao Lãnh")


def test_confirming_one_then_all(
    window: MainWindow, db: Database, plan_id: int, qtbot: QtBot, prompts: ScriptedPrompts
) -> None:
    dialog = open_dialog(window, qtbot)
    count = dialog.model.rowCount()
    first = list_tasks(db, plan_id, "content")[0]
    dialog.panel.select_key(("task", first.id))
    dialog.confirm_one.click()
    assert not get_task(db, first.id).is_proposal
    assert dialog.model.rowCount() == count - 1
    prompts.yes = False
    dialog.confirm_all.click()
    assert len(proposals.pending(db, plan_id)) == count - 1
    prompts.yes = True
    dialog.confirm_all.click()
    assert proposals.pending(db, plan_id) == []
    assert dialog.model.rowCount() == 0 and not dialog.confirm_all.isEnabled()
    tasks_tab = next(t for t in window.tab_pages if isinstance(t, TasksTab))
    window.tabs.setCurrentWidget(tasks_tab)
    assert "(đề xuất)" not in " ".join(shown_texts(tasks_tab.panel, "Cơ quan chủ trì"))


def test_changing_a_proposal_with_the_picker(
    window: MainWindow, db: Database, plan_id: int, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = open_dialog(window, qtbot)
    task = list_tasks(db, plan_id, "content")[4]  # III.1.5, proposed to the Sở NN&PTNT
    dialog.panel.select_key(("task", task.id))
    sotc = agency_id(db, plan_id, "SoTC")

    def pick(picker: AgencyRolesDialog) -> int:
        picker.model.setData(cell(picker.panel, sotc, "Vai trò"), "coordinator")
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(AgencyRolesDialog, "exec", pick)
    dialog.change_one.click()
    changed = get_task(db, task.id)
    assert changed.coordinator_ids == (sotc,) and not changed.is_proposal
    assert dialog.model.row_of_key(("task", task.id)) is None
