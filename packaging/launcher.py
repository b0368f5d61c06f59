"""Entry script of the frozen program (PyInstaller runs it as __main__)."""

import sys

from sxtdbv_desktop.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
