"""Choosing who leads and coordinates a task, or who reports an indicator, with the agency
picker: one place for the Nhiệm vụ and Chỉ tiêu tabs and the review of proposals. The choice is
an undoable edit, and the Sở's decision (no longer a proposal)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from sxtdbv_desktop import labels
from sxtdbv_desktop.indicators import (
    get_indicator,
    reporter_ids,
    reporters,
    restore_reporters,
    set_reporters,
)
from sxtdbv_desktop.numbering import task_references
from sxtdbv_desktop.tasks import assign, get_task, restore_assignments, task_assignments
from sxtdbv_ui import msgbox, texts
from sxtdbv_ui.workspace import INDICATORS, TASKS, Edit, Workspace

LEAD, COORDINATOR, REPORTER = "lead", "coordinator", "reporter"
ROLES = labels.ROLES


def pick_task_agencies(parent: QWidget, session: Workspace, task_id: int) -> bool:
    """Let the user choose the task's lead and coordinating agencies; True when saved."""
    # The dialog loads when first opened, not at start-up.
    from sxtdbv_ui.dialogs.agency_roles_dialog import AgencyRolesDialog  # noqa: PLC0415

    if session.read_only:
        msgbox.warn(parent, texts.ASSIGN_AGENCIES, session.read_only_reason)
        return False
    task = get_task(session.db, task_id)
    number = task_references(session.db, session.plan_id)[task_id]
    chosen = dict.fromkeys(task.lead_ids, LEAD)
    chosen.update(dict.fromkeys(task.coordinator_ids, COORDINATOR))
    subject = f"Nhiệm vụ {number}: {task.text}"
    dialog = AgencyRolesDialog(
        session, texts.ASSIGN_AGENCIES, subject, ROLES, chosen, parent=parent
    )
    if not dialog.exec():
        return False
    before = task_assignments(session.db, task_id)
    leads, helpers = dialog.model.chosen(LEAD), dialog.model.chosen(COORDINATOR)
    if (leads, helpers) == (
        list(task.lead_ids),
        list(task.coordinator_ids),
    ) and not task.is_proposal:
        return True
    db = session.db
    # Undo puts back the assignments as they were, proposals and evidence included.
    edit = Edit(
        f"{labels.ENTITIES['task_assignments']} {number}",
        lambda: assign(db, task_id, leads, helpers),
        lambda: restore_assignments(db, task_id, before),
        frozenset({TASKS}),
    )
    if not session.perform(edit):
        msgbox.warn(parent, "Không phân công được", session.last_error)
        return False
    return True


def pick_indicator_reporters(parent: QWidget, session: Workspace, indicator_id: int) -> bool:
    """Let the user choose who reports the indicator (for yes/no: its units); True when saved."""
    # The dialog loads when first opened, not at start-up.
    from sxtdbv_ui.dialogs.agency_roles_dialog import AgencyRolesDialog  # noqa: PLC0415

    if session.read_only:
        msgbox.warn(parent, labels.ENTITIES["indicator_reporters"], session.read_only_reason)
        return False
    db = session.db
    indicator = get_indicator(db, indicator_id)
    current = reporter_ids(db, indicator)
    subject = f"Chỉ tiêu {indicator.code}: {indicator.name}"
    if indicator.kind == "yes_no":
        subject += (
            "\nChỉ tiêu có/không: các đơn vị được chọn là mẫu số của tỷ lệ (ví dụ danh sách "
            "cơ quan, đơn vị trực thuộc UBND Tỉnh của chỉ tiêu 6)."
        )
    dialog = AgencyRolesDialog(session, labels.ENTITIES["indicator_reporters"], subject,
                               {REPORTER: "Báo cáo"}, dict.fromkeys(current, REPORTER),
                               parent=parent)  # fmt: skip
    if not dialog.exec():
        return False
    new = dialog.model.chosen(REPORTER)
    before = reporters(db, indicator_id)
    if new == current and not any(r.proposed for r in before):
        return True
    edit = Edit(
        f"Chọn đơn vị báo cáo chỉ tiêu {indicator.code}",
        lambda: set_reporters(db, indicator_id, new),
        lambda: restore_reporters(db, indicator_id, before),
        frozenset({INDICATORS}),
    )
    if not session.perform(edit):
        msgbox.warn(parent, "Không lưu được", session.last_error)
        return False
    return True
