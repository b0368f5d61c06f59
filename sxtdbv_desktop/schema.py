"""What the database must hold: the domain's codes, and the guard triggers as a specification.

The schema itself is built by the frozen migrations of `sxtdbv_desktop.migrations`. Tables are
STRICT, so a float can never sneak into a money column; money is INTEGER đồng. The codes below
are the domain's; the migrations wrote them out literally when they shipped, so a code added
here needs a new migration that widens the CHECK constraints, and the test of the schema says so.
"""

from __future__ import annotations

AGENCY_KINDS = ("department", "district", "press", "association")
INDICATOR_KINDS = ("count", "share", "reduction", "yes_no")
TASK_STATUSES = ("not_started", "in_progress", "done", "cancelled")
REPORT_STATUSES = ("draft", "submitted", "accepted", "returned")


# --- the guards --------------------------------------------------------------------------------
# Rules that no code path may break, enforced by SQLite itself so that a bug, a crafted file or
# raw SQL on the connection cannot break them either: the audit log is append-only, an accepted
# report is frozen until reopened, the installation's mode is chosen once, and an agency
# installation changes neither the plan nor another agency's report. Each refusal is a
# RAISE(ABORT) (SQLITE_CONSTRAINT_TRIGGER), which `storage` turns into a `LockedError`.
# `guard_statements` is the specification of the guards after the newest migration: the
# migrations hold the same SQL frozen, and a test compares a new file's triggers with it.

MODE_KEY, AGENCY_KEY, USER_NAME_KEY = "installation_mode", "installation_agency", "user_name"
CONSOLIDATING, AGENCY = "consolidating", "agency"
INSTALLATION_MODES = (CONSOLIDATING, AGENCY)

PLAN_TABLES = (
    "plans",
    "legal_documents",
    "plan_recipients",
    "objectives",
    "targets",
    "agencies",
    "indicators",
    "indicator_reporters",
    "task_groups",
    "tasks",
    "task_assignments",
    "funding_sources",
    "budget_lines",
    "periods",
    "plan_settings",
    "report_texts",
    "plan_sections",
)
"""What the consolidating unit decides: an agency installation only reads these."""

REPORT_CHILDREN = ("task_results", "indicator_values", "source_spending")

MSG_PLAN_LOCKED = (
    "Máy này được cài đặt cho một đơn vị báo cáo nên không được thay đổi kế hoạch. "
    "Kế hoạch do Sở Công Thương quản lý và gửi tới."
)
MSG_OTHER_AGENCY = (
    "Máy này được cài đặt cho một đơn vị báo cáo nên chỉ được nhập và sửa báo cáo "
    "của chính đơn vị mình."
)
MSG_REVIEW = "Chỉ Sở Công Thương mới được chấp nhận hoặc trả lại báo cáo."
MSG_ACCEPTED = (
    "Báo cáo đã được chấp nhận nên không thể sửa. "
    "Muốn sửa, hãy mở lại báo cáo (thao tác này được ghi vào nhật ký)."
)
MSG_AUDIT = "Nhật ký thay đổi chỉ được ghi thêm: không được sửa hay xóa."
MSG_ACCEPTED_DELETE = (
    "Báo cáo đã được chấp nhận nên không thể xóa, kể cả khi xóa cơ quan của báo cáo. "
    "Muốn xóa, hãy mở lại báo cáo trước (thao tác này được ghi vào nhật ký)."
)
MSG_MODE = "Chế độ sử dụng và đơn vị đã được chọn lúc cài đặt, không thể thay đổi."

_IS_AGENCY = f"(SELECT value FROM app_settings WHERE key = '{MODE_KEY}') = '{AGENCY}'"
_OWN_CODE = f"(SELECT value FROM app_settings WHERE key = '{AGENCY_KEY}')"
_EVENTS = ("INSERT", "UPDATE", "DELETE")
_REPORT_CONTENT = (
    "plan_id",
    "period_id",
    "agency_id",
    "received_on",
    "general_assessment",
    "difficulties",
    "proposals",
    "source_file_name",
    "source_file_hash",
    "document_number",
    "document_date",
)


def _trigger(name: str, event: str, table: str, when: str, message: str) -> str:
    return (
        f"CREATE TRIGGER guard_{name} BEFORE {event} ON {table} WHEN {when}"
        f" BEGIN SELECT RAISE(ABORT, '{message}'); END"
    )


