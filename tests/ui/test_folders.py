"""File dialogs open in the user's Documents folder, not the home folder nor the program's."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from sxtdbv_ui import folders
from sxtdbv_ui.safety import backup_actions
from tests.prompts import ScriptedPrompts

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A home folder of its own, with no XDG user-dirs file: Documents is home/Documents."""
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("USERPROFILE", str(tmp_path))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / ".config"))
    return tmp_path


@pytest.mark.skipif(sys.platform != "linux", reason="HOME and XDG folders decide on Linux only")
def test_the_documents_folder_is_offered_and_home_only_without_one(
    home: Path, qapp: QApplication
) -> None:
    assert folders.documents_dir() == home  # no Documents folder yet
    (home / "Documents").mkdir()
    assert folders.documents_dir() == home / "Documents"
    assert folders.in_documents("a.xlsx") == home / "Documents" / "a.xlsx"


def test_the_backup_dialog_suggests_a_file_in_documents(
    prompts: ScriptedPrompts, qapp: QApplication
) -> None:
    prompts.files.append(None)
    assert backup_actions.backup_now(None, None) is None  # type: ignore[arg-type]
    assert prompts.offered[0].parent == folders.documents_dir()


def test_no_dialog_of_the_window_starts_in_the_home_folder() -> None:
    offenders = [
        str(path.relative_to(ROOT))
        for path in (ROOT / "sxtdbv_ui").rglob("*.py")
        if path.name != "folders.py" and "Path.home()" in path.read_text(encoding="utf-8")
    ]
    assert offenders == []
