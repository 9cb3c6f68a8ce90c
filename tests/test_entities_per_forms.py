"""People's forms in news: surnames alone, given names before surnames, a name's end and type."""

from __future__ import annotations

import pytest

from bitext.entities import pairing
from bitext.entities.candidates import Candidate
from bitext.entities.pairing import _same_entity
from bitext.entities.person_pairs import _chinese_romanised, _personal_en
from test_entities_signals import table


def _personal_en_words(name: str) -> list[str] | None:
    return _personal_en(Candidate(0, len(name), name, name, 0, "test"))


def test_an_unseparated_foreign_name_and_its_surname_are_one_row() -> None:
    zh = "盧彥勳打敗美國選手安迪羅迪克。羅迪克前年輸給費德勒。"
    en = "Lu Yen-hsun defeated American Andy Roddick. Roddick had lost to Federer the year before."
    rows = [(p.zh, p.en) for p in table(zh, en)]
    assert ("安迪羅迪克", "Andy Roddick") in rows
    assert ("羅迪克", "Roddick") not in rows
    assert _same_entity(("伍茲", "Woods"), ("老虎伍茲", "Tiger Woods"))


def test_a_place_is_not_the_surname_of_a_person_named_after_it() -> None:
    assert not _same_entity(("華盛頓", "Washington"), ("喬治華盛頓", "George Washington"))
    assert not _same_entity(("牛津", "Oxford"), ("牛津大學", "University of Oxford"))
    assert not _same_entity(("迪克", "Dick"), ("羅迪克", "Roddick"))  # the English is no shorter name


def test_a_separated_name_does_not_run_into_the_verb_after_it() -> None:
    # jieba: 塔克|．|卡尔森|问/n|到/v; the skeleton (capped) scores 卡爾森 and 卡爾森問 alike for Carlson
    zh = "曾是世界排名第一的諾曼被主播塔克．卡爾森問到，伍茲是否參加。"
    en = "Former world No. 1 Norman was asked by Tucker Carlson if Woods would join."
    rows = [(p.zh, p.en) for p in table(zh, en)]
    assert ("塔克．卡爾森", "Tucker Carlson") in rows
    assert ("塔克．卡爾森問", "Tucker Carlson") not in rows
    # the start is kept: a given name's reading can tie with a piece of it (雷格 of 格雷格 for Greg)
    rows = [(p.zh, p.en) for p in table("執行長格雷格．諾曼表示", "CEO Greg Norman said")]
    assert ("格雷格．諾曼", "Greg Norman") in rows


def test_an_english_given_name_before_the_chinese_surname_pairs_one_to_one() -> None:
    zh = "評審團主席陳鎮川受訪表示，周冠威拍攝的紀錄片獲獎。"
    en = "Isaac Chen, the chairman of the jury, said that the documentary by Kiwi Chow won."
    rows = {(p.zh, p.en): p for p in table(zh, en)}
    assert ("陳鎮川", "Isaac Chen") in rows
    assert ("周冠威", "Kiwi Chow") in rows
    assert rows["周冠威", "Kiwi Chow"].type == "PER"
    # two Chinese names of one surname: the surname cannot say which one
    zh = "陳鎮川與陳玉勳受訪表示。"
    assert not [p for p in table(zh, "Isaac Chen said so.") if p.en == "Isaac Chen"]


def test_a_foreign_surname_alone_in_the_chinese_pairs_with_the_whole_name() -> None:
    zh = "在公布得獎者後，瑞典學院常任秘書戴紐斯女士與作家談及此事。"
    en = "Permanent secretary of the academy Sara Danius spoke to the writer after the announcement."
    assert ("戴紐斯", "Sara Danius") in [(p.zh, p.en) for p in table(zh, en)]


def test_without_the_rule_the_people_are_missed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pairing, "PERSON_PAIRS", False)
    zh = "周冠威拍攝的紀錄片獲獎。"
    assert ("周冠威", "Kiwi Chow") not in [(p.zh, p.en) for p in table(zh, "The documentary by Kiwi Chow won.")]


