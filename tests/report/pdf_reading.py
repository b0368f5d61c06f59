"""Reading a generated PDF back as a reader would: text, where it starts, and its fonts."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pypdf import PageObject, PdfReader

MM = 72 / 25.4


@dataclass(frozen=True)
class Run:
    """A piece of text shown on a page, with its start point in points from the bottom left."""

    text: str
    x: float
    y: float


def runs(page: PageObject) -> list[Run]:
    found: list[Run] = []

    def visit(text: str, cm: list[float], tm: list[float], _font: Any, _size: Any) -> None:
        if text.strip():
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            found.append(Run(text.strip(), x, y))

    page.extract_text(visitor_text=visit)
    return found


def flat(text: str) -> str:
    """Text with every run of white space (line breaks, no-break spaces) as one space."""
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip()


def texts(path: Path) -> list[str]:
    """Each page's text. A file is parsed once while it stays as it was (several tests read the
    same report, and pypdf takes a second for it)."""
    state = path.stat()
    return list(_texts(path.resolve(), state.st_size, state.st_mtime_ns))


@functools.cache
def _texts(path: Path, size: int, modified: int) -> tuple[str, ...]:  # size, modified: the key
    return tuple(page.extract_text() for page in PdfReader(path).pages)


def fonts(reader: PdfReader) -> dict[str, Any]:
    """Every font used on any page, by base font name, as its PDF dictionary."""
    found: dict[str, Any] = {}
    for page in reader.pages:
        resources = page.get("/Resources")
        if resources is None:
            continue
        for reference in resources.get_object().get("/Font", {}).values():
            font = reference.get_object()
            found[str(font["/BaseFont"])] = font
    return found


def embedded_font_file(font: Any) -> Any:
    """The embedded TrueType program of a font (simple or composite), or None."""
    if font.get("/Subtype") == "/Type0":
        font = font["/DescendantFonts"][0].get_object()
    descriptor = font.get("/FontDescriptor")
    return None if descriptor is None else descriptor.get_object().get("/FontFile2")


def whole_text(path: Path) -> str:
    """Every page's text, flattened into one line."""
    return flat(" ".join(texts(path)))
