"""The banded dynamic programme against brute force on small grids: best path and bead posteriors."""

from __future__ import annotations

import math

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from bitext.align.search import Band, Lattice, backward, forward, viterbi
from bitext.scorers.base import Block

TYPES = ((1, 1), (1, 0), (0, 1), (1, 2), (2, 1), (2, 2))


def random_lattice(n: int, m: int, seed: int, band: Band | None = None) -> tuple[Lattice, dict]:
    rng = np.random.default_rng(seed)
    table: dict[tuple[int, int, int, int], float] = {}

    def scorer(block: Block) -> np.ndarray:
        out = np.zeros((len(TYPES), len(block.i)))
        for t, (di, dj) in enumerate(TYPES):
            for c, (i, j) in enumerate(zip(block.i, block.j, strict=True)):
                key = (int(i) - di, int(i), int(j) - dj, int(j))
                table.setdefault(key, float(rng.normal()))
                out[t, c] = table[key]
        return out

    return Lattice.build(band or Band.full(n, m), TYPES, scorer, rows_per_block=2), table


def by_row(values: np.ndarray, band: Band) -> list[np.ndarray]:
    """A flat array over the band's cells (last axis), cut into its rows."""
    return [values[..., band.offsets[i] : band.offsets[i + 1]] for i in range(band.rows)]


def all_paths(n: int, m: int, band: Band | None = None):
    def inside(i: int, j: int) -> bool:
        return band is None or band.lo[i] <= j <= band.hi[i]

    def extend(i: int, j: int):
        if (i, j) == (n, m):
            yield []
            return
        for di, dj in TYPES:
            if i + di <= n and j + dj <= m and inside(i + di, j + dj):
                for rest in extend(i + di, j + dj):
                    yield [(i, i + di, j, j + dj), *rest]

    yield from extend(0, 0)


@given(st.integers(1, 4), st.integers(1, 4), st.integers(0, 10_000))
def test_viterbi_finds_the_best_of_all_paths(n, m, seed):
    lattice, table = random_lattice(n, m, seed)
    best = max(all_paths(n, m), key=lambda path: sum(table[step] for step in path))
    found = viterbi(lattice)
    assert math.isclose(sum(table[s] for s in found), sum(table[s] for s in best), rel_tol=1e-5, abs_tol=1e-5)


@given(st.integers(1, 4), st.integers(1, 4), st.integers(0, 10_000))
def test_forward_backward_give_the_true_marginals(n, m, seed):
    lattice, table = random_lattice(n, m, seed)
    paths = list(all_paths(n, m))
    weights = np.array([math.exp(sum(table[s] for s in path)) for path in paths])
    alpha, beta = by_row(forward(lattice), lattice.band), by_row(backward(lattice), lattice.band)
    total = math.exp(alpha[-1][m])
    assert math.isclose(total, weights.sum(), rel_tol=1e-4)
    assert math.isclose(math.exp(beta[0][0]), weights.sum(), rel_tol=1e-4)
    step = paths[0][0]
    expected = sum(w for w, path in zip(weights, paths, strict=True) if step in path) / weights.sum()
    i0, i1, j0, j1 = step
    got = math.exp(alpha[i0][j0] + table[step] + beta[i1][j1]) / total
    assert math.isclose(got, expected, rel_tol=1e-3, abs_tol=1e-6)


def random_band(n: int, m: int, seed: int) -> Band:
    """A narrow band (margin 0) around a random monotone path from (0, 0) to (n, m)."""
    rng = np.random.default_rng(seed)
    cells, i, j = [(0, 0)], 0, 0
    while (i, j) != (n, m):
        di, dj = [(1, 1), (1, 0), (0, 1)][rng.integers(3)]
        i, j = min(n, i + di), min(m, j + dj)
        cells.append((i, j))
    return Band.around_path(cells, n, m, margin=0)


