"""The bitext sentence aligner: scorers combined into one bead score, searched in two passes.

1. First pass (coarse): sentence vectors of the strongest scorer (embeddings, else the dictionary) give
   a rough path with 1-1, 1-2, 2-1 and skip beads. Long documents are first halved recursively
   (averaging neighbouring sentences, as Vecalign does), so the first pass is linear too.
2. The length model re-estimates its ratio and spread from that path (as Gale–Church did).
3. Second pass: every bead type of :data:`BEAD_TYPES` in a band around the first path, scored
   ``bias[type] + Σ weight_f · feature_f`` with weights fitted on dev data (see weights.py), and
   the best path found by the vectorised dynamic programme of search.py.
3b. Skip prior: how often a document leaves sentences unaligned varies far more between documents
   (a faithful translation: almost never; an abridged one: every few sentences) than any other bead
   type's rate. The skip rate of the path just found is compared with the rate on the training
   documents, the 1-0 and 0-1 biases are shifted by ``skip_prior`` × the log of that ratio, and the
   path is searched once more (an empirical-Bayes step, one EM iteration on two parameters). Long runs of
   unaligned beads (an untranslated block, or blocks in the other side's reverse order) are not a skip
   habit: the rows outside them take the rate outside them (see :func:`decode`).
4. Confidence: each bead's posterior probability under the same scores (forward–backward), mapped to
   a calibrated probability of being correct by a logistic fitted on held-out data.

With beads a person fixed (``align(zh, en, fixed)``, see fixed.py), the same lattice is scored for the whole
document (its band widened to reach every fixed bead's corners) and each gap between fixed beads is searched
in its own rectangle of that lattice (:meth:`Lattice.within`): the scores are those of the whole document,
so a stretch the person left alone comes out as it did without corrections whenever the fixed beads' corners
lie on the automatic path; the posteriors are conditional on the fixed beads.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import numpy as np
from threadpoolctl import threadpool_limits

from bitext.align.beads import Bead
from bitext.align.fixed import FixedBead, Gap, stitch
from bitext.align.pieces import cut_long_sentences, rejoin
from bitext.align.search import Band, Lattice, blocks, path_posteriors, viterbi
from bitext.document import Document
from bitext.resources.cache import collection_paused
from bitext.scorers.base import (
    BEAD_TYPES,
    BeadType,
    Block,
    Features,
    RefitsOnFirstPath,
    Scorer,
    ScorerInput,
    SparseRows,
    Vectors,
    chunked_rows,
    window_norms,
    window_pair_dots,
)

FIRST_PASS_TYPES: tuple[BeadType, ...] = ((1, 1), (1, 0), (0, 1), (1, 2), (2, 1))
FULL_GRID_CELLS = 250_000  # below this many cells the first pass looks at the whole grid
BAND_MARGIN = 10  # sentences either side of the first-pass path searched by the second pass
BLAS_THREADS = 1


@dataclass(frozen=True)
class Model:
    """Weights of the features, a bias per bead type, and the confidence calibration."""

    weights: Mapping[str, float]
    bias: Mapping[BeadType, float]
    temperature: float = 1.0
    calibration: tuple[float, float] = (1.0, 0.0)  # logistic on the posterior's log-odds: (slope, intercept)
    name: str = "default"
    skip_prior: float = 0.0  # weight of the per-document skip-rate adjustment (0: off)
    # log rate of 1-0 and 0-1 beads among the first path's beads on the training documents
    skip_reference: tuple[float, float] = (-3.5, -3.5)

    def bias_vector(self, types: Sequence[BeadType]) -> np.ndarray:
        return np.array([self.bias.get(t, -math.inf) for t in types])


@dataclass
class FeatureLattice:
    """Every feature of every candidate bead in the band, so weights can be re-applied cheaply."""

    band: Band
    types: tuple[BeadType, ...]
    names: tuple[str, ...]
    features: np.ndarray  # (types, features, cells of the whole band), rows one after the other
    impossible: np.ndarray  # (types, cells): bead would start before the first sentence

    @classmethod
    def from_rows(
        cls, band: Band, types: tuple[BeadType, ...], names: tuple[str, ...], features: np.ndarray
    ) -> FeatureLattice:
        rows = np.repeat(np.arange(band.rows), band.hi - band.lo + 1)
        columns = np.concatenate([np.arange(lo, hi + 1) for lo, hi in zip(band.lo, band.hi, strict=True)])
        impossible = np.array([(rows < di) | (columns < dj) for di, dj in types])
        return cls(band, types, names, features.astype(np.float32), impossible)

    def lattice(self, model: Model) -> Lattice:
        weights = np.array([model.weights.get(name, 0.0) for name in self.names], dtype=np.float32)
        scores = np.einsum("tfc,f->tc", self.features, weights) + model.bias_vector(self.types)[:, None]
        scores[self.impossible] = -np.inf
        return self.with_scores(scores)

    def with_scores(self, scores: np.ndarray) -> Lattice:
        """The band's lattice with these bead scores, shape (types, cells of the whole band)."""
        return Lattice(self.band, self.types, scores)


