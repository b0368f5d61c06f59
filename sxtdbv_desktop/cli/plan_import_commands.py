"""`import-plan`: read a plan from its Word, PDF or text document, print what was found and
what is flagged, and save it (not with --dry-run; with flags left only with --accept-flagged).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from sxtdbv_desktop import labels, vnformat
from sxtdbv_desktop.cli.common import add_db_option, database_path, open_db
from sxtdbv_desktop.plans import get_plan

if TYPE_CHECKING:
    from sxtdbv_desktop.plan_import.draft import Draft


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    command = subparsers.add_parser(
        "import-plan",
        help="nhập kế hoạch từ văn bản Word (.docx), PDF hoặc .txt: in những gì đọc được và "
        "những điểm cần kiểm tra, rồi lưu",
    )
    add_db_option(command)
    command.add_argument("file", type=Path, metavar="TỆP", help="văn bản kế hoạch")
    command.add_argument(
        "--dry-run", action="store_true", help="chỉ đọc và in ra, không lưu gì vào tệp dữ liệu"
    )
    command.add_argument(
        "--accept-flagged",
        action="store_true",
        help="lưu cả khi còn điểm cần kiểm tra, chấp nhận như chương trình đã đọc",
    )
    command.set_defaults(run=run_import_plan)


def run_import_plan(args: argparse.Namespace) -> int:
    # The reader loads for this command only: the window parses the command line too.
    from sxtdbv_desktop.plan_import.reader import read_plan  # noqa: PLC0415
    from sxtdbv_desktop.plan_import.saving import (  # noqa: PLC0415
        previous_plan,
        propose_previous,
        save_draft,
    )
    from sxtdbv_desktop.plan_import.sources import read_document  # noqa: PLC0415

    draft = read_plan(read_document(args.file))
    if args.dry_run and not database_path(args).exists():  # nothing to link to, nothing saved
        print("\n".join(describe(draft)))
        print("\nChưa lưu gì (--dry-run).")
        return 0
    with open_db(args, create=not args.dry_run) as db:
        earlier = previous_plan(db, draft)
        propose_previous(db, draft)
        print("\n".join(describe(draft, earlier.label if earlier else None)))
        if args.dry_run:
            print("\nChưa lưu gì (--dry-run).")
            return 0
        plan_id = save_draft(db, draft, accept_flagged=args.accept_flagged)
        print(f"\nĐã lưu kế hoạch {get_plan(db, plan_id).label}.")
    return 0


def describe(draft: Draft, previous: str | None = None) -> list[str]:
    """What was read, then what is flagged, in Vietnamese lines for a terminal."""
    plan = draft.plan
    lines = [f"Đã đọc {draft.source_name}:", *_header(draft), "", "Chỉ tiêu:"]
    for indicator in draft.indicators():
        link = f"  (năm trước: {indicator['previous']})" if indicator.get("previous") else ""
        lines.append(
            f"  {indicator['code']:<3} {labels.INDICATOR_KINDS[indicator['kind']]:<20} "
            f"{_threshold(indicator):<10} {indicator['plan_text']}{link}"
        )
    if previous:
        lines.append(f"  Chỉ tiêu được nối với chỉ tiêu cùng mã của kế hoạch {previous}.")
    lines += ["", "Nhiệm vụ:"]
    for section in ("content", "duty"):
        for group in draft.groups(section):
            lines.append(f"  {group['number']}. {group['title'][:70]} — {len(group['tasks'])} "
                         "nhiệm vụ")  # fmt: skip
    lines += [
        "",
        f"Kinh phí: {vnformat.format_money(plan['total_budget'])}"
        + (f" ({plan['budget_reference']})" if plan["budget_reference"] else ""),
        *(
            f"  Nguồn: {s['name']}" + _estimate(s["estimate"])
            for s in draft.data["funding_sources"]
        ),
        f"Cơ quan: {len(draft.data['agencies'])}; hạn báo cáo: {_deadline(plan)}.",
    ]
    flags = draft.unresolved()
    lines += ["", f"Cần kiểm tra: {len(flags)} điểm" + (":" if flags else ".")]
    lines += [f"  {'[bắt buộc] ' if f.blocking else ''}{f.message}" for f in flags]
    return lines


def _header(draft: Draft) -> list[str]:
    plan = draft.plan
    number = plan.get("document_number") or "(không có số)"
    return [
        f"  {plan.get('document_type', '')} {plan.get('title', '')}",
        f"  Tỉnh: {plan.get('province') or '?'}; năm: {plan.get('year') or '?'}; số: {number}; "
        f"cơ quan ban hành: {plan.get('issuing_body') or '?'}",
        f"  {draft.counts()}; đơn vị cấp địa phương: {plan.get('local_unit_name') or 'không nêu'}",
    ]


def _threshold(indicator: dict[str, object]) -> str:
    low, high = indicator["threshold"], indicator.get("exceed_above")
    unit = "%" if indicator["kind"] != "count" else ""
    return f"{low}{unit}" + (f" - {high}" if high is not None else "")


def _estimate(amount: object) -> str:
    return f": {vnformat.format_money(amount)}" if isinstance(amount, int) else ""


def _deadline(plan: dict[str, object]) -> str:
    value = plan.get("reporting_deadline")
    if not isinstance(value, str):
        return "chưa có"
    year, month, day = value.split("-")
    return f"{day}/{month}/{year}"
