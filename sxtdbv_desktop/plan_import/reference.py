"""Reference data for what a plan document does not say (`resources/reference/agencies.json`).

- Departments: the code and short name this program gives a department it recognises by name
  ("Sở Tài nguyên và Môi trường" is SoTNMT, "Sở TN&MT"), so that each year's plan of a
  province keeps the same codes, which the agencies' form files are named after. A department
  not listed gets a code made from its initials.
- Local units: a province's local units for a period, when a plan says "UBND huyện, thành
  phố" without naming them: Đồng Tháp's 12 district-level units until 30 June 2025 (the
  embedded 2023 plan's, and a test keeps the two equal). After the 2025 merger the district
  level is gone; a plan of 2026 names its xã and phường, or the Sở enters them.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from functools import cache

from sxtdbv_desktop.paths import resource_path
from sxtdbv_desktop.text import clean_line, fold

REFERENCE_FILE = ("reference", "agencies.json")


@dataclass(frozen=True)
class KnownAgency:
    code: str
    name: str
    short_name: str


@dataclass(frozen=True)
class LocalUnits:
    """A province's local units for a period, and what plans call them."""

    province: str
    valid_until: dt.date
    name: str  # "huyện, thành phố"
    units: tuple[KnownAgency, ...]


@cache
def _data() -> dict[str, object]:
    loaded: dict[str, object] = json.loads(
        resource_path(*REFERENCE_FILE).read_text(encoding="utf-8")
    )
    return loaded


def name_key(name: str) -> str:
    """How names are compared: folded, dashes alike, one space, no trailing "tỉnh"."""
    key = re.sub(r"\s*[-–—]\s*", " - ", fold(clean_line(name)))
    return re.sub(r"\s+tinh$", "", key)


def department(name: str) -> KnownAgency | None:
    """The listed department called `name`, if any."""
    wanted = name_key(name)
    for entry in _entries("departments"):
        if name_key(str(entry["name"])) == wanted:
            return KnownAgency(str(entry["code"]), clean_line(name), str(entry["short_name"]))
    return None


def local_units(province: str, on: dt.date) -> LocalUnits | None:
    """The province's local units in force on `on`, if the reference lists them."""
    for entry in _entries("local_units"):
        until = dt.date.fromisoformat(str(entry["valid_until"]))
        if name_key(str(entry["province"])) == name_key(province) and on <= until:
            units = entry["units"]
            assert isinstance(units, list)
            return LocalUnits(
                str(entry["province"]),
                until,
                str(entry["name"]),
                tuple(KnownAgency(u["code"], u["name"], u["short_name"]) for u in units),
            )
    return None


def _entries(key: str) -> list[dict[str, object]]:
    entries = _data()[key]
    assert isinstance(entries, list)
    return entries


_SKIPPED = {"va", "cac", "cua", "-", "&"}


def initials_code(name: str) -> str:
    """A code for an agency the reference does not list: "Sở Du lịch" gives "SoDL"."""
    words = [w for w in re.split(r"[\s,;/()]+", fold(clean_line(name))) if w]
    if not words:
        return "CoQuan"
    head = "So" if words[0] == "so" else words[0][:1].upper()
    rest = "".join(w[0].upper() for w in words[1:] if w not in _SKIPPED and w[0].isalnum())
    code = re.sub(r"[^A-Za-z0-9]", "", head + rest)
    return code if code[:1].isalpha() else f"CQ{code}"
