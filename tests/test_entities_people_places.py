"""People and places (issue 13): separated foreign names matched part by part, their ends fitted,
names inside English runs, demonyms, and the types of surnames and places."""

from __future__ import annotations

import pytest

from bitext.entities import align_entities
from bitext.entities.demonyms import is_demonym, is_people_group
from bitext.entities.designated_places import designated_place_match
from bitext.entities.dictionary import direct_match
from bitext.entities.foreign_names import english_name_words, joined_pieces, parts_match
from bitext.entities.kinds import surnames_in, term_use
from bitext.entities.titled_names import titled_surname_match
from bitext.segment.words import tokenize
from test_entities import one_to_one
from test_entities_candidates import chinese, english
from test_entities_signals import pairs, table


def test_a_separated_name_is_matched_part_by_part() -> None:
    # keys are simplified Chinese, as the pairing compares them
    # as one string the weak 季辛吉 ↔ Kissinger sinks the pair below the floor (0.69)
    match = parts_match("亨利·季辛吉", "Henry Kissinger")
    assert match is not None and match.score >= 0.7  # the pairing floor
    assert match.evidence.startswith("parts:")


def test_a_middle_initial_has_no_chinese_part() -> None:
    assert english_name_words("John F. Kennedy") == ["John", "Kennedy"]
    assert english_name_words("Kier Starmer QC") == ["Kier", "Starmer"]
    assert parts_match("约翰．甘迺迪", "John F. Kennedy") is not None


@pytest.mark.parametrize(
    ("zh", "en"),
    [("亨利·季辛吉", "Jimmy Carter"), ("诺曼·兰姆", "Kier Starmer"), ("克劳迪亚．洛许", "Gyöngyi Dani")],
)
def test_parts_of_other_names_do_not_match(zh: str, en: str) -> None:
    assert parts_match(zh, en) is None


def test_more_chinese_parts_than_english_words_is_no_match() -> None:
    assert parts_match("诺曼·兰姆", "Lamb") is None


def test_separated_names_pair_in_a_sentence() -> None:
    found = pairs(
        "其後在 1977 至 1981 年間，接替亨利·季辛吉擔任國家安全顧問。",
        "Then served as National Security Advisor from 1977 to 1981, succeeding Henry Kissinger.",
    )
    assert any(label.startswith("parts:") for label in found["亨利·季辛吉", "Henry Kissinger"])


def test_the_end_of_a_badly_cut_name_is_fitted_to_the_english() -> None:
    # jieba cuts 歐|福林 (福林 is the forint): the tagger's name stops at 密克‧歐
    found = pairs("代理總監密克‧歐福林表示，射擊手已接受訓練。", "Mick O'Flynn said the shooters were trained.")
    assert ("密克‧歐福林", "Mick O'Flynn") in found
    found = pairs("檢察長基爾‧斯塔摩今早發表聲明。", "The Director, Kier Starmer QC, gave a statement this morning.")
    assert ("基爾‧斯塔摩", "Kier Starmer") in found


def test_a_conjunction_glued_to_a_foreign_name_is_not_part_of_it() -> None:
    found = chinese("他擔任過約翰．甘迺迪的顧問及林登．詹森的幕僚。")
    assert "林登．詹森" in found
    assert "及林登．詹森" not in found


def test_names_inside_english_runs() -> None:
    assert "John F. Kennedy" in english("He advised John F. Kennedy in the 1960s.")
    assert "Claudia Loesch" in english("She finished behind the Austrian Claudia Loesch today.")
    assert "Kier Starmer" in english("The Director, Kier Starmer QC, gave a statement.")
    assert "Auckland" in english("He worked at the Auckland's National Women's Hospital.")


@pytest.mark.parametrize("word", ["Iranian", "Tongan", "Austrian", "Chinese", "Israeli", "Korean", "Vietnamese"])
def test_demonyms(word: str) -> None:
    assert is_demonym(word)


@pytest.mark.parametrize(
    "word", ["Iran", "Tonga", "Norman", "Dominic", "Canaan", "Kennedy", "Brian", "Jordan", "Morgan"]
)
def test_not_demonyms(word: str) -> None:
    assert not is_demonym(word)


