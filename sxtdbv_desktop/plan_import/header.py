"""The head of a plan: letterhead, number and date, title, year, province, and its basis.

    ỦY BAN NHÂN DÂN            CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
    TỈNH HẬU GIANG             Độc lập - Tự do - Hạnh phúc
    Số: 45/KH-UBND             Hậu Giang, ngày 08 tháng 3 năm 2024
                     KẾ HOẠCH
    Thực hiện Chương trình … năm 2024 trên địa bàn tỉnh Hậu Giang
    ______
    Căn cứ / Thực hiện Quyết định số 889/QĐ-TTg ngày 24/6/2020 của Thủ tướng Chính phủ …

A PDF may give the two columns of the letterhead on the same lines; every piece is looked for
by its own pattern. The legal basis ("Quyết định số … ngày … của … về …") becomes the plan's
list of legal documents.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from sxtdbv_desktop.headings import PLAN_TITLE, PLAN_YEAR
from sxtdbv_desktop.plan_import import figures
from sxtdbv_desktop.plan_import.draft import Flag
from sxtdbv_desktop.plan_import.paragraphs import Paragraph
from sxtdbv_desktop.text import clean_line, fold

_NATIONAL = ("cong hoa xa hoi chu nghia viet nam", "doc lap - tu do - hanh phuc")
_DOCUMENT_TYPES = ("KẾ HOẠCH", "CHƯƠNG TRÌNH", "ĐỀ ÁN")
_SUMMARY_STARTS = (
    "phê duyệt",
    "về việc",
    "về",
    "ban hành",
    "triển khai",
    "quy định",
    "hướng dẫn",
    "thực hiện",
)
_PROVINCE = re.compile(r"(?:trên địa bàn|của (?:UBND|Ủy ban nhân dân))\s+(?:tỉnh|Tỉnh)\s+(.+)")
_LETTERHEAD_PROVINCE = re.compile(r"^(?:TỈNH|THÀNH PHỐ)\s+(.+)$")


def _name_words(text: str, *, upper: bool = False) -> str:
    """The name at the start of `text`: its words that start with a capital (all capitals)."""
    words = []
    for word in text.split():
        bare = word.strip(",.;:()")
        if not bare or not (bare.isupper() if upper else bare[0].isupper()) or bare in ("Số",):
            break
        words.append(bare)
        if bare != word:
            break
    return " ".join(words)


@dataclass
class Head:
    fields: dict[str, Any] = field(default_factory=dict)
    legal_documents: list[dict[str, Any]] = field(default_factory=list)
    flags: list[Flag] = field(default_factory=list)


def read_head(paragraphs: list[Paragraph], whole_text: str) -> Head:
    """The plan's header facts from the paragraphs before its first section."""
    head = Head()
    lines = [line for p in paragraphs for line in p.lines]
    _letterhead(head, lines)
    body = [p for p in paragraphs if not _is_letterhead(p.text)]
    kind_at = next(
        (i for i, p in enumerate(body) if p.text.upper() == p.text and _document_type(p.text)),
        None,
    )
    if kind_at is None:
        head.flags.append(
            Flag(
                "plan.title",
                PLAN_TITLE,
                "không thấy dòng «KẾ HOẠCH» và tên kế hoạch; hãy nhập tên.",
                blocking=True,
            )
        )
        head.fields.update(document_type="KẾ HOẠCH", title="")
        preamble = body
    else:
        head.fields["document_type"] = _document_type(body[kind_at].text)
        rest = body[kind_at + 1 :]
        title_end = next((i for i, p in enumerate(rest) if p.mark == "rule"), None)
        if title_end is None:  # no rule: the title is the first paragraph
            title_end = 1 if rest else 0
        title_parts = [p.text for p in rest[:title_end] if p.mark != "rule"]
        head.fields["title"] = clean_line(" ".join(title_parts))
        preamble = [p for p in rest[title_end:] if p.mark != "rule"]
    head.fields["preamble"] = "\n".join(p.text for p in preamble)
    _year_and_province(head, whole_text)
    _basis(head)
    return head


