"""Type rules from the Chinese news sets (issue 13: "type correct for ≥ 85% of matched pairs"): each test is a
general rule shaped like a wrong type seen there, and fails without the rule (pairing.type_ballots)."""

from __future__ import annotations

from bitext.entities.model import EntityType
from test_entities_institutions import table


def type_of(zh: str, en: str, zh_name: str, en_name: str) -> EntityType | None:
    return next((p.type for p in table(zh, en) if p.zh == zh_name and p.en == en_name), None)


def test_an_acronym_left_in_latin_letters_is_a_body() -> None:
    zh = "據KGO報道，當地警方週一晚間逮捕了兩名男子。"
    en = "According to KGO, local police arrested two men on Monday evening."
    assert type_of(zh, en, "KGO", "KGO") == "ORG"


def test_an_acronym_beside_a_made_things_noun_is_no_body() -> None:
    zh = "科學家使用了探測衛星COBE的數據，COBE已經退役。"
    en = "The scientists used data from the COBE satellite; COBE has been retired."
    assert type_of(zh, en, "COBE", "COBE") != "ORG"


def test_a_full_name_left_in_latin_letters_is_a_person() -> None:
    zh = "一位名叫Shaun Trebilcock的男子在事故中受傷。"
    en = "A man named Shaun Trebilcock was injured in the accident."
    assert type_of(zh, en, "Shaun Trebilcock", "Shaun Trebilcock") == "PER"


def test_latin_words_ending_in_a_common_word_are_no_person() -> None:
    zh = "Roxxxy Gold在展覽上亮相。"
    en = "Roxxxy Gold was on show at the fair."
    assert type_of(zh, en, "Roxxxy Gold", "Roxxxy Gold") != "PER"


def test_a_title_inside_the_name_makes_a_person() -> None:
    zh = "大會由習近平同志主持。"
    en = "The meeting was chaired by Comrade Xi Jinping."
    assert type_of(zh, en, "習近平同志", "Comrade Xi Jinping") == "PER"


def test_a_numbered_congress_is_a_meeting_not_the_body() -> None:
    zh = "中國共產黨第十九次全國代表大會在北京開幕。"
    en = "The 19th National Congress of the Communist Party of China opened in Beijing."
    kinds = {p.type for p in table(zh, en) if "大會" in p.zh}
    assert kinds == {"MISC"}


def test_olympic_games_are_an_event_though_會_ends_them() -> None:
    zh = "北京奧運會吸引了世界各地的遊客。"
    en = "The Beijing Olympic Games attracted visitors from all over the world."
    assert type_of(zh, en, "北京奧運會", "Beijing Olympic Games") == "MISC"


def test_a_newspaper_is_a_body() -> None:
    zh = "據齊魯晚報報道，該市遭遇暴雨。"
    en = "According to the Qilu Evening News, the city was hit by heavy rain."
    assert type_of(zh, en, "齊魯晚報", "Qilu Evening News") == "ORG"


def test_a_firm_by_its_english_last_word_is_a_body() -> None:
    zh = "東方證券的分析師認為，股價將會上漲。"
    en = "Analysts at Orient Securities believe the share price will rise."
    assert type_of(zh, en, "東方證券", "Orient Securities") == "ORG"


def test_a_person_the_dictionary_gives_dates_for_outranks_a_place_tag() -> None:
    # jieba tags 奧巴馬 ns and GeoNames knows a town Obama; CC-CEDICT gives "Barack Obama (1961-)"
    zh = "奧巴馬的政策受到批評。"
    en = "Obama's policy was criticised."
    assert type_of(zh, en, "奧巴馬", "Obama") == "PER"


def test_a_revolution_with_dates_is_no_person() -> None:
    zh = "法國大革命改變了歐洲。"
    en = "The French Revolution changed Europe."
    assert type_of(zh, en, "法國大革命", "French Revolution") != "PER"


def test_a_given_name_the_dictionary_glosses_as_a_name_is_a_person() -> None:
    zh = "獎項頒給了科林。"
    en = "The award went to Colin."
    assert type_of(zh, en, "科林", "Colin") == "PER"
