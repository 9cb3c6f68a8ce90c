"""The self-trained lexicon: Dice pairs from confident beads, and the second pass they score."""

from __future__ import annotations

import itertools
import sys
from pathlib import Path

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from bitext.align.search import Band, Lattice, viterbi
from bitext.scorers.base import BEAD_TYPES, Block, ScorerInput
from bitext.segment import segment

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

from _self_lexicon import SelfLexicon, learn, learn_model1, lexicon_cosines


def pair_of(zh: list[str], en: list[str]) -> ScorerInput:
    return ScorerInput(segment("\n".join(zh), "zh", presegmented=True), segment("\n".join(en), "en", presegmented=True))


def test_a_pair_seen_together_in_two_beads_is_learned_and_a_pair_seen_once_is_not():
    zh = [["熊猫", "吃"], ["熊猫", "睡"], ["老虎"], ["跑"]]
    en = [["panda", "eat"], ["panda", "sleep"], ["tiger"], ["run"]]
    lexicon = learn(zh, en, [([0], [0]), ([1], [1]), ([2], [2]), ([3], [3])], min_beads=2, min_dice=0.3)
    assert lexicon["熊猫"] == {"panda": 1.0}
    assert "老虎" not in lexicon  # together once only
    assert "吃" not in lexicon and "睡" not in lexicon


def test_dice_counts_beads_where_only_one_word_occurs():
    # 的 is in every bead, "panda" in two of four: Dice 2·2 / (4 + 2) = 0.67
    zh = [["的", "熊猫"], ["的", "熊猫"], ["的"], ["的"]]
    en = [["panda"], ["panda"], ["tiger"], ["run"]]
    beads = [([k], [k]) for k in range(4)]
    assert abs(learn(zh, en, beads, min_dice=0.0)["的"]["panda"] - 2 * 2 / 6) < 1e-9
    assert "的" not in learn(zh, en, beads, min_dice=0.7)


def test_model1_gives_a_stem_to_the_word_that_explains_it_across_beads():
    # 熊猫 is with "panda" in every bead; 北京 comes with "panda" too, but also alone with "beijing".
    # Dice pairs 北京 with panda (2 of 3 beads); Model 1 explains panda by 熊猫 and 北京 by beijing.
    zh = [["熊猫", "北京"], ["熊猫", "北京"], ["北京"], ["熊猫"], ["北京"]]
    en = [["panda", "beijing"], ["panda", "beijing"], ["beijing"], ["panda"], ["beijing"]]
    beads = [([k], [k]) for k in range(5)]
    assert learn(zh, en, beads, min_dice=0.3)["北京"]["panda"] >= 0.5
    model1 = learn_model1(zh, en, beads, min_probability=0.2, iterations=10)
    assert model1["熊猫"] == {"panda": model1["熊猫"]["panda"]} and model1["熊猫"]["panda"] > 0.5
    assert set(model1["北京"]) == {"beijing"}


def test_beads_below_the_confidence_threshold_teach_nothing():
    pair = pair_of(["熊猫来了。", "熊猫走了。"], ["The panda came.", "The panda left."])
    beads = [(range(0, 1), range(0, 1), 0.95), (range(1, 2), range(1, 2), 0.5)]
    assert SelfLexicon(1.0, min_confidence=0.9).learned(pair, beads) == {}
    assert SelfLexicon(1.0, min_confidence=0.4).learned(pair, beads)["熊猫"] == {"panda": 1.0}


def hand_lattice(n: int, m: int, table: dict[tuple[int, int, int, int], float]) -> Lattice:
    """Every bead scores -5 unless ``table`` (keyed by (i0, i1, j0, j1)) gives its score."""

    def scorer(block: Block) -> np.ndarray:
        out = np.full((len(BEAD_TYPES), len(block.i)), -5.0)
        for t, (di, dj) in enumerate(BEAD_TYPES):
            for c, (i, j) in enumerate(zip(block.i, block.j, strict=True)):
                out[t, c] = table.get((int(i) - di, int(i), int(j) - dj, int(j)), -5.0)
        return out

    return Lattice.build(Band.full(n, m), BEAD_TYPES, scorer)


