"""List the Vietnamese string literals of the code, and those typed in more than one module.

Standard library only (`ast`), so that it runs without the project's environment:

    python tools/wording_report.py              # the figures, and every literal repeated
    python tools/wording_report.py --check      # exit 1 if a literal of 3 words or more is
                                                # typed in two modules (tests run this)
    python tools/wording_report.py --all        # every Vietnamese literal, module by module

A literal is Vietnamese when it holds a letter with a Vietnamese diacritic ("đ", "ư", "ộ", …).
Docstrings are not literals. The pieces of an f-string between its fields count as literals
("{n} đơn vị đã báo cáo" gives " đơn vị đã báo cáo"). Two literals are the same text when
they are equal once spaces at their ends are dropped. A Vietnamese word is a syllable: "Kinh
phí đã chi" has four.
"""

from __future__ import annotations

import argparse
import ast
import sys
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("sxtdbv_desktop", "sxtdbv_ui")

# Letters with a diacritic that only Vietnamese uses among the languages the program meets,
# lower case; a text is compared in lower case.
_VIETNAMESE_LETTERS = frozenset(
    "àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ"
)

CHECK_MIN_WORDS = 3
"""`--check` refuses a repeated literal of at least this many words."""

ALLOWED_REPEATS: dict[str, str] = {
    # The plan reader looks for a document's own words; the labels say the same words.
    "huyện, thành phố": "plan_import.duties recognises it in a plan's text; labels says it",
    "cơ quan, đơn vị": "plan_import.indicators recognises it in a plan's text; labels says it",
    "PHÓ CHỦ TỊCH": "plan_import.tail recognises a signer's title; report_settings proposes it",
    "PHÓ GIÁM ĐỐC": "plan_import.tail recognises a signer's title; report_settings proposes it",
    # The self-test states what it expects to find.
    "Báo cáo đơn vị": "sxtdbv_ui.self_test checks the window has this tab",
    "Mức kế hoạch": "sxtdbv_ui.self_test draws a sample chart with the report's legend",
    # The same end of two sentences, each written whole where it is said.
    "trong kế hoạch.": "ends 'Không có cơ quan mã …' (cli) and '… đơn vị mã …' (installation)",
}
"""Literals of `CHECK_MIN_WORDS` words or more that may stay in more than one module."""

EXEMPT = ("sxtdbv_desktop.migrations.",)
"""Modules `--check` leaves alone: a migration is history, its SQL kept as it was released (the
installed triggers are compared with it), so a later migration repeats an earlier one's."""


@dataclass(frozen=True)
class Literal:
    text: str
    module: str
    line: int


def is_vietnamese(text: str) -> bool:
    """True when `text` holds a letter with a Vietnamese diacritic."""
    folded = unicodedata.normalize("NFC", text).lower()
    return any(letter in _VIETNAMESE_LETTERS for letter in folded)


def words(text: str) -> int:
    """How many words `text` has: its runs of characters between spaces that hold a letter or
    a digit ("Tiến độ (%)" has two)."""
    return sum(1 for token in text.split() if any(c.isalnum() for c in token))


def _docstrings(tree: ast.Module) -> set[int]:
    """The ids of the constants that are docstrings (of the module, a class, a function) or
    the documentation of an attribute (a string statement right after an assignment)."""
    found: set[int] = set()
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if not isinstance(body, list):
            continue
        for statement in body:
            if (
                isinstance(statement, ast.Expr)
                and isinstance(statement.value, ast.Constant)
                and isinstance(statement.value.value, str)
            ):
                found.add(id(statement.value))
    return found


def literals_of(source: str, module: str) -> Iterator[Literal]:
    """The Vietnamese string literals of one module's source."""
    tree = ast.parse(source)
    skipped = _docstrings(tree)
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and id(node) not in skipped
            and is_vietnamese(node.value)
        ):
            yield Literal(node.value.strip(), module, node.lineno)


def module_name(path: Path, root: Path) -> str:
    return ".".join(path.relative_to(root).with_suffix("").parts)


def modules(root: Path, packages: Sequence[str] = PACKAGES) -> Iterator[Path]:
    for package in packages:
        yield from sorted((root / package).rglob("*.py"))


def collect(root: Path, packages: Sequence[str] = PACKAGES) -> tuple[list[Literal], int]:
    """Every Vietnamese literal of the packages, and how many modules they have."""
    found: list[Literal] = []
    count = 0
    for path in modules(root, packages):
        count += 1
        found += literals_of(path.read_text(encoding="utf-8"), module_name(path, root))
    return found, count


def repeated(found: Iterable[Literal]) -> dict[str, list[Literal]]:
    """The literals typed in more than one module, by text, most modules first."""
    by_text: dict[str, list[Literal]] = defaultdict(list)
    for literal in found:
        by_text[literal.text].append(literal)
    shared = {
        text: places
        for text, places in by_text.items()
        if len({place.module for place in places}) > 1
    }
    return dict(
        sorted(shared.items(), key=lambda item: (-len({p.module for p in item[1]}), item[0]))
    )


def offending(
    found: Iterable[Literal], min_words: int = CHECK_MIN_WORDS
) -> dict[str, list[Literal]]:
    """The repeated literals `--check` refuses: `min_words` words or more, not allowed."""
    checked = [literal for literal in found if not literal.module.startswith(EXEMPT)]
    return {
        text: places
        for text, places in repeated(checked).items()
        if words(text) >= min_words and text not in ALLOWED_REPEATS
    }


def _places(places: Sequence[Literal]) -> str:
    return ", ".join(f"{p.module}:{p.line}" for p in places)


def figures(found: Sequence[Literal], module_count: int) -> str:
    shared = repeated(found)
    long_shared = [text for text in shared if words(text) >= CHECK_MIN_WORDS]
    allowed = sum(1 for text in long_shared if text in ALLOWED_REPEATS)
    exempt = sum(
        1 for text in long_shared if any(p.module.startswith(EXEMPT) for p in shared[text])
    )
    return (
        f"{len(found)} Vietnamese literals ({len({lit.text for lit in found})} distinct) "
        f"in {len({lit.module for lit in found})} of {module_count} modules; "
        f"{len(shared)} repeated across modules, {len(long_shared)} of them "
        f"of {CHECK_MIN_WORDS} words or more ({allowed} allowed, {exempt} in migrations, "
        f"{len(offending(found))} refused)"
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--check", action="store_true", help="fail on a repeated long literal")
    parser.add_argument("--all", action="store_true", help="list every Vietnamese literal")
    parser.add_argument("--root", type=Path, default=ROOT, help=argparse.SUPPRESS)
    options = parser.parse_args(argv)
    found, module_count = collect(options.root)
    out = sys.stdout
    if options.all:
        for literal in found:
            out.write(f"{literal.module}:{literal.line}: {literal.text!r}\n")
    if options.check:
        bad = offending(found)
        for text, places in bad.items():
            out.write(f"{text!r} typed in {len({p.module for p in places})} modules: ")
            out.write(_places(places) + "\n")
        if bad:
            out.write(
                f"{len(bad)} literal(s) of {CHECK_MIN_WORDS} words or more typed in more than "
                "one module: define each once (sxtdbv_desktop/labels.py and the core's wording "
                "modules) and use it, or add it to ALLOWED_REPEATS with the reason.\n"
            )
            return 1
        out.write(figures(found, module_count) + "\n")
        return 0
    for text, places in repeated(found).items():
        out.write(f"{len({p.module for p in places})}× {text!r}: {_places(places)}\n")
    out.write(figures(found, module_count) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
