"""What start-up loads: the window's modules, not the Excel, PDF, Word or report code (those
load when a command first needs them, which keeps the start to the window short)."""

from __future__ import annotations

import subprocess
import sys

HEAVY = ("openpyxl", "reportlab", "PIL", "PySide6.QtPdf", "docx", "pypdf", "lxml")


def test_the_command_line_and_the_window_start_without_excel_or_pdf_code() -> None:
    script = (
        "import sys\n"
        "import sxtdbv_desktop.cli as cli\n"
        "cli.build_parser()\n"
        "import ui.app, ui.commands\n"
        f"print(sorted(m for m in {HEAVY!r} if m in sys.modules))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "[]"
