"""DOCX → text with python-docx (MIT): body paragraphs and tables in order, list numbers, footnotes.

One paragraph of the document is one line of the text (a soft line break inside it becomes a
space, as Word shows a wrapped line). Headings are paragraphs of their own, so they become segments
of their own. A numbered list item gets the number Word shows ("1.", "(a)", "第一條"), computed from
the document's numbering definitions, because the translation numbers the same items and the label is
what aligns them. Footnotes follow the body, one a line, as "[n] text": they are translated text, and
both sides have them. A table cell is a line.
"""

from __future__ import annotations

import io
import zipfile
from collections import defaultdict
from typing import Any

from bitext.document import Lang
from bitext.errors import InputError
from bitext.inputs.base import Extracted

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0"  # an encrypted DOCX (or an old .doc) is an OLE compound file
_CHINESE_DIGITS = "零一二三四五六七八九"


def extract(data: bytes, name: str, lang: Lang, encoding: str | None = None) -> Extracted:
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    if data.startswith(_OLE_MAGIC):
        raise InputError(f"{name}: an encrypted DOCX or an old binary .doc; save it as an unprotected .docx")
    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as error:
        raise InputError(f"{name}: not a readable DOCX file ({error})") from None
    numbering = _Numbering(document)
    lines: list[str] = []
    body = document.element.body
    for block in body.iterchildren():
        if block.tag == f"{_W}p":
            lines.append(_paragraph_line(block, numbering))
        elif block.tag == f"{_W}tbl":
            lines.extend(_paragraph_line(p, numbering) for p in block.iter(f"{_W}p"))
    lines.extend(_footnotes(document))
    return Extracted("\n".join(line for line in lines if line.strip()) + "\n", "docx")


def _paragraph_line(paragraph: Any, numbering: _Numbering) -> str:
    parts: list[str] = []
    for node in paragraph.iter(f"{_W}t", f"{_W}tab", f"{_W}br", f"{_W}cr", f"{_W}footnoteReference"):
        if node.tag == f"{_W}t":
            parts.append(node.text or "")
        elif node.tag == f"{_W}footnoteReference":
            parts.append(f"[{node.get(f'{_W}id')}]")
        else:
            parts.append("\t" if node.tag == f"{_W}tab" else " ")
    text = "".join(parts).strip()
    label = numbering.label(paragraph)
    return f"{label} {text}" if label and text else text


def _footnotes(document: Any) -> list[str]:
    """Footnote texts from word/footnotes.xml, as "[n] text" (python-docx has no API for them)."""
    from lxml import etree

    for part in document.part.package.iter_parts():
        if str(part.partname) == "/word/footnotes.xml":
            root = etree.fromstring(part.blob)
            notes = []
            for note in root.iter(f"{_W}footnote"):
                identifier = note.get(f"{_W}id")
                if note.get(f"{_W}type") or identifier is None or int(identifier) <= 0:
                    continue  # the separator and continuation notices
                text = " ".join("".join(t.text or "" for t in p.iter(f"{_W}t")) for p in note.iter(f"{_W}p")).strip()
                if text:
                    notes.append(f"[{identifier}] {text}")
            return notes
    return []


class _Numbering:
    """The labels Word shows before numbered paragraphs: "%1." with decimal, "(%1)" with lowerLetter…"""

    def __init__(self, document: Any) -> None:
        self.levels: dict[tuple[str, str], tuple[str, str, int]] = {}
        self.counters: dict[str, dict[str, int]] = defaultdict(dict)
        # Styles that number their paragraphs ("List Number"): style id -> (numId, ilvl, basedOn).
        self.styles: dict[str, tuple[str | None, str | None, str | None]] = {}
        for style in document.styles.element.iter(f"{_W}style"):
            numbering = style.find(f"{_W}pPr/{_W}numPr")
            num_id = _value(numbering, "numId") if numbering is not None else None
            ilvl = _value(numbering, "ilvl") if numbering is not None else None
            self.styles[style.get(f"{_W}styleId")] = (num_id, ilvl, _value(style, "basedOn"))
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return
        abstract: dict[str, dict[str, tuple[str, str, int]]] = {}
        for definition in root.iter(f"{_W}abstractNum"):
            levels = {}
            for level in definition.iter(f"{_W}lvl"):
                fmt = _value(level, "numFmt") or "decimal"
                text = _value(level, "lvlText") or ""
                start = int(_value(level, "start") or 1)
                levels[level.get(f"{_W}ilvl")] = (fmt, text, start)
            abstract[definition.get(f"{_W}abstractNumId")] = levels
        for num in root.iter(f"{_W}num"):
            abstract_id = _value(num, "abstractNumId")
            for ilvl, level in abstract.get(abstract_id or "", {}).items():
                self.levels[(num.get(f"{_W}numId"), ilvl)] = level

    def label(self, paragraph: Any) -> str:
        properties = paragraph.find(f"{_W}pPr/{_W}numPr")
        num_id, ilvl = (None, None) if properties is None else (_value(properties, "numId"), _value(properties, "ilvl"))
        if num_id is None:
            num_id, style_ilvl = self._style_numbering(paragraph)
            ilvl = ilvl or style_ilvl
        ilvl = ilvl or "0"
        level = self.levels.get((num_id or "", ilvl))
        if level is None or num_id in (None, "0"):
            return ""
        fmt, text, start = level
        counters = self.counters[num_id or ""]
        counters[ilvl] = counters.get(ilvl, start - 1) + 1
        for deeper in [key for key in counters if int(key) > int(ilvl)]:
            del counters[deeper]  # a new item restarts the levels below it
        if fmt == "bullet":
            return ""
        label = text
        for level_number in range(9):
            placeholder = f"%{level_number + 1}"
            if placeholder in label:
                value = counters.get(str(level_number), 1)
                label = label.replace(placeholder, _format_number(value, fmt))
        return label

    def _style_numbering(self, paragraph: Any) -> tuple[str | None, str | None]:
        style = paragraph.find(f"{_W}pPr/{_W}pStyle")
        style_id = style.get(f"{_W}val") if style is not None else None
        seen: set[str] = set()
        while style_id and style_id not in seen:
            seen.add(style_id)
            num_id, ilvl, based_on = self.styles.get(style_id, (None, None, None))
            if num_id is not None:
                return num_id, ilvl
            style_id = based_on
        return None, None


def _value(element: Any, tag: str) -> str | None:
    child = element.find(f"{_W}{tag}")
    return None if child is None else child.get(f"{_W}val")


def _format_number(value: int, fmt: str) -> str:
    if fmt in ("lowerLetter", "upperLetter"):
        letter = chr(ord("a") + (value - 1) % 26)
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt in ("lowerRoman", "upperRoman"):
        roman = _roman(value)
        return roman if fmt == "upperRoman" else roman.lower()
    if fmt in (
        "chineseCounting",
        "chineseCountingThousand",
        "taiwaneseCounting",
        "taiwaneseCountingThousand",
        "japaneseCounting",
    ):
        return _chinese(value)
    return str(value)


def _roman(value: int) -> str:
    numerals = (
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    )
    out = ""
    for number, numeral in numerals:
        while value >= number:
            out += numeral
            value -= number
    return out


def _chinese(value: int) -> str:
    """一 … 九十九 (list numbers beyond are written in digits)."""
    if value >= 100 or value <= 0:
        return str(value)
    tens, ones = divmod(value, 10)
    if tens == 0:
        return _CHINESE_DIGITS[ones]
    return ("" if tens == 1 else _CHINESE_DIGITS[tens]) + "十" + (_CHINESE_DIGITS[ones] if ones else "")
