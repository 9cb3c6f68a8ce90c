"""Chinese sentence splitting: 。！？；… and runs of them, then any closing quotes or brackets."""

from __future__ import annotations

import regex

from bitext.segment.base import cut_at

# Sentence-final marks; a run of them ("？！", "……") ends one sentence.
_FINAL = "。！？；…!?"
# Closing marks that belong to the sentence they close.
_CLOSING = "」』”’）)】》〉\"'"
_BOUNDARY = regex.compile(rf"[{_FINAL}]+[{regex.escape(_CLOSING)}]*")


class ChineseSplitter:
    name = "zh-rules"

    def split(self, text: str, start: int, end: int) -> list[tuple[int, int]]:
        boundaries = []
        for match in _BOUNDARY.finditer(text, start, end):
            if _is_latin_exclamation(text, match.start(), match.end(), end):
                continue
            boundaries.append(match.end())
        return cut_at(text, start, end, boundaries)


def _is_latin_exclamation(text: str, start: int, end: int, limit: int) -> bool:
    """Half-width ! or ? inside Latin text ("Yahoo! Japan") does not end a Chinese sentence."""
    if text[start] not in "!?":
        return False
    before = text[start - 1] if start > 0 else ""
    after = text[end] if end < limit else ""
    return before.isascii() and before.isalnum() and after == " " and end + 1 < limit and text[end + 1].isascii()
