"""What the window's "Nội dung báo cáo tổng hợp" editor shows for each of the Sở's own parts:
where it goes, what to write, the draft made from the figures, what the Sở saved, and the
agencies' own words to draw from (grouped by task, theme or addressee, each line once with
every agency that wrote it). No Qt here: the dialog only lays this out.
"""

from __future__ import annotations

from dataclasses import dataclass

from sxtdbv_desktop.report import drafts, material, own_texts
from sxtdbv_desktop.report.content import ConsolidatedReport, GroupSection
from sxtdbv_desktop.report.material import Statement
from sxtdbv_desktop.report.wording import first_sentence
from sxtdbv_desktop.tasks import CONTENT, DUTY


@dataclass(frozen=True)
class Material:
    """One thing agencies wrote, to take into a part."""

    group: str  # "III.1.2", "Kinh phí", "Bộ Công Thương, Trung ương"
    text: str
    agencies: str  # "Sở Y tế, UBND huyện Lai Vung"

    @property
    def line(self) -> str:
        """As it goes into the part: "- Đề nghị … (Sở Y tế)."."""
        return f"- {self.text.rstrip('.')} ({self.agencies})."


@dataclass(frozen=True)
class Part:
    key: str
    heading: str  # "III.1. Kết quả đạt được", "II.1.1. Đẩy mạnh truyền thông … (III.1)"
    hint: str
    draft: str
    saved: str | None  # None: not written yet, the report uses the draft
    material: tuple[Material, ...]

    @property
    def text(self) -> str:
        """What the report says now."""
        return self.saved if self.saved is not None else self.draft


def parts(report: ConsolidatedReport) -> list[Part]:
    """Every part in the order of the report, each with its draft and material."""
    made = drafts.drafts(report)
    found = []
    for fixed in own_texts.FIXED_PARTS[:1]:
        found.append(_part(report, made, fixed.key, fixed.heading, fixed.hint))
    groups = [g for g in report.groups if g.section == CONTENT]
    for index, group in enumerate(groups, 1):
        key = own_texts.group_key(group.reference)
        heading = f"II.1.{index}. {group.title.rstrip(' .')} ({group.reference})"
        hint = ("Tổng hợp kết quả các nhiệm vụ của nhóm: cơ quan, đơn vị thực hiện, số liệu "
                "chính; chi tiết từng đơn vị đã có ở Phụ lục I.")  # fmt: skip
        found.append(_part(report, made, key, heading, hint, found=_results(group)))
    for fixed in own_texts.FIXED_PARTS[1:]:
        found.append(
            _part(
                report,
                made,
                fixed.key,
                fixed.heading,
                fixed.hint,
                found=_material(report, fixed.key),
            )
        )
    return found


def _part(
    report: ConsolidatedReport,
    made: dict[str, str],
    key: str,
    heading: str,
    hint: str,
    *,
    found: tuple[Material, ...] = (),
) -> Part:
    return Part(key, heading, hint, made.get(key, ""), report.own.get(key), found)


def _results(group: GroupSection) -> tuple[Material, ...]:
    """Each agency's result on the group's tasks, its first sentence."""
    found = []
    for task in group.tasks:
        for outcome in task.outcomes:
            if outcome.result.strip():
                found.append(
                    Material(task.reference, first_sentence(outcome.result), outcome.agency)
                )
    return tuple(found)


def _material(report: ConsolidatedReport, key: str) -> tuple[Material, ...]:
    if key == own_texts.DUTIES:
        return tuple(m for g in report.groups if g.section == DUTY for m in _results(g))
    if key == own_texts.ACHIEVEMENTS:
        return _listed("Đánh giá chung của đơn vị", report.assessments)
    if key in (own_texts.SHORTCOMINGS, own_texts.CAUSES):
        return tuple(
            m
            for theme, items in material.by_theme(report.difficulties).items()
            for m in _listed(theme, tuple(items))
        )
    addressed = material.by_addressee(report.proposals)
    wanted = {
        own_texts.PROPOSALS_MINISTRY: (material.MINISTRY,),
        own_texts.PROPOSALS_PROVINCE: (material.PROVINCE,),
        own_texts.NEXT_YEAR: (material.SO, material.OTHERS),
    }.get(key, ())
    return tuple(
        m
        for addressee in wanted
        for m in _listed(_proposals_to(addressee), tuple(addressed.get(addressee, [])))
    )


def _proposals_to(addressee: str) -> str:
    if addressee == material.OTHERS:
        return "Đề xuất khác"
    return f"Đề xuất với {material.ADDRESSEES[addressee]}"


def _listed(group: str, statements: tuple[Statement, ...]) -> tuple[Material, ...]:
    return tuple(Material(group, s.text, s.agency) for s in statements)
