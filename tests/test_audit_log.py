"""Every change leaves a trace: who, when, which field, old and new value."""

from __future__ import annotations

from sqlite_utils import Database

from sxtdbv_desktop import audit
from sxtdbv_desktop.tasks import list_tasks, override_status, update_task


def test_a_field_change_records_actor_old_and_new_value(db: Database, plan_id: int) -> None:
    task = list_tasks(db, plan_id)[0]
    update_task(db, task.id, time_frame="Quý II/2023")
    override_status(db, task.id, "in_progress", "Theo Công văn số 12/SCT-QLCN")
    changes = {e.field: e for e in audit.entries(db, "tasks", task.id) if e.action == "update"}
    assert set(changes) == {"status", "note", "status_overridden", "time_frame"}
    status = changes["status"]
    assert (status.old_value, status.new_value) == ("not_started", "in_progress")
    assert (status.os_user, status.user_name) == ("tester", "Nguyễn Văn Kiểm")
    assert status.at.startswith("20")


def test_an_update_that_changes_nothing_logs_nothing(db: Database, plan_id: int) -> None:
    task = list_tasks(db, plan_id)[0]
    before = len(audit.entries(db))
    update_task(db, task.id, time_frame=task.time_frame)
    assert len(audit.entries(db)) == before


def test_deletions_keep_the_whole_record(db: Database, plan_id: int) -> None:
    task = list_tasks(db, plan_id)[0]
    db.table("tasks").delete(task.id)
    (deleted,) = [e for e in audit.entries(db, "tasks", task.id) if e.action == "delete"]
    assert deleted.old_value is not None and task.text in deleted.old_value


def test_the_expected_triggers_read_columns_and_keys_as_sqlite_utils_does() -> None:
    """One query for every table's columns and key, in the order sqlite-utils gives them:
    a key in its declared order (not the columns'), rowid for a table without one."""
    db = Database(memory=True)
    try:
        db.execute("CREATE TABLE pairs (a TEXT, b INTEGER, c TEXT, PRIMARY KEY (c, a))")
        db.execute("CREATE TABLE plain (x TEXT, y TEXT)")
        assert [t.pks for t in db.tables] == [["c", "a"], ["rowid"]]
        expected = [
            sql
            for t in db.tables
            for sql in audit.trigger_sql(t.name, [c.name for c in t.columns], t.pks)
        ]
        assert audit.expected_triggers(db) == expected
    finally:
        db.close()
