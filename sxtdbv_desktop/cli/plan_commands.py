"""Commands on the plan itself: `init`, `summary`, `copy-plan`, `proposals`."""

from __future__ import annotations

import argparse
import datetime as dt
import json

from sqlite_utils import Database

from sxtdbv_desktop import consolidation, result_words, vnformat
from sxtdbv_desktop.cli.common import (
    add_db_option,
    add_plan_option,
    database_path,
    open_db,
    resolve_plan,
)
from sxtdbv_desktop.plans import copy_plan, get_plan, list_plans


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    init = subparsers.add_parser(
        "init", help="tạo tệp dữ liệu và nạp kế hoạch mặc định (Đồng Tháp, năm 2023)"
    )
    add_db_option(init)
    init.set_defaults(run=run_init)

    summary = subparsers.add_parser(
        "summary", help="tình hình tổng hợp: chỉ tiêu, kinh phí, tình hình nộp báo cáo"
    )
    add_db_option(summary)
    add_plan_option(summary)
    summary.add_argument("--json", action="store_true", help="in dạng JSON (khóa tiếng Anh)")
    summary.add_argument(
        "--today", type=dt.date.fromisoformat, metavar="YYYY-MM-DD", help=argparse.SUPPRESS
    )
    summary.set_defaults(run=run_summary)

    copy = subparsers.add_parser("copy-plan", help="tạo kế hoạch năm sau bằng cách sao chép")
    add_db_option(copy)
    add_plan_option(copy)
    copy.add_argument("--to", type=int, required=True, metavar="NĂM", help="năm của kế hoạch mới")
    copy.set_defaults(run=run_copy)

    proposed = subparsers.add_parser(
        "proposals", help="xem (và xác nhận) các phân công đề xuất từ nội dung kế hoạch"
    )
    add_db_option(proposed)
    add_plan_option(proposed)
    proposed.add_argument(
        "--confirm", action="store_true", help="xác nhận toàn bộ các đề xuất đang chờ"
    )
    proposed.set_defaults(run=run_proposals)


def run_proposals(args: argparse.Namespace) -> int:
    # Modules used by one command load with it: the window parses the command line too.
    from sxtdbv_desktop import proposals  # noqa: PLC0415

    with open_db(args, create=False) as db:
        plan_id = resolve_plan(db, args)
        pending = proposals.pending(db, plan_id)
        for proposal in pending:
            print(f"{proposal.reference}: {proposal.text}")
            print(f"  {proposal.agencies}")
            for basis in proposal.bases:
                print(f"  Căn cứ — {basis}")
        if not pending:
            print(proposals.NONE_PENDING)
        elif args.confirm:
            count = proposals.confirm(db, plan_id)
            print(f"Đã xác nhận {count} phân công của {len(pending)} mục.")
        else:
            print(f"{len(pending)} mục có phân công đề xuất; xác nhận tất cả: thêm --confirm.")
    return 0


def run_init(args: argparse.Namespace) -> int:
    from sxtdbv_desktop.plan_file import load_default_plan  # noqa: PLC0415  (this command only)

    path = database_path(args)
    with open_db(args) as db:
        if list_plans(db):
            print(f"Tệp {path} đã có kế hoạch; không nạp lại.")
            return 0
        plan = get_plan(db, load_default_plan(db))
    print(f"Đã tạo {path} với kế hoạch {plan.label}.")
    return 0


def run_summary(args: argparse.Namespace) -> int:
    from sxtdbv_desktop.summary import build_summary  # noqa: PLC0415  (this command only)

    with open_db(args, create=False) as db:
        plan_id = resolve_plan(db, args)
        if args.json:
            print(json.dumps(build_summary(db, plan_id, args.today), ensure_ascii=False, indent=2))
            return 0
        print(summary_text(db, plan_id, args.today))
    return 0


def run_copy(args: argparse.Namespace) -> int:
    with open_db(args, create=False) as db:
        source = get_plan(db, resolve_plan(db, args))
        new_id = copy_plan(db, source.id, args.to)
        print(f"Đã tạo kế hoạch {get_plan(db, new_id).label} từ kế hoạch {source.label}.")
    return 0


def summary_text(db: Database, plan_id: int, today: dt.date | None) -> str:
    """The consolidated status in a few Vietnamese lines, for a terminal."""
    plan = get_plan(db, plan_id)
    budget = consolidation.budget_summary(db, plan_id)
    reporting = consolidation.reporting_summary(db, plan_id, today=today)
    lines = [
        f"{plan.document_type.capitalize()} {plan.title}",
        f"Hạn báo cáo: {vnformat.format_date(plan.reporting_deadline)}.",
        "",
        "Chỉ tiêu:",
    ]
    lines += [
        f"  {r.indicator.code:<3} {result_words.indicator_result(r):<22} "
        f"{result_words.verdict(r):<19} "
        f"{r.indicator.name}"
        for r in consolidation.indicator_results(db, plan_id)
    ]
    lines += [
        "",
        f"Kinh phí: dự toán {vnformat.format_money(budget.total_estimate)}; "
        f"đã phân bổ {vnformat.format_money(budget.allocated)}; "
        f"đã giải ngân {vnformat.format_money(budget.disbursed)}; "
        f"chưa phân bổ {vnformat.format_money(budget.unallocated)}.",
        f"Báo cáo: {result_words.reporting_progress(reporting)}.",
    ]
    missing = [row.agency.name for row in reporting.agencies if not row.received]
    if missing:
        lines.append("Chưa nhận báo cáo của: " + "; ".join(missing) + ".")
    return "\n".join(lines)
