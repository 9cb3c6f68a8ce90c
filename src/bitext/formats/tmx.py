"""TMX 1.4 for CAT tools (OmegaT, Trados, memoQ): one ``<tu>`` per aligned bead, written with the standard library.

* ``srclang`` is ``zh-Hant`` or ``zh-Hans`` from the detected script of the Chinese side (``zh`` if unclear);
  the English side is ``en``.
* Only beads with text on both sides become translation units (a 1-0 or 0-1 bead is no translation).
* Each ``<tu>`` has ``tuid`` = the bead number and ``<prop>`` elements ``x-bitext-score`` (four decimals),
  ``x-bitext-type`` (``1-2``), ``x-bitext-zh-ids``/``x-bitext-en-ids``, one ``x-bitext-flag`` per QA flag
  (``level:code``, with the message in a ``<note>`` so CAT tools show it) and one ``x-bitext-entity`` per entity
  pair (``商湯 = SenseTime``).
* The header carries ``x-bitext-signature`` (settings and versions), ``x-bitext-doc-id`` and one
  ``x-bitext-setting-<key>`` per setting.
* Characters XML 1.0 forbids (most C0 controls, U+FFFE, U+FFFF, lone surrogates) are dropped; ``& < >`` and
  quotes are escaped; a carriage return is written as ``&#13;`` because XML parsers turn a raw one into a
  newline. No creation date is written, so the same alignment always gives the same bytes.
"""

from __future__ import annotations

import re
from typing import IO, Any

from bitext.align.beads import Alignment
from bitext.formats.base import Export, as_export, ids_text, zh_language_tag
from bitext.versions import versions

_ILLEGAL_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_TEXT_ESCAPES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;"}
_ATTRIBUTE_ESCAPES = {**_TEXT_ESCAPES, '"': "&quot;", "\t": "&#9;", "\n": "&#10;"}
_TEXT_SPECIAL = re.compile("[&<>\r]")
_ATTRIBUTE_SPECIAL = re.compile('[&<>\r"\t\n]')


def xml_safe(text: str) -> str:
    """``text`` without the characters XML 1.0 cannot carry at all (not even as references)."""
    return _ILLEGAL_XML.sub("", text)


def text_content(text: str) -> str:
    return _TEXT_SPECIAL.sub(lambda m: _TEXT_ESCAPES[m.group()], xml_safe(text))


def attribute(text: str) -> str:
    return _ATTRIBUTE_SPECIAL.sub(lambda m: _ATTRIBUTE_ESCAPES[m.group()], xml_safe(text))


class TmxWriter:
    name = "tmx"
    suffix = ".tmx"
    binary = False

    def write(self, export: Export | Alignment, out: IO[Any]) -> None:
        export = as_export(export)
        alignment = export.alignment
        srclang = zh_language_tag(alignment)
        out.write('<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE tmx SYSTEM "tmx14.dtd">\n<tmx version="1.4">\n')
        out.write(
            f'  <header creationtool="bitext" creationtoolversion="{attribute(versions()["bitext"])}"'
            f' segtype="sentence" o-tmf="bitext" adminlang="en" srclang="{srclang}" datatype="plaintext">\n'
        )
        out.write(_prop("x-bitext-signature", alignment.signature, 4))
        out.write(_prop("x-bitext-doc-id", export.document_id, 4))
        for key, value in alignment.settings.items():
            out.write(_prop(f"x-bitext-setting-{key}", str(value), 4))
        out.write("  </header>\n  <body>\n")
        for number, bead in export.beads():
            if not bead.is_aligned:
                continue
            out.write(f'    <tu tuid="{number}">\n')
            out.write(_prop("x-bitext-score", f"{bead.score:.4f}", 6))
            out.write(_prop("x-bitext-type", bead.type, 6))
            out.write(_prop("x-bitext-status", bead.status, 6))
            out.write(_prop("x-bitext-zh-ids", ids_text(bead.zh), 6))
            out.write(_prop("x-bitext-en-ids", ids_text(bead.en), 6))
            for flag in export.flags_for(number):
                out.write(_prop("x-bitext-flag", f"{flag.level}:{flag.code}", 6))
            for pair in export.entities_for(number):
                out.write(_prop("x-bitext-entity", f"{pair.zh} = {pair.en}", 6))
            for flag in export.flags_for(number):
                out.write(f"      <note>{text_content(str(flag))}</note>\n")
            out.write(_tuv(srclang, export.zh_text(bead)))
            out.write(_tuv("en", export.en_text(bead)))
            out.write("    </tu>\n")
        out.write("  </body>\n</tmx>\n")


def _prop(kind: str, value: str, indent: int) -> str:
    return f'{" " * indent}<prop type="{attribute(kind)}">{text_content(value)}</prop>\n'


def _tuv(lang: str, text: str) -> str:
    return f'      <tuv xml:lang="{lang}"><seg>{text_content(text)}</seg></tuv>\n'
