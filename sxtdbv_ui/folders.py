"""Where the file dialogs open: the user's Documents folder, where office users keep and look
for their files (on Windows the real one, also when OneDrive has moved it), never the home
folder, nor the working directory (the program's own folder, from the Start-menu shortcut)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths


def documents_dir() -> Path:
    """The user's Documents folder, or the home folder when there is none."""
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    if found and Path(found).is_dir():
        return Path(found)
    return Path.home()


def in_documents(name: str) -> Path:
    """A file name suggested in the Documents folder, for a save dialog."""
    return documents_dir() / name
