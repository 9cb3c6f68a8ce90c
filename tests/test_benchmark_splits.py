"""The benchmarks' evaluation is honest: fit and evaluation FLORES articles are disjoint, and the per-type
table counts what it says."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

import _synthetic as synthetic  # noqa: E402
from align_quality import by_type_counts  # noqa: E402


def _sentences(cases: list[synthetic.Case]) -> set[str]:
    return {sentence for case in cases for sentence in case.zh + case.en}


def test_fit_and_eval_halves_share_no_article(shared_data: Path) -> None:
    fit = synthetic.flores_articles("fit")
    held = synthetic.flores_articles("eval")
    assert len(fit) + len(held) == len(synthetic.flores_articles())
    assert abs(len(fit) - len(held)) <= 1
    assert not {pair for article in fit for pair in article} & {pair for article in held for pair in article}


def test_no_evaluation_sentence_is_in_a_training_document(shared_data: Path) -> None:
    # Every perturbation, including insert's strangers, draws only from its own half.
    for perturbation in synthetic.FIT_PERTURBATIONS:
        trained = _sentences(synthetic.synthetic(perturbation, seed=101, part="fit"))
        evaluated = _sentences(synthetic.synthetic(perturbation, seed=13, part="eval"))
        assert not trained & evaluated, perturbation


def test_expansion_adds_a_far_sentence_of_the_same_article_to_its_bead(shared_data: Path) -> None:
    cases = synthetic.synthetic("expand", part="eval")
    expanded = [(case, bead) for case in cases for bead in case.gold if len(bead[1]) == 2]
    assert expanded
    assert all(len(bead[0]) == 1 for _, bead in expanded)
    for case, (_, en) in expanded:
        added = case.en[en[1]]
        # The explanation is a real sentence that also stands elsewhere in the same document, not next door.
        others = [k for k, sentence in enumerate(case.en) if sentence == added and k != en[1]]
        assert others and all(abs(k - en[1]) >= 2 for k in others)


def test_crossing_moves_a_clause_into_the_next_sentence_and_keeps_the_english(shared_data: Path) -> None:
    cases = synthetic.synthetic("cross", part="eval")
    originals = dict(pair for article in synthetic.flores_articles("eval") for pair in article)
    crossed = [(case, bead) for case in cases for bead in case.gold if len(bead[0]) == 2]
    assert len(crossed) > 20
    for case, (zh, en) in crossed:
        assert len(en) == 2
        first, second = case.zh[zh[0]], case.zh[zh[1]]
        # The English is the two original sentences; the Chinese holds the same characters, the first
        # sentence's last clause moved to the head of the second (its comma and full stop change places).
        english = [case.en[en[0]], case.en[en[1]]]
        chinese = [zh_text for zh_text, en_text in originals.items() if en_text in english]
        assert len(chinese) == 2
        old_first, old_second = sorted(chinese, key=lambda text: english.index(originals[text]))
        assert first != old_first and old_first.startswith(first[:-1]) and first.endswith("。")
        assert second.endswith(old_second) and second != old_second
        assert sorted(first + second) == sorted(old_first + old_second)


def test_by_type_counts_gold_predicted_and_exact_matches() -> None:
    gold = [([0], [0]), ([1, 2], [1]), ([], [2]), ([3], [3, 4])]
    predicted = [([0], [0]), ([1], [1]), ([2], []), ([], [2]), ([3], [3]), ([], [4])]
    counts = by_type_counts([(gold, predicted)])
    assert (counts["1-1"]["gold"], counts["1-1"]["predicted"], counts["1-1"]["correct"]) == (1, 3, 1)
    assert (counts["2-1"]["gold"], counts["2-1"]["predicted"]) == (1, 0)
    assert (counts["0-1"]["gold"], counts["0-1"]["predicted"], counts["0-1"]["correct"]) == (1, 2, 1)
    assert (counts["1-0"]["predicted"], counts["1-0"]["correct"]) == (1, 0)
    assert (counts["1-2"]["gold"], counts["1-2"]["correct"]) == (1, 0)
