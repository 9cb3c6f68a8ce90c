"""One example per pairing signal (issue 13), the traps a pair must not fall into, and the
invariance of the table under hard-wrapped lines."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bitext.align import Alignment, Bead
from bitext.document import Document
from bitext.entities import EntityTable, align_entities, pairing
from bitext.entities import candidates as cand
from test_entities import one_to_one


def table(zh: str, en: str) -> EntityTable:
    return align_entities(one_to_one([zh], [en]))


def pairs(zh: str, en: str) -> dict[tuple[str, str], tuple[str, ...]]:
    return {(p.zh, p.en): p.evidence for p in table(zh, en)}


def evidence_of(zh: str, en: str, name_zh: str, name_en: str) -> tuple[str, ...]:
    found = pairs(zh, en)
    assert (name_zh, name_en) in found, found
    return found[name_zh, name_en]


@pytest.mark.parametrize(
    ("zh", "en", "name_zh", "name_en", "signal"),
    [
        # institutional names composed from their words' glosses, designator for designator
        (
            "終審法院駁回上訴。",
            "The Court of Final Appeal dismissed the appeal.",
            "終審法院",
            "Court of Final Appeal",
            "cedict",
        ),
        ("立法會今日開會。", "The Legislative Council met today.", "立法會", "Legislative Council", "cedict"),
        (
            "對外關係委員會發表報告。",
            "The Council on Foreign Relations published a report.",
            "對外關係委員會",
            "Council on Foreign Relations",
            "composed",
        ),
        (
            "國家颶風中心表示颶風不會登陸。",
            "The National Hurricane Center says the storm will not reach land.",
            "國家颶風中心",
            "National Hurricane Center",
            "composed",
        ),
        (
            "全球環境基金將提供資金。",
            "The Global Environment Facility will provide funding.",
            "全球環境基金",
            "Global Environment Facility",
            "composed-partly",
        ),
        # abbreviations: the English acronym is the initials of the Chinese name's gloss
        ("聯合國發表聲明。", "The UN issued a statement.", "聯合國", "UN", "abbreviation"),
        ("聯合國發表聲明。", "The U.N. issued a statement.", "聯合國", "U.N.", "abbreviation"),
        (
            "內政部今日公布。",
            "The Ministry of Interior announced it today.",
            "內政部",
            "Ministry of Interior",
            "composed",
        ),
        # romanisations, with an English first name before the Cantonese one, in capitals
        ("潘國濂議員發言。", "MR STEVEN POON KWOK-LIM spoke.", "潘國濂", "STEVEN POON KWOK-LIM", "cantonese"),
        ("詹培忠議員發言。", "MR CHIM PUI-CHUNG spoke.", "詹培忠", "CHIM PUI-CHUNG", "cantonese"),
        ("陳清揚是醫生。", "Chen Qingyang was a doctor.", "陳清揚", "Chen Qingyang", "pinyin"),
        # Macao's Portuguese-lettered Cantonese, a name in Western order, after a title
        ("歐陽瑜出席開幕禮。", "Ao Ieong U attended the opening.", "歐陽瑜", "Ao Ieong U", "cantonese"),
        ("行政長官賀一誠出席儀式。", "Chief Executive Ho Iat Seng attended.", "賀一誠", "Ho Iat Seng", "cantonese"),
        ("宋永華率團訪問。", "Rector Yonghua Song led a delegation.", "宋永華", "Yonghua Song", "pinyin"),
        # foreign names by sound, grown to the full name jieba cut short
        ("喬丹·史畢斯贏得比賽。", "Jordan Spieth won the tournament.", "喬丹·史畢斯", "Jordan Spieth", "skeleton"),
        ("利雲斯頓在比賽中得分。", "Livingston scored in the match.", "利雲斯頓", "Livingston", "learned"),
        # learned spellings of characters in foreign names (Wikidata pairs), where the skeleton fails
        ("布里辛斯基訪問北京。", "Brzezinski visited Beijing.", "布里辛斯基", "Brzezinski", "learned"),
        # a gazetteer's Chinese name of a city
        ("比尤特發生地震。", "An earthquake struck Butte.", "比尤特", "Butte", "geonames"),
        # the original name in brackets after the Chinese one
        ("卡潘內多 (Carpanedo) 也參加了。", "Carpanedo also took part.", "卡潘內多", "Carpanedo", "bracketed"),
    ],
)
def test_each_signal_finds_its_example(zh: str, en: str, name_zh: str, name_en: str, signal: str) -> None:
    evidence = evidence_of(zh, en, name_zh, name_en)
    assert any(label.startswith(signal) for label in evidence), evidence


def test_a_mixed_case_acronym_in_brackets_is_not_matched_by_sound() -> None:
    """GenAI's capitals are read letter by letter: the Han ending before its bracket that sounds like it
    (智能, "zhi neng", skeleton 0.75) is chance, and 智能 ↔ GenAI was a false pair (issue 13)."""
    found = pairs(
        "公司現正全速進軍爭議較少的生成式人工智能（GenAI）領域。",
        "The company is moving into the less controversial field of GenAI.",
    )
    assert not [zh for zh, _ in found if zh.endswith("智能")], found
    assert ("GenAI", "GenAI") in found  # the Chinese keeps the name in Latin letters: it pairs as it is


def test_acronym_in_brackets_joins_the_long_name() -> None:
    found = table(
        "美國地質調查局 (USGS) 沒有收到報告。",
        "No reports were received by the United States Geological Survey (USGS).",
    )
    rows = [p for p in found if "USGS" in p.en_variants or p.en == "USGS"]
    assert len(rows) == 1
    assert rows[0].en == "United States Geological Survey"
    assert "USGS" in rows[0].en_variants


def test_names_in_capitals_and_in_title_case_are_one_row() -> None:
    alignment = one_to_one(
        ["香港是城市。", "香港很大。", "香港很美。"],
        ["HONG KONG is a city.", "Hong Kong is big.", "Hong Kong is pretty."],
    )
    rows = [p for p in align_entities(alignment) if p.zh == "香港"]
    assert len(rows) == 1
    assert {"HONG KONG", "Hong Kong"} <= set(rows[0].en_variants)
    assert rows[0].count == 3


def test_heading_words_are_never_names() -> None:
    alignment = one_to_one(
        ["第一條", "香港特別行政區是中華人民共和國不可分離的部分。", "第二條", "香港特別行政區實行高度自治。"],
        [
            "Article 1",
            "The Hong Kong Special Administrative Region is an inalienable part of the People's Republic of China.",
            "Article 2",
            "The Hong Kong Special Administrative Region exercises a high degree of autonomy.",
        ],
    )
    found = align_entities(alignment)
    assert not [p for p in found if p.en in cand.HEADING_WORDS or p.en.casefold() in cand.HEADING_WORDS]
    assert ("香港特別行政區", "Hong Kong Special Administrative Region") in {(p.zh, p.en) for p in found}


def test_no_pair_on_a_text_without_names() -> None:
    assert len(table("三公者，天子之相。", "The three dukes are the ministers of the Son of Heaven.")) == 0 or all(
        p.en != "Son" for p in table("三公者，天子之相。", "The three dukes are the ministers of the Son of Heaven.")
    )
    assert ("三公", "Son") not in pairs("三公者，天子之相也。", "The three dukes are the Son's ministers.")


def test_coordinated_names_are_two_rows() -> None:
    found = pairs("美國和加拿大簽署協議。", "The United States and Canada signed an agreement.")
    assert ("美國和加拿大", "United States and Canada") not in found
    assert ("加拿大", "Canada") in found


# ---------------------------------------------------------------- hard-wrapped text

SENTENCES = [
    (
        "香港特別行政區政府與終審法院",
        "the Hong Kong Special Administrative Region government and the Court of Final Appeal",
    ),
    ("喬丹·史畢斯在萊德杯", "Jordan Spieth at the Ryder Cup"),
    ("徐立與湯曉鷗", "Xu Li and Tang Xiaoou"),
    ("立法會主席", "the President of the Legislative Council"),
    ("商湯集團在香港上市", "SenseTime Group listed in Hong Kong"),
]


def _single_sentence(text: str, lang: str) -> Document:
    return Document(text, lang, ((0, len(text)),))  # type: ignore[arg-type]


def _rows(zh: str, en: str) -> set[tuple[str, str]]:
    return {(p.zh, p.en) for p in _table(zh, en)}


def _table(zh: str, en: str) -> EntityTable:
    alignment = Alignment(_single_sentence(zh, "zh"), _single_sentence(en, "en"), (Bead((0,), (0,)),))
    return align_entities(alignment)


@st.composite
def wrapped_pairs(draw: st.DrawFn) -> tuple[str, str, str, str]:
    chosen = draw(st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=3, unique=True))
    zh = "，".join(z for z, _ in chosen) + "。"
    en = ". ".join(e[0].upper() + e[1:] for _, e in chosen) + "."
    zh_breaks = draw(st.sets(st.integers(1, len(zh) - 1), max_size=4))
    zh_wrapped = "".join(
        ("\n" if i in zh_breaks and zh[i - 1].isalpha() and zh[i].isalpha() else "") + ch for i, ch in enumerate(zh)
    )
    spaces = [i for i, ch in enumerate(en) if ch == " "]
    en_breaks = draw(st.sets(st.sampled_from(spaces), max_size=4)) if spaces else set()
    en_wrapped = "".join("\n" if i in en_breaks else ch for i, ch in enumerate(en))
    return zh, en, zh_wrapped, en_wrapped


@settings(deadline=None, max_examples=30)
@given(wrapped_pairs())
def test_hard_wrapping_leaves_the_table_unchanged(case: tuple[str, str, str, str]) -> None:
    """A line break inside a paragraph (English: instead of a space; Chinese: between two characters)
    cuts no name: the (zh, en) rows are those of the unwrapped text. Tested on one-sentence documents
    built directly, so the sentence splitter's handling of single line breaks does not enter."""
    zh, en, zh_wrapped, en_wrapped = case
    assert _rows(zh_wrapped, en_wrapped) == _rows(zh, en)
    # the variants too read as the unwrapped text does (a wrapped PDF gave "Republic\nof China")
    variants = {(p.zh, p.en, p.variants, p.en_variants) for p in _table(zh_wrapped, en_wrapped)}
    assert variants == {(p.zh, p.en, p.variants, p.en_variants) for p in _table(zh, en)}


