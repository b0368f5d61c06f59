"""Entry script of the frozen program (PyInstaller runs it as __main__): the same launcher as
the `sxtdbv-desktop` command, so both programs of the bundle open the window or run a command."""

import sys

from sxtdbv_ui.launcher import main

if __name__ == "__main__":
    sys.exit(main())
