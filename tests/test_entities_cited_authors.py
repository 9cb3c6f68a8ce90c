"""Authors cited with a year in brackets on both sides (issue 13, FLORES: 安琪兒（2006年） ↔ Angel (2006); the gold's
guideline counts cited authors as people)."""

from __future__ import annotations

from bitext.entities.cited_authors import year_after
from test_entities_signals import pairs


def test_the_year_in_brackets_after_a_name() -> None:
    assert year_after("安琪兒（2006年）說明", 3, True) == "2006"
    assert year_after("Angel (2006), explains", 5, False) == "2006"
    assert year_after("Angel explains (2006)", 5, False) == ""


def test_a_cited_author_whose_surname_is_a_common_word() -> None:
    # "Hunter" is a common word at the sentence start and 亨特 sounds like it at 0.75 only
    found = pairs("亨特（2011年）認為這個方法有效。", "Hunter (2011) argues that the method works.")
    assert ("亨特", "Hunter") in found, found


def test_a_different_year_is_no_citation_of_the_same_work() -> None:
    found = pairs("亨特（2011年）認為這個方法有效。", "Hunter (2012) argues that the method works.")
    assert ("亨特", "Hunter") not in found, found
