"""`backup`, `backups`, `restore`, `check`, `audit`, `export-plan`, as a clerk runs them."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from openpyxl import load_workbook

from sxtdbv_desktop import audit_words, locking
from tests.safety.corrupt import overwrite_middle_pages
from tests.test_cli import cli


@pytest.fixture
def db_file(tmp_path: Path) -> Path:
    path = tmp_path / "sxtdbv.sqlite"
    assert cli("init", "--db", str(path)).returncode == 0
    return path


def test_backup_then_restore_keeps_the_replaced_file(db_file: Path, tmp_path: Path) -> None:
    copy = tmp_path / "usb" / "sao-luu.sqlite"
    done = cli("backup", "--db", str(db_file), "-o", str(copy))
    assert done.returncode == 0, done.stderr
    assert f"Đã sao lưu vào {copy}" in done.stdout
    assert cli("copy-plan", "--db", str(db_file), "--to", "2024").returncode == 0
    restored = cli("restore", "--db", str(db_file), str(copy))
    assert restored.returncode == 0, restored.stderr
    assert "Bản dữ liệu bị thay được giữ lại tại" in restored.stdout
    summary = cli("summary", "--db", str(db_file), "--year", "2024")
    assert summary.returncode == 1
    assert "không có kế hoạch năm 2024" in summary.stderr
    listing = cli("backups", "--db", str(db_file))
    assert "trước khi khôi phục" in listing.stdout


def test_check_finds_damage_and_names_the_last_good_backup(db_file: Path) -> None:
    healthy = cli("check", "--db", str(db_file))
    assert healthy.returncode == 0
    assert "nguyên vẹn" in healthy.stdout
    folder = db_file.parent / "backups"
    assert (
        cli(
            "backup", "--db", str(db_file), "-o", str(folder / "sxtdbv-20240105-093000.sqlite")
        ).returncode
        == 0
    )
    overwrite_middle_pages(db_file)
    damaged = cli("check", "--db", str(db_file))
    assert damaged.returncode == 1
    assert damaged.stderr.startswith("Lỗi: Tệp dữ liệu sxtdbv.sqlite đã bị hỏng.")
    assert "sxtdbv-20240105-093000.sqlite" in damaged.stderr


def test_a_restore_from_a_bad_file_changes_nothing(db_file: Path, tmp_path: Path) -> None:
    before = db_file.read_bytes()
    bad = tmp_path / "hong.sqlite"
    bad.write_text("không phải cơ sở dữ liệu", encoding="utf-8")
    done = cli("restore", "--db", str(db_file), str(bad))
    assert done.returncode == 1
    assert "Không thể khôi phục từ hong.sqlite" in done.stderr
    assert db_file.read_bytes() == before


def test_a_writing_command_is_refused_while_the_window_holds_the_file(db_file: Path) -> None:
    lock = locking.acquire(db_file)
    assert isinstance(lock, locking.WriterLock)
    try:
        refused = cli("copy-plan", "--db", str(db_file), "--to", "2024")
        reading = cli("summary", "--db", str(db_file))
    finally:
        lock.release()
    assert refused.returncode == 1
    assert "chỉ cho phép đọc" in refused.stderr
    assert "đang được mở để ghi trên máy" in refused.stderr
    assert reading.returncode == 0


def test_the_audit_log_exports_to_excel(db_file: Path, tmp_path: Path) -> None:
    cli("copy-plan", "--db", str(db_file), "--to", "2024")
    out = tmp_path / "nhat-ky.xlsx"
    done = cli("audit", "--db", str(db_file), "-o", str(out), "--text", "nam 2024")
    assert done.returncode == 0, done.stderr
    sheet = load_workbook(out)["Nhật ký thay đổi"]
    assert sheet["A3"].value == "Thời gian"
    rows = list(sheet.iter_rows(min_row=4, values_only=True))
    assert rows and all(any("2024" in str(cell) for cell in r) for r in rows)
    bad = cli("audit", "--db", str(db_file), "-o", str(out), "--from", "31/02/2024")
    assert bad.returncode == 2
    assert "Ngày không hợp lệ" in bad.stderr


def test_the_audit_log_export_speaks_the_viewers_words(db_file: Path, tmp_path: Path) -> None:
    cli("copy-plan", "--db", str(db_file), "--to", "2024")
    out = tmp_path / "nhat-ky.xlsx"
    done = cli("audit", "--db", str(db_file), "-o", str(out))
    assert done.returncode == 0, done.stderr
    sheet = load_workbook(out)["Nhật ký thay đổi"]
    assert [c.value for c in sheet[3]] == list(audit_words.COLUMNS)
    cells = [str(v) for r in sheet.iter_rows(min_row=4, values_only=True) for v in r if v]
    assert any(c.startswith("Nhiệm vụ III.") for c in cells)  # a task by its number
    assert any(c.startswith("Kế hoạch ") and "năm 2024" in c for c in cells)
    raw = [c for c in cells if "_id=" in c or c.startswith("{") or "updated_at" in c]
    assert raw == []  # no record keys, no JSON, no column names
    times = [r[0] for r in sheet.iter_rows(min_row=4, values_only=True)]
    assert all(re.fullmatch(r"\d\d/\d\d/\d{4} \d\d:\d\d", str(t)) for t in times)


def test_the_plan_exports_for_the_agencies(db_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "ke-hoach-2023.json"
    done = cli("export-plan", "--db", str(db_file), "-o", str(out))
    assert done.returncode == 0, done.stderr
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["format"] == "sxtdbv-plan"
    assert data["plan"]["total_budget"] == 3_235_715_000
