"""Edits made to a data file outside the program: its guards and its audit log.

The rules the file enforces itself (the guard triggers of `schema`, the audit triggers of
`audit`) live in the file, so a tool that opens it directly (a "DB Browser for SQLite") can
drop or change them. On each writable opening the installed triggers are compared with the
ones this version expects (the two specifications, SQL compared with its whitespace
normalised): what is missing, changed or foreign is reinstalled at once, in one transaction,
and the reinstallation is logged; a read-only opening can only warn. The audit log is chained
by hash (schema 0004), so a row changed or deleted in its middle shows as a break.

What a local file cannot protect against: someone who can write it can also rewrite it
whole, recomputing every link (the method is public); deleting the newest rows of the log
leaves the chain consistent; and the triggers only return at the next opening. The chain's
newest link, which `check` prints, lets a copy kept elsewhere (a backup, a printout) prove
what the log held.
"""

from __future__ import annotations

import logging

from sqlite_utils import Database

from sxtdbv_desktop import audit, schema

log = logging.getLogger(__name__)


def expected_triggers(db: Database) -> dict[str, str]:
    """The triggers this version of the program expects in `db`, by name."""
    statements = schema.guard_statements() + audit.expected_triggers(db)
    return {statement.split()[2]: statement for statement in statements}


def installed_triggers(db: Database) -> dict[str, str]:
    rows = db.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'").fetchall()
    return dict(rows)


def differing_triggers(db: Database) -> list[str]:
    """Names of the triggers missing, changed or unknown in `db`, sorted."""
    wanted, found = expected_triggers(db), installed_triggers(db)
    return sorted(name for name in wanted.keys() | found.keys() if not _same(wanted, found, name))


def _same(wanted: dict[str, str], found: dict[str, str], name: str) -> bool:
    # SQLite keeps a trigger's text as it was executed: nearly always equal as it is.
    expected, installed = wanted.get(name), found.get(name)
    return expected == installed or _normalised(expected) == _normalised(installed)


def reinstall_triggers(db: Database) -> list[str]:
    """Put every trigger back as expected (dropping foreign ones); the names repaired.

    Run before the connection's authorizer forbids dropping triggers (`storage.migrate`).
    """
    differing = differing_triggers(db)
    if not differing:
        return []
    wanted, found = expected_triggers(db), installed_triggers(db)
    with db.atomic():
        for name in differing:
            if name in found:
                db.execute(f'DROP TRIGGER "{name}"')
            if name in wanted:
                db.execute(wanted[name])
        path = getattr(db, "path", None)
        key = path.name if path is not None else ""
        audit.log_event(db, "database", key, "triggers_reinstalled", ", ".join(differing))
    log.warning("Đã cài lại các trigger bị sửa bên ngoài chương trình: %s", differing)
    return differing


def trigger_warning(names: list[str], *, repaired: bool) -> str:
    """What the user is told about triggers changed outside the program."""
    listed = ", ".join(names[:5]) + (f" và {len(names) - 5} quy tắc khác" if len(names) > 5 else "")
    what = (
        f"Một số quy tắc bảo vệ dữ liệu trong tệp ({listed}) đã bị sửa hoặc xóa bên ngoài "
        "chương trình"
    )
    if repaired:
        return (
            f"{what} và vừa được cài lại (đã ghi vào nhật ký thay đổi). Nên xem lại nhật ký và "
            "dữ liệu: trong lúc thiếu các quy tắc này, dữ liệu có thể đã bị sửa mà không ghi lại."
        )
    return (
        f"{what}; chưa cài lại được vì tệp đang mở chỉ để xem. Lần mở tệp để ghi tiếp theo, "
        "chương trình sẽ cài lại."
    )


def chain_warning(db: Database) -> str | None:
    """What the user is told when the audit log's hash chain is broken, or None."""
    if "audit_chain" not in db.table_names():
        return None
    found = audit.chain_break(db)
    if found is None:
        return None
    when = f" (ghi lúc {found.at.replace('T', ' ')})" if found.at else ""
    return (
        "Nhật ký thay đổi đã bị sửa hoặc bị xóa dòng bên ngoài chương trình: chuỗi mã kiểm tra "
        f"của nhật ký đứt tại dòng số {found.log_id}{when} (một dòng tại đó hoặc ngay trước "
        "đó đã bị sửa hay xóa). Nhật ký từ chỗ đó về trước không còn đáng tin; bản sao lưu "
        "cũ hơn vẫn giữ nhật ký nguyên vẹn."
    )


def _normalised(sql: str | None) -> str | None:
    return None if sql is None else " ".join(sql.split())


def file_warnings(db: Database) -> list[str]:
    """What is wrong with the guards and the audit log of a file opened read-only (`check`)."""
    warnings = []
    if differing := differing_triggers(db):
        warnings.append(trigger_warning(differing, repaired=False))
    if (chain := chain_warning(db)) is not None:
        warnings.append(chain)
    return warnings
