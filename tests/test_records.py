"""Records read by the thousand (`sxtdbv_desktop.records`): the same instances as the class's
own constructor makes, and the garbage collector held off only while a batch is read."""

from __future__ import annotations

import dataclasses
import gc

import pytest

from sxtdbv_desktop.records import collector_paused, maker
from sxtdbv_desktop.tasks import Task

VALUES = (7, 1, 2, 3, "Tuyên truyền", "Quý II", "02 hội nghị", "done", "", 0, (4,), (5, 6), (5,))


def test_maker_gives_the_instance_the_constructor_gives() -> None:
    made, built = maker(Task)(*VALUES), Task(*VALUES)
    assert made == built
    assert hash(made) == hash(built)
    assert repr(made) == repr(built)
    assert made.is_assigned and made.is_proposal


def test_an_instance_made_stays_frozen() -> None:
    made = maker(Task)(*VALUES)
    with pytest.raises(dataclasses.FrozenInstanceError):
        made.text = "Khác"  # type: ignore[misc]


def test_maker_refuses_a_wrong_count_of_values() -> None:
    with pytest.raises(TypeError, match="Task cần 13 giá trị, nhận 12"):
        maker(Task)(*VALUES[:-1])


@dataclasses.dataclass(frozen=True)
class Checked:
    value: int

    def __post_init__(self) -> None:
        if self.value < 0:
            raise ValueError(self.value)


@dataclasses.dataclass(frozen=True, slots=True)
class Slotted:
    value: int


@pytest.mark.parametrize("cls", [Checked, Slotted, int])
def test_maker_refuses_a_class_it_would_make_wrongly(cls: type) -> None:
    with pytest.raises(TypeError, match=cls.__name__):
        maker(cls)


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
