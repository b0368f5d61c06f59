"""Bad files: each gets a Vietnamese message naming the file, the sheet, the cell and the rule,
and the database file is byte for byte what it was."""

from __future__ import annotations

import datetime as dt
import io
import shutil
import zipfile
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest
from sqlite_utils import Database

from sxtdbv_desktop import reports
from sxtdbv_desktop.errors import SxtdbvError
from sxtdbv_desktop.excel.errors import FormError
from sxtdbv_desktop.excel.files import MAX_UNCOMPRESSED_BYTES, require_safe_xml
from sxtdbv_desktop.excel.form_spec import INDICATORS, META, SPENDING, TASKS
from sxtdbv_desktop.excel.forms import write_form
from sxtdbv_desktop.excel.imports import apply_import, check_file
from sxtdbv_desktop.plan_file import load_default_plan
from sxtdbv_desktop.plans import copy_plan
from sxtdbv_desktop.storage import open_database
from tests.conftest import TEST_ACTOR
from tests.excel.filling import fill_file, keyed_rows, meta_cells, prepare_plan
from tests.factories import agency_id

OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def import_fails(db_path: Path, path: Path, **limits: int) -> SxtdbvError:
    """Try to import `path` into the (closed) database; return the error. The file must not
    change by a single byte."""
    before = db_path.read_bytes()
    db = open_database(db_path, TEST_ACTOR)
    try:
        with pytest.raises(SxtdbvError) as caught:
            apply_import(db, check_file(db, path, **limits), today=dt.date(2023, 12, 8))
    finally:
        db.close()
    assert db_path.read_bytes() == before
    assert not db_path.with_name(db_path.name + "-wal").exists()
    return caught.value


@pytest.fixture
def filled(db: Database, excel_plan: int, forms_dir: Path, tmp_path: Path) -> Path:
    """A correctly filled form of the Sở Công Thương; the database is closed afterwards."""
    path = tmp_path / "BaoCao_SoCT_2023.xlsx"
    fill_file(forms_dir / path.name, path, "bad")
    db.close()
    return path


def edited(path: Path, change: Callable[[openpyxl.Workbook], object]) -> Path:
    wb = openpyxl.load_workbook(path)
    change(wb)
    wb.save(path)
    return path


def first_row(path: Path, sheet: str) -> int:
    return keyed_rows(openpyxl.load_workbook(path), sheet)[0][0]


def test_not_an_xlsx(db_path: Path, filled: Path, tmp_path: Path) -> None:
    path = tmp_path / "BaoCao.xlsx"
    path.write_text("Đây là thư, không phải bảng tính", encoding="utf-8")
    error = import_fails(db_path, path)
    assert error.message == "Tệp BaoCao.xlsx: không phải là tệp Excel .xlsx."


def test_an_old_xls_file(db_path: Path, filled: Path, tmp_path: Path) -> None:
    path = tmp_path / "BaoCao_SoCT_2023.xls"
    path.write_bytes(OLE + bytes(4096))
    error = import_fails(db_path, path)
    assert error.message.startswith("Tệp BaoCao_SoCT_2023.xls: tệp ở định dạng Excel 97-2003")
    assert "lưu dạng" in error.message


