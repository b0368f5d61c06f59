"""Fixtures of the safety dialogs' tests: sessions on real files (prompts: the `prompts`
fixture of tests/conftest.py)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from sxtdbv_desktop.session import Session, open_session
from tests.conftest import TEST_ACTOR


@pytest.fixture
def session(saved: Path) -> Iterator[Session]:
    opened = open_session(saved, TEST_ACTOR)
    try:
        yield opened
    finally:
        opened.close()


@pytest.fixture(autouse=True)
def _application(qapp: QApplication) -> None:
    """Every test here builds widgets or timers: they need the QApplication."""


@pytest.fixture(autouse=True)
def _no_unexpected_modal_dialog(monkeypatch: pytest.MonkeyPatch) -> None:
    """A modal dialog nobody answers would hang the run: fail instead (tests that expect one
    replace `exec` of that dialog's class)."""

    def refuse(dialog: QDialog) -> int:
        pytest.fail(f"unexpected modal dialog: {dialog.windowTitle()}")

    monkeypatch.setattr(QDialog, "exec", refuse)
    monkeypatch.setattr(QMessageBox, "exec", refuse)
