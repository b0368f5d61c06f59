"""Section IV of a plan: the total estimate, its funding sources, and the document that
details it.

"Tổng số tiền dự toán là 3.235.715.000 đồng, sử dụng từ nguồn sự nghiệp: kinh tế, tài nguyên
môi trường, giáo dục và đào tạo, y tế và từ ngân sách của huyện (Chi tiết theo Công văn số
893/UBND-KT ngày 29/8/2022 …)." gives the total, five sources ("Sự nghiệp kinh tế", …,
"Ngân sách huyện": names are the program's labels for the list, so they are flagged) and the
reference. Sources listed one per line with an amount ("- Sự nghiệp kinh tế: 1.200.000.000
đồng") get that amount as their estimate. A plan without the section, or without a total,
is flagged, never filled in.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from sxtdbv_desktop.plan_import import figures
from sxtdbv_desktop.plan_import.draft import Flag
from sxtdbv_desktop.plan_import.paragraphs import Paragraph
from sxtdbv_desktop.plan_import.parts import item_text

_SOURCE_LIST = re.compile(r"(?:từ\s+)?(?:các\s+)?nguồn\s*(sự nghiệp)?\s*:?\s*(.+)", re.IGNORECASE)
_REFERENCE = re.compile(
    r"[Cc]hi tiết (?:theo|tại)\s+((?:Công văn|Quyết định|Kế hoạch|Phụ lục|Thông báo)\b[^()]*)"
)


@dataclass
class Budget:
    total: int = 0
    text: str = ""
    reference: str = ""
    sources: list[dict[str, Any]] = field(default_factory=list)
    flags: list[Flag] = field(default_factory=list)


def read_budget(body: list[Paragraph] | None, where: str) -> Budget:
    """What section IV says about money (`body` None: the plan has no such section)."""
    budget = Budget()
    if body is None:
        budget.flags.append(
            Flag(
                "budget",
                "Kinh phí",
                "Kế hoạch không có mục Kinh phí: tổng "
                "kinh phí để 0 đồng và chưa có nguồn; hãy nhập nếu có.",
                blocking=False,
            )
        )
        return budget
    budget.text = "\n".join(p.text for p in body)
    _total(budget, body, where)
    _sources(budget, body, where)
    reference = _REFERENCE.search(budget.text)
    if reference:
        budget.reference = reference.group(1).strip().rstrip(".;")
    return budget


def _total(budget: Budget, body: list[Paragraph], where: str) -> None:
    text = budget.text
    totals = list(figures.find_amounts(text))
    stated = re.search(
        r"[Tt]ổng (?:số tiền|kinh phí|dự toán)[^.]*?(\d[\d.,]*\s*(?:tỷ|triệu|nghìn)?\s*đồng)", text
    )
    if stated:
        (budget.total,) = [a.value for a in figures.find_amounts(stated.group(1))] or [0]
    elif len(totals) == 1:
        budget.total = totals[0].value
    if not budget.total:
        budget.flags.append(
            Flag(
                "budget.total",
                f"{where}, tổng kinh phí",
                "không thấy tổng kinh phí: để 0 đồng; hãy nhập nếu Kế hoạch có.",
                body[0].text if body else "",
            )
        )
    elif not stated and len(totals) == 1:
        budget.flags.append(
            Flag(
                "budget.total",
                f"{where}, tổng kinh phí",
                "số tiền duy nhất của mục được lấy làm tổng kinh phí; hãy kiểm tra.",
                text,
            )
        )
    for amount in totals:
        if not amount.exact:
            budget.flags.append(
                Flag(
                    "budget.total",
                    f"{where}, tổng kinh phí",
                    f"số tiền «{amount.text}» được làm tròn tới đồng.",
                    text,
                )
            )


def _sources(budget: Budget, body: list[Paragraph], where: str) -> None:
    listed = [p for p in body if p.mark in ("bullet", "letter") and ":" in p.text]
    for paragraph in listed:
        name, _, rest = item_text(paragraph).partition(":")
        amounts = figures.find_amounts(rest)
        budget.sources.append(
            {"name": _capital(name.strip()), "estimate": amounts[0].value if amounts else None}
        )
    if budget.sources:
        return
    for paragraph in body:
        found = _SOURCE_LIST.search(paragraph.text)
        if found:
            budget.sources = [{"name": n, "estimate": None} for n in _names(found)]
            budget.flags.append(
                Flag(
                    "budget.sources",
                    f"{where}, nguồn kinh phí",
                    "tên các nguồn do chương trình đặt từ câu liệt kê; dự toán từng nguồn chưa có.",
                    paragraph.text,
                )
            )
            return
    budget.flags.append(
        Flag(
            "budget.sources",
            f"{where}, nguồn kinh phí",
            "không thấy nguồn kinh phí; hãy nhập.",
            budget.text,
        )
    )


def _names(found: re.Match[str]) -> list[str]:
    """ "kinh tế, …, y tế và từ ngân sách của huyện (Chi tiết…)" as source names."""
    prefix = "sự nghiệp " if found.group(1) else ""
    listing = re.split(r"\s*\(|\.\s|\.$", found.group(2))[0]
    names: list[str] = []
    for piece in re.split(r",\s*", listing):
        parts = re.split(r"\s+và\s+(?=(?:từ\s+)?(?:nguồn|ngân sách|vốn|kinh phí|các nguồn))", piece)
        for index, raw in enumerate(parts):
            part = re.sub(r"^(?:và\s+)?(?:từ\s+)?", "", raw.strip())
            if not part:
                continue
            own = index > 0 or part.startswith(("ngân sách", "nguồn", "vốn", "kinh phí"))
            name = part if own else prefix + part
            names.append(_capital(re.sub(r"\s+của\s+", " ", name)))
    return names


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]
