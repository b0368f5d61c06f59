"""The installation: which office uses this data file, for which agency, and who is typing.

Chosen once, at first start. The consolidating unit (Sở Công Thương) keeps the plan and
collects every agency's report. An agency installation only fills in its own agency's report
and exports it as a file for the Sở to import; its plan comes from the embedded default or from
a plan file the Sở sends. Mode and agency live in the file's `app_settings`, where the guards of
schema 0002 read them: the rule holds for every code path, not only for the buttons shown.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from sxtdbv_desktop import audit, rule_words
from sxtdbv_desktop.agencies import Agency, find_agency
from sxtdbv_desktop.errors import ConflictError, ValidationError
from sxtdbv_desktop.labels import SETTINGS
from sxtdbv_desktop.reports import Report, ensure_report
from sxtdbv_desktop.schema import (
    AGENCY,
    AGENCY_KEY,
    CONSOLIDATING,
    INSTALLATION_MODES,
    MODE_KEY,
    USER_NAME_KEY,
)
from sxtdbv_desktop.storage import allow_plan_loading
from sxtdbv_desktop.text import clean_line

__all__ = ["AGENCY", "CONSOLIDATING", "Installation"]


@dataclass(frozen=True)
class Installation:
    mode: str | None  # CONSOLIDATING, AGENCY, or None before the first start
    agency_code: str | None  # the agency of an agency installation
    user_name: str  # the name typed at first start, recorded with every change

    @property
    def is_set_up(self) -> bool:
        return self.mode is not None

    @property
    def is_agency(self) -> bool:
        return self.mode == AGENCY


def load(db: Database) -> Installation:
    """The installation settings stored in `db`."""
    settings = dict(
        db.execute(
            "SELECT key, value FROM app_settings WHERE key IN (?, ?, ?)",
            [MODE_KEY, AGENCY_KEY, USER_NAME_KEY],
        ).fetchall()
    )
    return Installation(
        mode=settings.get(MODE_KEY),
        agency_code=settings.get(AGENCY_KEY),
        user_name=settings.get(USER_NAME_KEY, ""),
    )


def needs_first_start(db: Database) -> bool:
    """Whether the mode has not been chosen yet (a new file, or one from before version 0.2)."""
    return not load(db).is_set_up


def set_up(
    db: Database,
    mode: str,
    user_name: str,
    agency_code: str | None = None,
    *,
    plan_data: dict[str, Any] | None = None,
) -> None:
    """Record the first-start choices, once, in one transaction.

    `plan_data` (a parsed plan file) is loaded first, in the same transaction: an agency
    installation picks its agency from that plan. Nothing is saved if anything is wrong.
    """
    # Plan files are read on first start or on demand, not each time the window opens.
    from sxtdbv_desktop import plan_file  # noqa: PLC0415

    if mode not in INSTALLATION_MODES:
        raise ValidationError(SETTINGS["installation_mode"], rule_words.INVALID)
    name = _checked_name(user_name)
    if load(db).is_set_up:
        raise ConflictError("Tệp dữ liệu này đã được cài đặt chế độ sử dụng.")
    if mode == CONSOLIDATING:
        agency_code = None
    previous = bound_actor(db)
    _rebind(db, name)  # the set-up itself is recorded under the new name
    try:
        with db.atomic():
            if plan_data is not None:
                plan_file.load_plan(db, plan_data)
            if mode == AGENCY:
                _check_agency(db, agency_code)
            rows = [(MODE_KEY, mode), (USER_NAME_KEY, name)]
            if agency_code is not None:
                rows.append((AGENCY_KEY, agency_code))
            for key, value in rows:
                db.execute("INSERT INTO app_settings (key, value) VALUES (?, ?)", [key, value])
            audit.log_event(db, "app_settings", MODE_KEY, "set_up", mode)
    except BaseException:
        audit.bind_actor(db.conn, previous)
        raise


def set_user_name(db: Database, user_name: str) -> None:
    """Change the name recorded with every change from now on."""
    name = _checked_name(user_name)
    with db.atomic():
        db.table("app_settings").upsert({"key": USER_NAME_KEY, "value": name}, pk="key")
    _rebind(db, name)


def actor(db: Database) -> audit.Actor:
    """The Windows login and the entered name, as the audit log records them."""
    return audit.Actor.current(name=load(db).user_name)


def own_agency(db: Database, plan_id: int) -> Agency | None:
    """The agency of an agency installation in plan `plan_id` (None for the consolidating unit)."""
    code = load(db).agency_code
    return find_agency(db, plan_id, code) if code else None


def own_report(db: Database, plan_id: int, period_id: int) -> Report:
    """The agency installation's own report for the period, created as a draft if needed.

    This is what an agency installation exports for the Sở: hand it to the Excel form writer
    (`write_form(..., report=...)`, issue 4).
    """
    agency = own_agency(db, plan_id)
    if agency is None:
        raise ValidationError("Đơn vị", "máy này không được cài đặt cho một đơn vị báo cáo.")
    return ensure_report(db, period_id, agency.id)


def load_plan_file(db: Database, path: Path) -> int:
    """Load a plan file the Sở sent; an agency installation may do this and nothing else."""
    from sxtdbv_desktop import plan_file  # noqa: PLC0415  (see set_up)

    data = plan_file.read_plan_file(path)
    with allow_plan_loading(db):
        return plan_file.load_plan(db, data)


def _check_agency(db: Database, code: str | None) -> None:
    if not code:
        raise ValidationError("Đơn vị", "hãy chọn đơn vị của máy này.")
    (found,) = db.execute("SELECT count(*) FROM agencies WHERE code = ?", [code]).fetchone()
    if not found:
        raise ValidationError("Đơn vị", f"không có đơn vị mã {code} trong kế hoạch.")


def _checked_name(user_name: str) -> str:
    name = clean_line(user_name)
    if not name:
        raise ValidationError("Họ và tên", "không được để trống (tên được ghi vào nhật ký).")
    if len(name) > 100:
        raise ValidationError("Họ và tên", "dài quá 100 ký tự.")
    return name


def bound_actor(db: Database) -> audit.Actor:
    """The actor the connection's audit triggers record now."""
    os_user, name = db.execute("SELECT sxtdbv_os_user(), sxtdbv_user_name()").fetchone()
    return audit.Actor(os_user=os_user, name=name)


def _rebind(db: Database, name: str) -> None:
    os_user = bound_actor(db).os_user
    audit.bind_actor(db.conn, audit.Actor(os_user=os_user, name=name))
