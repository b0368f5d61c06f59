"""A report's transitions as the user asks for them: submit (received), accept, return for
correction with a reason, reopen with a reason. Each asks first, saves through the core, and
says why when the core refuses; the reports tab and the report dialog share them."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from sxtdbv_desktop import reports, vnformat
from ui import msgbox
from ui.workspace import REPORTS, Workspace


def submit(parent: QWidget, session: Workspace, period_id: int, agency_id: int, name: str) -> bool:
    """Record the agency's report as received today (creating it if nothing was entered)."""
    today = session.today()
    question = (
        f"Ghi nhận đã nhận báo cáo của {name}, ngày nhận {vnformat.format_date(today)}?\n\n"
        "Số liệu của báo cáo đã nộp được đưa vào tổng hợp."
    )
    if not msgbox.ask(parent, "Nộp báo cáo", question, yes="Ghi nhận"):
        return False
    db = session.db

    def action() -> None:
        report = reports.ensure_report(db, period_id, agency_id)
        reports.submit(db, report.id, report.received_on or today)

    return _done(parent, session, session.change(f"Nhận báo cáo của {name}", action, REPORTS))


def accept(parent: QWidget, session: Workspace, report_id: int, name: str) -> bool:
    question = (
        f"Chấp nhận báo cáo của {name}?\n\n"
        "Báo cáo đã chấp nhận chỉ được xem; muốn sửa phải mở lại (có ghi nhật ký)."
    )
    if not msgbox.ask(parent, "Chấp nhận báo cáo", question, yes="Chấp nhận"):
        return False
    db = session.db
    done = session.change(f"Chấp nhận báo cáo của {name}",
                          lambda: reports.accept(db, report_id), REPORTS)  # fmt: skip
    return _done(parent, session, done)


def return_for_correction(parent: QWidget, session: Workspace, report_id: int, name: str) -> bool:
    label = f"Lý do trả lại báo cáo của {name} (đơn vị sẽ sửa theo nội dung này):"
    note = msgbox.ask_text(parent, "Trả lại báo cáo để chỉnh sửa", label)
    if note is None:
        return False
    db = session.db
    done = session.change(
        f"Trả lại báo cáo của {name}",
        lambda: reports.return_for_correction(db, report_id, note),
        REPORTS,
    )
    return _done(parent, session, done)


def reopen(parent: QWidget, session: Workspace, report_id: int, name: str) -> bool:
    label = f"Lý do mở lại báo cáo của {name} (được ghi vào nhật ký):"
    reason = msgbox.ask_text(parent, "Mở lại báo cáo đã chấp nhận", label)
    if reason is None:
        return False
    db = session.db
    done = session.change(f"Mở lại báo cáo của {name}",
                          lambda: reports.reopen(db, report_id, reason), REPORTS)  # fmt: skip
    return _done(parent, session, done)


def _done(parent: QWidget, session: Workspace, done: bool) -> bool:
    if not done:
        msgbox.warn(parent, "Không thực hiện được", session.last_error)
    return done
