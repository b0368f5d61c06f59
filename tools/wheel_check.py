"""Build the wheel, install it as a user would, and run the program from it, outside the checkout.

    python3 tools/wheel_check.py          (CI runs it: .ci/run and the Windows workflow)
    python3 tools/wheel_check.py --keep   (keeps the temporary folder and says where)

1. The files git knows (tracked, or new and not ignored) are copied to a temporary folder and
   the wheel is built there (`pip wheel --no-deps`), so a checkout's stale `build/` or
   `*.egg-info` cannot slip into it.
2. Its contents: every file of `sxtdbv_desktop/resources`, nothing from the tests, no compiled
   files, and only top-level packages named after the project (none with a generic name such
   as ui).
3. A new virtual environment in the temporary folder gets the wheel, pinned by
   requirements/constraints.txt (constraints-windows.txt on Windows).
4. From a working folder there (the checkout is on no path): `init`, `summary --json`, `forms`,
   `report` (Word, PDF and the Excel appendices), the window's module imported headless, and the
   program's `--self-test`; each exit code checked and each file looked for.

Standard library only, so that it runs before anything is installed.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import venv
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# The pins of the platform it runs on, as tools/dev.py takes them (Windows' own packages).
CONSTRAINTS = (
    ROOT / "requirements" / ("constraints-windows.txt" if os.name == "nt" else "constraints.txt")
)
RESOURCES = "sxtdbv_desktop/resources"
PROJECT_PREFIX = "sxtdbv"  # every top-level package is named after the project
COMMAND = "sxtdbv-desktop"


class CheckFailed(Exception):
    """One thing the wheel or the installed program got wrong."""


def wheel_problems(names: list[str], resources: list[str]) -> list[str]:
    """What is wrong with a wheel holding `names`, which must ship every path of `resources`."""
    problems = [f"thiếu tài nguyên {path}" for path in resources if path not in names]
    problems += [
        f"có tệp kiểm thử {name}"
        for name in names
        if name.startswith("tests/") or "/tests/" in name or name.endswith("conftest.py")
    ]
    problems += [
        f"có tệp biên dịch {n}" for n in names if "__pycache__/" in n or n.endswith(".pyc")
    ]
    top_level = {name.split("/")[0] for name in names if not name.split("/")[0].endswith(".info")}
    top_level = {name.removesuffix(".py") for name in top_level}
    problems += [
        f"gói cấp cao nhất «{name}» không mang tên dự án ({PROJECT_PREFIX}…)"
        for name in sorted(top_level)
        if not name.startswith(PROJECT_PREFIX)
    ]
    return problems


def qt_layer_of(entry_points: str) -> str:
    """The Qt layer's package, from the console script (`sxtdbv-desktop = <it>.launcher:main`)."""
    for line in entry_points.splitlines():
        name, _, target = (part.strip() for part in line.partition("="))
        if name == COMMAND and target.endswith(".launcher:main"):
            return target.removesuffix(".launcher:main")
    raise CheckFailed(f"wheel không khai báo lệnh {COMMAND} = <gói>.launcher:main")


def source_copy(target: Path) -> Path:
    """The files git knows, copied to `target`."""
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        check=True,
        capture_output=True,
    ).stdout.decode("utf-8")
    for name in filter(None, listed.split("\0")):
        source = ROOT / name
        if source.is_file():  # a tracked file deleted in the working tree is not copied
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    return target


WINDOWS = os.name == "nt"


def venv_python(folder: Path) -> Path:
    return folder / ("Scripts/python.exe" if WINDOWS else "bin/python")


def program(folder: Path) -> Path:
    """The console script pip installed."""
    return folder / ("Scripts" if WINDOWS else "bin") / (f"{COMMAND}.exe" if WINDOWS else COMMAND)


def run(command: list[str | Path], *, cwd: Path, env: dict[str, str]) -> str:
    """Run `command`; its standard output, or CheckFailed with its output and exit code."""
    shown = " ".join(str(part) for part in command)
    print(f"$ {shown}", flush=True)
    done = subprocess.run(
        [str(part) for part in command],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        check=False,
    )
    if done.returncode != 0:
        raise CheckFailed(
            f"{shown} thoát với mã {done.returncode}\n{done.stdout[-3000:]}{done.stderr[-3000:]}"
        )
    return done.stdout


def build_wheel(python: Path, source: Path, out: Path, env: dict[str, str]) -> Path:
    run([python, "-m", "pip", "wheel", "--no-deps", "-q", "-w", out, source], cwd=out, env=env)
    wheels = sorted(out.glob("*.whl"))
    if len(wheels) != 1:
        raise CheckFailed(f"pip wheel để lại {len(wheels)} tệp .whl trong {out}")
    return wheels[0]


