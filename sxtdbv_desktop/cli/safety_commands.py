"""Commands that keep the data safe: `backup`, `backups`, `restore`, `check`, `audit`,
and `export-plan` (the plan file the Sở sends to agency installations)."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from sqlite_utils import Database

from sxtdbv_desktop import (
    audit,
    backup,
    disk,
    emptied,
    installation_files,
    integrity,
    locking,
    rule_words,
    tamper,
    vnformat,
)
from sxtdbv_desktop.cli.common import (
    add_db_option,
    add_plan_option,
    database_path,
    open_db,
    resolve_plan,
)
from sxtdbv_desktop.errors import StorageError
from sxtdbv_desktop.labels import DATA_FILE
from sxtdbv_desktop.storage import connect_read_only, needs_migration


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    save = subparsers.add_parser(
        "backup", help="sao lưu tệp dữ liệu ra một tệp khác (được cả khi chương trình đang mở)"
    )
    add_db_option(save)
    save.add_argument("-o", "--output", type=Path, required=True, metavar="TỆP", help="tệp sao lưu")
    save.set_defaults(run=run_backup)

    listing = subparsers.add_parser("backups", help="liệt kê các bản sao lưu bên cạnh tệp dữ liệu")
    add_db_option(listing)
    listing.set_defaults(run=run_backups)

    restore = subparsers.add_parser(
        "restore", help="khôi phục tệp dữ liệu từ một bản sao lưu (giữ lại bản bị thay)"
    )
    add_db_option(restore)
    restore.add_argument("backup_file", type=Path, metavar="TỆP_SAO_LƯU")
    restore.add_argument(
        "--change-mode",
        action="store_true",
        help="đồng ý khôi phục cả khi bản sao lưu là của chế độ sử dụng hay đơn vị khác",
    )
    restore.set_defaults(run=run_restore)

    check = subparsers.add_parser("check", help="kiểm tra tệp dữ liệu có bị hỏng không")
    add_db_option(check)
    check.set_defaults(run=run_check)

    log = subparsers.add_parser("audit", help="xuất nhật ký thay đổi ra tệp Excel")
    add_db_option(log)
    log.add_argument("-o", "--output", type=Path, required=True, metavar="TỆP.xlsx")
    log.add_argument("--from", dest="since", type=_day, metavar="dd/mm/yyyy", help="từ ngày")
    log.add_argument("--to", dest="until", type=_day, metavar="dd/mm/yyyy", help="đến ngày")
    log.add_argument("--text", default="", metavar="CHỮ", help="chỉ các dòng có chữ này")
    log.set_defaults(run=run_audit)

    export = subparsers.add_parser(
        "export-plan", help="xuất kế hoạch ra tệp (.json) để gửi các đơn vị báo cáo"
    )
    add_db_option(export)
    add_plan_option(export)
    export.add_argument("-o", "--output", type=Path, required=True, metavar="TỆP.json")
    export.set_defaults(run=run_export_plan)


def run_backup(args: argparse.Namespace) -> int:
    dest = backup.backup_to(database_path(args), args.output)
    print(f"Đã sao lưu vào {dest} ({_size(dest)}).")
    return 0


def run_backups(args: argparse.Namespace) -> int:
    path = database_path(args)
    found = backup.list_backups(path)
    if not found:
        print(f"Chưa có bản sao lưu nào trong {backup.backup_dir(path)}.")
        return 0
    for item in found:
        kind = "trước khi khôi phục" if item.kind == backup.BEFORE_RESTORE else "tự động"
        print(f"{item.taken_at:%d/%m/%Y %H:%M:%S}  {kind:<20} {_size(item.path):>10}  {item.path}")
    return 0


def run_restore(args: argparse.Namespace) -> int:
    path = database_path(args)
    allow = args.change_mode
    change = installation_files.mode_change(path, args.backup_file)
    if change is not None and not allow:
        print(f"Cảnh báo: {change}", file=sys.stderr)
        if not sys.stdin.isatty():
            raise installation_files.ModeChangeError(
                "Chưa khôi phục. Nếu đúng là muốn vậy, chạy lại lệnh với --change-mode."
            )
        answer = input("Vẫn khôi phục và chuyển chế độ sử dụng của máy này? (c/K) ")
        if answer.strip().lower() not in ("c", "có", "co"):
            print("Chưa khôi phục gì.")
            return 1
        allow = True
    kept = backup.restore(path, args.backup_file, allow_mode_change=allow)
    print(f"Đã khôi phục {path} từ {args.backup_file}.")
    if kept is not None:
        print(f"Bản dữ liệu bị thay được giữ lại tại {kept}.")
    return 0


def run_check(args: argparse.Namespace) -> int:
    path = database_path(args)
    if not path.is_file():
        raise StorageError("missing", rule_words.no_data_file(path))
    error = emptied.emptied_error(path)
    found = [] if error else integrity.file_problems(path)
    if error or found:
        good = backup.last_good_backup(path)
        hint = f" Bản sao lưu tốt gần nhất: {good.path}." if good else ""
        message = error.message if error else integrity.damaged(path, found).message
        raise StorageError("damaged", f"{message}{hint}")
    print(f"{DATA_FILE} {path} nguyên vẹn.")
    _print_outside_edits(path)
    obstacle = disk.write_obstacle(path)
    if obstacle is not None:  # healthy, but nothing can be saved there now
        print(f"Lưu ý: {obstacle.message}")
    owner = locking.read_owner(locking.lock_path(path))
    if owner is not None:
        print(owner.describe())
    return 0


def _print_outside_edits(path: Path) -> None:
    """The guards and the audit chain, as found; and the chain's newest link, a figure to note
    down that a later check can be compared with."""
    conn = connect_read_only(path)
    try:
        db = Database(conn, execute_plugins=False)
        if needs_migration(db):  # an older version's file: its triggers are those of its time
            return
        for warning in tamper.file_warnings(db):
            print(f"Cảnh báo: {warning}")
        rows, head = audit.chain_head(db)
    finally:
        conn.close()
    if head is not None:
        print(f"Nhật ký thay đổi: {rows} dòng, mã kiểm tra cuối {head[:16]}.")


def run_audit(args: argparse.Namespace) -> int:
    from sxtdbv_desktop import audit_view  # noqa: PLC0415  (openpyxl: only for this command)

    wanted = audit_view.AuditFilter(text=args.text, since=args.since, until=args.until)
    with open_db(args, create=False) as db:
        entries = audit_view.search(db, wanted)
        audit_view.export_xlsx(db, entries, args.output)
    print(f"Đã xuất {len(entries)} dòng nhật ký vào {args.output}.")
    return 0


def run_export_plan(args: argparse.Namespace) -> int:
    from sxtdbv_desktop.plan_file import write_plan_file  # noqa: PLC0415  (this command only)

    with open_db(args, create=False) as db:
        plan_id = resolve_plan(db, args)
        write_plan_file(db, plan_id, args.output)
    print(f"Đã xuất kế hoạch vào {args.output}.")
    return 0


def _day(text: str) -> dt.date:
    try:
        return vnformat.parse_date(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from error


def _size(path: Path) -> str:
    return f"{vnformat.format_number(max(1, round(path.stat().st_size / 1024)))} KB"
