"""Each kind of thing the window does has one home: prompts in `sxtdbv_ui.msgbox`, threads and event
loops in `sxtdbv_ui.operations`. Checked on the imports of every module of `sxtdbv_ui/`."""

from __future__ import annotations

import ast
from pathlib import Path

UI = Path(__file__).resolve().parents[2] / "sxtdbv_ui"


def users_of(*names: str) -> dict[str, set[str]]:
    """The modules of sxtdbv_ui/ (paths from sxtdbv_ui/) that import each of `names` from
    PySide6."""
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


def test_threads_and_event_loops_live_in_the_operations_layer_only() -> None:
    found = users_of("QThread", "QEventLoop", "QThreadPool", "QRunnable")
    outside = {name: users for name, users in found.items() if users - {"operations"}}
    assert all(user.startswith("operations/") for users in outside.values() for user in users)


def test_no_module_of_the_window_catches_every_exception_but_the_operations_layer() -> None:
    catch_all = set()
    for path in UI.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ExceptHandler) and (
                node.type is None or ast.unparse(node.type) in ("Exception", "BaseException")
            ):
                catch_all.add(path.relative_to(UI).as_posix())
    # The self-test reports any failure of its checks and stops: that is its whole job.
    assert catch_all == {"operations/__init__.py", "self_test.py"}
