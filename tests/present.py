"""`present(x)`: x, which must not be None. For the optional results of library look-ups
(python-docx's XML properties, Qt's items, pypdf's objects) that a test expects to exist:
a missing one fails the test with an assertion, and the type checker sees the value."""

from __future__ import annotations

from typing import TypeVar

T = TypeVar("T")


def present(value: T | None) -> T:
    assert value is not None, "expected a value, found None"
    return value
