"""Received Office Open XML files (.xlsx forms, .docx plans): no part may declare a DTD.

The standard forbids DTDs in a package's parts (ECMA-376 Part 2, Open Packaging Conventions:
a DTD declaration makes the package invalid), so a part that declares one was crafted, most
likely to expand entities ("billion laughs"). defusedxml refuses that, but once lxml is
installed (python-docx needs it) openpyxl parses small parts with lxml instead, which neither
expands nor refuses them. The check below refuses the file before any parser sees it, whoever
parses it later.
"""

from __future__ import annotations

import zipfile

_DECLARATIONS = (b"<!DOCTYPE", b"<!ENTITY")
_MARKS = tuple(
    mark.decode("ascii").encode(encoding)
    for mark in _DECLARATIONS
    for encoding in ("utf-8", "utf-16-le", "utf-16-be")
)


def part_with_dtd(archive: zipfile.ZipFile) -> str | None:
    """The name of the first XML part of `archive` that declares a DTD or an entity, if any.

    The caller has already bounded the archive's uncompressed size (a zip bomb is refused
    before this reads every part).
    """
    for member in archive.infolist():
        if member.is_dir() or not member.filename.lower().endswith((".xml", ".rels", ".vml")):
            continue
        data = archive.read(member)
        if any(mark in data for mark in _MARKS):
            return member.filename
    return None
