"""An acronym's Chinese name neither takes a person and a verb before it nor cuts the word after it."""

from __future__ import annotations

from bitext.entities.dictionary import composed_match
from test_entities_signals import pairs


def test_a_sound_piece_answers_only_words_no_gloss_answers() -> None:
    # 翔是 sounded like a word of the long form that the glosses of 中國社會科學院 already answer
    assert composed_match("高翔是中国社会科学院", "Chinese Academy of Social Sciences") is None
    assert composed_match("中国社会科学院", "Chinese Academy of Social Sciences") is not None
    # a transliterated part still answers the word no gloss does
    match = composed_match("威斯敏斯特裁判法院", "Westminster Magistrates Court")
    assert match is not None and "威斯敏斯特" in match.evidence


def test_the_acronyms_chinese_name_is_the_body_alone() -> None:
    found = pairs("會見了高翔一行。高翔是中國社會科學院院長。", "He met Gao Xiang. Gao Xiang is President of CASS.")
    assert ("中國社會科學院", "CASS") in found
    assert not [zh for zh, en in found if en == "CASS" and zh != "中國社會科學院"]