def _rows(event: str) -> tuple[str, ...]:
    """The row aliases a trigger on `event` can see."""
    return {"INSERT": ("NEW",), "UPDATE": ("OLD", "NEW"), "DELETE": ("OLD",)}[event]


def _report_status(row: str) -> str:
    return f"(SELECT status FROM reports WHERE id = {row}.report_id)"


def _report_agency_code(row: str) -> str:
    return (
        "(SELECT a.code FROM reports r JOIN agencies a ON a.id = r.agency_id"
        f" WHERE r.id = {row}.report_id)"
    )


def _agency_code(row: str) -> str:
    return f"(SELECT code FROM agencies WHERE id = {row}.agency_id)"


def guard_statements() -> list[str]:
    """The CREATE TRIGGER statements of every guard (see the comment above)."""
    statements = []
    for table in ("audit_log", "audit_chain"):  # the log and its hash chain (schema 0004)
        for event in ("UPDATE", "DELETE"):
            statements.append(_trigger(f"{table}_{event.lower()}", event, table, "1", MSG_AUDIT))
    # A link is only ever written by the log's own trigger, for the row just logged.
    statements.append(
        _trigger(
            "audit_chain_insert",
            "INSERT",
            "audit_chain",
            "NEW.log_id IS NOT (SELECT max(id) FROM audit_log)",
            MSG_AUDIT,
        )
    )
    keys = f"('{MODE_KEY}', '{AGENCY_KEY}')"
    statements += [
        _trigger("mode_update", "UPDATE", "app_settings", f"OLD.key IN {keys}", MSG_MODE),
        _trigger("mode_delete", "DELETE", "app_settings", f"OLD.key IN {keys}", MSG_MODE),
        _trigger(
            "mode_insert",
            "INSERT",
            "app_settings",
            f"NEW.key IN {keys} AND EXISTS (SELECT 1 FROM app_settings WHERE key = NEW.key)",
            MSG_MODE,
        ),
    ]
    plan_locked = f"{_IS_AGENCY} AND NOT sxtdbv_plan_loading()"
    for table in PLAN_TABLES:
        for event in _EVENTS:
            name = f"{table}_{event.lower()}_plan"
            statements.append(_trigger(name, event, table, plan_locked, MSG_PLAN_LOCKED))
    for event in _EVENTS:
        others = " OR ".join(f"{_agency_code(r)} IS NOT {_OWN_CODE}" for r in _rows(event))
        statements.append(
            _trigger(
                f"reports_{event.lower()}_agency",
                event,
                "reports",
                f"{_IS_AGENCY} AND ({others})",
                MSG_OTHER_AGENCY,
            )
        )
    review = "NEW.status IN ('accepted', 'returned')"
    statements += [
        _trigger(
            "reports_insert_review", "INSERT", "reports", f"{_IS_AGENCY} AND {review}", MSG_REVIEW
        ),
        _trigger(
            "reports_update_review",
            "UPDATE",
            "reports",
            f"{_IS_AGENCY} AND {review} AND NEW.status IS NOT OLD.status",
            MSG_REVIEW,
        ),
    ]
    statements.append(
        _trigger(
            "reports_delete_accepted",
            "DELETE",
            "reports",
            "OLD.status = 'accepted'",
            MSG_ACCEPTED_DELETE,
        )
    )
    changed = " OR ".join(f"NEW.{c} IS NOT OLD.{c}" for c in _REPORT_CONTENT)
    statements.append(
        _trigger(
            "reports_update_accepted",
            "UPDATE",
            "reports",
            f"OLD.status = 'accepted' AND NEW.status = 'accepted' AND ({changed})",
            MSG_ACCEPTED,
        )
    )
    for table in REPORT_CHILDREN:
        for event in _EVENTS:
            rows = _rows(event)
            # A child whose report is gone (a cascade from deleting it) has no agency or status
            # any more: `<>` and `=` are then NULL, so the guard lets the cascade through.
            others = " OR ".join(f"{_report_agency_code(r)} <> {_OWN_CODE}" for r in rows)
            accepted = " OR ".join(f"{_report_status(r)} = 'accepted'" for r in rows)
            statements += [
                _trigger(
                    f"{table}_{event.lower()}_agency",
                    event,
                    table,
                    f"{_IS_AGENCY} AND ({others})",
                    MSG_OTHER_AGENCY,
                ),
                _trigger(f"{table}_{event.lower()}_accepted", event, table, accepted, MSG_ACCEPTED),
            ]
    return statements
