"""Reading a target's sentence: the measurable indicators it states, their kind and threshold.

The sentences of section II state figures in a few ways, each read one way:

- "Hỗ trợ xây dựng 01 - 02 mô hình …": a count, at least 1, "Vượt" above 2;
- "80% các khu, cụm công nghiệp và 50% làng nghề được phổ biến …": two shares (80 %, 50 %),
  each of the noun phrase that follows its figure;
- "Giảm thiểu ít nhất 40% túi nhựa … đối với các chợ đạt chuẩn văn minh và 20% …": reductions;
- "Tỷ lệ các huyện, thành phố tổ chức … đạt 70%", "70% huyện, thành phố …": a yes/no question
  each local unit answers, 70 % of them must say yes;
- "100% các cơ quan, đơn vị trực thuộc UBND Tỉnh sử dụng …": a yes/no question each agency
  answers for itself.

A sentence with two figures gives two indicators ("2a", "2b"). What does not fit is flagged
with its sentence: a sentence without a figure (a target in prose), a figure with decimals, an
increase ("tăng"), a count whose unit is not a usual noun.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from sxtdbv_desktop.plan_import.draft import Flag

PERCENT = re.compile(
    r"(?:(ít nhất|tối thiểu|trên|không dưới|không thấp hơn|khoảng|đạt)\s+)?"
    r"(\d{1,3}(?:,\d+)?)\s*%"
)
COUNT = re.compile(
    r"(?:(ít nhất|tối thiểu|từ)\s+)?(?<![\d/.,])(\d{1,3})(?:\s*(?:-|–|đến)\s*(\d{1,3}))?"
    r"\s+(?=[^\d\s%])"
)
COUNT_NOUNS = (
    "mô hình",
    "doanh nghiệp",
    "cơ sở",
    "lớp",
    "hội nghị",
    "hội thảo",
    "chương trình",
    "sản phẩm",
    "đợt",
    "buổi",
    "lượt",
    "tin",
    "bài",
    "phóng sự",
    "hợp tác xã",
    "chợ",
    "điểm",
    "cuộc",
    "đề án",
    "dự án",
    "nhiệm vụ",
    "chuỗi",
    "làng nghề",
    "hộ",
    "người",
    "cán bộ",
)
PREDICATES = (
    "được",
    "sử dụng",
    "tổ chức",
    "áp dụng",
    "thực hiện",
    "tham gia",
    "triển khai",
    "có",
    "đạt",
    "thay thế",
    "ứng dụng",
    "hoàn thành",
    "phân loại",
    "ký cam kết",
    "cam kết",
    "không sử dụng",
    "hạn chế",
)
LOCAL_WORDS = ("huyện", "thị xã", "thành phố", "xã", "phường", "địa phương", "đặc khu")
AGENCY_WORDS = (
    "cơ quan, đơn vị trực thuộc",
    "cơ quan nhà nước",
    "cơ quan hành chính",
    "sở, ban, ngành",
    "cơ quan, đơn vị",
)


@dataclass
class ReadTarget:
    """A target of section II as read: its number and text, its indicators, and the flags."""

    number: int
    text: str
    indicators: list[dict[str, Any]] = field(default_factory=list)
    flags: list[Flag] = field(default_factory=list)


def read_target(number: int, text: str, *, from_prose: bool = False) -> ReadTarget:
    """The indicators that the target sentence `text` states."""
    target = ReadTarget(number, text)
    where = f"Mục tiêu {number}"
    if from_prose:
        target.flags.append(
            Flag(
                f"target {number}",
                where,
                "mục tiêu đọc từ đoạn văn (không đánh số): kiểm tra chỗ tách câu.",
                text,
            )
        )
    percents = list(PERCENT.finditer(text))
    if percents:
        _read_rates(target, percents)
    else:
        _read_count(target)
    if not target.indicators:
        target.flags.append(
            Flag(
                f"target {number}",
                where,
                "không có con số đo được (tỷ lệ hay số lượng): mục tiêu được giữ, chưa có "
                "chỉ tiêu; thêm chỉ tiêu nếu Kế hoạch có giao.",
                text,
            )
        )
    return target


def _code(number: int, index: int, count: int) -> str:
    return str(number) if count == 1 else f"{number}{'abcdefghij'[index]}"


def _read_rates(target: ReadTarget, found: list[re.Match[str]]) -> None:
    text = target.text
    lowered = text.lower()
    reduction = bool(re.search(r"\bgiảm\b", lowered[: found[0].start()] or lowered))
    increase = bool(re.search(r"\btăng\b", lowered[: found[0].start()]))
    overall = lowered.startswith("tỷ lệ") and len(found) == 1
    for index, match in enumerate(found):
        code = _code(target.number, index, len(found))
        end = found[index + 1].start() if index + 1 < len(found) else len(text)
        segment = _segment(text, match.start(), end)
        if overall:
            plan_text = text.rstrip(" .;")
        elif reduction:
            plan_text = segment
        else:
            plan_text = share_plan_text(segment)
        indicator = _indicator(code, plan_text, "share")
        key = f"indicator {code}"
        where = f"Mục tiêu {target.number}, chỉ tiêu {code}"
        value = match.group(2)
        if "," in value:
            target.flags.append(
                Flag(
                    key,
                    where,
                    f"ngưỡng {value}% có phần thập phân: đã lấy phần nguyên, hãy kiểm tra.",
                    text,
                )
            )
        indicator["threshold"] = min(100, int(value.split(",")[0]))
        subject = _subject(text if overall else segment)
        if reduction:
            indicator["kind"] = "reduction"
        elif _mentions(subject, LOCAL_WORDS):
            indicator.update(kind="yes_no", population="district")
        elif _mentions(subject, AGENCY_WORDS):
            indicator.update(kind="yes_no", population="department")
            target.flags.append(
                Flag(
                    key,
                    where,
                    "mỗi cơ quan trả lời Có/Không cho chính mình; "
                    "danh sách cơ quan phải báo cáo là đề xuất (các sở, ban, "
                    "ngành của Kế hoạch), hãy kiểm tra.",
                    text,
                )
            )
        if increase:
            target.flags.append(
                Flag(
                    key,
                    where,
                    "chỉ tiêu «tăng»: chương trình chỉ tính tỷ lệ, "
                    "mức giảm, số lượng hay Có/Không; hãy chọn loại phù hợp.",
                    text,
                )
            )
        indicator["name"] = _name(subject, text, indicator["kind"])
        target.indicators.append(indicator)


def _read_count(target: ReadTarget) -> None:
    text = target.text
    for match in COUNT.finditer(text):
        low, high = int(match.group(2)), match.group(3)
        after = text[match.end() :]
        noun = next((n for n in COUNT_NOUNS if after.lower().startswith(n)), None)
        if noun is None or low == 0:
            continue
        code = str(target.number)
        figure = text[match.start(2) : match.end()].strip()
        indicator = _indicator(code, f"{figure} {after[: len(noun)]}", "count")
        indicator.update(threshold=low, unit=noun, name=_name(noun, text, "count"))
        if high is not None and int(high) >= low:
            indicator["exceed_above"] = int(high)
        indicator["input_labels"] = {"count": f"Số {noun} đạt được trong năm"}
        target.indicators.append(indicator)
        return


def _indicator(code: str, plan_text: str, kind: str) -> dict[str, Any]:
    return {
        "code": code,
        "name": "",
        "plan_text": plan_text,
        "kind": kind,
        "threshold": 0,
        "exceed_above": None,
        "unit": "%",
        "population": None,
        "input_labels": {},
        "reporters": [],
    }


def _segment(text: str, start: int, end: int) -> str:
    """The figure and what it is of: up to the next figure's " và ", or the predicate."""
    piece = text[start:end]
    piece = re.sub(r"\s+(?:và|,)\s*$", "", piece.rstrip(" .;,"))
    return piece.strip()


