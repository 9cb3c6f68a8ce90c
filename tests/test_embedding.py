"""The embedding scorer: pooled windows and clause pieces against the encoder itself, and the edge feature."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from bitext.scorers.base import EN_CLAUSE_SEPARATORS as EN_SEPARATORS
from bitext.scorers.base import ZH_CLAUSE_SEPARATORS as ZH_SEPARATORS
from bitext.scorers.base import Block, ScorerInput
from bitext.scorers.embedding import EmbeddingScorer
from bitext.scorers.encoders import (
    ClausePieces,
    concatenated_windows,
    encoded_clause_pieces,
    split_clauses,
)
from bitext.scorers.use_encoder import USEEmbedder
from bitext.segment import segment

SENTENCES = [
    "靴声响到门口，那人走了进来。",
    "他推开门，走进屋里，坐在桌边，慢慢地吃饭。",
    "天黑了。",
    "韦小宝笑道：「好，好，我这就去。」",
]


def cosines(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    return np.einsum("ij,ij->i", a.astype(np.float32), b.astype(np.float32))


@given(st.lists(st.sampled_from(list("他说好，、；：,;:。ab ")), max_size=30).map("".join))
def test_clauses_rejoin_to_the_sentence_and_end_at_separators(text):
    for separators in (ZH_SEPARATORS, EN_SEPARATORS):
        parts = split_clauses(text, separators)
        assert "".join(parts) == text
        assert all(part for part in parts) or text == ""
        assert all(part[-1] in separators for part in parts[:-1])
        assert not any(mark in part[:-1] for part in parts for mark in separators)


@given(st.lists(st.lists(st.integers(1, 9), min_size=1, max_size=6), min_size=1, max_size=6), st.data())
def test_the_nearest_piece_is_the_nearest_by_brute_force(steps, data):
    lengths = [np.cumsum(s).astype(float) for s in steps]
    offsets = np.concatenate([[0], np.cumsum([len(x) for x in lengths])])
    flat = np.concatenate(lengths)
    empty = np.zeros((len(flat), 1), dtype=np.float16)
    pieces = ClausePieces(empty, empty, flat, flat, offsets, np.array([x[-1] for x in lengths]))
    sentences = np.array(data.draw(st.lists(st.integers(0, len(steps) - 1), min_size=1, max_size=8)))
    wanted = np.array(data.draw(st.lists(st.floats(-5, 70), min_size=len(sentences), max_size=len(sentences))))
    found = pieces.nearest_prefix(sentences, wanted)
    for s, w, row in zip(sentences, wanted, found, strict=True):
        assert offsets[s] <= row < offsets[s + 1]
        assert abs(flat[row] - w) == min(abs(x - w) for x in lengths[s])


def test_pooled_windows_match_embedding_the_joined_text():
    use = USEEmbedder()
    pooled = use.encode_windows(SENTENCES, 2, "")
    joined = concatenated_windows(use, SENTENCES, 2, "")
    for size in (1, 2):
        assert cosines(pooled[size][size:], joined[size][size:]).min() > 0.97


def test_pooled_clause_pieces_match_embedding_each_piece():
    use = USEEmbedder()
    windows, pooled = use.encode_document(SENTENCES, 2, "", ZH_SEPARATORS)
    encoded = encoded_clause_pieces(use, SENTENCES, ZH_SEPARATORS)
    # The same pieces (one per clause, the whole sentence last), embedded alike, of about the same length.
    assert pooled.offsets.tolist() == encoded.offsets.tolist() == [0, 2, 6, 7, 11]
    # Alike up to the n-gram context at the cuts (and "：「" being one token: the 「 goes with the head).
    for kind in ("prefixes", "suffixes"):
        similarity = cosines(getattr(pooled, kind), getattr(encoded, kind))
        assert similarity.min() > 0.8 and np.median(similarity) > 0.97
    assert np.abs(pooled.prefix_lengths - encoded.prefix_lengths).max() <= 1
    assert np.abs(pooled.suffix_lengths - encoded.suffix_lengths).max() <= 1
    whole = pooled.offsets[1:] - 1
    assert cosines(pooled.prefixes[whole], windows[1][1:]).min() > 0.999
    for lengths in (pooled.prefix_lengths, pooled.suffix_lengths):
        for s in range(len(SENTENCES)):
            own = lengths[pooled.offsets[s] : pooled.offsets[s + 1]]
            assert np.all(np.diff(own) > 0) and own[-1] == len(SENTENCES[s])


def edge_feature(zh: str, en: str, bead_type: tuple[int, int]) -> float:
    pair = ScorerInput(segment(zh, "zh", presegmented=True), segment(en, "en", presegmented=True))
    features = EmbeddingScorer().prepare(pair)
    end = np.array([bead_type[0]]), np.array([bead_type[1]])
    values = features.block(Block(end[0][0], end[0][0] + 1, end[0], end[1], np.array([0, 1])), [bead_type])
    return float(values[0, features.names.index("embedding_edges")][0])


ZH_SPLIT = "他推开门走进屋里，在桌边坐下，开始吃饭。"
EN_IN_ORDER = "He pushed the door open and walked into the room.\nHe sat down at the table and began to eat."
EN_CROSSED = "He sat down at the table and began to eat.\nHe pushed the door open and walked into the room."
EN_FOREIGN = "He pushed the door open and walked into the room.\nThe stock market fell sharply on Monday."


def test_edges_prefer_english_that_follows_the_chinese_clause_order():
    # The window embeddings pool tokens and barely see order; the clause pieces do.
    assert edge_feature(ZH_SPLIT, EN_IN_ORDER, (1, 2)) > edge_feature(ZH_SPLIT, EN_CROSSED, (1, 2)) + 0.1


def test_edges_drop_for_an_english_sentence_the_chinese_does_not_hold():
    assert edge_feature(ZH_SPLIT, EN_IN_ORDER, (1, 2)) > edge_feature(ZH_SPLIT, EN_FOREIGN, (1, 2)) + 0.1


def test_edges_are_zero_for_one_english_sentence():
    assert edge_feature(ZH_SPLIT, EN_IN_ORDER.splitlines()[0], (1, 1)) == 0.0


def cross_feature(zh: str, en: str, bead_type: tuple[int, int], end: tuple[int, int]) -> float:
    """``embedding_cross`` of the bead of ``bead_type`` ending before Chinese sentence ``end[0]`` and
    English sentence ``end[1]``."""
    pair = ScorerInput(segment(zh, "zh", presegmented=True), segment(en, "en", presegmented=True))
    features = EmbeddingScorer().prepare(pair)
    i, j = np.array([end[0]]), np.array([end[1]])
    values = features.block(Block(end[0], end[0] + 1, i, j, np.array([0, 1])), [bead_type])
    return float(values[0, features.names.index("embedding_cross")][0])


EN_TWO = "He pushed the door open and walked into the room.\nHe sat down at the table and began to eat."
ZH_TWO = "他推开门，走进屋里。\n他在桌边坐下，开始吃饭。"
# The first sentence's last clause moved to open the second (a crossing: gold 2-2), and the second's
# first clause moved back to close the first.
ZH_MOVED_ON = "他推开门。\n走进屋里，他在桌边坐下，开始吃饭。"
ZH_MOVED_BACK = "他推开门，走进屋里，他在桌边坐下。\n开始吃饭。"


def test_cross_is_negative_for_a_bead_whose_first_clause_belongs_to_the_english_before_it():
    assert cross_feature(ZH_MOVED_ON, EN_TWO, (1, 1), (2, 2)) < -0.05
    assert cross_feature(ZH_TWO, EN_TWO, (1, 1), (2, 2)) == 0.0  # the clause in its place: nothing crosses


def test_cross_is_negative_for_a_bead_whose_last_clause_belongs_to_the_english_after_it():
    assert cross_feature(ZH_MOVED_BACK, EN_TWO, (1, 1), (1, 1)) < -0.05
    assert cross_feature(ZH_TWO, EN_TWO, (1, 1), (1, 1)) == 0.0


def test_the_bead_that_holds_the_crossing_clause_is_not_penalised():
    # The 2-2 bead has no English sentence outside it; one-clause Chinese sentences never count.
    assert cross_feature(ZH_MOVED_ON, EN_TWO, (2, 2), (2, 2)) == 0.0
    assert cross_feature(ZH_MOVED_ON, EN_TWO, (1, 1), (1, 1)) == 0.0  # 他推开门。 is one clause
    assert cross_feature(ZH_MOVED_ON, EN_TWO, (1, 0), (2, 1)) == 0.0  # no English side


class LookupEmbedder:
    """A stand-in encoder that knows which sentences translate which: a text's vector counts the known
    sentences it contains, so windows work and clause pieces (no whole sentence) come out as zeros."""

    name = "lookup"

    def __init__(self, pairs: list[tuple[str, list[str]]]):
        self.meanings = {}
        for index, (zh, ens) in enumerate(pairs):
            self.meanings[zh] = index
            self.meanings.update({en: index for en in ens})
        self.dim = len(pairs)
        self.seen: list[str] = []

    def encode(self, texts: list[str]) -> np.ndarray:
        self.seen.extend(texts)
        vectors = np.zeros((len(texts), self.dim), dtype=np.float32)
        for row, text in enumerate(texts):
            for sentence, meaning in self.meanings.items():
                vectors[row, meaning] += text.count(sentence)
        norms = np.linalg.norm(vectors, axis=1, keepdims=True)
        return vectors / np.maximum(norms, 1e-9)


def test_a_plugged_in_encoder_drives_the_alignment_and_is_named_in_the_settings():
    import bitext

    pairs = [
        ("今天早上下雨，我没有出门。", ["It rained this morning.", "I stayed at home."]),
        ("下午天晴了。", ["The afternoon was sunny."]),
        ("我们去公园散步，看见很多人。", ["We walked in the park and saw many people."]),
        ("晚上我读了一本书。", ["In the evening I read a book."]),
    ]
    embedder = LookupEmbedder(pairs)
    zh = "\n".join(z for z, _ in pairs)
    en = "\n".join(e for _, ens in pairs for e in ens)
    # Embeddings with the length scorer: the embedding-only ablation model leaves this four-sentence toy's first
    # English sentence unaligned (the skip prior on tiny documents, docs/benchmarks.md).
    alignment = bitext.align(zh, en, presegmented=True, scorer="embedding,length", embedder=embedder)
    assert [(list(b.zh), list(b.en)) for b in alignment.beads] == [([0], [0, 1]), ([1], [2]), ([2], [3]), ([3], [4])]
    assert "model:lookup" in alignment.signature
    # The encoder really drives the beads: one that pairs each Chinese sentence with the next one's English
    # gives another alignment from the same texts.
    lying = LookupEmbedder([(pairs[k][0], pairs[(k + 1) % len(pairs)][1]) for k in range(len(pairs))])
    misled = bitext.align(zh, en, presegmented=True, scorer="embedding,length", embedder=lying)
    assert [(list(b.zh), list(b.en)) for b in misled.beads] != [(list(b.zh), list(b.en)) for b in alignment.beads]
    # Without pooled internals the clause pieces are embedded as texts: the head of the first sentence was asked for.
    assert "今天早上下雨，" in embedder.seen


def test_without_a_readable_vocabulary_the_pieces_are_embedded_as_texts(monkeypatch):
    from bitext.scorers import use_encoder

    monkeypatch.setattr(use_encoder, "_vocabulary_tables", lambda backend, separators: None)
    use = USEEmbedder()
    windows, pieces = use.encode_document(SENTENCES, 2, "", ZH_SEPARATORS)
    encoded = encoded_clause_pieces(use, SENTENCES, ZH_SEPARATORS)
    assert pieces.offsets.tolist() == encoded.offsets.tolist()
    assert cosines(pieces.prefixes, encoded.prefixes).min() > 0.999
    assert cosines(windows[2][2:], use.encode_windows(SENTENCES, 2, "")[2][2:]).min() > 0.999


# ---------------------------------------------------------------------------------------------------------
# A plugged-in encoder's output is checked

CHECK_PAIRS = [
    ("今天早上下雨，我没有出门。", ["It rained this morning.", "I stayed at home."]),
    ("下午天晴了。", ["The afternoon was sunny."]),
    ("我们去公园散步，看见很多人。", ["We walked in the park and saw many people."]),
    ("晚上我读了一本书。", ["In the evening I read a book."]),
]
CHECK_ZH = "\n".join(z for z, _ in CHECK_PAIRS)
CHECK_EN = "\n".join(e for _, ens in CHECK_PAIRS for e in ens)


class ScaledEmbedder(LookupEmbedder):
    """The lookup encoder with each vector multiplied by a different length (not unit vectors)."""

    name = "scaled"

    def encode(self, texts: list[str]) -> np.ndarray:
        vectors = super().encode(texts)
        return vectors * (1.0 + 3.0 * np.arange(len(texts), dtype=np.float32)[:, None])


class BrokenEmbedder(LookupEmbedder):
    name = "broken"

    def __init__(self, pairs: list[tuple[str, list[str]]], damage: str):
        super().__init__(pairs)
        self.damage = damage

    def encode(self, texts: list[str]) -> np.ndarray:
        vectors = super().encode(texts)
        if self.damage == "rows":
            return vectors[:-1]
        if self.damage == "flat":
            return vectors.ravel()
        vectors[0, 0] = np.nan
        return vectors


def test_vectors_that_are_not_unit_length_are_normalised_and_the_signature_says_so():
    import bitext

    unit = bitext.align(CHECK_ZH, CHECK_EN, presegmented=True, scorer="embedding", embedder=LookupEmbedder(CHECK_PAIRS))
    scaled = bitext.align(
        CHECK_ZH, CHECK_EN, presegmented=True, scorer="embedding", embedder=ScaledEmbedder(CHECK_PAIRS)
    )
    assert scaled.pairs() == unit.pairs()
    assert [b.score for b in scaled] == pytest.approx([b.score for b in unit], abs=1e-3)
    assert "model:scaled (normalised)" in scaled.signature
    assert "normalised" not in unit.signature


@pytest.mark.parametrize(
    ("damage", "message"), [("rows", "returned shape"), ("flat", "returned shape"), ("nan", "NaN")]
)
def test_a_wrong_shape_or_a_nan_is_a_clear_error(damage: str, message: str):
    import bitext
    from bitext.errors import AlignmentError

    with pytest.raises(AlignmentError, match=f"embedder 'broken'.*{message}"):
        bitext.align(
            CHECK_ZH, CHECK_EN, presegmented=True, scorer="embedding", embedder=BrokenEmbedder(CHECK_PAIRS, damage)
        )


@pytest.mark.parametrize("options", [{"scorer": "lexical"}, {"scorer": "length,anchors"}, {"method": "gale-church"}])
def test_an_embedder_with_options_that_use_no_embeddings_is_an_error(options: dict[str, str]):
    import bitext
    from bitext.errors import AlignmentError

    with pytest.raises(AlignmentError, match="embedder= cannot apply"):
        bitext.align(CHECK_ZH, CHECK_EN, presegmented=True, embedder=LookupEmbedder(CHECK_PAIRS), **options)
