"""The files the program ships are package data of the core, found by one rule wherever the
package is: in the source tree, installed from a wheel, or in the bundle."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import sxtdbv_desktop
from sxtdbv_desktop.paths import resource_path, resources_dir

PACKAGE = Path(sxtdbv_desktop.__file__).resolve().parent
NAMED = [  # every file the program names through resource_path
    ("plans", "dong-thap-2023.json"),
    ("reference", "agencies.json"),
    ("fonts", "LiberationSerif-Regular.ttf"),
    ("fonts", "LiberationSerif-Bold.ttf"),
    ("fonts", "LiberationSerif-Italic.ttf"),
    ("fonts", "LiberationSerif-BoldItalic.ttf"),
    ("fonts", "LICENSE-OFL-1.1.txt"),
    ("icons", "app.ico"),
    ("help", "huong-dan-su-dung.html"),
]


def test_the_resources_are_a_folder_of_the_core_package() -> None:
    assert resources_dir() == PACKAGE / "resources"
    missing = [parts for parts in NAMED if not resource_path(*parts).is_file()]
    assert missing == []


def test_the_resources_are_found_beside_the_package_wherever_it_is(tmp_path: Path) -> None:
    """A copy of the package alone, outside the checkout (as a wheel installs it), loads the
    default plan from its own resources."""
    site = tmp_path / "site"
    shutil.copytree(PACKAGE, site / "sxtdbv_desktop", ignore=shutil.ignore_patterns("__pycache__"))
    script = (
        "import sxtdbv_desktop.paths as p, sxtdbv_desktop.plan_file as f\n"
        "print(p.resources_dir())\n"
        "print(f.read_plan_file(f.default_plan_path())['plan']['province'])\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(site)},
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [str(site / "sxtdbv_desktop" / "resources"), "Đồng Tháp"]
