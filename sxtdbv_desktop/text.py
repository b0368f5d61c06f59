"""Text hygiene: everything stored is Unicode NFC with tidy whitespace."""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"[ \t\u00a0]+")


def nfc(text: str) -> str:
    """The NFC form of `text` (Vietnamese letters precomposed, as TCVN 6909 expects)."""
    return unicodedata.normalize("NFC", text)


def clean_line(text: str) -> str:
    """NFC, runs of spaces collapsed to one, no leading or trailing space: for names and titles."""
    return _SPACES.sub(" ", nfc(text).replace("\r", " ").replace("\n", " ")).strip()


def clean_paragraphs(text: str) -> str:
    """NFC, each line tidied like `clean_line`, line breaks kept, no blank lines at the ends."""
    lines = nfc(text).replace("\r\n", "\n").replace("\r", "\n").split("\n")
    lines = [_SPACES.sub(" ", line).strip() for line in lines]
    return "\n".join(lines).strip("\n")


def fold(text: str) -> str:
    """A search key: lower case, without diacritics, đ as d, so "dong thap" finds "Đồng Tháp"."""
    decomposed = unicodedata.normalize("NFD", text.casefold().replace("đ", "d"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))
