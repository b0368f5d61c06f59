"""The command line: commands that work on a database file without a window.

The program's entry point (`sxtdbv-desktop`) is the Qt layer's launcher, which hands the command
line to `main` with a `Frontend`: the window opened when no command is given, and the
installation's self-test. The core never names that layer; `python -m sxtdbv_desktop` runs the
commands alone. Each command lives in a module of this package that registers itself in
`COMMAND_MODULES`; errors of the core reach the user as a Vietnamese message on stderr and a
non-zero exit.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import os
import sys
import typing
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from sxtdbv_desktop import __version__, disk
from sxtdbv_desktop.cli.common import add_db_option, database_path
from sxtdbv_desktop.errors import SxtdbvError
from sxtdbv_desktop.program_start import start_logging, utf8_console

COMMAND_MODULES = (
    "sxtdbv_desktop.cli.plan_commands",
    "sxtdbv_desktop.cli.report_commands",
    "sxtdbv_desktop.cli.safety_commands",
    "sxtdbv_desktop.cli.excel_commands",
    "sxtdbv_desktop.cli.plan_import_commands",
)
"""Modules that add commands: each has `register(subparsers)`."""

EXIT_ERROR, EXIT_USAGE = 1, 2

WINDOW_HELP = "Không có câu lệnh: mở cửa sổ chương trình."
NO_WINDOW_HELP = "Cửa sổ chương trình mở bằng lệnh sxtdbv-desktop không kèm câu lệnh."
NO_COMMAND = (
    "python -m sxtdbv_desktop chỉ chạy các câu lệnh, cần ghi một câu lệnh (xem --help); "
    "cửa sổ chương trình mở bằng lệnh sxtdbv-desktop không kèm câu lệnh."
)


@dataclass(frozen=True)
class Frontend:
    """What a program built on the core adds to its command line."""

    open_window: Callable[[Path], int]
    """Runs the window on a data file (no command given); returns the exit code."""
    self_test: Callable[[], int]
    """Checks the installation (`--self-test`) without touching the user's data; 0 if whole."""


class CommandModule(Protocol):
    def register(self, subparsers: argparse._SubParsersAction[ArgumentParser]) -> None: ...


class _Formatter(argparse.RawDescriptionHelpFormatter):
    def add_usage(
        self,
        usage: str | None,
        actions: Iterable[argparse.Action],
        groups: Iterable[argparse._MutuallyExclusiveGroup],
        prefix: str | None = None,
    ) -> None:
        super().add_usage(usage, actions, groups, "Cách dùng: " if prefix is None else prefix)


class ArgumentParser(argparse.ArgumentParser):
    """argparse speaking Vietnamese: titles, help and its own error messages."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        kwargs.setdefault("formatter_class", _Formatter)
        kwargs.setdefault("add_help", False)
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self._positionals.title = "Tham số"
        self._optionals.title = "Tùy chọn"
        self.add_argument("-h", "--help", action="help", help="hiện hướng dẫn này rồi thoát")

    def error(self, message: str) -> typing.NoReturn:
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"Lỗi: câu lệnh không hợp lệ ({message}).\n")


def build_parser(frontend: Frontend | None = None) -> ArgumentParser:
    """The parser of every command; with a `frontend`, also of the window and `--self-test`."""
    parser = ArgumentParser(
        prog="sxtdbv-desktop",
        description=(
            "SX&TDBV Desktop: quản lý Kế hoạch thực hiện Chương trình hành động quốc gia về "
            "sản xuất và tiêu dùng bền vững.\n"
            + (WINDOW_HELP if frontend is not None else NO_WINDOW_HELP)
        ),
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"SX&TDBV Desktop {__version__}",
        help="hiện phiên bản rồi thoát",
    )
    if frontend is not None:
        parser.add_argument(
            "--self-test",
            action="store_true",
            help="tự kiểm tra bản cài đặt (không mở cửa sổ, không đụng dữ liệu) rồi thoát",
        )
    add_db_option(parser)
    subparsers = parser.add_subparsers(
        dest="command", title="Câu lệnh", metavar="CÂU_LỆNH", parser_class=ArgumentParser
    )
    for name in COMMAND_MODULES:
        module: CommandModule = importlib.import_module(name)
        module.register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None, frontend: Frontend | None = None) -> int:
    """Run the command line; return the exit code. Without a command, `frontend` opens the
    window; without a frontend (`python -m sxtdbv_desktop`) a command is required."""
    utf8_console()
    parser = build_parser(frontend)
    args = parser.parse_args(argv)
    if frontend is not None and args.self_test:  # touches nothing of the user's, not the log
        return frontend.self_test()
    if args.command is None:
        return _without_command(parser, args, frontend)
    start_logging()
    return _run_command(args)


def _without_command(
    parser: ArgumentParser, args: argparse.Namespace, frontend: Frontend | None
) -> int:
    if frontend is None:
        parser.print_usage(sys.stderr)
        print(f"Lỗi: {NO_COMMAND}", file=sys.stderr)
        return EXIT_USAGE
    start_logging()
    return frontend.open_window(database_path(args))


def _run_command(args: argparse.Namespace) -> int:
    try:
        code: int = args.run(args)
    except SxtdbvError as error:
        print(f"Lỗi: {error.message}", file=sys.stderr)
        return EXIT_ERROR
    except BrokenPipeError:  # the output went to a program that stopped reading (| head)
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_ERROR
    except OSError as error:
        # The disk refused where no core function expected it: still words, not a traceback.
        logging.getLogger(__name__).warning("Lỗi hệ thống tệp", exc_info=True)
        place = Path(error.filename) if error.filename else database_path(args)
        print(f"Lỗi: {disk.os_storage_error(error, place).message}", file=sys.stderr)
        return EXIT_ERROR
    return code
