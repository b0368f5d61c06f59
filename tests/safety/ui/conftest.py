"""Fixtures of the safety dialogs' tests: sessions on real files, and stand-ins for the
message boxes and file pickers (recording what the user would have read)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QMessageBox

from sxtdbv_desktop.session import Session, open_session
from tests.conftest import TEST_ACTOR
from ui.safety import prompts


class Prompts:
    """What the dialogs told the user, and the answers and files to give them."""

    def __init__(self) -> None:
        self.told: list[str] = []
        self.asked: list[str] = []
        self.answers: list[bool] = []
        self.files: list[Path | None] = []

    def tell(self, parent: object, text: str) -> None:
        self.told.append(text)

    def ask(self, parent: object, text: str, yes: str, no: str = "Hủy") -> bool:
        self.asked.append(text)
        return self.answers.pop(0)

    def pick(self, parent: object, caption: str, where: Path, filters: str) -> Path | None:
        return self.files.pop(0)


@pytest.fixture
def answers(monkeypatch: pytest.MonkeyPatch) -> Prompts:
    fake = Prompts()
    monkeypatch.setattr(prompts, "inform", fake.tell)
    monkeypatch.setattr(prompts, "warn", fake.tell)
    monkeypatch.setattr(prompts, "confirm", fake.ask)
    monkeypatch.setattr(prompts, "save_file", fake.pick)
    monkeypatch.setattr(prompts, "open_file", fake.pick)
    return fake


@pytest.fixture
def session(saved: Path) -> Iterator[Session]:
    opened = open_session(saved, TEST_ACTOR)
    try:
        yield opened
    finally:
        opened.close()


@pytest.fixture(autouse=True)
def _application(qapp: object) -> None:
    """Every test here builds widgets or timers: they need the QApplication."""


@pytest.fixture(autouse=True)
def _no_unexpected_modal_dialog(monkeypatch: pytest.MonkeyPatch) -> None:
    """A modal dialog nobody answers would hang the run: fail instead (tests that expect one
    replace `exec` of that dialog's class)."""

    def refuse(dialog: QDialog) -> int:
        pytest.fail(f"unexpected modal dialog: {dialog.windowTitle()}")

    monkeypatch.setattr(QDialog, "exec", refuse)
    monkeypatch.setattr(QMessageBox, "exec", refuse)
