"""Best path of beads through a band of the (zh, en) grid, vectorised row by row, in linear memory.

The grid has a node (i, j) for "the first i Chinese and j English sentences are aligned". A bead of
type (di, dj) is an edge (i - di, j - dj) → (i, j) with a score; the alignment is the path from
(0, 0) to (n, m) with the highest total score. Only cells inside a band (per row, columns
``lo[i]..hi[i]``) exist, so memory grows with n × band width, never n × m.

Each row is computed with a handful of numpy operations per bead type over the whole row. Skipping
English sentences (0-1 beads) chains inside a row: V[j] = max(X[j], V[j-1] + s[j]), solved without a
Python loop as V = C + cummax(X - C) with C the running sum of the skip scores. The same structure
with log-sum-exp in place of max gives the forward and backward passes of the bead posteriors.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

import numpy as np

from bitext.scorers.base import BeadType, Block

NEG = -np.inf


@dataclass(frozen=True)
class Band:
    """Per row i (0..n) the inclusive column range lo[i]..hi[i]; rows overlap so a path always exists."""

    lo: np.ndarray
    hi: np.ndarray

    @property
    def rows(self) -> int:
        return len(self.lo)

    @property
    def offsets(self) -> np.ndarray:
        """Start of each row's cells in a flat array of all cells of the band."""
        return np.concatenate([[0], np.cumsum(self.hi - self.lo + 1)])

    @property
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
        lo_wide = np.array([lo[max(0, i - margin) : i + margin + 1].min() for i in range(n + 1)]) - margin
        hi_wide = np.array([hi[max(0, i - margin) : i + margin + 1].max() for i in range(n + 1)]) + margin
        lo_wide = np.clip(lo_wide, 0, m)
        hi_wide = np.clip(hi_wide, 0, m)
        lo_wide[0], hi_wide[-1] = 0, m
        return cls(lo_wide.astype(np.int64), hi_wide.astype(np.int64))


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


@dataclass
class Lattice:
    """The band with every bead score stored (float32), ready for Viterbi and forward–backward."""

    band: Band
    types: tuple[BeadType, ...]
    scores: list[np.ndarray]  # per row: (types, cells of that row)

    @classmethod
    def build(cls, band: Band, types: Sequence[BeadType], scorer: BlockScorer, rows_per_block: int = 64) -> Lattice:
        rows: list[np.ndarray] = []
        for block in blocks(band, rows_per_block):
            block_scores = scorer(block).astype(np.float32)
            _mask_impossible(block_scores, block, types)
            rows.extend(block_scores[:, block.offsets[k] : block.offsets[k + 1]] for k in range(block.r1 - block.r0))
        return cls(band, tuple(types), rows)


def _mask_impossible(scores: np.ndarray, block: Block, types: Sequence[BeadType]) -> None:
    for t, (di, dj) in enumerate(types):
        scores[t, (block.i < di) | (block.j < dj)] = NEG


def _shifted(values: np.ndarray, lo: int, start: int, length: int) -> np.ndarray:
    """``values`` (covering columns lo..) read at columns start..start+length-1, -inf outside."""
    out = np.full(length, NEG)
    a = max(start, lo)
    b = min(start + length, lo + len(values))
    if a < b:
        out[a - start : b - start] = values[a - lo : b - lo]
    return out


def viterbi(lattice: Lattice) -> list[tuple[int, int, int, int]]:
    """Highest-scoring path as (i0, i1, j0, j1) beads, in order."""
    band, types = lattice.band, lattice.types
    skip = types.index((0, 1)) if (0, 1) in types else -1
    best: list[np.ndarray] = []
    back: list[np.ndarray] = []
    for i in range(band.rows):
        lo, width = int(band.lo[i]), int(band.hi[i] - band.lo[i] + 1)
        row_scores = lattice.scores[i]
        x = np.full(width, NEG)
        arg = np.full(width, -1, dtype=np.int8)
        if i == 0:
            x[0 - lo] = 0.0  # lo[0] is always 0: the start node
        for t, (di, dj) in enumerate(types):
            if di == 0 or di > i:
                continue
            candidate = _shifted(best[i - di], int(band.lo[i - di]), lo - dj, width) + row_scores[t]
            better = candidate > x
            x = np.where(better, candidate, x)
            arg = np.where(better, t, arg)
        if skip >= 0:
            x, arg = _chain_skips_max(x, arg, row_scores[skip], skip)
        best.append(x)
        back.append(arg)
    return _trace(back, band, types)


