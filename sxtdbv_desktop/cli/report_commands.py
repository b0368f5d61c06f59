"""The `report` command: the consolidated results report as a PDF (and its tables as .xlsx)."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from sxtdbv_desktop.cli.common import add_db_option, add_plan_option, open_db, resolve_plan


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    report = subparsers.add_parser(
        "report",
        help="lập báo cáo tổng hợp kết quả thực hiện kế hoạch (PDF theo Nghị định 30/2020)",
    )
    add_db_option(report)
    add_plan_option(report)
    report.add_argument(
        "-o", "--output", type=Path, required=True, metavar="TỆP.pdf", help="tệp PDF cần ghi"
    )
    report.add_argument(
        "--xlsx", type=Path, metavar="TỆP.xlsx", help="ghi thêm các bảng và phụ lục ra tệp Excel"
    )
    report.add_argument(
        "--today", type=dt.date.fromisoformat, metavar="YYYY-MM-DD", help=argparse.SUPPRESS
    )
    report.set_defaults(run=run_report)


def run_report(args: argparse.Namespace) -> int:
    # reportlab and openpyxl load here, not when the command line (or the window) starts.
    from sxtdbv_desktop.report.content import build_report  # noqa: PLC0415
    from sxtdbv_desktop.report.output import save_appendix_xlsx, save_pdf  # noqa: PLC0415

    with open_db(args, create=False) as db:
        report = build_report(db, resolve_plan(db, args), args.today)
    pages = save_pdf(report, args.output)
    print(f"Đã ghi báo cáo ({pages} trang) vào {args.output}.")
    if args.xlsx is not None:
        save_appendix_xlsx(report, args.xlsx)
        print(f"Đã ghi các bảng và phụ lục vào {args.xlsx}.")
    return 0
