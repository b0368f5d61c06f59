"""The command line, run as a user runs it: a real process on a real file."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from sxtdbv_desktop import program_start
from sxtdbv_desktop.paths import default_database_path


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONIOENCODING": "cp1252"}  # a Windows console must not break it
    return subprocess.run(
        [sys.executable, "-m", "sxtdbv_desktop", *args],
        check=False,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
    )


def test_init_then_summary_json_reports_the_seeds_figures(tmp_path: Path) -> None:
    db = str(tmp_path / "du-lieu" / "sxtdbv.sqlite")
    init = cli("init", "--db", db)
    assert init.returncode == 0, init.stderr
    assert "Đồng Tháp — năm 2023" in init.stdout
    done = cli("summary", "--db", db, "--json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["plan"]["reporting_deadline"] == "2023-12-10"
    assert data["plan"]["total_budget"] == 3235715000
    assert data["budget"]["total_estimate"] == 3235715000
    assert data["counts"]["tasks"] == 17
    assert data["counts"]["task_groups"] == 4
    assert data["counts"]["district_units"] == 12
    thresholds = {i["code"]: i["threshold"] for i in data["indicators"]}
    assert thresholds == {
        "1": 1, "2a": 80, "2b": 50, "3": 80, "4a": 40, "4b": 20, "5": 70, "6": 100
    }  # fmt: skip
    assert {i["verdict"] for i in data["indicators"]} == {"no_data"}
    # Every task of section III has someone to lead it, every indicator someone to report it.
    assert data["counts"]["tasks_unassigned"] == 0
    assert all(i["expected_reporters"] >= 1 for i in data["indicators"])
    assert data["reporting"]["expected"] == 24


def test_init_twice_keeps_the_data(tmp_path: Path) -> None:
    db = str(tmp_path / "a.sqlite")
    cli("init", "--db", db)
    again = cli("init", "--db", db)
    assert again.returncode == 0
    assert "đã có kế hoạch" in again.stdout


def test_summary_text_is_vietnamese(tmp_path: Path) -> None:
    db = str(tmp_path / "a.sqlite")
    cli("init", "--db", db)
    done = cli("summary", "--db", db)
    assert "Chưa có số liệu" in done.stdout
    assert "3.235.715.000 đồng" in done.stdout


def test_errors_exit_non_zero_with_a_vietnamese_message(tmp_path: Path) -> None:
    missing = cli("summary", "--db", str(tmp_path / "khong-co.sqlite"))
    assert missing.returncode == 1
    assert "Không tìm thấy tệp dữ liệu" in missing.stderr
    wrong_year = cli("init", "--db", str(tmp_path / "b.sqlite"))
    assert wrong_year.returncode == 0
    no_plan = cli("summary", "--db", str(tmp_path / "b.sqlite"), "--year", "2031")
    assert no_plan.returncode == 1
    assert "không có kế hoạch năm 2031" in no_plan.stderr
    usage = cli("khong-co-lenh")
    assert usage.returncode == 2
    assert "Lỗi" in usage.stderr


def test_version(tmp_path: Path) -> None:
    done = cli("--version")
    assert done.returncode == 0
    assert done.stdout.startswith("SX&TDBV Desktop ")


def test_copy_plan_to_next_year(tmp_path: Path) -> None:
    db = str(tmp_path / "a.sqlite")
    cli("init", "--db", db)
    copied = cli("copy-plan", "--db", db, "--year", "2023", "--to", "2024")
    assert copied.returncode == 0, copied.stderr
    data = json.loads(cli("summary", "--db", db, "--year", "2024", "--json").stdout)
    assert data["plan"]["year"] == 2024
    assert data["counts"]["tasks"] == 17


@pytest.mark.parametrize(
    ("argv", "window_file"),
    [
        ([], "the default file"),
        (["--db", "d/tệp.sqlite"], Path("d/tệp.sqlite")),
        (["--db=d/tệp.sqlite"], Path("d/tệp.sqlite")),
        (["--db"], None),  # the parser says what is missing
        (["--db", ""], None),
        (["--db="], None),
        (["--db", "--version"], None),
        (["--db", "a.sqlite", "--db", "b.sqlite"], None),
        (["--d", "a.sqlite"], None),  # an abbreviation: the parser's to accept
        (["init"], None),
        (["--version"], None),
        (["--self-test"], None),
        (["-h"], None),
    ],
)
def test_only_nothing_or_the_db_option_opens_the_window_without_the_parser(
    argv: list[str], window_file: Path | str | None
) -> None:
    expected = default_database_path() if window_file == "the default file" else window_file
    assert program_start.window_only(argv) == expected
