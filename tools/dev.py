"""Set up the project's virtual environment and run the application, the checks or the benchmarks.

One file, standard library only, so that a fresh Windows or Linux machine needs nothing but Python:

    python tools/dev.py run          # set up, then open the application on the default plan
    python tools/dev.py test         # set up, then ruff, mypy and the whole test suite (headless),
                                     # its loops at quick sizes, on every core (pytest-xdist)
    python tools/dev.py test --full  # the same at full sizes, in one process, with coverage
                                     # (what CI runs); other arguments go to pytest
    python tools/dev.py bench        # set up, then every benchmark, printing its figures
                                     # (bench startup --no-build: measure the bundle as built)
    python tools/dev.py bundle       # set up, then build the one-folder program with PyInstaller
                                     # and run its self-test (dist/SXTDBV-Desktop/)
    python tools/dev.py lock         # rewrite the constraints of Linux and of Windows

Set-up installs with the constraints of the system it runs on (requirements/constraints.txt on
Linux, requirements/constraints-windows.txt on Windows), and is skipped when pyproject.toml and
those constraints have not changed since the last one.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import tempfile
import textwrap
import time
import tomllib
import venv
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
REQUIREMENTS = ROOT / "requirements"
STAMP = VENV / "sxtdbv-setup.sha256"


@dataclass(frozen=True)
class Platform:
    """A system the workflow builds on, with its constraints file."""

    name: str
    constraints: Path
    uv_platform: str  # uv's --python-platform


LINUX = Platform("Linux", REQUIREMENTS / "constraints.txt", "x86_64-unknown-linux-gnu")
WINDOWS = Platform("Windows", REQUIREMENTS / "constraints-windows.txt", "x86_64-pc-windows-msvc")
PLATFORMS = (LINUX, WINDOWS)


def host_platform(os_name: str) -> Platform:
    """The platform whose constraints a system installs with (Linux's for any but Windows)."""
    return WINDOWS if os_name == "nt" else LINUX


HOST = host_platform(os.name)
CONSTRAINTS = HOST.constraints
PYTHON_VERSION = "3.11"  # CI's and the Windows workflow's Python: the constraints are for it
LOCKED_EXTRAS = ("test", "build", "lock")
NOT_PINNED = ("pip",)  # the installer itself (sqlite-utils asks for it by name)
# Versions held back on purpose, by platform; a new lock keeps them.
HELD_BACK: dict[str, dict[str, str]] = {
    WINDOWS.name: {
        "pefile": "2023.2.7",  # 2024.8.26 makes PyInstaller's analysis of every file far
        # slower (pefile issue 420)
    },
}

TEST_SIZE = "SXTDBV_TEST_SIZE"  # read by tests/sizes.py


def venv_python() -> Path:
    if os.name == "nt":
        return VENV / "Scripts" / "python.exe"
    return VENV / "bin" / "python"


def setup(extras: str) -> Path:
    """Create .venv and install the project (editable) with `extras`, pinned by the constraints
    of this system."""
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


def setup_only(extras: str) -> int:
    setup(extras)
    return 0


def run(python: Path, *args: str, env: dict[str, str] | None = None) -> int:
    return subprocess.run([str(python), *args], check=False, cwd=ROOT, env=env).returncode


def headless_env() -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env["PYTHONUTF8"] = "1"
    return env


# pytest options that decide the processes themselves: with any of them, no workers are added.
OWN_PROCESS_OPTIONS = ("-n", "--numprocesses", "--pdb", "--trace")


def pytest_options(full: bool, pytest_args: list[str]) -> list[str]:
    """What `test` adds to the user's pytest arguments: coverage for a full run; otherwise one
    worker per core (pytest-xdist), each test module on one worker so that its module-scoped
    fixtures are built once."""
    if full:
        return ["--cov", "--cov-report=term"]  # [tool.coverage] in pyproject.toml
    if any(a.split("=")[0] in OWN_PROCESS_OPTIONS or "no:xdist" in a for a in pytest_args):
        return []
    return ["-n", "auto", "--dist", "loadscope"]


def test(args: list[str]) -> int:
    full = "--full" in args
    pytest_args = [a for a in args if a != "--full"]
    python = setup("test")
    env = headless_env()
    env[TEST_SIZE] = "full" if full else "quick"
    steps = [
        ("ruff", ["-m", "ruff", "check", "."]),
        ("ruff format", ["-m", "ruff", "format", "--check", "."]),
        ("mypy", ["-m", "mypy"]),
        ("pytest", ["-m", "pytest", *pytest_options(full, pytest_args), *pytest_args]),
    ]
    timings: list[tuple[str, float]] = []
    for name, step in steps:
        print("$ python " + " ".join(step), flush=True)
        started = time.monotonic()
        code = run(python, *step, env=env)
        timings.append((name, time.monotonic() - started))
        if code:
            return code
    print(timing_line(timings, "đầy đủ" if full else "rút gọn"), flush=True)
    return 0


def timing_line(timings: list[tuple[str, float]], sizes: str) -> str:
    """One line of the steps' durations, in the README's style (decimal comma)."""

    def seconds(value: float) -> str:
        return f"{value:.1f}".replace(".", ",") + " s"

    steps = "; ".join(f"{name} {seconds(duration)}" for name, duration in timings)
    total = sum(duration for _, duration in timings)
    return f"Thời gian (cỡ {sizes}): {steps}; tổng {seconds(total)}"


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


# --- constraints -------------------------------------------------------------------------------


def lock() -> int:
    """Rewrite the constraints of every platform: this system's from the environment (the
    versions the tests passed with), the other's resolved by uv for that platform from the same
    requirements, constrained to the same versions wherever a package serves both."""
    python = setup(",".join(LOCKED_EXTRAS))
    here = parse_pins(freeze(python))
    requirements = project_requirements(ROOT / "pyproject.toml", LOCKED_EXTRAS)
    for platform in PLATFORMS:
        pins = here if platform is HOST else resolve(python, requirements, platform, here)
        missing = {
            name: version
            for name, version in HELD_BACK.get(platform.name, {}).items()
            if pins.get(name) != version
        }
        if missing:
            print(f"Phiên bản giữ lại không có trong {platform.name}: {missing}", file=sys.stderr)
            return 1
        platform.constraints.parent.mkdir(exist_ok=True)
        platform.constraints.write_text(constraints_text(platform, pins), encoding="utf-8")
        print(f"Đã ghi {platform.constraints.relative_to(ROOT)} ({len(pins)} gói)")
    return 0


def freeze(python: Path) -> str:
    """`pip freeze` of the environment, with setuptools (which pip freeze leaves out, yet
    PyInstaller needs)."""
    frozen = subprocess.run(
        [str(python), "-m", "pip", "freeze", "--exclude-editable", "--disable-pip-version-check"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    setuptools = subprocess.run(
        [str(python), "-c", "import importlib.metadata as m; print(m.version('setuptools'))"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    return frozen + f"setuptools=={setuptools}\n"


def project_requirements(pyproject: Path, extras: Iterable[str]) -> list[str]:
    """The project's dependencies and those of `extras`, as written in pyproject.toml."""
    project = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]
    optional = project.get("optional-dependencies", {})
    return [*project["dependencies"], *(r for extra in extras for r in optional[extra])]


def resolve(
    python: Path, requirements: list[str], platform: Platform, pins: Mapping[str, str]
) -> dict[str, str]:
    """The versions `requirements` need on `platform`, each a wheel on the index for it (or for
    any platform), held to `pins` wherever they apply and to the platform's held-back ones."""
    held = {**pins, **HELD_BACK.get(platform.name, {})}
    with tempfile.TemporaryDirectory() as folder:
        wanted = Path(folder) / "requirements.in"
        wanted.write_text("\n".join(requirements) + "\n", encoding="utf-8")
        constraints = Path(folder) / "constraints.txt"
        constraints.write_text(pin_lines(held), encoding="utf-8")
        compiled = subprocess.run(
            [str(python), "-m", "uv", "pip", "compile", str(wanted), "-c", str(constraints),
             "--python-platform", platform.uv_platform, "--python-version", PYTHON_VERSION,
             "--only-binary", ":all:", "--no-header", "--no-annotate", "--quiet"],
            check=True, capture_output=True, text=True, cwd=folder,
        ).stdout  # fmt: skip
    return {name: v for name, v in parse_pins(compiled).items() if name not in NOT_PINNED}


def canonical(name: str) -> str:
    """A package's name as PyPI compares them (PEP 503)."""
    return "-".join(name.replace("_", "-").replace(".", "-").lower().split("-"))


def parse_pins(text: str) -> dict[str, str]:
    """`name==version` lines (pip freeze's or uv's output) as {canonical name: version}; comments,
    blank lines and options are skipped, anything else is an error."""
    pins: dict[str, str] = {}
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line or line.startswith("-"):
            continue
        name, separator, version = line.partition("==")
        if not separator or not name.strip() or not version.strip() or ";" in version:
            raise ValueError(f"not a pin: {raw!r}")
        pins[canonical(name.strip())] = version.strip()
    return pins


def pin_lines(pins: Mapping[str, str]) -> str:
    return "".join(f"{name}=={pins[name]}\n" for name in sorted(pins))


def constraints_text(platform: Platform, pins: Mapping[str, str]) -> str:
    others = [p.constraints.relative_to(ROOT).as_posix() for p in PLATFORMS if p is not platform]
    if platform is HOST:
        origin = "the versions the test suite passed with, from the environment."
    else:
        origin = (
            f"resolved by uv for {platform.name} from the project's requirements, at the "
            f"versions of {HOST.constraints.relative_to(ROOT).as_posix()} wherever a package "
            f"serves both, each a wheel on PyPI for {platform.name} or for any platform."
        )
    held = "".join(
        f" {name} is held at {version} (tools/dev.py, HELD_BACK, says why)."
        for name, version in sorted(HELD_BACK.get(platform.name, {}).items())
    )
    text = (
        f"{platform.name} (x86_64), CPython {PYTHON_VERSION}: {origin}{held} pip is not pinned "
        f"(pip freeze leaves it out too). `python tools/dev.py lock` rewrites this file and "
        f"{', '.join(others)}."
    )
    header = textwrap.fill(text, width=98, initial_indent="# ", subsequent_indent="# ")
    return header + "\n" + pin_lines(pins)


def main(argv: list[str]) -> int:
    command, rest = (argv[0], argv[1:]) if argv else ("run", [])
    commands: dict[str, Callable[[], int]] = {
        "run": lambda: run(setup(""), "-m", "sxtdbv_ui", *rest),
        "test": lambda: test(rest),
        "bench": lambda: bench(rest),
        "bundle": lambda: bundle(self_test="--no-self-test" not in rest),
        "lock": lock,
        "setup": lambda: setup_only(rest[0] if rest else "test"),
    }
    if command not in commands:
        print(__doc__)
        return 2
    return commands[command]()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
