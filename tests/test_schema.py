"""The schema: frozen migrations, the same schema for new and upgraded files, and triggers that
match their specifications (every column audited, every guard in place)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlite_utils import Database

from sxtdbv_desktop import audit, installation, schema
from sxtdbv_desktop.migrations import MIGRATIONS, migration_names
from sxtdbv_desktop.plan_file import load_default_plan
from sxtdbv_desktop.storage import open_database
from tests.conftest import TEST_ACTOR
from tests.factories import old_version_file, raw_connection


def _schema(db: Database) -> dict[str, str]:
    rows = db.execute(
        "SELECT name, sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%'"
    ).fetchall()
    return dict(rows)


def test_the_migrations_are_the_frozen_ones_in_order() -> None:
    assert migration_names() == [
        "0001_initial",
        "0002_guards",
        "0003_reporting_cycle",
        "0004_audit_chain",
        "0005_plan_documents",
    ]
    assert [m.name for m in MIGRATIONS.pending(Database(memory=True))] == migration_names()


@pytest.mark.parametrize("stop_before", migration_names()[1:])
def test_an_upgraded_file_has_the_schema_of_a_new_file(tmp_path: Path, stop_before: str) -> None:
    old = tmp_path / "cu.sqlite"
    old_version_file(old, stop_before)
    upgraded = open_database(old, TEST_ACTOR)
    new = open_database(tmp_path / "moi.sqlite", TEST_ACTOR)
    try:
        assert _schema(upgraded) == _schema(new)
        assert upgraded.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert upgraded.execute("PRAGMA foreign_key_check").fetchall() == []
    finally:
        upgraded.close()
        new.close()


def test_upgrading_keeps_the_data_and_makes_the_changes_of_0003(tmp_path: Path) -> None:
    old = tmp_path / "cu.sqlite"
    old_version_file(old, "0003_reporting_cycle")
    db = open_database(old, TEST_ACTOR)
    try:
        # The districts become the yes/no indicator's explicit list of units.
        units = db.execute("SELECT agency_id FROM indicator_reporters ORDER BY 1").fetchall()
        assert units == [(1,), (2,)]
        # A status someone set by hand is kept as the Sở's override.
        overridden = db.execute("SELECT id, status_overridden FROM tasks ORDER BY id").fetchall()
        assert overridden == [(1, 0), (2, 1)]
        result = db.execute("SELECT status, progress FROM task_results").fetchone()
        assert result == ("in_progress", 40)
        db.execute("INSERT INTO task_results (report_id, task_id, status) VALUES (1, 2, NULL)")
    finally:
        db.close()


def test_upgrading_makes_the_changes_of_0005(tmp_path: Path) -> None:
    old = tmp_path / "cu.sqlite"
    old_version_file(old, "0005_plan_documents")
    raw = raw_connection(old)
    raw.execute(
        "INSERT INTO plans (id, year, province, document_type, title, issuing_body, program_name,"
        " program_period, reporting_deadline, total_budget, created_at, copied_from_id) VALUES"
        " (2, 2024, 'T', 'KẾ HOẠCH', 'Kế hoạch', 'UBND', 'CT', '2021-2030', '2024-12-10', 0,"
        " '2024-01-01', 1)"
    )
    raw.execute("INSERT INTO targets (id, plan_id, number, text) VALUES (2, 2, 5, 'Mục tiêu')")
    raw.execute(
        "INSERT INTO indicators (id, plan_id, target_id, position, code, name, kind, threshold)"
        " VALUES (2, 2, 2, 1, '5', 'Huyện', 'count', 1)"
    )
    raw.conn.commit()
    raw.close()
    db = open_database(old, TEST_ACTOR)
    try:
        # The plan with district-level units names them; the copy without any does not.
        names = db.execute("SELECT id, local_unit_name FROM plans ORDER BY id").fetchall()
        assert names == [(1, "huyện, thành phố"), (2, "")]
        sections = db.execute(
            "SELECT part, numeral FROM plan_sections WHERE plan_id = 1 ORDER BY numeral"
        ).fetchall()
        assert sections == [
            ("objectives", "I"),
            ("targets", "II"),
            ("content", "III"),
            ("budget", "IV"),
            ("duty", "V"),
        ]
        # A copy's indicator is linked to the one it was copied from.
        links = db.execute("SELECT id, previous_id FROM indicators ORDER BY id").fetchall()
        assert links == [(1, None), (2, 1)]
    finally:
        db.close()


def test_an_agency_installation_upgrades_past_its_plan_guards(tmp_path: Path) -> None:
    path = tmp_path / "donvi.sqlite"
    old_version_file(path, "0003_reporting_cycle")
    db = raw_connection(path)
    db.execute("INSERT INTO app_settings (key, value) VALUES ('installation_mode', 'agency')")
    db.execute("INSERT INTO app_settings (key, value) VALUES ('installation_agency', 'A1')")
    db.conn.commit()
    db.close()
    upgraded = open_database(path, TEST_ACTOR)
    try:
        assert installation.load(upgraded).is_agency
        assert upgraded.execute("SELECT count(*) FROM indicator_reporters").fetchone() == (2,)
        with pytest.raises(Exception, match="không được thay đổi kế hoạch"):
            upgraded.execute("UPDATE tasks SET status = 'done' WHERE id = 1")
    finally:
        upgraded.close()


def test_every_guard_of_the_specification_is_in_a_new_file(empty_db: Database) -> None:
    installed = {name: sql for name, sql in _schema(empty_db).items() if name.startswith("guard_")}
    wanted = {sql.split()[2]: sql for sql in schema.guard_statements()}
    assert installed == wanted


def test_every_column_of_every_table_is_audited(empty_db: Database) -> None:
    installed = {
        n: s
        for n, s in _schema(empty_db).items()
        if n.startswith("audit_") and s.startswith("CREATE TRIGGER")
    }
    wanted = {sql.split()[2]: sql for sql in audit.expected_triggers(empty_db)}
    assert installed == wanted


@pytest.mark.parametrize(
    ("table", "column", "codes"),
    [
        ("agencies", "kind", schema.AGENCY_KINDS),
        ("indicators", "kind", schema.INDICATOR_KINDS),
        ("tasks", "status", schema.TASK_STATUSES),
        ("task_results", "status", schema.TASK_STATUSES),
        ("reports", "status", schema.REPORT_STATUSES),
    ],
)
def test_the_domains_codes_are_the_ones_the_schema_accepts(
    empty_db: Database, table: str, column: str, codes: tuple[str, ...]
) -> None:
    """A code added to the domain needs a migration that widens the CHECK constraint."""
    (sql,) = empty_db.execute(
        "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", [table]
    ).fetchone()
    line = next(line for line in sql.splitlines() if line.strip().startswith(f"{column} "))
    listed = line[line.index(" IN (") + 5 : line.index(")", line.index(" IN ("))]
    assert tuple(code.strip(" '") for code in listed.split(",")) == codes


def test_a_new_file_with_the_default_plan_passes_the_checks(db_path: Path) -> None:
    db = open_database(db_path, TEST_ACTOR)
    try:
        load_default_plan(db)
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        db.execute(
            "INSERT INTO reports (id, plan_id, period_id, agency_id, created_at, updated_at)"
            " SELECT 1, plan_id, id, (SELECT min(id) FROM agencies), 'x', 'x' FROM periods"
        )
        (source_id,) = db.execute("SELECT min(id) FROM funding_sources").fetchone()
        for amount in (-5, 1.5):
            with pytest.raises(sqlite3.IntegrityError):
                db.execute(
                    "INSERT INTO source_spending (report_id, source_id, amount) VALUES (1, ?, ?)",
                    [source_id, amount],
                )
    finally:
        db.close()
