"""Best path of beads through a band of the (zh, en) grid, vectorised row by row, in linear memory.

The grid has a node (i, j) for "the first i Chinese and j English sentences are aligned". A bead of
type (di, dj) is an edge (i - di, j - dj) → (i, j) with a score; the alignment is the path from
(0, 0) to (n, m) with the highest total score. Only cells inside a band (per row, columns
``lo[i]..hi[i]``) exist, so memory grows with n × band width, never n × m.

Scores and path values are flat arrays over the band's cells (row i from ``band.offsets[i]``). Each row
is computed with a handful of numpy operations over all its cells and all row-advancing bead types at
once: the flat index of every bead's start cell is computed per chunk of rows, so a row is one gather
and one max (or log-sum-exp) down the bead-type axis. Skipping
English sentences (0-1 beads) chains inside a row: V[j] = max(X[j], V[j-1] + s[j]), solved without a
Python loop as V = C + cummax(X - C) with C the running sum of the skip scores. The same structure
with log-sum-exp in place of max gives the forward and backward passes of the bead posteriors.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property
from types import ModuleType

import numpy as np

from bitext.scorers.base import BeadType, Block

NEG = -np.inf


# The row loops of Viterbi, forward and backward in C (``_search.c``), built by setup.py when a compiler is
# there; without it, or with the environment variable BITEXT_PURE_PYTHON set (not to "" or "0"), the numpy
# loops below run. Same paths and beads either way (design.md, "Search").
def _load_compiled() -> ModuleType | None:
    if os.environ.get("BITEXT_PURE_PYTHON", "") not in ("", "0"):
        return None
    try:
        from bitext.align import _search
    except ImportError:
        return None
    return _search


_compiled = _load_compiled()

KERNEL = "numpy" if _compiled is None else "c"


@dataclass(frozen=True)
class Band:
    """Per row i (0..n) the inclusive column range lo[i]..hi[i]; rows overlap so a path always exists."""

    lo: np.ndarray
    hi: np.ndarray

    @property
    def rows(self) -> int:
        return len(self.lo)

    @cached_property
    def offsets(self) -> np.ndarray:
        """Start of each row's cells in a flat array of all cells of the band."""
        return np.concatenate([[0], np.cumsum(self.hi - self.lo + 1)])

    @cached_property
    def cells(self) -> int:
        return int((self.hi - self.lo + 1).sum())

    @classmethod
    def full(cls, n: int, m: int) -> Band:
        return cls(np.zeros(n + 1, dtype=np.int64), np.full(n + 1, m, dtype=np.int64))

    @classmethod
    def around_path(cls, path_cells: Sequence[tuple[int, int]], n: int, m: int, margin: int) -> Band:
        """Every cell within ``margin`` columns (and rows) of a path through the grid."""
        lo = np.full(n + 1, m, dtype=np.int64)
        hi = np.zeros(n + 1, dtype=np.int64)
        for i, j in path_cells:
            lo[i] = min(lo[i], j)
            hi[i] = max(hi[i], j)
        return cls.from_ranges(lo, hi, n, m, margin)

    @classmethod
    def from_ranges(cls, lo: np.ndarray, hi: np.ndarray, n: int, m: int, margin: int) -> Band:
        """Widen per-row ranges by ``margin`` rows and columns, made monotone and connected."""
        lo = np.minimum.accumulate(lo[::-1])[::-1]
        hi = np.maximum.accumulate(hi)
        # A row the path jumps over (a 2-1 bead) gets the whole gap between the rows around it.
        lo, hi = np.minimum(lo, hi), np.maximum(lo, hi)
        lo_wide = _sliding(lo, margin, np.min, np.iinfo(np.int64).max) - margin
        hi_wide = _sliding(hi, margin, np.max, np.iinfo(np.int64).min) + margin
        lo_wide = np.clip(lo_wide, 0, m)
        hi_wide = np.clip(hi_wide, 0, m)
        lo_wide[0], hi_wide[-1] = 0, m
        return cls(lo_wide.astype(np.int64), hi_wide.astype(np.int64))


def _sliding(values: np.ndarray, margin: int, reduce: Callable[..., np.ndarray], pad: int) -> np.ndarray:
    """``reduce`` of ``values[i - margin : i + margin + 1]`` (cut at the ends) for every i."""
    padded = np.concatenate([np.full(margin, pad), values.astype(np.int64), np.full(margin, pad)])
    return reduce(np.lib.stride_tricks.sliding_window_view(padded, 2 * margin + 1), axis=1)


