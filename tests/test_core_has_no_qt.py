"""The core never imports Qt nor names the Qt layer: not in an import, not in a string (a module
path handed to `importlib.import_module` or `__import__`), and importing any of its modules or
running its command line loads neither."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORE = ROOT / "sxtdbv_desktop"
# The Qt layer is every other package of the repository but the tests; `ui` (its name before
# it was installed under the project's own) must not come back either.
QT_LAYER = {
    path.name
    for path in ROOT.iterdir()
    if (path / "__init__.py").is_file() and path.name not in {CORE.name, "tests"}
}
FORBIDDEN = {"PySide6", "shiboken6", "ui"} | QT_LAYER
# A whole string "ui" is also a Vietnamese syllable (legacy_text's tables of TCVN3 and VNI);
# its dotted forms (`ui.app`) and the import calls below still count.
WORDS_NOT_NAMES = {"ui"}
IMPORT_CALLS = {"import_module", "__import__", "find_spec", "run_module", "resolve_name"}
_REFERENCE = re.compile(r"[\w.:/]+")


def core_trees() -> Iterator[tuple[Path, ast.AST]]:
    for path in sorted(CORE.rglob("*.py")):
        yield path, ast.parse(path.read_text(encoding="utf-8"))


def names_the_qt_layer(reference: str) -> bool:
    """Whether `reference` is a module, an entry point or a path in a forbidden package:
    `ui`, `ui.app`, `ui.launcher:main`, `ui/app.py`."""
    return any(
        reference == root or reference.startswith((f"{root}.", f"{root}:", f"{root}/"))
        for root in FORBIDDEN
    )


def strings_naming_the_qt_layer(text: str) -> list[str]:
    if text.strip() in WORDS_NOT_NAMES:
        return []
    return [word for word in _REFERENCE.findall(text) if names_the_qt_layer(word)]


def test_the_qt_layer_is_known() -> None:
    assert QT_LAYER, "no package of the Qt layer found beside the core"
    assert all(CORE.name not in name for name in QT_LAYER)


def test_no_core_module_mentions_qt_in_an_import() -> None:
    offenders = []
    for path, tree in core_trees():
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                names = [node.module]
            offenders += [f"{path.name}: {n}" for n in names if names_the_qt_layer(n)]
    assert offenders == []


def test_no_core_string_names_the_qt_layer() -> None:
    offenders = []
    for path, tree in core_trees():
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                found = strings_naming_the_qt_layer(node.value)
                offenders += [f"{path.relative_to(ROOT)}:{node.lineno}: {w}" for w in found]
    assert offenders == []


def test_no_core_import_call_names_the_qt_layer() -> None:
    """Even the bare name: `import_module("ui")`, `__import__("PySide6")`."""
    offenders = []
    for path, tree in core_trees():
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            function = node.func
            name = function.attr if isinstance(function, ast.Attribute) else None
            name = function.id if isinstance(function, ast.Name) else name
            argument = node.args[0]
            if (
                name in IMPORT_CALLS
                and isinstance(argument, ast.Constant)
                and isinstance(argument.value, str)
                and names_the_qt_layer(argument.value)
            ):
                offenders.append(f"{path.relative_to(ROOT)}:{node.lineno}: {argument.value}")
    assert offenders == []


def test_the_checks_see_what_they_look_for() -> None:
    """The rules above, on the ways the core used to reach the window."""
    for layer in sorted(FORBIDDEN):
        assert strings_naming_the_qt_layer(f"{layer}.app")
        assert strings_naming_the_qt_layer(f"load `{layer}.self_test` first")
        assert strings_naming_the_qt_layer(f"{layer}.launcher:main")
        assert strings_naming_the_qt_layer(f"{layer}/app.py")
        assert names_the_qt_layer(layer)
    assert not strings_naming_the_qt_layer("ui")  # a syllable, as a whole string
    assert not strings_naming_the_qt_layer("sxtdbv_desktop.cli.plan_commands")
    assert not strings_naming_the_qt_layer("build a guide for the user interface")


def test_importing_every_core_module_and_its_command_line_loads_no_qt() -> None:
    modules = sorted(
        ".".join(p.relative_to(ROOT).with_suffix("").parts)
        for p in CORE.rglob("*.py")
        if p.name != "__main__.py"
    )
    script = (
        "import contextlib, importlib, io, sys\n"
        f"for name in {modules!r}: importlib.import_module(name)\n"
        "from sxtdbv_desktop import cli\n"
        "with contextlib.redirect_stderr(io.StringIO()):\n"
        "    assert cli.main([]) == cli.EXIT_USAGE\n"  # no command, no window: a message
        f"print(sorted(m for m in sys.modules if m.split('.')[0] in {sorted(FORBIDDEN)!r}))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "[]"
    assert len(modules) > 10
