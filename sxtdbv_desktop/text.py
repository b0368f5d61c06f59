"""Text hygiene: everything stored is Unicode NFC with tidy whitespace, and nothing else.

This is the core's one text boundary: every text a user types, imports or loads goes through
`clean_line` or `clean_paragraphs` before it is stored. Text pasted from Word or PowerPoint
may carry control characters: their manual line break (vertical tab, U+000B), a page break
(form feed), Unicode's line and paragraph separators; these become line breaks. The other C0
controls, lone surrogates and the non-characters U+FFFE and U+FFFF cannot be written to an
.xlsx (XML forbids them) nor, some of them, to SQLite as UTF-8: they are removed.
"""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"[ \t\u00a0]+")
_BREAKS = re.compile("\r\n|[\r\n\x0b\x0c\x85\u2028\u2029]")
_UNSTORABLE = re.compile("[\x00-\x08\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


def nfc(text: str) -> str:
    """The NFC form of `text` (Vietnamese letters precomposed, as TCVN 6909 expects)."""
    return unicodedata.normalize("NFC", text)


def printable(text: str) -> str:
    """`text` with line breaks as "\\n" and without the characters no file may carry.

    For what is written out (an .xlsx, a PDF) from any stored value, old ones included:
    whatever a file holds, an export never fails on it nor produces an ill-formed file.
    """
    return _UNSTORABLE.sub("", _BREAKS.sub("\n", text))


def clean_line(text: str) -> str:
    """NFC, runs of spaces collapsed to one, no leading or trailing space, line breaks and
    controls gone: for names and titles."""
    return _SPACES.sub(" ", nfc(printable(text)).replace("\n", " ")).strip()


def clean_paragraphs(text: str) -> str:
    """NFC, each line tidied like `clean_line`, line breaks kept, no blank lines at the ends."""
    lines = nfc(printable(text)).split("\n")
    lines = [_SPACES.sub(" ", line).strip() for line in lines]
    return "\n".join(lines).strip("\n")


def fold(text: str) -> str:
    """A search key: lower case, without diacritics, đ as d, so "dong thap" finds "Đồng Tháp"."""
    decomposed = unicodedata.normalize("NFD", text.casefold().replace("đ", "d"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))
