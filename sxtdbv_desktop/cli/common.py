"""What every command shares: the database option, opening it, and choosing the plan."""

from __future__ import annotations

import argparse
import contextlib
import sys
from collections.abc import Iterator
from pathlib import Path

from sqlite_utils import Database

from sxtdbv_desktop import program_start
from sxtdbv_desktop.errors import NotFoundError
from sxtdbv_desktop.paths import default_database_path
from sxtdbv_desktop.plans import list_plans
from sxtdbv_desktop.session import open_session


def add_db_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        program_start.DB_OPTION,
        type=Path,
        default=argparse.SUPPRESS,
        metavar="TỆP",
        help=f"tệp dữ liệu SQLite (mặc định: {default_database_path()})",
    )


def add_plan_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--year", type=int, metavar="NĂM", help="năm của kế hoạch (mặc định: năm mới nhất)"
    )
    parser.add_argument(
        "--province", metavar="TỈNH", help="tỉnh, khi tệp có kế hoạch của nhiều tỉnh"
    )


def database_path(args: argparse.Namespace) -> Path:
    db: Path | None = getattr(args, "db", None)
    return db if db is not None else default_database_path()


@contextlib.contextmanager
def open_db(args: argparse.Namespace, *, create: bool = True) -> Iterator[Database]:
    """The command's database, closed afterwards whatever happens.

    While another program writes the file, it is opened read-only: reading commands work,
    writing ones fail with the reason (see `session.open_session`).
    """
    session = open_session(database_path(args), create=create, safeguards=False)
    for warning in session.warnings:  # what the window shows in its banner
        print(f"Cảnh báo: {warning}", file=sys.stderr)
    try:
        yield session.db
    finally:
        session.close()


def resolve_plan(db: Database, args: argparse.Namespace) -> int:
    """The id of the plan chosen by --year/--province: by default the newest."""
    plans = list_plans(db)
    year, province = getattr(args, "year", None), getattr(args, "province", None)
    chosen = [
        p
        for p in plans
        if (year is None or p.year == year) and (province is None or p.province == province)
    ]
    if not chosen:
        wanted = " ".join(part for part in (f"năm {year}" if year else "", province or "") if part)
        raise NotFoundError(
            f"Tệp dữ liệu không có kế hoạch {wanted}.".replace("  ", " ")
            if wanted
            else "Tệp dữ liệu chưa có kế hoạch nào. Hãy chạy lệnh init trước."
        )
    return chosen[0].id
