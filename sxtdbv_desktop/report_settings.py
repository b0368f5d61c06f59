"""The consolidated report's letterhead, signature and recipients, per plan and per variant
(Nghị định 30/2020 fields).

One consolidation gives two documents: the Sở's own report to UBND Tỉnh ("so": SỞ CÔNG
THƯƠNG, KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC) and the draft the Sở prepares for UBND Tỉnh to send to
the Bộ Công Thương ("ubnd": ỦY BAN NHÂN DÂN TỈNH …, TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ
CHỦ TỊCH). Each has its own settings, stored as key/value rows of `plan_settings` (the "so"
keys bare, as before; the "ubnd" keys prefixed). What the user has not set comes from the plan
or from practice; what nobody can know (the signer's name, the document's number) stays empty,
and the report shows it as a placeholder to type over. Text in square brackets is such a
placeholder too ("Lưu: VT, [phòng soạn thảo].").
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass

from sqlite_utils import Database

from sxtdbv_desktop import rule_words
from sxtdbv_desktop.agencies import get_agency
from sxtdbv_desktop.errors import ValidationError
from sxtdbv_desktop.labels import SETTINGS
from sxtdbv_desktop.plans import get_plan
from sxtdbv_desktop.text import clean_line, clean_paragraphs

SO, UBND = "so", "ubnd"
VARIANTS = (SO, UBND)
VARIANT = "Loại báo cáo"
VARIANT_LABELS = {
    SO: "Báo cáo của Sở Công Thương gửi UBND Tỉnh",
    UBND: "Dự thảo báo cáo của UBND Tỉnh gửi Bộ Công Thương",
}
_PREFIX = {SO: "", UBND: "ubnd."}
DRAFTING_UNIT_GAP = "[phòng soạn thảo]"


@dataclass(frozen=True)
class ReportSettings:
    governing_body: str  # cơ quan chủ quản, e.g. "UBND TỈNH ĐỒNG THÁP"; "" for a UBND
    issuing_body: str  # cơ quan ban hành, e.g. "SỞ CÔNG THƯƠNG" (a line break allowed)
    place_name: str  # địa danh in the date line, e.g. "Đồng Tháp"
    report_number: str  # the number before the symbol, often left blank until registered
    report_symbol: str  # e.g. "BC-SCT"
    report_date: dt.date | None  # None: the day the report is made
    signer_authority: str  # e.g. "KT. GIÁM ĐỐC" (empty when the head signs)
    signer_title: str  # e.g. "PHÓ GIÁM ĐỐC"
    signer_name: str
    recipients: str  # "Nơi nhận", one per line
    drafting_unit: str = ""  # the unit that drafts it, for "Lưu: VT, …" ("QLCN")

    @property
    def number_line(self) -> str:
        """ "Số: 125/BC-SCT", or "Số: [số]/BC-SCT" with the number to fill in."""
        number = self.report_number or "[số]"
        return f"Số: {number}/{self.report_symbol}"

    @property
    def recipient_lines(self) -> list[str]:
        """The recipients, each as "- …", with the drafting unit put into "Lưu: VT, …"."""
        unit = self.drafting_unit or DRAFTING_UNIT_GAP
        lines = []
        for line in self.recipients.replace("{phòng}", unit).split("\n"):
            text = line.strip()
            if text:
                lines.append(text if text.startswith("-") else f"- {text}")
        return lines


_TEXT_FIELDS = [f.name for f in dataclasses.fields(ReportSettings) if f.name != "report_date"]


def defaults(db: Database, plan_id: int, variant: str = SO) -> ReportSettings:
    """What a plan's report says before anyone edits it."""
    plan = get_plan(db, plan_id)
    province = plan.province
    if variant == UBND:
        return ReportSettings(
            governing_body="",
            issuing_body=f"ỦY BAN NHÂN DÂN\nTỈNH {province}".upper(),
            place_name=province,
            report_number="",
            report_symbol="BC-UBND",
            report_date=None,
            signer_authority="TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH",
            signer_title="PHÓ CHỦ TỊCH",
            signer_name="",
            recipients=(
                "Bộ Công Thương (b/c);\nCT và các PCT/UBND Tỉnh;\nSở Công Thương;\n"
                "LĐVP/UBND Tỉnh;\nLưu: VT, {phòng}."
            ),
        )
    focal = get_agency(db, plan.focal_agency_id).name if plan.focal_agency_id else ""
    return ReportSettings(
        governing_body=f"UBND TỈNH {province}".upper(),
        issuing_body=focal.upper(),
        place_name=province,
        report_number="",
        report_symbol="BC-SCT",
        report_date=None,
        signer_authority="KT. GIÁM ĐỐC",
        signer_title="PHÓ GIÁM ĐỐC",
        signer_name="",
        recipients=("Bộ Công Thương (b/c);\nUBND Tỉnh (b/c);\nBan Giám đốc Sở;\nLưu: VT, {phòng}."),
    )


def load(db: Database, plan_id: int, variant: str = SO) -> ReportSettings:
    _check_variant(variant)
    prefix = _PREFIX[variant]
    stored = {
        key.removeprefix(prefix): value
        for key, value in db.execute(
            "SELECT key, value FROM plan_settings WHERE plan_id = ?", [plan_id]
        ).fetchall()
        if key.startswith(prefix) and (prefix or "." not in key)
    }
    values: dict[str, object] = {k: v for k, v in stored.items() if k in _TEXT_FIELDS}
    if stored.get("report_date"):
        values["report_date"] = dt.date.fromisoformat(stored["report_date"])
    return dataclasses.replace(defaults(db, plan_id, variant), **values)  # type: ignore[arg-type]


_MULTILINE = {"recipients", "issuing_body", "signer_authority"}


def save(db: Database, plan_id: int, settings: ReportSettings, variant: str = SO) -> None:
    """Store every field (checked first; nothing is saved if one is wrong)."""
    _check_variant(variant)
    prefix = _PREFIX[variant]
    rows = []
    for name in _TEXT_FIELDS:
        raw = getattr(settings, name)
        value = clean_paragraphs(raw) if name in _MULTILINE else clean_line(raw)
        rows.append({"plan_id": plan_id, "key": prefix + name, "value": value})
    if not settings.issuing_body.strip():
        raise ValidationError(SETTINGS["issuing_body"], rule_words.EMPTY)
    if not settings.report_symbol.strip():
        raise ValidationError(SETTINGS["report_symbol"], "không được để trống (ví dụ BC-SCT).")
    date = settings.report_date.isoformat() if settings.report_date else ""
    rows.append({"plan_id": plan_id, "key": prefix + "report_date", "value": date})
    with db.atomic():
        db.table("plan_settings").upsert_all(rows, pk=("plan_id", "key"))


def _check_variant(variant: str) -> None:
    if variant not in VARIANTS:
        raise ValidationError(VARIANT, f"không hợp lệ («{variant}»).")
