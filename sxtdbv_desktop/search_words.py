"""Search that knows how the plan's words are written.

On top of `text.fold` (no accents, no case, đ as d), the common spellings of a word become
one: the plan writes "túi ni-lông", clerks type "tui nilon" or "nylon"; "TP. Cao Lãnh" is also
"thành phố Cao Lãnh"; "h. Lấp Vò" is "huyện Lấp Vò". A text's search key holds its folded
words and, when they differ, their unified form; a query is unified the same way, and a row
matches when each query word appears in its key.
"""

from __future__ import annotations

import re
from functools import cache

from sxtdbv_desktop.text import fold

VARIANTS: dict[str, tuple[str, ...]] = {
    "nilon": ("ni-long", "ni - long", "ni long", "nilong", "ni-lon", "ni lon", "nylon", "nilon"),
    "tp": ("thanh pho", "tp.", "tp"),
    "tx": ("thi xa", "tx.", "tx"),
    "huyen": ("huyen", "h."),
}
"""Each unified word, with the folded spellings that mean it."""


def _pattern(spellings: tuple[str, ...]) -> re.Pattern[str]:
    # Whole words only ("h." is not the end of "Ch."); an abbreviation's dot ends it ("h.Lấp").
    ends = (re.escape(s) + ("" if s.endswith(".") else r"(?!\w)") for s in spellings)
    return re.compile(r"(?<!\w)(?:" + "|".join(sorted(ends, key=len, reverse=True)) + ")")


_PATTERNS = [(_pattern(spellings), word) for word, spellings in VARIANTS.items()]


def unify(folded: str) -> str:
    """A folded text with each variant spelling replaced by its unified word."""
    for pattern, word in _PATTERNS:
        folded = pattern.sub(f" {word} ", folded)
    return " ".join(folded.split())


def key(text: str) -> str:
    """What a search looks in: the folded text, and its unified form when that differs."""
    folded = fold(text)
    unified = unify(folded)
    return folded if unified == " ".join(folded.split()) else f"{folded}\n{unified}"


def query_words(text: str) -> list[str]:
    """The words of a typed search, folded and unified ("Túi ni lông" → ["tui", "nilon"])."""
    return unify(fold(text)).split()


@cache
def spellings(word: str) -> tuple[str, ...]:
    """The folded spellings a query word stands for, to highlight in a text: the word itself,
    and every variant when it is a unified word."""
    return tuple(dict.fromkeys((word, *VARIANTS.get(word, ()))))
