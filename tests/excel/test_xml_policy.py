"""The XML policy for received files: no DTD, no entity, UTF-8 or UTF-16 only, refused before
openpyxl parses anything, whichever parser (lxml or defusedxml) it would use."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable

import openpyxl
import pytest

from sxtdbv_desktop.excel.errors import FormError
from sxtdbv_desktop.excel.files import UNREADABLE, load_bytes
from sxtdbv_desktop.office_xml import refused_part

BOMB = b'<!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'


def workbook_bytes() -> bytes:
    wb = openpyxl.Workbook()
    wb.active["A1"] = "Sở Công Thương <!DOCTYPE> & chợ"  # user text is escaped, not a DTD
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def with_member(data: bytes, name: str, change: Callable[[bytes], bytes]) -> bytes:
    """`data` with the member `name` passed through `change` (or added when missing)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for member in source.infolist():
            body = source.read(member)
            if member.filename == name:
                body = change(body)
            target.writestr(member, body)
        if name not in source.namelist():
            target.writestr(name, change(b""))
    return out.getvalue()


def after_declaration(xml: bytes, inserted: bytes) -> bytes:
    """`inserted` before the root element (openpyxl writes no declaration with lxml)."""
    if xml.startswith(b"<?xml"):
        head, rest = xml.split(b"?>", 1)
        return head + b"?>" + inserted + rest
    return inserted + xml


def declared(encoding: bytes) -> Callable[[bytes], bytes]:
    return lambda xml: (
        b'<?xml version="1.0" encoding="'
        + encoding
        + b'"?>'
        + (xml.split(b"?>", 1)[1] if xml.startswith(b"<?xml") else xml)
    )


def test_a_workbook_as_openpyxl_writes_it_passes() -> None:
    data = workbook_bytes()
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert all(refused_part(archive.read(m)) is None for m in archive.infolist())
    assert load_bytes("a.xlsx", data).workbook.active["A1"].value.startswith("Sở Công Thương")


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b'<?xml version="1.0"?>' + BOMB + b"<r>&b;</r>", "a DTD or entity declaration"),
        (b'<!DOCTYPE r SYSTEM "file:///etc/passwd"><r/>', "a DTD or entity declaration"),
        (b"<!doctype r><r/>", "a DTD or entity declaration"),
        (("\ufeff" + BOMB.decode()).encode("utf-16-le"), "a DTD or entity declaration"),
        (BOMB.decode().encode("utf-16-be"), "a DTD or entity declaration"),
        (BOMB.decode().encode("utf-32"), "a DTD or entity declaration"),
        (b'<?xml version="1.0" encoding="UTF-7"?><r/>', "the encoding 'UTF-7'"),
        (b"<?xml version='1.0' encoding='cp1258'?><r/>", "the encoding 'cp1258'"),
        ("<?xml?><r/>".encode("cp500"), "EBCDIC encoding"),
    ],
)
def test_refused_parts(data: bytes, reason: str) -> None:
    assert refused_part(data) == reason


@pytest.mark.parametrize(
    "data",
    [
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><r>&amp;lt;!DOCTYPE</r>',
        '<?xml version="1.0" encoding="UTF-16"?><r>Đồng Tháp</r>'.encode("utf-16"),
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
        b"",
    ],
)
def test_accepted_parts(data: bytes) -> None:
    assert refused_part(data) is None


@pytest.mark.parametrize(
    ("member", "change"),
    [
        ("xl/workbook.xml", lambda xml: after_declaration(xml, BOMB)),
        ("xl/worksheets/sheet1.xml", lambda xml: after_declaration(xml, BOMB)),
        ("xl/styles.xml", declared(b"UTF-7")),
        # A part under a name no rule looks for: the relationships decide what is XML.
        ("xl/extra/part.bin", lambda _xml: ("\ufeff<?xml version='1.0'?>" + BOMB.decode())
         .encode("utf-16-le")),
    ],
)  # fmt: skip
def test_a_refused_part_stops_the_file_before_openpyxl(
    member: str, change: Callable[[bytes], bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    data = with_member(workbook_bytes(), member, change)

    opened: list[object] = []
    monkeypatch.setattr(openpyxl, "load_workbook", lambda *args, **_: opened.append(args))
    with pytest.raises(FormError) as caught:
        load_bytes("cuoi.xlsx", data)
    assert caught.value.message == f"Tệp cuoi.xlsx: {UNREADABLE}"
    assert opened == []


def test_the_same_parts_declared_utf8_reach_openpyxl() -> None:
    data = with_member(workbook_bytes(), "xl/styles.xml", declared(b"UTF-8"))
    assert load_bytes("a.xlsx", data).workbook.active["A1"].value.endswith("& chợ")
