"""What start-up loads: the window's modules, not the Excel, PDF, Word or report code, nor the
modules of commands and dialogs (those load when first needed, which keeps the start to the
window short: `python3 tools/dev.py bench startup` measures it)."""

from __future__ import annotations

import subprocess
import sys

HEAVY = ("openpyxl", "reportlab", "PIL", "PySide6.QtPdf", "docx", "pypdf", "lxml")
COMMANDS_ONLY = (
    "babel",  # numbers are grouped by vnformat itself
    "sxtdbv_desktop.plan_file",
    "sxtdbv_desktop.plan_import.reader",
    "sxtdbv_desktop.plan_import.sources",
    "sxtdbv_desktop.plan_import.saving",
    "sxtdbv_desktop.proposals",
    "sxtdbv_desktop.summary",
    "sxtdbv_desktop.completeness",
    "sxtdbv_desktop.plan_editing",
    "sxtdbv_desktop.report.document",
    "sxtdbv_ui.plan_import.wizard",
    "sxtdbv_ui.dialogs.plan_editor.list_tab",
    "sxtdbv_ui.dialogs.plan_editor.fields_dialog",
    "sxtdbv_ui.dialogs.new_plan_dialog",
    "sxtdbv_ui.dialogs.report_settings_dialog",
    "sxtdbv_ui.dialogs.report_dialog",
    "sxtdbv_ui.dialogs.task_dialog",
    "sxtdbv_ui.dialogs.task_status_dialog",
    "sxtdbv_ui.dialogs.proposals_dialog",
    "sxtdbv_ui.dialogs.agency_dialog",
    "sxtdbv_ui.dialogs.agency_roles_dialog",
    "sxtdbv_ui.dialogs.budget_line_dialog",
)


def loaded_at_start(candidates: tuple[str, ...]) -> list[str]:
    """Which of `candidates` a fresh interpreter holds after importing what the window's
    start imports (the command line's parser, the window and its commands)."""
    script = (
        "import sys\n"
        "import sxtdbv_desktop.cli as cli\n"
        "cli.build_parser()\n"
        "import sxtdbv_ui.app, sxtdbv_ui.commands\n"
        f"print(*sorted(m for m in {candidates!r} if m in sys.modules))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    ).stdout
    return out.split()


def test_the_command_line_and_the_window_start_without_excel_or_pdf_code() -> None:
    assert loaded_at_start(HEAVY) == []


def test_the_window_starts_without_the_modules_of_its_commands_and_dialogs() -> None:
    assert loaded_at_start(COMMANDS_ONLY) == []
