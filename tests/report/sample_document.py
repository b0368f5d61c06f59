"""A report `Document` built by hand that uses every kind of block the renderers lay out: a
paragraph of every style with bold, italic and placeholder runs, a table with group and total
rows and spans, a chart with targets and a missing value, an appendix in portrait and one in
landscape. Long enough that the body and the landscape appendix run over several pages."""

from __future__ import annotations

from sxtdbv_desktop.report.document import (
    APPENDIX_LABEL,
    APPENDIX_REFERENCE,
    APPENDIX_TITLE,
    BODY,
    BULLET,
    CAPTION,
    CENTER,
    GROUP,
    HEADING1,
    HEADING2,
    HEADING3,
    NOTE,
    RIGHT,
    STYLES,
    SUMMARY,
    TITLE,
    TOTAL,
    Appendix,
    Block,
    Cell,
    Chart,
    Column,
    Document,
    Letterhead,
    Paragraph,
    Row,
    Run,
    Series,
    Signature,
    Table,
    cell,
    gap,
    para,
    plain,
)

PLACEHOLDER_NUMBER = "[số]"
SIGNER = "[họ và tên người ký]"
SUMMARY_TEXT = (
    "Kết quả thực hiện Kế hoạch thực hiện Chương trình hành động quốc gia về sản xuất và "
    "tiêu dùng bền vững năm 2023 trên địa bàn tỉnh Đồng Tháp"
)
# Styles the renderers set themselves (the title block and the appendices' headings).
FIXED_STYLES = (TITLE, SUMMARY, APPENDIX_LABEL, APPENDIX_TITLE, APPENDIX_REFERENCE)
FILLER = (
    "Sở Công Thương phối hợp với các sở, ban, ngành và Ủy ban nhân dân các huyện, thành phố "
    "tổ chức tuyên truyền, phổ biến về sản xuất và tiêu dùng bền vững cho doanh nghiệp, cơ sở "
    "sản xuất, kinh doanh và người dân trên địa bàn tỉnh."
)


def body_paragraphs() -> tuple[Paragraph, ...]:
    return (
        para("I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH", HEADING1),
        Paragraph(
            (
                Run("Thực hiện Kế hoạch số 07/KH-UBND, "),
                Run("Sở Công Thương", bold=True),
                Run(" đã ban hành "),
                Run("văn bản hướng dẫn", italic=True),
                Run(" số "),
                gap("số văn bản"),
                Run(" gửi các cơ quan, đơn vị."),
            ),
            BODY,
        ),
        para("1. Kết quả thực hiện các nhiệm vụ", HEADING2),
        para("1.1. Nhóm nhiệm vụ truyền thông", HEADING3),
        para("- 09/12 huyện, thành phố đã tổ chức tuyên truyền về lối sống bền vững;", BULLET),
        *(para(FILLER) for _ in range(8)),
    )


def indicator_table() -> Table:
    columns = (
        Column("STT", 0.07, CENTER),
        Column("Chỉ tiêu", 0.45),
        Column("Kế hoạch", 0.16, CENTER),
        Column("Kết quả", 0.16, RIGHT),
        Column("Đánh giá", 0.16, CENTER),
    )
    rows = (
        Row((cell("Mục tiêu 2: tuyên truyền, phổ biến", span=5),), GROUP),
        Row((cell("1"), cell("Khu, cụm công nghiệp được tuyên truyền"), cell("≥ 80 %"),
             cell("83,3 %"), cell("Đạt"))),
        Row((cell("2"), cell("Làng nghề được tuyên truyền"), cell("≥ 50 %"),
             Cell((gap("chưa có số liệu"),)), cell("Chưa có số liệu"))),
        Row((cell("Mục tiêu 5: huyện, thành phố", span=5),), GROUP),
        Row((cell("3"), cell("Huyện, thành phố tổ chức tuyên truyền lối sống bền vững"),
             cell("≥ 70 %"), cell("75,0 %", span=2))),
        Row((cell("Cộng", span=2, align=CENTER), cell(""), cell("3 chỉ tiêu"), cell(""))),
    )  # fmt: skip
    rows = (*rows[:-1], Row(rows[-1].cells, TOTAL))
    notes = (para("Ghi chú: tỷ lệ tính trên tổng số đơn vị phải báo cáo.", NOTE),)
    return Table("Bảng 1. Kết quả thực hiện các chỉ tiêu", columns, rows, notes)


