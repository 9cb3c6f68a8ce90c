"""English sentences by pySBD, a port of the Golden Rules sentence boundary rules (pragmatic_segmenter)."""

from __future__ import annotations

from functools import cache
from typing import Any

import pysbd

from bitext.segment.base import boundaries_of_pieces, cut_at


@cache
def _segmenter() -> Any:
    return pysbd.Segmenter(language="en", clean=False)


class PysbdSplitter:
    name = "en-pysbd"

    def split(self, text: str, start: int, end: int) -> list[tuple[int, int]]:
        # pySBD's own char_span search re-finds each sentence in the whole text (quadratic, and it
        # drops a sentence it cannot find); its processor's sentence strings are mapped back here.
        sentences = _segmenter().processor(text[start:end]).process()
        return cut_at(text, start, end, boundaries_of_pieces(text, start, end, sentences))
