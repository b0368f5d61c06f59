"""Records read by the thousand (`sxtdbv_desktop.records`): the garbage collector held off only
while a batch is read."""

from __future__ import annotations

import gc

import pytest

from sxtdbv_desktop.records import collector_paused


def test_the_collector_is_held_off_while_reading_and_runs_again_after() -> None:
    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
        with collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()  # the inner batch leaves the outer one's pause alone
    assert gc.isenabled()


def test_the_collector_runs_again_after_a_failed_read() -> None:
    with pytest.raises(RuntimeError), collector_paused():
        raise RuntimeError("đọc lỗi")
    assert gc.isenabled()


def test_a_collector_switched_off_elsewhere_stays_off() -> None:
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()
