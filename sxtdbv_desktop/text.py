"""Text hygiene: everything stored is Unicode NFC with tidy whitespace, and nothing else.

This is the core's one text boundary: every text a user types, imports or loads goes through
`clean_line` or `clean_paragraphs` before it is stored. Text pasted from Word or PowerPoint
may carry control characters: their manual line break (vertical tab, U+000B), a page break
(form feed), Unicode's line and paragraph separators; these become line breaks. The other C0
controls, lone surrogates and the non-characters U+FFFE and U+FFFF cannot be written to an
.xlsx (XML forbids them) nor, some of them, to SQLite as UTF-8: they are removed.

Each text has a stated maximum length, checked here too, so that it is enforced wherever a
text is typed, imported or loaded: `LINE_MAX` for one-line texts (names, titles, numbers,
time frames), `PARAGRAPHS_MAX` for texts of several lines (a task, a result, an assessment,
difficulties, proposals, notes), which is what one cell of Excel holds, so that every text
fits the form it travels in and nothing is ever cut on the way.
"""

from __future__ import annotations

import re
import unicodedata

from sxtdbv_desktop import rule_words
from sxtdbv_desktop.errors import ValidationError

LINE_MAX = 1_000
PARAGRAPHS_MAX = 32_767
"""The longest text of several lines: one cell of Excel (its specifications and limits)."""

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


class TextTooLongError(ValidationError, ValueError):
    """A text is longer than its field allows; nothing was changed. Also a `ValueError`, so
    that the window's editors show it as they show any value they refuse."""

    def __init__(self, what: str, length: int, limit: int) -> None:
        super().__init__(
            what,
            f"{rule_words.too_long(_grouped(length), _grouped(limit))} "
            "Hãy rút gọn (hoặc chia bớt sang mục khác).",
        )


def clean_line(text: str, *, limit: int | None = LINE_MAX, what: str = "Văn bản") -> str:
    """NFC, runs of spaces collapsed to one, no leading or trailing space, line breaks and
    controls gone: for names and titles. Longer than `limit` (None: no limit, for reading
    what is already stored): `TextTooLongError` naming `what`."""
    cleaned = _SPACES.sub(" ", nfc(printable(text)).replace("\n", " ")).strip()
    return _within(cleaned, limit, what)


def clean_paragraphs(
    text: str, *, limit: int | None = PARAGRAPHS_MAX, what: str = "Văn bản"
) -> str:
    """NFC, each line tidied like `clean_line`, line breaks kept, no blank lines at the ends;
    longer than `limit`: `TextTooLongError`, as for `clean_line`."""
    lines = nfc(printable(text)).split("\n")
    lines = [_SPACES.sub(" ", line).strip() for line in lines]
    return _within("\n".join(lines).strip("\n"), limit, what)


def _within(text: str, limit: int | None, what: str) -> str:
    if limit is not None and len(text) > limit:
        raise TextTooLongError(what, len(text), limit)
    return text


def _grouped(number: int) -> str:
    return f"{number:,}".replace(",", ".")


def fold(text: str) -> str:
    """A search key: lower case, without diacritics, đ as d, so "dong thap" finds "Đồng Tháp"."""
    decomposed = unicodedata.normalize("NFD", text.casefold().replace("đ", "d"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))
