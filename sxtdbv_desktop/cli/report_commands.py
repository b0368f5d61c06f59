"""The `report` command: the consolidated results report as a Word document (.docx) or a PDF,
in either variant, and its tables as an Excel workbook."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from sxtdbv_desktop.cli.common import add_db_option, add_plan_option, open_db, resolve_plan
from sxtdbv_desktop.errors import ValidationError
from sxtdbv_desktop.report_settings import SO, VARIANT_LABELS, VARIANTS

FORMATS = (".pdf", ".docx")


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    report = subparsers.add_parser(
        "report",
        help="lập báo cáo tổng hợp kết quả thực hiện kế hoạch (Word .docx hoặc PDF, theo "
        "Nghị định 30/2020)",
    )
    add_db_option(report)
    add_plan_option(report)
    report.add_argument(
        "-o",
        "--output",
        type=Path,
        required=True,
        metavar="TỆP",
        help="tệp cần ghi: .docx (Word, để sửa trước khi ký) hoặc .pdf",
    )
    report.add_argument(
        "--variant",
        choices=VARIANTS,
        default=SO,
        help="; ".join(f"{key} = {label.lower()}" for key, label in VARIANT_LABELS.items()),
    )
    report.add_argument(
        "--xlsx", type=Path, metavar="TỆP.xlsx", help="ghi thêm các bảng và phụ lục ra tệp Excel"
    )
    report.add_argument(
        "--today", type=dt.date.fromisoformat, metavar="YYYY-MM-DD", help=argparse.SUPPRESS
    )
    report.set_defaults(run=run_report)


def run_report(args: argparse.Namespace) -> int:
    # reportlab, python-docx and openpyxl load here, not when the program starts.
    from sxtdbv_desktop.report.compose import document_of  # noqa: PLC0415
    from sxtdbv_desktop.report.output import save_appendix_xlsx, save_document  # noqa: PLC0415

    suffix = args.output.suffix.lower()
    if suffix not in FORMATS:
        raise ValidationError(str(args.output), "tên tệp phải có đuôi .docx (Word) hoặc .pdf.")
    with open_db(args, create=False) as db:
        document = document_of(db, resolve_plan(db, args), args.today, args.variant)
    pages = save_document(document, args.output)
    what = f"{pages} trang" if pages else "Word"
    print(f"Đã ghi báo cáo ({what}) vào {args.output}.")
    if args.xlsx is not None:
        save_appendix_xlsx(document, args.xlsx)
        print(f"Đã ghi các bảng và phụ lục vào {args.xlsx}.")
    return 0
