"""`python -m sxtdbv_desktop`: the commands alone, without the window.

The program's entry point, `sxtdbv-desktop`, is the Qt layer's launcher: it opens the window
when no command is given and hands every command to the same `cli.main`.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    from sxtdbv_desktop.cli import main as cli_main  # noqa: PLC0415  (keeps start-up lean)

    return cli_main(argv)


if __name__ == "__main__":
    sys.exit(main())
