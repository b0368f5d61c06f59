"""Search that knows how the plan's words are written.

On top of `text.fold` (no accents, no case, đ as d), the common spellings of a word become
one: the plan writes "túi ni-lông", clerks type "tui nilon" or "nylon"; "TP. Cao Lãnh" is also
"thành phố Cao Lãnh"; "h. Lấp Vò" is "huyện Lấp Vò". A text's search key holds its folded
words and, when they differ, their unified form; a query is unified the same way, and a row
matches when each query word appears in its key.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

VARIANTS: dict[str, tuple[str, ...]] = {
    "nilon": ("ni-long", "ni - long", "ni long", "nilong", "ni-lon", "ni lon", "nylon", "nilon"),
    "tp": ("thanh pho", "tp.", "tp"),
    "tx": ("thi xa", "tx.", "tx"),
    "huyen": ("huyen", "h."),
}
"""Each unified word, with the folded spellings that mean it."""


def fast_fold(text: str) -> str:
    """`text.fold` for the window's searches, two to four times faster: the same key for
    every Vietnamese or ASCII text; signs of other scripts («, ≥, —) are left out, which no
    search word needs."""
    plain = unicodedata.normalize("NFD", text.casefold().replace("đ", "d"))
    return plain.encode("ascii", "ignore").decode("ascii")


_WORD_OF = {
    spelling: word
    for word, spellings in VARIANTS.items()
    for spelling in spellings
    if spelling != word  # a word already unified needs no rewriting
}


def _alternative(spelling: str) -> str:
    # Whole words only ("h." is not the end of "Ch."); an abbreviation's dot ends it ("h.Lấp").
    return re.escape(spelling) + ("" if spelling.endswith(".") else r"(?!\w)")


# One pass over a text finds every spelling (the longest first where they overlap).
_SPELLINGS = re.compile(
    r"(?<!\w)(?:" + "|".join(_alternative(s) for s in sorted(_WORD_OF, key=len, reverse=True)) + ")"
)


def unify(folded: str) -> str:
    """A folded text with each variant spelling replaced by its unified word."""
    unified = _SPELLINGS.sub(lambda found: f" {_WORD_OF[found.group(0)]} ", folded)
    return " ".join(unified.split()) if unified != folded else folded


def key(text: str) -> str:
    """What a search looks in: the folded text, and its unified form when that differs."""
    folded = fast_fold(text)
    unified = unify(folded)
    return folded if unified == folded else f"{folded}\n{unified}"


def query_words(text: str) -> list[str]:
    """The words of a typed search, folded and unified ("Túi ni lông" → ["tui", "nilon"])."""
    return unify(fast_fold(text)).split()


@cache
def spellings(word: str) -> tuple[str, ...]:
    """The folded spellings a query word stands for, to highlight in a text: the word itself,
    and every variant when it is a unified word."""
    return tuple(dict.fromkeys((word, *VARIANTS.get(word, ()))))