@given(st.integers(1, 6), st.integers(1, 6), st.integers(0, 10_000))
def test_banded_search_matches_brute_force_inside_the_band(n, m, seed):
    """Narrow bands make many beads start outside the band: the search must never use them."""
    from bitext.align.search import cell_posteriors, path_posteriors

    band = random_band(n, m, seed)
    lattice, table = random_lattice(n, m, seed, band)
    paths = list(all_paths(n, m, band))
    scores = [sum(table[s] for s in path) for path in paths]
    found = viterbi(lattice)
    assert math.isclose(sum(table[s] for s in found), max(scores), rel_tol=1e-5, abs_tol=1e-5)
    weights = np.exp(np.array(scores) - max(scores))
    posteriors, log_z = cell_posteriors(lattice)
    rows = by_row(posteriors, band)
    assert math.isclose(log_z, max(scores) + math.log(weights.sum()), rel_tol=1e-4, abs_tol=1e-4)
    for step, got in zip(found, path_posteriors(lattice, found), strict=True):
        expected = sum(w for w, path in zip(weights, paths, strict=True) if step in path) / weights.sum()
        i0, i1, j0, j1 = step
        t = TYPES.index((i1 - i0, j1 - j0))
        assert math.isclose(got, expected, rel_tol=1e-3, abs_tol=1e-6)
    for i in range(n + 1):
        for t, (di, dj) in enumerate(TYPES):
            for j in range(int(band.lo[i]), int(band.hi[i]) + 1):
                step = (i - di, i, j - dj, j)
                expected = sum(w for w, path in zip(weights, paths, strict=True) if step in path) / weights.sum()
                assert math.isclose(rows[i][t][j - band.lo[i]], expected, rel_tol=1e-3, abs_tol=1e-6), step


def test_band_keeps_memory_linear():
    path = [(i, i) for i in range(20_001)]
    band = Band.around_path(path, 20_000, 20_000, margin=10)
    assert band.cells < 20_001 * 50
    assert band.lo[0] == 0 and band.hi[-1] == 20_000


@given(st.lists(st.tuples(st.integers(0, 3), st.integers(0, 3)), min_size=1, max_size=30))
def test_band_around_any_path_contains_it_and_connects(steps):
    cells, i, j = [(0, 0)], 0, 0
    for di, dj in steps:
        i, j = i + di, j + dj
        cells.append((i, j))
    band = Band.around_path(cells, i, j, margin=1)
    for ci, cj in cells:
        assert band.lo[ci] <= cj <= band.hi[ci]
    assert all(band.lo[k + 1] <= band.hi[k] for k in range(len(band.lo) - 1))


def test_skip_rates_count_one_sided_beads_with_smoothing():
    from bitext.align.aligner import BEAD_TYPES, SKIP_SMOOTHING, skip_log_rates

    path = [(0, 1, 0, 1), (1, 2, 1, 1), (2, 3, 1, 2), (3, 3, 2, 3), (3, 4, 3, 4)]
    zh_only, en_only = skip_log_rates(path)
    total = len(path) + SKIP_SMOOTHING * len(BEAD_TYPES)
    assert math.isclose(zh_only, math.log((1 + SKIP_SMOOTHING) / total))
    assert math.isclose(en_only, math.log((1 + SKIP_SMOOTHING) / total))
    assert skip_log_rates(path[:1])[0] < zh_only  # no skips: a lower rate than one skip in five


def _path_of(types: list[tuple[int, int]]) -> list[tuple[int, int, int, int]]:
    path, i, j = [], 0, 0
    for zh_size, en_size in types:
        path.append((i, i + zh_size, j, j + en_size))
        i, j = i + zh_size, j + en_size
    return path


