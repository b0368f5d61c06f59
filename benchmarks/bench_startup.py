"""Bundle size and start-up time, frozen and from source.

Builds the one-folder bundle from build.spec (unless --no-build, which measures the bundle
already in dist/, as the Windows workflow does with the one it self-tested), prints its size,
then starts the program N times on a prepared database (the default plan, first-start choices
made) and prints the median time from launching the process to the main window shown. Headless
(QT_QPA_PLATFORM=offscreen), so CI can run it. Targets on the CI machine: bundle at most
110 MB, start to window at most 1.0 s.

    python3 tools/dev.py bench startup        (or: .venv/bin/python benchmarks/bench_startup.py)
"""

from __future__ import annotations

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
RUNS = 7
SIZE_TARGET_MB, START_TARGET_S = 110, 1.0


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


def median_start(command: list[str], env: dict[str, str]) -> tuple[float, list[float]]:
    start_time(command, env)  # warm the disk cache: users start a program more than once
    times = [start_time(command, env) for _ in range(RUNS)]
    return statistics.median(times), times


def main() -> None:
    if "--no-build" not in sys.argv:
        build()
    size_mb = folder_size(BUNDLE) / 1e6
    print(f"Kích thước bản đóng gói {BUNDLE.relative_to(ROOT)}: {size_mb:.1f} MB "
          f"(mục tiêu ≤ {SIZE_TARGET_MB} MB)")  # fmt: skip
    exe = BUNDLE / ("sxtdbv-desktop.exe" if os.name == "nt" else "sxtdbv-desktop")
    # On Windows a scanner may still hold the programs' fresh log files: not a failure.
    with tempfile.TemporaryDirectory(ignore_cleanup_errors=True) as folder:
        db = prepared_database(Path(folder))
        env = {
            **os.environ,
            "QT_QPA_PLATFORM": "offscreen",
            "SXTDBV_DATA_DIR": folder,
            "SXTDBV_QUIT_WHEN_SHOWN": "1",
        }
        for label, command in (
            ("bản đóng gói", [str(exe), "--db", str(db)]),
            ("mã nguồn", [sys.executable, "-m", "ui", "--db", str(db)]),
        ):
            median, times = median_start(command, env)
            runs = ", ".join(f"{t:.2f}" for t in times)
            print(f"Khởi động đến khi hiện cửa sổ ({label}): trung vị {median:.2f} s "
                  f"(mục tiêu ≤ {START_TARGET_S:.1f} s; {RUNS} lần: {runs})")  # fmt: skip


if __name__ == "__main__":
    main()
