"""Text moved out of order: sentences left unaligned (or in doubt) whose translation stands elsewhere.

The aligner is monotone, so a paragraph the translator moved (or two swapped chapters) comes out as an
``omission`` where the Chinese stands, an ``addition`` where its English stands, and often a wrong bead
beside them. Two passes find such text (docs/design.md, "Moved text"):

* **Best matches**, for single sentences: each sentence of an unaligned or doubtful bead (below
  ``QASettings.moved_confidence``) and its best partner on the other side, by dictionary similarity
  (CC-CEDICT tf-idf cosine: the lexical scorer's vectors, the aligner's own when it kept them), when each is
  the other's clear best in the whole document, the two stand at least two beads apart, and the cosine is high
  on this document's own scale (only in documents where right partners stand clearly above wrong ones).
* **Blocks**, for whole passages of a free translation: runs of unaligned or unsure sentences re-aligned with
  each other by the scorers that made the alignment; stretches of confident beads are moved pairs.

A bead whose every sentence is explained this way loses its ``omission``/``addition`` flag: the text is not
missing, it is elsewhere. Cost: nothing unless a sentence is unaligned or two beads are in doubt.
"""

from __future__ import annotations

from collections.abc import Sequence, Set
from dataclasses import dataclass

import numpy as np

from bitext.align.beads import Alignment, Bead, kept_sentence_vectors
from bitext.document import Document
from bitext.qa.flags import Flag, QASettings
from bitext.scorers.base import SparseRows

_CALIBRATION_BEADS = 200  # confident 1-1 beads sampled (evenly) to learn this document's similarity scale
_WRONG_PARTNER_QUANTILE = 99.0  # a moved pair must beat nearly every cosine of sentences that do not match
_SEPARATION = 1.5  # right partners' median over that percentile: below it the document's cosines say too little
_BETTER_THAN_OWN = 2.0  # an unaligned sentence's partner: at least this many times closer to it than to its bead
_OWN_BEAD_SHARE = 0.1  # two aligned sentences: each must share almost nothing with its own bead's other side
_BLOCK_MIN = 5  # unaligned or unsure sentences in a run before it is re-aligned with the other side's runs
_BLOCK_GAP = 3  # other sentences a run may step over (a stray bead inside a moved paragraph)
_BLOCK_CONFIDENCE = 0.5
_BLOCK_STRETCH = 3  # confident beads in a row of the re-alignment: a moved block, not a chance match
_MIN_BEAD_DISTANCE = 2
_CLEAR_MARGIN = 1.25  # a best match must be this many times closer than the second best, both ways
_MIN_WORDS = 3  # dictionary dimensions each sentence of a best-match pair must have


@dataclass(frozen=True)
class MovedPair:
    """Chinese sentences ``zh`` (from bead ``zh_bead`` on) read as translated by English sentences ``en`` (from
    ``en_bead`` on); one sentence a side when found by a best match, a bead of a block's re-alignment else."""

    zh: tuple[int, ...]
    en: tuple[int, ...]
    zh_bead: int
    en_bead: int
    similarity: float  # the dictionary cosine of a best match; a re-aligned block's bead: its confidence


def moved_pairs(alignment: Alignment, settings: QASettings) -> list[MovedPair]:
    """Every moved pair of ``alignment``: single sentences by best match, then runs of unaligned sentences."""
    pairs = best_match_pairs(alignment, settings)
    taken_zh = {i for pair in pairs for i in pair.zh}
    taken_en = {j for pair in pairs for j in pair.en}
    return pairs + moved_blocks(alignment, settings, taken_zh, taken_en)


