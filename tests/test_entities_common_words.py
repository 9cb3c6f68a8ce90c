"""A capitalised run of common words is no name when the same English writes those words in lower case."""

from __future__ import annotations

from bitext.entities.pairing import _common_words_in
from test_entities_signals import pairs

ZH = "互聯網改變了世界。中國的互聯網用戶很多。"


def test_a_word_the_text_also_writes_in_lower_case_is_no_name() -> None:
    # the bundled corpus: "the Internet users ... the world's largest internet market"
    capital_only = pairs(ZH, "The Internet changed the world. China has many Internet users.")
    assert ("互聯網", "Internet") in capital_only  # the dictionary pairs it while nothing says otherwise
    both = pairs(ZH, "The Internet changed the world. China has many internet users.")
    assert not [en for _, en in both if en == "Internet"]


def test_every_word_must_be_written_in_lower_case() -> None:
    text = "my grandma and my great-granddad; Shanghai life; a new medical care act"
    assert _common_words_in("Great-Grandma", text)
    assert not _common_words_in("Shanghai Life", text)  # Shanghai is never lower case: a title
    assert not _common_words_in("Medical Care Act", text)  # a law's designator: law titles are common words
    assert not _common_words_in("OK", "it is ok")  # all capitals: an acronym, not a word