def blocks(band: Band, rows_per_block: int = 64) -> Iterator[Block]:
    for r0 in range(0, band.rows, rows_per_block):
        r1 = min(band.rows, r0 + rows_per_block)
        widths = band.hi[r0:r1] - band.lo[r0:r1] + 1
        offsets = np.concatenate([[0], np.cumsum(widths)])
        i = np.repeat(np.arange(r0, r1), widths)
        j = np.arange(offsets[-1]) - np.repeat(offsets[:-1], widths) + np.repeat(band.lo[r0:r1], widths)
        yield Block(r0, r1, i, j, offsets)


# Scores of every bead type for the cells of a block: array (types, cells), -inf where impossible.
BlockScorer = Callable[[Block], np.ndarray]

# Rows are processed in chunks this tall when the neighbour cells of every bead are looked up: one
# vectorised computation per chunk, memory bounded by the chunk, not by the document.
_STEP_CHUNK = 256


@dataclass
class Lattice:
    """The band with every bead score stored (float32), ready for Viterbi and forward–backward.

    ``flat`` holds the scores of all cells of the band, shape (types, cells), row i at columns
    ``band.offsets[i]`` to ``band.offsets[i + 1]``."""

    band: Band
    types: tuple[BeadType, ...]
    flat: np.ndarray

    @classmethod
    def build(cls, band: Band, types: Sequence[BeadType], scorer: BlockScorer, rows_per_block: int = 64) -> Lattice:
        parts: list[np.ndarray] = []
        for block in blocks(band, rows_per_block):
            block_scores = scorer(block).astype(np.float32)
            _mask_impossible(block_scores, block, types)
            parts.append(block_scores)
        return cls(band, tuple(types), np.concatenate(parts, axis=1))

    def within(self, i0: int, i1: int, j0: int, j1: int) -> Lattice:
        """The part of the lattice inside the rectangle (i0, j0)–(i1, j1), as a lattice of its own (node
        (i0, j0) becomes (0, 0)); beads that would start outside the rectangle are impossible. Both corners
        must be cells of the band."""
        band = self.band
        lo = np.maximum(band.lo[i0 : i1 + 1], j0) - j0
        hi = np.minimum(band.hi[i0 : i1 + 1], j1) - j0
        if lo[0] != 0 or hi[-1] != j1 - j0 or (lo > hi).any():
            raise ValueError(f"the band does not join ({i0}, {j0}) to ({i1}, {j1})")
        part = Band(lo.astype(np.int64), hi.astype(np.int64))
        rows = np.repeat(np.arange(part.rows), hi - lo + 1)
        columns = np.arange(part.cells) - np.repeat(part.offsets[:-1], hi - lo + 1) + np.repeat(lo, hi - lo + 1)
        cells = band.offsets[rows + i0] + columns + j0 - band.lo[rows + i0]
        flat = self.flat[:, cells]
        for t, (di, dj) in enumerate(self.types):
            flat[t, (rows < di) | (columns < dj)] = NEG
        return Lattice(part, self.types, flat)


def _mask_impossible(scores: np.ndarray, block: Block, types: Sequence[BeadType]) -> None:
    for t, (di, dj) in enumerate(types):
        scores[t, (block.i < di) | (block.j < dj)] = NEG


