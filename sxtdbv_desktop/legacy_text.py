"""Legacy Vietnamese encodings (TCVN3/ABC and VNI Windows): recognise them and convert to Unicode.

Old spreadsheets were typed with 8-bit Vietnamese fonts: TCVN3 (TCVN 5712:1993, "ABC", fonts
``.VnTime`` / ``.VnTimeH``) and VNI Windows (fonts ``VNI-Times``). Excel stores such cells as
Unicode strings in which every legacy byte shows up as its Windows-1252 character, so
"Sở Công Thương" arrives as ``"Së C«ng Th\\xad¬ng"`` (TCVN3) or ``"Sôû Coâng Thöông"`` (VNI).

* `to_unicode` / `from_unicode` convert with the tables below (both directions, table-driven).
* `detect_legacy` decides, conservatively, whether a string is such mojibake.
* `repair_text` is what the importer calls on every text cell: NFC, and converted when detected.

The encodings
-------------
TCVN3 is single-byte. Every lower-case letter has its own byte; of the capitals only
Ă Â Ê Ô Ơ Ư Đ have bytes (0xA1-0xA7). Capitals with a tone mark have none: offices typed
the lower-case byte and showed it in the capitals font ``.VnTimeH``. The string itself does
not say which font it was shown in, so `to_unicode` returns those letters in lower case,
except inside a word (or a whole cell) otherwise written in capitals, where they are
upper-cased: ``"TH¸P"`` -> "THÁP", ``"Th¸p"`` -> "Tháp", but ``"¸"`` alone -> "á".
`from_unicode` writes a toned capital as the lower-case byte, as the .VnTimeH user did.

VNI Windows writes a letter as an ASCII base letter followed by one modifier byte:
tones ù ø û õ ï (sắc, huyền, hỏi, ngã, nặng); circumflex â, or circumflex with a tone
á à å ã ä; breve ê, or breve with a tone é è ú ü ë. Single bytes stand for ơ (ô), ư (ö),
đ (ñ), ỵ (î) and the toned i (í ì æ ó ò). Capitals use the upper-case forms of all of
these ("AÙ", "Ô", "Ñ"...), so VNI keeps case exactly. When decoding, a modifier of the
wrong case is accepted (the base letter decides the case), as are "i"/"y" followed by a
tone modifier; `from_unicode` always writes the canonical form.

Detection heuristic (`detect_legacy`)
-------------------------------------
A string is declared legacy-encoded only when all of these hold, for one encoding:

1. it is not plain ASCII, and every character belongs to the legacy code page (Windows-1252
   or a C1 control): any Unicode-only letter (ơ, ư, ạ, đ, ế ...) proves genuine Unicode;
2. some word of it contains at least one ASCII letter and at least one *legacy-specific*
   character - a character of the encoding's table that is not itself a Unicode Vietnamese
   letter (TCVN3: ¸ µ « ¬ soft hyphen ® § Ö ...; VNI: ø û ï ä å ë ü æ î ñ ö and capitals) -
   and that word, converted, is a valid Vietnamese syllable. Text made only of Unicode
   Vietnamese letters, digits, spaces and punctuation is therefore never converted;
3. once the whole string is converted, its words are scored: a word with a non-ASCII letter
   counts as *Vietnamese* if it is a valid Vietnamese syllable (initial consonant, vowel
   nucleus, final consonant, at most one tone mark, and only sắc or nặng before a final
   p, t, c or ch), and as *bad* otherwise (a word starting with two capitals is taken as an
   abbreviation such as "QĐ", "TTg" and ignored); an all-ASCII word that is neither a valid
   syllable nor such an abbreviation counts as *foreign*. It must have at least one
   Vietnamese word, at most one bad word for every five Vietnamese words, and no more
   foreign words than Vietnamese ones.

If both encodings pass, the one with the higher "Vietnamese minus bad" count wins; a tie
returns None (e.g. VNI "- LÑVP/UBND Tænh;" also reads as TCVN3 "LẸVP/UBND Tổnh").
Mojibake read in the wrong encoding leaves stray symbols and impossible syllables, so the
two encodings rarely both pass; French, Spanish or German words ("café", "Ñandú",
"Müller") become impossible syllables in either.

Known limitations
-----------------
* TCVN3 capitals with tone marks are lost in the legacy text itself (see above).
* A legacy string whose every character is also a Unicode Vietnamese letter is left as it
  is, because it cannot be told from Unicode text: e.g. VNI "Coâng ty" (only circumflex
  and sắc marks) or TCVN3 "ChÝnh". Real cells of more than a couple of words almost always
  contain a legacy-specific character (a huyền, hỏi or nặng mark, ư or đ).
* A single word of another language could, rarely, both carry a legacy-specific character
  and convert to a valid syllable (Norwegian "Dø" reads as TCVN3 "Dứ").
* Other legacy encodings (VISCII, VPS, VIQR, TCVN3 "VN1" capitals) are not handled.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Final, Literal, get_args

__all__ = [
    "TCVN3_FROM_UNICODE",
    "VIETNAMESE_LETTERS",
    "VNI_FROM_UNICODE",
    "LegacyEncoding",
    "detect_legacy",
    "from_unicode",
    "is_vietnamese_syllable",
    "repair_text",
    "to_unicode",
]

LegacyEncoding = Literal["tcvn3", "vni"]
_ENCODINGS: Final[tuple[LegacyEncoding, ...]] = get_args(LegacyEncoding)

# The twelve vowels, then the five tones in the order used by every row below.
_VOWELS: Final = "aăâeêioôơuưy"
_TONE_MARKS: Final = ("\u0301", "\u0300", "\u0309", "\u0303", "\u0323")  # sắc huyền hỏi ngã nặng
_SAC, _NANG = _TONE_MARKS[0], _TONE_MARKS[4]


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _toned(vowel: str) -> tuple[str, ...]:
    """The vowel, then its five toned forms (sắc, huyền, hỏi, ngã, nặng), NFC."""
    return (vowel, *(_nfc(vowel + mark) for mark in _TONE_MARKS))


_LOWER_LETTERS: Final[tuple[str, ...]] = (
    *(c for v in _VOWELS for c in _toned(v) if not c.isascii()),
    "đ",
)
#: The 134 Vietnamese letters that are not ASCII: ă â ê ô ơ ư đ and the 60 toned vowels
#: (a ă â e ê i o ô ơ u ư y with sắc, huyền, hỏi, ngã, nặng), lower case then upper case.
VIETNAMESE_LETTERS: Final[tuple[str, ...]] = (
    *_LOWER_LETTERS,
    *(c.upper() for c in _LOWER_LETTERS),
)

# --------------------------------------------------------------------------------------------
# TCVN3 (TCVN 5712:1993, VN3 "ABC"). Each row: the plain letter, then sắc, huyền, hỏi, ngã,
# nặng, as Windows-1252 characters of the legacy bytes. "\xad" (soft hyphen) is byte 0xAD = ư.
# --------------------------------------------------------------------------------------------
_TCVN3_ROWS: Final[dict[str, str]] = {
    "a": "a¸µ¶·¹",  # a á à ả ã ạ     : B8 B5 B6 B7 B9
    "ă": "¨¾»¼½Æ",  # ă ắ ằ ẳ ẵ ặ     : A8 BE BB BC BD C6
    "â": "©ÊÇÈÉË",  # â ấ ầ ẩ ẫ ậ     : A9 CA C7 C8 C9 CB
    "e": "eÐÌÎÏÑ",  # e é è ẻ ẽ ẹ     : D0 CC CE CF D1
    "ê": "ªÕÒÓÔÖ",  # ê ế ề ể ễ ệ     : AA D5 D2 D3 D4 D6
    "i": "iÝ×ØÜÞ",  # i í ì ỉ ĩ ị     : DD D7 D8 DC DE
    "o": "oãßáâä",  # o ó ò ỏ õ ọ     : E3 DF E1 E2 E4
    "ô": "«èåæçé",  # ô ố ồ ổ ỗ ộ     : AB E8 E5 E6 E7 E9
    "ơ": "¬íêëìî",  # ơ ớ ờ ở ỡ ợ     : AC ED EA EB EC EE
    "u": "uóïñòô",  # u ú ù ủ ũ ụ     : F3 EF F1 F2 F4
    "ư": "\xadøõö÷ù",  # ư ứ ừ ử ữ ự  : AD F8 F5 F6 F7 F9
    "y": "yýúûüþ",  # y ý ỳ ỷ ỹ ỵ     : FD FA FB FC FE
}
_TCVN3_SINGLE: Final[dict[str, str]] = {
    "đ": "®",  # AE
    # The only capitals TCVN3 has: A1-A7.
    "Ă": "¡",
    "Â": "¢",
    "Ê": "£",
    "Ô": "¤",
    "Ơ": "¥",
    "Ư": "¦",
    "Đ": "§",
}


def _build_tcvn3() -> dict[str, str]:
    table: dict[str, str] = {}
    for vowel, codes in _TCVN3_ROWS.items():
        for letter, code in zip(_toned(vowel), codes, strict=True):
            if letter.isascii():
                continue
            table[letter] = code
            # A toned capital has no byte: it is the lower-case byte (shown in .VnTimeH).
            table.setdefault(letter.upper(), code)
    table.update(_TCVN3_SINGLE)
    return table


# --------------------------------------------------------------------------------------------
# VNI Windows. Each row: the plain letter, then sắc, huyền, hỏi, ngã, nặng. Capitals are the
# same strings in upper case ("aù" -> "AÙ", "ô" -> "Ô").
# --------------------------------------------------------------------------------------------
_VNI_ROWS: Final[dict[str, tuple[str, ...]]] = {
    "a": ("a", "aù", "aø", "aû", "aõ", "aï"),
    "ă": ("aê", "aé", "aè", "aú", "aü", "aë"),
    "â": ("aâ", "aá", "aà", "aå", "aã", "aä"),
    "e": ("e", "eù", "eø", "eû", "eõ", "eï"),
    "ê": ("eâ", "eá", "eà", "eå", "eã", "eä"),
    "i": ("i", "í", "ì", "æ", "ó", "ò"),
    "o": ("o", "où", "oø", "oû", "oõ", "oï"),
    "ô": ("oâ", "oá", "oà", "oå", "oã", "oä"),
    "ơ": ("ô", "ôù", "ôø", "ôû", "ôõ", "ôï"),
    "u": ("u", "uù", "uø", "uû", "uõ", "uï"),
    "ư": ("ö", "öù", "öø", "öû", "öõ", "öï"),
    "y": ("y", "yù", "yø", "yû", "yõ", "î"),
}
_VNI_SINGLE: Final[dict[str, str]] = {"đ": "ñ"}


def _build_vni() -> dict[str, str]:
    table: dict[str, str] = {}
    for vowel, codes in _VNI_ROWS.items():
        for letter, code in zip(_toned(vowel), codes, strict=True):
            if letter.isascii():
                continue
            table[letter] = code
            table[letter.upper()] = code.upper()
    for letter, code in _VNI_SINGLE.items():
        table[letter] = code
        table[letter.upper()] = code.upper()
    return table


#: Unicode letter -> its TCVN3 form (a Windows-1252 character per legacy byte).
TCVN3_FROM_UNICODE: Final[Mapping[str, str]] = MappingProxyType(_build_tcvn3())
#: Unicode letter -> its VNI Windows form (one or two Windows-1252 characters).
VNI_FROM_UNICODE: Final[Mapping[str, str]] = MappingProxyType(_build_vni())

# Decoding tables. TCVN3: byte -> letter (the lower-case letter where capitals share a byte).
_TCVN3_DECODE: Final[dict[str, str]] = {
    code: letter for letter, code in TCVN3_FROM_UNICODE.items() if letter == letter.lower()
}
_TCVN3_DECODE.update({code: letter for letter, code in _TCVN3_SINGLE.items()})


def _build_vni_decode() -> tuple[dict[str, str], dict[str, str]]:
    pairs: dict[str, str] = {}
    singles: dict[str, str] = {}
    for letter, code in VNI_FROM_UNICODE.items():
        (pairs if len(code) == 2 else singles)[code] = letter
    tone_codes = _VNI_ROWS["a"][1:]
    for code, letter in list(pairs.items()):
        # Lenient: a modifier of the other case; the base letter decides the case.
        pairs.setdefault(code[0] + code[1].swapcase(), letter)
    for base in "iy":
        # Lenient: "i"/"y" with a tone modifier (VNI has single bytes for í ì ỉ ĩ ị and ỵ).
        for mark, code in zip(_TONE_MARKS, tone_codes, strict=True):
            letter = _nfc(base + mark)
            for b, m in ((base, code[1]), (base.upper(), code[1].upper())):
                for modifier in (m, m.swapcase()):
                    pairs.setdefault(b + modifier, letter if b.islower() else letter.upper())
    return pairs, singles


_VNI_DECODE_PAIRS, _VNI_DECODE_SINGLES = _build_vni_decode()

# Characters of each table that are not Unicode Vietnamese letters: their presence is the
# evidence that a string is legacy-encoded (they never occur in Unicode Vietnamese words).
_TABLE_CHARS: Final[dict[LegacyEncoding, frozenset[str]]] = {
    "tcvn3": frozenset(c for code in TCVN3_FROM_UNICODE.values() for c in code if not c.isascii()),
    "vni": frozenset(c for code in VNI_FROM_UNICODE.values() for c in code if not c.isascii()),
}
_SPECIFIC: Final[dict[LegacyEncoding, frozenset[str]]] = {
    enc: chars - frozenset(VIETNAMESE_LETTERS) for enc, chars in _TABLE_CHARS.items()
}


def _check_encoding(encoding: str) -> None:
    if encoding not in _ENCODINGS:
        raise ValueError(f"unknown legacy encoding {encoding!r}: expected one of {_ENCODINGS}")


# --------------------------------------------------------------------------------------------
# Conversion
# --------------------------------------------------------------------------------------------


def _is_cased(char: str) -> bool:
    return char.lower() != char.upper()


def _tcvn3_to_unicode(text: str) -> str:
    out: list[str] = []
    lossy: list[bool] = []  # True where the letter's case is unknown (a toned vowel)
    for char in text:
        letter = _TCVN3_DECODE.get(char)
        if letter is None:
            out.append(char)
            lossy.append(False)
        else:
            out.append(letter)
            lossy.append(letter not in _TCVN3_SINGLE and letter.upper() not in _TCVN3_SINGLE)

    def case_counts(start: int, stop: int) -> tuple[int, int]:
        upper = lower = 0
        for i in range(start, stop):
            if not lossy[i] and _is_cased(out[i]):
                if out[i].isupper():
                    upper += 1
                else:
                    lower += 1
        return upper, lower

    upper, lower = case_counts(0, len(out))
    whole_in_capitals = upper >= 2 and lower == 0
    i = 0
    while i < len(out):
        if not out[i].isalpha():
            i += 1
            continue
        j = i
        while j < len(out) and out[j].isalpha():
            j += 1
        upper, lower = case_counts(i, j)
        if whole_in_capitals or (upper >= 2 and lower == 0):
            for k in range(i, j):
                if lossy[k]:
                    out[k] = out[k].upper()
        i = j
    return "".join(out)


def _vni_to_unicode(text: str) -> str:
    out: list[str] = []
    i = 0
    while i < len(text):
        pair = _VNI_DECODE_PAIRS.get(text[i : i + 2])
        if pair is not None:
            out.append(pair)
            i += 2
            continue
        out.append(_VNI_DECODE_SINGLES.get(text[i], text[i]))
        i += 1
    return "".join(out)


def to_unicode(text: str, encoding: LegacyEncoding) -> str:
    """Convert legacy-encoded text (one Windows-1252 character per legacy byte) to NFC Unicode.

    Characters outside the encoding's table (digits, punctuation, ASCII consonants...) pass
    through unchanged. TCVN3 toned capitals come back in lower case unless their word (or the
    whole string) is otherwise written in capitals: see the module documentation.
    """
    _check_encoding(encoding)
    source = _nfc(text)
    converted = _tcvn3_to_unicode(source) if encoding == "tcvn3" else _vni_to_unicode(source)
    return _nfc(converted)


def from_unicode(text: str, encoding: LegacyEncoding) -> str:
    """The legacy form of Unicode Vietnamese text (the inverse of `to_unicode`).

    Characters with no legacy form pass through. In TCVN3 a toned capital (Á, Ấ, Ủ...) is
    written as its lower-case byte, which is how it was typed for the .VnTimeH font.
    """
    _check_encoding(encoding)
    table = TCVN3_FROM_UNICODE if encoding == "tcvn3" else VNI_FROM_UNICODE
    return "".join(table.get(char, char) for char in _nfc(text))


# --------------------------------------------------------------------------------------------
# Vietnamese syllables
# --------------------------------------------------------------------------------------------

_INITIALS: Final = (
    "ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "th", "tr", "qu",
    "b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x", "",
)  # fmt: skip
_FINALS: Final = ("ch", "ng", "nh", "c", "m", "n", "p", "t", "")
_STOP_FINALS: Final = frozenset({"c", "ch", "p", "t"})
# Nuclei that end in a semivowel (i, y, o, u) or are ia/ua/ưa: no final consonant after them.
_OPEN_NUCLEI: Final = frozenset(
    [
        "ai",
        "ao",
        "au",
        "ay",
        "âu",
        "ây",
        "eo",
        "êu",
        "ia",
        "iu",
        "oi",
        "ôi",
        "ơi",
        "ua",
        "ui",
        "ưa",
        "ưi",
        "ưu",
        "iêu",
        "yêu",
        "oai",
        "oao",
        "oay",
        "oeo",
        "uây",
        "uôi",
        "uya",
        "uyu",
        "ươi",
        "ươu",
    ]
)
# Nuclei that need a final consonant.
_CLOSED_NUCLEI: Final = frozenset(["ă", "â", "iê", "yê", "oă", "uâ", "uô", "ươ", "uyê"])
_NUCLEI: Final = (
    _OPEN_NUCLEI
    | _CLOSED_NUCLEI
    | frozenset(["a", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y", "oa", "oe", "uê", "uơ", "uy"])
)
_FRONT_VOWELS: Final = ("i", "e", "ê")
_ALPHABET: Final = frozenset("aăâbcdđeêghiklmnoôơpqrstuưvxy")


def is_vietnamese_syllable(word: str) -> bool:
    """Whether `word` (any case, NFC or NFD) is a well-formed Vietnamese syllable.

    A syllable is an optional initial consonant, a vowel nucleus and an optional final
    consonant, with at most one tone mark; after a final p, t, c or ch only sắc or nặng.
    Spelling rules checked: gh/ngh only before i, e, ê; c and ng never before them.
    Loan spellings (f, j, w, z, "oo") are rejected; proper names such as "Kạn" are accepted.
    """
    decomposed = unicodedata.normalize("NFD", word.lower())
    tones = [c for c in decomposed if c in _TONE_MARKS]
    if len(tones) > 1:
        return False
    base = _nfc("".join(c for c in decomposed if c not in _TONE_MARKS))
    if not base or not set(base) <= _ALPHABET:
        return False
    tone = tones[0] if tones else None
    for initial in _INITIALS:
        if not base.startswith(initial):
            continue
        rest = base[len(initial) :]
        for final in _FINALS:
            if not rest.endswith(final):
                continue
            nucleus = rest[: len(rest) - len(final)]
            if _valid_parts(initial, nucleus, final, tone):
                return True
    return False


def _valid_parts(initial: str, nucleus: str, final: str, tone: str | None) -> bool:
    front = nucleus.startswith(_FRONT_VOWELS)
    return (
        nucleus in _NUCLEI
        and not (final and nucleus in _OPEN_NUCLEI)  # "aim"
        and not (not final and nucleus in _CLOSED_NUCLEI)  # "ă", "iê"
        and (final not in _STOP_FINALS or tone in (_SAC, _NANG))  # "hỏp"
        and (initial not in ("gh", "ngh") or front)  # "ghà"
        and not (initial in ("c", "ng") and (front or nucleus.startswith("y")))  # "ciên", "nge"
        and not (initial == "qu" and nucleus.startswith("u"))
    )


# --------------------------------------------------------------------------------------------
# Detection
# --------------------------------------------------------------------------------------------


def _in_legacy_code_page(char: str) -> bool:
    if 0x80 <= ord(char) <= 0x9F:  # bytes Windows-1252 leaves undefined arrive as C1 controls
        return True
    try:
        char.encode("cp1252")
    except UnicodeEncodeError:
        return False
    return True


def _runs(text: str, is_word_char: set[str] | frozenset[str] | None = None) -> list[str]:
    """Maximal runs of letters (and of `is_word_char` characters, if given)."""
    words: list[str] = []
    current: list[str] = []
    for char in text:
        if char.isalpha() or (is_word_char is not None and char in is_word_char):
            current.append(char)
        elif current:
            words.append("".join(current))
            current = []
    if current:
        words.append("".join(current))
    return words


@dataclass(frozen=True, slots=True)
class _Score:
    vietnamese: int  # words with a non-ASCII letter that are valid syllables
    bad: int  # words with a non-ASCII letter that are not (abbreviations in capitals excepted)
    foreign: int  # ASCII words that are neither valid syllables nor in capitals

    @property
    def plausible(self) -> bool:
        return (
            self.vietnamese >= 1
            and self.bad * 5 <= self.vietnamese
            and self.foreign <= self.vietnamese
        )


def _score(converted: str) -> _Score:
    vietnamese = bad = foreign = 0
    for word in _runs(converted):
        valid = is_vietnamese_syllable(word)
        in_capitals = len(word) >= 2 and word[:2].isupper()  # "UBND", "QĐ", "TTg", "TNữ"
        if word.isascii():
            foreign += not (valid or in_capitals)
        elif valid:
            vietnamese += 1
        elif not in_capitals:
            bad += 1
    return _Score(vietnamese, bad, foreign)


def _has_evidence(text: str, encoding: LegacyEncoding) -> bool:
    """Some word mixes ASCII letters with legacy-specific characters and converts to a syllable."""
    specific = _SPECIFIC[encoding]
    for word in _runs(text, _TABLE_CHARS[encoding]):
        if (
            any(c in specific for c in word)
            and any(c.isascii() for c in word)
            and is_vietnamese_syllable(to_unicode(word, encoding))
        ):
            return True
    return False


def detect_legacy(text: str) -> LegacyEncoding | None:
    """ "tcvn3" or "vni" if `text` is Vietnamese typed in that legacy encoding, else None.

    Conservative: genuine Unicode Vietnamese, ASCII, numbers, dates, e-mail addresses and
    foreign words with accents give None. See the module documentation for the heuristic.
    """
    source = _nfc(text)
    if source.isascii() or not all(_in_legacy_code_page(c) for c in source):
        return None
    candidates: list[tuple[int, LegacyEncoding]] = []
    for encoding in _ENCODINGS:
        if not _has_evidence(source, encoding):
            continue
        score = _score(to_unicode(source, encoding))
        if score.plausible:
            candidates.append((score.vietnamese - score.bad, encoding))
    if not candidates:
        return None
    candidates.sort(reverse=True)
    if len(candidates) > 1 and candidates[0][0] == candidates[1][0]:
        return None
    return candidates[0][1]


def words_support(text: str, encoding: LegacyEncoding) -> bool:
    """Whether `text`'s own words support reading it in `encoding`, when something else (the
    rest of its sheet) suggests that encoding: every word holding a character specific to
    the encoding becomes a valid Vietnamese syllable once converted (and there is such a
    word), and the text as it stands is not already Vietnamese. "25 µg/m³" does not ("µg"
    would become "àg"); TCVN3 "Th¸ng" does."""
    specific = _SPECIFIC[encoding]
    marked = [w for w in _runs(text, _TABLE_CHARS[encoding]) if any(c in specific for c in w)]
    if not marked or not all(is_vietnamese_syllable(to_unicode(w, encoding)) for w in marked):
        return False
    as_it_is = [w for w in _runs(text) if not w.isascii()]
    return not (as_it_is and all(is_vietnamese_syllable(w) for w in as_it_is))


def repair_text(text: str) -> str:
    """NFC `text`, converted from TCVN3 or VNI when `detect_legacy` recognises it."""
    source = _nfc(text)
    encoding = detect_legacy(source)
    return source if encoding is None else to_unicode(source, encoding)
