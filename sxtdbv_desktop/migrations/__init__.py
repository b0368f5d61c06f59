"""The schema's history: recorded migrations (sqlite-utils `Migrations`), each frozen as the
literal SQL it executed when it shipped.

A migration's module holds its statements and nothing else: no constant of the domain and no
function of the program is called, so a file created today and a file upgraded from any earlier
version get the same schema, whatever the code becomes later (`tests/test_schema.py`). Never
edit a migration that has shipped: add a new module and register it below, in order.
`tools/schema_sql.py` prints the audit and guard triggers a new migration must (re)create.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlite_utils import Database, Migrations

from sxtdbv_desktop.migrations import (
    m0001_initial,
    m0002_guards,
    m0003_reporting_cycle,
    m0004_audit_chain,
    m0005_plan_documents,
)

MIGRATIONS = Migrations("sxtdbv")
_FROZEN = (
    ("0001_initial", m0001_initial.STATEMENTS),
    ("0002_guards", m0002_guards.STATEMENTS),
    ("0003_reporting_cycle", m0003_reporting_cycle.STATEMENTS),
    ("0004_audit_chain", m0004_audit_chain.STATEMENTS),
    # 0004 is another change made at the same time; it is registered before this one.
    ("0005_plan_documents", m0005_plan_documents.STATEMENTS),
)


def _register(name: str, statements: Sequence[str]) -> None:
    def run(db: Database) -> None:
        for statement in statements:
            db.execute(statement)

    MIGRATIONS(name=name)(run)


for _name, _statements in _FROZEN:
    _register(_name, _statements)


def migration_names() -> list[str]:
    """Every migration this version of the program knows, oldest first."""
    return [name for name, _ in _FROZEN]