def check_contents(wheel: Path, source: Path) -> str:
    """Check the wheel's files; return the Qt layer's package it declares."""
    resources = sorted(
        path.relative_to(source).as_posix()
        for path in (source / RESOURCES).rglob("*")
        if path.is_file()
    )
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        entry_points = next(
            archive.read(n).decode() for n in names if n.endswith(".dist-info/entry_points.txt")
        )
    problems = wheel_problems(names, resources)
    if problems:
        raise CheckFailed(f"{wheel.name}:\n  " + "\n  ".join(problems))
    print(f"{wheel.name}: {len(names)} tệp, đủ {len(resources)} tệp tài nguyên", flush=True)
    return qt_layer_of(entry_points)


def check_program(folder: Path, qt_layer: str, env: dict[str, str]) -> None:
    """Run the installed program's commands from `folder`/work and look at what they wrote."""
    work = folder / "work"
    work.mkdir()
    db = work / "du-lieu" / "sxtdbv.sqlite"
    exe, python = program(folder / "venv"), venv_python(folder / "venv")
    run([exe, "init", "--db", db], cwd=work, env=env)
    if not db.is_file():
        raise CheckFailed(f"init không tạo {db}")
    summary = json.loads(run([exe, "summary", "--db", db, "--json"], cwd=work, env=env))
    if summary["plan"]["province"] != "Đồng Tháp" or summary["counts"]["tasks"] != 17:
        raise CheckFailed(f"summary --json không đúng kế hoạch mặc định: {summary['plan']}")
    run([exe, "forms", "--db", db, "-o", work / "bieu-mau"], cwd=work, env=env)
    if not list((work / "bieu-mau").glob("*.xlsx")):
        raise CheckFailed("forms không ghi biểu mẫu .xlsx nào")
    for name in ("bao-cao.docx", "bao-cao.pdf"):
        run([exe, "report", "--db", db, "-o", work / name, "--xlsx", work / "phu-luc.xlsx"],
            cwd=work, env=env)  # fmt: skip
        for output in (work / name, work / "phu-luc.xlsx"):
            if not output.is_file() or output.stat().st_size == 0:
                raise CheckFailed(f"report không ghi {output}")
    where = run(
        [python, "-c", f"import sxtdbv_desktop, {qt_layer}.main_window as m; print(m.__file__)"],
        cwd=work,
        env=env,
    ).strip()
    if not Path(where).is_relative_to(folder / "venv"):
        raise CheckFailed(f"cửa sổ được nạp từ {where}, không phải từ bản cài")
    run([exe, "--self-test"], cwd=work, env=env)


def program_env(folder: Path) -> dict[str, str]:
    """The environment of a user's shell: nothing pointing into the checkout, headless Qt, and
    the program's data and log in the temporary folder."""
    env = {k: v for k, v in os.environ.items() if k not in {"PYTHONPATH", "PYTHONHOME"}}
    env.pop("VIRTUAL_ENV", None)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env["SXTDBV_DATA_DIR"] = str(folder / "data")
    env["PIP_CONSTRAINT"] = str(CONSTRAINTS)  # also pins what the build itself installs
    return env


def check(folder: Path) -> None:
    if folder.resolve().is_relative_to(ROOT):
        raise CheckFailed(f"thư mục tạm {folder} nằm trong mã nguồn")
    env = program_env(folder)
    print(f"Đang tạo môi trường mới {folder / 'venv'} ...", flush=True)
    venv.EnvBuilder(with_pip=True).create(folder / "venv")
    python = venv_python(folder / "venv")
    source = source_copy(folder / "source")
    (folder / "wheel").mkdir()
    wheel = build_wheel(python, source, folder / "wheel", env)
    qt_layer = check_contents(wheel, source)
    shutil.rmtree(source)
    run(
        [
            python,
            "-m",
            "pip",
            "install",
            "-q",
            "--disable-pip-version-check",
            "-c",
            CONSTRAINTS,
            wheel,
        ],
        cwd=folder,
        env=env,
    )
    check_program(folder, qt_layer, env)


def main(argv: list[str]) -> int:
    began = time.monotonic()
    folder = Path(tempfile.mkdtemp(prefix="sxtdbv-wheel-check-"))
    try:
        check(folder)
    except CheckFailed as failure:
        print(f"KIỂM TRA WHEEL KHÔNG ĐẠT: {failure}", file=sys.stderr)
        return 1
    finally:
        if "--keep" in argv:
            print(f"Giữ lại {folder}")
        else:
            shutil.rmtree(folder, ignore_errors=True)
    print(f"Kiểm tra wheel: mọi mục đều đạt ({time.monotonic() - began:.0f} s).")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
