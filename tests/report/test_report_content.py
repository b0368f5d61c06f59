"""What the consolidated report says, read from its `Document` (the words both files share)."""

from __future__ import annotations

import datetime as dt

from sqlite_utils import Database

from sxtdbv_desktop import plans
from sxtdbv_desktop.consolidation import main_period
from sxtdbv_desktop.indicators import list_indicators
from sxtdbv_desktop.numbering import task_references
from sxtdbv_desktop.report import editing, own_texts
from sxtdbv_desktop.report.compose import document_of
from sxtdbv_desktop.report.document import Paragraph, Table
from sxtdbv_desktop.report.material import MINISTRY, PROVINCE, SO, addressee_of
from sxtdbv_desktop.report_settings import UBND
from sxtdbv_desktop.reports import IndicatorValue, ReportContent, TaskResultInput, replace_report
from sxtdbv_desktop.tasks import CONTENT, list_tasks
from sxtdbv_desktop.vnformat import format_number
from tests.factories import agency_id
from tests.report.conftest import Built
from tests.report.document_reading import document_text, placeholders, section

TODAY = dt.date(2024, 1, 5)
HEADINGS = (
    "I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH",
    "II. KẾT QUẢ THỰC HIỆN",
    "III. ĐÁNH GIÁ CHUNG",
    "IV. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2024",
    "V. KIẾN NGHỊ, ĐỀ XUẤT",
)


def _table(built: Built, caption: str) -> Table:
    return next(b for b in built.document.blocks() if isinstance(b, Table) and b.caption == caption)


def test_the_report_has_the_shape_a_so_sends(thirty: Built) -> None:
    body = [getattr(b, "text", "") for b in thirty.document.body]
    assert [t for t in body if t in HEADINGS] == list(HEADINGS)
    assert body[0].startswith("Thực hiện Kế hoạch số ")
    assert body[-1].startswith("Trên đây là báo cáo kết quả thực hiện Kế hoạch")
    labels = [(a.label, a.landscape) for a in thirty.document.appendices]
    assert labels == [("Phụ lục I", True), ("Phụ lục II", True), ("Phụ lục III", False)]
    for appendix in thirty.document.appendices:
        reference = "".join(r.text for r in appendix.reference)
        assert reference == "(Kèm theo Báo cáo số 15/BC-SCT ngày 05/01/2024 của Sở Công Thương)"


def test_every_task_of_section_iii_and_every_indicator_is_reported_on(thirty: Built) -> None:
    results = section(thirty.document, "II. KẾT QUẢ THỰC HIỆN", "III. ĐÁNH GIÁ CHUNG")
    for group in thirty.report.groups:
        if group.section == CONTENT:
            for task in group.tasks:
                assert f"- {task.reference} (" in results, task.reference
    rows = _table(thirty, "Bảng 1. Kết quả thực hiện các chỉ tiêu").rows
    assert [r.cells[0].text for r in rows] == [i["code"] for i in thirty.summary["indicators"]]


def test_the_indicator_table_holds_the_figures_of_summary_json(thirty: Built) -> None:
    rows = _table(thirty, "Bảng 1. Kết quả thực hiện các chỉ tiêu").rows
    verdicts = set()
    for row, indicator in zip(rows, thirty.summary["indicators"], strict=True):
        figure, verdict = row.cells[3].text, row.cells[4].text
        assert verdict.startswith(indicator["verdict_label"]), indicator["code"]
        verdicts.add(indicator["verdict_label"])
        if indicator["percent"] is not None:
            assert f"{indicator['percent']:.1f}".replace(".", ",") + "%" in figure
        else:
            assert figure.startswith(f"{indicator['value']:02d} ")
    assert {"Đạt", "Chưa đạt", "Vượt"} <= verdicts  # the sample exercises every verdict


def test_the_budget_is_reconciled_by_source_and_counted_once(thirty: Built) -> None:
    table = _table(thirty, "Bảng 2. Kinh phí thực hiện theo nguồn")
    *sources, total = table.rows
    used: list[int] = []
    for row in sources:
        value = row.cells[-2].value
        assert isinstance(value, int), value
        used.append(value)
    assert total.cells[-2].value == sum(used) == thirty.summary["budget"]["reported_spent"]
    text = document_text(thirty.document)
    spent = format_number(thirty.summary["budget"]["reported_spent"])
    assert f"kinh phí đã sử dụng là {spent} đồng" in text
    assert "mỗi khoản chi được tính một lần, theo nguồn" in text


