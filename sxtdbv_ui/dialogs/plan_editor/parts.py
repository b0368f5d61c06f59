"""The plan's parts as the editor lists them: objectives, targets and indicators, task groups
(section III's and section V's items), funding sources; each with its fields and core calls."""

from __future__ import annotations

from sxtdbv_desktop import headings, labels, plan_editing, vnformat
from sxtdbv_desktop.budget import list_sources
from sxtdbv_desktop.indicators import Indicator, get_indicator, list_indicators, list_targets
from sxtdbv_desktop.plans import get_plan
from sxtdbv_desktop.tasks import list_groups
from sxtdbv_ui.dialogs.plan_editor.fields_dialog import (
    CHOICE,
    LONG,
    NUMBER,
    OPTIONAL_NUMBER,
    Field,
)
from sxtdbv_ui.dialogs.plan_editor.list_tab import Part, Row
from sxtdbv_ui.workspace import BUDGET, INDICATORS, PLAN, TASKS, Workspace

KINDS: list[tuple[object, str]] = list(labels.INDICATOR_KIND_CHOICES.items())
"""Kinds of indicator as chosen in a list: a yes/no one with who answers it."""
SECTIONS = [
    ("content", "Nội dung (nhóm nhiệm vụ)"),
    ("duty", "Tổ chức thực hiện (mục của cơ quan)"),
]


def objectives_part(session: Workspace) -> Part:
    db, plan_id = session.db, session.plan_id

    def rows() -> list[Row]:
        found = db.execute(
            "SELECT id, part, text FROM objectives WHERE plan_id = ? ORDER BY position",
            [plan_id],
        ).fetchall()
        return [Row(i, (str(n), part, text)) for n, (i, part, text) in enumerate(found, 1)]

    def fields(key: object | None) -> list[Field]:
        part, text = ("", "")
        if key is not None:
            part, text = db.execute("SELECT part, text FROM objectives WHERE id = ?",
                                    [key]).fetchone()  # fmt: skip
        return [Field("part", "Phần (Mục đích / Yêu cầu):", value=part),
                Field("text", "&Nội dung:", LONG, text)]  # fmt: skip

    return Part(
        "mục đích, yêu cầu", ("Số", "Phần", "Nội dung"), rows, fields,
        lambda v: plan_editing.add_objective(db, plan_id, str(v["text"]), str(v["part"])),
        lambda k, v: plan_editing.update_objective(db, _id(k), str(v["text"]),
                                                   str(v["part"])),
        lambda k: plan_editing.delete_objective(db, _id(k)),
        (PLAN,),
    )  # fmt: skip


def targets_part(session: Workspace) -> Part:
    db, plan_id = session.db, session.plan_id
    return Part(
        "mục tiêu", ("Số", "Mục tiêu"),
        lambda: [Row(t.id, (str(t.number), t.text)) for t in list_targets(db, plan_id)],
        lambda k: [Field("text", "&Mục tiêu:", LONG, next(
            (t.text for t in list_targets(db, plan_id) if t.id == k), ""))],
        lambda v: plan_editing.add_target(db, plan_id, str(v["text"])),
        lambda k, v: plan_editing.update_target(db, _id(k), str(v["text"])),
        lambda k: plan_editing.delete_target(db, _id(k)),
        (INDICATORS,),
    )  # fmt: skip


def indicators_part(session: Workspace) -> Part:
    db, plan_id = session.db, session.plan_id

    def rows() -> list[Row]:
        return [Row(i.id, (i.code, labels.INDICATOR_KINDS[i.kind], _threshold(i.kind, i.threshold,
                                                                               i.exceed_above),
                           i.unit, i.plan_text or i.name))
                for i in list_indicators(db, plan_id)]  # fmt: skip

    def fields(key: object | None) -> list[Field]:
        targets = [(t.id, f"{t.number}. {t.text[:60]}") for t in list_targets(db, plan_id)]
        earlier = _previous_choices(session)
        if key is None:
            return [Field("target_id", "Thuộc &mục tiêu:", CHOICE, None, targets),
                    *_indicator_fields(None, None, earlier)]  # fmt: skip
        i = get_indicator(db, _id(key))
        return _indicator_fields(i, plan_editing.indicator_previous(db, i.id), earlier)

    def add(values: dict[str, object]) -> object:
        target = values.pop("target_id")
        kind, population = _pair(values.pop("kind"))
        return plan_editing.add_indicator(
            db,
            _id(target),
            str(values.pop("code")),
            kind,
            _id(values.pop("threshold")),
            population=population,
            **values,
        )

    def update(key: object, values: dict[str, object]) -> object:
        kind, population = _pair(values.pop("kind"))
        values["previous_id"] = values.pop("previous")
        plan_editing.update_indicator(db, _id(key), kind=kind, population=population, **values)
        return None

    return Part("chỉ tiêu", ("Mã", "Loại", "Ngưỡng", "Đơn vị", headings.PLAN_WORDING), rows,
                fields, add, update,
                lambda k: plan_editing.delete_indicator(db, _id(k)),
                (INDICATORS,))  # fmt: skip


