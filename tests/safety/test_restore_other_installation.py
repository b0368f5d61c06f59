"""Restoring another installation's backup (an agency's file at the Sở, or the other way
round) warns and asks: the mode of this computer never switches without a word."""

from __future__ import annotations

from pathlib import Path

import pytest

from sxtdbv_desktop import backup, installation
from sxtdbv_desktop.installation_files import ModeChangeError, setup_of
from sxtdbv_desktop.plan_file import load_default_plan
from sxtdbv_desktop.storage import open_database
from tests.conftest import TEST_ACTOR
from tests.test_cli import cli


def installed(path: Path, mode: str, agency: str | None = None) -> Path:
    db = open_database(path, TEST_ACTOR)
    try:
        load_default_plan(db)
        installation.set_up(db, mode, "Nguyễn Thị Lan", agency)
    finally:
        db.close()
    return path


@pytest.fixture
def so(tmp_path: Path) -> Path:
    return installed(tmp_path / "so" / "sxtdbv.sqlite", installation.CONSOLIDATING)


@pytest.fixture
def agency_backup(tmp_path: Path) -> Path:
    path = installed(tmp_path / "don-vi" / "sxtdbv.sqlite", installation.AGENCY, "HLapVo")
    return backup.backup_to(path, tmp_path / "usb" / "don-vi.sqlite")


def test_the_core_refuses_a_silent_switch(so: Path, agency_backup: Path) -> None:
    before = so.read_bytes()
    with pytest.raises(ModeChangeError) as caught:
        backup.restore(so, agency_backup)
    assert "Đơn vị báo cáo HLapVo" in caught.value.message
    assert "Đơn vị tổng hợp (Sở Công Thương)" in caught.value.message
    assert so.read_bytes() == before
    backup.restore(so, agency_backup, allow_mode_change=True)
    assert setup_of(so) == (installation.AGENCY, "HLapVo")


def test_the_command_warns_and_needs_the_users_yes(so: Path, agency_backup: Path) -> None:
    refused = cli("restore", "--db", str(so), str(agency_backup))
    assert refused.returncode == 1
    assert refused.stderr.startswith("Cảnh báo: Bản sao lưu don-vi.sqlite là dữ liệu của")
    assert "--change-mode" in refused.stderr
    assert setup_of(so) == (installation.CONSOLIDATING, None)
    done = cli("restore", "--db", str(so), str(agency_backup), "--change-mode")
    assert done.returncode == 0, done.stderr
    assert setup_of(so) == (installation.AGENCY, "HLapVo")


def test_a_backup_of_the_same_installation_is_restored_without_a_question(
    so: Path, tmp_path: Path
) -> None:
    own = backup.backup_to(so, tmp_path / "usb" / "so.sqlite")
    done = cli("restore", "--db", str(so), str(own))
    assert done.returncode == 0, done.stderr
    assert "Cảnh báo" not in done.stderr
