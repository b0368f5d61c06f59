"""Chỉnh sửa → Sửa kế hoạch…: the header and sections, objectives, targets, indicators, groups
and sources of a plan edited in the window; Tệp → Tạo kế hoạch trống… for a plan made from
nothing, whose local units are named as the plan names them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QSpinBox
from pytestqt.qtbot import QtBot

from sxtdbv_desktop.agencies import add_agency
from sxtdbv_desktop.budget import list_sources
from sxtdbv_desktop.indicators import list_indicators
from sxtdbv_desktop.numbering import task_references
from sxtdbv_desktop.plans import get_plan
from sxtdbv_ui.dialogs import plan_editor
from sxtdbv_ui.dialogs.plan_editor import PlanEditorDialog
from sxtdbv_ui.dialogs.plan_editor.fields_dialog import FieldsDialog
from sxtdbv_ui.main_window import MainWindow
from tests.prompts import ScriptedPrompts
from tests.ui.helpers import shown_texts


def answering(values: dict[str, object]) -> Callable[[FieldsDialog], int]:
    """A stand-in for FieldsDialog.exec: type `values`, then press Đồng ý."""

    def run(dialog: FieldsDialog) -> int:
        for key, value in values.items():
            _spec, editor = dialog.editors[key]
            if isinstance(editor, QPlainTextEdit):
                editor.setPlainText(str(value))
            elif isinstance(editor, QSpinBox):
                editor.setValue(int(str(value)))
            elif isinstance(editor, QComboBox):
                editor.setCurrentIndex(editor.findData(value))
            else:
                assert isinstance(editor, QLineEdit)
                editor.setText(str(value))
        dialog._on_ok()
        return int(dialog.result())

    return run


@pytest.fixture
def editor(window: MainWindow, qtbot: QtBot) -> PlanEditorDialog:
    dialog = PlanEditorDialog(window.session, window)
    qtbot.addWidget(dialog)
    return dialog


def test_the_commands_are_in_the_menus(window: MainWindow) -> None:
    plan_editor.install(window)
    assert "&Sửa kế hoạch (mục tiêu, chỉ tiêu, nhóm, nguồn…)…" in [
        a.text() for a in window.menu("edit").actions()
    ]
    assert "Tạo kế hoạch t&rống…" in [a.text() for a in window.menu("file").actions()]


def test_the_header_and_sections_are_saved_together(editor: PlanEditorDialog) -> None:
    header = editor.header
    header.fields["document_number"].setText("42/KH-UBND")
    header.fields["signed_on"].setText("02/02/2023")
    header.fields["reporting_deadline"].setText("15/12/2023")
    header.sections["content"][0].setText("II")
    assert header.save()
    session = header.session
    plan = get_plan(session.db, session.plan_id)
    assert plan.citation == "Kế hoạch số 42/KH-UBND ngày 02/02/2023"
    assert plan.reporting_deadline == dt.date(2023, 12, 15)
    assert "II.1.1" in task_references(session.db, session.plan_id).values()


def test_a_wrong_value_saves_nothing_and_says_why(editor: PlanEditorDialog) -> None:
    header = editor.header
    header.fields["document_number"].setText("99/KH-UBND")
    header.sections["duty"][0].setText("5")
    assert not header.save()
    assert "Số mục: phải là số La Mã" in header.problem.text()
    plan = get_plan(header.session.db, header.session.plan_id)
    assert plan.document_number == ""  # nothing of the form was saved


def test_an_indicator_is_added_and_changed(
    editor: PlanEditorDialog, monkeypatch: pytest.MonkeyPatch
) -> None:
    tab = editor.lists["indicators"]
    session = tab.session
    target = tab.session.db.execute("SELECT id FROM targets WHERE number = 1").fetchone()[0]
    monkeypatch.setattr(
        FieldsDialog,
        "exec",
        answering(
            {
                "target_id": target,
                "code": "1b",
                "kind": "count",
                "threshold": 3,
                "exceed_above": "5",
                "unit": "doanh nghiệp",
                "name": "Doanh nghiệp áp dụng SXSH",
            }
        ),
    )
    assert tab.add()
    added = next(i for i in list_indicators(session.db, session.plan_id) if i.code == "1b")
    assert (added.kind, added.threshold, added.exceed_above, added.unit) == (
        "count",
        3,
        5,
        "doanh nghiệp",
    )
    tab.table.setCurrentCell([r.cells[0] for r in tab.rows].index("2b"), 0)
    monkeypatch.setattr(
        FieldsDialog, "exec", answering({"kind": "yes_no:district", "threshold": 60})
    )
    assert tab.edit()
    changed = next(i for i in list_indicators(session.db, session.plan_id) if i.code == "2b")
    assert (changed.kind, changed.population_kind, changed.unit) == ("yes_no", "district", "%")


def test_objectives_groups_and_sources(
    editor: PlanEditorDialog, monkeypatch: pytest.MonkeyPatch, prompts: ScriptedPrompts
) -> None:
    monkeypatch.setattr(
        FieldsDialog, "exec", answering({"part": "Yêu cầu", "text": "Bảo đảm tiết kiệm."})
    )
    assert editor.lists["objectives"].add()
    assert editor.lists["objectives"].rows[-1].cells == ("4", "Yêu cầu", "Bảo đảm tiết kiệm.")
    monkeypatch.setattr(
        FieldsDialog, "exec", answering({"section": "content", "title": "Chuyển đổi số"})
    )
    assert editor.lists["groups"].add()
    assert ("Nội dung", "5", "Chuyển đổi số") in [r.cells for r in editor.lists["groups"].rows]
    sources = editor.lists["sources"]
    sources.table.setCurrentCell(4, 0)
    assert sources.delete()
    assert prompts.asked[-1].startswith("Xóa nguồn kinh phí «Ngân sách huyện»?")
    session = sources.session
    assert len(list_sources(session.db, session.plan_id)) == 4


def test_a_blank_plan_names_its_local_units(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(
        FieldsDialog,
        "exec",
        answering({"province": "Đồng Tháp", "year": 2026, "deadline": "10/12/2026"}),
    )
    new_id = plan_editor.new_blank_plan(window)
    assert new_id is not None and window.session.plan_id == new_id
    session = window.session
    dialog = PlanEditorDialog(session, window)
    dialog.header.fields["local_unit_name"].setText("xã, phường")
    assert dialog.header.save()
    add_agency(session.db, new_id, "PhuongCaoLanh", "UBND phường Cao Lãnh", "district")
    window.reload()
    agencies = window.tab_pages[-1]
    window.tabs.setCurrentWidget(agencies)
    assert shown_texts(agencies.panel, "Loại") == ["UBND xã, phường"]  # type: ignore[attr-defined]
