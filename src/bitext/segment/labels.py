"""Labels that start a segment: list items ("(一)", "(1)", "1.", "a)") and headings ("第一條", "Article 1",
"Chapter II").

Statutes, manuals and contracts number their items and articles, and a translation numbers the same
items: so a label is the most reliable boundary two sides share. An item inline after a colon or
semicolon ("下列事項：(一)…；(二)…" ↔ "the following: (1) …; (2) …") starts a segment on both sides,
whether the side's splitter would have cut there or not; a heading on its own line is a segment of its
own (the layout reader makes sure a wrapped paragraph never swallows it).
"""

from __future__ import annotations

import regex

_CHINESE_NUMERAL = "一二三四五六七八九十百千零〇○两兩"
_ROMAN = "IVXLC"
# An enumerated item in brackets: (1) (a) (iv) (一), half- or full-width.
ITEM_LABEL = regex.compile(
    rf"[(（](?:\d{{1,3}}|[a-zA-Z]|[ivx]{{1,5}}|[{_ROMAN}]{{1,5}}|[{_CHINESE_NUMERAL}]{{1,4}})[)）]"
)
# What stands before an inline item that starts a segment: a colon, semicolon or sentence end, whitespace,
# then perhaps a conjunction, which stays with the item ("…; and (3) …"). The cut falls after the space.
_BEFORE_INLINE_ITEM = regex.compile(r"[:：︰﹕;；。.!?！？](?P<space>\s*)(?:(?:and|or)\s+|[及和或與与]\s*)?$")
_LOOK_BEHIND = 12
# A heading label: 第一條, 第二章, 第3節; Article 1, Chapter II, Section 3.2, Part IV, Schedule 1.
HEADING_LABEL = regex.compile(
    rf"第\s*[\d{_CHINESE_NUMERAL}]+\s*[條条章節节編编款項项部卷回篇]"
    rf"|(?:Article|Art\.|Section|Sec\.|Chapter|Part|Book|Schedule|Annex|Title)\s+(?:\d+(?:\.\d+)*|[{_ROMAN}]+)\b",
    regex.IGNORECASE,
)
# A line that begins with a label: an item, a heading, "1." / "1)" / "a." / "一、" before text, or "一　"
# (a space after the numeral, ideographic or not: how Taiwan's statutes number the items of an article).
LINE_LABEL = regex.compile(
    rf"\s*(?:{ITEM_LABEL.pattern}|{HEADING_LABEL.pattern}"
    rf"|\d{{1,3}}[.)](?=\s)|[a-z][.)](?=\s)|[{_CHINESE_NUMERAL}]{{1,4}}(?:、|\s)|[•·▪●■◆○-](?=\s))",
    regex.IGNORECASE,
)


def inline_item_starts(text: str, start: int, end: int) -> list[int]:
    """Offsets inside ``[start, end)`` where an enumerated item begins after a colon, semicolon or
    sentence end: the cut points that make each item of "(1) …; (2) …" its own segment.

    Only two or more such items are cut ("see (a) above" is a reference, not a list).
    """
    labels = list(ITEM_LABEL.finditer(text, start, end))
    if len(labels) < 2:
        return []
    cuts: list[int] = []
    for label in labels:
        window = max(start, label.start() - _LOOK_BEHIND)
        before = _BEFORE_INLINE_ITEM.search(text, window, label.start())
        if before is not None:
            cuts.append(before.end("space"))
    # "characteristics: (1) flow, (2) density, and (3) velocity" is one sentence: items separated by
    # commas are cut nowhere, so two or more items must stand after a colon, semicolon or sentence end.
    return cuts if len(cuts) >= 2 else []


_NUMBERED = regex.compile(
    rf"\s*(?:(?P<open>[(（])(?P<n>\d{{1,3}}|[a-z]|[{_CHINESE_NUMERAL}]{{1,4}})(?P<close>[)）])"
    rf"|(?P<n>\d{{1,3}}|[a-z])(?P<close>[.)])(?=\s)|(?P<n>[{_CHINESE_NUMERAL}]{{1,4}})(?P<close>、|\s))",
    regex.IGNORECASE,
)
_DIGIT = {ch: k for k, ch in enumerate("一二三四五六七八九", 1)}


def item_number(line: str) -> tuple[str, int] | None:
    """The style and number of the item label a line opens with: ``("1.", 4)`` for "4. Department…",
    ``("(a)", 2)`` for "(b) …", ``("一、", 3)`` for "三、…"; ``None`` for no numbered label. Two lines whose
    labels have one style and successive numbers are successive items of one list."""
    found = _NUMBERED.match(line)
    if not found:
        return None
    text = found.group("n")
    number: int | None
    if text.isdigit():
        number, kind = int(text), "1"
    elif len(text) == 1 and text.isascii():
        number, kind = ord(text.lower()) - ord("a") + 1, "a"
    else:
        number, kind = _chinese_number(text), "一"
    if number is None:
        return None
    close = found.group("close")
    return f"{found.group('open') or ''}{kind}{close if close.strip() else ' '}", number


def _chinese_number(text: str) -> int | None:
    """一 to 九十九 ("十一", "二十", "二十三"); other numerals are not item numbers here."""
    tens, _, units = text.partition("十")
    if "十" not in text:
        return _DIGIT.get(text) if len(text) == 1 else None
    if len(tens) > 1 or len(units) > 1 or (tens and tens not in _DIGIT) or (units and units not in _DIGIT):
        return None
    return (_DIGIT[tens] if tens else 1) * 10 + (_DIGIT[units] if units else 0)
