"""The report's letterhead settings: defaults from the plan, saved and read back."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from sqlite_utils import Database

from sxtdbv_desktop import report_settings
from sxtdbv_desktop.errors import ValidationError


def test_defaults_come_from_the_plan_and_invent_no_signer(db: Database, plan_id: int) -> None:
    settings = report_settings.load(db, plan_id)
    assert settings.governing_body == "UBND TỈNH ĐỒNG THÁP"
    assert settings.issuing_body == "SỞ CÔNG THƯƠNG"
    assert settings.place_name == "Đồng Tháp"
    assert settings.signer_name == ""
    assert settings.number_line.startswith("Số: ") and settings.number_line.endswith("/BC-SCT")


def test_saved_settings_are_read_back_in_nfc(db: Database, plan_id: int) -> None:
    edited = dataclasses.replace(
        report_settings.load(db, plan_id),
        signer_name="Nguye\u0302\u0303n Văn A",  # NFD, as some keyboards send it
        report_number="125",
        report_date=dt.date(2024, 1, 5),
    )
    report_settings.save(db, plan_id, edited)
    again = report_settings.load(db, plan_id)
    assert again.signer_name == "Nguyễn Văn A"
    assert again.number_line == "Số: 125/BC-SCT"
    assert again.report_date == dt.date(2024, 1, 5)


def test_an_empty_symbol_is_refused_and_nothing_saved(db: Database, plan_id: int) -> None:
    bad = dataclasses.replace(report_settings.load(db, plan_id), report_symbol=" ")
    with pytest.raises(ValidationError, match="Ký hiệu"):
        report_settings.save(db, plan_id, bad)
    assert db.execute("SELECT count(*) FROM plan_settings").fetchone()[0] == 0
