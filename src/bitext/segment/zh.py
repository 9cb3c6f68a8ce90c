"""Chinese sentence splitting: 。！？ and runs of them, then any closing quotes or brackets.

Rules, each checked against the real data in ``benchmarks/segment_quality.py``:

- A run of 。！？!?…； ("？！", "……。") ends one sentence, together with the closing quotes and
  brackets after it (``「完成了！」`` stays whole), even when a stray space precedes the closer.
- An ellipsis alone (…, ……) ends a sentence of narration that trails off (``閃爍著……汪淼按``) and a
  quotation it closes (``……」``), but inside an open quotation it is a hesitation or a stammer
  (``「我…… 我記不起了」``), as both evaluation sets split it.
- ； is a clause separator, not a sentence end, by default (the translations it is aligned with
  keep "; " inside the sentence); ``ChineseSplitter(semicolon=True)`` splits there too.
- A closing quote directly followed by an opening one (``“咚——咚——”“猛捅——”``) starts a new utterance.
- Latin text keeps English rules. A period after Latin text ends a sentence only when everything since
  the sentence began is Latin (an English sentence standing between Chinese ones, which must not be
  glued to them) and the English rules agree (``Inc.``, ``U.S.``, initials stay inside); Latin quoted
  inside a Chinese sentence is never broken at its periods. ``57.8`` has no candidate at all.

Decisions look only from the start of the current sentence to a few characters past the candidate,
so a sentence split again on its own comes back unchanged.
"""

from __future__ import annotations

import regex

from bitext.segment.base import cut_at
from bitext.segment.en import ends_sentence as english_ends_sentence

_CJK_FINAL = "。！？"
_ELLIPSIS = "…⋯"
_CLOSING = "」』”’）)】》〉\"'"
_CJK_CLOSING = "」』”’）】》〉"
_OPENING = "「『“‘（《〈"
_QUOTE_CLOSING = "」』”’"
_QUOTE_OPENING = "「『“‘"

_CANDIDATE = regex.compile(
    rf"(?P<run>[{_CJK_FINAL}!?；{_ELLIPSIS}]+)(?P<closers>(?:\s*[{_CJK_CLOSING}]|[)\"'])*)"
    rf"|(?<=[\p{{Latin}}\p{{N}}%)\]'\"’”])(?P<latin>\.+)(?P<latin_closers>[)\]'\"’”]*)"
    rf"|(?<=[—…{_CJK_FINAL}]|——)(?P<utterance>[{_QUOTE_CLOSING}])(?=\s*[{_OPENING}])"
)
_HAN = regex.compile(r"\p{Han}")
_STARTS_TEXT = regex.compile(rf"\s*[{_OPENING}]*[\p{{L}}\p{{N}}]")
_LATIN_LETTER = regex.compile(r"\p{Latin}")


class ChineseSplitter:
    name = "zh-rules"

    def __init__(self, *, semicolon: bool = False) -> None:
        self.semicolon = semicolon

    def split(self, text: str, start: int, end: int) -> list[tuple[int, int]]:
        boundaries: list[int] = []
        sentence_start = start
        for match in _CANDIDATE.finditer(text, start, end):
            if self._ends_sentence(text, match, sentence_start, end):
                boundaries.append(match.end())
                sentence_start = match.end()
        return cut_at(text, start, end, boundaries)

    def _ends_sentence(self, text: str, match: regex.Match[str], sentence_start: int, limit: int) -> bool:
        if match.group("utterance"):
            return True
        if match.group("latin"):
            return _latin_sentence_ends(text, match.start(), match.end(), sentence_start, limit)
        run, closers = match.group("run"), match.group("closers")
        if any(ch in _CJK_FINAL for ch in run):
            return True
        if "；" in run:
            return self.semicolon
        if not run.strip(_ELLIPSIS):
            return bool(closers.strip()) or _ellipsis_ends_narration(text, match.end(), sentence_start, limit)
        # Half-width ! or ? (possibly with an ellipsis): Chinese after a Han character, Latin otherwise.
        before = text[match.start() - 1] if match.start() > sentence_start else ""
        if before and not _HAN.match(before) and not before.isspace():
            return _latin_sentence_ends(text, match.start(), match.end(), sentence_start, limit)
        return True


def _ellipsis_ends_narration(text: str, end: int, sentence_start: int, limit: int) -> bool:
    """A trailing-off "……" ends a sentence of narration; inside an open quotation it is a hesitation.

    Only the current sentence is looked at (an opening quote without its closer), which keeps
    re-splitting a sentence on its own stable.
    """
    before = text[sentence_start:end]
    if sum(before.count(ch) for ch in _QUOTE_OPENING) > sum(before.count(ch) for ch in _QUOTE_CLOSING):
        return False
    return bool(_STARTS_TEXT.match(text, end, limit))


def _latin_sentence_ends(text: str, start: int, end: int, sentence_start: int, limit: int) -> bool:
    sentence_so_far = text[sentence_start:start]
    if _HAN.search(sentence_so_far) or not _LATIN_LETTER.search(sentence_so_far):
        return False
    if end >= limit or text[end:limit].isspace():
        return True
    return english_ends_sentence(text, start, end, sentence_start, limit)


class ChineseSemicolonSplitter(ChineseSplitter):
    """The rules above, with ； also ending a sentence (compared in the benchmark)."""

    name = "zh-rules-semicolon"

    def __init__(self) -> None:
        super().__init__(semicolon=True)
