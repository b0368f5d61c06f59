"""Benchmark: write every agency's form, then import 30 filled forms; print time per form.

Run with `python tools/dev.py bench import`. The forms are filled by the tests' filler (some
with numbers typed as text, some in TCVN3), the way the round-trip test fills them.
"""

from __future__ import annotations

import datetime as dt
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sxtdbv_desktop.excel.forms import write_forms  # noqa: E402
from sxtdbv_desktop.excel.imports import apply_import, check_file  # noqa: E402
from sxtdbv_desktop.plan_file import load_default_plan  # noqa: E402
from sxtdbv_desktop.storage import open_database  # noqa: E402
from tests.excel.filling import Style, fill_file, prepare_plan  # noqa: E402

FORMS = 30


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        db = open_database(work / "bench.sqlite")
        plan_id = load_default_plan(db)
        prepare_plan(db, plan_id)

        start = time.perf_counter()
        written = write_forms(db, plan_id, work / "forms")
        per_form_out = (time.perf_counter() - start) / len(written)

        filled = []
        for index in range(FORMS):
            source = written[index % len(written)]
            target = work / "filled" / f"{index:02d}_{source.name}"
            target.parent.mkdir(exist_ok=True)
            style = Style(
                numbers_as_text=index % 3 == 1, legacy="tcvn3" if index % 3 == 2 else None
            )
            fill_file(source, target, f"bench{index}", style)
            filled.append(target)

        timings = []
        for path in filled:
            start = time.perf_counter()
            check = check_file(db, path, plan_id=plan_id)
            apply_import(db, check, today=dt.date(2023, 12, 5))
            timings.append(time.perf_counter() - start)
        db.close()

    total = sum(timings)
    print(f"forms written: {len(written)}, {per_form_out * 1000:.1f} ms per form")
    print(
        f"forms imported: {FORMS} in {total:.2f} s: {total / FORMS * 1000:.1f} ms per form "
        f"(min {min(timings) * 1000:.1f} ms, max {max(timings) * 1000:.1f} ms)"
    )


if __name__ == "__main__":
    main()