def best_match_pairs(alignment: Alignment, settings: QASettings) -> list[MovedPair]:
    """Single sentences moved (module docstring), in order of Chinese sentence."""
    beads = alignment.beads
    unaligned = sum(1 for bead in beads if not bead.is_aligned)
    doubtful = sum(1 for bead in beads if bead.is_aligned and bead.score < settings.moved_confidence)
    if not unaligned and doubtful < 2:
        # Text moved leaves a sentence unaligned, or two places in doubt (two swapped paragraphs): else nothing
        # is computed (FLORES once as one document has one doubtful bead; the vectors cost 0.1 s for nothing).
        return []
    # The questions are the sentences of unaligned and doubtful beads: every pair reported has one (a pair of
    # two aligned sentences needs a doubtful bead, _is_moved). Their partners may stand anywhere, also in a
    # confident bead joining several sentences (a moved paragraph's sentence joined to its new neighbours).
    # A bead a person edited or confirmed in the review page is their decision, not a question.
    questions = [
        bead
        for bead in beads
        if bead.status == "automatic" and (not bead.is_aligned or bead.score < settings.moved_confidence)
    ]
    zh_candidates = [i for bead in questions for i in bead.zh_ids]
    en_candidates = [j for bead in questions for j in bead.en_ids]
    calibration = _calibration_beads(beads, settings)
    if len(calibration) < 3:
        return []  # too few confident beads to know this document's scale
    similarity = _SimilarityTable(alignment)
    scale = _scale(similarity, calibration)
    if not scale.separates:
        return []
    bead_of_zh = {i: bead for bead in beads for i in bead.zh_ids}
    bead_of_en = {j: bead for bead in beads for j in bead.en_ids}
    mutual = {
        (i, j)
        for i in zh_candidates
        if (j := similarity.best_english(i)) is not None and similarity.best_chinese(j) == i
    }
    mutual |= {
        (i, j)
        for j in en_candidates
        if (i := similarity.best_chinese(j)) is not None and similarity.best_english(i) == j
    }
    found = [
        MovedPair((i,), (j,), _index(bead_of_zh[i]), _index(bead_of_en[j]), similarity.pair(i, j))
        for i, j in sorted(mutual)
    ]
    return [
        pair
        for pair in found
        if _is_moved(pair, bead_of_zh[pair.zh[0]], bead_of_en[pair.en[0]], scale, similarity, settings)
    ]


def moved_flags(alignment: Alignment, settings: QASettings) -> tuple[list[Flag], set[int]]:
    """``moved`` warnings on the beads of both sides of every moved pair, and the unaligned beads they explain."""
    pairs = moved_pairs(alignment, settings)
    pairs += moved_blocks(
        alignment, settings, {i for pair in pairs for i in pair.zh}, {j for pair in pairs for j in pair.en}
    )
    bead_of_zh = {i: number for number, bead in enumerate(alignment.beads) for i in bead.zh_ids}
    bead_of_en = {j: number for number, bead in enumerate(alignment.beads) for j in bead.en_ids}
    flags = []
    for pair in pairs:
        zh, en = _sentences("Chinese", pair.zh), _sentences("English", pair.en)
        en_beads = _beads(sorted({bead_of_en[j] for j in pair.en}))
        zh_beads = _beads(sorted({bead_of_zh[i] for i in pair.zh}))
        for number in sorted({bead_of_zh[i] for i in pair.zh}):
            message = (
                f"{zh} {'reads' if len(pair.zh) == 1 else 'read'} as translated out of order, by {en} in {en_beads}"
            )
            flags.append(Flag(number, "warning", "moved", message))
        for number in sorted({bead_of_en[j] for j in pair.en}):
            verb = "reads" if len(pair.en) == 1 else "read"
            message = f"{en} {verb} as the translation of {zh} in {zh_beads}, out of order"
            flags.append(Flag(number, "warning", "moved", message))
    found_zh = {i for pair in pairs for i in pair.zh}
    found_en = {j for pair in pairs for j in pair.en}
    explained = {
        number
        for number, bead in enumerate(alignment.beads)
        if not bead.is_aligned and all(i in found_zh for i in bead.zh_ids) and all(j in found_en for j in bead.en_ids)
    }
    return list(dict.fromkeys(flags)), explained


def _sentences(side: str, ids: tuple[int, ...]) -> str:
    return f"{side} sentence {ids[0]}" if len(ids) == 1 else f"{side} sentences {ids[0]}–{ids[-1]}"


def _beads(numbers: list[int]) -> str:
    return f"bead {numbers[0]}" if len(numbers) == 1 else f"beads {numbers[0]}–{numbers[-1]}"


