"""Punctuation: dialogue survives translation even when the words do not.

Chuang & Chang (2002) aligned Chinese–English with punctuation alone. In fiction most beads hold speech:
a Chinese sentence that opens a quotation (“ 「 『) is translated by an English one that opens one
(“ ‘ " or a British single quote). Each side's count of opening quotes is summed over a bead's window;
the feature is minus the absolute difference, so a bead that gathers two quotations on one side and one
on the other loses a little. A second feature looks at where a bead ends: a sentence that closes a
quotation (ends in ” 」 』, or in ’ ' " in English) is followed by a bead boundary on both sides or on
neither, because a quotation is a unit translator and reader keep together, so a bead whose last Chinese
sentence closes a quotation while its last English one does not (or the reverse) loses a little: English
that breaks "'Please, Auntie! Be merciful!'" into two sentences must not end a bead after the first. Each
hint is used only where both documents open (close) quotations about as often, at least twice: some
authors write dialogue without quotation marks and their translators add them.

A third feature counts clauses: a sentence has one more clause than it has clause separators (， , 、 ； ;
： : in Chinese; , ; : in English), and a bead's two sides should hold about as many: the feature is
minus the absolute log ratio of the two counts. Translators keep a clause's commas or turn them into
sentence breaks, and either way the count survives, where the character-length model cannot tell a
long sentence from two short ones.

Question and exclamation marks are not counted: translators turn rhetorical questions into statements and
add or drop exclamation marks freely. The measurements behind each feature, and those left out, are in
docs/design.md (the scorer table) and docs/benchmarks.md.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar

import numpy as np
import regex

from bitext.scorers.base import (
    EN_CLAUSE_SEPARATORS,
    ZH_CLAUSE_SEPARATORS,
    BeadType,
    Block,
    ScorerInput,
    prefix_sums,
    window_totals,
)

_ZH_QUOTE = regex.compile(r"[“「『]")
# An opening quote: at the start or after a space or bracket, and followed by something that is not a space
# (so the apostrophes of "don't" and "boys'" are not quotes).
_EN_QUOTE = regex.compile(r"(?:^|(?<=[\s(\[—–-]))[\"“‘'](?=\S)")
_ZH_CLOSES = regex.compile(r"[”」』]\s*$")
_EN_CLOSES = regex.compile(r"[\"”’']\s*$")


def opening_quotes(texts: Sequence[str], quote: regex.Pattern[str]) -> np.ndarray:
    """How many quotations each sentence opens."""
    return np.array([len(quote.findall(text)) for text in texts], dtype=np.float64)


def clause_counts(texts: Sequence[str], separators: str) -> np.ndarray:
    """Clauses in each sentence: one more than its clause separators (characters of ``separators``)."""
    marks = set(separators)
    return np.array([sum(text.count(mark) for mark in marks) + 1 for text in texts], dtype=np.float64)


def closes_quotation(texts: Sequence[str], closing: regex.Pattern[str]) -> np.ndarray:
    """1.0 for each sentence that ends by closing a quotation, else 0.0."""
    return np.array([closing.search(text) is not None for text in texts], dtype=np.float64)


def used_alike(zh_total: float, en_total: float) -> bool:
    """Both documents use a mark, and neither more than twice as often as the other."""
    return min(zh_total, en_total) >= max(0.5 * max(zh_total, en_total), 2.0)


class PunctuationFeatures:
    names = ("dialogue", "quote_end", "clauses")

    def __init__(
        self,
        zh_counts: np.ndarray,
        en_counts: np.ndarray,
        zh_closes: np.ndarray,
        en_closes: np.ndarray,
        zh_clauses: np.ndarray,
        en_clauses: np.ndarray,
    ):
        self.zh_prefix = prefix_sums(zh_counts)
        self.en_prefix = prefix_sums(en_counts)
        self.zh_clauses = prefix_sums(zh_clauses)
        self.en_clauses = prefix_sums(en_clauses)
        # Indexed by a bead's end (one past its last sentence); index 0, before any sentence, closes nothing.
        self.zh_closes = np.concatenate([[0.0], zh_closes])
        self.en_closes = np.concatenate([[0.0], en_closes])
        self.quote_ends_shared = used_alike(zh_closes.sum(), en_closes.sum())
        self.openings_shared = used_alike(zh_counts.sum(), en_counts.sum())

    def block(self, block: Block, types: Sequence[BeadType]) -> np.ndarray:
        out = np.zeros((len(types), len(self.names), len(block.i)))
        # A bead's end is the same cell whatever its type: one comparison serves every type.
        quote_end = -np.abs(self.zh_closes[block.i] - self.en_closes[block.j]) if self.quote_ends_shared else 0.0
        # Each side's window sums once per size (several bead types share a size).
        zh_sizes = {di for di, dj in types if di and dj}
        en_sizes = {dj for di, dj in types if di and dj}
        if self.openings_shared:
            zh_openings = {di: window_totals(self.zh_prefix, block.i, di) for di in zh_sizes}
            en_openings = {dj: window_totals(self.en_prefix, block.j, dj) for dj in en_sizes}
        # Windows cut short by the document's start hold no sentence: impossible beads, kept finite.
        zh_clauses = {di: np.maximum(window_totals(self.zh_clauses, block.i, di), 1.0) for di in zh_sizes}
        en_clauses = {dj: np.maximum(window_totals(self.en_clauses, block.j, dj), 1.0) for dj in en_sizes}
        for t, (di, dj) in enumerate(types):
            if di and dj:
                if self.openings_shared:
                    out[t, 0] = -np.abs(zh_openings[di] - en_openings[dj])
                out[t, 1] = quote_end
                out[t, 2] = -np.abs(np.log(zh_clauses[di] / en_clauses[dj]))
        return out

    def sentence_vectors(self) -> None:
        return None


class PunctuationScorer:
    """Opening quotations counted on both sides of a bead, quotations closed at its end, and clauses."""

    name = "punctuation"
    features: ClassVar[tuple[str, ...]] = PunctuationFeatures.names

    def prepare(self, pair: ScorerInput) -> PunctuationFeatures:
        return PunctuationFeatures(
            opening_quotes(pair.zh_texts, _ZH_QUOTE),
            opening_quotes(pair.en_texts, _EN_QUOTE),
            closes_quotation(pair.zh_texts, _ZH_CLOSES),
            closes_quotation(pair.en_texts, _EN_CLOSES),
            clause_counts(pair.zh_texts, ZH_CLAUSE_SEPARATORS),
            clause_counts(pair.en_texts, EN_CLAUSE_SEPARATORS),
        )

    def settings(self) -> dict[str, Any]:
        return {
            "punctuation": "opening quotes (count difference) and quotation ends at bead ends, "
            "each where both documents use them alike; clause counts (log ratio)"
        }
