"""Organisations outside the statutes (issue 13, the Macao press releases): names that run over a
comma-separated list of places, long government names, a sub-unit glued to its parent. Each example
is a small sentence pair shaped like a press release."""

from __future__ import annotations

from test_entities_institutions import english, rows, table


def test_a_list_of_places_before_a_designator_is_one_name() -> None:
    found = english("Director of the Hong Kong, Macao and Taiwan Affairs Office, Yao Zhizhong, attended.")
    assert "Hong Kong, Macao and Taiwan Affairs Office" in found


def test_a_comma_list_of_names_is_not_joined() -> None:
    found = english("Delegates came from France, Germany and the European Union.")
    assert not [c for c in found if "," in c]
    found = english("They visited Paris, London and Berlin.")
    assert not [c for c in found if "," in c]


def test_the_office_of_a_list_of_places_pairs_with_its_chinese_body() -> None:
    found = rows(
        "港澳台辦公室主任姚枝仲出席儀式。",
        "Director of the Hong Kong, Macao and Taiwan Affairs Office, Yao Zhizhong, attended the ceremony.",
    )
    assert ("港澳台辦公室", "Hong Kong, Macao and Taiwan Affairs Office") in found
    assert not [zh for zh, _ in found if zh.endswith("主任")]


def test_a_department_named_inside_another_body_is_a_name_of_its_own() -> None:
    en = (
        "Director of the Department of Education and Youth Affairs of the Liaison Office of the Central "
        "People's Government in the MSAR, Li Xuefei, spoke."
    )
    assert "Department of Education and Youth Affairs" in english(en)
    found = rows("中央人民政府駐澳門特別行政區聯絡辦公室教育與青年工作部部長李雪飛致詞。", en)
    assert ("教育與青年工作部", "Department of Education and Youth Affairs") in found


def test_a_body_stationed_in_a_place_keeps_the_place_inside_its_chinese_name() -> None:
    found = rows(
        "中央人民政府駐澳門特別行政區聯絡辦公室副主任嚴植嬋出席。",
        "Deputy Director of the Liaison Office of the Central People's Government in the MSAR, Yan Zhichan, attended.",
    )
    assert ("中央人民政府駐澳門特別行政區聯絡辦公室", "Liaison Office of the Central People's Government") in found


def test_of_inside_one_body_is_not_a_cut() -> None:
    found = english("The Court of Final Appeal and the Bank of China issued statements.")
    assert "Court of Final Appeal" in found
    assert "Court" not in found
    assert not [c for c in found if c.endswith(" Bank")]  # no cut before "of China"


def test_a_faculty_glued_to_its_university_is_two_bodies() -> None:
    found = rows(
        "澳門大學科技學院的土木工程理學士學位正式通過香港工程師學會的評鑑。",
        "The Bachelor of Science in Civil Engineering offered by the University of Macau’s (UM) Faculty of "
        "Science and Technology (FST) received accreditation from the Hong Kong Institution of Engineers (HKIE).",
    )
    assert ("澳門大學", "University of Macau") in found
    assert ("科技學院", "Faculty of Science and Technology") in found
    assert not [zh for zh, _ in found if zh.startswith("澳門大學") and len(zh) > 4]


def _evidence(zh: str, en: str) -> dict[tuple[str, str], tuple[str, ...]]:
    return {(p.zh, p.en): p.evidence for p in table(zh, en)}


def test_one_body_left_on_each_side_pairs_by_its_designator() -> None:
    found = _evidence("他曾任職於環球運通公司。", "He once worked for Globex Corporation.")
    assert ("環球運通公司", "Globex Corporation") in found
    assert any(e.startswith("designator:corporation") for e in found["環球運通公司", "Globex Corporation"])
    found = _evidence("會議由海洋資源局主辦。", "The meeting was hosted by the Bureau of Maritime Resources.")
    assert ("海洋資源局", "Bureau of Maritime Resources") in found


def test_two_bodies_with_one_designator_are_not_guessed() -> None:
    found = _evidence("環球運通公司與東方貿易公司合併。", "Globex Corporation merged with Initech Corporation.")
    assert not [key for key, evidence in found.items() if any(e.startswith("designator:") for e in evidence)]


def test_an_owner_and_its_body_are_no_designator_pair() -> None:
    en = "He arrived at the observatory of the Chinese Academy of Sciences' National Astronomical Center."
    found = _evidence("他到達中科院國家天文觀測中心的觀測基地。", en)
    assert not [key for key in found if "Sciences'" in key[1]]


def test_a_designator_pair_may_hold_a_linked_name_but_not_a_place_outside_the_english() -> None:
    found = _evidence(
        "舉例來說，北卡羅萊納州班奈特學校的學生每年都會設計一個網站。",
        "For example, each year students from Bennet School in North Carolina design a website.",
    )
    assert ("班奈特學校", "Bennet School") in found
    assert ("北卡羅萊納州", "North Carolina") in found


def test_an_acronym_before_a_unit_names_the_unit_of_that_body() -> None:
    found = _evidence(
        "儀式由中國社會科學院院長高翔、中國社會科學院辦公廳主任胥錦成等主禮。",
        "The ceremony was officiated by President of CASS, Gao Xiang; Director of CASS General Office, Xu Jincheng.",
    )
    evidence = found["中國社會科學院辦公廳", "CASS General Office"]
    assert "abbreviation:chinese academy of social sciences general office" in evidence
    assert ("中國社會科學院", "CASS") in found
    assert ("中國社會科學院辦公廳", "CASS") not in found


def test_a_national_team_in_lower_case_is_a_name() -> None:
    en = "Italy's national football, along with German national football team is the second most successful team."
    assert "German national football team" in english(en)
    found = rows("義大利國家足球隊和德國國家足球隊均是世界第二成功的球隊。", en)
    assert ("德國國家足球隊", "German national football team") in found
    assert not [c for c in english("The national team lost again.") if "team" in c]
