"""The database schema, as an ordered list of recorded migrations (sqlite-utils `Migrations`).

Tables are STRICT, so a float can never sneak into a money column; money is INTEGER đồng.
Never edit a migration that has shipped: add a new one.
"""

from __future__ import annotations

from sqlite_utils import Database, Migrations

from sxtdbv_desktop import audit

MIGRATIONS = Migrations("sxtdbv")

AGENCY_KINDS = ("department", "district", "press", "association")
INDICATOR_KINDS = ("count", "share", "reduction", "yes_no")
TASK_STATUSES = ("not_started", "in_progress", "done", "cancelled")
REPORT_STATUSES = ("draft", "submitted", "accepted", "returned")


def _in(values: tuple[str, ...]) -> str:
    return "(" + ", ".join(f"'{v}'" for v in values) + ")"


_INITIAL = f"""
CREATE TABLE plans (
    id INTEGER PRIMARY KEY,
    year INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
    province TEXT NOT NULL CHECK (province <> ''),
    document_type TEXT NOT NULL,
    title TEXT NOT NULL CHECK (title <> ''),
    issuing_body TEXT NOT NULL,
    program_name TEXT NOT NULL,
    program_period TEXT NOT NULL,
    preamble TEXT NOT NULL DEFAULT '',
    targets_intro TEXT NOT NULL DEFAULT '',
    focal_agency_id INTEGER REFERENCES agencies(id) ON DELETE SET NULL,
    reporting_deadline TEXT NOT NULL,
    reporting_rule TEXT NOT NULL DEFAULT '',
    closing_text TEXT NOT NULL DEFAULT '',
    total_budget INTEGER NOT NULL CHECK (total_budget >= 0),
    budget_text TEXT NOT NULL DEFAULT '',
    budget_reference TEXT NOT NULL DEFAULT '',
    signature_authority TEXT NOT NULL DEFAULT '',
    signature_title TEXT NOT NULL DEFAULT '',
    signer_name TEXT NOT NULL DEFAULT '',
    copied_from_id INTEGER REFERENCES plans(id) ON DELETE SET NULL,
    created_at TEXT NOT NULL,
    UNIQUE (province, year)
) STRICT;

CREATE TABLE legal_documents (
    id INTEGER PRIMARY KEY,
    plan_id INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    number TEXT NOT NULL,
    signed_on TEXT,
    issuer TEXT NOT NULL DEFAULT '',
    summary TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE TABLE plan_recipients (
    id INTEGER PRIMARY KEY,
    plan_id INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    text TEXT NOT NULL
) STRICT;

CREATE TABLE objectives (
    id INTEGER PRIMARY KEY,
    plan_id INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    text TEXT NOT NULL
) STRICT;

CREATE TABLE targets (
    id INTEGER PRIMARY KEY,
    plan_id INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
    number INTEGER NOT NULL,
    text TEXT NOT NULL,
    UNIQUE (plan_id, number)
) STRICT;

CREATE TABLE agencies (
    id INTEGER PRIMARY KEY,
    plan_id INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    code TEXT NOT NULL CHECK (code <> ''),
    name TEXT NOT NULL CHECK (name <> ''),
    short_name TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN {_in(AGENCY_KINDS)}),
    must_report INTEGER NOT NULL DEFAULT 1 CHECK (must_report IN (0, 1)),
    UNIQUE (plan_id, code)
) STRICT;

CREATE TABLE indicators (
    id INTEGER PRIMARY KEY,
    plan_id INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
    target_id INTEGER NOT NULL REFERENCES targets(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    code TEXT NOT NULL,
    name TEXT NOT NULL,
    plan_text TEXT NOT NULL DEFAULT '',
    kind TEXT NOT NULL CHECK (kind IN {_in(INDICATOR_KINDS)}),
    threshold INTEGER NOT NULL CHECK (threshold >= 0),
    exceed_above INTEGER CHECK (exceed_above IS NULL OR exceed_above >= threshold),
    unit TEXT NOT NULL DEFAULT '',
    population_kind TEXT CHECK (population_kind IS NULL OR population_kind IN {_in(AGENCY_KINDS)}),
    input_labels TEXT NOT NULL DEFAULT '{{}}',
    UNIQUE (plan_id, code),
    CHECK (kind = 'count' OR threshold <= 100),
    CHECK ((kind = 'yes_no') = (population_kind IS NOT NULL))
) STRICT;

CREATE TABLE indicator_reporters (
    indicator_id INTEGER NOT NULL REFERENCES indicators(id) ON DELETE CASCADE,
    agency_id INTEGER NOT NULL REFERENCES agencies(id) ON DELETE CASCADE,
    PRIMARY KEY (indicator_id, agency_id)
) STRICT;

CREATE TABLE task_groups (
    id INTEGER PRIMARY KEY,
    plan_id INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
    section TEXT NOT NULL CHECK (section IN ('content', 'duty')),
    number INTEGER NOT NULL,
    title TEXT NOT NULL,
    UNIQUE (plan_id, section, number)
) STRICT;

CREATE TABLE tasks (
    id INTEGER PRIMARY KEY,
    plan_id INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
    group_id INTEGER NOT NULL REFERENCES task_groups(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    text TEXT NOT NULL CHECK (text <> ''),
    time_frame TEXT NOT NULL DEFAULT '',
    planned_output TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'not_started' CHECK (status IN {_in(TASK_STATUSES)}),
    note TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE TABLE task_assignments (
    task_id INTEGER NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
    agency_id INTEGER NOT NULL REFERENCES agencies(id) ON DELETE CASCADE,
    role TEXT NOT NULL CHECK (role IN ('lead', 'coordinator')),
    PRIMARY KEY (task_id, agency_id)
) STRICT;

CREATE TABLE funding_sources (
    id INTEGER PRIMARY KEY,
    plan_id INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    name TEXT NOT NULL CHECK (name <> ''),
    estimate INTEGER CHECK (estimate IS NULL OR estimate >= 0),
    UNIQUE (plan_id, name)
) STRICT;

CREATE TABLE budget_lines (
    id INTEGER PRIMARY KEY,
    plan_id INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
    source_id INTEGER NOT NULL REFERENCES funding_sources(id) ON DELETE RESTRICT,
    task_id INTEGER REFERENCES tasks(id) ON DELETE SET NULL,
    agency_id INTEGER REFERENCES agencies(id) ON DELETE SET NULL,
    description TEXT NOT NULL DEFAULT '',
    allocated INTEGER NOT NULL DEFAULT 0 CHECK (allocated >= 0),
    disbursed INTEGER NOT NULL DEFAULT 0 CHECK (disbursed >= 0)
) STRICT;

CREATE TABLE periods (
    id INTEGER PRIMARY KEY,
    plan_id INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
    code TEXT NOT NULL,
    name TEXT NOT NULL,
    starts_on TEXT NOT NULL,
    ends_on TEXT NOT NULL,
    deadline TEXT NOT NULL,
    UNIQUE (plan_id, code),
    CHECK (starts_on <= ends_on)
) STRICT;

CREATE TABLE reports (
    id INTEGER PRIMARY KEY,
    plan_id INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
    period_id INTEGER NOT NULL REFERENCES periods(id) ON DELETE CASCADE,
    agency_id INTEGER NOT NULL REFERENCES agencies(id) ON DELETE CASCADE,
    status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN {_in(REPORT_STATUSES)}),
    received_on TEXT,
    general_assessment TEXT NOT NULL DEFAULT '',
    difficulties TEXT NOT NULL DEFAULT '',
    proposals TEXT NOT NULL DEFAULT '',
    source_file_name TEXT NOT NULL DEFAULT '',
    source_file_hash TEXT NOT NULL DEFAULT '',
    review_note TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (period_id, agency_id)
) STRICT;

CREATE TABLE task_results (
    report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
    task_id INTEGER NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
    status TEXT NOT NULL DEFAULT 'not_started' CHECK (status IN {_in(TASK_STATUSES)}),
    progress INTEGER CHECK (progress IS NULL OR progress BETWEEN 0 AND 100),
    result TEXT NOT NULL DEFAULT '',
    spent INTEGER CHECK (spent IS NULL OR spent >= 0),
    PRIMARY KEY (report_id, task_id)
) STRICT;

CREATE TABLE indicator_values (
    report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
    indicator_id INTEGER NOT NULL REFERENCES indicators(id) ON DELETE CASCADE,
    count_value INTEGER CHECK (count_value IS NULL OR count_value >= 0),
    numerator INTEGER CHECK (numerator IS NULL OR numerator >= 0),
    denominator INTEGER CHECK (denominator IS NULL OR denominator >= 0),
    baseline INTEGER CHECK (baseline IS NULL OR baseline >= 0),
    current INTEGER CHECK (current IS NULL OR current >= 0),
    answer INTEGER CHECK (answer IS NULL OR answer IN (0, 1)),
    note TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (report_id, indicator_id),
    CHECK (numerator IS NULL OR denominator IS NULL OR numerator <= denominator)
) STRICT;

CREATE TABLE plan_settings (
    plan_id INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
    key TEXT NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY (plan_id, key)
) STRICT;

CREATE TABLE app_settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;

CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    os_user TEXT NOT NULL,
    user_name TEXT NOT NULL,
    action TEXT NOT NULL CHECK (action IN ('insert', 'update', 'delete', 'event')),
    entity TEXT NOT NULL,
    entity_key TEXT NOT NULL DEFAULT '',
    field TEXT NOT NULL DEFAULT '',
    old_value TEXT,
    new_value TEXT
) STRICT;

CREATE INDEX idx_tasks_group ON tasks (group_id, position);
CREATE INDEX idx_tasks_plan ON tasks (plan_id);
CREATE INDEX idx_assignments_agency ON task_assignments (agency_id);
CREATE INDEX idx_reports_plan ON reports (plan_id, period_id);
CREATE INDEX idx_reports_agency ON reports (agency_id);
CREATE INDEX idx_budget_lines_plan ON budget_lines (plan_id, source_id);
CREATE INDEX idx_indicators_plan ON indicators (plan_id, position);
CREATE INDEX idx_agencies_plan ON agencies (plan_id, position);
CREATE INDEX idx_audit_entity ON audit_log (entity, entity_key);
CREATE INDEX idx_audit_at ON audit_log (at);
"""