class _Steps:
    """For the bead types that advance a row (every type but 0-1), the flat index of the cell a bead
    starts from (``direction`` -1: predecessors) or ends at (+1: successors), for every cell of a chunk
    of rows, and whether that cell is in the band.

    Given the lattice's scores, a chunk also holds what the row loops would otherwise gather row by row:
    the scores of those beads (-inf outside the band) and the running sums of the 0-1 (skip) scores
    along each row, as each loop adds them (left to right for the forward passes, right to left
    backward), so every row is a few numpy operations. The sums are the same sequential sums as a
    one-row ``cumsum``, to the bit: a 2-D ``cumsum`` along rows padded at their ends."""

    def __init__(self, band: Band, types: Sequence[BeadType], direction: int, flat: np.ndarray | None = None):
        self.band = band
        self.direction = direction
        self.moves = np.array([t for t, (di, _dj) in enumerate(types) if di > 0], dtype=np.int64)
        self.di = np.array([types[t][0] for t in self.moves], dtype=np.int64)
        self.dj = np.array([types[t][1] for t in self.moves], dtype=np.int64)
        self.offsets = band.offsets
        self.flat = flat
        self.skip = _skip_type(types)
        self._chunk: tuple[int, int, np.ndarray, np.ndarray, np.ndarray] | None = None

    def row(self, i: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(flat indices, scores of the beads, running skip sums) of row i: (moves, cells) twice, then (cells,).
        Needs the scores (``flat``)."""
        r0 = i - i % _STEP_CHUNK
        if self._chunk is None or self._chunk[0] != r0:
            self._chunk = (r0, *self._scored_chunk(r0, min(self.band.rows, r0 + _STEP_CHUNK)))
        _r0, base, index, scores, running = self._chunk
        a, b = self.offsets[i] - base, self.offsets[i + 1] - base
        return index[:, a:b], scores[:, a:b], running[i - r0, : b - a]

    def _scored_chunk(self, r0: int, r1: int) -> tuple[int, np.ndarray, np.ndarray, np.ndarray]:
        assert self.flat is not None
        flat, offsets = self.flat, self.offsets
        base, index, inside = self.chunk(r0, r1)
        a, b = offsets[r0], offsets[r1]
        if self.direction < 0:
            scores = np.where(inside, flat[self.moves, a:b], NEG)
        else:
            scores = np.where(inside, flat[self.moves[:, None], index], NEG)
        widths = self.band.hi[r0:r1] - self.band.lo[r0:r1] + 1
        if self.skip >= 0 and self.direction < 0 and len(widths) and (widths == widths[0]).all():
            # Rows all as wide (the whole grid of a first pass): the scores are the padded rows already.
            running = np.cumsum(_finite(flat[self.skip, a:b]).reshape(r1 - r0, int(widths[0])), axis=1)
            return base, index, scores, running
        padded = np.zeros((r1 - r0, int(widths.max()) if len(widths) else 0))
        if self.skip >= 0:
            rows = np.repeat(np.arange(r1 - r0), widths)
            position = np.arange(b - a) - np.repeat(offsets[r0:r1] - a, widths)
            skips = _finite(flat[self.skip, a:b])
            if self.direction < 0:
                padded[rows, position] = skips
            else:
                # Right to left: the row's first term is 0, then the skip into its last cell, and so on;
                # the skip into the row's first cell is never taken.
                reverse = np.repeat(widths, widths) - position
                keep = reverse < np.repeat(widths, widths)
                padded[rows[keep], reverse[keep]] = skips[keep]
        return base, index, scores, np.cumsum(padded, axis=1)

    def chunk(self, r0: int, r1: int) -> tuple[int, np.ndarray, np.ndarray]:
        """(first flat cell, flat indices, in-band mask) for every cell of rows r0..r1-1.

        Per row and bead type the other end's row is fixed, so the columns whose other end is in the
        band are one range and its flat index is the column plus a constant: worked out per row, then
        spread over the row's cells."""
        band, offsets = self.band, self.offsets
        widths = band.hi[r0:r1] - band.lo[r0:r1] + 1
        other_rows = np.arange(r0, r1)[None, :] + self.direction * self.di[:, None]
        valid = (other_rows >= 0) & (other_rows < band.rows)
        safe_rows = np.clip(other_rows, 0, band.rows - 1)
        lo, hi = band.lo[safe_rows], band.hi[safe_rows]
        shift = self.direction * self.dj[:, None]  # other end's column minus this cell's
        # The three per-row quantities spread over the rows' cells in one repeat.
        per_row = np.stack(
            [np.where(valid, lo - shift, 1), np.where(valid, hi - shift, 0), offsets[safe_rows] - lo + shift]
        )
        first, last, start = np.repeat(per_row, widths, axis=2)
        row_starts = offsets[r0:r1] - offsets[r0]
        columns = np.arange(offsets[r1] - offsets[r0]) + np.repeat(band.lo[r0:r1] - row_starts, widths)
        inside = (columns >= first) & (columns <= last)
        index = np.where(inside, start + columns, 0)
        return int(offsets[r0]), index, inside


def _skip_type(types: Sequence[BeadType]) -> int:
    return types.index((0, 1)) if (0, 1) in types else -1


# The compiled loops' arguments: lo, hi, offsets, scores, scores are float64, di, dj, index of the 0-1 type.
_KernelArgs = tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, bool, np.ndarray, np.ndarray, int]


def _kernel_args(lattice: Lattice) -> _KernelArgs | None:
    """The compiled loops' arguments for this lattice (C-contiguous arrays of the dtypes they read), or None
    when they cannot run it (no extension; scores of another dtype; no bead type that advances a row)."""
    types, flat = lattice.types, lattice.flat
    if _compiled is None or flat.dtype not in (np.float32, np.float64) or not 0 < len(types) <= 64:
        return None
    if all(di == 0 for di, _dj in types):
        return None
    band = lattice.band
    return (
        np.ascontiguousarray(band.lo, dtype=np.int64),
        np.ascontiguousarray(band.hi, dtype=np.int64),
        np.ascontiguousarray(band.offsets, dtype=np.int64),
        np.ascontiguousarray(flat),
        bool(flat.dtype == np.float64),
        np.array([di for di, _dj in types], dtype=np.int64),
        np.array([dj for _di, dj in types], dtype=np.int64),
        _skip_type(types),
    )


