"""Bodies named at the head of a numbered list item, before a colon (issue 13, organisation acts).

A Taiwan organisation act lists its subordinate agencies as ``一、警政署：全國警察行政事務之規劃…`` ↔
``1. National Police Agency: Plan and execute national police …``. The item's head names the body on
both sides, and the item numbers say which heading goes with which, whatever the words: 警政署 (police
administration office) shares little with its English name, and a generic phrase later in the item
(全國警察機關 ↔ "National Police …") may gloss it better. So a Chinese head that ends on a body's
ending and an English head written as a name, under the same item number of one bead, are proposed
as candidates and paired with the strength of a bracketed original name.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from bitext.entities.candidates import Candidate, english_key
from bitext.script import convert

HEADING = 0.9  # as strong as a bracketed original name: the list's own structure pairs them

_NUMERALS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
# 一、 or （一） then two to sixteen Han characters then a full-width colon
_ZH_ITEM = re.compile(
    r"(?:[（(]([一二三四五六七八九十]{1,3})[）)]|([一二三四五六七八九十]{1,3})、)\s*([\u4e00-\u9fff]{2,16})[：:]"
)
# 1. or (1) then a name of capitalised words (with connectors and commas) then a colon
_EN_ITEM = re.compile(r"(?:\((\d{1,2})\)|(\d{1,2})\.)[ \t]*([A-Z][A-Za-z\-’']*(?:,? [A-Za-z\-’']+){0,11}):")
# The database's other English layout: the item's number on a line of its own ("Subparagraph (1)"), the
# item's text (its head a name before a colon) on the next line.
_EN_NUMBER_LINE = re.compile(r"[ \t]*(?:Subparagraph|Item)[ \t]*\((\d{1,2})\)[ \t]*\n")
_EN_HEAD = re.compile(r"()()([A-Z][A-Za-z\-’']*(?:,? [A-Za-z\-’']+){0,11}):")
_BODY_ENDINGS = (
    "署",
    "局",
    "部",
    "會",
    "会",
    "院",
    "處",
    "处",
    "所",
    "館",
    "馆",
    "隊",
    "队",
    "中心",
    "辦公室",
    "办公室",
)
_CONNECTORS = frozenset({"of", "and", "for", "the", "on", "in", "to", "a"})


def _number(numeral: str) -> int:
    """一 … 九十九 as an integer (十一 = 11, 二十 = 20)."""
    if "十" not in numeral:
        return _NUMERALS[numeral]
    tens, _, ones = numeral.partition("十")
    return (_NUMERALS[tens] if tens else 1) * 10 + (_NUMERALS[ones] if ones else 0)


def _line_start(text: str, position: int) -> int:
    return text.rfind("\n", 0, position) + 1


def chinese_heading(text: str, start: int, end: int, sentence: int) -> tuple[int, Candidate] | None:
    """The (item number, body) heading the line holding ``text[start:end]`` (a sentence), if it has one."""
    line = _line_start(text, start)
    match = _ZH_ITEM.match(text, line)
    if match is None or not start <= match.start(3) < end:
        return None
    name = match.group(3)
    if not name.endswith(_BODY_ENDINGS) or (len(name) <= 2 and name[-1] in "部所"):
        return None  # a body's ending; not a two-character 本部 or 場所
    number = _number(match.group(1) or match.group(2))
    key = convert(name, "t2s")
    return number, Candidate(match.start(3), match.end(3), name, key, sentence, "list-heading", "ORG")


def english_heading(text: str, start: int, end: int, sentence: int) -> tuple[int, Candidate] | None:
    """The (item number, name) heading the line holding ``text[start:end]`` (a sentence), if it has one."""
    line = _line_start(text, start)
    match = _EN_ITEM.match(text, line)
    number_line = None
    if match is None and line > 0:
        number_line = _EN_NUMBER_LINE.match(text, _line_start(text, line - 1))
        match = _EN_HEAD.match(text, line) if number_line is not None and number_line.end() == line else None
    if match is None or not start <= match.start(3) < end:
        return None
    name = match.group(3)
    words = name.replace(",", "").split(" ")
    if words[-1] in _CONNECTORS or any(not w[0].isupper() and w not in _CONNECTORS for w in words):
        return None  # "1. Planning, formulation and …:" is a description, not a name
    number = int(number_line.group(1) if number_line is not None else match.group(1) or match.group(2))
    return number, Candidate(match.start(3), match.end(3), name, english_key(name), sentence, "list-heading", "ORG")


def headings(
    zh_text: str,
    zh_sentences: Sequence[tuple[int, tuple[int, int]]],
    en_text: str,
    en_sentences: Sequence[tuple[int, tuple[int, int]]],
) -> tuple[list[Candidate], list[Candidate]]:
    """The Chinese and English headings of one bead whose item number the other side heads too."""
    zh = [h for i, (s, e) in zh_sentences if (h := chinese_heading(zh_text, s, e, i)) is not None]
    en = [h for i, (s, e) in en_sentences if (h := english_heading(en_text, s, e, i)) is not None]
    numbers = {n for n, _ in zh} & {n for n, _ in en}
    return [c for n, c in zh if n in numbers], [c for n, c in en if n in numbers]


def item_of_chinese(text: str, zh: Candidate) -> int | None:
    """The item number when ``zh`` is exactly the body heading its line's numbered item."""
    found = chinese_heading(text, zh.start, zh.end, zh.sentence)
    return found[0] if found is not None and (found[1].start, found[1].end) == (zh.start, zh.end) else None


def item_of_english(text: str, en: Candidate) -> int | None:
    """The item number when ``en`` is exactly the name heading its line's numbered item."""
    found = english_heading(text, en.start, en.end, en.sentence)
    return found[0] if found is not None and (found[1].start, found[1].end) == (en.start, en.end) else None
