"""`python -m sxtdbv_ui`: the program as `sxtdbv-desktop` runs it (the window, or a command)."""

import sys

from sxtdbv_ui.launcher import main

if __name__ == "__main__":
    sys.exit(main())
