"""Errors of the second FLORES set outside the gold (fresh7, issue 13): each test a general cause."""

from __future__ import annotations

from test_entities_signals import table


def _rows(zh: str, en: str) -> list[tuple[str, str]]:
    return [(p.zh, p.en) for p in table(zh, en)]


def test_a_syllable_jieba_reads_as_a_word_beside_a_name_separator() -> None:
    # jieba: 麥|可/v|・|舒|馬克, 安娜|‧|約/d|赫姆森, 羅蘭|多/m|‧|蒙多薩: a verb, an adverb, a numeral
    rows = _rows("麥可・舒馬克在比賽中途退出。", "Michael Schumacher retired midway through the race.")
    assert ("麥可・舒馬克", "Michael Schumacher") in rows
    rows = _rows("荷蘭選手安娜‧約赫姆森獲得第九名。", "Dutch skier Anna Jochemsen finished ninth.")
    assert ("安娜‧約赫姆森", "Anna Jochemsen") in rows
    # and a preposition glued to the end (蒙多薩以 "Mendoza with") is left out
    rows = _rows("羅蘭多‧蒙多薩以步槍向遊客射擊。", "Rolando Mendoza fired a rifle at the tourists.")
    assert ("羅蘭多‧蒙多薩", "Rolando Mendoza") in rows


def test_a_common_word_tagged_as_a_name_beside_a_separator_is_a_name_part() -> None:
    # 薩克斯 is "saxophone" in CC-CEDICT; jieba tags it a personal name
    rows = _rows("奧利佛‧薩克斯在他的文章中提出這個觀點。", "Oliver Sacks made this point in his paper.")
    assert ("奧利佛‧薩克斯", "Oliver Sacks") in rows


def test_a_five_character_surname_and_a_three_part_name() -> None:
    rows = _rows("墨西哥的阿利·貝拉斯克斯排名第十五。", "Arly Velasquez of Mexico finished fifteenth.")
    assert ("阿利·貝拉斯克斯", "Arly Velasquez") in rows
    # 費|南德|茲/rg|‧: the syllable before the next separator is no pronoun
    zh = "第一夫人克莉絲汀娜‧費南德茲‧德基希納昨晚宣布參選。"
    en = "First Lady Cristina Fernandez de Kirchner announced her candidacy last night."
    rows = _rows(zh, en)
    assert [en for zh, en in rows if zh == "克莉絲汀娜‧費南德茲‧德基希納" and en.startswith("Cristina Fernandez")]
    assert not [zh for zh, _ in rows if zh != "克莉絲汀娜‧費南德茲‧德基希納" and zh in "克莉絲汀娜‧費南德茲‧德基希納"]


def test_a_countrys_body_named_without_the_country_in_english() -> None:
    from bitext.entities.dropped_designators import country_dropped_match

    zh = "美國國會要求聯邦調查局指派十名探員。"
    en = "Congress asked the FBI to assign ten agents."
    rows = {(p.zh, p.en): p.type for p in table(zh, en)}
    assert rows.get(("美國國會", "Congress")) == "ORG"
    assert country_dropped_match("日本国会", "Diet") is not None
    assert country_dropped_match("美国总统", "President") is None  # an office, not a body
    assert country_dropped_match("美国国会", "United States Congress") is None  # the English names the country
    assert country_dropped_match("国会大厦", "Congress") is None  # no country before the body


def test_two_personal_name_words_are_one_transliterated_name() -> None:
    # jieba: 赫茲/nr (CC-CEDICT "Hertz") | 伯格/nr: neither piece is tagged a transliteration
    zh = "赫茲伯格的理論很受歡迎。"
    en = "Hertzberg's theory is popular."
    rows = {(p.zh, p.en): p.type for p in table(zh, en)}
    assert rows.get(("赫茲伯格", "Hertzberg")) == "PER"


def test_a_first_syllable_jieba_reads_as_a_verb_before_a_place_tag() -> None:
    # jieba: 達/v | 伊沙/ns; 達 is a common syllable of foreign names
    zh = "警方懷疑這起攻擊是由達伊沙的好戰分子所為。"
    en = "Police suspect Daesh militants of the attack."
    assert ("達伊沙", "Daesh") in _rows(zh, en)
    # but not a verb before a Chinese personal name (拉|王琦瑤/nr)
    from bitext.entities.foreign_names import joined_pieces
    from bitext.segment.words import tokenize

    text = "他拉王琦瑤去看戲。"
    assert not [c for c in joined_pieces(tokenize(text), text, 0) if c.text == "拉王琦瑤"]


def test_a_korean_name_in_western_order_after_a_possessive() -> None:
    zh = "南韓朴宗石在男子坐式比賽中獲得第二十四名。"
    en = "South Korea's Jong Seork Park finished twenty-fourth in the men's sitting event."
    rows = {(p.zh, p.en): p.type for p in table(zh, en)}
    assert rows.get(("朴宗石", "Jong Seork Park")) == "PER"
    assert not [zh for zh, _ in rows if zh == "南韓朴宗石"]  # a place and a Chinese-style name are not one name
    from bitext.entities.person_pairs import korean_surname_last

    assert not korean_surname_last(["Central", "Hyde", "Park"])  # English words before a park


def test_a_chinese_person_by_the_surname_alone_in_the_english() -> None:
    zh = "胡錦濤鼓勵發展中國家避免先汙染、後清理的老路。"
    en = 'Hu encouraged developing countries "to avoid the old path of polluting first and cleaning up later."'
    rows = {(p.zh, p.en): p.type for p in table(zh, en)}
    assert rows.get(("胡錦濤", "Hu")) == "PER"
    # two people of one surname: the surname cannot say which
    zh = "胡錦濤與胡耀邦都曾鼓勵發展。"
    assert not [p for p in table(zh, "Hu encouraged development.") if p.en == "Hu"]
    # a form of address ending in a kinship term is no surname and given name (溫家哥)
    assert not [p for p in table("溫家哥笑了。", "Wen laughed.") if p.en == "Wen"]
