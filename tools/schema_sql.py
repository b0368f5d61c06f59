"""Print the trigger SQL a new migration must freeze, for the schema the migrations build now.

    python tools/schema_sql.py audit TABLE...   # the audit triggers of these tables
    python tools/schema_sql.py guards           # every guard trigger the specification wants

Write the new migration's DDL first (in its module), run this, and paste what it prints into the
migration: `DROP TRIGGER` for each trigger it replaces, then the `CREATE TRIGGER` statements.
`tests/test_schema.py` fails until a new file's triggers match the specifications.
"""

from __future__ import annotations

import sys

from sqlite_utils import Database

from sxtdbv_desktop import audit, schema
from sxtdbv_desktop.migrations import MIGRATIONS


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in ("audit", "guards"):
        print(__doc__)
        return 2
    db = Database(memory=True)
    audit.bind_actor(db.conn, audit.Actor("schema_sql"))
    db.conn.create_function("sxtdbv_plan_loading", 0, lambda: 0)
    MIGRATIONS.apply(db)
    if argv[0] == "guards":
        statements = schema.guard_statements()
    else:
        statements = []
        for name in argv[1:]:
            table = db.table(name)
            statements += audit.trigger_sql(name, [c.name for c in table.columns], table.pks)
    for statement in statements:
        print(repr(statement) + ",")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
