"""Chinese sentences by pySBD's Chinese rules (kept for comparison in the benchmark)."""

from __future__ import annotations

from functools import cache
from typing import Any

import pysbd

from bitext.segment.base import boundaries_of_pieces, cut_at


@cache
def _segmenter() -> Any:
    return pysbd.Segmenter(language="zh", clean=False)


class PysbdChineseSplitter:
    name = "zh-pysbd"

    def split(self, text: str, start: int, end: int) -> list[tuple[int, int]]:
        sentences = _segmenter().processor(text[start:end]).process()
        return cut_at(text, start, end, boundaries_of_pieces(text, start, end, sentences))
