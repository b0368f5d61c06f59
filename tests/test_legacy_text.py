"""Legacy Vietnamese encodings (TCVN3/ABC, VNI Windows): tables, conversion, detection."""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sxtdbv_desktop.legacy_text import (
    TCVN3_FROM_UNICODE,
    VIETNAMESE_LETTERS,
    VNI_FROM_UNICODE,
    LegacyEncoding,
    detect_legacy,
    from_unicode,
    is_vietnamese_syllable,
    repair_text,
    to_unicode,
)

ENCODINGS: tuple[LegacyEncoding, ...] = ("tcvn3", "vni")
SEED = Path(__file__).parent / "data" / "seed_plan_dong_thap_2023.txt"


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


LOWER = [c for c in VIETNAMESE_LETTERS if c.islower()]
UPPER = [c for c in VIETNAMESE_LETTERS if c.isupper()]
TCVN3_CAPITALS = "ĂÂÊÔƠƯĐ"  # the only capitals with a byte of their own in TCVN3
TONED_CAPITALS = [c for c in UPPER if c not in TCVN3_CAPITALS]

SENTENCES = [
    "Kế hoạch thực hiện Chương trình hành động quốc gia về sản xuất và tiêu dùng bền vững "
    "năm 2023 trên địa bàn tỉnh Đồng Tháp",
    "Sở Tài nguyên và Môi trường",
    "Ủy ban nhân dân huyện Tháp Mười",
    "Tổng kinh phí dự kiến: 3.235.715.000 đồng (Ba tỷ hai trăm ba mươi lăm triệu bảy trăm "
    "mười lăm nghìn đồng).",
    "Các cơ quan, đơn vị báo cáo kết quả thực hiện về Sở Công Thương trước ngày 10/12/2023.",
    "TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH / Phạm Thiện Nghĩa",
    "Quyết định số 889/QĐ-TTg ngày 24/6/2020 của Thủ tướng Chính phủ",
    "Hỗ trợ xây dựng 01-02 mô hình sản xuất sạch hơn, kinh tế tuần hoàn.",
    "Giảm thiểu túi ni lông khó phân hủy tại các chợ đạt chuẩn văn minh thương mại.",
    "Nguyễn Thị Bích Ngọc, Trưởng phòng Quản lý công nghiệp; khuya, giữa, quyết, nghiêng.",
]
AGENCIES = [
    "Sở Công Thương",
    "Sở Tài nguyên và Môi trường",
    "Sở Khoa học và Công nghệ",
    "Sở Giao thông vận tải",
    "Sở Tài chính",
    "Sở Nông nghiệp và Phát triển nông thôn",
    "Sở Thông tin và Truyền thông",
    "Sở Lao động – Thương binh và Xã hội",
    "Ban Quản lý Khu Kinh tế Tỉnh",
    "UBND huyện Tháp Mười",
    "UBND thành phố Sa Đéc",
    "Hội Liên hiệp Phụ nữ tỉnh",
]

# (legacy text, encoding, Unicode): well-known samples of each encoding.
SAMPLES: list[tuple[str, LegacyEncoding, str]] = [
    ("Vieät Nam", "vni", "Việt Nam"),
    ("Tieáng Vieät", "vni", "Tiếng Việt"),
    ("Thaønh phoá Hoà Chí Minh", "vni", "Thành phố Hồ Chí Minh"),
    ("Sôû Coâng Thöông", "vni", "Sở Công Thương"),
    ("Ñoàng Thaùp", "vni", "Đồng Tháp"),
    ("ÑOÀNG THAÙP", "vni", "ĐỒNG THÁP"),
    ("UÛy ban nhaân daân", "vni", "Ủy ban nhân dân"),
    ("ViÖt Nam", "tcvn3", "Việt Nam"),
    ("TiÕng ViÖt", "tcvn3", "Tiếng Việt"),
    ("§ång Th¸p", "tcvn3", "Đồng Tháp"),
    ("Së C«ng Th\xad¬ng", "tcvn3", "Sở Công Thương"),
    ("Thµnh phè Hå ChÝ Minh", "tcvn3", "Thành phố Hồ Chí Minh"),
    ("¡n ¢m £m ¤ ¥n ¦u §i", "tcvn3", "Ăn Âm Êm Ô Ơn Ưu Đi"),
]


# ---------------------------------------------------------------------------------------------
# Tables
# ---------------------------------------------------------------------------------------------


def test_the_134_letters() -> None:
    assert len(VIETNAMESE_LETTERS) == len(set(VIETNAMESE_LETTERS)) == 134
    assert len(LOWER) == len(UPPER) == 67
    assert all(unicodedata.is_normalized("NFC", c) and not c.isascii() for c in VIETNAMESE_LETTERS)
    assert {"ă", "â", "ê", "ô", "ơ", "ư", "đ", "ạ", "ặ", "ậ", "ệ", "ỵ", "Ữ", "Đ"} <= set(
        VIETNAMESE_LETTERS
    )


