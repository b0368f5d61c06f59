"""The consolidated report's letterhead and signature, per plan (Nghị định 30/2020 fields).

Stored as key/value rows of `plan_settings`; what the user has not set comes from the plan
(the province, the focal agency) or stays empty rather than being invented (the signer's name).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass

from sqlite_utils import Database

from sxtdbv_desktop.agencies import get_agency
from sxtdbv_desktop.errors import ValidationError
from sxtdbv_desktop.plans import get_plan
from sxtdbv_desktop.text import clean_line, clean_paragraphs


@dataclass(frozen=True)
class ReportSettings:
    governing_body: str  # cơ quan chủ quản, e.g. "UBND TỈNH ĐỒNG THÁP"
    issuing_body: str  # cơ quan ban hành, e.g. "SỞ CÔNG THƯƠNG"
    place_name: str  # địa danh in the date line, e.g. "Đồng Tháp"
    report_number: str  # the number before the symbol, often left blank until registered
    report_symbol: str  # e.g. "BC-SCT"
    report_date: dt.date | None  # None: the day the report is made
    signer_authority: str  # e.g. "KT. GIÁM ĐỐC" (empty when the head signs)
    signer_title: str  # e.g. "PHÓ GIÁM ĐỐC"
    signer_name: str
    recipients: str  # "Nơi nhận", one per line

    @property
    def number_line(self) -> str:
        """ "Số: 125/BC-SCT", or "Số:      /BC-SCT" with room to write the number by hand."""
        number = self.report_number or "\u00a0" * 6
        return f"Số: {number}/{self.report_symbol}"


_TEXT_FIELDS = [f.name for f in dataclasses.fields(ReportSettings) if f.name != "report_date"]


def defaults(db: Database, plan_id: int) -> ReportSettings:
    """What a plan's report header says before anyone edits it."""
    plan = get_plan(db, plan_id)
    focal = get_agency(db, plan.focal_agency_id).name if plan.focal_agency_id else ""
    return ReportSettings(
        governing_body=f"UBND TỈNH {plan.province}".upper(),
        issuing_body=focal.upper(),
        place_name=plan.province,
        report_number="",
        report_symbol="BC-SCT",
        report_date=None,
        signer_authority="KT. GIÁM ĐỐC",
        signer_title="PHÓ GIÁM ĐỐC",
        signer_name="",
        recipients="UBND Tỉnh;\nBộ Công Thương;\nLưu: VT.",
    )


def load(db: Database, plan_id: int) -> ReportSettings:
    stored = dict(
        db.execute("SELECT key, value FROM plan_settings WHERE plan_id = ?", [plan_id]).fetchall()
    )
    values: dict[str, object] = {k: v for k, v in stored.items() if k in _TEXT_FIELDS}
    if stored.get("report_date"):
        values["report_date"] = dt.date.fromisoformat(stored["report_date"])
    return dataclasses.replace(defaults(db, plan_id), **values)  # type: ignore[arg-type]


def save(db: Database, plan_id: int, settings: ReportSettings) -> None:
    """Store every field (checked first; nothing is saved if one is wrong)."""
    rows = []
    for name in _TEXT_FIELDS:
        raw = getattr(settings, name)
        value = clean_paragraphs(raw) if name == "recipients" else clean_line(raw)
        rows.append({"plan_id": plan_id, "key": name, "value": value})
    if not settings.issuing_body.strip():
        raise ValidationError("Cơ quan ban hành", "không được để trống.")
    if not settings.report_symbol.strip():
        raise ValidationError("Ký hiệu văn bản", "không được để trống (ví dụ BC-SCT).")
    date = settings.report_date.isoformat() if settings.report_date else ""
    rows.append({"plan_id": plan_id, "key": "report_date", "value": date})
    with db.atomic():
        db.table("plan_settings").upsert_all(rows, pk=("plan_id", "key"))