# ---------------------------------------------------------------------------------------------------------
# Blocks: a moved paragraph or chapter of free translation, where single best matches say too little


def moved_blocks(
    alignment: Alignment, settings: QASettings, taken_zh: Set[int] = frozenset(), taken_en: Set[int] = frozenset()
) -> list[MovedPair]:
    """Runs of unaligned (or unsure) Chinese and English sentences that translate each other, out of order.

    A run is at least ``_BLOCK_MIN`` sentences of one side that are unaligned or in beads below the
    low-confidence threshold, with at most ``_BLOCK_GAP`` other sentences between them. All Chinese runs, in
    order, are aligned with all English runs, in order, as two documents, by the scorers that made ``alignment``
    (so the aligner's own evidence, the encoder included, decides; a swapped chapter is in order within
    itself). Its beads of confidence ``_BLOCK_CONFIDENCE`` or more that come ``_BLOCK_STRETCH`` or more in a row
    and join sentences at least two beads apart in ``alignment`` are the moved pairs: unrelated runs (an
    omission here, an addition there) come out as skipped, unsure or isolated beads."""
    zh_runs = _runs(alignment, "zh", taken_zh, settings)
    en_runs = _runs(alignment, "en", taken_en, settings)
    if not zh_runs or not en_runs:
        return []
    zh_ids = [i for run in zh_runs for i in run]
    en_ids = [j for run in en_runs for j in run]
    bead_of_zh = {i: number for number, bead in enumerate(alignment.beads) for i in bead.zh_ids}
    bead_of_en = {j: number for number, bead in enumerate(alignment.beads) for j in bead.en_ids}
    stretch: list[MovedPair] = []
    pairs: list[MovedPair] = []
    for zh, en, confidence in _realigned(alignment, zh_ids, en_ids):
        far = bool(zh and en) and abs(bead_of_zh[zh[0]] - bead_of_en[en[0]]) >= _MIN_BEAD_DISTANCE
        if far and confidence >= _BLOCK_CONFIDENCE:
            stretch.append(MovedPair(zh, en, bead_of_zh[zh[0]], bead_of_en[en[0]], confidence))
            continue
        if len(stretch) >= _BLOCK_STRETCH:
            pairs += stretch
        stretch = []
    if len(stretch) >= _BLOCK_STRETCH:
        pairs += stretch
    return pairs


def _runs(alignment: Alignment, side: str, taken: Set[int], settings: QASettings) -> list[tuple[int, ...]]:
    """Runs of unaligned or unsure sentences of ``side`` (gaps of a few sentences included), in order."""
    loose = sorted(
        k
        for bead in alignment.beads
        if bead.status == "automatic" and (not bead.is_aligned or bead.score < settings.low_confidence)
        for k in (bead.zh_ids if side == "zh" else bead.en_ids)
        if k not in taken
    )
    runs: list[list[int]] = []
    for k in loose:
        if runs and k - runs[-1][-1] <= _BLOCK_GAP + 1:
            runs[-1].append(k)
        else:
            runs.append([k])
    return [tuple(range(run[0], run[-1] + 1)) for run in runs if len(run) >= _BLOCK_MIN]


def _realigned(
    alignment: Alignment, zh_ids: list[int], en_ids: list[int]
) -> list[tuple[tuple[int, ...], tuple[int, ...], float]]:
    """The sentences ``zh_ids`` and ``en_ids`` aligned as two documents: each bead's sentences (as ids of
    ``alignment``) and its confidence."""
    from bitext.align import align

    scorer = str(alignment.settings.get("scorer", "lexical"))
    # Documents, not text: the sentences are the alignment's own, already read and checked (and a text that
    # the reader would refuse, built by a program, must not stop a QA check).
    sub = align(_sub_document(alignment.zh, zh_ids), _sub_document(alignment.en, en_ids), scorer=scorer)
    return [
        (tuple(zh_ids[i] for i in bead.zh_ids), tuple(en_ids[j] for j in bead.en_ids), bead.score) for bead in sub.beads
    ]


