"""``xml_safe`` against oracles that do not call it: the XML 1.0 ``Char`` production written out here, and
the standard library's XML parser (expat), which refuses a reference to any character outside it."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bitext.formats.tmx import attribute, text_content, xml_safe


def is_xml_char(ch: str) -> bool:
    """XML 1.0 (fifth edition) §2.2: Char ::= #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]."""
    cp = ord(ch)
    return cp in (0x9, 0xA, 0xD) or 0x20 <= cp <= 0xD7FF or 0xE000 <= cp <= 0xFFFD or 0x10000 <= cp <= 0x10FFFF


def parser_accepts(cp: int) -> bool:
    try:
        parsed = ET.fromstring(f"<a>&#x{cp:X};</a>").text
    except ET.ParseError:
        return False
    assert parsed == chr(cp)
    return True


EVERY_CODE_POINT = "".join(chr(cp) for cp in range(0x110000))


def test_every_code_point_is_kept_exactly_when_xml_allows_it() -> None:
    assert xml_safe(EVERY_CODE_POINT) == "".join(ch for ch in EVERY_CODE_POINT if is_xml_char(ch))


@pytest.mark.parametrize("cp", [*range(0x20), 0x7F, 0x85, 0xD7FF, 0xD800, 0xDBFF, 0xDC00, 0xDFFF, 0xE000])
def test_the_parser_agrees_with_the_production(cp: int) -> None:
    assert parser_accepts(cp) == is_xml_char(chr(cp))


@pytest.mark.parametrize("cp", [0xFFFD, 0xFFFE, 0xFFFF, 0x10000, 0x1F600, 0x10FFFF])
def test_the_parser_agrees_at_the_top_of_the_planes(cp: int) -> None:
    assert parser_accepts(cp) == is_xml_char(chr(cp))


def test_escaped_text_of_every_code_point_parses_back_to_what_xml_can_carry() -> None:
    # Text content and attribute values, every code point at once: expat reads back exactly the characters
    # XML can carry, carriage returns and tabs and newlines included (they are written as references).
    carried = "".join(ch for ch in EVERY_CODE_POINT if is_xml_char(ch))
    element = ET.fromstring(f'<a b="{attribute(EVERY_CODE_POINT)}">{text_content(EVERY_CODE_POINT)}</a>')
    assert element.text == carried
    assert element.get("b") == carried


@given(st.text(alphabet=st.characters(codec=None, exclude_categories=())))
def test_xml_safe_drops_only_what_the_production_forbids(text: str) -> None:
    assert xml_safe(text) == "".join(ch for ch in text if is_xml_char(ch))
