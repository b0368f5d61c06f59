"""The Sở's own parts of the consolidated report, kept in the data file per plan and period.

The figures are the program's; the judgement is the Sở's: how it directed the work, the synthesis
of each task group, what was achieved, what fell short and why, next year's direction and its
proposals. Each part starts as a draft written from the figures (`drafts`); once the official
rewrites it in the window (Báo cáo → Nội dung báo cáo tổng hợp…) the text is stored here and
used as written. An empty stored text means "use the draft again". Square brackets mark what
the official still has to fill in ("[số, ngày văn bản]"): the report highlights them.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlite_utils import Database

from sxtdbv_desktop import labels
from sxtdbv_desktop.errors import ValidationError
from sxtdbv_desktop.text import clean_paragraphs

DIRECTION = "direction"
DUTIES = "duties"
ACHIEVEMENTS, SHORTCOMINGS, CAUSES = "achievements", "shortcomings", "causes"
NEXT_YEAR = "next_year"
PROPOSALS_MINISTRY, PROPOSALS_PROVINCE = "proposals_ministry", "proposals_province"
GROUP_PREFIX = "group:"  # "group:III.1": the synthesis of one task group of section III

MAX_LENGTH = 20_000
"""Characters in one part: far more than a page, far less than what would swamp the report."""


@dataclass(frozen=True)
class Part:
    key: str
    heading: str  # where it goes in the report, as the editor names it
    hint: str  # what the official is asked to write


FIXED_PARTS = (
    Part(DIRECTION, "I. Công tác chỉ đạo, điều hành",
         "Văn bản chỉ đạo, hướng dẫn, đôn đốc đã ban hành (số, ngày, trích yếu); hội nghị, "
         "kiểm tra đã tổ chức."),
    Part(DUTIES, "II.2. Nhiệm vụ của các cơ quan, đơn vị",
         "Tổng hợp việc các cơ quan, đơn vị thực hiện nhiệm vụ được giao trong Kế hoạch."),
    Part(ACHIEVEMENTS, "III.1. Kết quả đạt được", "Những kết quả nổi bật, có số liệu."),
    Part(SHORTCOMINGS, "III.2. Tồn tại, hạn chế", "Chỉ tiêu, nhiệm vụ chưa đạt; hạn chế."),
    Part(CAUSES, "III.3. Nguyên nhân", "Nguyên nhân khách quan, chủ quan của tồn tại, hạn chế."),
    Part(NEXT_YEAR, "IV. Phương hướng, nhiệm vụ năm tới", "Nhiệm vụ trọng tâm năm tới."),
    Part(PROPOSALS_MINISTRY, "V.1. Kiến nghị với Bộ Công Thương", "Kiến nghị với Bộ, Trung ương."),
    Part(PROPOSALS_PROVINCE, "V.2. Kiến nghị với UBND Tỉnh",
         "Kiến nghị với UBND Tỉnh (chỉ có trong báo cáo của Sở)."),
)  # fmt: skip


def group_key(reference: str) -> str:
    """The part holding the synthesis of task group `reference` ("III.1")."""
    return GROUP_PREFIX + reference


def load(db: Database, plan_id: int, period_id: int) -> dict[str, str]:
    """The parts the Sở has written for the period, by key (absent: not written)."""
    rows = db.execute(
        "SELECT key, text FROM report_texts WHERE plan_id = ? AND period_id = ?",
        [plan_id, period_id],
    ).fetchall()
    return {key: text for key, text in rows if text}


def save(db: Database, plan_id: int, period_id: int, texts: dict[str, str]) -> None:
    """Store the parts in `texts` (an empty text goes back to the draft); one transaction."""
    rows = []
    for key, text in texts.items():
        if key not in {p.key for p in FIXED_PARTS} and not key.startswith(GROUP_PREFIX):
            raise ValidationError(key, "không phải là một phần của báo cáo tổng hợp.")
        cleaned = clean_paragraphs(text)
        if len(cleaned) > MAX_LENGTH:
            raise ValidationError(
                _heading(key), f"dài quá {MAX_LENGTH:,} ký tự; hãy rút gọn.".replace(",", ".")
            )
        rows.append((key, cleaned))
    with db.atomic():
        for key, text in rows:
            if text:
                db.table("report_texts").upsert(
                    {"plan_id": plan_id, "period_id": period_id, "key": key, "text": text},
                    pk=("plan_id", "period_id", "key"),
                )
            else:
                db.execute(
                    "DELETE FROM report_texts WHERE plan_id = ? AND period_id = ? AND key = ?",
                    [plan_id, period_id, key],
                )


def _heading(key: str) -> str:
    for part in FIXED_PARTS:
        if part.key == key:
            return part.heading
    return f"{labels.ENTITIES['task_groups']} {key.removeprefix(GROUP_PREFIX)}"
