"""The compiled search loops (bitext.align._search, optional) against the numpy loops they replace."""

from __future__ import annotations

import os
import subprocess
import sys

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from tests.conftest import CORPUS, ROOT

from bitext.align import search
from bitext.align.search import Band, Lattice

TYPES = ((0, 1), (1, 0), (1, 1), (1, 2), (2, 1), (2, 2), (1, 3), (3, 1), (1, 4), (4, 1), (2, 3), (3, 2), (1, 5), (2, 4))

needs_extension = pytest.mark.skipif(search._compiled is None, reason="the C extension is not built here")


def random_lattice(n: int, m: int, seed: int, banded: bool, skips: bool, dtype: type) -> Lattice:
    """Random scores (some -inf) over the whole grid or a band around a random path; impossible beads -inf."""
    rng = np.random.default_rng(seed)
    if banded:
        cells, i, j = [(0, 0)], 0, 0
        while (i, j) != (n, m):
            di, dj = [(1, 1), (1, 0), (0, 1)][rng.integers(3)]
            i, j = min(n, i + di), min(m, j + dj)
            cells.append((i, j))
        band = Band.around_path(cells, n, m, margin=int(rng.integers(0, 4)))
    else:
        band = Band.full(n, m)
    types = TYPES if skips else TYPES[1:]
    flat = (rng.normal(size=(len(types), band.cells)) * 3).astype(dtype)
    flat[rng.random(flat.shape) < 0.1] = -np.inf
    widths = band.hi - band.lo + 1
    rows = np.repeat(np.arange(band.rows), widths)
    columns = np.arange(band.cells) - np.repeat(band.offsets[:-1], widths) + np.repeat(band.lo, widths)
    for t, (di, dj) in enumerate(types):
        flat[t, (rows < di) | (columns < dj)] = -np.inf
    return Lattice(band, types, flat)


def compiled_back(lattice: Lattice) -> np.ndarray:
    assert search._compiled is not None
    args = search._kernel_args(lattice)
    assert args is not None
    back = np.empty(lattice.band.cells, dtype=np.int8)
    search._compiled.viterbi_back(*args, back)
    return back


lattices = st.builds(
    random_lattice,
    st.integers(1, 40),
    st.integers(1, 40),
    st.integers(0, 10_000),
    st.booleans(),
    st.booleans(),
    st.sampled_from([np.float32, np.float64]),
)


@needs_extension
@given(lattices)
def test_compiled_viterbi_keeps_the_same_back_pointer_in_every_cell(lattice):
    assert (compiled_back(lattice) == search._viterbi_back_numpy(lattice)).all()


@needs_extension
@given(lattices)
def test_compiled_forward_and_backward_agree_with_numpy_to_the_last_bits(lattice):
    for compiled, numpy_loops in ((search.forward, search._forward_numpy), (search.backward, search._backward_numpy)):
        got, expected = compiled(lattice), numpy_loops(lattice)
        assert (np.isneginf(got) == np.isneginf(expected)).all()
        assert not np.isnan(got).any()
        finite = np.isfinite(expected)
        # exp and log of the C library against numpy's vectorised ones: at most a few units in the last place.
        np.testing.assert_allclose(got[finite], expected[finite], rtol=1e-13, atol=1e-13)


@needs_extension
def test_the_compiled_loops_refuse_inconsistent_sizes():
    lattice = random_lattice(5, 6, 0, banded=True, skips=True, dtype=np.float32)
    args = search._kernel_args(lattice)
    assert args is not None and search._compiled is not None
    with pytest.raises(ValueError):
        search._compiled.viterbi_back(*args, np.empty(lattice.band.cells - 1, dtype=np.int8))
    truncated = (*args[:3], np.ascontiguousarray(lattice.flat[:, :-1]), *args[4:])
    with pytest.raises(ValueError):
        search._compiled.forward_sums(*truncated, np.empty(lattice.band.cells))


@needs_extension
def test_the_sample_pair_aligns_the_same_with_the_numpy_loops(monkeypatch):
    from bitext import align

    zh = (CORPUS / "zh-Hant.txt").read_text(encoding="utf-8")
    en = (CORPUS / "en.txt").read_text(encoding="utf-8")
    compiled = align(zh, en, scorer="lexical")
    monkeypatch.setattr(search, "_compiled", None)
    numpy_loops = align(zh, en, scorer="lexical")
    assert len(compiled.beads) > 20
    assert [(b.zh, b.en) for b in compiled.beads] == [(b.zh, b.en) for b in numpy_loops.beads]
    assert [round(b.score, 9) for b in compiled.beads] == [round(b.score, 9) for b in numpy_loops.beads]


@pytest.mark.parametrize("value, kernel", [("1", "numpy"), ("0", None), ("", None)])
def test_bitext_pure_python_forces_the_numpy_loops(value, kernel):
    env = {**os.environ, "BITEXT_PURE_PYTHON": value, "PYTHONPATH": str(ROOT / "src")}
    out = subprocess.run(
        [sys.executable, "-c", "from bitext.align import search; print(search.KERNEL)"],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    assert out == (kernel or search.KERNEL)


@pytest.mark.skipif(not os.environ.get("CI"), reason="only CI promises a C compiler (gcc) at install time")
def test_ci_builds_and_uses_the_extension():
    # pip install -e '.[test]' on the CI machine compiles _search.c; a silent fallback would skip the tests above.
    assert os.environ.get("BITEXT_PURE_PYTHON", "") in ("", "0")
    assert search.KERNEL == "c"
