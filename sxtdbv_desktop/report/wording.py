"""How figures read in the report, the way administrative documents write them.

Counts under ten take a leading zero ("09/12 huyện, thành phố", "03 mô hình"), as the plan
itself writes "01 - 02 mô hình"; one percent style throughout ("83,3%"); money in đồng with
dots ("2.619.000.000 đồng"). Square brackets in a text the Sở typed, or in a setting, mark a
placeholder to type over ("[số]"): `runs_of` turns them into placeholder runs.
"""

from __future__ import annotations

import math
import re
from fractions import Fraction
from typing import TYPE_CHECKING

from sxtdbv_desktop import labels, result_words
from sxtdbv_desktop.consolidation import IndicatorResult
from sxtdbv_desktop.indicators import Indicator
from sxtdbv_desktop.result_words import Numbers
from sxtdbv_desktop.text import nfc
from sxtdbv_desktop.vnformat import format_money, format_number, percent_value

if TYPE_CHECKING:
    from sxtdbv_desktop.report.document import Paragraph, Runs

_GAP = re.compile(r"\[[^\[\]\n]+\]")


def count(n: int) -> str:
    """ "09", "12", "1.250": a leading zero under ten, as the plan writes counts."""
    return f"{n:02d}" if 0 <= n < 10 else format_number(n)


def out_of(part: int, whole: int) -> str:
    """ "09/12"."""
    return f"{count(part)}/{count(whole)}"


def percent(rate: Fraction | float | None, *, missing: str = "—") -> str:
    """ "83,3%" for a fraction of 1; `missing` when there is none."""
    if rate is None:
        return missing
    value = percent_value(Fraction(rate))
    return f"{value:.1f}".replace(".", ",") + "%"


DOCUMENT = Numbers(count, percent, "%")
"""The report's numbers, for the result wording shared with the window (`result_words`)."""


def money(amount: int) -> str:
    return format_money(amount)


def million(amount: int) -> str:
    """ "1.234,6" (millions of đồng, one decimal), for charts and narrow cells."""
    value = Fraction(amount, 1_000_000)
    text = f"{float(value):,.1f}"
    return text.replace(",", " ").replace(".", ",").replace(" ", ".")


def runs_of(text: str, *, bold: bool = False, italic: bool = False) -> Runs:
    """`text` as runs, each "[…]" a placeholder run."""
    # The window uses this module's figures at start-up; the document model loads with a report.
    from sxtdbv_desktop.report.document import Run  # noqa: PLC0415

    runs: list[Run] = []
    position = 0
    for match in _GAP.finditer(text):
        if match.start() > position:
            runs.append(Run(text[position : match.start()], bold, italic))
        runs.append(Run(match.group(0), bold, italic, placeholder=True))
        position = match.end()
    if position < len(text):
        runs.append(Run(text[position:], bold, italic))
    return tuple(runs)


def paragraphs(text: str) -> list[Paragraph]:
    """Text the Sở typed (or a draft) as paragraphs: a line starting with "- " or "+ " is a
    bullet; "[…]" is a placeholder."""
    from sxtdbv_desktop.report.document import BODY, BULLET, Paragraph  # noqa: PLC0415  (as above)

    found = []
    for raw in nfc(text).split("\n"):
        line = raw.strip()
        if line:
            style = BULLET if line.startswith(("- ", "+ ", "– ")) else BODY
            found.append(Paragraph(runs_of(line), style))
    return found


def lower_first(text: str) -> str:
    """ "Thực hiện Chương trình…" → "thực hiện Chương trình…" (not an acronym: "UBND")."""
    text = nfc(text).strip()
    if len(text) > 1 and not text[1].isupper():
        return text[0].lower() + text[1:]
    return text


def units_noun(indicator: Indicator, local_units: str) -> str:
    """What a yes/no indicator counts, in the plan's words ("huyện, thành phố", "xã, phường")."""
    return labels.unit_noun(indicator.population_kind or "", local_units)


def plan_figure(indicator: Indicator, expected: int, local_units: str) -> str:
    """What the plan asks, short: "01 - 02 mô hình", "≥ 80%", "Giảm ≥ 40%", "≥ 70% (≥ 09/12)":
    the threshold as everywhere (`result_words.threshold`), a count in the plan's own words
    when they are short, and the units a yes/no indicator needs."""
    if indicator.kind == "count":
        short = nfc(indicator.plan_text)
        if short and len(short) <= 30:
            return short
    text = result_words.threshold(indicator, DOCUMENT)
    if indicator.kind == "yes_no" and expected:
        needed = math.ceil(Fraction(indicator.threshold * expected, 100))
        text += f" (≥ {out_of(needed, expected)} {units_noun(indicator, local_units)})"
    return text


def result_figure(result: IndicatorResult, local_units: str) -> str:
    """The consolidated result as the window words it, in the report's numbers and naming what
    a yes/no indicator counts: "03 mô hình", "83,3% (10/12)", "75,0% (09/12 huyện, thành
    phố)", "Giảm 42,5% (ước tính)"."""
    units = units_noun(result.indicator, local_units)
    return result_words.indicator_result(result, DOCUMENT, units)


def coverage(result: IndicatorResult, local_units: str) -> str:
    """ "09/12 huyện, thành phố đã báo cáo: 08 có, 01 không; 03 chưa báo cáo"."""
    noun = units_noun(result.indicator, local_units)
    text = result_words.reporters(out_of(result.reported, result.expected), noun)
    if result.indicator.kind == "yes_no" and result.reported:
        yes = result.reported - result.answers_no
        no = f", {count(result.answers_no)} không" if result.answers_no else ""
        text += f": {count(yes)} có{no}"
    if result.missing:
        text += f"; {count(result.missing)} chưa báo cáo"
    return text


def names(items: list[str], limit: int = 8) -> str:
    """ "A, B và C"; beyond `limit`, "A, B, … và 5 đơn vị khác"."""
    if len(items) > limit:
        shown = ", ".join(items[:limit])
        return f"{shown} {result_words.and_others(count(len(items) - limit))}"
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} và {items[-1]}"


def first_sentence(text: str, limit: int = 220) -> str:
    """The first sentence of an agency's text, for a synthesis (the whole goes to appendix)."""
    text = " ".join(nfc(text).split())
    for end in (". ", "; "):
        cut = text.find(end)
        if 0 < cut < limit:
            return text[: cut + 1].rstrip(";") if end == ". " else text[:cut]
    if len(text) <= limit:
        return text.rstrip(".")
    return text[: text.rfind(" ", 0, limit)].rstrip(",;") + "…"