def test_a_demonym_does_not_grow_a_place_into_its_neighbour() -> None:
    found = pairs("他對伊朗革命後的局勢提出建議。", "He advised on the situation after the Iranian revolution.")
    assert not [zh for zh, _ in found if zh.startswith("伊朗") and len(zh) == 3]


def types(zh: str, en: str) -> dict[tuple[str, str], str]:
    return {(p.zh, p.en): p.type for p in table(zh, en)}


def test_a_person_speaks_whatever_the_gazetteer_says() -> None:
    # GeoNames lists towns called Bush; the tagger says person; "Bush told" decides
    found = types(
        "期中選舉失利的一週後，布希告訴聽眾將於亞洲擴大貿易。",
        "A week after losses in the midterm election, Bush told an audience about the expansion of trade in Asia.",
    )
    assert found["布希", "Bush"] == "PER"


def test_a_title_after_a_chinese_name_ending_in_a_place_designator() -> None:
    # 孫中山 ends in 山 (mountain); 先生 after it says person
    found = types(
        "依據孫中山先生創立中華民國之遺教。",
        "In accordance with the teachings bequeathed by Sun Yat-sen in founding the Republic.",
    )
    assert found["孫中山", "Sun Yat-sen"] == "PER"


def test_a_transliterated_place_tagged_as_a_person() -> None:
    found = types(
        "這個城鎮位於烏波盧島上，人口接近四萬。",
        "The town is on the island of Upolu and has a population of just under 40,000.",
    )
    assert found["烏波盧", "Upolu"] == "LOC"


def test_context_does_not_make_a_product_a_place() -> None:
    found = types("他在微軟的 Microsoft Office 中工作。", "He worked in Microsoft Office all day.")
    assert found.get(("Microsoft Office", "Microsoft Office"), "ORG") != "LOC"


def test_a_name_spelt_exactly_may_end_inside_a_jieba_word() -> None:
    # jieba cuts 葉文|潔身
    assert ("葉文潔", "Ye Wenjie") in pairs(
        "於是話題轉到葉文潔身上。", "So the topic of conversation turned to Ye Wenjie."
    )


@pytest.mark.parametrize(
    ("zh", "en", "name_zh", "name_en"),
    [
        (
            "綿延 360 公里的埃爾斯沃思山脈，由明尼蘇達冰川一分為二。",
            "The 360 km chain of the Ellsworth Mountains, bisected by the Minnesota Glacier.",
            "埃爾斯沃思山脈",
            "Ellsworth Mountains",
        ),
        ("最高峰是文森山，高 4892 公尺。", "The highest peak is Mount Vinson, at 4892 m.", "文森山", "Mount Vinson"),
        (
            "拉普拉塔位於布宜諾斯艾利斯省。",
            "La Plata is a city in Buenos Aires province.",
            "布宜諾斯艾利斯省",
            "Buenos Aires province",
        ),
    ],
)
def test_a_place_with_a_designator_on_both_sides(zh: str, en: str, name_zh: str, name_en: str) -> None:
    found = pairs(zh, en)
    assert (name_zh, name_en) in found, found
    assert any(label.startswith("designated-place:") for label in found[name_zh, name_en])
    assert types(zh, en)[name_zh, name_en] == "LOC"


def test_designators_must_agree() -> None:
    # 省 is a province, not a river (the dictionary's composition may still pair them, on its own evidence)
    assert designated_place_match("布宜诺斯艾利斯省", "Buenos Aires River", {}) is None
    assert designated_place_match("布宜诺斯艾利斯省", "Buenos Aires province", {}) is not None


def rows(zh_lines: list[str], en_lines: list[str]) -> list[tuple[str, str, str, tuple[str, ...]]]:
    return [(p.zh, p.en, p.type, p.variants) for p in align_entities(one_to_one(zh_lines, en_lines))]


def test_a_river_with_and_without_its_designator_is_one_entity() -> None:
    found = rows(
        ["亞馬遜河是地球上第二長的一條河。", "亞馬遜河也是地球上最寬的河流。"],
        ["The Amazon River is the second longest river on Earth.", "The Amazon is also the widest river on Earth."],
    )
    amazon = [row for row in found if "Amazon" in row[1]]
    assert [(zh, en) for zh, en, _, _ in amazon] == [("亞馬遜河", "Amazon River")]
    assert ("地球", "Earth", "LOC") in [(zh, en, kind) for zh, en, kind, _ in found]


