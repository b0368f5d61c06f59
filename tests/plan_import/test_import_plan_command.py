"""`import-plan FILE [--dry-run] [--accept-flagged]`, run as a user runs it."""

from __future__ import annotations

from pathlib import Path

from tests.plan_import.documents import HAU_GIANG
from tests.test_cli import cli
from tests.test_default_plan_data import SEED_PATH


def test_a_dry_run_prints_what_was_read_and_what_is_flagged(tmp_path: Path) -> None:
    db = tmp_path / "sxtdbv.sqlite"
    done = cli("import-plan", "--db", str(db), str(HAU_GIANG), "--dry-run")
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert "Tỉnh: Hậu Giang; năm: 2024; số: 45/KH-UBND" in out
    assert "3   Có/Không theo đơn vị 60%" in out
    assert "Kinh phí: 1.250.000.000 đồng" in out
    assert "Cần kiểm tra: 6 điểm:" in out
    assert "Mục tiêu 5: không có con số đo được" in out
    assert "— câu gốc: «Từng bước hình thành thói quen tiêu dùng xanh" in out
    assert "Chưa lưu gì (--dry-run)." in out
    assert not db.exists()


def test_flags_left_stop_the_save_unless_accepted(tmp_path: Path) -> None:
    db = str(tmp_path / "sxtdbv.sqlite")
    refused = cli("import-plan", "--db", db, str(HAU_GIANG))
    assert refused.returncode == 1
    assert "Lỗi: Kế hoạch chưa lưu: còn 6 điểm cần kiểm tra" in refused.stderr
    assert "--accept-flagged" in refused.stderr
    saved = cli("import-plan", "--db", db, str(HAU_GIANG), "--accept-flagged")
    assert saved.returncode == 0, saved.stderr
    assert "Đã lưu kế hoạch Hậu Giang — năm 2024." in saved.stdout
    summary = cli("summary", "--db", db, "--province", "Hậu Giang")
    assert "Hạn báo cáo: 05/12/2024." in summary.stdout


def test_next_years_plan_is_linked_to_last_years_indicators(tmp_path: Path) -> None:
    db = str(tmp_path / "sxtdbv.sqlite")
    assert cli("init", "--db", db).returncode == 0
    next_year = tmp_path / "ke-hoach-2024.txt"
    text = SEED_PATH.read_text(encoding="utf-8").replace("năm 2023", "năm 2024")
    next_year.write_text(text.replace("10/12/2023", "10/12/2024"), encoding="utf-8")
    done = cli("import-plan", "--db", db, str(next_year), "--accept-flagged")
    assert done.returncode == 0, done.stderr
    assert "2a  Tỷ lệ                80%        80% các khu, cụm công nghiệp  (năm trước: 2a)" in (
        done.stdout
    )
    assert "nối với chỉ tiêu cùng mã của kế hoạch Đồng Tháp — năm 2023" in done.stdout


def test_a_file_that_is_not_a_plan_is_refused(tmp_path: Path) -> None:
    letter = tmp_path / "cong-van.txt"
    letter.write_text("Kính gửi các sở, ban, ngành.\nĐề nghị báo cáo.\n", encoding="utf-8")
    done = cli("import-plan", "--db", str(tmp_path / "a.sqlite"), str(letter), "--dry-run")
    assert done.returncode == 1
    assert done.stderr.startswith("Lỗi: Tệp cong-van.txt: không phải là một kế hoạch")
