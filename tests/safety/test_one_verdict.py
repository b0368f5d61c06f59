"""One verdict everywhere: the window, every command that reads the data and `check` run the
same full integrity check, on writable and read-only openings alike."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from sxtdbv_desktop import integrity, locking
from sxtdbv_desktop.errors import StorageError
from sxtdbv_desktop.session import open_session
from tests.conftest import TEST_ACTOR
from tests.safety.corrupt import break_a_check_constraint, empty_an_index
from tests.test_cli import cli


def window_verdict(path: Path) -> str:
    """What the window says when it opens the file."""
    with pytest.raises(StorageError) as caught:
        open_session(path, TEST_ACTOR)
    assert caught.value.reason == "damaged"
    return caught.value.message


@pytest.mark.parametrize("damage", [empty_an_index, break_a_check_constraint])
def test_read_only_and_writable_openings_agree(saved: Path, damage: Callable[[Path], None]) -> None:
    damage(saved)
    said = window_verdict(saved)
    assert integrity.file_problems(saved)  # read-only, as `check` and `backup` read it
    held = locking.acquire(saved)  # another writer: this opening is read-only
    assert isinstance(held, locking.WriterLock)
    try:
        with pytest.raises(StorageError) as caught:
            open_session(saved, TEST_ACTOR)
        assert caught.value.message == said
    finally:
        held.release()
    checked = cli("check", "--db", str(saved))
    assert checked.returncode == 1
    assert checked.stderr.startswith(f"Lỗi: {said}")


def test_a_broken_check_constraint_is_found_read_only(saved: Path) -> None:
    break_a_check_constraint(saved)
    assert any("CHECK constraint failed" in p for p in integrity.file_problems(saved))


def test_every_reading_command_refuses_a_damaged_index(saved: Path, tmp_path: Path) -> None:
    empty_an_index(saved)  # every agency vanishes from queries that use the index
    said = window_verdict(saved)
    commands = [
        ["summary", "--json"],
        ["summary"],
        ["forms", "-o", str(tmp_path / "bieu-mau")],
        ["report", "-o", str(tmp_path / "bao-cao.pdf")],
        ["export", "--table", "reporting", "-o", str(tmp_path / "bang.xlsx")],
        ["audit", "-o", str(tmp_path / "nhat-ky.xlsx")],
        ["export-plan", "-o", str(tmp_path / "ke-hoach.json")],
        ["proposals"],
    ]
    for command in commands:
        done = cli(*command, "--db", str(saved))
        assert done.returncode == 1, (command, done.stdout)
        assert done.stderr == f"Lỗi: {said}\n", command
    assert not (tmp_path / "bieu-mau").exists()
