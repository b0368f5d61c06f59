"""The user at the window's prompts, as a test scripts them: the one stand-in for
`sxtdbv_ui.msgbox`.

A test takes the `prompts` fixture, says what the user answers (`yes`, `answers`, `text`,
`date`, `files`, `folder`) and reads what the window asked and told (`asked`, `told`,
`warnings`, `notices`). A prompt the script cannot answer fails the test.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from sxtdbv_ui import msgbox


@dataclass
class ScriptedPrompts:
    yes: bool = True
    """The answer to every question once `answers` is used up."""
    answers: list[bool] = field(default_factory=list)
    """Answers to the next questions, in order."""
    text: str | None = "Thiếu số liệu chỉ tiêu 5."
    """What the user types when asked for a text (None: cancels)."""
    date: dt.date | None = None
    """The day the user picks when asked for one (None: accepts the proposed day)."""
    cancel_date: bool = False
    files: list[Path | None] = field(default_factory=list)
    """Answers to the next file pickers (None: the user closes the picker)."""
    file_lists: list[list[Path]] = field(default_factory=list)
    """Answers to the next pickers of several files."""
    folder: Path | None = None
    """The folder the user chooses (None: closes the picker)."""
    asked: list[str] = field(default_factory=list)
    told: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)
    """The titles of the file pickers shown."""
    offered: list[Path] = field(default_factory=list)
    """The file or folder each picker started from."""

    def ask(self, parent: object, title: str, text: str, yes: str = "", no: str = "") -> bool:
        self.asked.append(text)
        return self.answers.pop(0) if self.answers else self.yes

    def ask_text(self, parent: object, title: str, label: str, multiline: bool = True,
                 *, text: str = "", ok: str = "") -> str | None:  # fmt: skip
        self.asked.append(label)
        return self.text

    def ask_date(
        self, parent: object, title: str, label: str, default: dt.date, ok: str = ""
    ) -> dt.date | None:
        self.asked.append(label)
        if self.cancel_date:
            return None
        return self.date or default

    def warn(self, parent: object, title: str, text: str) -> None:
        self.warnings.append(text)
        self.told.append(text)

    def inform(self, parent: object, title: str, text: str) -> None:
        self.notices.append(text)
        self.told.append(text)

    def pick(self, parent: object, caption: str, where: Path, filters: str) -> Path | None:
        self._note(caption, where)
        if not self.files:
            pytest.fail(f"unexpected file picker: {caption}")
        return self.files.pop(0)

    def pick_many(self, parent: object, caption: str, where: Path, filters: str) -> list[Path]:
        self._note(caption, where)
        return self.file_lists.pop(0) if self.file_lists else []

    def pick_folder(self, parent: object, caption: str, start: Path) -> Path | None:
        self._note(caption, start)
        return self.folder

    def _note(self, caption: str, where: Path) -> None:
        self.captions.append(caption)
        self.offered.append(Path(where))

    def install(self, monkeypatch: pytest.MonkeyPatch) -> ScriptedPrompts:
        for name, stand_in in (
            ("ask", self.ask),
            ("ask_text", self.ask_text),
            ("ask_date", self.ask_date),
            ("warn", self.warn),
            ("inform", self.inform),
            ("save_file", self.pick),
            ("open_file", self.pick),
            ("open_files", self.pick_many),
            ("choose_folder", self.pick_folder),
        ):
            monkeypatch.setattr(msgbox, name, stand_in)
        return self
