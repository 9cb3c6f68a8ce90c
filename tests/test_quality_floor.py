"""Alignment quality with a floor, on data that ships with the tests (tests/data/flores-sample: 12 FLORES-200
devtest articles, 40 sentences, CC BY-SA 4.0), so it runs in every clone, with or without ../shared/data.

Two documents are built from the sample: the articles as they are (gold 1-1), and the same with every sixth
sentence dropped from one side, alternately the Chinese and the English (gold: the orphans as 1-0 / 0-1).
The floors leave room for about one wrong bead of the 40 (a bead costs about 0.03 to 0.04 of strict F1
here), so a float or platform difference does not fail the suite while a regression does; where
Gale–Church is far below (0.41 on the deletions), the floor is far above it.

Measured when the floors were set (default / --scorer lexical / Gale–Church): as they are 1.000 / 1.000 /
0.962; with deletions 1.000 / 0.944 / 0.406. These are in-sample figures in the sense of
docs/benchmarks.md: the aligner's weights were fitted on synthetic documents built from all of FLORES.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from bitext.align import align
from bitext.evaluate import evaluate

SAMPLE = Path(__file__).parent / "data" / "flores-sample"
Gold = list[tuple[list[int], list[int]]]

FLOORS = {
    ("as given", "all"): 0.95,
    ("as given", "lexical"): 0.95,
    ("deletions", "all"): 0.95,
    ("deletions", "lexical"): 0.90,
}


def articles(name: str) -> list[list[str]]:
    text = (SAMPLE / name).read_text(encoding="utf-8")
    return [block.splitlines() for block in text.strip("\n").split("\n\n")]


def build(drop: Callable[[int], str | None]) -> tuple[str, str, Gold]:
    """The two documents (one sentence a line, a blank line between articles) and their gold beads; ``drop(k)``
    names the side ("zh" or "en") that loses sentence pair k, or None."""
    zh_articles, en_articles, gold = [], [], []
    zh_count = en_count = k = 0
    for zh_article, en_article in zip(articles("zho_Hant.txt"), articles("eng_Latn.txt"), strict=True):
        assert len(zh_article) == len(en_article)
        zh_lines, en_lines = [], []
        for zh, en in zip(zh_article, en_article, strict=True):
            side = drop(k)
            zh_ids = [] if side == "zh" else [zh_count + len(zh_lines)]
            en_ids = [] if side == "en" else [en_count + len(en_lines)]
            gold.append((zh_ids, en_ids))
            if side != "zh":
                zh_lines.append(zh)
            if side != "en":
                en_lines.append(en)
            k += 1
        zh_count, en_count = zh_count + len(zh_lines), en_count + len(en_lines)
        zh_articles.append("\n".join(zh_lines))
        en_articles.append("\n".join(en_lines))
    return "\n\n".join(zh_articles) + "\n", "\n\n".join(en_articles) + "\n", gold


def deleted_side(k: int) -> str | None:
    return ("en" if (k // 6) % 2 else "zh") if k % 6 == 3 else None


DOCUMENTS = {"as given": build(lambda _k: None), "deletions": build(deleted_side)}


def test_the_sample_is_forty_one_to_one_pairs_and_the_deletions_leave_orphans_on_both_sides() -> None:
    _zh, _en, gold = DOCUMENTS["as given"]
    assert len(gold) == 40 and all(len(z) == len(e) == 1 for z, e in gold)
    _zh, _en, gold = DOCUMENTS["deletions"]
    assert sum(1 for _z, e in gold if not e) == 3 and sum(1 for z, _e in gold if not z) == 4


@pytest.mark.parametrize(("document", "scorer"), sorted(FLOORS))
def test_strict_f1_is_above_the_floor(document: str, scorer: str) -> None:
    zh, en, gold = DOCUMENTS[document]
    alignment = align(zh, en, scorer=scorer, presegmented=True)
    assert len(alignment.zh) == sum(1 for z, _e in gold if z) and len(alignment.en) == sum(1 for _z, e in gold if e)
    f1 = evaluate(gold, [(bead.zh, bead.en) for bead in alignment.beads]).strict.f1
    assert f1 >= FLOORS[(document, scorer)], f"{document}, --scorer {scorer}: strict F1 {f1:.3f}"


def test_the_baseline_is_below_the_deletion_floors() -> None:
    # The floors mean something only if a weaker aligner fails them.
    zh, en, gold = DOCUMENTS["deletions"]
    alignment = align(zh, en, method="gale-church", presegmented=True)
    f1 = evaluate(gold, [(bead.zh, bead.en) for bead in alignment.beads]).strict.f1
    assert f1 < min(FLOORS[("deletions", scorer)] for scorer in ("all", "lexical"))
