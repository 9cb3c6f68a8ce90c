"""Rules from fresh11 + fresh12 (issue 13: Chinese news of the WMT test sets, outside the gold): each test is a
general rule shaped like one of their misses or false rows, and fails without the rule."""

from __future__ import annotations

from bitext.entities.abbreviated_places import abbreviated_offsets
from test_entities_institutions import rows


def test_a_compound_of_country_abbreviations_gives_each_country() -> None:
    found = rows("中俄兩國林業部門達成多項共識。", "The forestry departments of China and Russia reached consensus.")
    assert ("中", "China") in found
    assert ("俄", "Russia") in found
    assert ("中俄", "China") not in found


def test_a_side_in_talks_is_its_country_abbreviation() -> None:
    found = rows(
        "李克強表示，希望中哈雙方繼續共同努力，中方願深化互信。",
        "Li Keqiang said he hopes both China and Kazakhstan will work together; China will deepen trust.",
    )
    assert ("中", "China") in found
    assert ("哈", "Kazakhstan") in found
    assert not [zh for zh, _ in found if zh in ("中方", "中哈")]


def test_an_abbreviation_pairs_with_the_country_not_its_demonym() -> None:
    found = rows("中方主席張高麗作了工作彙報。", "Chinese Vice Premier Zhang Gaoli presented the work report.")
    assert not [zh for zh, _ in found if zh in ("中", "中方")]


def test_words_that_only_look_like_abbreviations_stay_whole() -> None:
    assert abbreviated_offsets("中俄") == (0, 1)
    assert abbreviated_offsets("中方") == (0,)
    assert abbreviated_offsets("波斯") == ()  # Persia, not Poland + Slovakia
    assert abbreviated_offsets("美德") == ()  # virtue
    assert abbreviated_offsets("中國") == ()
