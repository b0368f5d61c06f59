"""A report's transitions as the user asks for them: submit (received, on the day the clerk
confirms), accept, return for correction with a reason, reopen with a reason. Each asks first,
saves through the core, and says why when the core refuses; the reports tab and the report
dialog share them."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QWidget

from sxtdbv_desktop import reports, vnformat
from sxtdbv_desktop.labels import AUDIT_EVENTS as EVENTS  # named as the audit log names them
from sxtdbv_ui import msgbox
from sxtdbv_ui.workspace import REPORTS, Workspace

SUBMIT, ACCEPT, RETURN = "&Nộp báo cáo", "&Chấp nhận", "&Trả lại để sửa…"
"""The buttons of the transitions, in the reports tab and in the report's dialog."""


def submit(
    parent: QWidget,
    session: Workspace,
    period_id: int,
    agency_id: int,
    name: str,
    *,
    received_on: dt.date | None = None,
) -> bool:
    """Record the agency's report as received (creating it if nothing was entered), on the day
    the clerk confirms: the day already written on the report, else today."""
    label = (
        f"Ngày Sở nhận được báo cáo của {name} (theo dấu văn thư hoặc ngày thư điện tử đến), "
        "dùng để tính đúng hạn, trễ hạn.\n\nSố liệu của báo cáo đã nộp được đưa vào tổng hợp."
    )
    day = msgbox.ask_date(parent, EVENTS["submitted"], label, received_on or session.today(),
                          ok="Ghi nhận")  # fmt: skip
    if day is None:
        return False
    db = session.db

    def action() -> None:
        report = reports.ensure_report(db, period_id, agency_id)
        reports.submit(db, report.id, day)

    text = f"Nhận báo cáo của {name} ngày {vnformat.format_date(day)}"
    return _done(parent, session, session.change(text, action, REPORTS))


def accept(parent: QWidget, session: Workspace, report_id: int, name: str) -> bool:
    question = (
        f"Chấp nhận báo cáo của {name}?\n\n"
        "Báo cáo đã chấp nhận chỉ được xem; muốn sửa phải mở lại (có ghi nhật ký)."
    )
    if not msgbox.ask(parent, EVENTS["accepted"], question, yes="Chấp nhận"):
        return False
    db = session.db
    done = session.change(f"Chấp nhận báo cáo của {name}",
                          lambda: reports.accept(db, report_id), REPORTS)  # fmt: skip
    return _done(parent, session, done)


def return_for_correction(parent: QWidget, session: Workspace, report_id: int, name: str) -> bool:
    label = f"Lý do trả lại báo cáo của {name} (đơn vị sẽ sửa theo nội dung này):"
    note = msgbox.ask_text(parent, EVENTS["returned"], label)
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
    reason = msgbox.ask_text(parent, EVENTS["reopened"], label)
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