def indicator_chart() -> Chart:
    return Chart(
        caption="Hình 1. Kết quả các chỉ tiêu so với mức kế hoạch",
        categories=(
            "Khu, cụm công nghiệp được tuyên truyền",
            "Làng nghề được tuyên truyền",
            "Siêu thị, trung tâm thương mại, cửa hàng tiện lợi sử dụng bao bì thân thiện",
        ),
        series=(
            Series("Năm 2023", (83.3, None, 100.0), ("83,3 %", "", "100,0 %"), "#2F5597"),
            Series("Năm 2022", (60.0, 20.0, 75.5), ("60,0 %", "20,0 %", "75,5 %"), "#A5A5A5"),
        ),
        maximum=100,
        axis_label="%",
        targets=(80.0, 50.0, 80.0),
        target_label="Mức kế hoạch",
        notes=(para("Nguồn: báo cáo của các cơ quan, đơn vị.", NOTE),),
    )


def task_rows(count: int) -> tuple[Row, ...]:
    rows: list[Row] = [Row((cell("Nhóm 1. Truyền thông", span=6),), GROUP)]
    for number in range(1, count + 1):
        rows.append(
            Row(
                (
                    cell(str(number)),
                    cell(f"Nhiệm vụ {number:02d}: {FILLER[:90]}"),
                    cell("Sở Công Thương"),
                    cell("Đã hoàn thành" if number % 3 else "Đang thực hiện"),
                    cell("100" if number % 3 else "60"),
                    Cell((gap("kết quả"),)) if number % 4 == 0 else cell("02 hội nghị"),
                )
            )
        )
    return tuple(rows)


def wide_table() -> Table:
    columns = (
        Column("STT", 0.05, CENTER),
        Column("Nhiệm vụ", 0.40),
        Column("Cơ quan chủ trì", 0.15),
        Column("Tình trạng", 0.14, CENTER),
        Column("Tiến độ (%)", 0.10, RIGHT),
        Column("Kết quả", 0.16),
    )
    return Table("Bảng 2. Kết quả thực hiện từng nhiệm vụ", columns, task_rows(30))


def sample_document() -> Document:
    letterhead = Letterhead(
        governing_body="UBND TỈNH ĐỒNG THÁP",
        issuing_body="SỞ CÔNG THƯƠNG",
        number=(Run("Số: "), gap("số"), Run("/BC-SCT")),
        place_date=plain("Đồng Tháp, ngày 05 tháng 01 năm 2024"),
        kind="BÁO CÁO",
        summary=SUMMARY_TEXT,
    )
    signature = Signature(
        recipients=(
            plain("- Bộ Công Thương (b/c);"),
            plain("- UBND Tỉnh (b/c);"),
            plain("- Lưu: VT, QLCN."),
        ),
        authority=("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"),
        signer=(gap("họ và tên người ký"),),
    )
    reference = (Run("(Kèm theo Báo cáo số "), gap("số"), Run("/BC-SCT ngày 05/01/2024 "),
                 Run("của Sở Công Thương)"))  # fmt: skip
    appendices = (
        Appendix(
            "Phụ lục I",
            "TÌNH HÌNH GỬI BÁO CÁO CỦA CÁC CƠ QUAN, ĐƠN VỊ",
            reference,
            (para("Tổng hợp đến ngày 05/01/2024."), indicator_table()),
        ),
        Appendix(
            "Phụ lục II",
            "KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ",
            reference,
            (wide_table(), indicator_chart()),
            landscape=True,
        ),
    )
    body: tuple[Block, ...] = (
        *body_paragraphs(),
        indicator_table(),
        indicator_chart(),
        para("II. KIẾN NGHỊ, ĐỀ XUẤT", HEADING1),
        *(para(FILLER) for _ in range(6)),
    )
    return Document(
        letterhead=letterhead,
        body=body,
        signature=signature,
        appendices=appendices,
        title="Báo cáo kết quả thực hiện Kế hoạch SX&TDBV năm 2023",
        author="Sở Công Thương tỉnh Đồng Tháp",
        keywords=("SX&TDBV", "2023"),
    )


def used_styles() -> set[str]:
    """The keys of `STYLES` the sample's own paragraphs use, and those the renderers set."""
    found = set(FIXED_STYLES) | {CAPTION}
    for block in sample_document().blocks():
        if isinstance(block, Paragraph):
            found.add(block.style)
        elif isinstance(block, Table | Chart):
            found |= {note.style for note in block.notes}
    assert found == set(STYLES), set(STYLES) - found
    return found
