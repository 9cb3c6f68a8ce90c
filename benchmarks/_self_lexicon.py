"""A lexicon learned from the document's own confident beads, for a second scoring pass (issue 16, item 4).

Measured and not kept (docs/benchmarks.md, "Self-trained lexicon"): it lives beside its benchmark
(self_lexicon.py), not in the aligner, which does not call it.

hunalign and Champollion both learn from the text being aligned: after a first alignment, word pairs
that keep occurring together in beads the aligner is sure of are translations of each other, whether
or not the dictionary knows them (names, transliterations, a field's terms). Here the first pass is the
aligner's full decoding; its beads with calibrated confidence of at least ``min_confidence`` are the
training data. For each jieba word of the Chinese (simplified copy) and each English stem, either Dice's
coefficient over those beads (twice the beads holding both over the beads holding each) or IBM Model 1's
t(stem | word) is kept when the pair occurred together in at least ``min_beads`` beads and reaches its
threshold.

The learned lexicon scores the band once more as a tf-idf cosine, like the dictionary scorer: each
Chinese word stands for the stems it was learned with (weighted by their coefficients); a word it has
no translation for keeps a slot of its own, so untranslated content still lowers the cosine. The
bead's score gains ``weight × cosine`` and the lattice is decoded again.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from bitext.align.search import Band, Lattice, blocks
from bitext.resources.glosses import english_stems
from bitext.scorers.base import (
    MAX_EN_BEAD,
    MAX_ZH_BEAD,
    BeadType,
    ScorerInput,
    SparseRows,
    window_norms,
    window_pair_dots,
)
from bitext.scorers.lexical import document_words

DIMENSIONS = 4096
MIN_CONFIDENCE = 0.9
MIN_BEADS = 2
MIN_DICE = 0.3
MIN_PROBABILITY = 0.2
MODEL1_ITERATIONS = 5

Lexicon = dict[str, dict[str, float]]  # Chinese word -> {English stem: Dice coefficient or t(stem | word)}


@dataclass(frozen=True)
class SelfLexicon:
    """The second pass's settings: its weight and what counts as a confident bead and a learned pair."""

    weight: float
    min_confidence: float = MIN_CONFIDENCE
    min_beads: int = MIN_BEADS
    min_dice: float = MIN_DICE
    method: str = "dice"  # or "model1": IBM Model 1's t(stem | word) >= min_probability
    min_probability: float = MIN_PROBABILITY

    def describe(self) -> str:
        pairs = f"dice>={self.min_dice:g}" if self.method == "dice" else f"model1 t>={self.min_probability:g}"
        return f"{pairs} over >={self.min_beads} beads of confidence>={self.min_confidence:g}, weight {self.weight:g}"

    def rescored(
        self,
        pair: ScorerInput,
        lattice: Lattice,
        beads: Sequence[tuple[Sequence[int], Sequence[int], float]],
    ) -> Lattice:
        """``lattice`` with ``weight ×`` the learned lexicon's cosine added to every bead with two sides,
        learned from ``beads`` (zh sentences, en sentences, confidence); unchanged if nothing was learned."""
        lexicon = self.learned(pair, beads)
        if not lexicon or not self.weight:
            return lattice
        cosines = lexicon_cosines(lexicon, pair, lattice.band, lattice.types)
        return Lattice(lattice.band, lattice.types, lattice.flat + np.float32(self.weight) * cosines)

    def learned(self, pair: ScorerInput, beads: Sequence[tuple[Sequence[int], Sequence[int], float]]) -> Lexicon:
        """The lexicon of the beads (zh sentences, en sentences, confidence) at least ``min_confidence`` sure."""
        confident = [(zh, en) for zh, en, confidence in beads if zh and en and confidence >= self.min_confidence]
        return self.learn(document_words(pair), english_stem_lists(pair), confident)

    def learn(
        self,
        zh_words: Sequence[Sequence[str]],
        en_stems: Sequence[Sequence[str]],
        beads: Sequence[tuple[Sequence[int], Sequence[int]]],
    ) -> Lexicon:
        if self.method == "model1":
            return learn_model1(zh_words, en_stems, beads, self.min_beads, self.min_probability)
        return learn(zh_words, en_stems, beads, self.min_beads, self.min_dice)


def english_stem_lists(pair: ScorerInput) -> list[list[str]]:
    """Stems of every English sentence of the pair, made once per pair."""
    stems = pair.cache.get("en_stems")
    if stems is None:
        stems = pair.cache["en_stems"] = [english_stems(text) for text in pair.en_texts]
    return stems


def learn(
    zh_words: Sequence[Sequence[str]],
    en_stems: Sequence[Sequence[str]],
    beads: Sequence[tuple[Sequence[int], Sequence[int]]],
    min_beads: int = MIN_BEADS,
    min_dice: float = MIN_DICE,
) -> Lexicon:
    """Word pairs whose Dice coefficient over ``beads`` reaches ``min_dice``, seen together in ``min_beads``."""
    zh_sets = [{w for i in zh for w in zh_words[i]} for zh, _en in beads]
    en_sets = [{s for j in en for s in en_stems[j]} for _zh, en in beads]
    zh_counts = Counter(w for words in zh_sets for w in words)
    en_counts = Counter(s for stems in en_sets for s in stems)
    # A pair seen together in min_beads beads needs each word in at least that many: the rest cannot qualify.
    joint: Counter[tuple[str, str]] = Counter()
    for words, stems in zip(zh_sets, en_sets, strict=True):
        kept_words = [w for w in words if zh_counts[w] >= min_beads]
        kept_stems = [s for s in stems if en_counts[s] >= min_beads]
        joint.update((w, s) for w in kept_words for s in kept_stems)
    lexicon: Lexicon = {}
    for (word, stem), together in joint.items():
        if together < min_beads:
            continue
        dice = 2 * together / (zh_counts[word] + en_counts[stem])
        if dice >= min_dice:
            lexicon.setdefault(word, {})[stem] = dice
    return lexicon