@pytest.mark.parametrize("table", [TCVN3_FROM_UNICODE, VNI_FROM_UNICODE], ids=ENCODINGS)
def test_tables_cover_every_letter_with_windows_1252_characters(table: Mapping[str, str]) -> None:
    assert set(table) == set(VIETNAMESE_LETTERS)
    for code in table.values():
        code.encode("cp1252")  # every legacy byte is shown as its Windows-1252 character


def test_tcvn3_table_is_single_byte_and_distinct_for_lower_case() -> None:
    codes = [TCVN3_FROM_UNICODE[c] for c in LOWER + list(TCVN3_CAPITALS)]
    assert all(len(code) == 1 and not code.isascii() for code in codes)
    assert len(set(codes)) == len(codes) == 74
    for capital in TONED_CAPITALS:  # written as the lower-case byte (.VnTimeH)
        assert TCVN3_FROM_UNICODE[capital] == TCVN3_FROM_UNICODE[capital.lower()]


def test_vni_table_is_distinct_and_capitals_are_upper_case_codes() -> None:
    assert len(set(VNI_FROM_UNICODE.values())) == 134
    for letter in LOWER:
        assert VNI_FROM_UNICODE[letter.upper()] == VNI_FROM_UNICODE[letter].upper()


@pytest.mark.parametrize(
    ("letter", "code"),
    [
        ("á", "\xb8"), ("à", "\xb5"), ("ả", "\xb6"), ("ã", "\xb7"), ("ạ", "\xb9"),
        ("ă", "\xa8"), ("â", "\xa9"), ("ê", "\xaa"), ("ô", "\xab"), ("ơ", "\xac"),
        ("ư", "\xad"), ("đ", "\xae"), ("Ă", "\xa1"), ("Â", "\xa2"), ("Ê", "\xa3"),
        ("Ô", "\xa4"), ("Ơ", "\xa5"), ("Ư", "\xa6"), ("Đ", "\xa7"), ("ế", "\xd5"),
        ("ệ", "\xd6"), ("ở", "\xeb"), ("ự", "\xf9"), ("ỵ", "\xfe"), ("ý", "\xfd"),
    ],
)  # fmt: skip
def test_tcvn3_known_bytes(letter: str, code: str) -> None:
    assert TCVN3_FROM_UNICODE[letter] == code


@pytest.mark.parametrize(
    ("letter", "code"),
    [
        ("á", "aù"), ("à", "aø"), ("ả", "aû"), ("ã", "aõ"), ("ạ", "aï"),
        ("ă", "aê"), ("ắ", "aé"), ("ằ", "aè"), ("ẳ", "aú"), ("ẵ", "aü"), ("ặ", "aë"),
        ("â", "aâ"), ("ấ", "aá"), ("ầ", "aà"), ("ẩ", "aå"), ("ẫ", "aã"), ("ậ", "aä"),
        ("í", "í"), ("ì", "ì"), ("ỉ", "æ"), ("ĩ", "ó"), ("ị", "ò"),
        ("ơ", "ô"), ("ư", "ö"), ("ỵ", "î"), ("đ", "ñ"), ("Đ", "Ñ"), ("Ơ", "Ô"), ("Ư", "Ö"),
        ("Ấ", "AÁ"), ("Ỉ", "Æ"), ("Ỵ", "Î"),
    ],
)  # fmt: skip
def test_vni_known_codes(letter: str, code: str) -> None:
    assert VNI_FROM_UNICODE[letter] == code


# ---------------------------------------------------------------------------------------------
# Conversion, both directions
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("legacy", "encoding", "unicode"), SAMPLES)
def test_known_samples(legacy: str, encoding: LegacyEncoding, unicode: str) -> None:
    assert to_unicode(legacy, encoding) == unicode
    assert from_unicode(unicode, encoding) == legacy
    assert detect_legacy(legacy) == encoding
    assert repair_text(legacy) == unicode


@pytest.mark.parametrize("letter", VIETNAMESE_LETTERS)
def test_vni_round_trip_every_letter(letter: str) -> None:
    legacy = from_unicode(letter, "vni")
    assert legacy != letter or letter in "íìÍÌ"  # VNI writes í and ì as 0xED and 0xEC too
    assert to_unicode(legacy, "vni") == letter
    # ... also inside a word, between ASCII letters
    assert to_unicode(from_unicode(f"Th{letter}ng", "vni"), "vni") == f"Th{letter}ng"


