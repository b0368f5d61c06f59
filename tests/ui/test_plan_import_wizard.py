"""Tệp → Nhập kế hoạch từ văn bản: the review wizard beside the document's text, each flag to
confirm, nothing saved before the last step; the new plan is then the window's."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QWizard
from pytestqt.qtbot import QtBot

from sxtdbv_desktop.indicators import list_indicators
from sxtdbv_desktop.plan_import.reader import read_plan
from sxtdbv_desktop.plan_import.sources import read_document
from sxtdbv_desktop.plans import get_plan, list_plans
from sxtdbv_desktop.year_over_year import previous_results
from sxtdbv_ui import msgbox, plan_import
from sxtdbv_ui.main_window import MainWindow
from sxtdbv_ui.plan_import.wizard import ReviewWizard
from tests.plan_import.documents import HAU_GIANG
from tests.present import present
from tests.prompts import ScriptedPrompts
from tests.test_default_plan_data import SEED_PATH


@pytest.fixture
def next_year(tmp_path: Path) -> Path:
    """The seed as if it were the 2024 plan."""
    path = tmp_path / "ke-hoach-2024.txt"
    text = SEED_PATH.read_text(encoding="utf-8").replace("năm 2023", "năm 2024")
    path.write_text(text.replace("10/12/2023", "10/12/2024"), encoding="utf-8")
    return path


def wizard_for(window: MainWindow, path: Path, qtbot: QtBot) -> ReviewWizard:
    wizard = ReviewWizard(window.session, read_plan(read_document(path)), window)
    qtbot.addWidget(wizard)
    wizard.show()
    return wizard


def test_the_command_is_in_the_file_menu(window: MainWindow) -> None:
    plan_import.install(window)
    texts = [a.text() for a in window.menu("file").actions()]
    assert "Nhập kế hoạch từ văn bản (&Word, PDF)…" in texts


def test_the_draft_is_shown_beside_the_source_text(
    window: MainWindow, next_year: Path, qtbot: QtBot
) -> None:
    wizard = wizard_for(window, next_year, qtbot)
    assert wizard.header_page.fields["province"].text() == "Đồng Tháp"
    assert wizard.header_page.fields["reporting_deadline"].text() == "10/12/2024"
    assert wizard.header_page.fields["total_budget"].text() == "3.235.715.000 đồng"
    assert "17 nhiệm vụ trong 4 nhóm; 12 mục tổ chức thực hiện" in (
        wizard.header_page.counts.text()
    )
    assert "II. MỤC TIÊU" in wizard.source.text.toPlainText()
    wizard.next()
    table = wizard.indicators_page.table
    assert table.rowCount() == 8
    assert present(table.item(1, 1)).text() == "80% các khu, cụm công nghiệp"
    # Last year's plan is in the file: each indicator is linked to the one of the same code.
    link = table.cellWidget(1, 6)
    assert isinstance(link, QComboBox)
    assert link.currentData() == "2a"
    table.setCurrentCell(4, 1)
    assert wizard.source.highlighted().startswith("ít nhất 40% túi nhựa")


def test_nothing_is_saved_before_every_flag_is_checked(
    window: MainWindow, next_year: Path, qtbot: QtBot
) -> None:
    plans_before = len(list_plans(window.session.db))
    wizard = wizard_for(window, next_year, qtbot)
    wizard.next()
    wizard.next()
    flags = wizard.flags_page
    assert flags.table.rowCount() == 9
    assert not flags.isComplete()
    assert wizard.button(QWizard.WizardButton.FinishButton).isEnabled() is False
    flags.table.setCurrentCell(7, 2)  # "Mục V.10": the unnamed departments
    assert wizard.source.highlighted().startswith("Các sở, ban, ngành và UBND huyện")
    assert len(list_plans(window.session.db)) == plans_before
    flags.confirm_all()
    assert flags.isComplete() and flags.left.text() == "Đã kiểm tra mọi điểm."
    wizard.accept()
    assert wizard.new_plan_id is not None
    plan = get_plan(window.session.db, wizard.new_plan_id)
    assert plan.label == "Đồng Tháp — năm 2024"
    linked = previous_results(window.session.db, plan.id)
    assert len(linked) == len(list_indicators(window.session.db, plan.id)) == 8


def test_a_correction_resolves_its_flag(window: MainWindow, qtbot: QtBot) -> None:
    wizard = wizard_for(window, HAU_GIANG, qtbot)
    wizard.next()
    kind = wizard.indicators_page.table.cellWidget(4, 2)  # indicator 6, "Tăng 10% …"
    assert isinstance(kind, QComboBox)
    assert "indicator 6" not in wizard.draft.resolved
    kind.setCurrentIndex(kind.findText("Số lượng"))
    assert "indicator 6" in wizard.draft.resolved
    assert wizard.draft.indicators()[4]["kind"] == "count"


def test_a_missing_deadline_must_be_typed_before_going_on(
    window: MainWindow, tmp_path: Path, qtbot: QtBot
) -> None:
    path = tmp_path / "khong-han.txt"
    text = SEED_PATH.read_text(encoding="utf-8").replace("năm 2023", "năm 2025")
    path.write_text(text.replace("trước \n\nngày 10/12/2023", "trong tháng 12"), encoding="utf-8")
    wizard = wizard_for(window, path, qtbot)
    page = wizard.header_page
    assert not page.isComplete()
    assert wizard.button(QWizard.WizardButton.NextButton).isEnabled() is False
    qtbot.keyClicks(page.fields["reporting_deadline"], "10/12/2025")
    assert page.isComplete()
    assert wizard.draft.plan["reporting_deadline"] == "2025-12-10"


def test_a_file_that_is_not_a_plan_is_refused_with_a_message(
    window: MainWindow, prompts: ScriptedPrompts, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    letter = tmp_path / "cong-van.txt"
    letter.write_text("Kính gửi các sở.\nĐề nghị báo cáo.\n", encoding="utf-8")
    monkeypatch.setattr(msgbox, "open_file", lambda *args: letter)
    assert plan_import.import_plan(window) is None
    assert prompts.warnings == [
        "Tệp cong-van.txt: không phải là một kế hoạch: không thấy các mục của kế hoạch (Mục "
        "đích, yêu cầu; Mục tiêu; Nội dung hoặc Nhiệm vụ; Kinh phí; Tổ chức thực hiện)."
    ]


def test_the_saved_plan_becomes_the_windows_plan(
    window: MainWindow, next_year: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def review(wizard: ReviewWizard) -> int:
        wizard.next()
        wizard.next()
        wizard.flags_page.accept_rest.setCheckState(Qt.CheckState.Checked)
        wizard.accept()
        return int(wizard.result())

    monkeypatch.setattr(ReviewWizard, "exec", review)
    new_id = plan_import.import_plan(window, next_year)
    assert new_id is not None and window.session.plan_id == new_id
    assert window.windowTitle().startswith("Đồng Tháp — năm 2024")
