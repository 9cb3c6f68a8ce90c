"""Tab-separated values: one bead per row, with a header; what data teams load first.

Text cells escape backslash, tab, newline and carriage return as ``\\\\``, ``\\t``, ``\\n``, ``\\r``
so that one bead is always one line.
"""

from __future__ import annotations

from typing import TextIO

from bitext.align.beads import Alignment
from bitext.formats.base import ids_text

COLUMNS = ("zh", "en", "score", "type", "zh_ids", "en_ids", "doc_id")
_ESCAPES = {"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"}


def escape(text: str) -> str:
    return "".join(_ESCAPES.get(ch, ch) for ch in text)


class TsvWriter:
    name = "tsv"
    suffix = ".tsv"

    def __init__(self, doc_id: str = "") -> None:
        self.doc_id = doc_id

    def write(self, alignment: Alignment, out: TextIO) -> None:
        out.write("\t".join(COLUMNS) + "\n")
        doc_id = self.doc_id or alignment.zh.name
        for bead in alignment.beads:
            row = (
                escape(alignment.zh_text(bead)),
                escape(alignment.en_text(bead)),
                f"{bead.score:.4f}",
                bead.type,
                ids_text(bead.zh),
                ids_text(bead.en),
                escape(doc_id),
            )
            out.write("\t".join(row) + "\n")
