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
_BEFORE_INLINE_ITEM = regex.compile(r"[:：;；。.!?！？](?P<space>\s*)(?:(?:and|or)\s+|[及和或與与]\s*)?$")
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
