"""Former name of `ui.workspace` (the window's workspace); kept while other branches move over."""

from ui.workspace import (
    AGENCIES,
    BUDGET,
    INDICATORS,
    PLAN,
    REPORTS,
    SETTINGS,
    TASKS,
    Edit,
    value_edit,
)
from ui.workspace import Workspace as Session

__all__ = [
    "AGENCIES",
    "BUDGET",
    "INDICATORS",
    "PLAN",
    "REPORTS",
    "SETTINGS",
    "TASKS",
    "Edit",
    "Session",
    "value_edit",
]
