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
from sxtdbv_desktop.vnformat import format_date, parse_date

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
        "--agency",
        nargs="+",
        metavar="MÃ",
        help="mã cơ quan (mặc định: mọi cơ quan phải báo cáo; báo chí, hội chỉ khi ghi mã)",
    )
    forms.add_argument(
        "--strict",
        action="store_true",
        help="không tạo biểu mẫu nếu còn nhiệm vụ, chỉ tiêu hay cơ quan chưa được phân công",
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
        "--received",
        type=_date,
        metavar="dd/mm/yyyy",
        help="ngày Sở nhận báo cáo (mặc định: hôm nay); dùng để tính đúng hạn",
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
    from sxtdbv_desktop.excel.forms import write_forms, written_text  # noqa: PLC0415

    with open_db(args, create=False) as db:
        plan_id = resolve_plan(db, args)
        agency_ids = (
            [_agency_id(db, plan_id, code) for code in args.agency] if args.agency else None
        )
        # The whole round of forms is checked; one agency's form asked by name is not.
        if agency_ids is None and not _ready_for_forms(db, plan_id, strict=args.strict):
            return EXIT_NOT_READY

        def progress(done: int, total: int, name: str) -> None:
            print(f"[{done}/{total}] {args.output / name}")

        written = write_forms(db, plan_id, args.output, agency_ids, progress=progress)
    print(written_text(len(written), args.output))
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
            received = args.received or args.today or dt.date.today()
            try:
                apply_import(db, check, received_on=received)
            except SxtdbvError as error:
                print(f"Lỗi: {error.message}", file=sys.stderr)
                failures += 1
                continue
            day = format_date(received)
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
    if check.missing:
        lines.append(f"  Còn thiếu {len(check.missing)} mục (vẫn nhận; tính là chưa có số liệu):")
        lines += [f"    – {item}" for item in check.missing]
    lines += [f"  Lưu ý: {warning}" for warning in check.warnings]
    if check.lock_reason:
        lines.append(f"  Không thể nhập: {check.lock_reason}")
    return "\n".join(lines)


def _short(text: str, limit: int = 60) -> str:
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"


def run_export(args: argparse.Namespace) -> int:
    from sxtdbv_desktop.excel.exports import export_table, exported_text  # noqa: PLC0415

    with open_db(args, create=False) as db:
        plan_id = resolve_plan(db, args)
        agency_id = _agency_id(db, plan_id, args.agency) if args.agency else None
        path = export_table(db, plan_id, args.table, args.output, agency_id=agency_id)
    print(exported_text(args.table, path))
    return 0


EXIT_NOT_READY = 1


def _ready_for_forms(db: Database, plan_id: int, *, strict: bool) -> bool:
    """The check before forms go out, on stderr; with `strict`, a gap stops the command."""
    from sxtdbv_desktop.readiness import check_before_forms, gaps_heading  # noqa: PLC0415

    check = check_before_forms(db, plan_id)
    proposals = check.proposed_assignments + check.proposed_reporters
    if proposals:
        print(
            f"Lưu ý: {proposals} phân công là đề xuất từ nội dung Kế hoạch, chưa được Sở xác "
            "nhận (xem lệnh proposals); vẫn dùng để tạo biểu mẫu.",
            file=sys.stderr,
        )
    if check.ready:
        return True
    word = "Lỗi" if strict else "Cảnh báo"
    print(f"{word}: {gaps_heading(check)}", file=sys.stderr)
    for gap in check.gaps:
        print(f"  – {gap}. Cách sửa: {gap.fix}", file=sys.stderr)
    if strict:
        print("Chưa tạo biểu mẫu nào (--strict).", file=sys.stderr)
    return not strict


def _date(text: str) -> dt.date:
    try:
        return parse_date(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def _agency_id(db: Database, plan_id: int, code: str) -> int:
    agency = find_agency(db, plan_id, code)
    if agency is None:
        raise NotFoundError(f"Không có cơ quan mã {code} trong kế hoạch.")
    return agency.id
