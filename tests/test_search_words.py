"""Search knows the common spellings of the plan's words, accents and case aside."""

from __future__ import annotations

import unicodedata

import pytest

from sxtdbv_desktop.search_words import fast_fold, key, query_words, spellings
from sxtdbv_desktop.text import fold


def found(query: str, text: str) -> bool:
    return all(word in key(text) for word in query_words(query))


@pytest.mark.parametrize("query", ["tui nilon", "túi ni lông", "Túi NYLON", "ni-lông", "nilong"])
def test_plastic_bags_are_found_however_they_are_spelt(query: str) -> None:
    assert found(query, "Giảm sử dụng túi ni-lông khó phân hủy tại chợ")
    assert found(query, "Hạn chế túi nylon") and found(query, "túi nilon")


@pytest.mark.parametrize("text", ["TP. Cao Lãnh", "thành phố Cao Lãnh", "Tp.Cao Lãnh"])
def test_a_city_is_found_as_tp_or_thanh_pho(text: str) -> None:
    assert found("thành phố cao lãnh", text) and found("tp cao lanh", text)


def test_a_district_is_found_as_h_or_huyen() -> None:
    assert found("huyện lấp vò", "UBND h. Lấp Vò") and found("h. lap vo", "UBND huyện Lấp Vò")
    assert not found("huyen", "Sở Công Thương (Ch. trì)")  # "h." inside a word is not huyện


def test_words_typed_half_way_still_find_the_text_as_written() -> None:
    assert found("ni", "túi ni-lông") and found("thanh", "thành phố Sa Đéc")
    assert query_words("  Đồng   Tháp ") == ["dong", "thap"]


def test_a_unified_word_is_highlighted_in_every_spelling() -> None:
    assert {"ni-long", "nylon", "nilon"} <= set(spellings("nilon"))
    assert spellings("dong") == ("dong",)


def test_the_fast_fold_folds_as_the_core_does() -> None:
    letters = "aăâbcdđeêghiklmnoôơpqrstuưvxy"
    marks = ["", "\u0300", "\u0301", "\u0303", "\u0309", "\u0323"]
    every = [unicodedata.normalize("NFC", c + m) for c in letters for m in marks]
    texts = [*every, *(t.upper() for t in every), "Sở KH&CN - TP. Cao Lãnh, 3.235.715.000 đồng"]
    texts.append(unicodedata.normalize("NFD", "Đồng Tháp túi ni-lông"))
    assert [fast_fold(t) for t in texts] == [fold(t) for t in texts]