def test_skips_beside_an_expanding_bead_are_not_counted_in_the_skip_rate():
    from bitext.align.aligner import PARTIAL_RUN, skip_log_rates

    no_skip = skip_log_rates(_path_of([(1, 1), (1, 3), (1, 1), (1, 1)]))
    # an English sentence left out beside a 1-3 bead: the rest of a free translation's expansion
    beside_expansion = skip_log_rates(_path_of([(1, 1), (1, 3), (0, 1), (1, 1)]))
    assert beside_expansion == no_skip  # the same count of skips (none) over the same number of beads
    assert math.isclose(beside_expansion[1], math.log(0.5 / (4 + 7)))
    # a run of two before a 2-4 bead likewise
    assert math.isclose(skip_log_rates(_path_of([(1, 1), (0, 1), (0, 1), (2, 4)]))[1], math.log(0.5 / (4 + 7)))
    # beside one-to-one beads it is a skip, beside a 1-2 bead (one sentence more is no expansion: MAC-Dev
    # and FLORES have many) too, and beside a bead with more Chinese sentences
    assert math.isclose(skip_log_rates(_path_of([(1, 1), (0, 1), (1, 1)]))[1], math.log(1.5 / (3 + 7)))
    assert math.isclose(skip_log_rates(_path_of([(1, 2), (0, 1), (1, 1)]))[1], math.log(1.5 / (3 + 7)))
    assert math.isclose(skip_log_rates(_path_of([(1, 1), (0, 1), (2, 1)]))[1], math.log(1.5 / (3 + 7)))
    # 1-0 beads are all counted, beside a 3-1 bead too (a partial translation's untranslated tail)
    assert math.isclose(skip_log_rates(_path_of([(3, 1), (1, 0), (1, 1)]))[0], math.log(1.5 / (3 + 7)))
    assert math.isclose(skip_log_rates(_path_of([(1, 3), (1, 0), (1, 1)]))[0], math.log(1.5 / (3 + 7)))
    # an untranslated block (a run of PARTIAL_RUN or more) is counted even beside an expansion
    block = [(1, 3)] + [(0, 1)] * PARTIAL_RUN + [(1, 1)]
    assert math.isclose(skip_log_rates(_path_of(block))[1], math.log((PARTIAL_RUN + 0.5) / (len(block) + 7)))


def test_weak_additions_are_the_0_1_beads_a_neighbour_would_take_cheaply():
    from bitext.align.aligner import WEAK_MARGIN, weak_additions

    path = [(0, 1, 0, 1), (1, 1, 1, 2), (1, 2, 2, 3), (2, 3, 3, 4)]
    seen = set()
    for seed in range(40):
        lattice, table = random_lattice(3, 4, seed=seed)
        skip = table[(1, 1, 1, 2)]
        join_previous = table[(0, 1, 0, 1)] + skip - table[(0, 1, 0, 2)]  # 1-1 + 0-1 against one 1-2 bead
        join_next = skip + table[(1, 2, 2, 3)] - table[(1, 2, 1, 3)]  # 0-1 + 1-1 against one 1-2 bead
        weak = weak_additions(lattice, path)
        assert weak == [False, min(join_previous, join_next) < WEAK_MARGIN, False, False]
        seen.add(weak[1])
    assert seen == {True, False}


def test_skip_prior_shifts_only_the_skip_rows_by_the_rate_difference():
    from bitext.align.aligner import Model, with_skip_prior

    lattice, _table = random_lattice(3, 3, seed=5)
    model = Model(weights={}, bias={}, skip_prior=2.0, skip_reference=(-3.0, -1.0))
    shifted = with_skip_prior(lattice, (-2.0, -2.0), model)
    for before, after in zip(by_row(lattice.flat, lattice.band), by_row(shifted.flat, shifted.band), strict=True):
        for t, bead_type in enumerate(TYPES):
            possible = np.isfinite(before[t])
            expected = {(1, 0): 2.0 * (-2.0 + 3.0), (0, 1): 2.0 * (-2.0 + 1.0)}.get(bead_type, 0.0)
            assert np.allclose(after[t][possible] - before[t][possible], expected, atol=1e-5)
            assert not np.isfinite(after[t][~possible]).any()


def test_a_document_that_skips_often_is_decoded_with_cheaper_skips():
    """Scores where every 1-1 bead is only slightly better than skipping both sentences: without the
    prior the path is all 1-1; told that this document skips more often than usual, the same lattice
    decodes with skips where they are nearly as good."""
    from bitext.align.aligner import Model, decode, with_skip_prior

    n = 6
    band = Band.full(n, n)

    def scorer(block: Block) -> np.ndarray:
        out = np.full((len(TYPES), len(block.i)), -5.0)
        out[TYPES.index((1, 1))] = 0.0
        out[TYPES.index((1, 0))] = -0.3
        out[TYPES.index((0, 1))] = -0.3
        return out

    lattice = Lattice.build(band, TYPES, scorer)
    plain = Model(weights={}, bias={})
    _same, path = decode(lattice, plain)
    assert all((i1 - i0, j1 - j0) == (1, 1) for i0, i1, j0, j1 in path)
    often = Model(weights={}, bias={}, skip_prior=1.0, skip_reference=(-6.0, -6.0))
    skipping = viterbi(with_skip_prior(lattice, (-2.0, -2.0), often))
    assert any(i1 - i0 == 0 or j1 - j0 == 0 for i0, i1, j0, j1 in skipping)