@pytest.mark.parametrize("letter", LOWER + list(TCVN3_CAPITALS))
def test_tcvn3_round_trip_every_letter_it_can_hold(letter: str) -> None:
    legacy = from_unicode(letter, "tcvn3")
    assert len(legacy) == 1
    assert to_unicode(legacy, "tcvn3") == letter
    assert to_unicode(from_unicode(f"th{letter}ng", "tcvn3"), "tcvn3") == f"th{letter}ng"


@pytest.mark.parametrize("capital", TONED_CAPITALS)
def test_tcvn3_toned_capitals_come_back_lower_case_unless_in_a_capitals_word(
    capital: str,
) -> None:
    legacy = from_unicode(capital, "tcvn3")
    assert to_unicode(legacy, "tcvn3") == capital.lower()  # the documented limitation
    assert to_unicode(from_unicode(f"{capital}NG", "tcvn3"), "tcvn3") == f"{capital}NG"
    assert to_unicode(from_unicode(f"TH{capital}", "tcvn3"), "tcvn3") == f"TH{capital}"


def test_tcvn3_case_of_toned_letters_follows_the_word_or_the_cell() -> None:
    assert to_unicode("TH¸P", "tcvn3") == "THÁP"
    assert to_unicode("Th¸p", "tcvn3") == "Tháp"
    assert to_unicode("¸", "tcvn3") == "á"
    assert to_unicode("UBND TØNH §åNG TH¸P", "tcvn3") == "UBND TỈNH ĐỒNG THÁP"
    assert to_unicode("ñY BAN NH¢N D¢N", "tcvn3") == "ỦY BAN NHÂN DÂN"  # whole cell in capitals
    assert to_unicode("ñy ban nh©n d©n", "tcvn3") == "ủy ban nhân dân"


@pytest.mark.parametrize("encoding", ENCODINGS)
@pytest.mark.parametrize("sentence", SENTENCES)
def test_sentences_round_trip(sentence: str, encoding: LegacyEncoding) -> None:
    legacy = from_unicode(sentence, encoding)
    back = to_unicode(legacy, encoding)
    if encoding == "vni" or not any(c in TONED_CAPITALS for c in sentence):
        assert back == sentence
    else:  # "Ủy ban": a TCVN3 toned capital in a mixed-case word comes back in lower case
        assert back.lower() == sentence.lower()
    assert to_unicode(from_unicode(sentence.lower(), encoding), encoding) == sentence.lower()
    assert to_unicode(from_unicode(sentence.upper(), encoding), encoding) == sentence.upper()


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_the_whole_seed_plan_round_trips(encoding: LegacyEncoding) -> None:
    lines = [nfc(line) for line in SEED.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(lines) > 100
    for line in lines:
        back = to_unicode(from_unicode(line, encoding), encoding)
        if encoding == "vni":
            assert back == line
        else:
            assert back.lower() == line.lower()


def test_conversion_passes_other_characters_through() -> None:
    text = "KH-UBND 07/2021: 3.235.715.000 đồng, 66,7 % – “x” €"
    for encoding in ENCODINGS:
        assert from_unicode("07/2021: 3.235.715.000 – “x” € @", encoding) == (
            "07/2021: 3.235.715.000 – “x” € @"
        )
        assert to_unicode(from_unicode(text, encoding), encoding) == text


def test_to_unicode_returns_nfc_and_accepts_nfd_input() -> None:
    legacy = from_unicode("Việt Nam", "vni")
    assert to_unicode(nfd(legacy), "vni") == "Việt Nam"
    assert unicodedata.is_normalized("NFC", to_unicode("ViÖt", "tcvn3"))
    assert from_unicode(nfd("Việt Nam"), "tcvn3") == "ViÖt Nam"


def test_vni_decoding_is_lenient_about_modifier_case() -> None:
    assert to_unicode("Aù", "vni") == "Á"
    assert to_unicode("aÙ", "vni") == "á"
    assert to_unicode("iù yï", "vni") == "í ỵ"


def test_unknown_encoding_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown legacy encoding"):
        to_unicode("x", "viscii")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="unknown legacy encoding"):
        from_unicode("x", "viqr")  # type: ignore[arg-type]


# ---------------------------------------------------------------------------------------------
# Syllables
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "word",
    [
        "nghiêng", "Nguyễn", "quốc", "giữa", "gì", "khuya", "thuở", "ngoài", "trường",
        "tuyết", "Kạn", "ĐỒNG", "ăn", "ấy", "yêu", "oanh", "khuỷu", "hoạch", "chuyển",
        "thương", "xuất", "địa", "a", "ý",
    ],
)  # fmt: skip
def test_valid_syllables(word: str) -> None:
    assert is_vietnamese_syllable(word)
    assert is_vietnamese_syllable(nfd(word))


@pytest.mark.parametrize(
    "word",
    [
        "ller", "cafộ", "hỏp", "thàt", "nge", "ghà", "ă", "ẵ", "oo", "fỹ", "sch", "đ",
        "Mỹller", "aiu", "cáá", "quu", "ciên", "ngiêng", "x", "1a",
    ],
)  # fmt: skip
def test_invalid_syllables(word: str) -> None:
    assert not is_vietnamese_syllable(word)