def _is_moved(
    pair: MovedPair, zh_bead: Bead, en_bead: Bead, scale: _Scale, similarity: _SimilarityTable, settings: QASettings
) -> bool:
    if abs(pair.zh_bead - pair.en_bead) < _MIN_BEAD_DISTANCE or pair.similarity < scale.wrong_high:
        return False
    if zh_bead.status != "automatic" or en_bead.status != "automatic":
        return False  # a person decided one of the two beads in the review page
    if similarity.words(pair.zh[0], pair.en[0]) < _MIN_WORDS:
        return False  # "站住！" and a line sharing its one word: a best match on one or two words is chance
    own_zh = similarity.joined(pair.zh, zh_bead.en_ids) if zh_bead.en_ids else 0.0
    own_en = similarity.joined(en_bead.zh_ids, pair.en) if en_bead.zh_ids else 0.0
    if zh_bead.en_ids and en_bead.zh_ids:
        # Neither is unaligned: swapped paragraphs come out so, in wrong or joined beads. Only when one of the two
        # beads is doubtful, for a pair as close as a typical right one, whose sentences have next to nothing in
        # common with their own beads.
        limit = _OWN_BEAD_SHARE * pair.similarity
        doubtful = min(zh_bead.score, en_bead.score) < settings.moved_confidence
        return doubtful and pair.similarity >= scale.right_low and own_zh <= limit and own_en <= limit
    # One is unaligned; the other must read clearly better with it than with its own bead's other side.
    return pair.similarity >= _BETTER_THAN_OWN * max(own_zh, own_en)


def _index(bead: Bead) -> int:
    assert bead.index is not None  # beads of an Alignment are numbered
    return bead.index


def _calibration_beads(beads: Sequence[Bead], settings: QASettings) -> list[Bead]:
    confident = [
        bead
        for bead in beads
        if len(bead.zh_ids) == 1 and len(bead.en_ids) == 1 and bead.score >= settings.moved_confidence
    ]
    if len(confident) <= _CALIBRATION_BEADS:
        return confident
    step = len(confident) / _CALIBRATION_BEADS
    return [confident[int(k * step)] for k in range(_CALIBRATION_BEADS)]


@dataclass(frozen=True)
class _Scale:
    """What dictionary cosines mean in this document: right partners (confident 1-1 beads) against wrong ones."""

    right_median: float
    right_low: float  # the lower quartile: three in four right partners reach it
    wrong_high: float

    @property
    def separates(self) -> bool:
        # News and government text: right partners' median about twice the wrong ones' 99th percentile;
        # a free literary translation: below it (MAC-Dev chapters), where a best match means little.
        return self.right_median >= _SEPARATION * self.wrong_high


def _scale(similarity: _SimilarityTable, calibration: list[Bead]) -> _Scale:
    zh = [bead.zh_ids[0] for bead in calibration]
    en = [bead.en_ids[0] for bead in calibration]
    matrix = similarity.matrix(zh, en)
    wrong = matrix[~np.eye(len(zh), dtype=bool)]
    right = np.diag(matrix)
    return _Scale(
        float(np.median(right)), float(np.percentile(right, 25)), float(np.percentile(wrong, _WRONG_PARTNER_QUANTILE))
    )