def test_two_spellings_of_one_transcription_are_one_row() -> None:
    found = rows(
        ["檢察長宣布起訴休恩和普萊斯。", "休恩和普賴斯定於 2 月 16 日出庭。"],
        [
            "The prosecutor announced the prosecution of Huhne and Pryce.",
            "Huhne and Pryce are to appear on February 16.",
        ],
    )
    pryce = [row for row in found if row[1] == "Pryce"]
    assert len(pryce) == 1
    assert pryce[0][0] == "普萊斯"  # the form the text gives first
    assert set(pryce[0][3]) == {"普萊斯", "普賴斯"}


def test_names_of_peoples_are_no_entities() -> None:
    assert is_people_group("纳粹", "Nazis")
    assert is_people_group("阿拉伯", "Arabs")
    assert not is_people_group("菲律宾", "Philippines")
    found = pairs("納粹在戰爭中迫害了數百萬人。", "The Nazis persecuted millions during the war.")
    assert not [en for _, en in found if en == "Nazis"]


def test_a_compound_of_two_abbreviations_is_not_one_place() -> None:
    # 美中 is glossed "USA China": not a name of China
    assert direct_match("美中", "China") is None
    assert direct_match("奥巴马", "Obama") is not None  # a surname left alone still matches its gloss


def test_a_transliteration_jieba_cut_in_two_is_joined() -> None:
    # jieba: 聖托|里尼, both tagged as transliterations
    zh = "在希臘克里特島和聖托里尼的城中，人們發現了下水道系統的遺跡。"
    en = "In the cities of Crete and Santorini in Greece, people found the remains of sewers."
    assert types(zh, en)["聖托里尼", "Santorini"] == "LOC"  # one English word by sound, nothing else says


def test_a_word_glued_to_a_name_is_not_joined_to_it() -> None:
    # jieba: 稱森|提內嶺 (nr + ns): no transliteration piece, no joined candidate
    tokens = tokenize("北邊的山脈稱森提內嶺。")
    assert [(t.simplified, t.tag) for t in tokens][-3:-1] == [("称森", "nr"), ("提内岭", "ns")]
    assert "稱森提內嶺" not in [c.text for c in joined_pieces(tokens, "北邊的山脈稱森提內嶺。", 0)]
    assert "聖托里尼" in [c.text for c in joined_pieces(tokenize("在聖托里尼的城中"), "在聖托里尼的城中", 0)]


def test_the_country_before_a_title_is_a_name() -> None:
    found = english("U.S. President George W. Bush arrived in Asia.")
    assert {"U.S.", "George W. Bush"} <= set(found)
    found = english("Later, Singapore Prime Minister Lee Hsien Loong spoke.")
    assert {"Singapore", "Lee Hsien Loong"} <= set(found)
    assert "Singapore Prime Minister Lee Hsien Loong" not in found  # a description, not one name
    assert "Prime Minister's Office" in english("The Prime Minister's Office said so.")


def test_surnames_the_document_gives_with_a_given_name_or_a_year() -> None:
    names = surnames_in("Dr. Graham Liggins was born in 1926. Blogging helps students (Oravec, 2002). New York is big.")
    assert {"Liggins", "Oravec"} <= names
    assert "York" not in names  # New York is a place, not a given name and a surname


@pytest.mark.parametrize(
    ("zh", "en", "name_zh", "name_en"),
    [
        # the names in brackets as in the FLORES documents: jieba cuts 利金|斯 and 卡|潘內|多
        ("利金斯 (Liggins) 開始研究早產。", "Liggins began to investigate premature labour.", "利金斯", "Liggins"),
        (
            "卡潘內多 (Carpanedo) 參加了兩項個人賽。",
            "Carpanedo competed in two individual races.",
            "卡潘內多",
            "Carpanedo",
        ),
    ],
)
def test_a_one_word_name_that_acts_is_a_person(zh: str, en: str, name_zh: str, name_en: str) -> None:
    assert types(zh, en)[name_zh, name_en] == "PER"


def test_a_cross_reference_with_its_pinyin_leaves_the_gloss() -> None:
    # "United Kingdom 聯合王國|联合王国[Lian2 he2 wang2 guo2]" once read as "united kingdom he2 wang2 guo2"
    assert direct_match("英国", "United Kingdom") is not None


