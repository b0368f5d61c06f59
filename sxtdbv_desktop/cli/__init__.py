"""The command line: `sxtdbv-desktop` (also `python -m sxtdbv_desktop`).

With no command it opens the window; commands work on a database file without a window.
Each command lives in a module of this package that registers itself in `COMMAND_MODULES`;
errors of the core reach the user as a Vietnamese message on stderr and a non-zero exit.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import logging
import os
import sys
import typing
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Protocol

from sxtdbv_desktop import __version__, disk, logs
from sxtdbv_desktop.cli.common import add_db_option, database_path
from sxtdbv_desktop.errors import SxtdbvError

COMMAND_MODULES = (
    "sxtdbv_desktop.cli.plan_commands",
    "sxtdbv_desktop.cli.report_commands",
    "sxtdbv_desktop.cli.safety_commands",
    "sxtdbv_desktop.cli.excel_commands",
    "sxtdbv_desktop.cli.plan_import_commands",
)
"""Modules that add commands: each has `register(subparsers)`."""

EXIT_ERROR, EXIT_USAGE = 1, 2


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


def build_parser() -> ArgumentParser:
    parser = ArgumentParser(
        prog="sxtdbv-desktop",
        description=(
            "SX&TDBV Desktop: quản lý Kế hoạch thực hiện Chương trình hành động quốc gia về "
            "sản xuất và tiêu dùng bền vững.\nKhông có câu lệnh: mở cửa sổ chương trình."
        ),
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"SX&TDBV Desktop {__version__}",
        help="hiện phiên bản rồi thoát",
    )
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


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    _utf8_console()
    args = build_parser().parse_args(argv)
    if args.self_test:  # touches nothing of the user's, not even the log
        return int(_qt_layer("ui.self_test").run())
    _start_logging()
    if args.command is None:
        return int(_qt_layer("ui.app").run(database_path(args)))
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


def _qt_layer(name: str) -> typing.Any:
    # The composition root: the only place the core hands over to the Qt layer.
    return importlib.import_module(name)


def _start_logging() -> None:
    """Events (backups, restores, locks taken over) go to the log file, not the console."""
    with contextlib.suppress(OSError):  # a data folder we cannot write: no log, still work
        logs.setup_logging()


def _utf8_console() -> None:
    """Vietnamese must survive a Windows console or a redirected output (cp1252 by default)."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(encoding="utf-8", errors="replace")
