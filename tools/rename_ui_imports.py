"""Install the Qt layer under the project's name: move the folder `ui/` to `sxtdbv_ui/` and
rewrite every reference to the package in the repository.

    .venv/bin/python tools/rename_ui_imports.py     (Windows: .venv\\Scripts\\python.exe ...)

Run from anywhere, with the project's environment (it formats the changed files with ruff).
It is idempotent: after a merge of work that still says `ui`, run it again; a tree already
renamed is left as it is. Its output is meant to be one commit of its own.

What it rewrites, in the files git knows (text files only):
- Python (`*.py`, `build.spec`), token by token: the package in import statements
  (`import ui`, `from ui.tabs import x`), dotted uses (`ui.msgbox`), every use of the name in a
  file that imports the bare package; inside strings and comments the text rules below; a
  string "ui." (a prefix of the package's module names), and a string "ui" only where it names
  the package: a path part after a path (`ROOT / "ui"`) or the module run by `-m`.
- Every text file: paths `ui/...`, dotted names `ui.x` (and `ui.*`), a code span `` `ui` ``,
  `import ui` / `from ui` in text, and `-m ui`. Never a longer word (`tests/ui/`,
  `tests.ui`, `bench ui`, the TCVN3 syllable "ui" of legacy_text stay).
- pyproject.toml: the package's strings (`"ui"`, `"ui*"`).
Files that speak of the old name on purpose are listed in KEPT.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import sys
import tokenize
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OLD, NEW = "ui", "sxtdbv_ui"
KEPT = {
    "tools/rename_ui_imports.py",
    "tests/test_rename_ui_imports.py",
    "tests/test_core_has_no_qt.py",  # forbids the old name in the core, whatever the layer's
    "tests/test_wheel_check.py",  # a wheel with a generic `ui` package must be refused
}
PYTHON_SUFFIXES = {".py", ".spec"}

_TEXT_RULES = [
    (re.compile(rf"(?<![\w./\\-]){OLD}(?=/)"), NEW),  # ui/ and ui/tabs/...
    (re.compile(rf"(?<![\w./\\-]){OLD}(?=\.[A-Za-z_*])"), NEW),  # ui.msgbox, ui.*
    (re.compile(rf"`{OLD}`"), f"`{NEW}`"),
    (re.compile(rf"(?<=\bimport ){OLD}\b(?![./-])"), NEW),
    (re.compile(rf"(?<=\bfrom ){OLD}\b(?![./-])"), NEW),
    (re.compile(rf"(?<=-m ){OLD}\b(?![./-])"), NEW),
]
_TOML_STRING = re.compile(rf"\"{OLD}(\*?)\"")


def rewrite_text(text: str) -> str:
    for pattern, replacement in _TEXT_RULES:
        text = pattern.sub(replacement, text)
    return text


def rewrite_toml(text: str) -> str:
    return _TOML_STRING.sub(rf'"{NEW}\1"', rewrite_text(text))


def _statements(tokens: list[tokenize.TokenInfo]) -> list[list[tokenize.TokenInfo]]:
    """The code tokens (no comments, blank lines or indentation) of each statement."""
    skip = {tokenize.NL, tokenize.COMMENT, tokenize.INDENT, tokenize.DEDENT, tokenize.ENCODING}
    statements: list[list[tokenize.TokenInfo]] = [[]]
    for token in tokens:
        if token.type in skip:
            continue
        if token.type in {tokenize.NEWLINE, tokenize.ENDMARKER} or token.string == ";":
            statements.append([])
        else:
            statements[-1].append(token)
    return [s for s in statements if s]


def _package_names(tokens: list[tokenize.TokenInfo]) -> list[tokenize.TokenInfo]:
    """The NAME tokens `ui` that are the package: the module of `from ui...`, the first part of
    each module of `import ui...`, and, in a file where `import` binds the name `ui`, every use
    of that name (not an attribute `x.ui`)."""
    found, binds = [], False
    statements = _statements(tokens)
    for statement in statements:
        first = statement[0].string
        if first == "from" and len(statement) > 1 and statement[1].string == OLD:
            found.append(statement[1])
        if first != "import":
            continue
        for i, token in enumerate(statement[1:], start=1):
            if token.string == OLD and statement[i - 1].string in {"import", ","}:
                found.append(token)
                # `import ui` or `import ui.tabs` binds the name; `import ui.tabs as t` does not
                binds = binds or not any(t.string == "as" for t in _module_of(statement, i))
    if binds:
        for statement in statements:
            for i, token in enumerate(statement):
                if (
                    token.type == tokenize.NAME
                    and token.string == OLD
                    and (i == 0 or statement[i - 1].string != ".")
                    and token not in found
                ):
                    found.append(token)
    return found


def _module_of(statement: list[tokenize.TokenInfo], i: int) -> list[tokenize.TokenInfo]:
    """The tokens of the imported module starting at `i`, up to the next comma."""
    end = next((j for j in range(i, len(statement)) if statement[j].string == ","), None)
    return statement[i:end]


def _offsets(source: str) -> list[int]:
    starts, total = [0], 0
    for line in source.splitlines(keepends=True):
        total += len(line)
        starts.append(total)
    return starts


def rewrite_python(source: str) -> str:
    tokens = list(tokenize.generate_tokens(io.StringIO(source).readline))
    line_start = _offsets(source)

    def span(token: tokenize.TokenInfo) -> tuple[int, int]:
        (row, col), (end_row, end_col) = token.start, token.end
        return line_start[row - 1] + col, line_start[end_row - 1] + end_col

    edits = [(*span(token), NEW) for token in _package_names(tokens)]
    text_types = {tokenize.STRING, tokenize.COMMENT}
    text_types.add(getattr(tokenize, "FSTRING_MIDDLE", tokenize.STRING))  # Python 3.12+
    for i, token in enumerate(tokens):
        if token.type not in text_types:
            continue
        start, end = span(token)
        old = source[start:end]
        new = rewrite_text(old)
        if token.type == tokenize.STRING and _is_package_string(tokens, i, old):
            new = old.replace(OLD, NEW)
        if new != old:
            edits.append((start, end, new))
    for start, end, new in sorted(edits, reverse=True):
        source = source[:start] + new + source[end:]
    return source


def _is_package_string(tokens: list[tokenize.TokenInfo], i: int, text: str) -> bool:
    """A plain string that names the package: "ui." (a prefix of its modules' names), or "ui"
    as a path part after a path (`ROOT / "ui"`, not `"tests" / "ui"`) or as the module of
    `-m`."""
    if text[0] not in "\"'" or text[-1] != text[0]:
        return False
    value = text.strip("\"'")
    if value == f"{OLD}.":
        return True
    if value != OLD:
        return False
    before = [t for t in tokens[:i] if t.type not in {tokenize.NL, tokenize.COMMENT}][-2:]
    if len(before) < 2:
        return False
    if before[1].string == "/":
        return before[0].type != tokenize.STRING
    return before[0].string in {'"-m"', "'-m'"} and before[1].string == ","


LIMIT = 100  # ruff's line-length


def wrap_long_lines(source: str) -> str:
    """Lines the longer name pushed past the limit, broken where ruff format cannot (it leaves
    comments, docstrings and `# fmt: skip` code alone): a comment goes on in a new comment, a
    docstring on a new line of the docstring, code in brackets after a comma, aligned with the
    bracket's contents. A line with no such place is left for a human."""
    for _ in range(10):  # a line may need more than one break
        lines = source.splitlines(keepends=True)
        tokens = list(tokenize.generate_tokens(io.StringIO(source).readline))
        breaks = {}
        for row, line in enumerate(lines, start=1):
            if len(line.rstrip("\r\n")) > LIMIT:
                found = _break(line.rstrip("\r\n"), row, tokens)
                if found is not None:
                    breaks[row] = found
        if not breaks:
            return source
        for row, (col, indent) in breaks.items():
            line = lines[row - 1]
            lines[row - 1] = line[:col].rstrip() + "\n" + indent + line[col:].lstrip()
        source = "".join(lines)
    return source


def _break(line: str, row: int, tokens: list[tokenize.TokenInfo]) -> tuple[int, str] | None:
    """Where to break `line` (row `row`) and the indentation of what follows, or None."""
    for col in sorted((c for c in range(LIMIT + 1) if line[c : c + 1] == " "), reverse=True):
        if not line[:col].strip():
            return None
        token = _token_at(tokens, row, col)
        if token is None:
            indent = _code_break(line, row, col, tokens)
        elif token.type == tokenize.COMMENT and not line[: token.start[1]].strip():
            indent = " " * token.start[1] + "# "
        elif token.type == tokenize.STRING and _is_docstring(tokens, token):
            indent = " " * _indentation(token)
        else:
            indent = None
        if indent is not None:
            return col, indent
    return None


def _token_at(tokens: list[tokenize.TokenInfo], row: int, col: int) -> tokenize.TokenInfo | None:
    """The string or comment token covering (row, col), if any."""
    for token in tokens:
        if (
            token.type in {tokenize.STRING, tokenize.COMMENT}
            and token.start <= (row, col) < token.end
        ):
            return token
    return None


def _code_break(line: str, row: int, col: int, tokens: list[tokenize.TokenInfo]) -> str | None:
    """After a comma inside brackets: the column just after the innermost open bracket."""
    if line[col - 1 : col] != ",":
        return None
    stack: list[int] = []
    for token in tokens:
        if token.start >= (row, col):
            break
        if token.type == tokenize.OP and token.string in "([{":
            stack.append(token.end[1])
        elif token.type == tokenize.OP and token.string in ")]}" and stack:
            stack.pop()
    return " " * stack[-1] if stack else None


def _is_docstring(tokens: list[tokenize.TokenInfo], token: tokenize.TokenInfo) -> bool:
    """A triple-quoted string standing alone as a statement (breaking it changes no value)."""
    if not token.string.lstrip("rbuRBU").startswith(('"""', "'''")):
        return False
    i = tokens.index(token)
    ignored = {tokenize.NL, tokenize.COMMENT, tokenize.INDENT, tokenize.DEDENT}
    before = next((t for t in reversed(tokens[:i]) if t.type not in ignored), None)
    after = next((t for t in tokens[i + 1 :] if t.type not in {tokenize.COMMENT}), None)
    alone_after = after is not None and after.type in {tokenize.NEWLINE, tokenize.ENDMARKER}
    if before is None:
        return alone_after
    starts = before.type in {tokenize.NEWLINE, tokenize.ENCODING} or before.string == ":"
    return starts and alone_after


def _indentation(token: tokenize.TokenInfo) -> int:
    """The indentation of the line a (docstring) token starts on."""
    return len(token.line) - len(token.line.lstrip()) if token.line else token.start[1]


def move_package() -> list[Path]:
    """`git mv` every tracked file of ui/ into sxtdbv_ui/; drop what only caches leave behind."""
    tracked = git("ls-files", "-z", "--", f"{OLD}/").split("\0")
    moved = []
    for name in filter(None, tracked):
        target = ROOT / NEW / Path(name).relative_to(OLD)
        if target.exists():
            sys.exit(f"{target.relative_to(ROOT)} exists already: merge it with {name} by hand")
        target.parent.mkdir(parents=True, exist_ok=True)
        git("mv", name, str(target.relative_to(ROOT)))
        moved.append(target)
    leftover = ROOT / OLD
    if leftover.is_dir():
        rest = [p for p in leftover.rglob("*") if p.is_file() and "__pycache__" not in p.parts]
        if rest:
            print(f"left in {OLD}/ (not tracked): {[str(p) for p in rest]}", file=sys.stderr)
        else:
            shutil.rmtree(leftover)
    return moved


def rewrite_files() -> list[Path]:
    changed = []
    for name in filter(None, git("ls-files", "-z").split("\0")):
        path = ROOT / name
        if name in KEPT or not path.is_file():
            continue
        raw = path.read_bytes()
        bom = raw.startswith(b"\xef\xbb\xbf")
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            continue  # a picture, a font, a workbook
        if path.suffix in PYTHON_SUFFIXES:
            new = rewrite_python(text)
        elif path.name == "pyproject.toml":
            new = rewrite_toml(text)
        else:
            new = rewrite_text(text)
        if new != text:
            path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + new.encode("utf-8"))
            changed.append(path)
    return changed


