"""The embedded default plan (resources/plans/dong-thap-2023.json) is the seed plan, verbatim.

Every text taken from the plan must occur, character for character, in the seed once the seed
is normalised the way the data file was transcribed:

1. Unicode NFC (two headings of the seed, "MỤC ĐÍCH, YÊU CẦU" and "MỤC TIÊU", hold decomposed
   letters);
2. the hard-wrapped lines joined with one space, every run of whitespace collapsed to one space,
   the ends stripped;
3. one repair: in item V.2 (Sở Tài nguyên và Môi trường) the word "ni-lông" is broken at its own
   hyphen across two lines ("túi ni-" / "lông"). Joining with a space would give "ni- lông",
   so that one line break is joined without a space, as the seed writes the word elsewhere
   ("túi ni-lông" in section III). Nothing else is repaired: the seed's spelling ("07/KH-UNBD",
   "năm 2022", "nâng có ý thức", "khuyến Công", "....") stays as written.

What the seed does not say is not invented: it stays empty, or, where the plan's missing
appendix assigned the work (the section III tasks, who reports indicators 1–4 and 6), it is a
proposal marked as such, each with its evidence, whose quotations are the seed's own words.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from sxtdbv_desktop.paths import resource_path

SEED_PATH = Path(__file__).parent / "data" / "seed_plan_dong_thap_2023.txt"
PLAN_PATH = resource_path("plans", "dong-thap-2023.json")

BROKEN_WORD = "ni- lông"  # "ni-" at a line's end, "lông" at the next line's start
REPAIRED_WORD = "ni-lông"

CODE_RE = re.compile(r"[A-Za-z][A-Za-z0-9]*")

DEPARTMENTS = [
    "SoCT",
    "SoTNMT",
    "SoKHCN",
    "SoGTVT",
    "SoTC",
    "SoNNPTNT",
    "SoTTTT",
    "SoLDTBXH",
    "BQLKKT",
]
ADDED_DEPARTMENTS = ["SoVHTTDL", "SoYT", "SoGDDT"]  # under V.10, not named by the seed
DISTRICTS = [
    "TPCaoLanh",
    "TPSaDec",
    "TPHongNgu",
    "HTanHong",
    "HHongNgu",
    "HTamNong",
    "HThanhBinh",
    "HThapMuoi",
    "HCaoLanh",
    "HLapVo",
    "HLaiVung",
    "HChauThanh",
]
DISTRICT_NAMES = [
    "UBND thành phố Cao Lãnh",
    "UBND thành phố Sa Đéc",
    "UBND thành phố Hồng Ngự",
    "UBND huyện Tân Hồng",
    "UBND huyện Hồng Ngự",
    "UBND huyện Tam Nông",
    "UBND huyện Thanh Bình",
    "UBND huyện Tháp Mười",
    "UBND huyện Cao Lãnh",
    "UBND huyện Lấp Vò",
    "UBND huyện Lai Vung",
    "UBND huyện Châu Thành",
]

# code: (kind, threshold, exceed_above, population, input label keys)
INDICATORS = {
    "1": ("count", 1, 2, None, {"count"}),
    "2a": ("share", 80, None, None, {"numerator", "denominator"}),
    "2b": ("share", 50, None, None, {"numerator", "denominator"}),
    "3": ("share", 80, None, None, {"numerator", "denominator"}),
    "4a": (
        "reduction",
        40,
        None,
        None,
        {"units", "baseline", "current", "estimated_rate", "method"},
    ),
    "4b": (
        "reduction",
        20,
        None,
        None,
        {"units", "baseline", "current", "estimated_rate", "method"},
    ),
    "5": ("yes_no", 70, None, "district", {"answer"}),
    "6": ("yes_no", 100, None, "department", {"answer"}),
}

# Duty items of section V: how many tasks each has ("- " bullets, or one paragraph; item 10:
# its introductory paragraph plus three bullets).
DUTY_TASK_COUNTS = [2, 1, 3, 1, 1, 3, 1, 1, 2, 4, 1, 1]


def normalise(text: str) -> str:
    """NFC, lines joined with one space, whitespace runs collapsed, stripped."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()


@pytest.fixture(scope="module")
def raw_seed() -> str:
    return SEED_PATH.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def seed(raw_seed: str) -> str:
    joined = normalise(raw_seed)
    assert joined.count(BROKEN_WORD) == 1
    return joined.replace(BROKEN_WORD, REPAIRED_WORD)


