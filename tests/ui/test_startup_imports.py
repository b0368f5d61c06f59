"""What start-up loads: the window's modules, not the Excel, PDF, Word or report code, nor the
modules of commands and dialogs, nor the command line's parser, nor the tabs the window does
not open on (those load when first needed, which keeps the start to the window short:
`python3 tools/dev.py bench startup` measures it)."""

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


NOT_FOR_THE_FIRST_TAB = (
    "sxtdbv_desktop.cli",  # the launcher opens the window without the parser
    "sxtdbv_ui.tabs.tasks",
    "sxtdbv_ui.tabs.indicators",
    "sxtdbv_ui.tabs.budget",
    "sxtdbv_ui.tabs.reports",
    "sxtdbv_ui.tabs.agencies",
    "sxtdbv_ui.widgets.table_panel",
    "sxtdbv_ui.models.base",
    "sxtdbv_ui.delegates",
)
"""Built in the idle turns after the window shows on Tổng quan."""

COMMAND_LINE = "import sxtdbv_desktop.cli as cli\ncli.build_parser()\n"
WINDOW = "import sxtdbv_ui.launcher, sxtdbv_ui.app, sxtdbv_ui.commands, sxtdbv_ui.tabs.overview\n"


def loaded_at_start(candidates: tuple[str, ...], start: str = WINDOW) -> list[str]:
    """Which of `candidates` a fresh interpreter holds after importing what a start imports
    (by default the window's: its modules, its commands and its first tab)."""
    script = f"import sys\n{start}print(*sorted(m for m in {candidates!r} if m in sys.modules))\n"
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    ).stdout
    return out.split()


def test_the_command_line_and_the_window_start_without_excel_or_pdf_code() -> None:
    assert loaded_at_start(HEAVY, COMMAND_LINE + WINDOW) == []


def test_the_window_starts_without_the_modules_of_its_commands_and_dialogs() -> None:
    assert loaded_at_start(COMMANDS_ONLY) == []


def test_the_window_starts_without_the_parser_and_the_other_tabs() -> None:
    assert loaded_at_start(NOT_FOR_THE_FIRST_TAB) == []
