"""Reading records by the thousand: a plan of 5,000 tasks lists 5,000 tasks, 5,000 statuses
and 5,000 rows of a table each time its tab opens (benchmarks/bench_ui.py).

Two costs that have nothing to do with the data:
- a frozen dataclass's own `__init__` sets each field through `object.__setattr__`, about twice
  what the same instance costs made by `maker`, which fills a new instance's `__dict__` from its
  field values in order (the instance is the same: frozen, equal and hashed as its class says);
- the cyclic garbage collector runs every 700 new containers and, every tenth and hundredth
  time, walks every older object of the program: reading 5,000 tasks triggers it some hundred
  times for nothing, since records hold no cycles. `collector_paused()` holds it off while a
  batch is read; it runs again as usual afterwards.
"""

from __future__ import annotations

import contextlib
import dataclasses
import gc
from collections.abc import Callable, Iterator
from typing import TypeVar

T = TypeVar("T")


def maker(cls: type[T]) -> Callable[..., T]:
    """A function `make(*values)` returning a `cls` with its fields, in declaration order.

    The class must have no `__post_init__` and no slots, and every field is given (defaults are
    not applied): `maker` refuses a class that does not fit, and `make` a wrong count."""
    if not dataclasses.is_dataclass(cls) or hasattr(cls, "__post_init__"):
        raise TypeError(f"{cls.__name__}: chỉ dùng cho dataclass không có __post_init__")
    if "__slots__" in vars(cls):
        raise TypeError(f"{cls.__name__}: dataclass có __slots__ không có __dict__")
    names = tuple(f.name for f in dataclasses.fields(cls))
    count, new = len(names), object.__new__

    def make(*values: object) -> T:
        if len(values) != count:
            raise TypeError(f"{cls.__name__} cần {count} giá trị, nhận {len(values)}")
        instance = new(cls)
        vars(instance).update(zip(names, values, strict=True))
        return instance

    return make


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Hold off the cyclic garbage collector while a batch of records is read (nested calls
    and a collector already off are left as they are)."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