def test_a_romanised_chinese_name_is_no_foreign_surname() -> None:
    assert _chinese_romanised(["Wang", "Xi-feng"])
    assert _chinese_romanised(["Sha", "Ruishan"])
    assert not _chinese_romanised(["Sara", "Danius"])


def test_a_fit_does_not_cut_inside_a_word_at_equal_sound() -> None:
    # 辛格 is one jieba word: 辛 alone sounds as much like Singh (capped) but is not the name
    zh = "被告為迦札·辛格和維斯努·辛格。"
    rows = [(p.zh, p.en) for p in table(zh, "The accused are Gaza Singh and Vishnu Singh.")]
    assert ("迦札·辛格", "Gaza Singh") in rows
    assert not [r for r in rows if r[0].endswith("辛")]


def test_a_surname_that_is_also_a_town_keeps_the_persons_type() -> None:
    # GeoNames knows a Norman (Oklahoma); Norman here is the surname of Greg Norman, mentioned twice alone
    zh = "執行長格雷格．諾曼表示。諾曼說，諾曼回道。"
    en = "CEO Greg Norman said so. Norman said it, Norman replied."
    rows = {p.en: p for p in table(zh, en)}
    assert rows["Greg Norman"].type == "PER"
    assert "Norman" in rows["Greg Norman"].en_variants


def test_a_surname_spelt_like_a_designator_after_a_given_name() -> None:
    # 羅 is Law in Hong Kong's Cantonese spelling; "Law" alone is a law word, "Company Law" a law
    zh = "香港導演羅卓瑤以新片贏得最佳導演。"
    en = "Hong Kong director Clara Law won Best Director for her film."
    assert ("羅卓瑤", "Clara Law") in [(p.zh, p.en) for p in table(zh, en)]
    assert _personal_en_words("Company Law") is None
    assert _personal_en_words("Clara Law") == ["Clara", "Law"]


def test_a_korean_name_by_its_surname_spelt_the_korean_way() -> None:
    zh = "據報導，韓國國會議長朴炳錫今天訪問台北。"
    en = "According to reports, Park Byeong-seug, Speaker of the National Assembly of Korea, visited Taipei today."
    rows = {(p.zh, p.en): p for p in table(zh, en)}
    assert ("朴炳錫", "Park Byeong-seug") in rows  # "park" is also a place's designator
    assert rows["朴炳錫", "Park Byeong-seug"].type == "PER"
    zh = "最後，金英權禁區內推射得分，將上屆冠軍德國隊擠出本屆世界杯。"
    en = "In the end, a chip by Kim Yong-gwon pushed the defending champion Germany out of the competition."
    assert ("金英權", "Kim Yong-gwon") in [(p.zh, p.en) for p in table(zh, en)]
    # the surname's character must start the Chinese name
    assert not [p for p in table("李英權推射得分。", "A chip by Kim Yong-gwon won it.") if p.en == "Kim Yong-gwon"]


def test_a_name_jieba_glues_to_the_preposition_after_it() -> None:
    # jieba: 歌手|阿爆以|专辑 (阿爆以 "Abao with" one word); 阿爆 spells Abao in pinyin
    zh = "歌手阿爆以專輯《Kinakaian母親的舌頭》共入圍八項。"
    en = "Singer Abao’s album Kinakaian (Mother Tongue) leads this year’s nominees with eight nods."
    assert ("阿爆", "Abao") in [(p.zh, p.en) for p in table(zh, en)]


def test_a_romanised_name_in_western_order_is_searched_from_its_surname() -> None:
    # jieba: 张/q|育成/v: no candidate; the English starts with the given name (Yu-Cheng), the Chinese with 張
    zh = "然而，張育成與鄭宗哲的關鍵全壘打，使台灣隊整場比分緊咬韓國。"
    en = "However, key home runs by Yu-Cheng Chang and Tsung-Che Cheng helped Taiwan stay close to Korea."
    rows = [(p.zh, p.en) for p in table(zh, en)]
    assert ("張育成", "Yu-Cheng Chang") in rows
    assert ("鄭宗哲", "Tsung-Che Cheng") in rows
