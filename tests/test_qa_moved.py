"""The ``moved`` QA check: text a translator moved is reported where it stands, with its counterpart, and a
faithful translation gets no such flag.

The truth in every test comes from how the document was built (which English sentence was moved where,
the bundled corpus's gold beads), never from the check's own output."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from threadpoolctl import threadpool_info, threadpool_limits

import bitext
from bitext.align.beads import kept_sentence_vectors
from bitext.formats import Export, save
from bitext.qa import QASettings, check
from bitext.qa.moved_check import _Postings, moved_pairs
from bitext.scorers.base import ScorerInput, SparseRows
from bitext.scorers.lexical import LexicalScorer

CORPUS = Path(__file__).resolve().parents[1] / "corpus" / "sensetime-genai"


def _gold() -> tuple[list[str], list[str], list[tuple[list[int], list[int]]]]:
    zh = (CORPUS / "zh-Hant.sentences.txt").read_text(encoding="utf-8").splitlines()
    en = (CORPUS / "en.sentences.txt").read_text(encoding="utf-8").splitlines()
    beads = []
    for line in (CORPUS / "gold.align").read_text(encoding="utf-8").splitlines():
        left, right = line.split(":")
        beads.append(([int(x) for x in left.strip("[] ").split(",") if x.strip()],
                      [int(x) for x in right.strip("[] ").split(",") if x.strip()]))  # fmt: skip
    return zh, en, beads


ZH, EN, GOLD = _gold()
# English sentences that translate one Chinese sentence alone (gold 1-1 beads): the ones a test moves.
ONE_TO_ONE = [(zh[0], en[0]) for zh, en in GOLD if len(zh) == 1 and len(en) == 1]


def _moved(source: int, target: int) -> tuple[list[str], dict[int, set[int]]]:
    """The corpus's English with sentence ``source`` moved before sentence ``target``, and for each Chinese
    sentence the English sentences (new indices) of its gold bead."""
    order = [k for k in range(len(EN)) if k != source]
    order.insert(order.index(target) if target != source else 0, source)
    position = {k: n for n, k in enumerate(order)}
    truth = {i: {position[j] for j in en} for zh, en in GOLD for i in zh}
    return [EN[k] for k in order], truth


def _align(english: list[str]) -> bitext.Alignment:
    return bitext.align("\n".join(ZH) + "\n", "\n".join(english) + "\n", scorer="lexical", presegmented=True)


def test_the_bundled_corpus_as_translated_has_no_moved_text() -> None:
    alignment = _align(EN)
    assert "moved" not in check(alignment).by_code()


def test_a_moved_sentence_is_reported_with_its_counterpart_instead_of_an_omission() -> None:
    zh_index, en_index = next((zh, en) for zh, en in ONE_TO_ONE if "策略轉變" in ZH[zh])
    english, truth = _moved(en_index, en_index + 15)
    alignment = _align(english)
    pairs = moved_pairs(alignment, QASettings())
    assert any(zh_index in pair.zh and truth[zh_index] & set(pair.en) for pair in pairs)
    report = check(alignment)
    zh_bead = next(bead.index for bead in alignment.beads if zh_index in bead.zh_ids)
    codes = [flag.code for flag in report.for_bead(zh_bead)]
    assert "moved" in codes
    assert "omission" not in codes  # the text is not missing: it is elsewhere
    # Asked to ignore it, the check runs as before: the sentence is an omission again.
    ignored = check(alignment, settings=QASettings(ignore=frozenset({"moved"})))
    if not alignment.beads[zh_bead].en_ids:
        assert "omission" in [flag.code for flag in ignored.for_bead(zh_bead)]
    assert "moved" not in ignored.by_code()


def test_the_check_and_the_entity_step_multiply_on_one_blas_thread(monkeypatch: pytest.MonkeyPatch) -> None:
    """Their products are small: a second BLAS thread only spun after each one (docs/design.md, eighth pass)."""
    import bitext.entities
    from bitext.qa import review
    from bitext.qa.moved_check import _SimilarityTable

    seen: list[int] = []

    def blas_threads() -> None:
        seen.append(min(info["num_threads"] for info in threadpool_info() if info["user_api"] == "blas"))

    matrix, pair_entities = _SimilarityTable.matrix, bitext.entities.align_entities
    monkeypatch.setattr(_SimilarityTable, "matrix", lambda *args: (blas_threads(), matrix(*args))[1])
    monkeypatch.setattr(bitext.entities, "align_entities", lambda *args: (blas_threads(), pair_entities(*args))[1])
    _zh_index, en_index = next((zh, en) for zh, en in ONE_TO_ONE if "策略轉變" in ZH[zh])
    alignment = _align(_moved(en_index, en_index + 15)[0])
    with threadpool_limits(2, user_api="blas"):  # as on a machine of two cores or more, whatever this one has
        assert "moved" in check(alignment).by_code()
        assert seen == [1]
        review(alignment)
        assert seen == [1, 1, 1]  # the names' pairing, then the check's matrix again
        seen.clear()
        _SimilarityTable(alignment).matrix([0], [0])  # outside the check: the caller's setting
        assert seen == [2]


def test_the_review_page_links_a_moved_flag_to_the_bead_it_names(tmp_path: Path) -> None:
    _zh_index, en_index = next((zh, en) for zh, en in ONE_TO_ONE if "策略轉變" in ZH[zh])
    alignment = _align(_moved(en_index, en_index + 15)[0])
    report = check(alignment)
    moved = [flag for flag in report.flags if flag.code == "moved"]
    assert moved
    save(Export(alignment, qa=report), tmp_path / "review.html", "html")
    page = (tmp_path / "review.html").read_text(encoding="utf-8")
    for flag in moved:
        named = re.search(r"in bead (\d+)", flag.message)
        assert named is not None
        assert f'bead <a href="#b{named.group(1)}">{named.group(1)}</a>' in page
        assert f'id="b{named.group(1)}"' in page


def test_a_sentence_a_person_confirmed_as_unaligned_is_not_reported_as_moved() -> None:
    zh_index, en_index = next((zh, en) for zh, en in ONE_TO_ONE if "策略轉變" in ZH[zh])
    english, _truth = _moved(en_index, en_index + 15)
    alignment = _align(english)
    assert any(zh_index in pair.zh for pair in moved_pairs(alignment, QASettings()))
    confirmed = tuple(
        replace(bead, status="confirmed") if zh_index in bead.zh_ids else bead for bead in alignment.beads
    )
    decided = bitext.Alignment(alignment.zh, alignment.en, confirmed, alignment.settings)
    assert not any(zh_index in pair.zh for pair in moved_pairs(decided, QASettings()))


@settings(max_examples=8, deadline=None)
@given(st.data())
def test_every_reported_move_links_a_sentence_to_its_own_translation(data: st.DataObject) -> None:
    _zh, source = data.draw(st.sampled_from(ONE_TO_ONE))
    target = data.draw(st.integers(0, len(EN) - 1).filter(lambda t: abs(t - source) >= 5))
    english, truth = _moved(source, target)
    for pair in moved_pairs(_align(english), QASettings()):
        assert all(truth[i] & set(pair.en) for i in pair.zh), (pair, [english[j] for j in pair.en])


def test_the_aligner_keeps_its_dictionary_vectors_for_the_check_and_they_are_the_check_s_own() -> None:
    alignment = _align(EN)
    kept = kept_sentence_vectors(alignment)
    assert kept is not None
    fresh = LexicalScorer().prepare(ScorerInput(alignment.zh, alignment.en)).sentence_vectors()
    for side_kept, side_fresh in zip(kept, fresh, strict=True):
        assert np.array_equal(side_kept.dense(), side_fresh.dense())
    # A new Alignment (a corrected or filtered copy) does not carry them: the check makes its own.
    other = bitext.Alignment(alignment.zh, alignment.en, alignment.beads, alignment.settings)
    assert kept_sentence_vectors(other) is None
    # A sentence cut into pieces for scoring: the aligner's vectors are the pieces', so none are kept.
    long_zh = "".join(ZH) + "\n"
    long_alignment = bitext.align(
        "很長" * 3000 + "。\n" + long_zh, "\n".join(EN) + "\n", scorer="lexical", presegmented=True
    )
    assert kept_sentence_vectors(long_alignment) is None


def _sparse(rows: list[dict[int, float]], dimensions: int) -> SparseRows:
    entries = [(r, d, w) for r, row in enumerate(rows) for d, w in sorted(row.items())]
    return SparseRows.accumulate(
        [r for r, _d, _w in entries], [d for _r, d, _w in entries], [w for _r, _d, w in entries], len(rows), dimensions
    )


vectors = st.lists(
    st.dictionaries(st.integers(0, 15), st.floats(0.1, 5.0, allow_nan=False), min_size=0, max_size=5),
    min_size=1,
    max_size=12,
)


@given(vectors, st.dictionaries(st.integers(0, 15), st.floats(0.1, 5.0), min_size=1, max_size=5))
def test_the_posting_index_finds_the_same_best_row_as_a_dense_product(
    rows: list[dict[int, float]], query: dict[int, float]
) -> None:
    postings = _Postings(_sparse(rows, 16))
    dense = postings.dense(range(len(rows)))
    dims = np.array(sorted(query), dtype=np.int64)
    values = np.array([query[d] for d in sorted(query)])
    products = dense[:, dims] @ values
    best = postings.best_match(dims, values)
    if not products.any():
        assert best is None or products[best] == 0
    else:
        assert best is not None
        assert products[best] == pytest.approx(products.max())