def _indicator_fields(
    i: Indicator | None, previous: int | None, earlier: list[tuple[object, str]]
) -> list[Field]:
    """The fields of indicator `i` (None: a new one, a share by default)."""
    kind = (f"{i.kind}:{i.population_kind}" if i.population_kind else i.kind) if i else "share"
    return [
        Field("code", "&Mã:", value=i.code if i else ""),
        Field("kind", "&Loại:", CHOICE, kind, KINDS),
        Field("threshold", "&Ngưỡng đạt (số, hoặc %):", NUMBER, i.threshold if i else 0),
        Field("exceed_above", "Mức &vượt (để trống nếu không có):", OPTIONAL_NUMBER,
              i.exceed_above if i else None),
        Field("unit", "Đơn &vị (chỉ tiêu số lượng):", value=i.unit if i else "%"),
        Field("name", "&Tên ngắn:", value=i.name if i else ""),
        Field("plan_text", "Lời văn trong &kế hoạch:", value=i.plan_text if i else ""),
        Field("previous", "Chỉ tiêu năm &trước:", CHOICE, previous, earlier),
    ]  # fmt: skip


def _previous_choices(session: Workspace) -> list[tuple[object, str]]:
    plan = get_plan(session.db, session.plan_id)
    earlier = session.db.execute(
        "SELECT id FROM plans WHERE province = ? AND year = ?", [plan.province, plan.year - 1]
    ).fetchone()
    choices: list[tuple[object, str]] = [(None, "— Không nối —")]
    if earlier:
        found = list_indicators(session.db, earlier[0])
        choices += [(i.id, f"{i.code}. {i.name}"[:70]) for i in found]
    return choices


def _id(value: object) -> int:
    assert isinstance(value, int), value
    return value


def _pair(value: object) -> tuple[str, str | None]:
    """ "yes_no:district" as its kind and who answers it."""
    kind, _, population = str(value).partition(":")
    return kind, population or None


def _threshold(kind: str, low: int, high: int | None) -> str:
    unit = "" if kind == "count" else " %"
    return f"{low}{unit}" + (f" – {high}{unit}" if high is not None else "")


def groups_part(session: Workspace) -> Part:
    db, plan_id = session.db, session.plan_id

    def rows() -> list[Row]:
        return [Row(g.id, (labels.TASK_SECTIONS[g.section], str(g.number), g.title))
                for g in list_groups(db, plan_id)]  # fmt: skip

    def fields(key: object | None) -> list[Field]:
        if key is None:
            return [Field("section", "&Mục:", CHOICE, "content", SECTIONS),
                    Field("title", "&Tên nhóm:", LONG, "")]  # fmt: skip
        group = next(g for g in list_groups(db, plan_id) if g.id == key)
        return [Field("number", "&Số thứ tự:", NUMBER, group.number),
                Field("title", "&Tên nhóm:", LONG, group.title)]  # fmt: skip

    return Part(
        "nhóm nhiệm vụ", ("Mục", "Số", "Tên nhóm"), rows, fields,
        lambda v: plan_editing.add_group(db, plan_id, str(v["section"]), str(v["title"])),
        lambda k, v: plan_editing.update_group(db, _id(k), str(v["title"]), _id(v["number"])),
        lambda k: plan_editing.delete_group(db, _id(k)),
        (TASKS,),
    )  # fmt: skip


def sources_part(session: Workspace) -> Part:
    db, plan_id = session.db, session.plan_id

    def rows() -> list[Row]:
        return [Row(s.id, (vnformat.format_money(s.estimate) if s.estimate is not None else "",
                           s.name)) for s in list_sources(db, plan_id)]  # fmt: skip

    def name(key: object | None) -> str:
        return next((s.name for s in list_sources(db, plan_id) if s.id == key), "")

    return Part(
        headings.SOURCE.lower(), (headings.ESTIMATE, headings.SOURCE), rows,
        lambda k: [Field("name", "&Tên nguồn:", value=name(k))],
        lambda v: plan_editing.add_source(db, plan_id, str(v["name"])),
        lambda k, v: plan_editing.rename_source(db, _id(k), str(v["name"])),
        lambda k: plan_editing.delete_source(db, _id(k)),
        (BUDGET,),
    )  # fmt: skip