def test_who_reported_late_or_not_at_all_is_named(thirty: Built) -> None:
    direction = section(thirty.document, HEADINGS[0], HEADINGS[1])
    received = (
        "đã nhận được báo cáo của 30/32 cơ quan, đơn vị (93,8%), trong đó 27 báo cáo đúng hạn"
    )
    assert received in direction
    assert "Gửi trễ hạn: Sở Tài chính, UBND thành phố Sa Đéc và UBND huyện Lai Vung." in direction
    assert "Chưa gửi báo cáo: Văn phòng UBND Tỉnh và Trung tâm Xúc tiến" in direction


def test_a_plan_without_reports_says_so_and_invents_nothing(empty: Built) -> None:
    text = document_text(empty.document)
    assert (
        "chưa nhận được báo cáo kết quả thực hiện của cơ quan, đơn vị nào trong số 24 cơ quan, "
        "đơn vị phải báo cáo" in text
    )
    assert text.count("chưa có cơ quan, đơn vị nào báo cáo kết quả") == 4  # every task group
    assert "Kế hoạch có 08 chỉ tiêu: 08 chưa có số liệu." in text
    assert "Hình 1" not in text  # no chart of nothing
    assert "Chưa có cơ quan, đơn vị nào báo cáo kinh phí đã sử dụng." in text
    gaps = placeholders(empty.document)
    for wanted in ("[số/KH-UBND]", "[ngày/tháng/năm]", "[Sở bổ sung nhiệm vụ trọng tâm năm 2024.]"):
        assert wanted in gaps
    assert "".join(r.text for r in empty.document.signature.signer) == "[họ và tên người ký]"


def test_the_sos_own_texts_replace_the_drafts_and_an_empty_one_restores_it(
    db: Database, plan_id: int
) -> None:
    period = main_period(db, plan_id).id
    own_texts.save(db, plan_id, period, {
        own_texts.DIRECTION: "Sở đã ban hành Công văn số 1234/SCT-QLCN ngày 15/3/2023.",
        own_texts.group_key("III.1"): "Công tác truyền thông được triển khai rộng khắp.",
        own_texts.NEXT_YEAR: "- Tổ chức Hội nghị tổng kết.\n- Nhân rộng mô hình chợ xanh.",
    })  # fmt: skip
    document = document_of(db, plan_id, TODAY)
    direction = section(document, HEADINGS[0], HEADINGS[1])
    assert direction.startswith("Sở đã ban hành Công văn số 1234/SCT-QLCN ngày 15/3/2023.")
    assert "[nêu các văn bản chỉ đạo" not in direction
    assert "Công tác truyền thông được triển khai rộng khắp." in document_text(document)
    next_year = section(document, HEADINGS[3], HEADINGS[4])
    assert next_year == "- Tổ chức Hội nghị tổng kết.\n- Nhân rộng mô hình chợ xanh."

    own_texts.save(db, plan_id, period, {own_texts.DIRECTION: "  "})
    again = section(document_of(db, plan_id, TODAY), HEADINGS[0], HEADINGS[1])
    assert "[nêu các văn bản chỉ đạo" in again


def test_the_ubnd_variant_speaks_for_the_province_to_the_ministry(
    db: Database, plan_id: int
) -> None:
    document = document_of(db, plan_id, TODAY, UBND)
    head = document.letterhead
    assert (head.governing_body, head.issuing_body) == ("", "ỦY BAN NHÂN DÂN\nTỈNH ĐỒNG THÁP")
    assert "".join(r.text for r in head.number) == "Số: [số]/BC-UBND"
    assert document.signature.authority == ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH")
    text = document_text(document)
    assert "UBND Tỉnh Đồng Tháp báo cáo Bộ Công Thương kết quả thực hiện năm 2023" in text
    assert "Đối với UBND Tỉnh" not in text  # the province does not ask itself
    assert "- Bộ Công Thương (b/c);" in text