class _SimilarityTable:
    """Dictionary cosines between the sentences of one alignment: the lexical scorer's tf-idf vectors of both
    whole documents, made unit length, with an index from each dimension to the sentences that use it, so
    that a sentence's best partner costs the entries it shares, not a pass over every sentence."""

    def __init__(self, alignment: Alignment):
        from bitext.scorers.base import ScorerInput
        from bitext.scorers.lexical import LexicalScorer

        # The aligner's own vectors when it kept them (the dictionary scorer ran on these very sentences),
        # else made here: 0.6 s at 10,000 sentences that the check need not pay again.
        kept = kept_sentence_vectors(alignment)
        if kept is None:
            kept = LexicalScorer().prepare(ScorerInput(alignment.zh, alignment.en)).sentence_vectors()
        zh, en = kept
        self._zh = _Postings(zh, _CLEAR_MARGIN)
        self._en = _Postings(en, _CLEAR_MARGIN)

    def best_english(self, i: int) -> int | None:
        return self._en.best_match(*self._zh.row(i))

    def best_chinese(self, j: int) -> int | None:
        return self._zh.best_match(*self._en.row(j))

    def words(self, i: int, j: int) -> int:
        """Dictionary dimensions of the shorter of Chinese sentence ``i`` and English sentence ``j``."""
        return min(len(self._zh.row(i)[0]), len(self._en.row(j)[0]))

    def pair(self, i: int, j: int) -> float:
        return self.joined([i], [j])

    def matrix(self, zh: Sequence[int], en: Sequence[int]) -> np.ndarray:
        return self._zh.dense(zh) @ self._en.dense(en).T

    def joined(self, zh: Sequence[int], en: Sequence[int]) -> float:
        """Cosine of the sentences ``zh`` taken together with ``en`` taken together (a bead's own similarity)."""
        left = _unit(self._zh.dense(zh).sum(axis=0, keepdims=True))
        right = _unit(self._en.dense(en).sum(axis=0, keepdims=True))
        return float((left @ right.T)[0, 0])


class _Postings:
    """Unit-length sparse sentence vectors of one side, by row and by dimension."""

    def __init__(self, vectors: SparseRows, clear_margin: float = 1.0):
        self.clear_margin = clear_margin
        counts = np.diff(vectors.indptr)
        rows = np.repeat(np.arange(len(vectors)), counts)
        values = vectors.values.astype(np.float64)
        norms = np.sqrt(np.bincount(rows, weights=values * values, minlength=len(vectors)))
        self.values = values / np.maximum(norms[rows], 1e-12)
        self.indptr = vectors.indptr
        self.indices = vectors.indices
        self.count = len(vectors)
        self.dimensions = vectors.dimensions
        order = np.argsort(self.indices, kind="stable")
        self.by_dimension_rows = rows[order]
        self.by_dimension_values = self.values[order]
        self.dimension_starts = np.searchsorted(self.indices[order], np.arange(vectors.dimensions + 1))

    def row(self, r: int) -> tuple[np.ndarray, np.ndarray]:
        start, stop = self.indptr[r], self.indptr[r + 1]
        return self.indices[start:stop], self.values[start:stop]

    def dense(self, rows: Sequence[int]) -> np.ndarray:
        out = np.zeros((len(rows), self.dimensions))
        for k, r in enumerate(rows):
            dims, values = self.row(r)
            out[k, dims] = values
        return out

    def best_match(self, dims: np.ndarray, values: np.ndarray) -> int | None:
        """The row with the largest dot product with the vector (``dims``, ``values``); None when none shares a word,
        or when the largest is not ``clear_margin`` times the second."""
        if not len(dims):
            return None
        starts, stops = self.dimension_starts[dims], self.dimension_starts[dims + 1]
        sizes = stops - starts
        if not sizes.sum():
            return None
        entries = np.repeat(starts - np.cumsum(sizes) + sizes, sizes) + np.arange(sizes.sum())
        weights = self.by_dimension_values[entries] * np.repeat(values, sizes)
        totals = np.bincount(self.by_dimension_rows[entries], weights=weights, minlength=self.count)
        best = int(np.argmax(totals))
        if self.clear_margin > 1:
            runner_up = np.partition(totals, -2)[-2] if len(totals) > 1 else 0.0
            if totals[best] < self.clear_margin * runner_up:
                return None  # no clear best: the words it shares are shared with other sentences too
        return best


def _unit(rows: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(rows, axis=1, keepdims=True)
    return rows / np.maximum(norms, 1e-12)


def _sub_document(document: Document, rows: list[int]) -> Document:
    """The sentences ``rows`` of ``document`` as a document of their own, one a line."""
    texts = [document.sentences[i].text for i in rows]
    offsets = []
    cursor = 0
    for text in texts:
        offsets.append((cursor, cursor + len(text)))
        cursor += len(text) + 1
    return Document("\n".join(texts), document.lang, tuple(offsets))
