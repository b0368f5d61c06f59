"""Typed errors of the core.

Each carries a Vietnamese `message` for the user, built from structured fields, so the CLI and
the window show the same words; callers branch on the type, never on the message text.
"""

from __future__ import annotations


class SxtdbvError(Exception):
    """Base of every error the user can be told about."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class NotFoundError(SxtdbvError):
    """A plan, agency, task... that the caller named does not exist."""


class ValidationError(SxtdbvError):
    """A value breaks a rule; nothing was changed.

    `field` names the place (a field, or "Sheet!B12" for a spreadsheet cell) and `rule` the
    broken rule, both in Vietnamese.
    """

    def __init__(self, field: str, rule: str) -> None:
        super().__init__(f"{field}: {rule}")
        self.field = field
        self.rule = rule


class LockedError(SxtdbvError):
    """The data may not be changed now, and the message says why."""


class ConflictError(SxtdbvError):
    """The change clashes with existing data (e.g. a plan for that year already exists)."""


class StorageError(SxtdbvError):
    """The database file cannot be used: the environment's fault, not a bug.

    `reason` is one of "not_database", "damaged", "read_only", "disk_full", "busy",
    "too_new", "missing", "io", "locked" (another program writes the file), "bad_backup"
    (a backup chosen for a restore is damaged or not ours), "internal".
    """

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason


class OutputError(SxtdbvError):
    """A file the user asked for (an export, a form, a report) could not be written.

    Nothing half-written is left where it was asked for; the message names the file and says
    why (full disk, read-only media, no permission, the file open in another program).
    """
