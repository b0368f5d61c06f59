"""From a document's lines to its paragraphs.

A PDF's text (and a text file copied from one) has the page's lines, not the author's
paragraphs: every line ends where the page was full. Lines are joined into paragraphs unless
one of these says a new paragraph starts:

- the line starts with a mark of the plan's outline: "II. ", "3. ", "2.1. ", "a) ", or a
  bullet ("- ", "+ ", "•") followed by a capital letter or a digit;
- the paragraph so far ends a sentence (".", "!", "?", "./.", not "TP.") and the line starts
  with a capital letter;
- the paragraph so far is a heading: a Roman-numeral heading is one line unless the next one
  is in capitals too; the "KẾ HOẠCH" of the title block likewise; a numbered heading with no
  final punctuation ends at a short line followed by a capital (item "2. Sở Tài nguyên và Môi
  trường" then its duty "Chủ trì, phối hợp…");
- a rule ("______") or a line in capitals after a line that is not;
- the line opens the plan's basis: "Căn cứ …", "Thực hiện Quyết định số …".

A word broken at its own hyphen across two lines ("túi ni-" / "lông") is joined without a
space. A Word document already has paragraphs: they are kept as they are, unless the document
looks hard-wrapped (a PDF pasted into Word), when its paragraphs are treated as lines.
"""

from __future__ import annotations

import itertools
import re
import statistics
from dataclasses import dataclass

from sxtdbv_desktop.text import clean_line

ROMAN_HEADING = re.compile(r"^([IVX]{1,5})\.\s+(.*)$")
NUMBERED = re.compile(r"^(\d{1,2})\.\s+(.*)$")
SUBNUMBERED = re.compile(r"^(\d{1,2}(?:\.\d{1,2})+)\.?\s+(.*)$")
LETTERED = re.compile(r"^([a-zđ])\)\s+(.*)$")
BULLET = re.compile(r"^[-–•+*]\s*(.*)$")
RULE = re.compile(r"^[_=\-–—.·*]{4,}$")
PREAMBLE_START = re.compile(
    r"^(?:Căn cứ|Thực hiện (?:Quyết định|Kế hoạch|Nghị quyết|Chỉ thị|Công văn|Thông báo) số)\s"
)
_ABBREVIATIONS = ("TP.", "Tp.", "TX.", "Tx.", "Q.", "P.", "ThS.", "TS.", "v.v.", "St.")
_CLOSERS = ")]»”\"'’"


@dataclass(frozen=True)
class Paragraph:
    """One paragraph: its text (NFC, one line) and the lines it was made of."""

    text: str
    lines: tuple[str, ...]

    @property
    def mark(self) -> str:
        """ "roman", "number", "subnumber", "letter", "bullet", "rule" or ""."""
        return outline_mark(self.text)


def outline_mark(text: str) -> str:
    """What kind of outline mark `text` starts with ("" when none)."""
    if RULE.match(text):
        return "rule"
    for kind, pattern in (
        ("roman", ROMAN_HEADING),
        ("subnumber", SUBNUMBERED),
        ("number", NUMBERED),
        ("letter", LETTERED),
    ):
        found = pattern.match(text)
        if found and _starts_item(found.group(2)):
            return kind
    bullet = BULLET.match(text)
    if bullet and text[:1] in "-–•+*" and _starts_item(bullet.group(1)):
        return "bullet"
    return ""


def _starts_item(rest: str) -> bool:
    first = rest[:1]
    return bool(first) and (first.isupper() or first.isdigit() or first in '“"(')


def paragraphs_from_lines(lines: list[str], *, laid_out: bool = False) -> list[Paragraph]:
    """The paragraphs of hard-wrapped `lines` (a PDF's text).

    `laid_out`: the lines keep their indentation (a PDF's text laid out as on the page). When
    the document indents the first line of its paragraphs, as Nghị định 30 asks, a line that
    is not indented never starts a paragraph by itself: a line ending a sentence may be
    followed by the same paragraph's next sentence.
    """
    raw = [line for line in lines if clean_line(line) and not clean_line(line).isdigit()]
    indented = _indentation(raw) if laid_out else None
    cleaned = [clean_line(line) for line in raw]
    full = _full_line_length(cleaned)
    found: list[Paragraph] = []
    current: list[str] = []
    for index, line in enumerate(cleaned):
        first_line = None if indented is None else indented[index]
        if current and _starts_new(current, line, full, first_line):
            found.append(_paragraph(current))
            current = []
        current.append(line)
    if current:
        found.append(_paragraph(current))
    return found


