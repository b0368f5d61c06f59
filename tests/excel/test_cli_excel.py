"""`forms`, `import` (with --dry-run) and `export` on the command line."""

from __future__ import annotations

from pathlib import Path

import pytest

from sxtdbv_desktop.cli import main
from sxtdbv_desktop.plan_file import load_default_plan
from sxtdbv_desktop.storage import open_database
from sxtdbv_desktop.tasks import assign, list_tasks
from tests.conftest import TEST_ACTOR
from tests.excel.filling import fill_file, prepare_plan


@pytest.fixture
def db_file(tmp_path: Path) -> Path:
    path = tmp_path / "du-lieu.sqlite"
    db = open_database(path, TEST_ACTOR)
    prepare_plan(db, load_default_plan(db))
    db.close()
    return path


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_forms_for_some_agencies(
    db_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "gui-di"
    code, out, _ = run(
        capsys, "forms", "--db", str(db_file), "--agency", "SoTNMT", "HLapVo", "-o", str(folder)
    )
    assert code == 0
    assert sorted(p.name for p in folder.iterdir()) == [
        "BaoCao_HLapVo_2023.xlsx",
        "BaoCao_SoTNMT_2023.xlsx",
    ]
    assert out.splitlines()[-1] == f"Đã tạo 2 biểu mẫu trong {folder}."


def test_forms_for_an_unknown_agency(
    db_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "forms", "--db", str(db_file), "--agency", "X", "-o", str(tmp_path))
    assert code == 1
    assert err == "Lỗi: Không có cơ quan mã X trong kế hoạch.\n"


def test_import_dry_run_then_import_then_nothing_to_do(
    db_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(capsys, "forms", "--db", str(db_file), "-o", str(tmp_path / "f"))
    path = tmp_path / "BaoCao_HLapVo_2023.xlsx"
    fill_file(tmp_path / "f" / path.name, path, "cli")
    before = db_file.read_bytes()

    code, out, _ = run(capsys, "import", "--db", str(db_file), str(path), "--dry-run")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].startswith("BaoCao_HLapVo_2023.xlsx — UBND huyện Lấp Vò, Năm 2023: ") and lines[
        0
    ].endswith(" thay đổi")
    assert "  Báo cáo — Tình trạng: Chưa có báo cáo → Đã nộp" in lines
    assert lines[-1] == "Chạy thử (--dry-run): chưa ghi gì vào dữ liệu."
    assert db_file.read_bytes() == before

    code, out, _ = run(capsys, "import", "--db", str(db_file), str(path), "--today", "2023-12-09")
    assert code == 0
    assert (
        out.splitlines()[-1] == "  → Đã nhập báo cáo của UBND huyện Lấp Vò (ngày nhận 09/12/2023)."
    )

    code, out, _ = run(capsys, "import", "--db", str(db_file), str(path))
    assert code == 0
    assert out == (
        "BaoCao_HLapVo_2023.xlsx — UBND huyện Lấp Vò, Năm 2023: không có thay đổi "
        "(tệp này đã được nhập).\n"
    )


def test_import_reports_bad_files_and_imports_the_good_ones(
    db_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(capsys, "forms", "--db", str(db_file), "--agency", "SoCT", "-o", str(tmp_path / "f"))
    good = tmp_path / "BaoCao_SoCT_2023.xlsx"
    fill_file(tmp_path / "f" / good.name, good, "good")
    twice = tmp_path / "BaoCao_SoCT_2023_lan2.xlsx"
    fill_file(tmp_path / "f" / good.name, twice, "twice")
    bad = tmp_path / "hong.xlsx"
    bad.write_bytes(b"PK\x03\x04 not really")
    code, out, err = run(capsys, "import", "--db", str(db_file), str(bad), str(good), str(twice))
    assert code == 1
    assert err.splitlines() == [
        "Lỗi: Tệp hong.xlsx: tệp bị hỏng hoặc không đầy đủ (có thể do sao chép, tải về chưa "
        "xong); hãy xin gửi lại tệp.",
        "Lỗi: Tệp BaoCao_SoCT_2023_lan2.xlsx: cùng cơ quan (Sở Công Thương) và kỳ báo cáo với "
        "tệp BaoCao_SoCT_2023.xlsx trong lần nhập này; chỉ nhập một tệp cho mỗi cơ quan.",
    ]
    assert "→ Đã nhập báo cáo của Sở Công Thương" in out


def test_export_each_table(
    db_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for table in ("tasks", "indicators", "budget", "reporting"):
        target = tmp_path / f"{table}.xlsx"
        code, out, _ = run(
            capsys, "export", "--db", str(db_file), "--table", table, "-o", str(target)
        )
        assert code == 0 and target.exists()
        assert out.startswith("Đã xuất bảng ")
    code, _, err = run(
        capsys, "export", "--db", str(db_file), "--table", "report", "--agency", "SoCT",
        "-o", str(tmp_path / "r.xlsx"),
    )  # fmt: skip
    assert code == 1
    assert err == "Lỗi: Sở Công Thương chưa có báo cáo năm 2023.\n"


def test_forms_check_the_plan_first_and_strict_stops_on_a_gap(
    db_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "forms", "--db", str(db_file), "-o", str(tmp_path / "a"))
    assert code == 0 and out.splitlines()[-1].startswith("Đã tạo 24 biểu mẫu")
    assert "phân công là đề xuất" in err and "chưa phân công" not in err
    assert not (tmp_path / "a" / "BaoCao_BaoChi_2023.xlsx").exists()  # a collective entry
    db = open_database(db_file, TEST_ACTOR)
    plan_id = db.execute("SELECT id FROM plans").fetchone()[0]
    assign(db, list_tasks(db, plan_id, "content")[3].id, [], [])
    db.close()
    code, out, err = run(capsys, "forms", "--db", str(db_file), "-o", str(tmp_path / "b"))
    assert code == 0 and out.splitlines()[-1].startswith("Đã tạo 24 biểu mẫu")
    assert "Cảnh báo: còn 1 chỗ chưa phân công:" in err
    assert "Nhiệm vụ III.1.4: Tập huấn kiến thức" in err and "Cách sửa: Thẻ Nhiệm vụ" in err
    code, out, err = run(
        capsys, "forms", "--db", str(db_file), "--strict", "-o", str(tmp_path / "c")
    )
    assert code == 1 and out == ""
    assert "Lỗi: còn 1 chỗ chưa phân công:" in err and "(--strict)" in err
    assert not (tmp_path / "c").exists()
    code, out, _ = run(
        capsys, "forms", "--db", str(db_file), "--agency", "BaoChi", "-o", str(tmp_path / "d")
    )
    assert code == 0 and [p.name for p in (tmp_path / "d").iterdir()] == ["BaoCao_BaoChi_2023.xlsx"]


def test_import_takes_the_day_the_report_arrived(
    db_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(capsys, "forms", "--db", str(db_file), "--agency", "SoCT", "-o", str(tmp_path / "f"))
    path = tmp_path / "BaoCao_SoCT_2023.xlsx"
    fill_file(tmp_path / "f" / path.name, path, "ngay")
    code, out, _ = run(
        capsys, "import", "--db", str(db_file), str(path), "--received", "11/12/2023"
    )
    assert code == 0
    assert out.splitlines()[-1].endswith("(ngày nhận 11/12/2023).")
    with pytest.raises(SystemExit) as stopped:
        run(capsys, "import", "--db", str(db_file), str(path), "--received", "31/02/2023")
    assert stopped.value.code == 2
    assert "Ngày không hợp lệ: '31/02/2023'" in capsys.readouterr().err


def test_proposals_are_listed_with_their_evidence_and_confirmed(
    db_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "proposals", "--db", str(db_file))
    assert code == 0
    assert "Chỉ tiêu 6: Cơ quan, đơn vị trực thuộc UBND Tỉnh" in out
    assert "Căn cứ — " in out
    assert out.splitlines()[-1].endswith("xác nhận tất cả: thêm --confirm.")
    code, out, _ = run(capsys, "proposals", "--db", str(db_file), "--confirm")
    assert code == 0 and out.splitlines()[-1].startswith("Đã xác nhận ")
    code, out, _ = run(capsys, "proposals", "--db", str(db_file))
    assert out == "Không còn phân công đề xuất nào chờ xác nhận.\n"
