"""The program's entry point: `sxtdbv-desktop` (the console script), `sxtdbv-desktop-gui` (the
same without a console window, on Windows), `python -m sxtdbv_ui`, and both programs of the bundle.

Without a command it opens the window; with one it hands the command line to the core's
`sxtdbv_desktop.cli`, which never names this layer: the window and the self-test reach it as a
`Frontend`. A command loads no Qt: the window's modules are imported only to open it. Nor does
the window load the command line: when it is asked for alone (nothing, or `--db TỆP`), the
parser and its command modules are not built (`sxtdbv_desktop.program_start`).
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from sxtdbv_desktop import program_start


def main(argv: Sequence[str] | None = None) -> int:
    """Run the program with `argv` (by default its own arguments); return the exit code."""
    arguments = sys.argv[1:] if argv is None else list(argv)
    db_path = program_start.window_only(arguments)
    if db_path is not None:  # what `cli.main` does without a command, minus the parser
        program_start.utf8_console()
        program_start.start_logging()
        return run_window(db_path)
    from sxtdbv_desktop import cli  # noqa: PLC0415  (the window does not need it)

    return cli.main(arguments, cli.Frontend(open_window=run_window, self_test=run_self_test))


def run_window(db_path: Path) -> int:
    from sxtdbv_ui import app  # noqa: PLC0415  (a command does not load Qt)

    return app.run(db_path)


def run_self_test() -> int:
    from sxtdbv_ui import self_test  # noqa: PLC0415

    return self_test.run()


if __name__ == "__main__":
    sys.exit(main())