def test_a_word_pair_repeated_in_confident_beads_fixes_an_ambiguous_bead():
    # Four sure 1-1 beads teach 熊猫 = panda (and 老虎 = tiger). Then two Chinese sentences meet one
    # English sentence: the first pass's scores slightly prefer pairing it with the first of them (no
    # shared word), but it speaks of the panda like the second.
    zh = ["熊猫在北京。", "老虎在森林。", "熊猫喜欢竹子。", "老虎很大。", "今天下雨。", "那只熊猫生病了。"]
    en = ["The panda is in Beijing.", "The tiger is in the forest.", "The panda likes bamboo.", "The tiger is big."]
    pair = pair_of(zh, [*en, "That panda fell ill."])
    table = {(k, k + 1, k, k + 1): 5.0 for k in range(4)}
    table |= {(4, 5, 4, 5): 0.1, (5, 6, 4, 5): 0.0, (4, 5, 4, 4): -1.0, (5, 6, 5, 5): -1.0}
    base = hand_lattice(6, 5, table)
    first = viterbi(base)
    assert first[-2:] == [(4, 5, 4, 5), (5, 6, 5, 5)]
    confident = [(range(i0, i1), range(j0, j1), 0.99 if i1 <= 4 else 0.5) for i0, i1, j0, j1 in first]
    assert SelfLexicon(4.0).learned(pair, confident) == {"熊猫": {"panda": 1.0}, "老虎": {"tiger": 1.0}}
    second = viterbi(SelfLexicon(4.0).rescored(pair, base, confident))
    assert second[:4] == first[:4]
    assert second[-2:] == [(4, 5, 4, 4), (5, 6, 4, 5)]
    assert viterbi(SelfLexicon(0.0).rescored(pair, base, confident)) == first


def test_without_a_learned_pair_the_lattice_is_unchanged():
    pair = pair_of(["今天下雨。", "明天晴天。"], ["It rains today.", "Sunny tomorrow."])
    base = hand_lattice(2, 2, {(0, 1, 0, 1): 1.0, (1, 2, 1, 2): 1.0})
    beads = [(range(0, 1), range(0, 1), 0.99), (range(1, 2), range(1, 2), 0.99)]
    assert SelfLexicon(2.0).rescored(pair, base, beads) is base


def test_the_cosine_is_zero_for_skips_and_highest_for_the_translated_window():
    zh = ["熊猫在北京。", "熊猫喜欢竹子。", "老虎在森林。"]
    en = ["The panda is in Beijing.", "The panda likes bamboo.", "The tiger is in the forest."]
    pair = pair_of(zh, en)
    lexicon = {"熊猫": {"panda": 1.0}, "老虎": {"tiger": 1.0}, "竹子": {"bamboo": 1.0}}
    band = Band.full(3, 3)
    cosines = lexicon_cosines(lexicon, pair, band, BEAD_TYPES)

    def at(bead_type: tuple[int, int], i: int, j: int) -> float:
        return float(cosines[BEAD_TYPES.index(bead_type), band.offsets[i] + j - band.lo[i]])

    assert at((1, 0), 1, 0) == 0.0 and at((0, 1), 0, 1) == 0.0
    assert at((1, 1), 3, 3) > at((1, 1), 3, 2)  # 老虎 ↔ tiger, not ↔ bamboo
    assert at((1, 1), 2, 2) > at((1, 1), 2, 1) > 0  # both speak of the panda; only the second of bamboo


@settings(max_examples=40, deadline=None)
@given(st.integers(1, 7), st.integers(1, 7), st.integers(0, 10_000), st.floats(0.0, 20.0))
def test_the_second_pass_path_is_monotone_and_covers_both_documents(n, m, seed, weight):
    rng = np.random.default_rng(seed)
    words = ["熊猫", "老虎", "竹子", "森林", "北京"]
    stems = ["panda", "tiger", "bamboo", "forest", "beijing"]
    zh = ["".join(rng.choice(words, size=2)) + "。" for _ in range(n)]
    en = [" ".join(rng.choice(stems, size=2)) + "." for _ in range(m)]
    pair = pair_of(zh, en)
    scores = {}
    base = hand_lattice(n, m, scores)  # every bead -5: ties everywhere
    base = Lattice(base.band, base.types, base.flat + rng.normal(size=base.flat.shape).astype(np.float32))
    first = viterbi(base)
    beads = [(range(i0, i1), range(j0, j1), 0.95) for i0, i1, j0, j1 in first]
    path = viterbi(SelfLexicon(weight, min_beads=1, min_dice=0.0).rescored(pair, base, beads))
    assert path[0][0] == 0 and path[0][2] == 0
    assert path[-1][1] == n and path[-1][3] == m
    for (_a, i1, _b, j1), (i0, _c, j0, _d) in itertools.pairwise(path):
        assert (i1, j1) == (i0, j0)
    assert all(i1 >= i0 and j1 >= j0 and (i1 - i0, j1 - j0) in BEAD_TYPES for i0, i1, j0, j1 in path)