@pytest.fixture(scope="module")
def raw_plan() -> str:
    return PLAN_PATH.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def data(raw_plan: str) -> dict[str, Any]:
    loaded = json.loads(raw_plan)
    assert isinstance(loaded, dict)
    return loaded


def groups(data: dict[str, Any], section: str) -> list[dict[str, Any]]:
    return [g for g in data["task_groups"] if g["section"] == section]


def strings(value: Any, where: str = "$") -> Iterator[tuple[str, str]]:
    """Every string value in the file, with its JSON path (keys themselves are ASCII)."""
    if isinstance(value, str):
        yield where, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from strings(item, f"{where}.{key}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from strings(item, f"{where}[{index}]")


def verbatim_fields(data: dict[str, Any]) -> list[tuple[str, str]]:
    """(where, text) for every field that is the plan's own words."""
    plan = data["plan"]
    fields: list[tuple[str, str]] = [
        (f"plan.{key}", plan[key])
        for key in (
            "province",
            "document_type",
            "title",
            "issuing_body",
            "program_name",
            "program_period",
            "preamble",
            "targets_intro",
            "reporting_rule",
            "closing_text",
            "budget_text",
            "budget_reference",
        )
    ]
    fields += [(f"plan.signature.{k}", v) for k, v in plan["signature"].items()]
    for i, doc in enumerate(data["legal_documents"]):
        fields += [(f"legal_documents[{i}].{k}", doc[k]) for k in ("number", "issuer", "summary")]
    fields += [(f"recipients[{i}]", text) for i, text in enumerate(data["recipients"])]
    fields += [(f"objectives[{i}]", text) for i, text in enumerate(data["objectives"])]
    for target in data["targets"]:
        fields.append((f"targets[{target['number']}].text", target["text"]))
        fields += [
            (f"indicator {i['code']}.plan_text", i["plan_text"]) for i in target["indicators"]
        ]
    for group in data["task_groups"]:
        where = f"{group['section']} group {group['number']}"
        fields.append((f"{where}.title", group["title"]))
        for n, task in enumerate(group["tasks"], 1):
            fields.append((f"{where} task {n}.text", task["text"]))
            if task["planned_output"] is not None:
                fields.append((f"{where} task {n}.planned_output", task["planned_output"]))
    fields += [
        (f"agency {a['code']}.name", a["name"])
        for a in data["agencies"]
        if a["kind"] in ("department", "press") and not a.get("basis")
    ]
    return fields


# ---------------------------------------------------------------------------------------------
# The seed's normalisation


def test_seed_has_the_one_word_broken_at_its_hyphen(raw_seed: str, seed: str) -> None:
    # The only line that ends in a hyphen is the broken "ni-lông" of item V.2 ...
    hyphen_ends = [line for line in raw_seed.splitlines() if line.rstrip().endswith("-")]
    assert len(hyphen_ends) == 1
    assert hyphen_ends[0].rstrip().endswith("túi ni-")
    # ... and once repaired the seed spells the word one way only.
    assert BROKEN_WORD not in seed
    assert seed.count("túi ni-lông") == 3


def test_seed_normalisation_composes_the_decomposed_headings(raw_seed: str, seed: str) -> None:
    assert unicodedata.normalize("NFC", raw_seed) != raw_seed
    assert "I. MỤC ĐÍCH, YÊU CẦU" in seed
    assert "II. MỤC TIÊU" in seed
    assert unicodedata.is_normalized("NFC", seed)


# ---------------------------------------------------------------------------------------------
# The file itself


def test_file_is_utf8_json_with_two_space_indent(raw_plan: str, data: dict[str, Any]) -> None:
    assert raw_plan == json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    assert data["format"] == "sxtdbv-plan"
    assert data["format_version"] == 2
    assert list(data) == [
        "format",
        "format_version",
        "plan",
        "legal_documents",
        "recipients",
        "objectives",
        "targets",
        "agencies",
        "task_groups",
        "funding_sources",
        "periods",
        "notes",
    ]


def test_every_text_is_nfc_and_tidy(data: dict[str, Any]) -> None:
    bad = [
        where
        for where, text in strings(data)
        if not text
        or not unicodedata.is_normalized("NFC", text)
        or text != text.strip()
        or "  " in text
        or re.search(r"[\t\r\n\u00a0]", text)
    ]
    assert bad == []


def test_notes_explain_the_judgment_calls(data: dict[str, Any]) -> None:
    notes = data["notes"]
    assert notes
    assert all(isinstance(note, str) and note.endswith(".") for note in notes)
    assert any("Phụ lục" in note for note in notes)
    assert any(REPAIRED_WORD in note for note in notes)


# ---------------------------------------------------------------------------------------------
# Verbatim


def test_every_plan_text_occurs_verbatim_in_the_seed(data: dict[str, Any], seed: str) -> None:
    fields = verbatim_fields(data)
    assert len(fields) > 80
    missing = [where for where, text in fields if text not in seed]
    assert missing == []


def test_numbered_texts_are_the_seed_numbered_items(data: dict[str, Any], seed: str) -> None:
    numbered = [f"{n}. {text}" for n, text in enumerate(data["objectives"], 1)]
    numbered += [f"{t['number']}. {t['text']}" for t in data["targets"]]
    numbered += [f"{g['number']}. {g['title']}" for g in data["task_groups"]]
    assert [text for text in numbered if text not in seed] == []
    assert f"I. MỤC ĐÍCH, YÊU CẦU 1. {data['objectives'][0]}" in seed
    assert f"II. MỤC TIÊU {data['plan']['targets_intro']} 1. " in seed
    assert f"III. NỘI DUNG 1. {groups(data, 'content')[0]['title']}" in seed
    assert f"IV. KINH PHÍ THỰC HIỆN {data['plan']['budget_text']} V. TỔ CHỨC THỰC HIỆN" in seed


def test_content_tasks_are_the_bullets_of_section_three(data: dict[str, Any], seed: str) -> None:
    content = groups(data, "content")
    for group in content[:3]:
        heading = f"{group['number']}. {group['title']}"
        bullets = " ".join(f"- {task['text']}" for task in group["tasks"])
        assert f"{heading} {bullets}" in seed
    # Group 4 has no bullets: its heading sentence is its one task line.
    (only,) = content[3]["tasks"]
    assert only["text"].startswith(content[3]["title"] + " như: ")
    assert f"4. {only['text']} IV. KINH PHÍ THỰC HIỆN" in seed


def test_duty_tasks_are_the_whole_items_of_section_five(data: dict[str, Any], seed: str) -> None:
    duty = groups(data, "duty")
    section = seed[seed.index("V. TỔ CHỨC THỰC HIỆN") : seed.index(data["plan"]["reporting_rule"])]
    rebuilt = []
    for group in duty:
        texts = [task["text"] for task in group["tasks"]]
        if group["number"] == 10:  # an introductory paragraph, then bullets
            body = texts[0] + " " + " ".join(f"- {text}" for text in texts[1:])
        elif len(texts) > 1:
            body = " ".join(f"- {text}" for text in texts)
        else:  # one paragraph, no bullet
            (body,) = texts
        rebuilt.append(f"{group['number']}. {group['title']} {body}")
    assert (
        section
        == "V. TỔ CHỨC THỰC HIỆN (Chi tiết theo Phụ lục đính kèm) " + " ".join(rebuilt) + " "
    )


def test_plan_texts_follow_the_seed_order(data: dict[str, Any], seed: str) -> None:
    plan = data["plan"]
    ordered = [plan["document_type"], plan["title"], plan["preamble"], *data["objectives"]]
    ordered += [plan["targets_intro"], *(t["text"] for t in data["targets"])]
    for group in data["task_groups"]:
        if group["number"] == 1 and group["section"] == "duty":
            ordered.append(plan["budget_text"])
        ordered += [group["title"], *(task["text"] for task in group["tasks"])]
    ordered += [plan["reporting_rule"], plan["closing_text"], *data["recipients"]]
    ordered += [plan["signature"][k] for k in ("authority", "title", "name")]
    position = 0
    for text in ordered:
        position = seed.index(text, position)  # ValueError if out of order
    assert seed.endswith(plan["signature"]["name"])


def test_recipients_are_the_whole_list(data: dict[str, Any], seed: str) -> None:
    recipients = data["recipients"]
    assert len(recipients) == 6
    assert all(r.endswith(";") for r in recipients[:-1])
    assert recipients[-1].endswith(".")
    listing = " ".join(f"- {r}" for r in recipients)
    assert f"Nơi nhận: {listing} TM. ỦY BAN NHÂN DÂN" in seed


def test_the_seed_spelling_is_kept(data: dict[str, Any]) -> None:
    text = json.dumps(data, ensure_ascii=False)
    for as_written in ("07/KH-UNBD", "nâng có ý thức", "khuyến Công", "giáo dục....", "; ....."):
        assert as_written in text
    soct_duty = groups(data, "duty")[0]["tasks"][0]["text"]
    assert "bền vững năm 2022 trên địa bàn Tỉnh" in soct_duty
    assert "07/KH-UBND" not in text


# ---------------------------------------------------------------------------------------------
# Plan, money, dates


def test_plan_header(data: dict[str, Any]) -> None:
    plan = data["plan"]
    assert plan["year"] == 2023
    assert plan["province"] == "Đồng Tháp"
    assert plan["document_type"] == "KẾ HOẠCH"
    assert plan["focal_agency"] == "SoCT"
    assert plan["signature"] == {
        "authority": "TM. ỦY BAN NHÂN DÂN",
        "title": "CHỦ TỊCH",
        "name": "Phạm Thiện Nghĩa",
    }


def test_budget_is_integer_dong(data: dict[str, Any]) -> None:
    plan = data["plan"]
    assert type(plan["total_budget"]) is int
    assert plan["total_budget"] == 3235715000
    assert "3.235.715.000 đồng" in plan["budget_text"]
    assert plan["budget_reference"] in plan["budget_text"]
    sources = data["funding_sources"]
    assert [s["name"] for s in sources] == [
        "Sự nghiệp kinh tế",
        "Sự nghiệp tài nguyên môi trường",
        "Sự nghiệp giáo dục và đào tạo",
        "Sự nghiệp y tế",
        "Ngân sách huyện",
    ]
    assert all(s["estimate"] is None for s in sources)  # not in the seed


def test_dates(data: dict[str, Any], seed: str) -> None:
    plan = data["plan"]
    assert plan["reporting_deadline"] == "2023-12-10"
    assert "trước ngày 10/12/2023" in plan["reporting_rule"]
    (period,) = data["periods"]
    assert period == {
        "code": "2023",
        "name": "Năm 2023",
        "starts_on": "2023-01-01",
        "ends_on": "2023-12-31",
        "deadline": "2023-12-10",
    }
    # number: (ISO date, the date as the seed writes it)
    as_written = {
        "889/QĐ-TTg": ("2020-06-24", "24/6/2020"),
        "07/KH-UNBD": ("2021-01-11", "11/01/2021"),
    }
    docs = data["legal_documents"]
    assert [d["number"] for d in docs] == list(as_written)
    for doc in docs:
        iso, written = as_written[doc["number"]]
        assert doc["signed_on"] == iso
        day, month, year = (int(part) for part in written.split("/"))
        assert dt.date.fromisoformat(iso) == dt.date(year, month, day)
        assert f"{doc['number']} ngày {written}" in seed
        assert doc["summary"] in plan["preamble"]
        assert doc["issuer"] in plan["preamble"]


# ---------------------------------------------------------------------------------------------
# Counts, targets and indicators


def test_counts(data: dict[str, Any]) -> None:
    assert len(data["objectives"]) == 3
    assert [t["number"] for t in data["targets"]] == [1, 2, 3, 4, 5, 6]
    content = groups(data, "content")
    assert [g["number"] for g in content] == [1, 2, 3, 4]
    assert [len(g["tasks"]) for g in content] == [7, 5, 4, 1]
    duty = groups(data, "duty")
    assert [g["number"] for g in duty] == list(range(1, 13))
    assert [len(g["tasks"]) for g in duty] == DUTY_TASK_COUNTS
    kinds = [a["kind"] for a in data["agencies"]]
    assert kinds.count("department") == 12  # 9 named in section V, 3 added under V.10
    assert sum(1 for a in data["agencies"] if a.get("basis")) == 3
    assert kinds.count("district") == 12
    assert len(data["funding_sources"]) == 5


def test_indicators(data: dict[str, Any]) -> None:
    indicators = [i for t in data["targets"] for i in t["indicators"]]
    assert [i["code"] for i in indicators] == list(INDICATORS)
    for target in data["targets"]:
        for indicator in target["indicators"]:
            assert indicator["code"].startswith(str(target["number"]))
            assert indicator["plan_text"] in target["text"]
    for indicator in indicators:
        kind, threshold, exceed_above, population, label_keys = INDICATORS[indicator["code"]]
        assert indicator["kind"] == kind
        assert type(indicator["threshold"]) is int
        assert indicator["threshold"] == threshold
        assert indicator["exceed_above"] == exceed_above
        assert indicator["population"] == population
        assert set(indicator["input_labels"]) == label_keys
        assert indicator["name"]
        if kind == "count":
            assert indicator["unit"] == "mô hình"
        else:
            assert indicator["unit"] == "%"
            assert f"{threshold}%" in indicator["plan_text"]
    assert INDICATORS["1"][1:3] == (1, 2)
    assert "01 - 02" in indicators[0]["plan_text"]


# ---------------------------------------------------------------------------------------------
# Agencies and assignments


def test_agencies(data: dict[str, Any], seed: str) -> None:
    agencies = data["agencies"]
    codes = [a["code"] for a in agencies]
    assert len(set(codes)) == len(codes)
    assert all(CODE_RE.fullmatch(code) and code.isascii() for code in codes)
    assert len({code.casefold() for code in codes}) == len(codes)  # distinct file names on Windows
    assert codes == [*DEPARTMENTS, *ADDED_DEPARTMENTS, *DISTRICTS, "BaoChi", "HoiDoanThe"]
    by_code = {a["code"]: a for a in agencies}
    for n, code in enumerate(DEPARTMENTS, 1):
        agency = by_code[code]
        assert agency["kind"] == "department"
        assert agency["must_report"] is True
        assert f"{n}. {agency['name']}" in seed
        assert agency["short_name"]
    for code in ADDED_DEPARTMENTS:
        added = by_code[code]
        assert (added["kind"], added["must_report"]) == ("department", True)
        assert added["name"] not in seed
        assert "Không được nêu tên trong Kế hoạch" in added["basis"]
        assert "V.10" in added["basis"]
    assert [by_code[c]["name"] for c in ADDED_DEPARTMENTS] == [
        "Sở Văn hóa, Thể thao và Du lịch",
        "Sở Y tế",
        "Sở Giáo dục và Đào tạo",
    ]
    assert all(not by_code[c].get("basis") for c in [*DEPARTMENTS, *DISTRICTS])
    assert by_code["SoLDTBXH"]["name"] == "Sở Lao động – Thương binh và Xã hội"
    assert by_code["BQLKKT"]["name"] == "Ban Quản lý Khu Kinh tế Tỉnh"
    assert [by_code[c]["name"] for c in DISTRICTS] == DISTRICT_NAMES
    for code in DISTRICTS:
        assert by_code[code]["kind"] == "district"
        assert by_code[code]["must_report"] is True
        assert by_code[code]["short_name"].startswith(("TP. ", "H. "))
    press, associations = by_code["BaoChi"], by_code["HoiDoanThe"]
    assert (press["kind"], press["must_report"]) == ("press", False)
    assert (associations["kind"], associations["must_report"]) == ("association", False)
    assert f"11. {press['name']}" in seed
    # Item 12's heading, without "Đề nghị", capitalised, without "cộng đồng và các cá nhân".
    name = associations["name"]
    assert f"12. Đề nghị {name[0].lower()}{name[1:]}, cộng đồng và các cá nhân" in seed


def test_every_referenced_agency_exists(data: dict[str, Any]) -> None:
    codes = {a["code"] for a in data["agencies"]}
    referenced = {data["plan"]["focal_agency"]}
    for group in data["task_groups"]:
        for task in group["tasks"]:
            referenced.update(task["lead"], task["coordinators"])
    assert referenced <= codes
    populations = {i["population"] for t in data["targets"] for i in t["indicators"]} - {None}
    assert populations <= {a["kind"] for a in data["agencies"]}


# The proposals for what the missing appendix assigned: (lead, coordinators) of each task of
# section III, in plan order. The evidence of each is in the file and checked below.
PROPOSED = [
    (["SoCT"], []),
    (["SoCT"], DISTRICTS),
    (["SoCT"], ["SoTTTT", "BQLKKT"]),
    (["SoVHTTDL"], ["SoNNPTNT"]),
    (["SoNNPTNT"], []),
    (["SoYT"], ["SoTNMT"]),
    (["SoCT"], ["SoTTTT", "SoGDDT"]),
    (["SoCT"], []),
    (["SoTNMT"], ["SoVHTTDL"]),
    (["SoGTVT"], ["SoVHTTDL"]),
    (["SoTNMT"], []),
    (["SoCT"], []),
    (["SoNNPTNT"], []),
    (["SoTNMT"], []),
    (["SoVHTTDL"], []),
    (["SoVHTTDL"], ["SoNNPTNT"]),
    (["SoCT"], []),
]
REPORTERS = {
    "1": ["SoCT", "SoTNMT", "SoNNPTNT"],
    "2a": ["SoCT", "BQLKKT"],
    "2b": ["SoNNPTNT"],
    "3": ["SoCT", *DISTRICTS],
    "4a": ["SoCT", *DISTRICTS],
    "4b": ["SoCT", *DISTRICTS],
    "5": DISTRICTS,
    "6": [*DEPARTMENTS, *ADDED_DEPARTMENTS],
}


def quotations(text: str) -> list[str]:
    """The parts of «…» quotations in an evidence text (an ellipsis separates two parts)."""
    return [
        part.strip()
        for quote in re.findall(r"«([^»]*)»", text)
        for part in quote.split("…")
        if part.strip()
    ]


def test_content_tasks_are_proposals_with_evidence(data: dict[str, Any], seed: str) -> None:
    tasks = [task for g in groups(data, "content") for task in g["tasks"]]
    assert len(tasks) == 17
    assert [(task["lead"], task["coordinators"]) for task in tasks] == PROPOSED
    for task in tasks:
        assert task["proposed"] == [*task["lead"], *task["coordinators"]]
        assert set(task["evidence"]) == {*task["lead"], *task["coordinators"]}
        for text in task["evidence"].values():
            assert re.search(r"(mục|Mục) (V|III)\.[0-9]+|ngành", text), text
            assert [q for q in quotations(text) if q not in seed] == []
    outputs = [(task["text"], task["planned_output"]) for task in tasks if task["planned_output"]]
    assert outputs == [
        ("Hỗ trợ thực hiện đánh giá sản xuất sạch hơn 02 doanh nghiệp.", "02 doanh nghiệp")
    ]


def test_every_indicator_has_reporters_with_a_scope_that_counts_nothing_twice(
    data: dict[str, Any], seed: str
) -> None:
    indicators = {i["code"]: i for t in data["targets"] for i in t["indicators"]}
    assert {code: i["reporters"] for code, i in indicators.items()} == REPORTERS
    for code, indicator in indicators.items():
        if code == "5":  # the seed names the districts itself
            assert indicator["reporters_proposed"] == []
            continue
        assert indicator["reporters_proposed"] == indicator["reporters"]
        assert set(indicator["reporter_evidence"]) == set(indicator["reporters"])
        for text in indicator["reporter_evidence"].values():
            assert [q for q in quotations(text) if q not in seed] == []
        if indicator["kind"] in ("count", "share", "reduction"):
            scopes = indicator["reporter_scope"]
            assert set(scopes) == set(indicator["reporters"])
            assert len({scopes[c] for c in indicator["reporters"] if c not in DISTRICTS}) == len(
                [c for c in indicator["reporters"] if c not in DISTRICTS]
            )


def test_duties_are_led_by_their_own_agency(data: dict[str, Any], seed: str) -> None:
    leads = [*([code] for code in DEPARTMENTS), DISTRICTS, ["BaoChi"], ["HoiDoanThe"]]
    for group, lead in zip(groups(data, "duty"), leads, strict=True):
        for number, task in enumerate(group["tasks"], 1):
            if group["number"] == 10 and number != 3:
                # The departments added under item 10, proposed for the duties that address
                # "các sở, ban, ngành" (not 3, about the districts' budget).
                assert task["lead"] == [*lead, *ADDED_DEPARTMENTS]
                assert task["proposed"] == ADDED_DEPARTMENTS
                assert set(task["evidence"]) == set(ADDED_DEPARTMENTS)
                for text in task["evidence"].values():
                    assert [q for q in quotations(text) if q not in seed] == []
            else:
                assert task["lead"] == lead
                assert not task.get("proposed")
            assert task["coordinators"] == []
            assert task["planned_output"] is None