def test_the_plan_is_cited_by_its_number_and_date_once_recorded(db: Database, plan_id: int) -> None:
    plans.update_plan(db, plan_id, document_number="42/KH-UBND", signed_on=dt.date(2023, 3, 2))
    document = document_of(db, plan_id, TODAY)
    opening = document.body[0]
    assert isinstance(opening, Paragraph)
    assert opening.text.startswith("Thực hiện Kế hoạch số 42/KH-UBND ngày 02/03/2023 của UBND")
    assert not [r for r in opening.runs if r.placeholder]


def test_a_share_over_nothing_has_no_figure_and_breaks_nothing(db: Database, plan_id: int) -> None:
    indicator = {i.code: i.id for i in list_indicators(db, plan_id)}["2a"]
    values = [IndicatorValue(0, indicator, numerator=0, denominator=0)]
    content = ReportContent(indicator_values=values)
    replace_report(db, main_period(db, plan_id).id, agency_id(db, plan_id, "BQLKKT"), content,
                   received_on=dt.date(2023, 12, 1))  # fmt: skip
    document = document_of(db, plan_id, TODAY)
    row = next(
        r for b in document.body if isinstance(b, Table) and b.caption.startswith("Bảng 1")
        for r in b.rows if r.cells[0].text == "2a"
    )  # fmt: skip
    assert (row.cells[3].text, row.cells[4].text) == ("Chưa có số liệu", "Chưa có số liệu")


def test_tasks_reported_by_one_agency_and_silent_tasks_are_told_apart(
    db: Database, plan_id: int
) -> None:
    first, second = list_tasks(db, plan_id, CONTENT)[:2]
    said = "Đã tổ chức Hội nghị sơ kết với 188 đại biểu."
    content = ReportContent(task_results=[TaskResultInput(first.id, "done", 100, said, 0)])
    period = main_period(db, plan_id).id
    received = dt.date(2023, 12, 1)
    replace_report(db, period, agency_id(db, plan_id, "SoCT"), content, received_on=received)
    references = task_references(db, plan_id)
    text = document_text(document_of(db, plan_id, TODAY))
    assert f"- {references[first.id]} (" in text
    assert "hoàn thành. Sở Công Thương: Đã tổ chức Hội nghị sơ kết với 188 đại biểu." in text
    assert f"- Chưa có cơ quan, đơn vị nào báo cáo: {references[second.id]}, " in text


def test_proposals_are_sorted_by_whom_they_ask() -> None:
    assert addressee_of("Đề nghị Sở Công Thương tập huấn cho cán bộ phụ trách ở cấp huyện.") == SO
    assert addressee_of("Kiến nghị Bộ Công Thương sớm ban hành hướng dẫn.") == MINISTRY
    assert addressee_of("Đề nghị các bộ, ngành trung ương bố trí kinh phí.") == MINISTRY
    assert addressee_of("Đề nghị UBND Tỉnh bổ sung kinh phí năm 2024.") == PROVINCE


def test_the_editor_offers_every_part_with_its_draft_and_the_agencies_words(thirty: Built) -> None:
    found = editing.parts(thirty.report)
    keys = [p.key for p in found]
    assert keys[0] == own_texts.DIRECTION and keys[-1] == own_texts.PROPOSALS_PROVINCE
    assert [k for k in keys if k.startswith("group:")] == [
        "group:III.1",
        "group:III.2",
        "group:III.3",
        "group:III.4",
    ]
    by_key = {p.key: p for p in found}
    group = by_key["group:III.1"]
    assert group.heading.startswith("II.1.1. Đẩy mạnh truyền thông") and group.saved is None
    assert group.text == group.draft and group.draft.startswith("Nhóm có 07 nhiệm vụ")
    assert {m.group for m in group.material} <= {f"III.1.{n}" for n in range(1, 8)}
    assert group.material and all(m.text and m.agencies for m in group.material)
    causes = by_key[own_texts.CAUSES].material
    assert {m.group for m in causes} >= {"Kinh phí", "Cơ chế, chính sách, hướng dẫn"}
    ministry = by_key[own_texts.PROPOSALS_MINISTRY].material
    assert ministry[0].line.startswith("- Kiến nghị Bộ Công Thương sớm ban hành")
    assert all("(" in m.line for m in ministry)  # who proposed it, for the official
    assert "(Sở" not in by_key[own_texts.PROPOSALS_MINISTRY].draft  # but not in the letter
