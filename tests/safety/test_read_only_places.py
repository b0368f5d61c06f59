"""A file marked read-only opens read-only with the reason (not writable until the first save
fails); output paths that cannot be written give words, never a traceback."""

from __future__ import annotations

import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from sxtdbv_desktop.session import open_session
from sxtdbv_ui.safety.read_only import read_only_text
from tests.conftest import TEST_ACTOR
from tests.test_cli import cli


@pytest.fixture
def marked_read_only(saved: Path) -> Iterator[Path]:
    saved.chmod(stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)  # mode 444
    try:
        yield saved
    finally:
        saved.chmod(stat.S_IRUSR | stat.S_IWUSR)


def test_a_read_only_file_opens_read_only_and_says_so(marked_read_only: Path) -> None:
    session = open_session(marked_read_only, TEST_ACTOR)
    try:
        assert session.read_only and session.read_only_by_disk
        assert "thuộc tính chỉ đọc (Read-only)" in (session.read_only_reason or "")
        banner = read_only_text(session) or ""
        assert "Read-only" in banner and "máy kia" not in banner
    finally:
        session.close()
    written = cli("copy-plan", "--db", str(marked_read_only), "--to", "2024")
    assert written.returncode == 1
    assert "Read-only" in written.stderr and "Traceback" not in written.stderr
    read = cli("summary", "--db", str(marked_read_only))
    assert read.returncode == 0, read.stderr


@pytest.mark.parametrize(
    ("command", "said"),
    [
        (["forms", "-o", "{file}/bieu-mau"], "Không ghi được thư mục"),
        (["report", "-o", "{missing}/bao-cao.pdf"], "không tồn tại"),
        (["audit", "-o", "{missing}/nhat-ky.xlsx"], "không tồn tại"),
        (["export-plan", "-o", "{missing}/ke-hoach.json"], "không tồn tại"),
        (["export", "--table", "tasks", "-o", "{folder}"], "trùng tên"),
        (["backup", "-o", "{file}/ban-sao.sqlite"], "Không ghi được bản sao lưu"),
        (["init", "--db", "{file}/moi.sqlite"], "Không tạo được tệp dữ liệu"),
    ],
)
def test_an_output_path_that_cannot_be_written_is_explained(
    saved: Path, tmp_path: Path, command: list[str], said: str
) -> None:
    a_file = tmp_path / "la-tep.txt"
    a_file.write_text("x", encoding="utf-8")
    (tmp_path / "thu-muc").mkdir()
    places = {"file": a_file, "missing": tmp_path / "khong-co", "folder": tmp_path / "thu-muc"}
    args = [part.format(**places) for part in command]
    if args[0] != "init":
        args += ["--db", str(saved)]
    done = cli(*args)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert done.stderr.startswith("Lỗi: ") or "\nLỗi: " in done.stderr, done.stderr
    assert said in done.stderr, done.stderr
