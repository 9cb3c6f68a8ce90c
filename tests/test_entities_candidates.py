"""Candidate names on each side, and the signals that pair them."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from bitext.entities.candidates import chinese_candidates, english_candidates, english_document_context
from bitext.entities.cooccurrence import count
from bitext.entities.dictionary import composed_match, direct_match
from bitext.entities.pairing import combine
from bitext.entities.transliteration import transliteration
from bitext.segment import segment


def english(text: str) -> list[str]:
    doc = segment(text, "en", presegmented=True)
    capitalised, terms = english_document_context(doc)
    return [c.text for i in range(len(doc)) for c in english_candidates(doc, i, capitalised, terms)]


def chinese(text: str) -> list[str]:
    doc = segment(text, "zh", presegmented=True)
    return [c.text for i in range(len(doc)) for c in chinese_candidates(doc, i)]


def test_titles_are_stripped() -> None:
    found = english("The plan that Chairman and CEO Xu Li detailed last week.")
    assert "Xu Li" in found
    assert not [c for c in found if "Chairman" in c or "CEO" in c]


def test_possessives_are_stripped_straight_and_curly() -> None:
    assert english("SenseTime's plan and SenseTime’s stock rose.").count("SenseTime") == 2


def test_tickers_and_legal_names() -> None:
    found = english("SenseTime Group Co., Ltd. (0020.HK) is one of the earliest.")
    assert {"SenseTime Group Co., Ltd.", "SenseTime", "0020.HK"} <= set(found)


def test_sentence_initial_common_words_and_calendar_words_are_not_names() -> None:
    found = english("Still, the company thrived on Friday in December.\nInvestors seemed less interested.")
    assert found == []


def test_sentence_initial_names_stay() -> None:
    assert english("Washington again imposed sanctions.") == ["Washington"]


def test_currency_prefixes_are_not_names() -> None:
    assert english("It was valued at HK$139 billion.") == []


def test_nested_names_inside_longer_ones() -> None:
    found = english("He studied at the University of Oxford and the Chinese University of Hong Kong.")
    assert {"University of Oxford", "Oxford", "Chinese University of Hong Kong", "Hong Kong"} <= set(found)


def test_acronyms_defined_by_a_lowercase_long_form_are_terms() -> None:
    found = english("The field of generative artificial intelligence (GenAI) grows.\nGenAI is hot, says OpenAI.")
    assert "GenAI" not in found
    assert "OpenAI" in found


def test_an_acronym_defined_across_a_wrapped_lines_break_is_a_term_too() -> None:
    """Issue 13: the wrapped article had "generative artificial intelligence\n(GenAI)"; read as a name,
    GenAI then paired with the 智能 before the Chinese bracket."""
    for text in (
        "The field of generative artificial intelligence\n(GenAI) grows. GenAI is hot, says OpenAI.",
        "The field of generative\nartificial intelligence (GenAI) grows. GenAI is hot, says OpenAI.",
    ):
        doc = segment(text, "en", layout="wrapped")
        assert english_document_context(doc)[1] == {"GenAI"}, text
    # a blank line parts two paragraphs: a bracket opening the next one defines nothing
    assert english_document_context(segment("We use intelligence\n\n(GenAI) here.", "en"))[1] == frozenset()


def test_chinese_tags_filtered_by_the_dictionary() -> None:
    found = chinese("備受爭議的智慧城市業務，徐立周二表示。")
    assert "徐立" in found
    assert "智慧" not in found  # jieba tags it nr; CC-CEDICT knows it only as a common word
    assert "周二" not in found  # a weekday, a proper noun in CC-CEDICT


def test_latin_inside_chinese_and_designated_names() -> None:
    found = chinese("商湯集團股份有限公司（0020.HK）與源自牛津大學的Oxford Intelligence合作。")
    assert {"商湯集團股份有限公司", "商湯", "0020.HK", "Oxford Intelligence", "牛津大學"} <= set(found)


def test_foreign_names_with_separators_stop_at_function_words() -> None:
    found = chinese("他曾見過約翰．甘迺迪的兒子。")
    assert "約翰．甘迺迪" in found
    assert "甘迺迪" in found
    assert not [c for c in found if "過" in c or "的" in c]


def test_surname_plus_given_name_jieba_splits() -> None:
    assert "蔡英文" in chinese("蔡英文今天發表談話。")


def test_transliteration_scores() -> None:
    assert transliteration("李嘉誠", "Li Ka-shing").score == 1.0
    assert transliteration("李嘉诚", "Li Ka-shing").system == "cantonese"
    assert transliteration("蔡英文", "Tsai Ing-wen").score >= 0.85
    assert transliteration("哈利法克斯", "Halifax").score >= 0.85
    assert transliteration("徐立", "Tang Xiaoou").score < 0.5
    assert transliteration("OpenAI", "OpenAI") is None


def test_dictionary_is_a_hint_with_traps() -> None:
    assert direct_match("商汤", "SenseTime") is None  # glossed as the ancient king
    assert direct_match("商汤科技", "SenseTime") is not None
    assert direct_match("欧巴马", "Obama").evidence.startswith("cedict~")  # surname of "Barack Obama"
    assert direct_match("牛津大学", "Oxford") is None  # "university of" left out is not a name
    assert direct_match("李嘉诚", "Hong Kong") is None  # "Hong Kong businessman" describes, not names
    assert composed_match("中国互联网络信息中心", "China Internet Network Information Center") is not None
    assert composed_match("瑞典学院", "Swedish Academy") is not None


def test_cooccurrence_needs_three_shared_beads() -> None:
    stats = count([(["商汤"], ["SenseTime"]), (["商汤", "中国"], ["SenseTime", "China"]), (["中国"], ["China"])])
    assert stats.dice("商汤", "SenseTime") == 1.0
    assert stats.strength("商汤", "SenseTime") == 0.0  # two beads are still often chance
    more = count([(["商汤"], ["SenseTime"])] * 3 + [(["中国"], ["China"])])
    assert 0.7 < more.strength("商汤", "SenseTime") < 0.8
    assert stats.log_likelihood("商汤", "SenseTime") > stats.log_likelihood("商汤", "China")


@given(st.lists(st.floats(min_value=0, max_value=1), max_size=5))
def test_noisy_or_is_bounded_and_never_below_its_best_signal(strengths: list[float]) -> None:
    combined = combine(strengths)
    assert 0.0 <= combined <= 1.0
    assert combined >= max(strengths, default=0.0) - 1e-12


def test_a_law_ending_in_a_word_of_its_own_is_composed() -> None:
    # 司法 / 税法 are words, but 公司|法 and 关税|法 are a word and the law designator
    assert composed_match("公司法", "Company Law") is not None
    assert composed_match("关税法", "Customs Law") is not None
    # a single character before the ending is no name of its own: 东部 is "the east", not a department
    assert composed_match("东部", "East Department") is None
