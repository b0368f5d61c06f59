"""The first-start dialog: mode, agency picked from the plan, the user's name."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlite_utils import Database

from sxtdbv_desktop import installation, plan_file, plans
from sxtdbv_desktop.errors import LockedError
from sxtdbv_ui.safety import first_start
from sxtdbv_ui.safety.first_start import FirstStartDialog, mode_label, run_first_start
from tests.prompts import ScriptedPrompts


def dialog_on(qtbot: QtBot, db: Database) -> FirstStartDialog:
    dialog = FirstStartDialog(db)
    qtbot.addWidget(dialog)
    return dialog


def test_the_consolidating_unit_starts_with_the_default_plan(
    qtbot: QtBot, empty_db: Database
) -> None:
    dialog = dialog_on(qtbot, empty_db)
    assert dialog.consolidating.isChecked()
    assert not dialog.agency_box.isEnabled()
    dialog.name.setText("  Nguyễn Thị   Lan ")
    dialog.start_button.click()
    assert dialog.result() == FirstStartDialog.DialogCode.Accepted
    setup = installation.load(empty_db)
    assert (setup.mode, setup.user_name) == ("consolidating", "Nguyễn Thị Lan")
    assert [p.label for p in plans.list_plans(empty_db)] == ["Đồng Tháp — năm 2023"]
    assert mode_label(empty_db) == "Đơn vị tổng hợp (Sở Công Thương)"


def test_an_agency_picks_itself_from_the_plan(qtbot: QtBot, db: Database) -> None:
    dialog = dialog_on(qtbot, db)
    dialog.agency.setChecked(True)
    assert dialog.agency_box.isEnabled()
    assert not dialog.plan_button.isEnabled()  # the file already holds a plan
    assert "đã có trong tệp dữ liệu" in dialog.plan_label.text()
    dialog.agencies.setCurrentIndex(dialog.agencies.findData("HLapVo"))
    dialog.name.setText("Trần Văn Bình")
    dialog.start_button.click()
    assert dialog.result() == FirstStartDialog.DialogCode.Accepted
    assert installation.load(db).agency_code == "HLapVo"
    assert mode_label(db) == "Đơn vị báo cáo: UBND huyện Lấp Vò"
    with pytest.raises(LockedError):
        plans.update_plan(db, plans.list_plans(db)[0].id, title="Khác")


def test_a_missing_name_is_explained_and_nothing_is_saved(qtbot: QtBot, db: Database) -> None:
    dialog = dialog_on(qtbot, db)
    dialog.start_button.click()
    assert dialog.result() != FirstStartDialog.DialogCode.Accepted
    assert not dialog.error.isHidden()
    assert "Họ và tên" in dialog.error.text()
    assert installation.needs_first_start(db)


def test_an_agency_can_start_from_the_plan_file_the_unit_sent(
    qtbot: QtBot, empty_db: Database, tmp_path: Path, prompts: ScriptedPrompts
) -> None:
    data = plan_file.read_plan_file(plan_file.default_plan_path())
    data["plan"]["year"] = 2024
    sent = tmp_path / "ke-hoach-2024.json"
    sent.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    prompts.files.append(sent)
    dialog = dialog_on(qtbot, empty_db)
    dialog.agency.setChecked(True)
    dialog.plan_button.click()
    assert "năm 2024 (tệp do Sở gửi)" in dialog.plan_label.text()
    dialog.agencies.setCurrentIndex(dialog.agencies.findData("HTamNong"))
    dialog.name.setText("Lê Thị C")
    dialog.start_button.click()
    assert [p.year for p in plans.list_plans(empty_db)] == [2024]
    assert installation.load(empty_db).agency_code == "HTamNong"


def test_a_wrong_plan_file_is_explained(
    qtbot: QtBot, empty_db: Database, tmp_path: Path, prompts: ScriptedPrompts
) -> None:
    wrong = tmp_path / "khac.json"
    wrong.write_text("{}", encoding="utf-8")
    prompts.files.append(wrong)
    dialog = dialog_on(qtbot, empty_db)
    dialog.agency.setChecked(True)
    dialog.plan_button.click()
    assert not dialog.error.isHidden()
    assert "không phải là tệp kế hoạch" in dialog.error.text()
    assert "kế hoạch có sẵn" in dialog.plan_label.text()


def test_no_dialog_once_set_up(db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    installation.set_up(db, installation.CONSOLIDATING, "Nguyễn Thị Lan")
    monkeypatch.setattr(first_start.FirstStartDialog, "exec", lambda self: pytest.fail("shown"))
    assert run_first_start(db)


def test_no_agency_is_chosen_for_the_user(qtbot: QtBot, db: Database) -> None:
    dialog = dialog_on(qtbot, db)
    dialog.agency.setChecked(True)
    assert dialog.agencies.currentIndex() == -1  # not the Sở Công Thương, first in the list
    assert dialog.agencies.placeholderText() == first_start.CHOOSE_AGENCY
    dialog.name.setText("Trần Văn Bình")
    dialog.start_button.click()
    assert dialog.result() != FirstStartDialog.DialogCode.Accepted
    assert "Hãy chọn đơn vị của máy này" in dialog.error.text()
    assert installation.load(db).mode is None