def paragraphs_as_written(texts: list[str]) -> list[Paragraph]:
    """A Word document's own paragraphs (each possibly of several lines: manual breaks)."""
    if _looks_hard_wrapped(texts):
        return paragraphs_from_lines([line for text in texts for line in text.splitlines()])
    found = []
    for text in texts:
        lines = tuple(line for line in (clean_line(x) for x in text.splitlines()) if line)
        if lines:
            found.append(_paragraph(list(lines)))
    return found


def _looks_hard_wrapped(texts: list[str]) -> bool:
    """Most paragraphs end mid-sentence and the next goes on in lower case."""
    texts = [clean_line(t) for t in texts if clean_line(t)]
    if len(texts) < 10:
        return False
    broken = sum(
        1
        for text, after in itertools.pairwise(texts)
        if not _ends_sentence(text) and after[:1].islower()
    )
    return broken > len(texts) // 3


def _paragraph(lines: list[str]) -> Paragraph:
    text = lines[0]
    for line in lines[1:]:
        text = join_broken(text, line)
    return Paragraph(text, tuple(lines))


def join_broken(text: str, line: str) -> str:
    """Join a line to the text before it: without a space after a word broken at its hyphen."""
    if re.search(r"\w-$", text) and line[:1].islower():
        return text + line
    return f"{text} {line}"


def _full_line_length(lines: list[str]) -> int:
    """How long a full line of the document is (a line the page wrapped)."""
    lengths = sorted(len(line) for line in lines if not outline_mark(line))
    if len(lengths) < 5:
        return 80
    return int(statistics.quantiles(lengths, n=10)[7])  # the 80th percentile


def _indentation(lines: list[str]) -> list[bool] | None:
    """Which lines are indented beyond the left margin, if the document indents first lines."""
    depths = [len(line) - len(line.lstrip()) for line in lines]
    if not depths:
        return None
    margin = min(depths)
    indented = [depth >= margin + 3 for depth in depths]
    marked = [i for i, line in enumerate(lines) if outline_mark(clean_line(line))]
    if not marked or sum(indented[i] for i in marked) < len(marked) * 0.6:
        return None  # paragraphs start at the margin: indentation says nothing
    return indented


def _starts_new(current: list[str], line: str, full: int, indented: bool | None) -> bool:
    last = current[-1]
    if outline_mark(line) or RULE.match(last) or PREAMBLE_START.match(line):
        return True
    if indented is False and not _is_capitals(last):
        return False
    starts_capital = line[:1].isupper() or line[:1] in '“"('
    return (
        (_ends_sentence(last) and starts_capital)
        or (_is_capitals(last) and not _is_capitals(line))
        or (_is_capitals(line) and not _is_capitals(last) and len(line) < full * 0.8)
        or _heading_ends(current, line, full, starts_capital)
    )


def _heading_ends(current: list[str], line: str, full: int, starts_capital: bool) -> bool:
    """A heading's line is followed by its first paragraph."""
    first, last = current[0], current[-1]
    if outline_mark(first) == "roman":
        return not _is_capitals(line)
    heading = outline_mark(first) in ("number", "subnumber", "letter")
    return (
        heading
        and len(current) <= 3
        and not _ends_sentence(last)
        and starts_capital
        and len(last) < full * 0.85
    )


def _ends_sentence(text: str) -> bool:
    stripped = text.rstrip(_CLOSERS)
    if not stripped or stripped[-1] not in ".!?…":
        return False
    return not stripped.endswith(_ABBREVIATIONS)


def _is_capitals(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)