@pytest.mark.parametrize(
    ("zh", "en", "name_zh", "name_en"),
    [
        (
            "戰爭爆發後不久，英國便開始對德國發起海上封鎖。",
            "Soon after the war began, Britain initiated a naval blockade of Germany.",
            "英國",
            "Britain",
        ),
        (
            "漢朝結束後，中國進入三國時代。",
            "After the end of the Han, China entered the Three Kingdoms period.",
            "漢朝",
            "Han",
        ),
        ("這種語言在北印度很常見。", "The language is common in Northern India.", "北印度", "Northern India"),
        (
            "在古埃及、波斯和中國也有廁所。",
            "There were also toilets in ancient Egypt, Persia and China.",
            "埃及",
            "Egypt",
        ),
    ],
)
def test_other_forms_of_place_names(zh: str, en: str, name_zh: str, name_en: str) -> None:
    assert types(zh, en)[name_zh, name_en] == "LOC"


def test_a_place_with_and_without_an_administrative_designator_is_one_row() -> None:
    found = rows(
        ["韋小寶在揚州市內長大。", "他在揚州看過很多戲。"],
        ["Trinket grew up in Yangzhou.", "In Yangzhou he had seen all sorts of plays."],
    )
    yangzhou = [row for row in found if row[1] == "Yangzhou"]
    assert len(yangzhou) == 1, found
    assert set(yangzhou[0][3]) == {"揚州", "揚州市"}


def test_a_surname_with_a_title_on_both_sides() -> None:
    assert titled_surname_match("王夫人", "Lady Wang") is not None
    assert titled_surname_match("贾母", "Grandmother Jia") is not None
    assert titled_surname_match("海老公", "Old Hai") is not None
    assert titled_surname_match("王夫人", "Wang") is None  # no title: likely another form of a full name
    assert titled_surname_match("王夫人", "Lady Li") is None  # another surname
    assert titled_surname_match("王夫人", "Professor Wang") is None  # another title
    # (an English title in TITLES, "Lady", is stripped from the candidate, so only other title words pair)
    found = types("賈母說：「你們去吧。」", "Then Grandmother Jia said: 'Go on, then.'")
    assert found["賈母", "Grandmother Jia"] == "PER"


def test_a_latin_name_left_in_the_chinese_is_typed_by_its_context() -> None:
    found = types(
        "團隊成員的行為標準與一般人不同 (Larson and LaFasto, 1989, p109)。",
        "Team members have standards of behaviour unlike others (Larson and LaFasto, 1989, p109).",
    )
    assert found["Larson", "Larson"] == "PER"  # cited with a year


def test_an_acronym_left_in_the_chinese_is_not_typed_by_context() -> None:
    found = types("資料由 COBE 傳來。", "The data came from COBE, launched in 1989.")
    # "COBE, launched": no person, no place (a bare acronym is a body by its shape: kinds.latin_shape_type)
    assert found["COBE", "COBE"] not in ("PER", "LOC")


def test_a_term_named_after_someone_is_no_entity() -> None:
    found = pairs("恆星的羅士比數跟電漿的流動有關。", "A star's Rossby number is related to plasma flow.")
    assert not [en for _, en in found if en == "Rossby"]
    assert term_use("the Rossby number", 4, 10)
    assert not term_use("Rossby said", 0, 6)


def test_postal_spellings_of_chinese_cities() -> None:
    assert types("他從北京來。", "He came from Peking.")["北京", "Peking"] == "LOC"


def test_the_surname_after_initials_is_a_candidate_too() -> None:
    # the Chinese often gives only the surname: 布希 ↔ Bush beside "George W. Bush"
    assert {"George W. Bush", "Bush"} <= set(english("U.S. President George W. Bush arrived in Asia."))
    assert "Rowling" in english("The author J. K. Rowling wrote it.")
    assert types("布希於週一抵達。", "George W. Bush arrived on Monday.")["布希", "Bush"] == "PER"


def test_a_surname_that_is_also_a_title_keeps_the_name_whole() -> None:
    assert "Martin Luther King Jr." in english("He quoted Martin Luther King Jr. at length.")
