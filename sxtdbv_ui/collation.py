"""Vietnamese alphabetical order for the window's tables and lists.

Folding accents away sorts "Đồng" before "Dương"; Vietnamese puts D before Đ, and A, Ă, Â as
three letters. Qt's collator for vi_VN knows the order (ICU in the PySide6 wheels, the system's
NLS on Windows); numbers inside texts sort as numbers ("III.1.9" before "III.1.10") and case is
ignored.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QCollator, QCollatorSortKey, QLocale, Qt

VIETNAMESE = QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam)


@cache
def collator() -> QCollator:
    made = QCollator(VIETNAMESE)
    made.setNumericMode(True)
    made.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    return made


def sort_key(text: str) -> QCollatorSortKey:
    """The key that puts `text` in Vietnamese alphabetical order."""
    return collator().sortKey(text)


def sorted_texts(texts: list[str]) -> list[str]:
    return sorted(texts, key=sort_key)