def git(*args: str) -> str:
    return subprocess.run(
        ["git", *args], cwd=ROOT, check=True, capture_output=True, text=True, encoding="utf-8"
    ).stdout


def format_python(paths: list[Path]) -> None:
    """Imports sorted again (sxtdbv_ui now sorts before tests) and lines rewrapped: by ruff,
    then by `wrap_long_lines` where ruff does not, then by ruff again."""
    python = [str(p) for p in paths if p.suffix == ".py"]
    if not python:
        return
    ruff = [sys.executable, "-m", "ruff"]
    subprocess.run([*ruff, "check", "--select", "I", "--fix", "-q", *python], cwd=ROOT, check=True)
    subprocess.run([*ruff, "format", "-q", *python], cwd=ROOT, check=True)
    for name in python:
        path = Path(name)
        text = path.read_text(encoding="utf-8")
        wrapped = wrap_long_lines(text)
        if wrapped != text:
            path.write_text(wrapped, encoding="utf-8")
    subprocess.run([*ruff, "format", "-q", *python], cwd=ROOT, check=True)


def main() -> int:
    moved = move_package()
    changed = rewrite_files()
    format_python(changed)
    print(f"{len(moved)} files moved from {OLD}/ to {NEW}/, {len(changed)} files rewritten.")
    left = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "--select", "E501", "-q", "."],
        cwd=ROOT,
        check=False,
        capture_output=True,
        text=True,
    ).stdout
    if left.strip():
        print(f"Lines still too long, to break by hand:\n{left}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