@dataclass
class PreparedPair:
    pair: ScorerInput
    features: list[Features]
    names: tuple[str, ...]
    first_path: list[tuple[int, int, int, int]] = field(default_factory=list)

    def block_features(self, block: Block, types: Sequence[BeadType]) -> np.ndarray:
        return np.concatenate([f.block(block, types) for f in self.features], axis=1)


class SentenceAligner:
    """Aligns two segmented documents with the given scorers and model."""

    def __init__(self, scorers: Sequence[Scorer], model: Model, margin: int = BAND_MARGIN):
        self.scorers = list(scorers)
        self.model = model
        self.margin = margin
        # The dictionary scorer's tf-idf vectors of the last documents aligned, one per sentence (None when
        # there is no dictionary scorer, or when long sentences were cut into pieces): QA's moved check
        # reads them instead of making them again (bitext.align puts them on the Alignment).
        self.sentence_vectors: tuple[SparseRows, SparseRows] | None = None

    def _keep_lexical_vectors(self, prepared: PreparedPair) -> None:
        from bitext.scorers.lexical import LexicalFeatures

        self.sentence_vectors = next(
            (f.sentence_vectors() for f in prepared.features if isinstance(f, LexicalFeatures)), None
        )

    def prepare(self, zh: Document, en: Document) -> PreparedPair:
        pair = ScorerInput(zh, en)
        features = [scorer.prepare(pair) for scorer in self.scorers]
        names = tuple(name for f in features for name in f.names)
        prepared = PreparedPair(pair, features, names)
        prepared.first_path = self._first_pass(prepared)
        for f in features:
            if isinstance(f, RefitsOnFirstPath):
                f.refit(prepared.first_path)
        return prepared

    def band(self, prepared: PreparedPair, reach: Sequence[tuple[int, int]] = ()) -> Band:
        """Cells around the first path, and around the ``reach`` cells too (fixed beads' corners)."""
        n, m = len(prepared.pair.zh), len(prepared.pair.en)
        cells = [(i1, j1) for _i0, i1, _j0, j1 in prepared.first_path] + [(0, 0), *reach]
        margin = self.margin
        if not any(f.sentence_vectors() is not None for f in prepared.features):
            margin = max(margin, min(200, max(n, m) // 8))  # only a diagonal guess: search wider
        return Band.around_path(cells, n, m, margin)

    def feature_lattice(self, prepared: PreparedPair) -> FeatureLattice:
        band = self.band(prepared)
        parts = [prepared.block_features(block, BEAD_TYPES).astype(np.float32) for block in blocks(band)]
        return FeatureLattice.from_rows(band, BEAD_TYPES, prepared.names, np.concatenate(parts, axis=2))

    def score_lattice(self, prepared: PreparedPair, reach: Sequence[tuple[int, int]] = ()) -> Lattice:
        """Bead scores of the band, computed block by block: features are never all held at once."""
        band = self.band(prepared, reach)
        weights = np.array([self.model.weights.get(name, 0.0) for name in prepared.names])
        bias = self.model.bias_vector(BEAD_TYPES)[:, None]

        def score(block: Block) -> np.ndarray:
            return np.einsum("tfc,f->tc", prepared.block_features(block, BEAD_TYPES), weights) + bias

        return Lattice.build(band, BEAD_TYPES, score)

    def align(self, zh: Document, en: Document, fixed: Sequence[FixedBead] = ()) -> list[Bead]:
        """Beads covering both documents; ``fixed`` beads are kept exactly and the rest aligned between them."""
        if not len(zh) or not len(en):
            return stitch(fixed, len(zh), len(en), lambda gap: [])  # every gap has an empty side
        # The matrix products here are small; with several BLAS threads on busy cores (other processes, a
        # batch's workers) they ran 10-40x slower than on one thread, measured on the 2-core dev machine.
        # The cyclic collector is paused meanwhile: the scorers' preparation makes hundreds of thousands of
        # lists, tuples and dicts and no reference cycles, and the collections they set off (a full one
        # scanning every loaded table among them) were 6-8% of a model-free batch (docs/design.md).
        with threadpool_limits(BLAS_THREADS, user_api="blas"), collection_paused():
            if fixed:  # corrections name real sentences: their gaps are aligned without cutting
                return self._align_between(zh, en, fixed)
            # Over-long sentences are scored as bounded pieces and joined back whole (see pieces.py).
            zh_pieces, en_pieces = cut_long_sentences(zh), cut_long_sentences(en)
            beads = self._align(zh_pieces.document, en_pieces.document)
        if zh_pieces.cut or en_pieces.cut:
            self.sentence_vectors = None  # the vectors are the pieces', not the sentences'
        return rejoin(beads, zh_pieces, en_pieces)

    def _align(self, zh: Document, en: Document) -> list[Bead]:
        prepared = self.prepare(zh, en)
        self._keep_lexical_vectors(prepared)
        lattice, path = decode(self.score_lattice(prepared), self.model)
        posteriors = bead_posteriors(lattice, path, self.model.temperature)
        return [self._bead(step, lattice, p) for step, p in zip(path, posteriors, strict=True)]

    def _align_between(self, zh: Document, en: Document, fixed: Sequence[FixedBead]) -> list[Bead]:
        prepared = self.prepare(zh, en)
        self._keep_lexical_vectors(prepared)
        corners = [(b.zh_start, b.en_start) for b in fixed] + [(b.zh_end, b.en_end) for b in fixed]
        lattice, _path = decode(self.score_lattice(prepared, corners), self.model)

        def align_gap(gap: Gap) -> list[Bead]:
            part = lattice.within(gap.zh_start, gap.zh_end, gap.en_start, gap.en_end)
            path = viterbi(part)
            posteriors = bead_posteriors(part, path, self.model.temperature)
            at = (gap.zh_start, gap.en_start)
            return [self._bead(step, part, p, at) for step, p in zip(path, posteriors, strict=True)]

        return stitch(fixed, len(zh), len(en), align_gap)

    def _bead(
        self, step: tuple[int, int, int, int], lattice: Lattice, posterior: float, at: tuple[int, int] = (0, 0)
    ) -> Bead:
        """The bead of a path step; ``at`` is where the lattice's node (0, 0) lies in the documents."""
        i0, i1, j0, j1 = step
        confidence = calibrated(posterior, self.model.calibration)
        cell = lattice.band.offsets[i1] + j1 - lattice.band.lo[i1]
        score = float(lattice.flat[lattice.types.index((i1 - i0, j1 - j0)), cell])
        return Bead(
            tuple(range(i0 + at[0], i1 + at[0])),
            tuple(range(j0 + at[1], j1 + at[1])),
            round(confidence, 4),
            {"score": round(score, 4), "posterior": round(posterior, 4)},
        )

    def _first_pass(self, prepared: PreparedPair) -> list[tuple[int, int, int, int]]:
        for f in prepared.features:
            vectors = f.sentence_vectors()
            if vectors is not None:
                return coarse_to_fine(*_projected(*vectors))
        return _diagonal_path(len(prepared.pair.zh), len(prepared.pair.en))


SKIP_TYPES: tuple[BeadType, BeadType] = ((1, 0), (0, 1))
SKIP_SMOOTHING = 0.5  # pseudo-count of each bead type when estimating a document's skip rates


def decode(lattice: Lattice, model: Model) -> tuple[Lattice, list[tuple[int, int, int, int]]]:
    """Best path; with a skip prior, the lattice re-weighted by the document's own skip rate first."""
    path = viterbi(lattice)
    if not model.skip_prior:
        return lattice, path
    # The rate counts the 0-1 beads that look like additions: not those a neighbouring bead would take at
    # little cost (weak_additions), nor those beside an expansion (skip_log_rates). Expansive translations
    # (Legge's Analects, benchmarks/classic_expansion.py) otherwise ran the 0-1 bias away: 2-3 such beads
    # in the first path became 11-17 after the prior.
    weak = weak_additions(lattice, path)
    whole = with_skip_prior(lattice, skip_log_rates([s for s, w in zip(path, weak, strict=True) if not w]), model)
    adjusted = whole
    runs = joined(unaligned_runs(path))
    if runs:
        # Long unaligned runs already in the first path (a block left untranslated; two blocks of one side
        # in the other's reverse order, each matched on one side only): the rows outside them get the rate
        # of the beads outside them. Counted, the runs raised both skip biases everywhere (three MAC-Dev
        # chapters with the English of two swapped: +3.6 / +4.3) and the chapter in place was skipped too.
        # Runs are joined across the few stray matches between them (joined): left outside, those rows kept
        # a low skip bias that held the English there (partial translations, --scorer lexical).
        rest = [s for k, (s, w) in enumerate(zip(path, weak, strict=True)) if not w and not _in(k, runs)]
        adjusted = _outside_runs(lattice, path, runs, whole, with_skip_prior(lattice, skip_log_rates(rest), model))
    path = viterbi(adjusted)
    runs = unaligned_runs(path)
    if not runs:
        return adjusted, path
    # A partial translation (or source, or a block left untranslated): a long unaligned run is not the
    # translator's skip habit, and counting it made every 1-0 bead cheap in the translated part too (a 2-1
    # bead split into 1-0 + 1-1, a user trial's statute). The rate is re-estimated from the beads outside
    # such runs and shifts the rows outside them; the runs' rows keep the whole document's shift.
    rest = [step for k, step in enumerate(path) if not _in(k, runs)]
    adjusted = _outside_runs(lattice, path, runs, whole, with_skip_prior(lattice, skip_log_rates(rest), model))
    return adjusted, viterbi(adjusted)


def _in(k: int, runs: Sequence[tuple[int, int]]) -> bool:
    return any(first <= k < last for first, last in runs)


def _outside_runs(
    lattice: Lattice,
    path: Sequence[tuple[int, int, int, int]],
    runs: Sequence[tuple[int, int]],
    inside: Lattice,
    outside: Lattice,
) -> Lattice:
    """``inside``'s scores on the Chinese rows of ``path``'s unaligned runs, ``outside``'s on the others."""
    in_run = np.zeros(lattice.band.rows, dtype=bool)
    for first, last in runs:
        i0, i1 = path[first][0], path[last - 1][1]
        # the rows its beads end on: an English-only run's own row; a run's first row only at the start
        in_run[i0 if i0 == i1 or not i0 else i0 + 1 : i1 + 1] = True
    widths = lattice.band.hi - lattice.band.lo + 1
    flat = np.where(np.repeat(in_run, widths)[None, :], inside.flat, outside.flat)
    return Lattice(lattice.band, lattice.types, flat.astype(inside.flat.dtype, copy=False))


WEAK_MARGIN = 0.6  # below it a 0-1 bead is no evidence of an addition (see weak_additions)


def weak_additions(lattice: Lattice, path: Sequence[tuple[int, int, int, int]]) -> list[bool]:
    """For each bead of ``path``: a 0-1 bead whose English sentence the lattice would give to a
    neighbouring bead at a cost under WEAK_MARGIN (the path's score minus the score with it joined)."""
    band, flat = lattice.band, lattice.flat
    index = {t: k for k, t in enumerate(lattice.types)}

    def score(i1: int, j1: int, bead_type: BeadType) -> float:
        k = index.get(bead_type)
        if k is None or not band.lo[i1] <= j1 <= band.hi[i1]:
            return -math.inf
        return float(flat[k, band.offsets[i1] + j1 - band.lo[i1]])

    weak = [False] * len(path)
    for k, (i0, i1, j0, j1) in enumerate(path):
        if (i1 - i0, j1 - j0) != (0, 1):
            continue
        skip = score(i1, j1, (0, 1))
        margins = []
        if k > 0:
            a0, _a1, b0, _b1 = path[k - 1]
            if i0 > a0 and j0 > b0:
                alone = score(i0, j0, (i0 - a0, j0 - b0)) + skip
                margins.append(alone - score(i1, j1, (i1 - a0, j1 - b0)))
        if k + 1 < len(path):
            _c0, c1, _d0, d1 = path[k + 1]
            if c1 > i1 and d1 > j1:
                alone = skip + score(c1, d1, (c1 - i1, d1 - j1))
                margins.append(alone - score(c1, d1, (c1 - i0, d1 - j0)))
        weak[k] = bool(margins) and min(margins) < WEAK_MARGIN
    return weak


PARTIAL_RUN = 10  # consecutive unaligned beads that make an untranslated block, not a skip habit


def unaligned_runs(path: Sequence[tuple[int, int, int, int]]) -> list[tuple[int, int]]:
    """(first, end) bead indices of each run of PARTIAL_RUN or more consecutive one-sided beads."""
    runs: list[tuple[int, int]] = []
    start: int | None = None
    for k, (i0, i1, j0, j1) in enumerate([*path, (0, 1, 0, 1)]):  # a sentinel two-sided bead ends the last run
        if i1 > i0 and j1 > j0:
            if start is not None and k - start >= PARTIAL_RUN:
                runs.append((start, k))
            start = None
        elif start is None:
            start = k
    return runs


def joined(runs: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """``runs`` with those fewer than PARTIAL_RUN beads apart made one: an untranslated block broken by a few
    stray matches (a sentence matched far from its translation) is one block."""
    out: list[tuple[int, int]] = []
    for first, last in runs:
        if out and first - out[-1][1] < PARTIAL_RUN:
            out[-1] = (out[-1][0], last)
        else:
            out.append((first, last))
    return out


def skip_log_rates(path: Sequence[tuple[int, int, int, int]]) -> tuple[float, float]:
    """Smoothed log share of 1-0 and of 0-1 beads in a path.

    An English sentence left out beside a bead that already expands the English (``EXPANSION`` or more
    English sentences than Chinese: 1-3, 1-4, 1-5, 2-4), or a run of them shorter than an untranslated
    block (``PARTIAL_RUN``), is not counted as a 0-1 bead: it is most likely the rest of that expansion (a
    free translation explaining a terse original in more sentences than a bead holds), not the
    translator's habit of adding sentences. Counted, such beads made the 0-1 bias of an expansive
    translation run away: on Legge's Analects (benchmarks/classic_expansion.py) 2 forced 0-1 beads in the
    first path became 11-15 after the skip prior. Beside a 1-2 bead a skip is still counted: counting those
    too let the refitted 0-1 bias rise and cost MAC-Dev held out 0.941 -> 0.936 (eight false 0-1 beads).
    The mirror rule for 1-0 beads (beside 3-1, 4-1) was dropped: it broke up the untranslated tails of
    partial translations (``--scorer lexical``, MAC-Dev first 40 beads: 156 -> 146 kept beads found)."""
    types = [(i1 - i0, j1 - j0) for i0, i1, j0, j1 in path]
    total = len(types) + SKIP_SMOOTHING * len(BEAD_TYPES)
    zh_only = types.count((1, 0))
    en_only = 0
    k = 0
    while k < len(types):
        if types[k] != (0, 1):
            k += 1
            continue
        end = k + 1  # a run of 0-1 beads, bordered by beads[k - 1] and beads[end]
        while end < len(types) and types[end] == (0, 1):
            end += 1
        neighbours = types[max(k - 1, 0) : k] + types[end : end + 1]
        if end - k >= PARTIAL_RUN or not any(zh and en - zh >= EXPANSION for zh, en in neighbours):
            en_only += end - k
        k = end
    first, second = (math.log((count + SKIP_SMOOTHING) / total) for count in (zh_only, en_only))
    return first, second


EXPANSION = 2  # English sentences more than Chinese that make a bead an expansion (1-3, 2-4, 1-5 …)


def with_skip_prior(lattice: Lattice, log_rates: tuple[float, float], model: Model) -> Lattice:
    shifts = np.zeros((len(lattice.types), 1), dtype=np.float32)
    for skip_type, rate, reference in zip(SKIP_TYPES, log_rates, model.skip_reference, strict=True):
        if skip_type in lattice.types:
            shifts[lattice.types.index(skip_type)] = model.skip_prior * (rate - reference)
    return Lattice(lattice.band, lattice.types, lattice.flat + shifts)


def unaligned(zh_count: int, en_count: int) -> list[Bead]:
    """One empty side: every sentence of the other side is its own unaligned bead."""
    return [Bead((i,), (), 0.0) for i in range(zh_count)] + [Bead((), (j,), 0.0) for j in range(en_count)]


def bead_posteriors(lattice: Lattice, path: Sequence[tuple[int, int, int, int]], temperature: float) -> list[float]:
    """P(bead is in the alignment) under the lattice's scores divided by ``temperature``."""
    return path_posteriors(Lattice(lattice.band, lattice.types, lattice.flat / temperature), path)


def calibrated(posterior: float, calibration: tuple[float, float]) -> float:
    """Logistic regression on the posterior's log-odds, fitted on held-out dev beads."""
    p = min(max(posterior, 1e-6), 1 - 1e-6)
    slope, intercept = calibration
    return 1.0 / (1.0 + math.exp(-(slope * math.log(p / (1 - p)) + intercept)))


def _diagonal_path(n: int, m: int) -> list[tuple[int, int, int, int]]:
    """Without sentence vectors (length-only alignment) the band starts around the diagonal."""
    path, j = [], 0
    for i in range(1, n + 1):
        target = round(i * m / n)
        path.append((i - 1, i, j, target))
        j = target
    return path


def coarse_to_fine(zh: Vectors, en: Vectors) -> list[tuple[int, int, int, int]]:
    """A rough path from unit sentence vectors, in time and memory linear in the document length."""
    n, m = len(zh), len(en)
    if n * m <= FULL_GRID_CELLS or min(n, m) < 16:
        band = Band.full(n, m)
    else:
        zh, en = _dense(zh), _dense(en)
        coarse = coarse_to_fine(_halve(zh), _halve(en))
        cells = [(min(2 * i, n), min(2 * j, m)) for _i0, i, _j0, j in coarse] + [(0, 0)]
        band = Band.around_path(cells, n, m, margin=6)
    threshold = _match_threshold(zh, en)
    zh_norms = {d: np.maximum(v, 1e-9) for d, v in window_norms(zh, 2).items()}
    en_norms = {d: np.maximum(v, 1e-9) for d, v in window_norms(en, 2).items()}

    def score(block: Block) -> np.ndarray:
        out = np.zeros((len(FIRST_PASS_TYPES), len(block.i)))
        dots = window_pair_dots(zh, en, block, FIRST_PASS_TYPES)
        for t, (di, dj) in enumerate(FIRST_PASS_TYPES):
            if di and dj:
                cosines = dots[(di, dj)] / (zh_norms[di][block.i] * en_norms[dj][block.j])
                out[t] = (cosines - threshold) * (di + dj) / 2
        return out

    return viterbi(Lattice.build(band, FIRST_PASS_TYPES, score))


FIRST_PASS_DIMENSIONS = 256


def _projected(zh: Vectors, en: Vectors) -> tuple[Vectors, Vectors]:
    """A fixed random projection to fewer dimensions: cosines are nearly kept (Johnson–Lindenstrauss),
    and a rough first path needs no more, at a fraction of the cost. Sparse vectors are made dense a
    chunk of rows at a time, so their dense matrix is never held whole."""
    if zh.shape[1] <= FIRST_PASS_DIMENSIONS or len(zh) * len(en) <= FULL_GRID_CELLS:
        return _unit_rows(zh), _unit_rows(en)
    projection = _projection(zh.shape[1])

    def project(rows: np.ndarray) -> np.ndarray:
        return rows @ projection

    return _unit(chunked_rows(zh, project)), _unit(chunked_rows(en, project))


@lru_cache(maxsize=4)
def _projection(dimensions: int) -> np.ndarray:
    return np.random.default_rng(7).normal(size=(dimensions, FIRST_PASS_DIMENSIONS)).astype(np.float32)


def _unit_rows(vectors: Vectors) -> Vectors:
    """Unit-length rows; sparse rows stay sparse (the first pass on the whole grid reads them sparse, as
    the second pass does), with the same float32 values as the dense rows would have."""
    if not isinstance(vectors, SparseRows):
        return _unit(vectors)
    norms = chunked_rows(vectors, lambda rows: np.linalg.norm(rows, axis=1))
    return vectors.scaled_rows(np.maximum(norms, 1e-9))


def _dense(vectors: Vectors) -> np.ndarray:
    return vectors.dense() if isinstance(vectors, SparseRows) else vectors


def _unit(vectors: np.ndarray) -> np.ndarray:
    return (vectors / np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-9)).astype(np.float32)


def _halve(vectors: np.ndarray) -> np.ndarray:
    """Average neighbouring pairs of sentences (an odd last one stays alone), then renormalise."""
    if len(vectors) % 2:
        vectors = np.vstack([vectors, np.zeros((1, vectors.shape[1]), dtype=vectors.dtype)])
    pairs = vectors[0::2] + vectors[1::2]
    return (pairs / np.maximum(np.linalg.norm(pairs, axis=1, keepdims=True), 1e-9)).astype(np.float32)


def _match_threshold(zh: Vectors, en: Vectors) -> float:
    """Halfway-ish between the similarity of random pairs and that of each sentence's best match."""
    rng = np.random.default_rng(0)
    zh_sample = _rows(zh, rng.choice(len(zh), size=min(200, len(zh)), replace=False))
    en_sample = _rows(en, rng.choice(len(en), size=min(200, len(en)), replace=False))
    sims = zh_sample @ en_sample.T
    random_level = float(np.median(sims))
    best_level = float(np.median(sims.max(axis=1))) if len(zh) <= 200 else float(np.quantile(sims, 0.99))
    return random_level + 0.3 * (best_level - random_level)


def _rows(vectors: Vectors, rows: np.ndarray) -> np.ndarray:
    return vectors.take(rows) if isinstance(vectors, SparseRows) else vectors[rows]


def settings_of(scorers: Sequence[Scorer], model: Model) -> dict[str, Any]:
    settings: dict[str, Any] = {"scorers": "+".join(s.name for s in scorers), "model_weights": model.name}
    for scorer in scorers:
        settings.update(scorer.settings())
    return settings