def viterbi(lattice: Lattice) -> list[tuple[int, int, int, int]]:
    """Highest-scoring path as (i0, i1, j0, j1) beads, in order."""
    args = _kernel_args(lattice)
    if args is None:
        back = _viterbi_back_numpy(lattice)
    else:
        assert _compiled is not None
        back = np.empty(lattice.band.cells, dtype=np.int8)
        _compiled.viterbi_back(*args, back)
    return _trace(back, lattice.band, lattice.types)


def _viterbi_back_numpy(lattice: Lattice) -> np.ndarray:
    """Per cell of the band, the bead type of the best path's last bead into it (-1: none), numpy loops."""
    band, types, flat = lattice.band, lattice.types, lattice.flat
    skip = _skip_type(types)
    steps = _Steps(band, types, -1, flat)
    offsets = band.offsets
    best = np.full(band.cells, NEG)
    # The back pointers are put together after the loop from what each row decided: the best bead type
    # arriving from an earlier row, whether any could arrive, and whether a 0-1 bead did better.
    pick = np.zeros(band.cells, dtype=np.int8)
    arrived = np.full(band.cells, NEG)  # best score arriving from an earlier row (before 0-1 beads)
    skipped = np.zeros(band.cells, dtype=bool)
    for i in range(band.rows):
        a, b = offsets[i], offsets[i + 1]
        index, scores, running = steps.row(i)
        candidates = best[index] + scores
        # argmax keeps the first of equal candidates: ties go to the earlier bead type.
        pick[a:b] = candidates.argmax(axis=0)
        x = candidates.max(axis=0)
        arrived[a:b] = x
        if i == 0:
            x[0] = 0.0  # lo[0] is always 0: the start node
        if skip >= 0:
            # V[j] = max(X[j], V[j-1] + s[j]) as V = C + cummax(X - C), C the running sum of skip scores.
            relative = x - running
            best_so_far = np.maximum.accumulate(relative)
            skipped[a:b] = relative < best_so_far
            x = running + best_so_far
        best[a:b] = x
    reached = arrived > NEG
    reached[0] = False  # the start node
    moves = steps.moves.astype(np.int8)
    return np.where(skipped, skip, np.where(reached, moves[pick], -1)).astype(np.int8)


def _trace(back: np.ndarray, band: Band, types: Sequence[BeadType]) -> list[tuple[int, int, int, int]]:
    offsets = band.offsets
    i, j = band.rows - 1, int(band.hi[-1])
    path = []
    while (i, j) != (0, 0):
        t = int(back[offsets[i] + j - band.lo[i]])
        if t < 0:
            raise RuntimeError(f"no path reaches cell ({i}, {j}); the band is disconnected")
        di, dj = types[t]
        path.append((i - di, i, j - dj, j))
        i, j = i - di, j - dj
    path.reverse()
    return path


def _logcumsumexp(values: np.ndarray) -> np.ndarray:
    return np.logaddexp.accumulate(values) if len(values) else values


def _logsumexp_columns(values: np.ndarray) -> np.ndarray:
    """log Σ exp over axis 0, -inf where a column is all -inf (call under ``np.errstate(divide="ignore")``:
    the log of that column's 0)."""
    top = values.max(axis=0)
    # An all -inf column is shifted by a finite amount instead of its -inf top; it stays -inf whatever the
    # shift (np.maximum: one call where np.where(np.isfinite(top), top, 0.0) took two).
    shift = np.maximum(top, -1e300)
    return np.log(np.exp(values - shift).sum(axis=0)) + shift


def forward(lattice: Lattice) -> np.ndarray:
    """log of the summed exp-scores of all paths from (0, 0) to each cell, flat over the band."""
    args = _kernel_args(lattice)
    if args is None:
        return _forward_numpy(lattice)
    assert _compiled is not None
    alpha = np.empty(lattice.band.cells)
    _compiled.forward_sums(*args, alpha)
    return alpha