def _document_type(text: str) -> str:
    return next((kind for kind in _DOCUMENT_TYPES if text.startswith(kind)), "")


def _is_letterhead(text: str) -> bool:
    folded = fold(text)
    return (
        any(mark in folded for mark in _NATIONAL)
        or folded.startswith(("uy ban nhan dan", "ubnd tinh"))
        or bool(re.match(r"^(TỈNH|THÀNH PHỐ) [A-ZĐÀ-Ỹ ]+$", text))
        or bool(figures.NUMBER_LINE.match(text))
        or bool(re.match(r"^[\wÀ-ỹ ]+, ngày \d{1,2} tháng \d{1,2} năm \d{4}", text))
    )


def _letterhead(head: Head, lines: list[str]) -> None:
    for line in lines:
        number = figures.NUMBER_LINE.search(line)
        if number and "document_number" not in head.fields:
            head.fields["document_number"] = re.sub(r"\s+", "", number.group(1))
        dated = re.search(r"ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}", line)
        if dated and "signed_on" not in head.fields:
            day = figures.find_date(dated.group(0))
            head.fields["signed_on"] = day.isoformat() if day else None
        province = _LETTERHEAD_PROVINCE.match(line)
        name = _name_words(province.group(1), upper=True) if province else ""
        if name and "letterhead_province" not in head.fields:
            head.fields["letterhead_province"] = _proper(name)
    if any(fold(line).startswith("uy ban nhan dan") for line in lines):
        head.fields["letterhead_body"] = "Ủy ban nhân dân"


def _proper(upper: str) -> str:
    """ "HẬU GIANG" as a name is written: "Hậu Giang"."""
    return " ".join(word[:1] + word[1:].lower() for word in upper.split())


def _year_and_province(head: Head, whole_text: str) -> None:
    title = head.fields.get("title", "")
    years = re.findall(r"năm\s+(\d{4})", title)
    if years:
        head.fields["year"] = int(years[-1])
    else:
        head.flags.append(
            Flag(
                "plan.year",
                PLAN_YEAR,
                "tên kế hoạch không nêu năm; hãy nhập năm.",
                title,
                blocking=True,
            )
        )
    province = _PROVINCE.search(title) or _PROVINCE.search(whole_text)
    name = _name_words(province.group(1)) if province else ""
    if name:
        head.fields["province"] = name
    elif "letterhead_province" in head.fields:
        head.fields["province"] = head.fields["letterhead_province"]
    else:
        head.flags.append(
            Flag("plan.province", "Tỉnh", "không thấy tên tỉnh; hãy nhập.", title, blocking=True)
        )


def _basis(head: Head) -> None:
    """The legal documents the preamble implements."""
    preamble = head.fields.get("preamble", "")
    found = list(figures.DOCUMENT.finditer(preamble))
    for index, match in enumerate(found):
        end = found[index + 1].start() if index + 1 < len(found) else len(preamble)
        tail = re.split(r",\s*(?:với|Ủy ban|UBND|ban hành)|;|\.\s", preamble[match.end() : end])[0]
        tail = re.sub(r"\s+và\s*$", "", tail.strip())
        issuer, summary = _issuer_and_summary(re.sub(r"^của\s+", "", tail))
        day = figures.parse_date(match.group(3) or "")
        head.legal_documents.append(
            {
                "number": match.group(2).rstrip(".,;"),
                "signed_on": day.isoformat() if day else None,
                "issuer": issuer,
                "summary": summary,
            }
        )


def _issuer_and_summary(text: str) -> tuple[str, str]:
    """ "Thủ tướng Chính phủ phê duyệt …" split into who issued it and what it is about."""
    padded = f" {text} "
    cut = len(text)
    for start in _SUMMARY_STARTS:
        found = padded.find(f" {start} ")
        if 0 < found < cut:
            cut = found
    return text[:cut].strip(" ,"), text[cut:].strip(" ,")
