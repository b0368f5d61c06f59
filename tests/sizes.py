"""How large the test suite's loops are: at today's sizes (`SXTDBV_TEST_SIZE=full`, what
`python tools/dev.py test --full` and CI run) or smaller (the default, `dev.py test`).

Every test runs either way; only the number of generated examples, seeds and fault points
shrinks, so that a developer's run stays short. Tests ask `size(full, quick)`; Hypothesis
tests without their own example count follow the profile of the same name."""

from __future__ import annotations

import os

from hypothesis import settings

VARIABLE = "SXTDBV_TEST_SIZE"
CHOICE = os.environ.get(VARIABLE) or "quick"
if CHOICE not in ("quick", "full"):
    raise RuntimeError(f"{VARIABLE} must be quick or full, not {CHOICE!r}")
FULL = CHOICE == "full"


def size(full: int, quick: int) -> int:
    """`full` at today's sizes, `quick` otherwise."""
    return full if FULL else quick


def load_hypothesis_profile() -> None:
    settings.register_profile("full", max_examples=100)  # Hypothesis' own default
    settings.register_profile("quick", max_examples=25)
    settings.load_profile("full" if FULL else "quick")


def header() -> str:
    if FULL:
        return f"test sizes: full ({VARIABLE}=full)"
    return f"test sizes: quick (loops shrunk; {VARIABLE}=full for today's sizes)"
