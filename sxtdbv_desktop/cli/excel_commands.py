"""Commands on Excel files: `forms` (agency forms out), `import` (filled forms in), `export`."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from sqlite_utils import Database

from sxtdbv_desktop.agencies import find_agency
from sxtdbv_desktop.cli.common import add_db_option, add_plan_option, open_db, resolve_plan
from sxtdbv_desktop.errors import NotFoundError, SxtdbvError
from sxtdbv_desktop.labels import EXPORT_TABLES as TABLES
from sxtdbv_desktop.vnformat import format_date

if TYPE_CHECKING:
    from sxtdbv_desktop.excel.imports import ImportCheck

# openpyxl loads in the commands that use it, not when the command line (or the window) starts.


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    forms = subparsers.add_parser(
        "forms", help="tạo biểu mẫu Excel báo cáo cho từng cơ quan (một tệp mỗi cơ quan)"
    )
    add_db_option(forms)
    add_plan_option(forms)
    forms.add_argument(
        "--agency", nargs="+", metavar="MÃ", help="mã cơ quan (mặc định: mọi cơ quan)"
    )
    forms.add_argument(
        "-o", "--output", type=Path, required=True, metavar="THƯ_MỤC", help="thư mục ghi tệp"
    )
    forms.set_defaults(run=run_forms)

    imports = subparsers.add_parser(
        "import", help="nhập các biểu mẫu Excel đã điền (kiểm tra, xem thay đổi rồi ghi)"
    )
    add_db_option(imports)
    imports.add_argument("files", nargs="+", type=Path, metavar="TỆP", help="tệp .xlsx đã điền")
    imports.add_argument(
        "--dry-run", action="store_true", help="chỉ kiểm tra và hiện thay đổi, không ghi gì"
    )
    imports.add_argument(
        "--today", type=dt.date.fromisoformat, metavar="YYYY-MM-DD", help=argparse.SUPPRESS
    )
    imports.set_defaults(run=run_import)

    export = subparsers.add_parser("export", help="xuất một bảng ra tệp Excel")
    add_db_option(export)
    add_plan_option(export)
    export.add_argument(
        "--table",
        required=True,
        choices=list(TABLES),
        help="bảng cần xuất: " + "; ".join(f"{k} = {v.lower()}" for k, v in TABLES.items()),
    )
    export.add_argument("--agency", metavar="MÃ", help="mã cơ quan (với --table report)")
    export.add_argument(
        "-o", "--output", type=Path, required=True, metavar="TỆP", help="tệp .xlsx cần ghi"
    )
    export.set_defaults(run=run_export)


def run_forms(args: argparse.Namespace) -> int:
    from sxtdbv_desktop.excel.forms import write_forms  # noqa: PLC0415

    with open_db(args, create=False) as db:
        plan_id = resolve_plan(db, args)
        agency_ids = (
            [_agency_id(db, plan_id, code) for code in args.agency] if args.agency else None
        )

        def progress(done: int, total: int, name: str) -> None:
            print(f"[{done}/{total}] {args.output / name}")

        written = write_forms(db, plan_id, args.output, agency_ids, progress=progress)
    print(f"Đã tạo {len(written)} biểu mẫu trong {args.output}.")
    return 0


def run_import(args: argparse.Namespace) -> int:
    from sxtdbv_desktop.excel.imports import (  # noqa: PLC0415
        apply_import,
        check_file,
        duplicate_problems,
    )

    failures = 0
    with open_db(args, create=False) as db:
        checks: list[ImportCheck] = []
        for path in args.files:
            try:
                checks.append(check_file(db, path))
            except SxtdbvError as error:
                print(f"Lỗi: {error.message}", file=sys.stderr)
                failures += 1
        duplicates = duplicate_problems(checks)
        for index, check in enumerate(checks):
            if index in duplicates:
                print(f"Lỗi: {duplicates[index]}", file=sys.stderr)
                failures += 1
                continue
            print(describe(check))
            if args.dry_run or not check.has_changes:
                continue
            try:
                apply_import(db, check, today=args.today)
            except SxtdbvError as error:
                print(f"Lỗi: {error.message}", file=sys.stderr)
                failures += 1
                continue
            day = format_date(args.today or dt.date.today())
            print(f"  → Đã nhập báo cáo của {check.agency.name} (ngày nhận {day}).")
    if args.dry_run:
        print("Chạy thử (--dry-run): chưa ghi gì vào dữ liệu.")
    return 1 if failures else 0


def describe(check: ImportCheck) -> str:
    from sxtdbv_desktop.excel.imports import NO_CHANGE  # noqa: PLC0415

    """The preview of one checked file, a few lines of Vietnamese."""
    head = f"{check.file_name} — {check.agency.name}, {check.period.name}"
    if check.same_file:
        return f"{head}: {NO_CHANGE} (tệp này đã được nhập)."
    if not check.changes:
        return f"{head}: {NO_CHANGE}."
    lines = [f"{head}: {len(check.changes)} thay đổi"]
    lines += [f"  {c.item} — {c.field}: {_short(c.old)} → {_short(c.new)}" for c in check.changes]
    if check.lock_reason:
        lines.append(f"  Không thể nhập: {check.lock_reason}")
    return "\n".join(lines)


def _short(text: str, limit: int = 60) -> str:
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"


def run_export(args: argparse.Namespace) -> int:
    from sxtdbv_desktop.excel.exports import export_table  # noqa: PLC0415

    with open_db(args, create=False) as db:
        plan_id = resolve_plan(db, args)
        agency_id = _agency_id(db, plan_id, args.agency) if args.agency else None
        path = export_table(db, plan_id, args.table, args.output, agency_id=agency_id)
    print(f"Đã xuất bảng {TABLES[args.table].lower()} ra {path}.")
    return 0


def _agency_id(db: Database, plan_id: int, code: str) -> int:
    agency = find_agency(db, plan_id, code)
    if agency is None:
        raise NotFoundError(f"Không có cơ quan mã {code} trong kế hoạch.")
    return agency.id
