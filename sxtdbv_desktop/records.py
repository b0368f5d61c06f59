"""Reading records by the thousand: a plan of 5,000 tasks lists 5,000 tasks, 5,000 statuses
and 5,000 rows of a table each time its tab is read (benchmarks/bench_ui.py).

The cyclic garbage collector runs every 700 new containers and, every tenth and hundredth
time, walks every older object of the program: reading 5,000 tasks triggers it some hundred
times for nothing, since records hold no cycles (a third of the reading's time).
`collector_paused()` holds it off while a batch is read; it runs again as usual afterwards.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


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
