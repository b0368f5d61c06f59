"""The rotating log file in the data folder."""

from __future__ import annotations

import logging
import platform
from pathlib import Path

import pytest

from sxtdbv_desktop import logs
from sxtdbv_desktop.paths import data_dir


def test_the_log_lives_in_the_data_folder() -> None:
    assert logs.log_file() == data_dir() / "logs" / "sxtdbv.log"


def test_events_go_to_a_utf8_file_that_rotates(tmp_path: Path) -> None:
    path = logs.setup_logging(tmp_path)
    try:
        assert logs.setup_logging(tmp_path) == path  # a second call adds no second handler
        ours = [
            h
            for h in logging.getLogger().handlers
            if isinstance(h, logging.FileHandler) and Path(h.baseFilename) == path.resolve()
        ]
        assert len(ours) == 1
        log = logging.getLogger("sxtdbv_desktop.test")
        log.warning("Ổ đĩa đã đầy khi lưu báo cáo của UBND huyện Lấp Vò")
        for _ in range(1200):
            log.info("x" * 1000)
    finally:
        logs.remove_handlers(tmp_path)
    files = sorted(tmp_path.glob("sxtdbv.log*"))
    assert len(files) == 2  # 1.2 MB written: the current file and one rotated
    assert path.stat().st_size <= logs.MAX_BYTES
    text = "".join(f.read_text(encoding="utf-8") for f in files)
    assert "Ổ đĩa đã đầy khi lưu báo cáo của UBND huyện Lấp Vò" in text
    assert "SX&TDBV Desktop" in text  # the start line names the version
    assert f"({platform.python_version()}, {logs.system_name()})" in text.replace("Python ", "")


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="/dev/full: a disk that is always full")
def test_a_full_disk_under_the_log_is_quiet_and_the_program_goes_on(
    tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / logs.LOG_NAME).symlink_to("/dev/full")  # every write: "No space left"
    logs.setup_logging(tmp_path)
    try:
        log = logging.getLogger("sxtdbv_desktop.test")
        for number in range(3):
            log.warning("Sao lưu tự động lần %d", number)
    finally:
        logs.remove_handlers(tmp_path)
    captured = capfd.readouterr()
    assert "Logging error" not in captured.err
    assert captured.err == ""
