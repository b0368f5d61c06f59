"""One writer at a time: the lock file, who holds it, and when it goes stale."""

from __future__ import annotations

import datetime as dt
import json
import os
import socket
import subprocess
import sys
import time
from dataclasses import asdict
from pathlib import Path

import pytest

from sxtdbv_desktop import locking

NOW = dt.datetime(2024, 1, 5, 9, 30)


def test_a_second_taker_is_refused_and_told_who_writes(tmp_path: Path) -> None:
    db_path = tmp_path / "sxtdbv.sqlite"
    first = locking.acquire(db_path, NOW)
    assert isinstance(first, locking.WriterLock)
    second = locking.acquire(db_path, NOW)
    assert isinstance(second, locking.Refusal)
    assert second.owner == first.owner
    assert f"trên máy {socket.gethostname()}" in second.describe()
    assert "09:30 ngày 05/01/2024" in second.describe()
    first.release()
    third = locking.acquire(db_path, NOW)
    assert isinstance(third, locking.WriterLock)
    third.release()


def test_a_released_lock_file_names_nobody(tmp_path: Path) -> None:
    db_path = tmp_path / "sxtdbv.sqlite"
    taken = locking.acquire(db_path, NOW)
    assert isinstance(taken, locking.WriterLock)
    with taken as lock:
        assert locking.read_owner(lock.path) is not None
    assert locking.read_owner(locking.lock_path(db_path)) is None


def test_another_process_is_refused_while_the_lock_is_held(tmp_path: Path) -> None:
    db_path = tmp_path / "sxtdbv.sqlite"
    lock = locking.acquire(db_path, NOW)
    assert isinstance(lock, locking.WriterLock)
    script = (
        "import sys; from pathlib import Path; from sxtdbv_desktop import locking;"
        "r = locking.acquire(Path(sys.argv[1]));"
        "print(type(r).__name__, getattr(getattr(r, 'owner', None), 'pid', None))"
    )
    run = [sys.executable, "-c", script, str(db_path)]
    out = subprocess.run(run, capture_output=True, text=True, check=True).stdout.split()
    assert out == ["Refusal", str(os.getpid())]
    lock.release()
    out = subprocess.run(run, capture_output=True, text=True, check=True).stdout.split()
    assert out[0] == "WriterLock"


def test_a_crashed_owner_on_this_computer_is_taken_over(tmp_path: Path) -> None:
    # The process died (kill -9, power cut): its owner text stays, its OS lock is gone.
    db_path = tmp_path / "sxtdbv.sqlite"
    script = (
        "import os, sys; from pathlib import Path; from sxtdbv_desktop import locking;"
        "locking.acquire(Path(sys.argv[1])); os._exit(0)"
    )
    subprocess.run([sys.executable, "-c", script, str(db_path)], check=True)
    assert locking.read_owner(locking.lock_path(db_path)) is not None
    lock = locking.acquire(db_path, NOW)
    assert isinstance(lock, locking.WriterLock)
    assert lock.owner.pid == os.getpid()
    lock.release()


def _write_foreign_owner(db_path: Path, heartbeat: dt.datetime) -> None:
    owner = locking.Owner(
        host="MAY-KHAC", user="lan", pid=4242, since="2024-01-05T08:00:00",
        heartbeat=heartbeat.isoformat(),
    )  # fmt: skip
    locking.lock_path(db_path).write_text(json.dumps(asdict(owner)), encoding="utf-8")


def test_a_live_owner_on_another_computer_is_respected_without_an_os_lock(
    tmp_path: Path,
) -> None:
    # On a share whose OS locks do not reach this computer, the heartbeat still does.
    db_path = tmp_path / "sxtdbv.sqlite"
    _write_foreign_owner(db_path, NOW - dt.timedelta(minutes=3))
    refused = locking.acquire(db_path, NOW)
    assert isinstance(refused, locking.Refusal)
    assert "trên máy MAY-KHAC (tài khoản lan) từ 08:00 ngày 05/01/2024" in refused.describe()


def test_a_silent_owner_on_another_computer_goes_stale(tmp_path: Path) -> None:
    db_path = tmp_path / "sxtdbv.sqlite"
    _write_foreign_owner(db_path, NOW - locking.STALE_AFTER - dt.timedelta(seconds=1))
    lock = locking.acquire(db_path, NOW)
    assert isinstance(lock, locking.WriterLock)
    lock.release()


def test_the_heartbeat_is_written_for_others_to_read(tmp_path: Path) -> None:
    db_path = tmp_path / "sxtdbv.sqlite"
    lock = locking.acquire(db_path, NOW)
    assert isinstance(lock, locking.WriterLock)
    lock.heartbeat(NOW + dt.timedelta(minutes=2))
    owner = locking.read_owner(lock.path)
    assert owner is not None
    assert owner.heartbeat == "2024-01-05T09:32:00"
    assert owner.since == "2024-01-05T09:30:00"
    lock.release()


def test_an_unreadable_lock_file_is_described_plainly(tmp_path: Path) -> None:
    assert "chương trình khác" in locking.Refusal(None).describe()
    path = tmp_path / "x.lock"
    path.write_bytes(b"\xff\xfe garbage")
    assert locking.read_owner(path) is None


