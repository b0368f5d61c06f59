"""What the agencies wrote, as material for the Sở's own sections, never pasted wholesale.

Their difficulties and proposals are grouped by theme and, for proposals, by whom they are
addressed to (the Bộ, UBND Tỉnh, the Sở); empty answers and "Không." are dropped; the same
sentence from two agencies is one item naming both. The editor of the report shows this
material beside each section; the drafts draw counts from it ("05 đơn vị nêu khó khăn về
kinh phí").
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from sxtdbv_desktop.text import fold, nfc

_NOTHING = re.compile(
    r"^(không|khong|không có|không có gì|không có ý kiến|không có kiến nghị|không có đề xuất|"
    r"không có khó khăn|chưa có|n/?a|-+|\.+|x)\.?$"
)

THEMES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Kinh phí", ("kinh phi", "ngan sach", "von ", "nguon von", "tai chinh")),
    ("Nhân lực", ("can bo", "nhan luc", "chuyen trach", "kiem nhiem", "nhan su")),
    (
        "Nhận thức, thói quen tiêu dùng",
        ("nhan thuc", "thoi quen", "nguoi dan", "nguoi tieu dung", "tieu thuong", "y thuc"),
    ),
    (
        "Cơ chế, chính sách, hướng dẫn",
        ("huong dan", "co che", "chinh sach", "tieu chi", "van ban", "quy dinh"),
    ),
    ("Số liệu, theo dõi, thống kê", ("so lieu", "thong ke", "theo doi", "bao cao", "chi tieu")),
    ("Tập huấn, tuyên truyền", ("tap huan", "tuyen truyen", "truyen thong", "pho bien")),
)
OTHER_THEME = "Khác"

MINISTRY, PROVINCE, SO, OTHERS = "ministry", "province", "so", "others"
ADDRESSEES = {
    MINISTRY: "Bộ Công Thương, Trung ương",
    PROVINCE: "UBND Tỉnh",
    SO: "Sở Công Thương",
    OTHERS: "Khác",
}


@dataclass(frozen=True)
class Statement:
    """Something one or more agencies wrote (a result, a difficulty, a proposal)."""

    agencies: tuple[str, ...]
    text: str

    @property
    def agency(self) -> str:
        return ", ".join(self.agencies)


def says_something(text: str) -> bool:
    """False for an empty answer or a "Không." that says nothing."""
    cleaned = " ".join(nfc(text).split()).strip()
    return bool(cleaned) and not _NOTHING.match(cleaned.casefold())


def statements(items: list[tuple[str, str]]) -> tuple[Statement, ...]:
    """(agency, text) pairs in the agencies' order, each text split into its lines; the
    empty ones dropped; the same text from several agencies merged."""
    by_text: dict[str, list[str]] = defaultdict(list)
    for agency, text in items:
        for raw in nfc(text).split("\n"):
            line = raw.strip().lstrip("-+•").strip()
            if says_something(line) and agency not in by_text[line]:
                by_text[line].append(agency)
    return tuple(Statement(tuple(agencies), text) for text, agencies in by_text.items())


def theme_of(text: str) -> str:
    folded = f" {fold(text)} "
    for name, words in THEMES:
        if any(word in folded for word in words):
            return name
    return OTHER_THEME


def by_theme(found: tuple[Statement, ...]) -> dict[str, list[Statement]]:
    """The statements by theme, themes in a fixed order, "Khác" last."""
    grouped: dict[str, list[Statement]] = {name: [] for name, _ in THEMES}
    grouped[OTHER_THEME] = []
    for statement in found:
        grouped[theme_of(statement.text)].append(statement)
    return {name: items for name, items in grouped.items() if items}


_MINISTRY = re.compile(r"\bBộ\b(?! phận)|\b(?:trung ương|chính phủ)\b", re.IGNORECASE)


def addressee_of(text: str) -> str:
    """Who a proposal asks: a ministry ("Bộ", capitalised: "cán bộ" is staff), UBND Tỉnh, the Sở."""
    text = nfc(text)
    if any(m.group(0) != "bộ" for m in _MINISTRY.finditer(text)):
        return MINISTRY
    folded = fold(text)
    if re.search(r"ubnd tinh|uy ban nhan dan tinh|ubnd tinh", folded):
        return PROVINCE
    if "so cong thuong" in folded:
        return SO
    return OTHERS


def by_addressee(found: tuple[Statement, ...]) -> dict[str, list[Statement]]:
    grouped: dict[str, list[Statement]] = {key: [] for key in ADDRESSEES}
    for statement in found:
        grouped[addressee_of(statement.text)].append(statement)
    return {key: items for key, items in grouped.items() if items}


def agency_count(found: list[Statement]) -> int:
    return len({agency for statement in found for agency in statement.agencies})
