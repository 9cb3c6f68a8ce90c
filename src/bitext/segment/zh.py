"""Chinese sentence splitting: 。！？ and runs of them, then any closing quotes or brackets.

Rules, each checked against the real data in ``benchmarks/segment_quality.py`` (reasons and figures
in docs/design.md, "Segmentation"):

- A run of 。！？!?…； ("？！", "……。") ends one sentence, together with the closing quotes and
  brackets after it (``「完成了！」`` stays whole), even when a stray space precedes the closer or more
  marks follow it ("！）。"). An ASCII ``"`` after the run closes a quotation only if one is open.
- An ellipsis alone (…, ……) ends a sentence of narration that trails off (``閃爍著……汪淼按``) and a
  quotation it closes (``……」``), but inside a quotation it is a hesitation or a stammer
  (``「我…… 我記不起了」``), as both evaluation sets split it.
- ； is a clause separator, not a sentence end, by default (the translations it is aligned with
  keep "; " inside the sentence); ``ChineseSplitter(semicolon=True)`` splits there too.
- Interrupted speech followed by a new quotation (``“咚——咚——”“猛捅——”``) is a boundary.
- A half-width "." after Chinese text is a full stop typed without a Chinese input method.
- Latin text keeps English rules. A period after Latin text ends a sentence only when everything since
  the sentence began is Latin (an English sentence standing between Chinese ones, which must not be
  glued to them) and the English rules agree (``Inc.``, ``U.S.``, initials stay inside); Latin quoted
  inside a Chinese sentence is never broken at its periods. ``57.8`` has no candidate at all.

Decisions look back no further than the start of the current sentence and forward no further than
the clause being decided, so a sentence split again on its own comes back unchanged.
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

_FINALS = f"{_CJK_FINAL}!?；{_ELLIPSIS}"
_CANDIDATE = regex.compile(
    rf"(?P<run>[{_FINALS}])"
    rf"|(?<=[\p{{Latin}}\p{{N}}%)\]'\"’”])(?P<latin>\.+)(?P<latin_closers>[)\]'\"’”]*)"
    rf"|(?<=[—…{_CJK_FINAL}]|——)(?P<utterance>[{_QUOTE_CLOSING}])(?=\s*[{_OPENING}])"
    rf"|(?<=[\p{{Han}}{_CJK_CLOSING}])(?P<half_width>\.+)"
)
# After a half-width full stop in Chinese text, what shows it ended a sentence ("很好.明天見", not "新浪.com").
_AFTER_HALF_WIDTH_STOP = regex.compile(rf"\s*(?:[\p{{Han}}{_OPENING}]|\Z)|\s+[\p{{Lu}}]")
_HAN = regex.compile(r"\p{Han}")
_STARTS_TEXT = regex.compile(rf"\s*[{_OPENING}]*[\p{{L}}\p{{N}}]")
_LATIN_LETTER = regex.compile(r"\p{Latin}")
# "⋯⋯等" and "……之類": an ellipsis closing an enumeration inside the sentence.
_AND_SO_ON = regex.compile(r"等|之類|之类")
# A question word or particle in the sentence before a half-width "?" with Han on both sides makes it a
# question mark typed without a Chinese input method ("你为什么不走动走动?或者…", as MAC-Dev writes);
# with none, the "?" stands for a character the file's encoding could not hold ("陳?明", Big5's "?").
_QUESTION_WORD = regex.compile(r"[嗎吗呢麼么吧啊呀哪誰谁何怎幾几豈岂甚啥煞]|多少|難道|难道|是否|可否|能否|沒有|没有")
# The rest of a clause up to a closing quote: no opening quote, closer or possible sentence end on
# the way, except the final marks right before the closing quote ("吃。」").
_CLAUSE_CLOSES_QUOTE = regex.compile(
    rf"[^{_QUOTE_OPENING}{_CJK_CLOSING}){_FINALS}.]*[{_FINALS}.]*\s*[{_QUOTE_CLOSING}]"
)


class ChineseSplitter:
    name = "zh-rules"

    def __init__(self, *, semicolon: bool = False) -> None:
        self.semicolon = semicolon

    def split(self, text: str, start: int, end: int) -> list[tuple[int, int]]:
        boundaries: list[int] = []
        sentence_start = cursor = start
        while (match := _CANDIDATE.search(text, cursor, end)) is not None:
            if match.group("run"):
                marks, cursor = _final_run(text, match.start(), sentence_start, end)
                ends = self._run_ends_sentence(text, match.start(), cursor, marks, sentence_start, end)
            elif match.group("latin"):
                cursor = match.end()
                ends = _latin_sentence_ends(text, match.start(), cursor, sentence_start, end)
            elif match.group("half_width"):
                # Half-width "." after Chinese text: a full stop, or "..." an ellipsis, typed on a
                # keyboard without a Chinese input method.
                stops = match.group("half_width")
                more, cursor = _final_run(text, match.end(), sentence_start, end)
                marks = ("。" if len(stops) == 1 else "…") + more
                ends = self._run_ends_sentence(text, match.start(), cursor, marks, sentence_start, end)
                if len(stops) == 1 and not more:
                    ends = ends and bool(_AFTER_HALF_WIDTH_STOP.match(text, cursor, end))
            else:
                cursor = match.end()
                ends = True  # "——”“": interrupted speech, then a new quotation
            if ends:
                boundaries.append(cursor)
                sentence_start = cursor
        return cut_at(text, start, end, boundaries)

    def _run_ends_sentence(self, text: str, start: int, end: int, marks: str, sentence_start: int, limit: int) -> bool:
        if any(ch in _CJK_FINAL for ch in marks):
            return True
        if "；" in marks:
            return self.semicolon
        if not marks.strip(_ELLIPSIS):
            if _AND_SO_ON.match(text, end, limit):
                return False  # "功能缺陷⋯⋯等。": the ellipsis ends a list, not the sentence
            closed = end > start + len(marks)
            return closed or _ellipsis_ends_narration(text, end, sentence_start, limit)
        # Half-width ! or ? (possibly with an ellipsis): Chinese after a Han character, Latin otherwise.
        before = text[start - 1] if start > sentence_start else ""
        if marks == "?" and _stands_for_a_character(text, start, sentence_start, limit):
            return False
        if before and not _HAN.match(before) and not before.isspace():
            return _latin_sentence_ends(text, start, end, sentence_start, limit)
        return True


def _stands_for_a_character(text: str, start: int, sentence_start: int, limit: int) -> bool:
    before = text[start - 1] if start > sentence_start else ""
    after = text[start + 1] if start + 1 < limit else ""
    if not (before and after and _HAN.match(before) and _HAN.match(after)):
        return False
    return not _QUESTION_WORD.search(text, sentence_start, start)


def _final_run(text: str, start: int, sentence_start: int, limit: int) -> tuple[str, int]:
    """The final marks from ``start`` and where the run ends, closing quotes and brackets included.

    "！）。" is one run; a closer may follow a stray space ("。 ”"). An ASCII double quote closes
    only a quotation opened in this sentence (an odd count so far); otherwise it opens the next one.
    """
    marks = ""
    position = start
    while position < limit:
        char = text[position]
        if char in _FINALS:
            marks += char
            position += 1
            continue
        after_space = position
        while after_space < limit and text[after_space].isspace():
            after_space += 1
        if after_space < limit and text[after_space] in _CJK_CLOSING:
            position = after_space + 1
        elif char in ")'" or (char == '"' and text.count('"', sentence_start, position) % 2 == 1):
            position += 1
        else:
            break
    return marks, position


def _ellipsis_ends_narration(text: str, end: int, sentence_start: int, limit: int) -> bool:
    """A trailing-off "……" ends a sentence of narration; inside a quotation it is a hesitation.

    Inside a quotation means: a quote opened earlier in this sentence is still open, or the clause
    after the ellipsis runs into a closing quote (``所以…… 所以連飯也趕不及回來吃。」``). That
    clause ends at the first mark that may end a sentence, so the look-ahead never passes the end
    of the sentence being decided, and re-splitting a sentence on its own gives the same answer.
    """
    before = text[sentence_start:end]
    if sum(before.count(ch) for ch in _QUOTE_OPENING) > sum(before.count(ch) for ch in _QUOTE_CLOSING):
        return False
    if _CLAUSE_CLOSES_QUOTE.match(text, end, limit):
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
