"""Sections I–III of a plan: objectives, targets, and the task groups with their tasks.

- Objectives: each numbered item, or, when the section has the subsections "1. Mục đích" and
  "2. Yêu cầu", each item under them with its subsection as its part.
- Targets: an introduction ("Phấn đấu đến hết năm 2023 …"), then the numbered targets; with
  "Mục tiêu chung" / "Mục tiêu cụ thể" subsections the general text is the introduction and
  the specific items the targets; with no items at all, each sentence stating a figure is a
  target, flagged. Each target's indicators are read by `indicators.read_target`.
- Tasks: each numbered item is a group; its bullets (or lettered, or sub-numbered items) its
  tasks. A group with no bullet is one task, its whole sentence, titled by the sentence cut
  before "như:" (flagged). A task ending on a quantity ("… 02 doanh nghiệp.") has it as its
  planned output; "Thời gian thực hiện: …" gives its time frame.
"""

from __future__ import annotations

import re
from typing import Any

from sxtdbv_desktop.plan_import.draft import Flag
from sxtdbv_desktop.plan_import.indicators import COUNT_NOUNS, ReadTarget, read_target
from sxtdbv_desktop.plan_import.paragraphs import (
    BULLET,
    LETTERED,
    NUMBERED,
    SUBNUMBERED,
    Paragraph,
)
from sxtdbv_desktop.text import fold

ITEM_MARKS = ("bullet", "letter", "subnumber")


def item_text(paragraph: Paragraph) -> str:
    """The paragraph without its outline mark ("1. ", "- ", "a) ")."""
    for pattern in (SUBNUMBERED, NUMBERED, LETTERED):
        found = pattern.match(paragraph.text)
        if found and paragraph.mark in ("number", "subnumber", "letter"):
            return found.group(2).strip()
    if paragraph.mark == "bullet":
        found = BULLET.match(paragraph.text)
        return found.group(1).strip() if found else paragraph.text
    return paragraph.text


def item_number(paragraph: Paragraph) -> int | None:
    found = NUMBERED.match(paragraph.text)
    return int(found.group(1)) if found and paragraph.mark == "number" else None


def _subsection(paragraph: Paragraph, names: tuple[str, ...]) -> str | None:
    """The subsection title ("Mục đích") when the paragraph is only that, else None."""
    if paragraph.mark not in ("number", "letter", "subnumber"):
        return None
    title = item_text(paragraph).rstrip(" :.")
    return title if fold(title) in names else None


# --- I. objectives --------------------------------------------------------------------------


def read_objectives(body: list[Paragraph]) -> list[Any]:
    """The objectives: texts, or {"part", "text"} under "Mục đích" / "Yêu cầu" subsections."""
    parts = [_subsection(p, ("muc dich", "yeu cau")) for p in body]
    if not any(parts):
        return [item_text(p) for p in body]
    found: list[Any] = []
    part = ""
    for paragraph, title in zip(body, parts, strict=True):
        if title:
            part = title
        else:
            found.append({"part": part, "text": item_text(paragraph)})
    return found


# --- II. targets ----------------------------------------------------------------------------


def read_targets(body: list[Paragraph]) -> tuple[str, list[ReadTarget]]:
    """The targets' introduction and the targets, each with its indicators and flags."""
    titles = [_subsection(p, ("muc tieu chung", "muc tieu cu the")) for p in body]
    if any(titles):
        return _with_subsections(body, titles)
    intro = [p.text for p in body if not p.mark]
    items = [p for p in body if p.mark]
    if not items:
        return "", _from_prose(intro)
    leading = [p.text for p in body[: body.index(items[0])] if not p.mark]
    targets = []
    for position, paragraph in enumerate(items, 1):
        number = item_number(paragraph) or position
        targets.append(read_target(number, item_text(paragraph)))
    return "\n".join(leading), targets


def _with_subsections(
    body: list[Paragraph], titles: list[str | None]
) -> tuple[str, list[ReadTarget]]:
    intro: list[str] = []
    targets: list[ReadTarget] = []
    current = ""
    for paragraph, title in zip(body, titles, strict=True):
        if title:
            current = fold(title)
        elif current == "muc tieu chung":
            intro.append(item_text(paragraph))
        elif paragraph.mark or current == "muc tieu cu the":
            targets.append(read_target(len(targets) + 1, item_text(paragraph)))
    return "\n".join(intro), targets


def _from_prose(paragraphs: list[str]) -> list[ReadTarget]:
    """Targets in running text: each sentence or clause that states a figure."""
    targets: list[ReadTarget] = []
    for text in paragraphs:
        for clause in re.split(r"(?<=[.;])\s+", text):
            if re.search(r"\d\s*%|\b0\d\s", clause):
                targets.append(read_target(len(targets) + 1, clause.strip(), from_prose=True))
    return targets


# --- III. tasks -----------------------------------------------------------------------------

_OUTPUT = re.compile(rf"(\d{{1,3}}(?:\s*-\s*\d{{1,3}})?\s+(?:{'|'.join(COUNT_NOUNS)}))\.?$")
_TIME_FRAME = re.compile(r"[Tt]hời gian(?: thực hiện)?\s*:\s*([^;.()]+)")


def read_task_groups(
    body: list[Paragraph], section: str, where: str
) -> tuple[list[dict[str, Any]], list[Flag]]:
    """The task groups of the contents section (`where`: "Mục III")."""
    groups: list[dict[str, Any]] = []
    flags: list[Flag] = []
    loose: list[Paragraph] = []
    for paragraph in body:
        number = item_number(paragraph)
        if number is not None:
            groups.append(
                {
                    "section": section,
                    "number": number,
                    "heading": paragraph,
                    "title": item_text(paragraph),
                    "tasks": [],
                }
            )
        elif groups:
            groups[-1]["tasks"].append(task(item_text(paragraph)))
        else:
            loose.append(paragraph)
    if loose:
        tasks = [task(item_text(p)) for p in loose]
        if groups:
            groups[0]["tasks"][:0] = tasks
        else:
            groups.append(
                {"section": section, "number": 1, "heading": None, "title": "", "tasks": tasks}
            )
            flags.append(
                Flag(
                    f"group {section} 1",
                    f"{where}",
                    "các nhiệm vụ không được chia "
                    "nhóm đánh số: đã xếp vào một nhóm, hãy đặt tên nhóm.",
                    loose[0].text,
                )
            )
    for group in groups:
        if not group["tasks"]:
            _single_task_group(group, flags, where)
        group.pop("heading")
    return groups, flags


def _single_task_group(group: dict[str, Any], flags: list[Flag], where: str) -> None:
    sentence = group["title"]
    group["tasks"] = [task(sentence)]
    title = re.split(r"\s+như\s*:|:", sentence, maxsplit=1)[0].strip()
    group["title"] = title
    flags.append(
        Flag(
            f"group {group['section']} {group['number']}",
            f"{where}, nhóm {group['number']}",
            "nhóm không có gạch đầu dòng: cả câu là một nhiệm vụ, tên nhóm là câu đó cắt "
            "trước «như:»; hãy kiểm tra.",
            sentence,
        )
    )


def task(text: str) -> dict[str, Any]:
    """A task of the plan, with the planned output and time frame its text states."""
    output = _OUTPUT.search(text)
    time_frame = _TIME_FRAME.search(text)
    return {
        "text": text,
        "time_frame": time_frame.group(1).strip() if time_frame else None,
        "planned_output": output.group(1) if output else None,
        "lead": [],
        "coordinators": [],
    }
