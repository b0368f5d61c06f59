"""A full disk, read-only media, a read-only file: each is named for what it is, a healthy file
is never called damaged, reading still works where it can, and nothing prints a traceback.

The disks are real (tests/faults/media.py): a small tmpfs filled to the last byte, or mounted
read-only, in a private mount namespace; the program runs in it as separate processes.
"""

from __future__ import annotations

import json
import shlex
from pathlib import Path

import pytest

from tests.faults.media import Run, fill, on_disk, read_only
from tests.test_cli import cli

FILE = "sxtdbv.sqlite"


@pytest.fixture
def prepared(tmp_path: Path) -> Path:
    """A data file with the default plan, and a good backup of it, outside the test disk."""
    path = tmp_path / "nguon" / FILE
    assert cli("init", "--db", str(path)).returncode == 0
    assert (
        cli("backup", "--db", str(path), "-o", str(tmp_path / "usb" / "sao-luu.sqlite")).returncode
        == 0
    )
    return path


def copy_to(disk: Path, source: Path) -> str:
    return f"cp {shlex.quote(str(source))} {shlex.quote(str(disk / FILE))}"


def no_traceback(*runs: Run) -> None:
    for run in runs:
        assert "Traceback" not in run.stderr + run.stdout, run.stderr


def test_a_full_disk_is_named_and_the_file_still_reads(prepared: Path, tmp_path: Path) -> None:
    disk = tmp_path / "o-day"
    data = str(disk / FILE)
    usb = str(tmp_path / "usb" / "sao-luu.sqlite")
    check, summary, saved_away, saved_there, restored, written, window = on_disk(
        disk,
        [
            ["sxtdbv", "check", "--db", data],
            ["sxtdbv", "summary", "--db", data, "--json"],
            ["sxtdbv", "backup", "--db", data, "-o", str(tmp_path / "ban-sao.sqlite")],
            ["sxtdbv", "backup", "--db", data, "-o", str(disk / "ban-sao.sqlite")],
            ["sxtdbv", "restore", "--db", data, usb],
            ["sxtdbv", "copy-plan", "--db", data, "--to", "2024"],
            ["worker", "session", data],
        ],
        prepare=f"{copy_to(disk, prepared)}\n{fill(disk)}",
    )
    no_traceback(check, summary, saved_away, saved_there, restored, written, window)
    assert check.returncode == 0, check.stderr
    assert "nguyên vẹn" in check.stdout and "Ổ đĩa đã đầy" in check.stdout
    assert "hỏng" not in check.stdout + check.stderr
    assert summary.returncode == 0, summary.stderr
    assert json.loads(summary.stdout)["plan"]["year"] == 2023
    assert saved_away.returncode == 0, saved_away.stderr
    assert (tmp_path / "ban-sao.sqlite").stat().st_size > 0
    for refused in (saved_there, restored, written):
        assert refused.returncode == 1
        assert "đã đầy" in refused.stderr and "hỏng" not in refused.stderr, refused.stderr
    state = json.loads(window.stdout)
    assert window.returncode == 0 and state["plans"] == 1
    assert state["read_only"].startswith("Ổ đĩa đã đầy")


def test_read_only_media_reads_and_every_output_says_why(prepared: Path, tmp_path: Path) -> None:
    disk = tmp_path / "dia-cd"
    data = str(disk / FILE)
    elsewhere = str(tmp_path / "bao-cao.pdf")
    runs = [
        ["sxtdbv", "check", "--db", data],
        ["sxtdbv", "summary", "--db", data],
        ["worker", "session", data],
        ["sxtdbv", "copy-plan", "--db", data, "--to", "2024"],
        ["sxtdbv", "forms", "--db", data, "-o", str(disk / "bieu-mau")],
        ["sxtdbv", "report", "--db", data, "-o", str(disk / "bao-cao.pdf")],
        ["sxtdbv", "report", "--db", data, "-o", elsewhere, "--xlsx", str(disk / "bang.xlsx")],
        ["sxtdbv", "audit", "--db", data, "-o", str(disk / "nhat-ky.xlsx")],
        ["sxtdbv", "export-plan", "--db", data, "-o", str(disk / "ke-hoach.json")],
        ["sxtdbv", "export", "--db", data, "--table", "tasks", "-o", str(disk / "nv.xlsx")],
        ["sxtdbv", "backup", "--db", data, "-o", str(disk / "ban-sao.sqlite")],
        ["sxtdbv", "init", "--db", str(disk / "moi" / FILE)],
        [f"SXTDBV_DATA_DIR={disk / 'du-lieu'}", "sxtdbv", "init"],
    ]
    results = on_disk(disk, runs, prepare=f"{copy_to(disk, prepared)}\n{read_only(disk)}")
    no_traceback(*results)
    check, summary, window, written, *outputs = results
    assert check.returncode == 0, check.stderr
    assert "nguyên vẹn" in check.stdout and "chỉ cho phép đọc" in check.stdout
    assert summary.returncode == 0 and "Chỉ tiêu:" in summary.stdout, summary.stderr
    state = json.loads(window.stdout)
    assert state["plans"] == 1 and "chỉ cho phép đọc" in state["read_only"]
    assert written.returncode == 1 and "chỉ cho phép đọc" in written.stderr
    for output in outputs:
        assert output.returncode == 1, output.stdout
        assert output.stderr.startswith("Lỗi: ") or "\nLỗi: " in output.stderr
        assert "chỉ cho phép đọc" in output.stderr, output.stderr
    assert Path(elsewhere).exists()  # the PDF elsewhere was written before the .xlsx failed
