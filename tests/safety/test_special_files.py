"""Only regular files are read, with the size limit checked before reading: a FIFO does not
make the program wait for ever, a link to /dev/zero does not exhaust the memory."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from sxtdbv_desktop.errors import ValidationError
from sxtdbv_desktop.excel.errors import FormError
from sxtdbv_desktop.excel.files import MAX_FILE_BYTES, load_received
from sxtdbv_desktop.plan_file import read_plan_file

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs and /dev/zero: POSIX")


@pytest.fixture
def fifo(tmp_path: Path) -> Path:
    path = tmp_path / "BaoCao_HLapVo_2023.xlsx"
    os.mkfifo(path)
    return path


@pytest.fixture
def endless(tmp_path: Path) -> Path:
    path = tmp_path / "ke-hoach.json"
    path.symlink_to("/dev/zero")
    return path


def test_the_import_command_refuses_a_fifo_at_once(saved: Path, fifo: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "sxtdbv_desktop", "import", "--db", str(saved), str(fifo)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,  # the old program waited here for ever
        check=False,
    )
    assert done.returncode == 1
    assert "không phải là một tệp thông thường" in done.stderr
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize("kind", ["fifo", "endless"])
def test_a_received_form_that_is_no_regular_file_is_refused(
    kind: str, request: pytest.FixtureRequest
) -> None:
    path: Path = request.getfixturevalue(kind)
    with pytest.raises(FormError) as caught:
        load_received(path)
    assert "không phải là một tệp thông thường" in caught.value.rule


@pytest.mark.parametrize("kind", ["fifo", "endless"])
def test_a_plan_file_that_is_no_regular_file_is_refused(
    kind: str, request: pytest.FixtureRequest
) -> None:
    path: Path = request.getfixturevalue(kind)
    with pytest.raises(ValidationError, match="không phải là một tệp thông thường"):
        read_plan_file(path)


def test_the_size_is_checked_before_reading(tmp_path: Path) -> None:
    big = tmp_path / "lon.xlsx"
    with big.open("wb") as handle:
        handle.truncate(MAX_FILE_BYTES + 1)  # sparse: large without being written
    with pytest.raises(FormError, match="tệp quá lớn"):
        load_received(big)