def _chain_skips_max(
    x: np.ndarray, arg: np.ndarray, skip_scores: np.ndarray, skip: int
) -> tuple[np.ndarray, np.ndarray]:
    running = np.cumsum(_finite(skip_scores))
    relative = x - running
    best_so_far = np.maximum.accumulate(relative)
    from_skip = relative < best_so_far
    return running + best_so_far, np.where(from_skip, skip, arg).astype(np.int8)


def _trace(back: list[np.ndarray], band: Band, types: Sequence[BeadType]) -> list[tuple[int, int, int, int]]:
    i, j = band.rows - 1, int(band.hi[-1])
    path = []
    while (i, j) != (0, 0):
        t = int(back[i][j - band.lo[i]])
        if t < 0:
            raise RuntimeError(f"no path reaches cell ({i}, {j}); the band is disconnected")
        di, dj = types[t]
        path.append((i - di, i, j - dj, j))
        i, j = i - di, j - dj
    path.reverse()
    return path


def _logcumsumexp(values: np.ndarray) -> np.ndarray:
    return np.logaddexp.accumulate(values) if len(values) else values


def forward(lattice: Lattice) -> list[np.ndarray]:
    """log of the summed exp-scores of all paths from (0, 0) to each cell."""
    band, types = lattice.band, lattice.types
    skip = types.index((0, 1)) if (0, 1) in types else -1
    alpha: list[np.ndarray] = []
    for i in range(band.rows):
        lo, width = int(band.lo[i]), int(band.hi[i] - band.lo[i] + 1)
        row_scores = lattice.scores[i]
        x = np.full(width, NEG)
        if i == 0:
            x[0] = 0.0
        for t, (di, dj) in enumerate(types):
            if di == 0 or di > i:
                continue
            x = np.logaddexp(x, _shifted(alpha[i - di], int(band.lo[i - di]), lo - dj, width) + row_scores[t])
        if skip >= 0:
            running = np.cumsum(_finite(row_scores[skip]))
            x = running + _logcumsumexp(x - running)
        alpha.append(x)
    return alpha


def backward(lattice: Lattice) -> list[np.ndarray]:
    """log of the summed exp-scores of all paths from each cell to (n, m)."""
    band, types = lattice.band, lattice.types
    skip = types.index((0, 1)) if (0, 1) in types else -1
    rows = band.rows
    beta: list[np.ndarray | None] = [None] * rows
    for i in range(rows - 1, -1, -1):
        lo, width = int(band.lo[i]), int(band.hi[i] - band.lo[i] + 1)
        y = np.full(width, NEG)
        if i == rows - 1:
            y[int(band.hi[i]) - lo] = 0.0
        for t, (di, dj) in enumerate(types):
            if di == 0 or i + di >= rows:
                continue
            nxt = beta[i + di]
            assert nxt is not None
            n_lo = int(band.lo[i + di])
            following = nxt + lattice.scores[i + di][t]
            y = np.logaddexp(y, _shifted(following, n_lo, lo + dj, width))
        if skip >= 0:
            # beta[j] = logaddexp(y[j], s(j+1) + beta[j+1]): the forward recurrence run right to left.
            steps = np.append(_finite(lattice.scores[i][skip][1:]), 0.0)
            running = np.cumsum(steps[::-1])
            rev = y[::-1]
            y = (running + _logcumsumexp(rev - running))[::-1]
        beta[i] = y
    return [b for b in beta if b is not None]


def _finite(scores: np.ndarray) -> np.ndarray:
    """Skip scores for a running sum: the only impossible skip is the one into column 0 (never used as a
    step), and an infinity there would turn the whole sum into nan."""
    return np.nan_to_num(scores.astype(np.float64), neginf=-1e4, posinf=1e4)


def cell_posteriors(lattice: Lattice) -> tuple[list[np.ndarray], float]:
    """P(bead of type t ends at cell (i, j)) for every bead of the lattice, per row as (types, cells of the
    row), and log Z (the log-sum of the exp-scores of all paths). Beads that cannot occur have 0."""
    band, types = lattice.band, lattice.types
    alpha, beta = forward(lattice), backward(lattice)
    log_z = float(alpha[-1][int(band.hi[-1] - band.lo[-1])])
    rows = []
    for i in range(band.rows):
        lo, width = int(band.lo[i]), int(band.hi[i] - band.lo[i] + 1)
        out = np.zeros((len(types), width))
        for t, (di, dj) in enumerate(types):
            if di > i:
                continue
            start = _shifted(alpha[i - di], int(band.lo[i - di]), lo - dj, width)
            with np.errstate(invalid="ignore"):  # -inf + inf never happens; -inf - finite is -inf
                log_p = start + lattice.scores[i][t] + beta[i] - log_z
            out[t] = np.exp(np.minimum(np.nan_to_num(log_p, nan=NEG), 0.0))
        rows.append(out)
    return rows, log_z