@MIGRATIONS(name="0001_initial")
def _initial(db: Database) -> None:
    for statement in _INITIAL.split(";\n"):
        if statement.strip():
            db.execute(statement)
    audit.install_triggers(db)


# --- 0002: the guards -------------------------------------------------------------------------
# Rules that no code path may break, enforced by SQLite itself so that a bug, a crafted file or
# raw SQL on the connection cannot break them either: the audit log is append-only, an accepted
# report is frozen until reopened, the installation's mode is chosen once, and an agency
# installation changes neither the plan nor another agency's report. Each refusal is a
# RAISE(ABORT) (SQLITE_CONSTRAINT_TRIGGER), which `storage` turns into a `LockedError`.

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
)
"""What the consolidating unit decides: an agency installation only reads these."""

REPORT_CHILDREN = ("task_results", "indicator_values")

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
    for event in ("UPDATE", "DELETE"):
        statements.append(
            _trigger(f"audit_log_{event.lower()}", event, "audit_log", "1", MSG_AUDIT)
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


def install_guards(db: Database) -> None:
    """(Re)create every guard trigger; a migration that rebuilds a guarded table calls it."""
    triggers = db.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'").fetchall()
    for (name,) in triggers:
        if name.startswith("guard_"):
            db.execute(f"DROP TRIGGER {name}")
    for statement in guard_statements():
        db.execute(statement)


@MIGRATIONS(name="0002_guards")
def _guards(db: Database) -> None:
    install_guards(db)
