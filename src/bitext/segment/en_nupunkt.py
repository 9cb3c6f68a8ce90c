"""English sentences by nupunkt: an unsupervised Punkt model trained on legal and financial text."""

from __future__ import annotations

from functools import cache
from typing import Any

import nupunkt

from bitext.segment.base import cut_at


@cache
def _tokenizer() -> Any:
    return nupunkt.load_default_model()


class NupunktSplitter:
    name = "en-nupunkt"

    def split(self, text: str, start: int, end: int) -> list[tuple[int, int]]:
        paragraph = text[start:end]
        # nupunkt's spans are contiguous and cover the paragraph; only their ends are used, and
        # cut_at re-derives every piece from the original text, so offsets cannot drift.
        ends = [start + span_end for _sentence, (_span_start, span_end) in _tokenizer().tokenize_with_spans(paragraph)]
        return cut_at(text, start, end, ends)
