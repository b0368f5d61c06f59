"""`python -m sxtdbv_desktop` and the `sxtdbv-desktop` command."""

from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    from sxtdbv_desktop.cli import main as cli_main  # noqa: PLC0415  (keeps start-up lean)

    return cli_main(argv)


if __name__ == "__main__":
    sys.exit(main())
