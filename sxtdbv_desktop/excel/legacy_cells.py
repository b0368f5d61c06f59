"""Text typed in a legacy Vietnamese encoding (TCVN3/ABC, VNI), recognised cell by cell.

Three kinds of evidence, strongest first:

1. the cell's font: ".VnTime", ".VnArial"... are TCVN3 fonts, "VNI-Times"... VNI fonts; a
   cell shown in one of them holds that encoding whatever its words look like;
2. the cell's own text, when `legacy_text.detect_legacy` recognises it;
3. the sheet's text as a whole, as a hint the cell itself must confirm: in a sheet whose text
   is TCVN3, a cell that `detect_legacy` finds too short or too mixed is converted only when
   its own words say so (`legacy_text.words_support`): each word with a TCVN3-only character
   becomes a Vietnamese syllable, and the cell is not already Vietnamese as it stands. So
   "25 µg/m³" stays as typed beside TCVN3 cells ("µg" would become "àg"), and genuine
   Unicode Vietnamese is never converted.
"""

from __future__ import annotations

from collections.abc import Sequence

from sxtdbv_desktop.legacy_text import (
    LegacyEncoding,
    detect_legacy,
    to_unicode,
    words_support,
)
from sxtdbv_desktop.text import nfc


def font_encoding(font_name: str | None) -> LegacyEncoding | None:
    """The legacy encoding a font name implies: ".VnTime" → TCVN3, "VNI-Times" → VNI."""
    name = (font_name or "").strip().lower()
    if name.startswith(".vn"):
        return "tcvn3"
    if name.startswith("vni"):
        return "vni"
    return None


def repair_cells(cells: Sequence[tuple[str, str | None]]) -> list[str]:
    """Each (text, font name) of one sheet as Unicode NFC, converted where it is legacy."""
    texts = [nfc(text) for text, _ in cells]
    candidates = [t for t in texts if _could_be_legacy(t)]
    sheet_encoding = detect_legacy("\n".join(candidates)) if candidates else None
    return [
        _repair(text, font, sheet_encoding) for text, (_, font) in zip(texts, cells, strict=True)
    ]


def _repair(text: str, font: str | None, sheet_encoding: LegacyEncoding | None) -> str:
    if not _could_be_legacy(text):
        return text
    encoding = font_encoding(font) or detect_legacy(text)
    if encoding is None and sheet_encoding is not None and words_support(text, sheet_encoding):
        encoding = sheet_encoding
    return text if encoding is None else nfc(to_unicode(text, encoding))


def _could_be_legacy(text: str) -> bool:
    """Non-ASCII text made only of characters of the legacy code page (Windows-1252)."""
    if text.isascii():
        return False
    for char in text:
        if 0x80 <= ord(char) <= 0x9F:
            continue
        try:
            char.encode("cp1252")
        except UnicodeEncodeError:
            return False
    return True
