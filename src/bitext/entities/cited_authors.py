"""Authors cited with a year in brackets on both sides (安琪兒（2006年）說明了… ↔ Angel (2006), explains …).

The gold's guideline counts authors cited in references as people. A cited author is often a surname that is
also a common word (Angel) and a transcription jieba does not tag (安琪兒), so neither side's candidates hold
it; the year in brackets right after the name on both sides says where each name ends. The Chinese name is
the ending of the Han run before the year that sounds most like the English name (2 to 4 characters).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import regex

from bitext.entities.candidates import Candidate
from bitext.entities.transliteration import transliteration
from bitext.segment.words import Token

# The bracketed year agrees on both sides: worth a little on its own, the sound says the rest.
CITED_YEAR = 0.6
# How well the ending before the year must sound like the English name to be proposed.
SOUND_FLOOR = 0.6
_ZH_YEAR = regex.compile(r"[ \t]*[（(][ \t]*(\d{4})[ \t]*年?[ \t]*[)）,，]")
_EN_YEAR = regex.compile(r"[ \t]*\([ \t]*(\d{4})[ \t]*[),]")
_ALL_HAN = regex.compile(r"\p{Han}+")
MAX_CHARS = 4


def year_after(text: str, end: int, chinese: bool) -> str:
    """The year in brackets right after offset ``end`` ("(2006)", "（2006年）"), or ""."""
    match = (_ZH_YEAR if chinese else _EN_YEAR).match(text, end)
    return match.group(1) if match else ""


def chinese_spans(
    tokens: Sequence[Token], text: str, english: Iterable[Candidate], en_text: str, sentence: int
) -> list[Candidate]:
    """For each English name followed by a bracketed year, the Chinese name before the same year."""
    cited = [(en, year) for en in english if (year := year_after(en_text, en.end, False))]
    if not cited or not tokens:
        return []
    start, end = tokens[0].start, tokens[-1].end
    simplified = {p: ch for t in tokens if _ALL_HAN.fullmatch(t.simplified) for p, ch in _chars(t)}
    found = []
    for match in _ZH_YEAR.finditer(text, start, end):
        for en, year in cited:
            if match.group(1) != year:
                continue
            best: tuple[float, int] | None = None
            for size in range(2, MAX_CHARS + 1):
                first = match.start() - size
                if not all(p in simplified for p in range(first, match.start())):
                    break
                key = "".join(simplified[p] for p in range(first, match.start()))
                sound = transliteration(key, en.key)
                if sound is not None and sound.score >= SOUND_FLOOR and (best is None or sound.score > best[0]):
                    best = (sound.score, first)
            if best is not None:
                first = best[1]
                key = "".join(simplified[p] for p in range(first, match.start()))
                found.append(
                    Candidate(first, match.start(), text[first : match.start()], key, sentence, "cited", "PER")
                )
    return found


def _chars(token: Token) -> Iterable[tuple[int, str]]:
    if len(token.simplified) != token.end - token.start:
        return ()  # a token holding a line break: its characters' offsets are not its positions
    return zip(range(token.start, token.end), token.simplified, strict=True)
