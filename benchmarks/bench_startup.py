"""Bundle size and start-up time: the program from source beside a bare PySide6 window, and
the frozen program.

Builds the one-folder bundle from build.spec (unless --no-build, which measures the bundle
already in dist/, as the Windows workflow does with the one it self-tested) and prints its size.
Then it starts, in turn and N times each, three programs on a prepared database (the default
plan, first-start choices made): `bare_window.py` (a PySide6 window with six empty tabs, the
yardstick), the program from source (bytecode compiled first, as an installed program has it)
and the frozen program. Each prints "shown <time>" once its window is shown; the figure is the
median time from launching the process to that line. Taking turns gives the three the same
machine load, so the ratio of the source start to the bare window's holds on a busy machine.
Headless (QT_QPA_PLATFORM=offscreen), so CI can run it. With --no-build and no bundle in dist/
(a checkout that never built one), it says so and measures the bare window and the source only.

Targets: the source start at most 2× the bare window; on the CI machine the frozen start at
most 1.0 s and the bundle at most 110 MB.

    python3 tools/dev.py bench startup        (or: .venv/bin/python benchmarks/bench_startup.py)
"""

from __future__ import annotations

import compileall
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sxtdbv_desktop import installation  # noqa: E402
from sxtdbv_desktop.plan_file import load_default_plan  # noqa: E402
from sxtdbv_desktop.session import open_session  # noqa: E402

BUNDLE = ROOT / "dist" / "SXTDBV-Desktop"
BARE_WINDOW = ROOT / "benchmarks" / "bare_window.py"
RUNS = 11
SIZE_TARGET_MB, START_TARGET_S, RATIO_TARGET = 110, 1.0, 2.0


def build() -> None:
    subprocess.run(
        [sys.executable, str(ROOT / "tools" / "dev.py"), "bundle", "--no-self-test"], check=True
    )


def folder_size(folder: Path) -> int:
    """Bytes on disk, each file once (PyInstaller links some libraries under two names)."""
    return sum(p.lstat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def prepared_database(folder: Path) -> Path:
    path = folder / "sxtdbv.sqlite"
    data_file = open_session(path)
    load_default_plan(data_file.db)
    installation.set_up(data_file.db, installation.CONSOLIDATING, "Đo thời gian")
    data_file.close()
    return path


def start_time(command: list[str], env: dict[str, str]) -> float:
    """Seconds from launching `command` to its main window shown (its own report)."""
    began = time.time()
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=True)
    shown = next(line for line in done.stdout.splitlines() if line.startswith("shown "))
    return float(shown.split()[1]) - began


def start_times(commands: dict[str, list[str]], env: dict[str, str]) -> dict[str, list[float]]:
    """`RUNS` start times of each command, the commands taking turns."""
    for command in commands.values():
        start_time(command, env)  # warm the disk cache: users start a program more than once
    times: dict[str, list[float]] = {label: [] for label in commands}
    for _ in range(RUNS):
        for label, command in commands.items():
            times[label].append(start_time(command, env))
    return times


def main() -> None:
    if "--no-build" not in sys.argv:
        build()
    exe = BUNDLE / ("sxtdbv-desktop.exe" if os.name == "nt" else "sxtdbv-desktop")
    frozen = BUNDLE.is_dir()
    if frozen:
        size_mb = folder_size(BUNDLE) / 1e6
        print(f"Kích thước bản đóng gói {BUNDLE.relative_to(ROOT)}: {size_mb:.1f} MB "
              f"(mục tiêu ≤ {SIZE_TARGET_MB} MB)")  # fmt: skip
    else:  # --no-build in a checkout that never built it: the source start still measured
        print(f"Không có bản đóng gói {BUNDLE.relative_to(ROOT)}: chỉ đo mã nguồn.")
    for package in ("sxtdbv_desktop", "sxtdbv_ui"):
        compileall.compile_dir(ROOT / package, quiet=1)
    # On Windows a scanner may still hold the programs' fresh log files: not a failure.
    with tempfile.TemporaryDirectory(ignore_cleanup_errors=True) as folder:
        db = prepared_database(Path(folder))
        env = {
            **os.environ,
            "QT_QPA_PLATFORM": "offscreen",
            "SXTDBV_DATA_DIR": folder,
            "SXTDBV_QUIT_WHEN_SHOWN": "1",
            # Linux: the window's settings (size, last tab) in the temporary folder, so that
            # each start opens the first tab and the user's own settings stay untouched.
            "XDG_CONFIG_HOME": folder,
        }
        commands = {
            "bare": [sys.executable, str(BARE_WINDOW)],
            "source": [sys.executable, "-m", "sxtdbv_ui", "--db", str(db)],
        }
        if frozen:
            commands["frozen"] = [str(exe), "--db", str(db)]
        times = start_times(commands, env)
    median = {label: statistics.median(runs) for label, runs in times.items()}
    for label, text, target in (
        ("bare", "cửa sổ PySide6 trống, 6 thẻ", ""),
        ("source", "mã nguồn", ""),
        ("frozen", "bản đóng gói", f"mục tiêu ≤ {START_TARGET_S:.1f} s; "),
    ):
        if label not in times:
            continue
        runs = ", ".join(f"{t:.2f}" for t in times[label])
        print(f"Khởi động đến khi hiện cửa sổ ({text}): trung vị {median[label]:.2f} s "
              f"({target}{RUNS} lần: {runs})")  # fmt: skip
    ratio = median["source"] / median["bare"]
    print(f"Mã nguồn so với cửa sổ trống: {ratio:.2f} lần (mục tiêu ≤ {RATIO_TARGET:.0f})")


if __name__ == "__main__":
    main()
