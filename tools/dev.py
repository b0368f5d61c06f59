"""Set up the project's virtual environment and run the application, the checks or the benchmarks.

One file, standard library only, so that a fresh Windows or Linux machine needs nothing but Python:

    python tools/dev.py run        # set up, then open the application on the default plan
    python tools/dev.py test       # set up, then ruff, mypy and the whole test suite (headless)
    python tools/dev.py bench      # set up, then every benchmark, printing its figures
                                   # (bench startup --no-build: measure the bundle as built)
    python tools/dev.py bundle     # set up, then build the one-folder program with PyInstaller
                                   # and run its self-test (dist/SXTDBV-Desktop/)
    python tools/dev.py lock       # rewrite requirements/constraints.txt from the environment

Set-up is skipped when pyproject.toml and the constraints have not changed since the last one.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
CONSTRAINTS = ROOT / "requirements" / "constraints.txt"
STAMP = VENV / "sxtdbv-setup.sha256"


def venv_python() -> Path:
    if os.name == "nt":
        return VENV / "Scripts" / "python.exe"
    return VENV / "bin" / "python"


def setup(extras: str) -> Path:
    """Create .venv and install the project (editable) with `extras`, pinned by the constraints."""
    digest = hashlib.sha256()
    for path in (ROOT / "pyproject.toml", CONSTRAINTS):
        digest.update(path.read_bytes() if path.exists() else b"")
    digest.update(extras.encode())
    wanted = digest.hexdigest()
    python = venv_python()
    if python.exists() and STAMP.exists() and wanted in STAMP.read_text().split():
        return python
    if not python.exists():
        print("Đang tạo môi trường Python (.venv)...", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    target = f".[{extras}]" if extras else "."
    command = [str(python), "-m", "pip", "install", "--disable-pip-version-check", "-q"]
    if CONSTRAINTS.exists():
        command += ["-c", str(CONSTRAINTS)]
    print(f"Đang cài đặt {target} ...", flush=True)
    subprocess.run([*command, "-e", target], cwd=ROOT, check=True)
    previous = STAMP.read_text().split() if STAMP.exists() else []
    STAMP.write_text("\n".join([*previous, wanted]) + "\n")
    return python


def run(python: Path, *args: str, env: dict[str, str] | None = None) -> int:
    return subprocess.run([str(python), *args], check=False, cwd=ROOT, env=env).returncode


def headless_env() -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env["PYTHONUTF8"] = "1"
    return env


def test(pytest_args: list[str]) -> int:
    python = setup("test")
    env = headless_env()
    steps = [
        ["-m", "ruff", "check", "."],
        ["-m", "ruff", "format", "--check", "."],
        ["-m", "mypy"],
        ["-m", "pytest", *pytest_args],
    ]
    for step in steps:
        print("$ python " + " ".join(step), flush=True)
        code = run(python, *step, env=env)
        if code:
            return code
    return 0


def bench(args: list[str]) -> int:
    """Run the benchmarks whose names contain one of the names in `args` (all without any);
    options (`--no-build`) are passed on to each."""
    python = setup("test,build")
    env = headless_env()
    names = [a for a in args if not a.startswith("--")]
    options = [a for a in args if a.startswith("--")]
    scripts = sorted((ROOT / "benchmarks").glob("bench_*.py"))
    if names:
        scripts = [s for s in scripts if any(n in s.stem for n in names)]
    for script in scripts:
        print(f"$ python {' '.join([str(script.relative_to(ROOT)), *options])}", flush=True)
        code = run(python, str(script), *options, env=env)
        if code:
            return code
    return 0


BUNDLE = ROOT / "dist" / "SXTDBV-Desktop"


def bundled_cli() -> Path:
    return BUNDLE / ("sxtdbv-desktop.exe" if os.name == "nt" else "sxtdbv-desktop")


def bundle(self_test: bool = True) -> int:
    """Build dist/SXTDBV-Desktop from build.spec; then run the frozen program's self-test."""
    python = setup("build")
    code = run(
        python,
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--clean",
        "--log-level=WARN",
        "--distpath",
        str(ROOT / "dist"),
        "--workpath",
        str(ROOT / "build" / "pyinstaller"),
        str(ROOT / "build.spec"),
    )
    if code or not self_test:
        return code
    print(f"$ {bundled_cli().relative_to(ROOT)} --self-test", flush=True)
    return subprocess.run(
        [str(bundled_cli()), "--self-test"], check=False, env=user_env()
    ).returncode


def user_env() -> dict[str, str]:
    """Headless, but otherwise as a user runs the program: without PYTHONUTF8, so the frozen
    program meets the system's code page (1258 or 1252 on an office PC)."""
    env = headless_env()
    env.pop("PYTHONUTF8", None)
    return env


LOCK_HEADER = (
    "# Versions the test suite passed with; `python tools/dev.py lock` rewrites this file.\n"
)


def lock() -> int:
    python = setup("test,build")
    frozen = subprocess.run(
        [str(python), "-m", "pip", "freeze", "--exclude-editable", "--disable-pip-version-check"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    # pip freeze leaves setuptools out, yet PyInstaller needs it.
    setuptools = subprocess.run(
        [str(python), "-c", "import importlib.metadata as m; print(m.version('setuptools'))"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    previous = CONSTRAINTS.read_text(encoding="utf-8") if CONSTRAINTS.exists() else ""
    CONSTRAINTS.parent.mkdir(exist_ok=True)
    CONSTRAINTS.write_text(
        LOCK_HEADER + frozen + f"setuptools=={setuptools}\n" + other_platform_pins(previous),
        encoding="utf-8",
    )
    print(f"Đã ghi {CONSTRAINTS.relative_to(ROOT)}")
    return 0


def other_platform_pins(constraints: str) -> str:
    """The pins for another system (with an environment marker) and the comments before them:
    this system's `pip freeze` cannot produce them, so a new lock keeps them as they were."""
    lines = constraints.splitlines(keepends=True)
    start = next(
        (i for i, line in enumerate(lines) if ";" in line and not line.startswith("#")), None
    )
    if start is None:
        return ""
    while start > 0 and lines[start - 1].startswith("#") and lines[start - 1] != LOCK_HEADER:
        start -= 1
    return "".join(line for line in lines[start:] if line.startswith("#") or ";" in line)


def main(argv: list[str]) -> int:
    command, rest = (argv[0], argv[1:]) if argv else ("run", [])
    commands = {
        "run": lambda: run(setup(""), "-m", "ui", *rest),
        "test": lambda: test(rest),
        "bench": lambda: bench(rest),
        "bundle": lambda: bundle(self_test="--no-self-test" not in rest),
        "lock": lock,
        "setup": lambda: setup(rest[0] if rest else "test") and 0,
    }
    if command not in commands:
        print(__doc__)
        return 2
    return int(commands[command]())


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