def test_a_lock_released_late_is_taken_after_waiting(tmp_path: Path) -> None:
    # A dead process's lock released a moment later (Windows: "after a time that depends on
    # system resources"): here a process that holds it and lets go after half a second.
    db_path = tmp_path / "sxtdbv.sqlite"
    script = (
        "import sys, time; from pathlib import Path; from sxtdbv_desktop import locking;"
        "lock = locking.acquire(Path(sys.argv[1])); print('held', flush=True);"
        "time.sleep(0.5); lock.release()"
    )
    run = [sys.executable, "-c", script, str(db_path)]
    with subprocess.Popen(run, stdout=subprocess.PIPE, text=True) as holder:
        assert holder.stdout is not None and holder.stdout.readline() == "held\n"
        started = time.monotonic()
        lock = locking.acquire(db_path, NOW, wait=dt.timedelta(seconds=10))
        waited = time.monotonic() - started
    assert isinstance(lock, locking.WriterLock)
    assert 0.2 < waited < 5
    lock.release()


def test_a_lock_still_held_after_the_wait_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(locking, "RELEASE_WAIT", dt.timedelta(seconds=0.6))  # the default
    db_path = tmp_path / "sxtdbv.sqlite"
    first = locking.acquire(db_path, NOW)
    assert isinstance(first, locking.WriterLock)
    started = time.monotonic()
    second = locking.acquire(db_path, NOW)
    assert isinstance(second, locking.Refusal)
    assert 0.6 <= time.monotonic() - started < 3
    first.release()


def test_the_os_lock_is_tried_every_so_often_until_the_wait_ends(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    answers = iter([False, False, False, True])
    monkeypatch.setattr(locking, "_os_lock", lambda handle: next(answers))
    monkeypatch.setattr(locking, "RETRY_EVERY", dt.timedelta(milliseconds=1))
    lock = locking.acquire(tmp_path / "sxtdbv.sqlite", NOW, wait=dt.timedelta(seconds=5))
    assert isinstance(lock, locking.WriterLock)
    assert next(answers, "used up") == "used up"  # asked four times
    lock.release()


def test_a_refusal_says_what_to_do_when_the_writer_is_gone() -> None:
    here = locking.Owner(socket.gethostname(), "lan", 1, "2024-01-05T08:00:00", "2024-01-05T08:00")
    assert "mở lại sau ít phút" in locking.Refusal(here).describe()
    assert "mở lại sau ít phút" in locking.Refusal(None).describe()
    there = locking.Owner("MAY-KHAC", "lan", 1, "2024-01-05T08:00:00", "2024-01-05T08:00")
    text = locking.Refusal(there).describe()
    assert "máy chủ chia sẻ tệp nhả khóa" in text and "quá 10 phút" in text


def _age_lock_file(db_path: Path, minutes: float) -> None:
    """Set the lock file's modification time `minutes` ago, by this computer's clock."""
    then = time.time() - minutes * 60
    os.utime(locking.lock_path(db_path), (then, then))


def test_a_heartbeat_far_in_the_future_does_not_block_for_ever(tmp_path: Path) -> None:
    # Another computer's clock runs a year ahead; it crashed twenty minutes ago.
    db_path = tmp_path / "sxtdbv.sqlite"
    _write_foreign_owner(db_path, NOW + dt.timedelta(days=365))
    _age_lock_file(db_path, 20)
    lock = locking.acquire(db_path, NOW)
    assert isinstance(lock, locking.WriterLock)
    lock.release()


def test_a_live_owner_with_a_clock_ahead_is_still_respected(tmp_path: Path) -> None:
    db_path = tmp_path / "sxtdbv.sqlite"
    _write_foreign_owner(db_path, dt.datetime.now() + dt.timedelta(days=365))
    _age_lock_file(db_path, 1)  # it wrote its heartbeat a minute ago
    refused = locking.acquire(db_path)
    assert isinstance(refused, locking.Refusal)
    assert "Đồng hồ của máy MAY-KHAC đang chạy nhanh" in refused.describe()


def test_a_newer_versions_lock_with_unknown_keys_is_respected(tmp_path: Path) -> None:
    db_path = tmp_path / "sxtdbv.sqlite"
    owner = {
        "host": "MAY-KHAC", "user": "lan", "pid": 4242, "since": "2024-01-05T08:00:00",
        "heartbeat": (NOW - dt.timedelta(minutes=1)).isoformat(), "version": "0.9",
        "session": "3f2a", "display": ":0",
    }  # fmt: skip
    locking.lock_path(db_path).write_text(json.dumps(owner), encoding="utf-8")
    refused = locking.acquire(db_path, NOW)
    assert isinstance(refused, locking.Refusal)
    assert refused.owner is not None and refused.owner.host == "MAY-KHAC"


def test_an_unreadable_lock_is_respected_until_it_goes_stale(tmp_path: Path) -> None:
    db_path = tmp_path / "sxtdbv.sqlite"
    locking.lock_path(db_path).write_bytes(b'{"ho": "MAY-KHAC", "nhip": 1}')
    assert locking.acquire(db_path, NOW) == locking.Refusal(None)
    _age_lock_file(db_path, 11)
    lock = locking.acquire(db_path, NOW)
    assert isinstance(lock, locking.WriterLock)
    lock.release()