def test_a_partial_translations_untranslated_tail_does_not_make_skips_cheap_in_its_translated_part():
    """Thirty Chinese sentences, four English ones translating the first five (a 2-1 bead, then three
    1-1): the 25 untranslated sentences at the end are a partial translation, not the translator's
    skip rate. Counted in the rate, they made a 1-0 bead so cheap that the 2-1 bead split into 1-0 + 1-1
    (a user trial's statute); the rate from the translated part keeps it whole."""
    from bitext.align.aligner import Model, decode

    n, m = 30, 4
    gold = {(0, 2, 0, 1), (2, 3, 1, 2), (3, 4, 2, 3), (4, 5, 3, 4)}

    def scorer(block: Block) -> np.ndarray:
        out = np.full((len(TYPES), len(block.i)), -5.0)
        for t, (di, dj) in enumerate(TYPES):
            for c, (i, j) in enumerate(zip(block.i, block.j, strict=True)):
                step = (int(i) - di, int(i), int(j) - dj, int(j))
                if step in gold:
                    out[t, c] = 3.0
                elif step == (1, 2, 0, 1):  # the second Chinese sentence alone matches the first English one
                    out[t, c] = 2.0
                elif (di, dj) == (1, 0):
                    out[t, c] = -1.0
        return out

    lattice = Lattice.build(Band.full(n, m), TYPES, scorer)
    model = Model(weights={}, bias={}, skip_prior=1.0, skip_reference=(-4.0, -4.0))
    _adjusted, path = decode(lattice, model)
    assert set(path[:4]) == gold
    assert all(j1 == j0 for _i0, _i1, j0, j1 in path[4:])

    # The statute's case: one more English sentence matches a Chinese one in the middle of the
    # untranslated part, so the unaligned rows are two runs, not one at the end.
    gold.add((17, 18, 4, 5))
    lattice = Lattice.build(Band.full(n, m + 1), TYPES, scorer)
    _adjusted, path = decode(lattice, model)
    assert set(path[:4]) | {path[4 + 12]} == gold


def test_a_block_without_counterpart_in_the_first_path_does_not_make_the_rest_skip():
    """Ten sentence pairs in place, then twenty Chinese and twenty English sentences that match nothing
    (two blocks in swapped order: each one's translation lies beyond the other). The first path aligns
    the pairs and leaves the blocks as one long run of skips; counted in the document's skip rate, that
    run raised both skip biases so far that the in-place pairs were skipped too (three MAC-Dev chapters,
    the English of two swapped: 276 beads with two sides of about 560). The rate outside the first path's
    runs keeps them."""
    from bitext.align.aligner import Model, decode, unaligned_runs

    kept, block = 10, 20
    n = m = kept + block

    def scorer(block_: Block) -> np.ndarray:
        out = np.full((len(TYPES), len(block_.i)), -5.0)
        for t, (di, dj) in enumerate(TYPES):
            for c, (i, j) in enumerate(zip(block_.i, block_.j, strict=True)):
                if (di, dj) == (1, 1) and i == j <= kept:
                    out[t, c] = 2.0
                elif (di, dj) in ((1, 0), (0, 1)):
                    out[t, c] = -0.5
        return out

    lattice = Lattice.build(Band.full(n, m), TYPES, scorer)
    first = viterbi(lattice)
    assert first[:kept] == [(k, k + 1, k, k + 1) for k in range(kept)]
    assert len(unaligned_runs(first)) == 1
    model = Model(weights={}, bias={}, skip_prior=1.0, skip_reference=(-3.5, -3.5))
    _adjusted, path = decode(lattice, model)
    assert path[:kept] == first[:kept]
    assert all(i1 == i0 or j1 == j0 for i0, i1, j0, j1 in path[kept:])


