"""The constraints of each platform the workflow builds on (requirements/), as `tools/dev.py lock`
writes them: exact pins only; Windows at Linux's versions wherever a package serves both, plus
what only Windows needs; every package the project's requirements reach on a platform pinned in
that platform's file. The lock's own steps are checked with uv and pip replaced."""

from __future__ import annotations

import importlib.metadata
import importlib.util
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest
from packaging.markers import default_environment
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parent.parent


def load_dev() -> ModuleType:
    """tools/dev.py, a script rather than a package's module."""
    name = "tools_dev"
    spec = importlib.util.spec_from_file_location(name, ROOT / "tools" / "dev.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


dev = load_dev()
LINUX_MARKERS = {**default_environment(), "sys_platform": "linux", "platform_system": "Linux",
                 "os_name": "posix", "platform_machine": "x86_64", "python_version": "3.11",
                 "python_full_version": "3.11.9", "implementation_name": "cpython",
                 "platform_python_implementation": "CPython"}  # fmt: skip
WINDOWS_MARKERS = {**LINUX_MARKERS, "sys_platform": "win32", "platform_system": "Windows",
                   "os_name": "nt", "platform_machine": "AMD64"}  # fmt: skip


def constraints_file(platform: str) -> Path:
    (path,) = [p.constraints for p in dev.PLATFORMS if p.name == platform]
    assert isinstance(path, Path)
    return path


def pins(platform: str) -> dict[str, str]:
    parsed: dict[str, str] = dev.parse_pins(constraints_file(platform).read_text(encoding="utf-8"))
    return parsed


def tools_not_installed() -> set[str]:
    """The packages named by the locked extras other than `test` that are not installed here."""
    named = {
        canonicalize_name(Requirement(r).name)
        for r in dev.project_requirements(ROOT / "pyproject.toml", dev.LOCKED_EXTRAS)
    } - {
        canonicalize_name(Requirement(r).name)
        for r in dev.project_requirements(ROOT / "pyproject.toml", ("test",))
    }
    return {name for name in named if not _installed(name)}


def _installed(name: str) -> bool:
    try:
        importlib.metadata.version(name)
    except importlib.metadata.PackageNotFoundError:
        return False
    return True


def needed(markers: dict[str, str]) -> tuple[set[str], set[str]]:
    """The packages the project's requirements (with the locked extras) reach where `markers`
    hold, through the requirements of the packages installed here; and those reached that are
    not installed here, whose own requirements this machine cannot read."""
    reached: set[str] = set()
    unseen: set[str] = set()
    seen: set[tuple[str, str]] = set()
    todo = [(Requirement(r), "") for r in dev.project_requirements(
        ROOT / "pyproject.toml", dev.LOCKED_EXTRAS)]  # fmt: skip
    while todo:
        requirement, extra = todo.pop()
        if requirement.marker and not requirement.marker.evaluate({**markers, "extra": extra}):
            continue
        name = canonicalize_name(requirement.name)
        reached.add(name)
        for wanted in ["", *sorted(requirement.extras)]:
            if (name, wanted) in seen:
                continue
            seen.add((name, wanted))
            try:
                requires = importlib.metadata.requires(name) or []
            except importlib.metadata.PackageNotFoundError:
                unseen.add(name)
                continue
            todo += [(Requirement(r), wanted) for r in requires]
    return reached, unseen


@pytest.mark.parametrize("platform", ["Linux", "Windows"])
def test_each_file_pins_exact_versions_without_markers(platform: str) -> None:
    lines = constraints_file(platform).read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith(f"# {platform} (x86_64), CPython 3.11: ")
    entries = [line for line in lines if not line.startswith("#")]
    names = [line.split("==")[0] for line in entries]
    assert names == sorted(names) and len(entries) == len(pins(platform))
    for line in entries:
        requirement = Requirement(line)
        assert requirement.marker is None and str(requirement.specifier).startswith("=="), line
        assert requirement.name == canonicalize_name(requirement.name), line


@pytest.mark.parametrize(
    ("platform", "markers"), [("Linux", LINUX_MARKERS), ("Windows", WINDOWS_MARKERS)]
)
def test_every_package_the_project_needs_there_is_pinned(
    platform: str, markers: dict[str, str]
) -> None:
    reached, unseen = needed(markers)
    missing = reached - pins(platform).keys() - set(dev.NOT_PINNED)
    assert not missing, f"{platform}: `python tools/dev.py lock` pins no version of {missing}"
    # Only what this environment never installs may go unread: the other platform's own
    # packages, and the tools of the extras `dev.py test` does not set up (PyInstaller comes
    # with `dev.py bundle`, uv with `dev.py lock`), whose own requirements it cannot read.
    other_platform = {"colorama", "pefile", "pywin32-ctypes"} if platform == "Windows" else set()
    assert unseen <= other_platform | tools_not_installed()
    assert "setuptools" in pins(platform)  # PyInstaller needs it; pip freeze leaves it out


def test_windows_has_linux_versions_and_what_only_windows_needs() -> None:
    linux, windows = pins("Linux"), pins("Windows")
    both = linux.keys() & windows.keys()
    assert {n: windows[n] for n in both} == {n: linux[n] for n in both}
    # PyInstaller's pefile and pywin32-ctypes, pytest's colorama: behind sys_platform markers.
    assert windows.keys() - linux.keys() == {"colorama", "pefile", "pywin32-ctypes"}
    assert windows["pefile"] == "2023.2.7"  # held back (tools/dev.py, HELD_BACK)
    assert "pip" not in linux and "pip" not in windows


def test_each_system_installs_with_its_own_file() -> None:
    assert dev.host_platform("nt").constraints == ROOT / "requirements/constraints-windows.txt"
    assert dev.host_platform("posix").constraints == ROOT / "requirements/constraints.txt"


UV_OUTPUT = """\
babel==2.18.0
colorama==0.4.6
    # via pytest
pefile==2023.2.7
pip==26.3
PySide6_Essentials==6.12.0
"""


def test_pins_are_read_from_pip_freeze_and_uv_alike() -> None:
    assert dev.parse_pins(UV_OUTPUT) == {
        "babel": "2.18.0", "colorama": "0.4.6", "pefile": "2023.2.7", "pip": "26.3",
        "pyside6-essentials": "6.12.0",
    }  # fmt: skip
    assert dev.parse_pins("# header\n\n--index-url x\nSQLite_Utils==4.2.1  # note\n") == {
        "sqlite-utils": "4.2.1"
    }
    for wrong in ("pkg @ file:///tmp/pkg.whl", "pkg>=1", 'pkg==1 ; sys_platform == "win32"'):
        with pytest.raises(ValueError, match="not a pin"):
            dev.parse_pins(wrong)


@pytest.fixture
def uv_runs(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[tuple[list[str], str]]]:
    """uv replaced: each call's command and the constraints it was given; it answers UV_OUTPUT."""
    calls: list[tuple[list[str], str]] = []

    def fake_run(command: list[str], **_: object) -> subprocess.CompletedProcess[str]:
        constraints = Path(command[command.index("-c") + 1]).read_text(encoding="utf-8")
        calls.append((command, constraints))
        return subprocess.CompletedProcess(command, 0, stdout=UV_OUTPUT, stderr="")

    monkeypatch.setattr(dev.subprocess, "run", fake_run)
    yield calls


def test_the_other_platform_is_resolved_by_uv_for_it_from_wheels(
    uv_runs: list[tuple[list[str], str]],
) -> None:
    resolved = dev.resolve(Path("python"), ["pytest>=8"], dev.WINDOWS, {"pefile": "2024.8.26"})
    assert "pip" not in resolved and resolved["colorama"] == "0.4.6"
    ((command, constraints),) = uv_runs
    assert command[1:5] == ["-m", "uv", "pip", "compile"]
    platform = command.index("--python-platform")
    assert command[platform + 1 : platform + 4] == [
        "x86_64-pc-windows-msvc", "--python-version", "3.11",
    ]  # fmt: skip
    assert command[command.index("--only-binary") + 1] == ":all:"
    assert "pefile==2023.2.7\n" in constraints  # the held-back version wins over the host's


def test_a_lock_writes_both_files_with_the_same_versions(
    uv_runs: list[tuple[list[str], str]], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    linux = dev.Platform("Linux", tmp_path / "requirements/constraints.txt", "x86_64-linux")
    windows = dev.Platform("Windows", tmp_path / "requirements/w.txt", "x86_64-pc-windows-msvc")
    (tmp_path / "pyproject.toml").write_bytes((ROOT / "pyproject.toml").read_bytes())
    monkeypatch.setattr(dev, "ROOT", tmp_path)
    monkeypatch.setattr(dev, "PLATFORMS", (linux, windows))
    monkeypatch.setattr(dev, "HOST", linux)
    monkeypatch.setattr(dev, "setup", lambda extras: Path("python"))
    monkeypatch.setattr(dev, "freeze", lambda python: "Babel==2.18.0\nsetuptools==84.2.1\n")
    assert dev.lock() == 0
    assert dev.parse_pins(linux.constraints.read_text(encoding="utf-8")) == {
        "babel": "2.18.0", "setuptools": "84.2.1",
    }  # fmt: skip
    written = windows.constraints.read_text(encoding="utf-8")
    assert "resolved by uv for Windows" in written and "pefile is held at 2023.2.7" in written
    assert dev.parse_pins(written)["pefile"] == "2023.2.7"
    ((_, constraints),) = uv_runs
    assert "babel==2.18.0\n" in constraints and "setuptools==84.2.1\n" in constraints