def _subject(segment: str) -> str:
    """What a share is of: the noun phrase between the figure and the predicate."""
    rest = PERCENT.sub("", segment, count=1).strip()
    rest = re.sub(r"^(tỷ lệ)\s+", "", rest, flags=re.IGNORECASE)
    cut = len(rest)
    for verb in PREDICATES:
        found = re.search(rf"\s{re.escape(verb)}\s", f" {rest} ")
        if found and found.start() > 0:
            cut = min(cut, found.start() - 1)
    return rest[:cut].strip(" ,.;")


def share_plan_text(segment: str) -> str:
    """A share's words in the plan: its figure and noun phrase, without the predicate."""
    figure = PERCENT.search(segment)
    if figure is None:
        return segment
    return f"{segment[: figure.end()]} {_subject(segment)}".strip()


def _mentions(text: str, words: tuple[str, ...]) -> bool:
    lowered = f" {text.lower()} "
    return any(f" {w} " in lowered or f" {w}," in lowered for w in words)


def _name(subject: str, text: str, kind: str) -> str:
    """Our label for an indicator: its subject, capitalised ("Khu, cụm công nghiệp")."""
    words = re.sub(r"^(các|những|đối với)\s+", "", subject.strip())
    if kind == "count":
        words = text.split(",", maxsplit=1)[0].rstrip(" .;")
    return (words[:1].upper() + words[1:]) if words else text[:80]
