"""tools/rename_ui_imports.py, which installs the Qt layer under the project's name, rewrites the
package and nothing that only looks like it: it is run again after every merge of work that
still says `ui`."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent


def rename() -> ModuleType:
    path = ROOT / "tools" / "rename_ui_imports.py"
    spec = importlib.util.spec_from_file_location("rename_ui_imports", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("from ui import msgbox\n", "from sxtdbv_ui import msgbox\n"),
        ("from ui.tabs.budget import BudgetTab\n", "from sxtdbv_ui.tabs.budget import BudgetTab\n"),
        ("import ui.app, ui.commands\n", "import sxtdbv_ui.app, sxtdbv_ui.commands\n"),
        ("def f():\n    from ui import app\n", "def f():\n    from sxtdbv_ui import app\n"),
        ("import ui\nwalk(ui.__path__, 'ui.')\n", "import sxtdbv_ui\nwalk(sxtdbv_ui.__path__, 'sxtdbv_ui.')\n"),  # noqa: E501
        ("import os, ui\nload(ui)\n", "import os, sxtdbv_ui\nload(sxtdbv_ui)\n"),
        ('setattr("ui.msgbox.ask", no)\n', 'setattr("sxtdbv_ui.msgbox.ask", no)\n'),
        ('UI = ROOT / "ui"\n', 'UI = ROOT / "sxtdbv_ui"\n'),
        ('UI = ROOT.parents[2] / "ui"\n', 'UI = ROOT.parents[2] / "sxtdbv_ui"\n'),
        ('run([python, "-m", "ui", "--db"])\n', 'run([python, "-m", "sxtdbv_ui", "--db"])\n'),
        ('run(call, "import ui")\n', 'run(call, "import sxtdbv_ui")\n'),
        ('"""In `ui.msgbox`, of `ui/`."""\n', '"""In `sxtdbv_ui.msgbox`, of `sxtdbv_ui/`."""\n'),
        ("x = 1  # see ui/qt_fixes.py\n", "x = 1  # see sxtdbv_ui/qt_fixes.py\n"),
    ],
)  # fmt: skip
def test_the_package_is_renamed_in_python(before: str, after: str) -> None:
    assert rename().rewrite_python(before) == after


@pytest.mark.parametrize(
    "source",
    [
        "from tests.ui.helpers import window\n",  # the tests' own folder
        "path = ROOT / 'tests' / 'ui' / 'test_menus.py'\n",
        'NUCLEI = frozenset(["ua", "ui", "ưa"])\n',  # a Vietnamese syllable
        'fill_file(source, target, "ui")\n',
        "self.ui.show()\n",
        "import sxtdbv_ui\nfrom sxtdbv_ui import app\n",  # already renamed
        '"""(or: python tools/dev.py bench ui)"""\n',  # the benchmark's name
    ],
)
def test_what_only_looks_like_the_package_stays(source: str) -> None:
    assert rename().rewrite_python(source) == source


def test_a_local_name_is_renamed_only_where_import_binds_it() -> None:
    assert rename().rewrite_python("import ui.tabs as t\nui = t\n") == (
        "import sxtdbv_ui.tabs as t\nui = t\n"
    )


def test_text_and_toml() -> None:
    module = rename()
    readme = "| `ui/` | the Qt layer: `ui.app` (start); importing `ui` ...; `python -m ui` |"
    assert module.rewrite_text(readme) == (
        "| `sxtdbv_ui/` | the Qt layer: `sxtdbv_ui.app` (start); importing `sxtdbv_ui` ...; "
        "`python -m sxtdbv_ui` |"
    )
    assert module.rewrite_text("tests/ui/test_menus.py, tests.ui, qui.") == (
        "tests/ui/test_menus.py, tests.ui, qui."
    )
    toml = (
        'packages = ["sxtdbv_desktop", "ui"]\ninclude = ["sxtdbv_desktop*", "ui*"]\n'
        '"ui/**" = ["TID251"]\nmodule = ["ui.*"]\nx = "ui.launcher:main"\n'
    )
    assert module.rewrite_toml(toml) == toml.replace('"ui', '"sxtdbv_ui')


def test_running_it_twice_changes_nothing_more() -> None:
    module = rename()
    source = 'import ui\nfrom ui.app import run\nP = ROOT / "ui"\n# ui/app.py\n'
    once = module.rewrite_python(source)
    assert module.rewrite_python(once) == once


def test_lines_the_longer_name_pushes_past_the_limit_are_broken() -> None:
    module = rename()
    words = " ".join(["word"] * 24)  # 119 characters
    comment = f"    # {words}\n"
    docstring = f'def f() -> None:\n    """{words}."""\n'
    skipped = (
        "TABLE = {\n"
        '    "Dialog": _simple("sxtdbv_ui.dialogs.budget_line_dialog", "BudgetLineDialog",'
        ' "session_of_the_window"),\n'
        "}  # fmt: skip\n"
    )
    data = f'TEXT = """{words}"""\n'  # a value: never changed
    for source in (comment, docstring, skipped):
        wrapped = module.wrap_long_lines(source)
        assert all(len(line) <= 100 for line in wrapped.splitlines()), wrapped
        assert wrapped.split() == source.split() or "#" in source
        compile(wrapped, "wrapped", "exec")
    first, rest = " ".join(["word"] * 19), " ".join(["word"] * 5)
    assert module.wrap_long_lines(comment) == f"    # {first}\n    # {rest}\n"
    assert module.wrap_long_lines(skipped).splitlines()[1:3] == [
        '    "Dialog": _simple("sxtdbv_ui.dialogs.budget_line_dialog", "BudgetLineDialog",',
        '                      "session_of_the_window"),',
    ]
    assert module.wrap_long_lines(data) == data
