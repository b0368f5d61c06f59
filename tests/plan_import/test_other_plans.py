"""Plans of other provinces and years: their own wording, figures, agencies and local units.
What the reader can settle it reads; what it cannot it flags, never guesses; a file that is not
a plan is refused with a message naming the file."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from sqlite_utils import Database

from sxtdbv_desktop.agencies import list_agencies
from sxtdbv_desktop.indicators import list_indicators
from sxtdbv_desktop.numbering import task_references
from sxtdbv_desktop.plan_import.draft import Draft
from sxtdbv_desktop.plan_import.reader import read_plan
from sxtdbv_desktop.plan_import.saving import save_draft
from sxtdbv_desktop.plan_import.sources import DocumentError, read_document
from sxtdbv_desktop.plan_sections import list_sections
from sxtdbv_desktop.plans import get_plan, objectives
from tests.plan_import.documents import HAU_GIANG, plan_text, write_docx, write_pdf


def read(path: Path) -> Draft:
    return read_plan(read_document(path))


def write(tmp_path: Path, text: str, name: str = "ke-hoach.txt") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def indicators(draft: Draft) -> dict[str, tuple[object, ...]]:
    return {
        i["code"]: (i["kind"], i["threshold"], i["exceed_above"], i["population"], i["plan_text"])
        for i in draft.indicators()
    }


# --- A plan of another province, written for the test ----------------------------------------


@pytest.fixture(scope="module")
def hau_giang() -> Draft:
    return read(HAU_GIANG)


def test_the_header_is_read_from_the_letterhead(hau_giang: Draft) -> None:
    plan = hau_giang.plan
    assert (plan["year"], plan["province"]) == (2024, "Hậu Giang")
    assert plan["document_number"] == "45/KH-UBND"
    assert plan["signed_on"] == "2024-03-08"
    assert plan["issuing_body"] == "Ủy ban nhân dân tỉnh Hậu Giang"
    assert plan["title"].endswith("trên địa bàn tỉnh Hậu Giang năm 2024")
    assert hau_giang.data["legal_documents"][0]["number"] == "889/QĐ-TTg"
    assert plan["signature"] == {
        "authority": "TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH",
        "title": "PHÓ CHỦ TỊCH",
        "name": "Lê Văn Minh",
    }


def test_objectives_keep_their_purpose_and_requirement_parts(hau_giang: Draft) -> None:
    parts = [o["part"] for o in hau_giang.data["objectives"]]
    assert parts == ["Mục đích", "Mục đích", "Yêu cầu", "Yêu cầu"]


def test_indicators_and_thresholds_are_read_from_their_sentences(hau_giang: Draft) -> None:
    assert indicators(hau_giang) == {
        "1": ("share", 75, None, None, "75% các cụm công nghiệp trên địa bàn tỉnh"),
        "2": ("count", 3, None, None, "03 doanh nghiệp"),
        "3": ("yes_no", 60, None, "district", "60% huyện, thị xã, thành phố"),
        "4": (
            "reduction",
            30,
            None,
            None,
            "30% lượng túi ni-lông khó phân hủy sử dụng tại các chợ truyền thống so với năm 2023",
        ),
        "6": ("share", 10, None, None, "10% số sản phẩm OCOP"),
    }
    assert hau_giang.plan["local_unit_name"] == "huyện, thị xã, thành phố"


def test_what_cannot_be_settled_is_flagged_not_guessed(hau_giang: Draft) -> None:
    flags = {f.key: f for f in hau_giang.flags}
    # A target in words only: kept, with no indicator.
    assert "target 5" in flags
    assert not hau_giang.data["targets"][4]["indicators"]
    # An increase has no kind of its own.
    assert "tăng" in flags["indicator 6"].problem
    # Hậu Giang's district-level units are not in the reference list: none is invented.
    assert "chưa có danh sách UBND huyện, thị xã, thành phố" in flags["duty 5"].problem
    assert not [a for a in hau_giang.data["agencies"] if a["kind"] == "district"]
    assert flags["duty 5"].source == "UBND các huyện, thị xã, thành phố"
    assert all(f.source or f.key.startswith(("content.", "indicators.")) for f in flags.values())


def test_tasks_budget_agencies_and_deadline(hau_giang: Draft) -> None:
    content = hau_giang.groups("content")
    assert [g["title"] for g in content][:2] == [
        "Công tác thông tin, tuyên truyền",
        "Hỗ trợ doanh nghiệp đổi mới công nghệ",
    ]
    assert [len(g["tasks"]) for g in content] == [2, 2, 1]
    assert content[0]["tasks"][0]["time_frame"] == "Quý II/2024"
    assert content[1]["tasks"][0]["planned_output"] == "03 doanh nghiệp"
    assert hau_giang.plan["total_budget"] == 1_250_000_000
    assert hau_giang.data["funding_sources"] == [
        {"name": "Ngân sách tỉnh", "estimate": 850_000_000},
        {"name": "Ngân sách cấp huyện", "estimate": 400_000_000},
    ]
    kinds = {a["code"]: a["kind"] for a in hau_giang.data["agencies"]}
    assert kinds == {
        "SoCT": "department",
        "SoNNPTNT": "department",
        "SoTNMT": "department",
        "SoVHTTDL": "department",
        "BaoChi": "press",
        "HoiDoanThe": "association",
    }
    duty = hau_giang.groups("duty")
    assert duty[0]["title"] == "Sở Công Thương"  # "1. Sở Công Thương: Là cơ quan …"
    assert duty[0]["tasks"][0]["text"].startswith("Là cơ quan thường trực")
    assert hau_giang.plan["reporting_deadline"] == "2024-12-05"
    assert hau_giang.plan["focal_agency"] == "SoCT"


def test_the_plan_is_saved_with_its_own_numerals_and_local_units(
    empty_db: Database, hau_giang: Draft
) -> None:
    plan_id = save_draft(empty_db, hau_giang, accept_flagged=True)
    plan = get_plan(empty_db, plan_id)
    assert plan.local_unit_name == "huyện, thị xã, thành phố"
    assert plan.citation == "Kế hoạch số 45/KH-UBND ngày 08/03/2024"
    assert list_sections(empty_db, plan_id)["content"].heading == "NHIỆM VỤ VÀ GIẢI PHÁP"
    assert sorted(task_references(empty_db, plan_id).values())[:2] == ["III.1.1", "III.1.2"]
    assert len(objectives(empty_db, plan_id)) == 4
    assert [i.code for i in list_indicators(empty_db, plan_id)] == ["1", "2", "3", "4", "6"]
    assert len(list_agencies(empty_db, plan_id)) == 6


def test_the_same_plan_as_word_with_a_letterhead_table(tmp_path: Path, hau_giang: Draft) -> None:
    lines = HAU_GIANG.read_text(encoding="utf-8").splitlines()
    letterhead = [
        ["ỦY BAN NHÂN DÂN\nTỈNH HẬU GIANG", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do"
         " - Hạnh phúc"],
        ["Số: 45/KH-UBND", "Hậu Giang, ngày 08 tháng 3 năm 2024"],
    ]  # fmt: skip
    path = write_docx(lines[6:], tmp_path / "hau-giang.docx", letterhead)
    draft = read(path)
    assert draft.data == hau_giang.data


# --- Plans with parts missing or in prose ----------------------------------------------------

OBJECTIVES = "I. MỤC ĐÍCH, YÊU CẦU\n1. Nâng cao nhận thức về tiêu dùng bền vững."
TASKS = "III. NỘI DUNG\n1. Tuyên truyền\n- Tổ chức hội nghị tuyên truyền."
DUTIES = (
    "V. TỔ CHỨC THỰC HIỆN\n1. Sở Công Thương\nChủ trì triển khai Kế hoạch.\n"
    "2. UBND các xã, phường\nTổ chức tuyên truyền trên địa bàn.\n"
    "Các cơ quan, đơn vị gửi báo cáo về Sở Công Thương trước ngày 15/12/2026."
)


def test_a_plan_without_a_budget_section_is_flagged(tmp_path: Path, empty_db: Database) -> None:
    text = plan_text(OBJECTIVES, "II. MỤC TIÊU\n1. 80% xã, phường tổ chức tuyên truyền.", TASKS,
                     DUTIES).replace("năm 2024", "năm 2026")  # fmt: skip
    draft = read(write(tmp_path, text))
    budget = next(f for f in draft.flags if f.key == "budget")
    assert "không có mục Kinh phí" in budget.problem
    assert draft.plan["total_budget"] == 0 and draft.data["funding_sources"] == []
    # A 2026 plan reports by xã and phường, and none of them is named: flagged, not invented.
    assert draft.plan["local_unit_name"] == "xã, phường"
    assert indicators(draft)["1"][:4] == ("yes_no", 80, None, "district")
    assert "chưa có danh sách UBND xã, phường" in next(
        f.problem for f in draft.flags if f.key == "duty 2"
    )
    plan_id = save_draft(empty_db, draft, accept_flagged=True)
    assert get_plan(empty_db, plan_id).total_budget == 0


def test_targets_stated_only_in_prose_are_flagged(tmp_path: Path) -> None:
    prose = (
        "II. MỤC TIÊU\nPhấn đấu trong năm 2024 có 70% chợ trên địa bàn tỉnh được tuyên truyền; "
        "hỗ trợ 02 mô hình sản xuất sạch hơn. Từng bước thay đổi thói quen tiêu dùng."
    )
    draft = read(write(tmp_path, plan_text(OBJECTIVES, prose, TASKS, DUTIES)))
    targets = draft.data["targets"]
    assert [t["text"] for t in targets] == [
        "Phấn đấu trong năm 2024 có 70% chợ trên địa bàn tỉnh được tuyên truyền;",
        "hỗ trợ 02 mô hình sản xuất sạch hơn.",
    ]
    assert indicators(draft)["1"][:2] == ("share", 70)
    assert indicators(draft)["2"][:3] == ("count", 2, None)
    prose_flags = [f for f in draft.flags if "đoạn văn" in f.problem]
    assert len(prose_flags) == 2


def test_a_target_section_without_figures_gives_flags_not_errors(tmp_path: Path) -> None:
    text = plan_text(OBJECTIVES, "II. MỤC TIÊU\n1. Nâng cao nhận thức của cộng đồng.", TASKS,
                     DUTIES)  # fmt: skip
    draft = read(write(tmp_path, text))
    assert draft.indicators() == []
    assert any(f.key == "target 1" for f in draft.flags)


def test_no_reporting_deadline_blocks_saving(tmp_path: Path, empty_db: Database) -> None:
    duties = DUTIES.rsplit("\n", 1)[0]
    draft = read(write(tmp_path, plan_text(OBJECTIVES, TASKS, duties)))
    assert [f.key for f in draft.blocking()] == ["plan.reporting_deadline"]
    with pytest.raises(Exception, match="còn thiếu: Mục V, chế độ báo cáo"):
        save_draft(empty_db, draft, accept_flagged=True)
    draft.plan["reporting_deadline"] = "2024-12-15"
    draft.resolve("plan.reporting_deadline")
    assert save_draft(empty_db, draft, accept_flagged=True) > 0


# --- Files that are not plans ----------------------------------------------------------------


def test_a_file_that_is_not_a_plan_is_refused(tmp_path: Path) -> None:
    letter = write(tmp_path, "Kính gửi: Sở Công Thương\nĐề nghị cung cấp số liệu.\n", "thu.txt")
    with pytest.raises(DocumentError) as refused:
        read(letter)
    assert refused.value.message.startswith("Tệp thu.txt: không phải là một kế hoạch")


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("cu.doc", b"\xd0\xcf\x11\xe0", "Word 97-2003 (.doc)"),
        ("bang.xlsx", b"PK\x03\x04", "chỉ đọc được kế hoạch dạng Word (.docx), PDF"),
        ("hong.docx", b"PK\x03\x04 not really", "tệp Word bị hỏng"),
        ("rong.txt", b"  \n\n", "không có chữ nào"),
        ("hong.pdf", b"%PDF-1.4 garbage", "PDF bị hỏng"),
    ],
)
def test_unreadable_files_are_refused_with_a_message(
    tmp_path: Path, name: str, data: bytes, message: str
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(DocumentError) as refused:
        read_document(path)
    assert message in refused.value.message
    assert refused.value.message.startswith(f"Tệp {name}:")


def test_a_scanned_pdf_without_text_is_refused(tmp_path: Path) -> None:
    path = write_pdf(["1"], tmp_path / "scan.pdf")
    with pytest.raises(DocumentError, match=r"không có chữ \(có lẽ là bản chụp"):
        read_document(path)


def test_a_word_file_declaring_a_dtd_is_refused(tmp_path: Path) -> None:
    good = write_docx(["KẾ HOẠCH", "Nơi nhận:", "TM. ỦY BAN NHÂN DÂN", "A"], tmp_path / "a.docx")
    bad = tmp_path / "bom.docx"
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(bad, "w") as target:
        for member in source.infolist():
            data = source.read(member)
            if member.filename == "word/document.xml":
                data = data.replace(b"?>", b'?><!DOCTYPE d [<!ENTITY x "x">]>', 1)
            target.writestr(member, data)
    with pytest.raises(DocumentError, match="khai báo DTD"):
        read_document(bad)
