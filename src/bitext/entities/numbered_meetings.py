"""Congresses named by their number: 十九大 / 中國共產黨第十九次全國代表大會 ↔ 19th CPC National Congress.

Chinese news names a party's (or any body's) national congress by its ordinal, often in the two- or
three-character abbreviation "<number>大" (十九大, 十八大, 一大); the English spells it "19th CPC National
Congress" or "18th National Congress of the Communist Party of China". No word of one translates a word of
the other (大 "big" is no gloss of "Congress"), so neither the dictionary nor the composition pairs them;
the number does. This module finds both forms and pairs a Chinese and an English congress of one bead when
their numbers are equal (``same_number``).

* **English**: an ordinal in digits or spelled out ("the Nineteenth …", fresh12), capitalised words,
  "Congress", and an optional "of (the) <name>" ("15th National Congress of the China Party for Public Interest").
* **Chinese**: "第<number>次全國代表大會" or the abbreviation "<number>大" (a Chinese numeral of one to
  three characters not inside a longer number). The abbreviation is an everyday phrase too (一大批 "a large
  batch", 十大 "top ten"), so Chinese candidates are made only in a bead whose English names a numbered
  congress, and pair only with one of the same number.
"""

from __future__ import annotations

import regex

from bitext.document import Document
from bitext.entities.candidates import Candidate, english_key
from bitext.resources.numbers import ordinal_value
from bitext.script import to_simplified

SOURCE = "numbered-meeting"
# As strong as a dictionary gloss: an equal ordinal of a congress on both sides of a bead is rarely chance.
SAME_NUMBER = 0.9

_CAPITALISED = r"\p{Lu}[\p{L}'’.-]*"
# Ordinals spelled out ("the Nineteenth National Congress of CPC"): 1-99, capitalised as a name's word.
_UNIT_ORDINALS = (
    "First Second Third Fourth Fifth Sixth Seventh Eighth Ninth Tenth Eleventh Twelfth Thirteenth Fourteenth "
    "Fifteenth Sixteenth Seventeenth Eighteenth Nineteenth"
).split()
_TENS = "Twent Thirt Fort Fift Sixt Sevent Eight Ninet".split()
_UNITS = "|".join(_UNIT_ORDINALS[:9])
_SPELLED = rf"(?:(?:{'|'.join(_TENS)})(?:ieth|y-(?i:{_UNITS}))|{'|'.join(_UNIT_ORDINALS)})"
_ENGLISH = regex.compile(
    rf"\b(?:(?P<number>\d{{1,3}})(?:st|nd|rd|th)|(?P<spelled>{_SPELLED}))\s+(?:{_CAPITALISED}\s+){{0,4}}?Congress"
    rf"(?:\s+of(?:\s+the)?(?:\s+(?:{_CAPITALISED}|and|for|of))*\s+{_CAPITALISED}(?=[\s,.;:)\"”]|$))?"
)
_ENGLISH_NUMBER = regex.compile(rf"(\d{{1,3}})|({_SPELLED})")


def english_ordinal(word: str) -> int | None:
    """Nineteenth → 19, Twentieth → 20, Twenty-First → 21 (a name's spelled ordinal); None otherwise."""
    return ordinal_value(word)


_NUMERAL = "〇一二三四五六七八九十"
_CHINESE = regex.compile(
    rf"(?<![{_NUMERAL}百千\d第])(?:第(?P<full>[{_NUMERAL}]{{1,3}})次全[國国]代表大[會会]|(?P<short>[{_NUMERAL}]{{1,3}})大)"
)
_DIGITS = {ch: n for n, ch in enumerate("〇一二三四五六七八九")}


def chinese_number(numeral: str) -> int | None:
    """一 → 1, 十九 → 19, 二十 → 20, 二十一 → 21; None for what is no number from 1 to 99."""
    if "十" not in numeral:
        return _DIGITS[numeral] if len(numeral) == 1 and numeral != "〇" else None
    tens, _, units = numeral.partition("十")
    if "十" in units or len(tens) > 1 or len(units) > 1 or "〇" in tens + units:
        return None
    return (_DIGITS[tens] if tens else 1) * 10 + (_DIGITS[units] if units else 0)


def number_of(candidate: Candidate) -> int | None:
    """The congress's number of a candidate of this module, else None."""
    if candidate.source != SOURCE:
        return None
    english = _ENGLISH_NUMBER.match(candidate.key)
    if english:
        return int(english.group(1)) if english.group(1) else english_ordinal(english.group(2))
    found = _CHINESE.match(candidate.key)
    return chinese_number(found.group("full") or found.group("short")) if found else None


def english_meetings(doc: Document, sentence: int) -> list[Candidate]:
    """ "19th CPC National Congress", "18th National Congress of the Communist Party of China"."""
    start, end = doc.sentence_offsets[sentence]
    found = []
    for m in _ENGLISH.finditer(doc.text, start, end):
        surface = m.group()
        if surface.endswith(".") and surface.rsplit(" ", 1)[-1].count(".") == 1:
            surface = surface[:-1]  # the sentence's full stop, not an abbreviation's (U.S.)
        found.append(
            Candidate(m.start(), m.start() + len(surface), surface, english_key(surface), sentence, SOURCE, "MISC")
        )
    return found


def chinese_meetings(doc: Document, sentence: int, numbers: set[int]) -> list[Candidate]:
    """十九大 and 第十九次全國代表大會 in Chinese sentence ``sentence``, for the English's congress ``numbers``."""
    start, end = doc.sentence_offsets[sentence]
    found = []
    for m in _CHINESE.finditer(doc.text, start, end):
        if chinese_number(m.group("full") or m.group("short")) in numbers:
            found.append(Candidate(m.start(), m.end(), m.group(), to_simplified(m.group()), sentence, SOURCE, "MISC"))
    return found


def same_number(zh: Candidate, en: Candidate) -> bool:
    """Both are congresses of this module with one number."""
    number = number_of(zh)
    return number is not None and number == number_of(en)