# ---------------------------------------------------------------------------------------------
# Detection
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("encoding", ENCODINGS)
@pytest.mark.parametrize("text", SENTENCES + AGENCIES)
def test_detects_converted_sentences_and_agency_names(text: str, encoding: LegacyEncoding) -> None:
    legacy = from_unicode(text, encoding)
    assert detect_legacy(legacy) == encoding
    repaired = repair_text(legacy)
    assert repaired.lower() == text.lower()
    if encoding == "vni":
        assert repaired == text


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_detection_on_the_seed_plan_never_picks_the_wrong_encoding(
    encoding: LegacyEncoding,
) -> None:
    lines = [nfc(line) for line in SEED.read_text(encoding="utf-8").splitlines() if line.strip()]
    found = 0
    for line in lines:
        legacy = from_unicode(line, encoding)
        if legacy == line:
            continue
        assert detect_legacy(legacy) in (encoding, None), line
        found += detect_legacy(legacy) == encoding
        assert detect_legacy(line) is None, line  # the genuine Unicode line
    assert found >= 150


@pytest.mark.parametrize(
    "text",
    [
        "",
        " ",
        "Sở Công Thương",
        "Kế hoạch số 07/KH-UNBD ngày 11/01/2021",
        "ỦY BAN NHÂN DÂN TỈNH ĐỒNG THÁP",
        "Tài chính",
        "Chí Minh",
        "TÀI CHÍNH",
        nfd("Sở Tài nguyên và Môi trường"),
        nfd("Tài chính"),
        "Plain ASCII text, Department of Industry and Trade",
        "CAFÉ",
        "café",
        "Ñandú",
        "Müller",
        "Müller & Söhne GmbH",
        "Grüße aus München",
        "El niño está en la montaña",
        "Où est la gare?",
        "Noël à Paris, garçon, naïve",
        "Smørrebrød og Ærø",
        "Crème brûlée",
        "3.235.715.000",
        "3.235.715.000 đồng",
        "66,7 %",
        "10/12/2023",
        "ngày 10 tháng 12 năm 2023",
        "so.congthuong@dongthap.gov.vn",
        "Copyright © 2023",
        "½ kg · 25°C ± 2",
        "§ 5",
    ],
)
def test_true_negatives(text: str) -> None:
    assert detect_legacy(text) is None
    assert repair_text(text) == nfc(text)


def test_repair_text_normalises_genuine_text() -> None:
    assert repair_text(nfd("Đồng Tháp")) == "Đồng Tháp"
    assert repair_text("Sôû Coâng Thöông") == "Sở Công Thương"
    assert repair_text(nfd("Sôû Coâng Thöông")) == "Sở Công Thương"


# ---------------------------------------------------------------------------------------------
# Properties
# ---------------------------------------------------------------------------------------------

VIETNAMESE_TEXT = st.text(
    alphabet=st.sampled_from([*VIETNAMESE_LETTERS, *"abcdeghiklmnopqrstuvxyABCDEGHIKLMNOPQRSTUVXY"])
    | st.just(" "),
    max_size=40,
)


@given(VIETNAMESE_TEXT)
def test_genuine_unicode_is_never_damaged(text: str) -> None:
    assert detect_legacy(text) is None
    assert repair_text(text) == nfc(text)
    assert repair_text(nfd(text)) == nfc(text)


@given(VIETNAMESE_TEXT)
def test_vni_round_trips_any_text(text: str) -> None:
    assert to_unicode(from_unicode(text, "vni"), "vni") == text


@given(VIETNAMESE_TEXT.map(str.lower))
def test_tcvn3_round_trips_any_lower_case_text(text: str) -> None:
    assert to_unicode(from_unicode(text, "tcvn3"), "tcvn3") == text


@given(VIETNAMESE_TEXT)
def test_tcvn3_round_trip_loses_at_most_the_case(text: str) -> None:
    assert to_unicode(from_unicode(text, "tcvn3"), "tcvn3").lower() == text.lower()


WINDOWS_1252 = [
    bytes([b]).decode("cp1252")
    for b in range(0x20, 0x100)
    if b not in (0x81, 0x8D, 0x8F, 0x90, 0x9D)
]
LEGACYISH_TEXT = st.lists(
    st.lists(st.sampled_from(WINDOWS_1252), min_size=1, max_size=8).map("".join), max_size=6
).map(" ".join)


@given(LEGACYISH_TEXT | st.text())
def test_repair_text_is_nfc_and_idempotent(text: str) -> None:
    repaired = repair_text(text)
    assert unicodedata.is_normalized("NFC", repaired)
    assert repair_text(repaired) == repaired