def test_a_truncated_file(db_path: Path, filled: Path, tmp_path: Path) -> None:
    path = tmp_path / "cut.xlsx"
    path.write_bytes(filled.read_bytes()[: filled.stat().st_size // 2])
    error = import_fails(db_path, path)
    assert error.message.startswith("Tệp cut.xlsx: tệp bị hỏng hoặc không đầy đủ")


def test_a_password_protected_workbook(db_path: Path, filled: Path, tmp_path: Path) -> None:
    # Excel writes an encrypted workbook as an OLE compound file with an EncryptedPackage.
    directory = "EncryptedPackage".encode("utf-16-le").ljust(64, b"\0")
    path = tmp_path / "matkhau.xlsx"
    path.write_bytes(OLE + bytes(504) + directory + bytes(4096))
    error = import_fails(db_path, path)
    assert error.message.startswith("Tệp matkhau.xlsx: tệp được đặt mật khẩu")


def test_a_zip_bomb_is_refused_before_parsing(db_path: Path, filled: Path, tmp_path: Path) -> None:
    path = tmp_path / "bom.xlsx"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
        archive.writestr("xl/worksheets/sheet1.xml", b" " * (MAX_UNCOMPRESSED_BYTES + 1))
    path.write_bytes(buffer.getvalue())
    assert path.stat().st_size < 100_000
    error = import_fails(db_path, path)
    assert error.message.startswith("Tệp bom.xlsx: nội dung nén của tệp lớn bất thường")


def test_a_workbook_that_is_not_our_form(db_path: Path, filled: Path, tmp_path: Path) -> None:
    path = tmp_path / "khac.xlsx"
    openpyxl.Workbook().save(path)
    error = import_fails(db_path, path)
    assert "không phải là biểu mẫu báo cáo do SX&TDBV Desktop tạo" in error.message


def test_another_agencys_form_where_one_agency_is_expected(
    db_path: Path, filled: Path, forms_dir: Path, tmp_path: Path
) -> None:
    path = tmp_path / "BaoCao_SoTNMT_2023.xlsx"
    fill_file(forms_dir / path.name, path, "x")
    db = open_database(db_path, TEST_ACTOR)
    expected = agency_id(db, 1, "SoCT")
    db.close()
    error = import_fails(db_path, path, agency_id=expected)
    assert error.message == (
        "Tệp BaoCao_SoTNMT_2023.xlsx: đây là biểu mẫu của Sở Tài nguyên và Môi trường, "
        "không phải của Sở Công Thương."
    )


def test_another_years_form(db_path: Path, filled: Path, tmp_path: Path) -> None:
    other = open_database(tmp_path / "other.sqlite", TEST_ACTOR)
    plan_2024 = copy_plan(other, load_default_plan(other), 2024)
    prepare_plan(other, plan_2024)
    source = write_form(other, plan_2024, agency_id(other, plan_2024, "SoCT"), tmp_path)
    other.close()
    path = tmp_path / "BaoCao_SoCT_2024_dadien.xlsx"
    fill_file(source, path, "y")
    error = import_fails(db_path, path)
    assert error.message == (
        "Tệp BaoCao_SoCT_2024_dadien.xlsx: biểu mẫu thuộc kế hoạch Đồng Tháp năm 2024, không "
        "thuộc tệp dữ liệu. Hãy chọn đúng kế hoạch, hoặc dùng biểu mẫu của năm này."
    )
    error = import_fails(db_path, path, plan_id=1)
    assert "không thuộc kế hoạch đang mở (Đồng Tháp — năm 2023)" in error.message


def test_tampered_identity_fails_the_digest(db_path: Path, filled: Path) -> None:
    def to_other_agency(wb: openpyxl.Workbook) -> None:
        meta_cells(wb)["agency_code"].value = "SoTNMT"

    error = import_fails(db_path, edited(filled, to_other_agency))
    assert error.message.startswith(
        f"Tệp {filled.name}, trang tính «{META}», ô B8: cấu trúc biểu mẫu đã bị thay đổi"
    )


def test_a_deleted_row_is_a_tampered_structure(db_path: Path, filled: Path) -> None:
    row = first_row(filled, TASKS)
    error = import_fails(db_path, edited(filled, lambda wb: wb[TASKS].delete_rows(row)))
    assert error.message.startswith(
        f"Tệp {filled.name}, trang tính «{TASKS}»: thiếu 1 dòng của biểu mẫu (dòng đã bị xóa)"
    )


def test_swapped_rows_are_a_tampered_structure(db_path: Path, filled: Path) -> None:
    rows = keyed_rows(openpyxl.load_workbook(filled), TASKS)
    (first, a), (second, b) = rows[0], rows[1]

    def swap(wb: openpyxl.Workbook) -> None:
        wb[TASKS][f"A{first}"], wb[TASKS][f"A{second}"] = b, a

    error = import_fails(db_path, edited(filled, swap))
    assert error.message.endswith("thứ tự các dòng của biểu mẫu đã bị thay đổi.")
    assert f"trang tính «{TASKS}»" in error.message


def test_a_row_key_from_elsewhere(db_path: Path, filled: Path) -> None:
    row = first_row(filled, TASKS)
    error = import_fails(db_path, edited(filled, lambda wb: wb[TASKS].cell(row, 1, "task:V.99.1")))
    assert error.message.startswith(
        f"Tệp {filled.name}, trang tính «{TASKS}», ô A{row}: dòng không thuộc biểu mẫu này"
    )


def test_a_formula_in_an_input_cell(db_path: Path, filled: Path) -> None:
    row = first_row(filled, TASKS)
    error = import_fails(db_path, edited(filled, lambda wb: wb[TASKS].cell(row, 6, "=40+60")))
    assert error.message == (
        f"Tệp {filled.name}, trang tính «{TASKS}», ô F{row}: ô nhập liệu chứa công thức; hãy gõ "
        "giá trị (số hoặc chữ), không dùng công thức hay liên kết."
    )


@pytest.mark.parametrize(
    ("column", "value", "rule"),
    [
        (6, 120, "Tiến độ (%) phải từ 0 đến 100 (đang là «120»)."),
        (6, "12,5", "Tiến độ (%) phải là số nguyên (ví dụ 12 hoặc 1.000), không phải «12,5»."),
        (8, -5, "Kinh phí đã chi (đồng) không được âm (đang là «-5»)."),
        (8, 1.5, "Kinh phí đã chi (đồng) phải là số nguyên, không có phần thập phân"),
        (5, "Xong", "Trạng thái phải là một trong: Chưa thực hiện, Đang thực hiện, Hoàn thành"),
    ],
    ids=["progress-over-100", "progress-decimal", "negative-money", "money-decimal",
         "unknown-status"],
)  # fmt: skip
def test_a_task_value_out_of_range(
    db_path: Path, filled: Path, column: int, value: object, rule: str
) -> None:
    row = first_row(filled, TASKS)
    cell = openpyxl.utils.get_column_letter(column) + str(row)

    def put(wb: openpyxl.Workbook) -> None:
        wb[TASKS].cell(row, column).value = value  # cell(row, column, None) would not clear

    error = import_fails(db_path, edited(filled, put))
    assert isinstance(error, FormError)
    assert error.message.startswith(f"Tệp {filled.name}, trang tính «{TASKS}», ô {cell}: {rule}")
    assert (error.sheet, error.cell) == (TASKS, cell)


def test_a_share_over_its_total_and_a_rate_over_100(db_path: Path, filled: Path) -> None:
    wb = openpyxl.load_workbook(filled)
    rows = {key: row for row, key in keyed_rows(wb, INDICATORS)}
    numerator = rows[next(k for k in rows if k.endswith(":numerator"))]
    rate = rows[next(k for k in rows if k.endswith(":estimated_rate"))]

    def spoil(wb: openpyxl.Workbook) -> None:
        wb[INDICATORS].cell(numerator, 5).value = 10**6
        wb[INDICATORS].cell(rate, 5).value = 140

    error = import_fails(db_path, edited(filled, spoil))
    assert error.message.splitlines() == [
        f"Tệp {filled.name} có 2 lỗi nên chưa được nhập:",
        f"– trang tính «{INDICATORS}», ô E{numerator}: số đạt (1000000) không được lớn hơn "
        f"tổng số ({wb[INDICATORS].cell(numerator + 1, 5).value}).",
        f"– trang tính «{INDICATORS}», ô E{rate}: Tỷ lệ giảm (%) phải từ 0 đến 100 "
        "(đang là «140»).",
    ]


def test_money_on_the_tasks_beyond_the_money_by_source_is_refused(
    db_path: Path, filled: Path
) -> None:
    """The rule that counts each đồng once: Biểu 01 places what Biểu 03 gives, never more."""
    wb = openpyxl.load_workbook(filled)
    sources = [row for row, _ in keyed_rows(wb, SPENDING)]

    def spoil(wb: openpyxl.Workbook) -> None:
        for row in sources:
            wb[SPENDING].cell(row, 4).value = 0
        wb[SPENDING].cell(sources[-1], 4).value = 1_000

    error = import_fails(db_path, edited(filled, spoil))
    assert isinstance(error, FormError)
    assert (error.sheet, error.cell) == (SPENDING, f"D{sources[0]}")
    assert "lớn hơn tổng kinh phí đã sử dụng theo nguồn (Biểu 03: 1.000 đồng)" in error.message
    assert "Mỗi đồng chỉ ghi một lần" in error.message


def test_an_accepted_report_stays_as_it_was(db_path: Path, filled: Path, tmp_path: Path) -> None:
    db = open_database(db_path, TEST_ACTOR)
    check = check_file(db, filled)
    report = apply_import(db, check, today=dt.date(2023, 12, 1))
    assert report is not None
    reports.accept(db, report.id)
    db.close()
    other = tmp_path / "sua.xlsx"
    shutil.copy(filled, other)
    edited(other, lambda wb: wb[TASKS].cell(first_row(filled, TASKS), 7, "Đã sửa"))
    error = import_fails(db_path, other)
    assert "Báo cáo đã được chấp nhận nên không thể sửa" in error.message


def test_xml_is_parsed_through_defusedxml(monkeypatch: pytest.MonkeyPatch) -> None:
    assert openpyxl.DEFUSEDXML
    monkeypatch.setattr(openpyxl, "DEFUSEDXML", False)
    with pytest.raises(RuntimeError, match="defusedxml"):
        require_safe_xml()


def test_an_entity_expansion_bomb_is_refused(db_path: Path, filled: Path, tmp_path: Path) -> None:
    laughs = (
        b'<?xml version="1.0"?><!DOCTYPE workbook [<!ENTITY lol "lol">'
        b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
        b'<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>'
    )
    path = tmp_path / "cuoi.xlsx"
    with zipfile.ZipFile(filled) as source, zipfile.ZipFile(path, "w") as target:
        for member in source.infolist():
            data = source.read(member)
            if member.filename == "xl/workbook.xml":  # a "billion laughs" DTD before the root
                body = data.split(b"?>", 1)[1] if data.startswith(b"<?xml") else data
                data = laughs + body
            target.writestr(member, data)
    error = import_fails(db_path, path)
    assert error.message.startswith("Tệp cuoi.xlsx: tệp Excel bị hỏng hoặc có nội dung không đọc")


def test_an_archive_of_an_unknown_zip_version(db_path: Path, filled: Path, tmp_path: Path) -> None:
    # Found by the mutation test: zipfile raises NotImplementedError, not BadZipFile, here.
    data = bytearray(filled.read_bytes())
    central = data.index(b"PK\x01\x02")
    data[central + 6] = 84  # "version needed to extract": 8.4
    path = tmp_path / "phienban.xlsx"
    path.write_bytes(bytes(data))
    error = import_fails(db_path, path)
    assert error.message.startswith("Tệp phienban.xlsx: tệp bị hỏng hoặc không đầy đủ")
