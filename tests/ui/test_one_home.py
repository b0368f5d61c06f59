"""Each kind of thing the window does has one home: prompts in `ui.msgbox`, threads and event
loops in `ui.operations`. Checked on the imports of every module of `ui/`."""

from __future__ import annotations

import ast
from pathlib import Path

UI = Path(__file__).resolve().parents[2] / "ui"


def users_of(*names: str) -> dict[str, set[str]]:
    """The modules of ui/ (paths from ui/) that import each of `names` from PySide6."""
    found: dict[str, set[str]] = {name: set() for name in names}
    for path in UI.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("PySide6"):
                for alias in node.names:
                    if alias.name in found:
                        found[alias.name].add(path.relative_to(UI).as_posix())
    return found


def test_message_boxes_and_file_pickers_live_in_msgbox_only() -> None:
    found = users_of("QMessageBox", "QFileDialog", "QInputDialog")
    assert found == {
        "QMessageBox": {"msgbox.py"},
        "QFileDialog": {"msgbox.py"},
        "QInputDialog": {"msgbox.py"},
    }
