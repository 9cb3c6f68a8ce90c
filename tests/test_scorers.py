"""Scorers measured on their own: each feature must say "translation" louder for the true bead."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bitext.scorers.anchor_tokens import AnchorScorer
from bitext.scorers.base import Block, ScorerInput, SparseRows, window_matrix, window_norms, window_pair_dots
from bitext.scorers.length import LengthScorer, char_length
from bitext.scorers.lexical import LexicalScorer
from bitext.scorers.paragraphs import ParagraphScorer
from bitext.segment import segment

TYPES = ((1, 1), (1, 2), (2, 1), (1, 0), (0, 1))


def pair(zh: str, en: str) -> ScorerInput:
    return ScorerInput(segment(zh, "zh", presegmented=True), segment(en, "en", presegmented=True))


def cells(*ends: tuple[int, int]) -> Block:
    i = np.array([e[0] for e in ends])
    j = np.array([e[1] for e in ends])
    return Block(int(i.min()), int(i.max()) + 1, i, j, np.array([0, len(i)]))


ZH = "商湯去年收入為34億元人民幣。\n公司在香港交易所上市，股份代號為0020.HK。\n他喜歡喝茶。"
EN = (
    "SenseTime's revenue last year was 3.4 billion yuan.\n"
    "The company is listed in Hong Kong under 0020.HK.\nHe likes tea."
)


def feature(scorer, zh: str, en: str, name: str, ends: list[tuple[int, int]], bead_type=(1, 1)) -> np.ndarray:
    features = scorer.prepare(pair(zh, en))
    values = features.block(cells(*ends), [bead_type])
    return values[0, features.names.index(name)]


def test_chinese_length_is_counted_in_characters():
    assert char_length("商湯 科技") == 4
    assert char_length("Sense Time") == 9


def test_length_prefers_the_true_pairs():
    # zh sentence k with en sentence k, against zh 0 with en 2 (a short and a long sentence).
    true, false = feature(LengthScorer(), ZH, EN, "length", [(1, 1), (1, 3)])
    assert true > false


def test_dictionary_overlap_is_higher_for_true_pairs():
    values = feature(LexicalScorer(), ZH, EN, "lexical", [(1, 1), (1, 2), (2, 2), (2, 1), (3, 3), (3, 1)])
    assert values[0] > values[1] and values[2] > values[3] and values[4] > values[5]


def test_anchors_match_numbers_and_latin_tokens():
    # 34億 = 3.4 billion; 0020.HK as a Latin token and as the number 20; the third pair has no anchor.
    values = feature(AnchorScorer(), ZH, EN, "anchor_match", [(1, 1), (1, 2), (2, 2), (2, 1), (3, 3)])
    assert values[0] == pytest.approx(np.log(2)) and values[1] == 0
    assert values[2] == pytest.approx(np.log(3)) and values[3] == 0
    assert values[4] == 0


def test_numbers_that_differ_are_penalised():
    right = feature(AnchorScorer(), "收入為47億元。", "Revenue was 4.7 billion.", "number_mismatch", [(1, 1)])
    wrong = feature(AnchorScorer(), "收入為47億元。", "Revenue was 4.5 billion.", "number_mismatch", [(1, 1)])
    assert right[0] == 0 and wrong[0] < 0


def test_paragraph_hint_only_where_both_sides_have_paragraphs():
    zh = "一。\n二。\n\n三。\n四。"
    en = "One.\nTwo.\n\nThree.\nFour."
    # (2, 2) respects the break on both sides; a 1-2 bead ending at (3, 4)... compare crossing beads:
    aligned = feature(ParagraphScorer(), zh, en, "paragraph", [(3, 3)])  # 三 ↔ Three: both open a paragraph
    crossing = feature(ParagraphScorer(), zh, en, "paragraph", [(3, 2)])  # 三 ↔ Two: only one side opens one
    assert aligned[0] == 0 and crossing[0] < 0
    flat = feature(ParagraphScorer(), "一。\n二。\n三。", "One.\nTwo.\n\nThree.", "paragraph", [(3, 2)])
    assert flat[0] == 0  # one sentence per line, no blank lines: no paragraph evidence on the zh side


def test_window_pair_dots_equal_dots_of_window_sums():
    rng = np.random.default_rng(1)
    zh, en = rng.normal(size=(12, 6)), rng.normal(size=(15, 6))
    i = np.repeat(np.arange(4, 10), 5)
    j = np.tile(np.arange(5, 10), 6)
    block = Block(4, 10, i, j, np.arange(0, 31, 5))
    types = [(1, 1), (2, 3), (4, 1), (3, 4)]
    dots = window_pair_dots(zh, en, block, types)
    for di, dj in types:
        expected = np.einsum("ij,ij->i", window_matrix(zh, di)[i], window_matrix(en, dj)[j])
        assert np.allclose(dots[(di, dj)], expected, atol=1e-4)
    norms = window_norms(zh, 4)
    for d in range(1, 5):
        assert np.allclose(norms[d], np.linalg.norm(window_matrix(zh, d), axis=1), atol=1e-4)


DIALOGUE_ZH = "韦小宝道：“谁说不会？”\n他跳起来。\n小玄子笑道：「明天再来。」"
DIALOGUE_EN = "'Who says I don't!' protested Trinket.\nHe leapt to his feet.\nMisty laughed: \"Come back tomorrow.\""


def test_opening_quotes_are_counted_not_apostrophes() -> None:
    from bitext.scorers.punctuation import _EN_QUOTE, _ZH_QUOTE, opening_quotes

    english = ["'Who says I don't!' he asked.", "The boys' game.", 'He said "yes" and ‘no’.', "“Go,” she said."]
    assert opening_quotes(english, _EN_QUOTE).tolist() == [1, 0, 2, 1]
    assert opening_quotes(["他说：“走。”", "「好」『對』", "没有引号。"], _ZH_QUOTE).tolist() == [1, 2, 0]


def test_dialogue_prefers_beads_that_open_as_many_quotations_on_both_sides() -> None:
    from bitext.scorers.punctuation import PunctuationScorer

    scorer = PunctuationScorer()
    true_pairs = feature(scorer, DIALOGUE_ZH, DIALOGUE_EN, "dialogue", [(1, 1), (2, 2), (3, 3)])
    assert true_pairs.tolist() == [0, 0, 0]
    shifted = feature(scorer, DIALOGUE_ZH, DIALOGUE_EN, "dialogue", [(1, 2), (2, 3)])
    assert shifted.tolist() == [-1, -1]  # speech paired with narration loses a point per unmatched quotation
    merged = feature(scorer, DIALOGUE_ZH, DIALOGUE_EN, "dialogue", [(3, 3)], bead_type=(2, 2))
    assert merged.tolist() == [0]  # 他跳起来 + 小玄子笑道「…」 against "He leapt…" + Misty laughed: "…"
    unbalanced = feature(scorer, DIALOGUE_ZH, DIALOGUE_EN, "dialogue", [(3, 2)], bead_type=(2, 1))
    assert unbalanced.tolist() == [-1]  # one quotation on the Chinese side, none in "He leapt to his feet."


def test_a_sentence_closing_a_quotation_is_recognised_on_both_sides() -> None:
    from bitext.scorers.punctuation import _EN_CLOSES, _ZH_CLOSES, closes_quotation

    english = ["'Please, Auntie!", "Be merciful!'", "He said “no.”", 'She said "yes."', "The boys' game.", "Go on. "]
    assert closes_quotation(english, _EN_CLOSES).tolist() == [0, 1, 1, 1, 0, 0]
    chinese = ["贾蓉笑道：“只求婶娘开恩罢！”", "他说：「走。」 ", "凤姐道：“碰坏一点儿，", "说着便起身出去了。"]
    assert closes_quotation(chinese, _ZH_CLOSES).tolist() == [1, 1, 0, 0]


QUOTE_ZH = "贾蓉笑道：“只求婶娘开恩罢！”\n凤姐道：“碰坏一点儿，你可仔细你的皮！”\n他走了。"
QUOTE_EN = (
    "Jia Rong smiled.\n'Please, Auntie!\nBe merciful!'\n"
    "'If it's chipped,' said Xi-feng, 'I'll have your hide!'\nHe left."
)


def test_a_bead_ending_inside_a_quotation_on_one_side_only_loses() -> None:
    from bitext.scorers.punctuation import PunctuationScorer

    scorer = PunctuationScorer()
    true_ends = feature(scorer, QUOTE_ZH, QUOTE_EN, "quote_end", [(1, 3), (2, 4), (3, 5)])
    assert true_ends.tolist() == [0, 0, 0]
    # ending the first bead after "'Please, Auntie!" cuts the English quotation the Chinese closes
    assert feature(scorer, QUOTE_ZH, QUOTE_EN, "quote_end", [(1, 2)]).tolist() == [-1]


def test_quotation_ends_are_ignored_when_one_document_does_not_quote() -> None:
    from bitext.scorers.punctuation import PunctuationScorer, used_alike

    unquoted_zh = "贾蓉笑道：只求婶娘开恩罢！\n凤姐道：碰坏一点儿，你可仔细你的皮！\n他走了。"
    values = feature(PunctuationScorer(), unquoted_zh, QUOTE_EN, "quote_end", [(1, 2), (1, 3), (2, 4)])
    assert values.tolist() == [0, 0, 0]
    assert used_alike(25, 19) and not used_alike(0, 7) and not used_alike(1, 1) and not used_alike(10, 30)


def test_opening_quotes_are_ignored_when_the_documents_quote_too_little_or_unalike() -> None:
    from bitext.scorers.punctuation import PunctuationScorer

    one_quote_zh = "韦小宝道：“谁说不会？”\n他跳起来。\n小玄子笑了。"
    # one quotation in the Chinese, two in the English: too few, and too unlike, to count on
    values = feature(PunctuationScorer(), one_quote_zh, DIALOGUE_EN, "dialogue", [(1, 2), (2, 3)])
    assert values.tolist() == [0, 0]


def test_clauses_are_separators_plus_one_on_both_sides() -> None:
    from bitext.scorers.base import EN_CLAUSE_SEPARATORS, ZH_CLAUSE_SEPARATORS
    from bitext.scorers.punctuation import clause_counts

    chinese = ["他来了。", "他来了，又走了；没说话。", "苹果、梨、桃：都有。"]
    assert clause_counts(chinese, ZH_CLAUSE_SEPARATORS).tolist() == [1, 3, 4]
    english = ["He came.", "He came, and left; silent.", "Apples, pears: all there."]
    assert clause_counts(english, EN_CLAUSE_SEPARATORS).tolist() == [1, 3, 3]


CLAUSE_ZH = "他推开门，走进屋里，坐了下来。\n天黑了。"
CLAUSE_EN = "He pushed the door open.\nHe walked in, and sat down.\nIt was dark."


def test_a_bead_holding_as_many_clauses_on_both_sides_scores_best() -> None:
    from bitext.scorers.punctuation import PunctuationScorer

    scorer = PunctuationScorer()
    # three Chinese clauses against "He pushed the door open." + "He walked in, and sat down.": 3 and 3
    whole = feature(scorer, CLAUSE_ZH, CLAUSE_EN, "clauses", [(1, 2)], bead_type=(1, 2))
    assert whole.tolist() == [0]
    # the same sentence against the first English sentence alone: 3 clauses against 1
    cut = feature(scorer, CLAUSE_ZH, CLAUSE_EN, "clauses", [(1, 1)])
    assert np.allclose(cut, [-np.log(3)])
    assert feature(scorer, CLAUSE_ZH, CLAUSE_EN, "clauses", [(2, 3)]).tolist() == [0]  # 天黑了 / It was dark.


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(st.integers(0, 9), st.integers(0, 15), st.integers(1, 2000).map(lambda k: k / 37)),
        max_size=60,
    ),
    st.integers(1, 5),
)
def test_sparse_rows_are_the_dense_sums_to_the_bit(entries, chunk) -> None:
    """Sparse sentence vectors give exactly the dense matrix, window dots and norms, whatever the chunking."""
    import bitext.scorers.base as base

    dense = np.zeros((10, 16), dtype=np.float32)
    for row, slot, weight in entries:
        dense[row, slot] += np.float32(weight)
    rows, slots, weights = ([e[k] for e in entries] for k in range(3))
    sparse = SparseRows.accumulate(rows, slots, weights, 10, 16)
    assert sparse.shape == (10, 16)
    assert np.array_equal(sparse.dense(), dense)
    assert np.array_equal(sparse.dense(3, 7), dense[3:7])
    picks = [7, 2, 2, 9, 0]
    assert np.array_equal(sparse.take(picks), dense[picks])
    factors = np.linspace(0.5, 3, 10, dtype=np.float32)
    assert np.array_equal(sparse.scaled_rows(factors).dense(), dense / factors[:, None])
    used = sparse.used_dimensions(2, 8)
    assert np.array_equal(used, np.flatnonzero(dense[2:8].any(axis=0)))
    assert np.array_equal(sparse.used_mask(2, 8), dense[2:8].any(axis=0))
    assert not sparse.used_mask(5, 5).any()  # no rows: no dimension used
    for columns in (used, used[::2], np.array([0, 5, 15])):
        assert np.array_equal(sparse.dense_columns(2, 8, columns), dense[2:8][:, columns])
    original = base.DENSE_CHUNK
    base.DENSE_CHUNK = chunk  # chunk boundaries inside the matrix
    try:
        for d, norms in window_norms(sparse, 4).items():
            assert np.array_equal(norms, window_norms(dense, 4)[d])
        i = np.repeat(np.arange(3, 9), 4)
        j = np.tile(np.arange(4, 8), 6)
        block = Block(3, 9, i, j, np.arange(0, 25, 4))
        types = [(1, 1), (2, 3), (4, 1)]
        expected = window_pair_dots(dense, dense, block, types)
        for t, dots in window_pair_dots(sparse, sparse, block, types).items():
            assert np.array_equal(dots, expected[t])
    finally:
        base.DENSE_CHUNK = original


def test_number_new_numbers_as_setdefault_does() -> None:
    from bitext.scorers.base import number_new, slot_columns

    items = ["b", "a", "b", "c", "a", "d", "e", "b"]
    expected: dict[str, int] = {"z": 0, "a": 1}
    for item in items:
        expected.setdefault(item, len(expected))
    slots = {"z": 0, "a": 1}
    number_new(slots, items)
    assert slots == expected and list(slots) == list(expected)
    folded = slot_columns({"z": 0, "a": 1}, items, 3)
    assert folded.tolist() == [expected[item] % 3 for item in items]


_MIXED_TEXT = st.text(alphabet=st.sampled_from("韦小宝道说中国人民銀行㐀䶵鿿〇，。 2024ABCabc-'"), max_size=30)


@settings(max_examples=60, deadline=None)
@given(_MIXED_TEXT)
def test_chinese_words_keep_exactly_the_words_with_a_cjk_character(text: str) -> None:
    import rjieba

    from bitext.scorers.lexical import chinese_words

    expected = [w for w in rjieba.cut(text) if any(0x3400 <= ord(ch) <= 0x9FFF for ch in w)]
    assert chinese_words(text) == expected


@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(min_value=0, max_value=50), max_size=40))
def test_distinct_is_numpy_unique(values: list[int]) -> None:
    from bitext.scorers.lexical import _distinct

    array = np.array(values, dtype=np.int64)
    assert _distinct(array).tolist() == np.unique(array).tolist()


def test_anchor_name_keys_are_each_sentences_chinese_name_keys() -> None:
    from bitext.resources.glosses import gloss_index
    from bitext.scorers.anchor_tokens import chinese_name_keys, english_name_keys
    from bitext.scorers.lexical import document_words

    zh = "韦小宝道：谁说不会？\n他跳起来。\n韦小宝和康熙笑道：明天再来。"
    en = "Wei Xiaobao protested.\nHe leapt to his feet.\nWei Xiaobao and Kangxi laughed: come back tomorrow."
    scorer = AnchorScorer()
    features = scorer.prepare(pair(zh, en))
    scored = pair(zh, en)
    zh_names = [chinese_name_keys(words, gloss_index()) for words in document_words(scored)]
    wanted = {key for keys in zh_names for key in keys}
    en_names = [[key for key in english_name_keys(t) if key in wanted] for t in scored.en_texts]
    expected = scorer._count_vectors(zh_names, en_names)
    assert any(zh_names)  # the test means something: names were read in pinyin
    for got, want in zip(features.vectors["names"], expected, strict=True):
        assert np.array_equal(got.dense(), want.dense())


_ENGLISH_TEXT = st.text(alphabet=st.sampled_from("The companies' CEO said-it was 4.7bn. Ünal’s &-.'rain"), max_size=40)


@settings(max_examples=80, deadline=None)
@given(st.lists(_ENGLISH_TEXT, max_size=5), st.lists(_ENGLISH_TEXT, max_size=5))
def test_english_stems_are_each_texts_english_stems_whatever_was_seen_before(seen: list[str], texts: list[str]) -> None:
    from bitext.resources.glosses import english_stems
    from bitext.scorers.lexical import _english_stems

    _english_stems(seen)  # the per-token memo holds these tokens' stems (or their absence) now
    assert _english_stems(texts) == [english_stems(text) for text in texts]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(alphabet=st.sampled_from("黄金时代韦小宝道说中国X"), min_size=1, max_size=6), max_size=12))
def test_chinese_stems_of_unknown_words_are_their_longest_pieces_stems(words: list[str]) -> None:
    from bitext.scorers.lexical import _longest_pieces, chinese_stems

    index = {"黄金": ("gold",), "时代": ("age", "era"), "时": ("hour", "time"), "中国": ("china",), "道": ("way",)}
    other = {"黄金": ("aurum",)}  # another index: its answers are not the first one's, memo or not
    for table in (index, other, index):
        expected = [
            table[word]
            if word in table
            else tuple(sorted({s for piece in _longest_pieces(word, table) for s in table.get(piece, ())}))
            for word in words
        ]
        assert chinese_stems(words, table) == expected
        assert chinese_stems(words, table) == expected  # the second time from the memo


def test_idf_table_is_idf_of_each_count() -> None:
    from bitext.scorers.lexical import _idf_of, _idf_table

    table = _idf_table(40, 57)
    assert table.tolist() == [_idf_of(count, 57) for count in range(41)]
    sizes = np.array([1, 2, 3, 7])
    assert (table[[0, 5, 40, 9]] / np.sqrt(sizes)).tolist() == [
        _idf_of(c, 57) / math.sqrt(s) for c, s in zip((0, 5, 40, 9), (1, 2, 3, 7), strict=True)
    ]


def test_gloss_index_shares_one_tuple_per_set_of_stems() -> None:
    from bitext.resources.glosses import gloss_index

    index = gloss_index()
    by_value: dict[tuple[str, ...], tuple[str, ...]] = {}
    for stems in index.values():
        assert by_value.setdefault(stems, stems) is stems  # equal stems are the same object
        assert list(stems) == sorted(set(stems))
    assert len(by_value) < len(index)  # the test means something: many words share their stems


@pytest.mark.parametrize("count", [1, 2, 3, 7])
def test_window_norms_of_few_sentences_are_the_dense_ones(count: int) -> None:
    """Fewer sentences than the widest window: the lags beyond them add nothing, sparse or dense."""
    rng = np.random.default_rng(count)
    dense = (rng.random((count, 12)) * (rng.random((count, 12)) < 0.4)).astype(np.float32)
    rows, slots = np.nonzero(dense)
    sparse = SparseRows.accumulate(rows, slots, dense[rows, slots], count, 12)
    sums = {d: [np.linalg.norm(dense[max(0, e - d) : e].sum(axis=0)) for e in range(count + 1)] for d in (1, 2, 6)}
    for vectors in (dense, sparse):
        norms = window_norms(vectors, 6)
        for d, expected in sums.items():
            assert np.allclose(norms[d], expected, atol=1e-5)
    assert all(np.array_equal(window_norms(sparse, 6)[d], window_norms(dense, 6)[d]) for d in range(1, 7))


def test_lexical_memos_past_their_bounds_give_the_same_stems(monkeypatch: pytest.MonkeyPatch) -> None:
    import bitext.scorers.lexical as lexical
    from bitext.resources.glosses import english_stems

    texts = ["Companies said the rains came.", "The company's rain.", "Said it, they said."]
    index = {"黄金": ("gold",), "时代": ("age",)}
    words = ["黄金时代", "时代黄金", "黄金X", "时代"]
    expected_words = [("age", "gold"), ("age", "gold"), ("gold",), ("age",)]
    monkeypatch.setattr(lexical, "_TOKEN_STEMS_BOUND", 2)
    monkeypatch.setattr(lexical._PiecesMemo, "bound", 1)
    for _ in range(3):  # each call finds the memo past its bound and starts a new one
        assert lexical._english_stems(texts) == [english_stems(text) for text in texts]
        assert lexical.chinese_stems(words, index) == expected_words
    assert len(lexical._PiecesMemo.held[1]) <= 3  # a new memo once the bound was passed