def test_unaligned_runs_are_found_on_both_sides_of_a_stray_match():
    """A statute's partial English: its last sentence matched a heading far into the untranslated tail;
    the tail is then two runs around that stray bead, and both count (a short run does not)."""
    from bitext.align.aligner import PARTIAL_RUN, unaligned_runs

    path = [(0, 1, 0, 1), (1, 2, 1, 1), (2, 3, 1, 2)]  # a 1-0 between two 1-1: a skip, not a run
    path += [(i, i + 1, 2, 2) for i in range(3, 3 + PARTIAL_RUN + 2)]
    stray = 3 + PARTIAL_RUN + 2
    path += [(stray, stray + 1, 2, 3)]
    path += [(i, i + 1, 3, 3) for i in range(stray + 1, stray + 1 + PARTIAL_RUN)]
    assert unaligned_runs(path) == [(3, 3 + PARTIAL_RUN + 2), (4 + PARTIAL_RUN + 2, len(path))]
    assert unaligned_runs(path[:3]) == []


def test_runs_a_few_stray_beads_apart_are_one_block():
    """A partial translation's untranslated tail, broken by stray matches into several runs, is one block for
    the skip prior's first estimate; runs a block's length apart stay two."""
    from bitext.align.aligner import PARTIAL_RUN, joined

    assert joined([(3, 20), (21, 40), (40 + PARTIAL_RUN - 1, 70)]) == [(3, 70)]
    assert joined([(3, 20), (20 + PARTIAL_RUN, 50)]) == [(3, 20), (20 + PARTIAL_RUN, 50)]
    assert joined([]) == []


@given(st.integers(1, 4), st.integers(1, 4), st.integers(0, 10_000))
def test_cell_posteriors_are_the_true_bead_marginals(n, m, seed):
    from bitext.align.search import cell_posteriors

    lattice, table = random_lattice(n, m, seed)
    paths = list(all_paths(n, m))
    weights = np.array([math.exp(sum(table[s] for s in path)) for path in paths])
    posteriors, log_z = cell_posteriors(lattice)
    rows = by_row(posteriors, lattice.band)
    assert math.isclose(log_z, math.log(weights.sum()), rel_tol=1e-4, abs_tol=1e-4)
    for i in range(n + 1):
        for t, (di, dj) in enumerate(TYPES):
            for j in range(m + 1):
                step = (i - di, i, j - dj, j)
                expected = sum(w for w, path in zip(weights, paths, strict=True) if step in path) / weights.sum()
                assert math.isclose(rows[i][t][j], expected, rel_tol=1e-3, abs_tol=1e-6), (step, expected)


@given(st.integers(2, 12), st.integers(2, 12), st.integers(0, 10_000), st.data())
def test_within_a_rectangle_between_two_nodes_of_the_best_path_the_best_path_is_the_same(n, m, seed, data):
    """Lattice.within: the best path of a part of the lattice whose corners lie on the whole lattice's best path
    is that stretch of the path (what keeps untouched beads unchanged when a person fixes others)."""
    lattice, _ = random_lattice(n, m, seed)
    path = viterbi(lattice)
    nodes = [(0, 0)] + [(i1, j1) for _i0, i1, _j0, j1 in path]
    first = data.draw(st.integers(0, len(nodes) - 2))
    last = data.draw(st.integers(first + 1, len(nodes) - 1))
    (i0, j0), (i1, j1) = nodes[first], nodes[last]
    if (i0, j0) == (0, 0) and (i1, j1) == (n, m):
        assert viterbi(lattice.within(0, n, 0, m)) == path
    if i1 == i0 or j1 == j0:
        return  # one side empty: no search happens there (fixed.stitch writes the skips)
    part = viterbi(lattice.within(i0, i1, j0, j1))
    shifted = [(a + i0, b + i0, c + j0, d + j0) for a, b, c, d in part]
    assert shifted == path[first:last]
