"""The program's entry point is the Qt layer's launcher: without a command it opens the window,
with one it hands the command line to the core, which alone (`python -m sxtdbv_desktop`) runs
commands and never the window."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
import tomllib
from pathlib import Path

from sxtdbv_desktop import installation
from sxtdbv_desktop.plan_file import load_default_plan
from sxtdbv_desktop.session import open_session
from sxtdbv_ui import launcher

ROOT = Path(__file__).resolve().parents[2]
LAUNCHER = launcher.__name__
PACKAGE = LAUNCHER.rpartition(".")[0]  # the Qt layer, as it is imported


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", **(env or {})},
        check=False,
        timeout=120,
    )


def ready_database(folder: Path) -> Path:
    """A file past its first start (mode and user chosen), which the window opens at once."""
    path = folder / "sxtdbv.sqlite"
    data_file = open_session(path)
    load_default_plan(data_file.db)
    installation.set_up(data_file.db, installation.CONSOLIDATING, "Kiểm thử")
    data_file.close()
    return path


def test_without_a_command_the_launcher_opens_the_window(tmp_path: Path) -> None:
    db = ready_database(tmp_path)
    env = {"SXTDBV_DATA_DIR": str(tmp_path), "SXTDBV_QUIT_WHEN_SHOWN": "1"}
    done = run("-m", PACKAGE, "--db", str(db), env=env)
    assert done.returncode == 0, done.stderr
    assert any(line.startswith("shown ") for line in done.stdout.splitlines())


def test_the_window_alone_opens_without_the_command_lines_parser(tmp_path: Path) -> None:
    """Nothing or `--db TỆP` only opens the window: the parser and its command modules,
    which take tens of milliseconds to load, are not needed for it."""
    db = ready_database(tmp_path)
    script = (
        "import atexit, sys\n"
        "atexit.register(lambda: print('sxtdbv_desktop.cli' in sys.modules))\n"
        f"from {PACKAGE} import launcher\n"
        f"sys.exit(launcher.main(['--db', {str(db)!r}]))\n"
    )
    env = {"SXTDBV_DATA_DIR": str(tmp_path), "SXTDBV_QUIT_WHEN_SHOWN": "1"}
    done = run("-c", script, env=env)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].startswith("shown ")
    assert lines[-1] == "False"


def test_a_db_option_without_its_file_gets_the_parsers_words() -> None:
    done = run("-m", PACKAGE, "--db")
    assert done.returncode == 2
    assert "Lỗi: câu lệnh không hợp lệ" in done.stderr
    assert "--db" in done.stderr


def test_a_command_goes_to_the_core_and_loads_no_qt(tmp_path: Path) -> None:
    db = tmp_path / "sxtdbv.sqlite"
    script = (
        "import sys\n"
        f"from {PACKAGE} import launcher\n"
        f"code = launcher.main(['init', '--db', {str(db)!r}])\n"
        "print(code, sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))))\n"
    )
    done = run("-c", script, env={"SXTDBV_DATA_DIR": str(tmp_path)})
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1] == "0 []"
    assert db.is_file()


def test_the_launchers_help_names_the_window_and_the_self_test() -> None:
    done = run("-m", PACKAGE, "--help")
    assert done.returncode == 0, done.stderr
    assert "Không có câu lệnh: mở cửa sổ chương trình." in done.stdout
    assert "--self-test" in done.stdout
    assert "init" in done.stdout


def test_the_core_alone_runs_commands_and_refuses_to_run_without_one(tmp_path: Path) -> None:
    help_text = run("-m", "sxtdbv_desktop", "--help").stdout
    assert "--self-test" not in help_text
    assert "mở bằng lệnh sxtdbv-desktop" in help_text
    done = run("-m", "sxtdbv_desktop", "--db", str(tmp_path / "a.sqlite"))
    assert done.returncode == 2
    assert "cần ghi một câu lệnh" in done.stderr
    assert not (tmp_path / "a.sqlite").exists()
    refused = run("-m", "sxtdbv_desktop", "--self-test")
    assert refused.returncode == 2
    assert "--self-test" in refused.stderr


def test_every_way_to_start_the_program_runs_the_launcher() -> None:
    """The console script, the Windows gui-script and the bundle's entry script."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    entry = f"{LAUNCHER}:main"
    assert project["scripts"] == {"sxtdbv-desktop": entry}
    assert project["gui-scripts"] == {"sxtdbv-desktop-gui": entry}
    frozen = ast.parse((ROOT / "packaging" / "launcher.py").read_text(encoding="utf-8"))
    imports = [n for n in ast.walk(frozen) if isinstance(n, ast.ImportFrom)]
    assert [(n.module, [a.name for a in n.names]) for n in imports] == [(LAUNCHER, ["main"])]
