"""The yearly cycle as a Sở lives it, through the command line: a new data file with the default
plan, the forms out, the agencies' answers back (late or incomplete for some, missing for two),
each imported with the day it arrived, then the consolidated report."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sxtdbv_desktop.cli import main
from tests.cycle.realistic import SILENT, answer

REPORT_DAY = dt.date(2024, 1, 5)


def run(*args: str) -> None:
    code = main(list(args))
    if code:
        raise AssertionError(f"{' '.join(args)} exited with {code}")


def yearly_cycle(folder: Path) -> Path:
    """Run the cycle in `folder`; return the data file, ready for the report."""
    data = folder / "sxtdbv.sqlite"
    run("init", "--db", str(data))
    forms = folder / "bieu-mau"
    run("forms", "--db", str(data), "-o", str(forms))
    answered = folder / "da-dien"
    answered.mkdir()
    for empty in sorted(forms.glob("BaoCao_*.xlsx")):
        code = empty.stem.split("_")[1]
        if code in SILENT:
            continue
        filled = answer(empty, answered / empty.name, code)
        received = f"{filled.received_on:%d/%m/%Y}"
        run("import", "--db", str(data), str(filled.path), "--received", received)
    return data