def _forward_numpy(lattice: Lattice) -> np.ndarray:
    band, types, flat = lattice.band, lattice.types, lattice.flat
    skip = _skip_type(types)
    steps = _Steps(band, types, -1, flat)
    offsets = band.offsets
    alpha = np.full(band.cells, NEG)
    with np.errstate(divide="ignore"):  # once, not per row: entering it costs as much as a row's sums
        for i in range(band.rows):
            a, b = offsets[i], offsets[i + 1]
            index, scores, running = steps.row(i)
            x = _logsumexp_columns(alpha[index] + scores)
            if i == 0:
                x[0] = 0.0
            if skip >= 0:
                x = running + _logcumsumexp(x - running)
            alpha[a:b] = x
    return alpha


def backward(lattice: Lattice) -> np.ndarray:
    """log of the summed exp-scores of all paths from each cell to (n, m), flat over the band."""
    args = _kernel_args(lattice)
    if args is None:
        return _backward_numpy(lattice)
    assert _compiled is not None
    beta = np.empty(lattice.band.cells)
    _compiled.backward_sums(*args, beta)
    return beta


def _backward_numpy(lattice: Lattice) -> np.ndarray:
    band, types, flat = lattice.band, lattice.types, lattice.flat
    skip = _skip_type(types)
    steps = _Steps(band, types, +1, flat)
    offsets = band.offsets
    beta = np.full(band.cells, NEG)
    with np.errstate(divide="ignore"):
        for i in range(band.rows - 1, -1, -1):
            a, b = offsets[i], offsets[i + 1]
            index, scores, running = steps.row(i)
            y = _logsumexp_columns(beta[index] + scores)
            if i == band.rows - 1:
                y[-1] = 0.0  # hi[-1] is always m: the end node
            if skip >= 0:
                # beta[j] = logaddexp(y[j], s(j+1) + beta[j+1]): the forward recurrence run right to left.
                y = (running + _logcumsumexp(y[::-1] - running))[::-1]
            beta[a:b] = y
    return beta


def _finite(scores: np.ndarray) -> np.ndarray:
    """Skip scores for a running sum: the only impossible skip is the one into column 0 (never used as a
    step), and an infinity there would turn the whole sum into nan. (np.maximum rather than
    np.nan_to_num: the same for the -inf that occurs, five times faster per row.)"""
    return np.maximum(scores.astype(np.float64), -1e4)


def _log_z(alpha: np.ndarray) -> float:
    return float(alpha[-1])  # the last cell of the band is (n, m)


def path_posteriors(lattice: Lattice, path: Sequence[tuple[int, int, int, int]]) -> list[float]:
    """P(bead) for the beads of one path: forward–backward, read at those beads only."""
    band, types = lattice.band, lattice.types
    alpha, beta = forward(lattice), backward(lattice)
    log_z = _log_z(alpha)
    offsets, lo = band.offsets, band.lo
    result = []
    for i0, i1, j0, j1 in path:
        start, end = offsets[i0] + j0 - lo[i0], offsets[i1] + j1 - lo[i1]
        log_p = alpha[start] + lattice.flat[types.index((i1 - i0, j1 - j0)), end] + beta[end] - log_z
        result.append(float(np.exp(min(log_p, 0.0))))
    return result


def cell_posteriors(lattice: Lattice) -> tuple[np.ndarray, float]:
    """P(bead of type t ends at cell c) for every bead of the lattice, as (types, cells of the band), and
    log Z (the log-sum of the exp-scores of all paths). Beads that cannot occur have 0."""
    band, types, flat = lattice.band, lattice.types, lattice.flat
    alpha, beta = forward(lattice), backward(lattice)
    log_z = _log_z(alpha)
    out = np.zeros(flat.shape)
    steps = _Steps(band, types, -1)
    offsets = band.offsets
    for r0 in range(0, band.rows, _STEP_CHUNK):
        r1 = min(band.rows, r0 + _STEP_CHUNK)
        a, b = offsets[r0], offsets[r1]
        _base, index, inside = steps.chunk(r0, r1)
        start = np.where(inside, alpha[index], NEG)
        with np.errstate(invalid="ignore"):  # -inf + inf never happens; -inf - finite is -inf
            log_p = start + flat[steps.moves, a:b] + beta[a:b] - log_z
            out[steps.moves, a:b] = np.exp(np.minimum(np.nan_to_num(log_p, nan=NEG), 0.0))
    skip = _skip_type(types)
    if skip >= 0:
        # A 0-1 bead ends at (i, j) from (i, j - 1): the previous cell of the same row, if in the band.
        previous = np.concatenate([[NEG], alpha[:-1]])
        previous[offsets[:-1]] = NEG
        with np.errstate(invalid="ignore"):
            log_p = previous + flat[skip] + beta - log_z
            out[skip] = np.exp(np.minimum(np.nan_to_num(log_p, nan=NEG), 0.0))
    return out, log_z
