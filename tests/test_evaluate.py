from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bitext.cli.main import main
from bitext.errors import InputError
from bitext.evaluate import evaluate, evaluate_many
from bitext.formats.vecalign import parse_alignment


def test_perfect_prediction_scores_one() -> None:
    gold = [([0], [0]), ([1, 2], [1]), ([3], [])]
    result = evaluate(gold, gold)
    assert result.strict.f1 == 1.0 and result.lax.f1 == 1.0


def test_worked_example() -> None:
    # gold: 0-0, (1,2)-1, 3-(2,3); predicted splits the 2-1 bead and gets 3 right.
    gold = [([0], [0]), ([1, 2], [1]), ([3], [2, 3])]
    predicted = [([0], [0]), ([1], [1]), ([2], []), ([3], [2, 3])]
    result = evaluate(gold, predicted)
    # precision: 4 predicted beads, 2 strict hits; [1]:[1] overlaps a gold bead (lax), [2]:[] does not.
    assert result.strict.precision == 2 / 4
    assert result.lax.precision == 3 / 4
    # recall: 3 gold beads, 2 strict; the 2-1 gold bead overlaps the predicted [1]:[1].
    assert result.strict.recall == 2 / 3
    assert result.lax.recall == 1.0


def test_deletions_count_in_precision_only() -> None:
    gold = [([0], [0]), ([1], [])]
    assert evaluate(gold, [([0], [0]), ([1], [])]).strict.precision == 1.0
    assert evaluate(gold, [([0], [0])]).strict.recall == 1.0  # the missed deletion costs no recall


def test_many_documents_pool_counts() -> None:
    a = [([0], [0])]
    b = [([0], [0]), ([1], [1])]
    pooled = evaluate_many([(a, a), (b, [([0, 1], [0, 1])])])
    assert pooled.strict.precision == 1 / 2
    assert pooled.strict.recall == 1 / 3


@given(st.lists(st.tuples(st.integers(0, 3), st.integers(0, 3)).filter(lambda t: t != (0, 0)), max_size=30))
def test_vecalign_format_round_trips(sizes: list[tuple[int, int]]) -> None:
    beads, i, j = [], 0, 0
    for zh_count, en_count in sizes:
        beads.append((list(range(i, i + zh_count)), list(range(j, j + en_count))))
        i, j = i + zh_count, j + en_count
    text = "".join(f"[{','.join(map(str, z))}]:[{','.join(map(str, e))}]\n" for z, e in beads)
    assert parse_alignment(text) == beads


INVALID = {
    "duplicate": ([([0], [0]), ([1], [1]), ([1], [1])], "bead 3 has zh sentence 1, in bead 2 too"),
    "overlap": ([([0, 1], [0]), ([1, 2], [1])], "bead 2 has zh sentence 1, in bead 1 too"),
    "overlap-en": ([([0], [0, 1]), ([1], [1])], "bead 2 has en sentence 1, in bead 1 too"),
    "repeated-in-bead": ([([0, 0], [0])], "bead 1 has zh sentence 0, twice in it"),
    "negative": ([([0], [0]), ([-1], [1])], "bead 2 has zh id -1"),
    "empty": ([([0], [0]), ([], [])], "bead 2 is empty"),
}


@pytest.mark.parametrize("case", sorted(INVALID))
@pytest.mark.parametrize("side", ["gold", "predicted"])
def test_invalid_beads_are_an_input_error_naming_the_bead(case: str, side: str) -> None:
    beads, says = INVALID[case]
    valid = [([0], [0]), ([1], [1])]
    pair = (beads, valid) if side == "gold" else (valid, beads)
    with pytest.raises(InputError, match=re.escape(says)) as raised:
        evaluate(*pair)
    assert str(raised.value).startswith(f"{side} alignment 1: ")


def _as_text(beads: list[tuple[list[int], list[int]]]) -> str:
    return "".join(f"[{','.join(map(str, z))}]:[{','.join(map(str, e))}]\n" for z, e in beads)


@pytest.mark.parametrize("case", sorted(INVALID))
def test_eval_refuses_invalid_beads_in_one_line(case: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    beads, says = INVALID[case]
    (tmp_path / "gold.align").write_text(_as_text([([0], [0]), ([1], [1]), ([2], [2])]), encoding="utf-8")
    (tmp_path / "pred.align").write_text(_as_text(beads), encoding="utf-8")
    status = main(["eval", "--gold", str(tmp_path / "gold.align"), "--pred", str(tmp_path / "pred.align")])
    captured = capsys.readouterr()
    assert status == 2 and captured.out == ""
    assert captured.err.count("\n") == 1 and "pred.align" in captured.err and says in captured.err
