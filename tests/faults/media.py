"""Disks that say no, made for real: a small tmpfs filled up, or mounted read-only.

Each scenario runs in a private mount namespace (`unshare -m` as root, `unshare -rm` for an
ordinary user), so that nothing is mounted on the machine running the tests. Inside it a
shell script mounts the disk, prepares it, then runs the program's commands as a clerk does;
their output lands in a folder outside the mounted disk, where the test reads it.
"""

from __future__ import annotations

import functools
import os
import shlex
import shutil
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class Run:
    returncode: int
    stdout: str
    stderr: str


@functools.cache
def _unshare() -> list[str] | None:
    """The unshare command that gives a private mount namespace here, or None."""
    if sys.platform != "linux" or shutil.which("unshare") is None:
        return None
    command = ["unshare", "-m"] if os.geteuid() == 0 else ["unshare", "-r", "-m"]
    probe = subprocess.run(
        [*command, "sh", "-c", "mount -t tmpfs -o size=64k tmpfs /mnt 2>/dev/null || "
         "mount -t tmpfs -o size=64k tmpfs /tmp"],
        capture_output=True,
        check=False,
    )  # fmt: skip
    return command if probe.returncode == 0 else None


def require_namespaces() -> list[str]:
    command = _unshare()
    if command is None:
        pytest.skip("no private mount namespace here (unshare, Linux)")
    return command


def on_disk(
    disk: Path,
    runs: Sequence[Sequence[str]],
    *,
    prepare: str = "",
    size_kb: int = 4096,
    env: dict[str, str] | None = None,
) -> list[Run]:
    """Mount a tmpfs of `size_kb` at `disk`, run the shell `prepare` (cp, fill, remount ro),
    then each of `runs` (argument lists; "sxtdbv" stands for the program, "worker" for
    `tests.faults.workers`, "NAME=value" items set the run's environment); return what each
    run printed and its exit code."""
    command = require_namespaces()
    disk.mkdir(parents=True, exist_ok=True)
    out = disk.parent / f"{disk.name}-out"
    out.mkdir(exist_ok=True)
    python = shlex.quote(sys.executable)
    programs = {
        "sxtdbv": f"{python} -m sxtdbv_desktop",
        "worker": f"{python} -m tests.faults.workers",
    }
    lines = [
        "set -e",
        f"mount -t tmpfs -o size={size_kb}k tmpfs {shlex.quote(str(disk))}",
        prepare,
        "set +e",
    ]
    for index, args in enumerate(runs):
        settings = [a for a in args if "=" in a and a.split("=")[0].isupper()]
        program, *rest = [a for a in args if a not in settings]
        quoted = " ".join(shlex.quote(a) for a in rest)
        target = shlex.quote(str(out / str(index)))
        prefix = " ".join(shlex.quote(a) for a in settings)
        lines.append(
            f"{prefix} {programs[program]} {quoted} >{target}.out 2>{target}.err;"
            f" echo $? >{target}.rc"
        )
    done = subprocess.run(
        [*command, "sh", "-c", "\n".join(lines)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, **(env or {})},
    )
    assert done.returncode == 0, done.stderr
    results = []
    for index in range(len(runs)):
        base = out / str(index)
        results.append(
            Run(
                int(base.with_suffix(".rc").read_text()),
                base.with_suffix(".out").read_text(encoding="utf-8"),
                base.with_suffix(".err").read_text(encoding="utf-8"),
            )
        )
    return results


def fill(disk: Path) -> str:
    """Shell that fills the disk at `disk` to the last byte."""
    return f"dd if=/dev/zero of={shlex.quote(str(disk / 'day.bin'))} bs=4k 2>/dev/null || true"


def read_only(disk: Path) -> str:
    """Shell that makes the disk at `disk` read-only media."""
    return f"mount -o remount,ro {shlex.quote(str(disk))}"