def test_a_name_split_by_a_line_break_is_one_candidate() -> None:
    en = _single_sentence("The Hong Kong\nSpecial Administrative Region said.", "en")
    assert "Hong Kong Special Administrative Region" in {c.key for c in cand.english_candidates(en, 0)}
    zh = _single_sentence("全國人民\n代表大會今天開會。", "zh")
    tokens = cand.sentence_tokens(zh, 0)
    assert "全国人民代表大会" in {t.simplified for t in tokens} or "代表大会" in {t.simplified for t in tokens}
    assert all("\n" not in t.simplified for t in tokens)


def test_names_at_both_ends_of_a_run_on_bead_still_pair() -> None:
    """A bead far longer than BAND_CHARS scores only pairs near its diagonal: a name at the start and
    one at the end of both sides still pair with their own translations, not with each other."""
    filler_zh = "，".join(["他們在會議上討論了這個問題"] * 220)
    filler_en = ", ".join(["they discussed this question at the meeting"] * 220)
    zh = "布里辛斯基說，" + filler_zh + "，柯林頓同意。"
    en = "Brzezinski said, " + filler_en + ", and Clinton agreed."
    assert len(en) > 2 * pairing.BAND_CHARS
    found = {(p.zh, p.en) for p in table(zh, en)}
    assert ("布里辛斯基", "Brzezinski") in found
    assert ("柯林頓", "Clinton") in found
    assert not any(en == "Clinton" and zh == "布里辛斯基" for zh, en in found)
