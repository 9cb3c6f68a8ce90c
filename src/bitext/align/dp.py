"""A banded dynamic programme over bead types, in memory linear in the document length.

The band follows the diagonal of the (zh, en) grid; cells outside it are never stored, so two
20,000-sentence documents need a few million cells, not 400 million.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

BeadCost = Callable[[int, int, int, int], float]
PathStep = tuple[int, int, int, int, float]


def band_width(zh_count: int, en_count: int) -> int:
    """Half-width of the band: wide enough for long runs of deletions, at most a few hundred."""
    return max(20, min(400, abs(zh_count - en_count) + max(zh_count, en_count) // 10 + 10))


def banded_dp(
    zh_count: int,
    en_count: int,
    bead_types: Sequence[tuple[int, int]],
    cost: BeadCost,
    width: int | None = None,
) -> list[PathStep]:
    """Minimum-cost monotone path of beads from (0, 0) to (zh_count, en_count).

    ``cost(i0, i1, j0, j1)`` is the cost of aligning zh[i0:i1] with en[j0:j1]. Returns the path as
    ``(i0, i1, j0, j1, cost)`` steps. Cells further than ``width`` from the diagonal are not visited.
    """
    width = width or band_width(zh_count, en_count)
    slope = en_count / zh_count if zh_count else 0.0

    def band(i: int) -> range:
        centre = round(i * slope)
        return range(max(0, centre - width), min(en_count, centre + width) + 1)

    best: list[dict[int, float]] = [dict() for _ in range(zh_count + 1)]
    back: list[dict[int, tuple[int, int]]] = [dict() for _ in range(zh_count + 1)]
    best[0][0] = 0.0
    for i in range(zh_count + 1):
        for j in _cells(i, band(i), zh_count, en_count):
            if i == 0 and j == 0:
                continue
            best_cost, best_from = math.inf, None
            for di, dj in bead_types:
                pi, pj = i - di, j - dj
                if pi < 0 or pj < 0:
                    continue
                previous = best[pi].get(pj)
                if previous is None:
                    continue
                total = previous + cost(pi, i, pj, j)
                if total < best_cost:
                    best_cost, best_from = total, (pi, pj)
            if best_from is not None:
                best[i][j] = best_cost
                back[i][j] = best_from
    if en_count not in best[zh_count]:
        raise RuntimeError("no path through the band; widen it")
    return _trace(best, back, zh_count, en_count)


def _cells(i: int, columns: range, zh_count: int, en_count: int) -> range:
    # The first and last rows must reach the corners whatever the band says.
    if i == 0:
        return range(0, max(columns.stop, 1))
    if i == zh_count:
        return range(min(columns.start, en_count), en_count + 1)
    return columns


def _trace(
    best: list[dict[int, float]], back: list[dict[int, tuple[int, int]]], zh_count: int, en_count: int
) -> list[PathStep]:
    path: list[PathStep] = []
    i, j = zh_count, en_count
    while (i, j) != (0, 0):
        pi, pj = back[i][j]
        path.append((pi, i, pj, j, best[i][j] - best[pi][pj]))
        i, j = pi, pj
    path.reverse()
    return path
