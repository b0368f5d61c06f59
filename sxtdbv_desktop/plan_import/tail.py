"""The end of a plan: "Nơi nhận:" and its list, then the signature block.

    Nơi nhận:                          TM. ỦY BAN NHÂN DÂN
    - Bộ Công Thương;                  CHỦ TỊCH
    - …
    - Lưu: VT, KT.TNữ.                 Phạm Thiện Nghĩa

A PDF may give both columns on the same lines: the signature's words in capitals are taken
off the end of a recipient's line, and the name is the last line that is not a recipient.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from sxtdbv_desktop.plan_import.draft import Flag
from sxtdbv_desktop.plan_import.paragraphs import BULLET, Paragraph

_AUTHORITY = re.compile(r"((?:TM|KT|TL|TUQ)\.\s+[A-ZĐÀ-Ỹ ]+?)\s*$")
_TITLES = ("PHÓ CHỦ TỊCH", "CHỦ TỊCH", "PHÓ GIÁM ĐỐC", "GIÁM ĐỐC", "CHÁNH VĂN PHÒNG")


@dataclass
class Tail:
    recipients: list[str] = field(default_factory=list)
    authority: str = ""
    title: str = ""
    name: str = ""
    flags: list[Flag] = field(default_factory=list)


def read_tail(paragraphs: list[Paragraph]) -> Tail:
    tail = Tail()
    lines = [line for p in paragraphs for line in p.lines]
    if not lines:
        tail.flags.append(
            Flag(
                "plan.signature",
                "Nơi nhận, chữ ký",
                "không thấy «Nơi nhận» và phần ký; hãy nhập nếu cần.",
            )
        )
        return tail
    signature: list[str] = []
    for index, whole in enumerate(lines):
        line, found = _split_signature(whole)
        signature += found
        if index == 0:  # "Nơi nhận:"
            continue
        bullet = BULLET.match(line)
        if bullet and line[:1] in "-–•+":
            tail.recipients.append(bullet.group(1).strip())
        elif line and tail.recipients and not _is_signature(line):
            if signature:
                signature.append(line)
            else:
                tail.recipients[-1] += f" {line}"
        elif line:
            signature.append(line)
    _signature(tail, signature)
    return tail


def _split_signature(line: str) -> tuple[str, list[str]]:
    """A recipient's line with the signature's column taken off its end."""
    for title in _TITLES:
        if line.endswith(f" {title}") and not line.isupper():
            return line[: -len(title)].rstrip(), [title]
    found = _AUTHORITY.search(line)
    if found and found.start() > 0 and not line.isupper():
        return line[: found.start()].rstrip(), [found.group(1)]
    return line, []


def _is_signature(line: str) -> bool:
    return line.isupper() or bool(_AUTHORITY.match(line))


def _signature(tail: Tail, lines: list[str]) -> None:
    lines = [line.strip() for line in lines if line.strip()]
    for line in lines:
        if _AUTHORITY.match(line) and not tail.title:
            tail.authority = f"{tail.authority} {line}".strip()
        elif (line in _TITLES and not tail.title) or (
            line.isupper() and tail.authority and not tail.title
        ):
            tail.title = line
    names = [line for line in lines if not line.isupper()]
    tail.name = names[-1] if names else ""
    if not (tail.authority and tail.name):
        tail.flags.append(
            Flag(
                "plan.signature",
                "Chữ ký",
                "không đọc được đủ thẩm quyền ký và tên người ký; hãy kiểm tra.",
                " / ".join(lines),
            )
        )