def learn_model1(
    zh_words: Sequence[Sequence[str]],
    en_stems: Sequence[Sequence[str]],
    beads: Sequence[tuple[Sequence[int], Sequence[int]]],
    min_beads: int = MIN_BEADS,
    min_probability: float = MIN_PROBABILITY,
    iterations: int = MODEL1_ITERATIONS,
) -> Lexicon:
    """IBM Model 1's t(stem | word) over ``beads`` (each English stem generated by one Chinese word of its
    bead, or by none), kept where it reaches ``min_probability`` for pairs seen together in ``min_beads``.

    Unlike Dice, EM explains a stem by the word that accounts for it best across beads, so a topic word
    of one article does not become a translation of every other word of its sentences."""
    zh_bags = [sorted({w for i in zh for w in zh_words[i]}) for zh, _en in beads]
    en_bags = [sorted({s for j in en for s in en_stems[j]}) for _zh, en in beads]
    joint: Counter[tuple[str, str]] = Counter()
    for words, stems in zip(zh_bags, en_bags, strict=True):
        joint.update((w, s) for w in words for s in stems)
    null = ""
    t: dict[tuple[str, str], float] = dict.fromkeys(joint, 1.0)
    for stems in en_bags:
        t.update(((null, s), 1.0) for s in stems)
    for _ in range(iterations):
        counts: Counter[tuple[str, str]] = Counter()
        totals: Counter[str] = Counter()
        for words, stems in zip(zh_bags, en_bags, strict=True):
            sources = [null, *words]
            for stem in stems:
                shares = [t[(w, stem)] for w in sources]
                norm = sum(shares)
                for w, share in zip(sources, shares, strict=True):
                    counts[(w, stem)] += share / norm
                    totals[w] += share / norm
        t = {key: count / totals[key[0]] for key, count in counts.items()}
    lexicon: Lexicon = {}
    for (word, stem), together in joint.items():
        if together >= min_beads and t.get((word, stem), 0.0) >= min_probability:
            lexicon.setdefault(word, {})[stem] = t[(word, stem)]
    return lexicon


def sentence_vectors(
    lexicon: Lexicon, zh_words: Sequence[Sequence[str]], en_stems: Sequence[Sequence[str]]
) -> tuple[SparseRows, SparseRows]:
    """tf-idf vectors over English stems: a Chinese word spreads its weight over its learned stems."""
    slots: dict[str, int] = {}

    def slot(key: str) -> int:
        return slots.setdefault(key, len(slots)) % DIMENSIONS

    zh_idf, en_idf = _idf(zh_words), _idf(en_stems)
    rows: list[int] = []
    columns: list[int] = []
    weights: list[float] = []
    for row, words in enumerate(zh_words):
        for word in words:
            translations = lexicon.get(word)
            if translations is None:
                rows.append(row)
                columns.append(slot("\x00" + word))  # a slot no English stem shares
                weights.append(zh_idf[word])
                continue
            total = sum(translations.values())
            for stem, dice in translations.items():
                rows.append(row)
                columns.append(slot(stem))
                weights.append(zh_idf[word] * dice / total)
    zh = SparseRows.accumulate(rows, columns, weights, len(zh_words), DIMENSIONS)
    en_rows = [row for row, stems in enumerate(en_stems) for _stem in stems]
    en_columns = [slot(stem) for stems in en_stems for stem in stems]
    en_weights = [en_idf[stem] for stems in en_stems for stem in stems]
    en = SparseRows.accumulate(en_rows, en_columns, en_weights, len(en_stems), DIMENSIONS)
    return zh, en


def lexicon_cosines(lexicon: Lexicon, pair: ScorerInput, band: Band, types: Sequence[BeadType]) -> np.ndarray:
    """The learned lexicon's window cosine of every bead of the band, shape (types, cells); 0 for skips."""
    zh_words, en_stems = document_words(pair), english_stem_lists(pair)
    zh, en = sentence_vectors(lexicon, zh_words, en_stems)
    zh_norms = {d: np.maximum(v, 1e-9) for d, v in window_norms(zh, MAX_ZH_BEAD).items()}
    en_norms = {d: np.maximum(v, 1e-9) for d, v in window_norms(en, MAX_EN_BEAD).items()}
    parts = []
    for block in blocks(band):
        out = np.zeros((len(types), len(block.i)), dtype=np.float32)
        dots = window_pair_dots(zh, en, block, types)
        for t, (di, dj) in enumerate(types):
            if di and dj:
                out[t] = dots[(di, dj)] / (zh_norms[di][block.i] * en_norms[dj][block.j])
        parts.append(out)
    return np.concatenate(parts, axis=1)


def _idf(bags: Sequence[Sequence[str]]) -> dict[str, float]:
    counts = Counter(item for bag in bags for item in set(bag))
    total = len(bags)
    return {item: math.log((total + 1) / (count + 0.5)) for item, count in counts.items()}
