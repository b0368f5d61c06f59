"""A draft plan read from a document, and what the reader is unsure of.

The draft is a plan file's data (`plan_file`, format version 3): once reviewed it is loaded
like any plan file. Each `Flag` names a place of the draft, says what the reader could not
settle, and quotes the sentence it came from. Nothing is saved until every flag is resolved
(confirmed as read, or corrected), or the user accepts the flagged values as they are; a
blocking flag (no year, no province, no reporting deadline) must be corrected in any case.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sxtdbv_desktop.headings import SOURCE
from sxtdbv_desktop.result_words import tasks_in_groups


@dataclass(frozen=True)
class Flag:
    """Something the reader is unsure of, or did not find.

    `key` identifies the flag within the draft ("plan.year", "indicator 4a", "duty 10");
    `where` is the place in the plan in Vietnamese ("Mục II, mục tiêu 4"); `problem` what to
    check; `source` the sentence of the document it came from ("" when nothing was found);
    `blocking` that the plan cannot be saved without a value there.
    """

    key: str
    where: str
    problem: str
    source: str = ""
    blocking: bool = False

    @property
    def message(self) -> str:
        quoted = f" — câu gốc: «{self.source}»" if self.source else ""
        return f"{self.where}: {self.problem}{quoted}"


@dataclass
class Draft:
    """A plan read from a document: its data, its flags, and the document's text."""

    data: dict[str, Any]
    flags: list[Flag]
    source_name: str
    source_text: str
    resolved: set[str] = field(default_factory=set)

    @property
    def plan(self) -> dict[str, Any]:
        header: dict[str, Any] = self.data["plan"]
        return header

    def unresolved(self) -> list[Flag]:
        """Flags the user has neither confirmed nor corrected."""
        return [f for f in self.flags if f.key not in self.resolved]

    def blocking(self) -> list[Flag]:
        """Unresolved flags on values the plan cannot be saved without."""
        return [f for f in self.unresolved() if f.blocking]

    def resolve(self, key: str) -> None:
        """The user confirmed (or corrected) the value that flag `key` is about."""
        self.resolved.add(key)

    def resolve_all(self) -> None:
        """Accept every flagged value as read (the command line's --accept-flagged)."""
        self.resolved.update(f.key for f in self.flags if not f.blocking)

    def indicators(self) -> list[dict[str, Any]]:
        return [i for t in self.data["targets"] for i in t["indicators"]]

    def counts(self) -> str:
        """What was read, counted: "3 mục đích, yêu cầu; 2 mục tiêu với 7 chỉ tiêu; 40 nhiệm vụ
        trong 5 nhóm; 10 mục tổ chức thực hiện; 30 cơ quan; 3 nguồn kinh phí"."""
        data = self.data
        content, duty = self.groups("content"), self.groups("duty")
        tasks = sum(len(g["tasks"]) for g in content)
        return (
            f"{len(data['objectives'])} mục đích, yêu cầu; {len(data['targets'])} mục tiêu với "
            f"{len(self.indicators())} chỉ tiêu; {tasks_in_groups(str(tasks), str(len(content)))}; "
            f"{len(duty)} mục tổ chức thực hiện; {len(data['agencies'])} cơ quan; "
            f"{len(data['funding_sources'])} {SOURCE.lower()}"
        )

    def groups(self, section: str) -> list[dict[str, Any]]:
        return [g for g in self.data["task_groups"] if g["section"] == section]
