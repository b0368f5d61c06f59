"""What the window remembers between sessions (QSettings of "SoCongThuong" / "SXTDBV Desktop"):
its geometry, the tab it was on and the plan last worked on."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QMainWindow

from sxtdbv_desktop.plans import Plan

_GEOMETRY, _STATE, _TAB, _PLAN = "window/geometry", "window/state", "window/tab", "window/plan"


def _settings() -> QSettings:
    # The organisation and application names are set on the QApplication (sxtdbv_ui.app).
    return QSettings()


def plan_key(plan: Plan) -> str:
    """How a plan is remembered: its province and year, which stay the same across copies of
    the file (ids do not)."""
    return f"{plan.province}|{plan.year}"


def save_window(window: QMainWindow, tab: int, plan: Plan) -> None:
    settings = _settings()
    settings.setValue(_GEOMETRY, window.saveGeometry())
    settings.setValue(_STATE, window.saveState())
    settings.setValue(_TAB, tab)
    settings.setValue(_PLAN, plan_key(plan))
    settings.sync()


def restore_window(window: QMainWindow) -> bool:
    """Put the window back where it was; False the first time (the caller picks a size)."""
    settings = _settings()
    geometry = settings.value(_GEOMETRY)
    if not isinstance(geometry, QByteArray) or not window.restoreGeometry(geometry):
        return False
    state = settings.value(_STATE)
    if isinstance(state, QByteArray):
        window.restoreState(state)
    return True


def last_tab() -> int:
    value = _settings().value(_TAB, 0)
    try:
        return int(value)  # type: ignore[call-overload, no-any-return]
    except (TypeError, ValueError):
        return 0


def last_plan(plans: list[Plan]) -> Plan | None:
    """The plan worked on last time if the file still has it, else None."""
    wanted = _settings().value(_PLAN, "")
    return next((p for p in plans if plan_key(p) == wanted), None)
