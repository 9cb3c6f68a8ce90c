"""English sentence splitting with rules for abbreviations, initials, decimals, money and tickers."""

from __future__ import annotations

import regex

from bitext.segment.base import cut_at

# Abbreviations after which a period does not end a sentence (compared lower-case, without the dot).
_ABBREVIATIONS = frozenset(
    """
    mr mrs ms dr prof sr jr st mt ft gen col lt sgt capt cmdr adm gov sen rep rev hon pres
    inc co corp ltd llc plc bros dept univ assn est
    vs etc al approx cf ca fig figs eq no nos vol vols pp ed eds op
    jan feb mar apr jun jul aug sep sept oct nov dec
    u.s u.k u.n e.g i.e a.m p.m u.s.a
    """.split()
)
# Abbreviations that are usually *inside* a sentence even when the next word is capitalised.
_NEVER_FINAL = frozenset("mr mrs ms dr prof st mt gen col lt sgt capt gov sen rep rev hon pres no vs".split())

# A candidate end: terminal punctuation, then closing quotes/brackets, then space.
_CANDIDATE = regex.compile(r"[.!?…]+['\"’”)\]]*(?=\s)")
_SENTENCE_START = regex.compile(r"\s+['\"‘“(\[]*[\p{Lu}\p{N}\p{Han}]")
_WORD_BEFORE = regex.compile(r"([\p{L}.]+)$")


class EnglishSplitter:
    name = "en-rules"

    def split(self, text: str, start: int, end: int) -> list[tuple[int, int]]:
        boundaries = [
            match.end()
            for match in _CANDIDATE.finditer(text, start, end)
            if self._ends_sentence(text, match, end)
        ]
        return cut_at(text, start, end, boundaries)

    def _ends_sentence(self, text: str, match: regex.Match[str], limit: int) -> bool:
        if not _SENTENCE_START.match(text, match.end(), limit):
            return False
        punctuation = match.group()
        if not punctuation.startswith("."):
            return True
        if punctuation.startswith("..."):
            return True
        word_match = _WORD_BEFORE.search(text, max(0, match.start() - 20), match.start())
        word = word_match.group(1).lower().strip(".") if word_match else ""
        if word in _NEVER_FINAL:
            return False
        if len(word) == 1 and word.isalpha() and text[match.start() - 1].isupper():
            return False  # an initial: "J. K. Rowling"
        if word in _ABBREVIATIONS:
            # "Inc. The" can end a sentence; only trust it when a common sentence opener follows.
            return _next_word(text, match.end(), limit) in _OPENERS
        return True


_OPENERS = frozenset(
    "the a an this that these those it its he she they we i but and in on at as if while since after "
    "although however so yet for by with from".split()
)


def _next_word(text: str, start: int, limit: int) -> str:
    found = regex.match(r"\s+['\"‘“(\[]*(\p{L}+)", text[start:limit])
    return found.group(1).lower() if found else ""
