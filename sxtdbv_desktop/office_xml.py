"""What XML a received Office file (.xlsx form, .docx plan) may contain, checked on the raw
bytes before any parser runs.

openpyxl picks its XML parser at import time: with lxml installed (python-docx brings it) the
workbook, styles and shared strings go through lxml, which leaves entities unexpanded but does
not refuse them; only the worksheets stay on defusedxml. So the policy does not depend on that
choice: no part of a received file may declare a DTD (hence no entity, internal or external),
and every part that says which encoding it uses must say UTF-8 or UTF-16, the two that OOXML
allows (ECMA-376 Part 2) and the only ones in which the byte search below can see a DTD.
Excel, Word, LibreOffice and WPS never write either; re-saving a crafted file drops both.
"""

from __future__ import annotations

import re
import zipfile

_DTD = re.compile(rb"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)
_DECLARED_ENCODING = re.compile(rb"""<\?xml[^>]*?encoding\s*=\s*["']([^"']*)["']""")
_ALLOWED_ENCODINGS = {b"utf-8", b"utf8", b"utf-16", b"utf16"}
# libxml2 recognises EBCDIC from these first bytes ("<?xm"): a DTD in it is invisible here.
_EBCDIC_START = b"\x4c\x6f\xa7\x94"
_HEAD = 512  # an XML declaration is at the very start of a part


def refused_part(data: bytes) -> str | None:
    """Why the member `data` may not reach an XML parser (in English, for the log), or None.

    Checked on every member whatever its name, since the package's relationships, not the
    names, say which members are XML.
    """
    if data.startswith(_EBCDIC_START):
        return "EBCDIC encoding"
    # UTF-16 and UTF-32 text read as bytes: dropping the zero bytes joins its ASCII letters.
    ascii_view = data.replace(b"\x00", b"")
    if _DTD.search(ascii_view):
        return "a DTD or entity declaration"
    declared = _DECLARED_ENCODING.search(ascii_view[:_HEAD])
    if declared and declared.group(1).strip().lower() not in _ALLOWED_ENCODINGS:
        return f"the encoding {declared.group(1).decode('ascii', 'replace')!r}"
    return None


def part_with_dtd(archive: zipfile.ZipFile) -> str | None:
    """The name of the first member of `archive` that `refused_part` refuses, if any.

    The caller has already bounded the archive's uncompressed size (a zip bomb is refused
    before this reads every member).
    """
    for member in archive.infolist():
        if not member.is_dir() and refused_part(archive.read(member)) is not None:
            return member.filename
    return None
