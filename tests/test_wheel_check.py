"""tools/wheel_check.py, which CI runs on the real wheel, tells a good wheel from bad ones: a
resource left out, a test shipped, a package with a generic name, compiled files."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent
RESOURCES = [
    "sxtdbv_desktop/resources/plans/dong-thap-2023.json",
    "sxtdbv_desktop/resources/fonts/LiberationSerif-Regular.ttf",
]
GOOD = [
    "sxtdbv_desktop/__init__.py",
    "sxtdbv_desktop/paths.py",
    *RESOURCES,
    "sxtdbv_ui/__init__.py",
    "sxtdbv_ui/launcher.py",
    "sxtdbv_desktop-0.1.0.dist-info/METADATA",
    "sxtdbv_desktop-0.1.0.dist-info/entry_points.txt",
]


def wheel_check() -> ModuleType:
    spec = importlib.util.spec_from_file_location("wheel_check", ROOT / "tools" / "wheel_check.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_a_wheel_with_every_resource_and_only_the_projects_packages_passes() -> None:
    assert wheel_check().wheel_problems(GOOD, RESOURCES) == []


@pytest.mark.parametrize(
    ("names", "problem"),
    [
        (
            GOOD[:2] + GOOD[3:],
            "thiếu tài nguyên sxtdbv_desktop/resources/plans/dong-thap-2023.json",
        ),
        ([*GOOD, "tests/test_cli.py"], "có tệp kiểm thử tests/test_cli.py"),
        ([*GOOD, "sxtdbv_desktop/tests/x.py"], "có tệp kiểm thử sxtdbv_desktop/tests/x.py"),
        ([*GOOD, "conftest.py"], "có tệp kiểm thử conftest.py"),
        ([*GOOD, "ui/__init__.py"], "gói cấp cao nhất «ui» không mang tên dự án (sxtdbv…)"),
        ([*GOOD, "launcher.py"], "gói cấp cao nhất «launcher» không mang tên dự án (sxtdbv…)"),
        (
            [*GOOD, "sxtdbv_ui/__pycache__/app.cpython-311.pyc"],
            "có tệp biên dịch sxtdbv_ui/__pycache__/app.cpython-311.pyc",
        ),
    ],
)
def test_a_bad_wheel_is_refused_with_the_reason(names: list[str], problem: str) -> None:
    assert problem in wheel_check().wheel_problems(names, RESOURCES)


def test_the_qt_layer_is_read_from_the_console_script() -> None:
    module = wheel_check()
    entry_points = "[console_scripts]\nsxtdbv-desktop = sxtdbv_ui.launcher:main\n"
    assert module.qt_layer_of(entry_points) == "sxtdbv_ui"
    with pytest.raises(module.CheckFailed, match=re.escape("sxtdbv-desktop = <gói>.launcher:main")):
        module.qt_layer_of("[console_scripts]\nsxtdbv-desktop = sxtdbv_desktop.__main__:main\n")


def test_ci_and_the_windows_workflow_run_it() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert "python3 tools/wheel_check.py" in ci
    workflow = (ROOT / ".github" / "workflows" / "windows.yml").read_text(encoding="utf-8")
    steps = re.split(r"^      - ", workflow, flags=re.MULTILINE)
    (step,) = [s for s in steps if "tools/wheel_check.py" in s and s.startswith("name:")]
    assert "run: python tools/wheel_check.py 2>&1 | tee logs/" in step
