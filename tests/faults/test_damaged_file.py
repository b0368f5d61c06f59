"""A file damaged on disk is detected when the program opens it, and restored from the last
good automatic backup; each step a separate process, as on a clerk's PC."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from sxtdbv_desktop import backup
from sxtdbv_desktop.storage import open_database
from tests.conftest import TEST_ACTOR
from tests.faults.test_kill_and_full_disk import ROOT
from tests.safety.corrupt import checkpoint, overwrite_middle_pages
from tests.safety.helpers import snapshot
from tests.test_cli import cli


def open_like_the_window(path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tests.faults.workers", "open", str(path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )


def overwrite_header(path: Path) -> None:
    checkpoint(path)
    with path.open("r+b") as handle:
        handle.write(b"\x00" * 100)


def rows(path: Path) -> dict[str, list[tuple[object, ...]]]:
    db = open_database(path, TEST_ACTOR, read_only_reason="kiểm tra")  # never changes the file
    try:
        return snapshot(db, with_audit=False)
    finally:
        db.close()


@pytest.mark.parametrize(
    ("damage", "said"),
    [
        (overwrite_middle_pages, "Tệp dữ liệu sxtdbv.sqlite đã bị hỏng."),
        (overwrite_header, "Tệp sxtdbv.sqlite không phải là cơ sở dữ liệu hoặc đã hỏng."),
    ],
)
def test_a_damaged_file_is_detected_at_open_and_restored_from_backup(
    tmp_path: Path, damage: Callable[[Path], None], said: str
) -> None:
    path = tmp_path / "sxtdbv.sqlite"
    assert cli("init", "--db", str(path)).returncode == 0
    opened = open_like_the_window(path)  # an existing file: backed up when opened
    assert opened.returncode == 0, opened.stderr
    made = Path(opened.stdout.strip())
    assert made.parent == tmp_path / "backups"
    good_rows = rows(made)

    damage(path)
    refused = open_like_the_window(path)
    assert refused.returncode == 1
    assert refused.stderr.startswith(f"Lỗi: {said}")

    good = backup.last_good_backup(path)
    assert good is not None and good.path == made
    restored = cli("restore", "--db", str(path), str(good.path))
    assert restored.returncode == 0, restored.stderr
    reopened = open_like_the_window(path)
    assert reopened.returncode == 0, reopened.stderr
    assert rows(path) == good_rows
    kept = [b for b in backup.list_backups(path) if b.kind == backup.BEFORE_RESTORE]
    assert len(kept) == 1  # the damaged file, kept as found for whoever investigates
