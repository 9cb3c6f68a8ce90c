"""Institutions, laws and events (ORG / MISC): candidates with the right boundaries and the signals
that pair them. Each example is a small sentence pair shaped like the gold's documents (statutes,
news)."""

from __future__ import annotations

import bitext
from bitext.entities import EntityTable, align_entities
from bitext.entities.candidates import english_candidates, english_document_context
from bitext.entities.dictionary import composed_match, gloss_words
from bitext.segment import segment
from test_entities import one_to_one


def english(text: str) -> list[str]:
    doc = segment(text, "en", presegmented=True)
    capitalised, terms = english_document_context(doc)
    return [c.text for i in range(len(doc)) for c in english_candidates(doc, i, capitalised, terms)]


def table(zh: str, en: str) -> EntityTable:
    return align_entities(one_to_one([zh], [en]))


def rows(zh: str, en: str) -> set[tuple[str, str]]:
    return {(p.zh, p.en) for p in table(zh, en)}


# ---------------------------------------------------------------- English boundaries


def test_a_statute_item_number_does_not_keep_the_opener_in_the_name() -> None:
    found = english("2. If the Legislative Yuan does not concur, it may request a review.")
    assert "Legislative Yuan" in found
    assert not [c for c in found if c.startswith("If")]
    found = english("(2) Should the Executive Yuan deem a bill difficult to execute, it may ask again.")
    assert "Executive Yuan" in found
    assert not [c for c in found if c.startswith("Should")]


def test_time_zones_are_not_names() -> None:
    assert english("The quake struck at 10:30 GMT on the island.") == []
    assert rows("地震發生於格林威治標準時間10時30分。", "The quake struck at 10:30 GMT.") == set()


def test_the_bare_name_drops_a_connector_left_at_its_end() -> None:
    found = english("It shall be drafted by the National Science and Technology Council in consultation.")
    assert "National Science and Technology Council" in found
    assert "National Science and" not in found


def test_a_common_opener_before_of_leaves_the_name_after_it() -> None:
    found = english("Goods of the Mainland Area may not be imported.")
    assert "Mainland Area" in found
    assert "of the Mainland Area" not in found


# ---------------------------------------------------------------- composed institutional names


def test_affairs_needs_no_chinese_counterpart() -> None:
    found = table("本辦法由大陸委員會擬訂。", "These rules shall be drafted by the Mainland Affairs Council.")
    row = next(p for p in found if p.en == "Mainland Affairs Council")
    assert row.zh == "大陸委員會"
    assert any(label.startswith("composed:") for label in row.evidence), row.evidence


def test_a_name_ends_at_its_designator_not_at_the_verb_after_it() -> None:
    found = rows(
        "前項辦法，由行政院勞工委員會會同財政部擬訂。",
        "The rules shall be drafted by the Council of Labor Affairs in conjunction with the Ministry of Finance.",
    )
    assert ("勞工委員會", "Council of Labor Affairs") in found
    assert ("財政部", "Ministry of Finance") in found
    assert not [zh for zh, _ in found if "會同" in zh]


def test_and_inside_one_institution_name() -> None:
    found = rows(
        "其辦法由國家科學及技術委員會定之。",
        "The rules shall be drafted by the National Science and Technology Council.",
    )
    assert ("國家科學及技術委員會", "National Science and Technology Council") in found
    found = rows("海地正義與民主組織發表報告。", "The Haitian Institute for Justice and Democracy published a report.")
    assert ("海地正義與民主組織", "Haitian Institute for Justice and Democracy") in found
    # two names coordinated stay two rows
    found = rows("美國和加拿大簽署協議。", "The United States and Canada signed an agreement.")
    assert ("美國和加拿大", "United States and Canada") not in found


# ---------------------------------------------------------------- what is no name


def test_an_office_is_no_name_but_the_body_after_of_is() -> None:
    found = english("The President of the Executive Yuan shall report to the Members of the Legislative Yuan.")
    assert {"Executive Yuan", "Legislative Yuan"} <= set(found)
    assert not [c for c in found if c.startswith(("President", "Members"))]
    assert ("商務大臣", "Business Minister") not in rows("商務大臣發表談話。", "The Business Minister spoke.")


def test_currencies_are_no_names() -> None:
    assert english("A fine of not more than Ten Million New Taiwan Dollars shall be imposed.") == []


def test_a_designator_alone_is_not_the_end_of_a_glossed_name() -> None:
    found = rows("奧運會明年舉行。", "The Games will be held next year.")
    assert ("奧運會", "Games") not in found


# ---------------------------------------------------------------- institutional vocabulary


def composed_row(zh: str, en: str, name_en: str) -> tuple[str, tuple[str, ...]]:
    found = table(zh, en)
    row = next((p for p in found if p.en == name_en), None)
    assert row is not None, [(p.zh, p.en) for p in found]
    return row.zh, row.evidence


def test_government_words_the_dictionary_glosses_otherwise() -> None:
    zh, evidence = composed_row(
        "本辦法由法務部定之。", "The rules shall be drafted by the Ministry of Justice.", "Ministry of Justice"
    )
    assert zh == "法務部"
    assert any(label.startswith("composed:") for label in evidence), evidence
    zh, _ = composed_row(
        "美軍工兵部隊表示堤防已修復。",
        "The U.S. Corps of Engineers said the levee was repaired.",
        "U.S. Corps of Engineers",
    )
    assert zh.endswith("工兵部隊")
    zh, _ = composed_row(
        "他在威斯敏斯特裁判法院出庭。",
        "He appeared at Westminster Magistrates Court.",
        "Westminster Magistrates Court",
    )
    assert zh == "威斯敏斯特裁判法院"


def test_national_needs_no_chinese_word() -> None:
    zh, _ = composed_row(
        "美國地震資訊中心沒有收到報告。",
        "The National Earthquake Information Center received no report.",
        "National Earthquake Information Center",
    )
    assert zh.endswith("地震資訊中心")


def test_a_law_the_dictionary_lacks_is_read_by_its_words() -> None:
    zh, evidence = composed_row(
        "依醫療法處罰。", "It shall be punished under the Medical Care Act.", "Medical Care Act"
    )
    assert zh == "醫療法"
    assert any(label.startswith("composed") for label in evidence), evidence


def test_a_body_inside_a_ministry_with_its_ending_glued_to_the_verb() -> None:
    found = table(
        "由內政部移民署處新臺幣二千元罰鍰。",
        "It shall be fined by the National Immigration Agency of the Ministry of the Interior.",
    )
    assert ("內政部移民署", "National Immigration Agency of the Ministry of the Interior") in {
        (p.zh, p.en) for p in found
    }
    assert not [p for p in found if p.zh == "內政部" and "Agency" in p.en]


def test_a_body_named_with_and_without_its_owner_is_one_row() -> None:
    alignment = one_to_one(
        ["本條例由中央銀行定之。", "中央銀行得限制之。"],
        [
            "The rules shall be drafted by the Central Bank of the Republic of China.",
            "The Central Bank may restrict it.",
        ],
    )
    found = [p for p in align_entities(alignment) if p.zh == "中央銀行"]
    assert len(found) == 1
    assert found[0].en == "Central Bank of the Republic of China"
    assert {"Central Bank", "Central Bank of the Republic of China"} <= set(found[0].en_variants)
    alignment = one_to_one(
        ["應向內政部申請。", "由內政部擬訂。"],
        ["It shall apply to the Ministry of the Interior.", "It shall be drafted by the Ministry of Interior."],
    )
    assert len([p for p in align_entities(alignment) if p.zh == "內政部"]) == 1


def test_an_event_ending_answers_only_its_own_kind_of_event() -> None:
    zh, _ = composed_row("他參加了大英國協運動會。", "He took part in the Commonwealth Games.", "Commonwealth Games")
    assert zh == "大英國協運動會"
    found = rows("伊朗革命引發了伊朗人質危機。", "The Iranian Revolution led to the hostage crisis.")
    assert ("伊朗人質危機", "Iranian Revolution") not in found


def test_a_place_coordinated_with_a_place_is_not_one_name() -> None:
    found = rows(
        "得先行試辦金門、馬祖、澎湖與大陸地區之通商。",
        "It may permit transactions between Kinmen, Matsu, Penghu and the Mainland Area as a trial.",
    )
    assert not [zh for zh, _ in found if "與" in zh]


# ---------------------------------------------------------------- one-word names


def test_one_word_bodies_languages_and_bodies_of_the_sky() -> None:
    alignment = one_to_one(
        ["參議院通過了法案。", "法案送交參議院及內閣。", "地球繞著太陽轉。", "他會說日語。"],
        [
            "The Senate passed the bill.",
            "The bill went to the Senate and the Cabinet.",
            "The Earth goes around the Sun.",
            "He speaks Japanese.",
        ],
    )
    found = {(p.zh, p.en): p.type for p in align_entities(alignment)}
    assert found.get(("參議院", "Senate")) == "ORG"
    assert found.get(("內閣", "Cabinet")) == "ORG"
    assert found.get(("地球", "Earth")) == "LOC"
    assert found.get(("日語", "Japanese")) == "MISC"


def test_a_capitalised_word_of_a_title_is_not_paired_alone() -> None:
    alignment = one_to_one(
        ["報告指出，風險很高。", "該報告已經發表。"],
        ["The Report says the risk is high.", "The findings of the Report were published."],
    )
    assert not [p for p in align_entities(alignment) if p.en == "Report"]


def test_one_law_word_for_another() -> None:
    zh, evidence = composed_row("依刑法處罰。", "It shall be punished under the Criminal Code.", "Criminal Code")
    assert zh == "刑法"
    assert "cedict:criminal law" in evidence


# ---------------------------------------------------------------- events


def test_a_storm_named_designator_first() -> None:
    found = table("卡崔娜颶風來襲時曾水淹第九區。", "The Ninth Ward was flooded during Hurricane Katrina.")
    row = next(p for p in found if p.en == "Hurricane Katrina")
    assert row.zh == "卡崔娜颶風"
    assert row.type == "MISC"


def test_an_event_named_in_lower_case_after_a_capitalised_word() -> None:
    found = table("伊朗革命引發了伊朗人質危機。", "The Iranian Revolution led to the Iran hostage crisis.")
    rows_found = {(p.zh, p.en): p.type for p in found}
    assert rows_found.get(("伊朗人質危機", "Iran hostage crisis")) == "MISC"


def test_a_capitalised_translation_of_a_common_noun_is_no_name() -> None:
    found = rows("太監走了進來。", "The Palace Eunuch came in.")
    assert ("太監", "Palace Eunuch") not in found


def test_a_glossed_name_takes_the_kind_of_its_english_designator() -> None:
    found = {(p.zh, p.en): p.type for p in table("他們簽署了里加和約。", "They signed the Riga Peace Treaty.")}
    assert found.get(("里加和約", "Riga Peace Treaty")) == "MISC", found


def test_laws_named_designator_first_or_with_a_word_jieba_keeps_whole() -> None:
    zh, _ = composed_row(
        "依緊急命令法規定辦理。", "It shall proceed under the Law on Emergency Decrees.", "Law on Emergency Decrees"
    )
    assert zh == "緊急命令法"
    zh, _ = composed_row(
        "依管理外匯條例之規定。", "As provided in the Foreign Exchange Control Act.", "Foreign Exchange Control Act"
    )
    assert zh == "管理外匯條例"
    zh, evidence = composed_row(
        "依海關緝私條例處罰。",
        "It shall be punished under the Act Governing the Customs' Investigation of Smuggling.",
        "Act Governing the Customs' Investigation of Smuggling",
    )
    assert zh == "海關緝私條例"
    assert any(label.startswith("composed-partly:") for label in evidence), evidence


def test_a_law_word_inside_a_body_name_and_a_verb_before_it() -> None:
    zh, _ = composed_row(
        "大法官並組成憲法法庭審理彈劾案。",
        "The grand justices shall form a Constitutional Court to adjudicate impeachments.",
        "Constitutional Court",
    )
    assert zh == "憲法法庭"


def test_a_body_jieba_cuts_across_words() -> None:
    found = rows(
        "由行政院院長、立法院院長組織委員會。",
        "The Presidents of the Executive Yuan and the Legislative Yuan shall form a committee.",
    )
    assert ("立法院", "Legislative Yuan") in found
    assert ("行政院", "Executive Yuan") in found


def test_an_era_and_the_allies() -> None:
    found = {
        (p.zh, p.en): p.type
        for p in table("三國是中國歷史上最血腥的時代之一。", "The Three Kingdoms was one of the bloodiest eras.")
    }
    assert found.get(("三國", "Three Kingdoms")) == "MISC", found
    alignment = one_to_one(
        ["同盟國進攻法國南部。", "同盟國獲勝。"], ["The Allies invaded southern France.", "The Allies won."]
    )
    found = {(p.zh, p.en): p.type for p in align_entities(alignment)}
    assert found.get(("同盟國", "Allies")) == "ORG", found


def test_an_office_inside_is_no_body_name() -> None:
    from bitext.entities.dictionary import composed_match

    assert composed_match("立法委员组织", "Legislative Yuan") is None
    assert composed_match("立法院", "Legislative Yuan") is not None or ("立法院", "Legislative Yuan") in rows(
        "立法院開會。", "The Legislative Yuan met."
    )


def test_cooccurrence_does_not_override_a_gloss_naming_another_body() -> None:
    alignment = one_to_one(
        [
            "行政院對立法院負責。",
            "行政院應向立法院提出報告。",
            "立法院得決議移請行政院變更之。",
            "行政院得經總統核可。",
        ],
        [
            "The Executive Yuan shall be responsible to the Legislative Yuan.",
            "The Executive Yuan shall present a report to the Legislative Yuan.",
            "The Legislative Yuan may request the Executive Yuan to alter it.",
            "With the approval of the President, the Legislative Yuan may act.",
        ],
    )
    found = {(p.zh, p.en) for p in align_entities(alignment)}
    assert ("行政院", "Executive Yuan") in found
    assert ("行政院", "Legislative Yuan") not in found


def test_a_body_cut_across_words_and_a_wrapped_line() -> None:
    zh = "由行政院院長、立\n法院院長組織委員會。"
    en = "The Presidents of the Executive Yuan and the Legislative Yuan shall form a committee."
    doc_zh = bitext.segment(zh, "zh", layout="wrapped")
    found = {(p.zh, p.en) for p in align_entities(bitext.align(doc_zh, bitext.segment(en, "en")))}
    assert ("立法院", "Legislative Yuan") in found


def test_a_storm_named_designator_first_on_a_wrapped_line() -> None:
    zh = "第九區的居民表示，去年夏天的卡崔\n娜颶風來襲時，這一帶曾經水淹高達二\n十英尺，目前水深及腰，堤防沒入水中。"
    en = (
        "Residents of the Ninth Ward said the area was flooded as high as 20 feet during Hurricane Katrina "
        "last summer; the water is now waist-high and the levee was overtopped."
    )
    alignment = bitext.align(bitext.segment(zh, "zh", layout="wrapped"), bitext.segment(en, "en"))
    found = {(p.zh, p.en): p for p in align_entities(alignment)}
    assert ("卡崔娜颶風", "Hurricane Katrina") in found
    storm = found["卡崔娜颶風", "Hurricane Katrina"]
    # the variant reads as the name does; the mention's span keeps the text as written, line break and all
    assert storm.variants == ("卡崔娜颶風",)
    assert [zh[m.zh_start : m.zh_end] for m in storm.mentions] == ["卡崔\n娜颶風"]


def test_a_show_a_doctrine_and_an_era() -> None:
    zh, _ = composed_row(
        "在東京電玩展的主題演講中，他公布了新機。",
        "At the keynote of the Tokyo Game Show, he unveiled the new console.",
        "Tokyo Game Show",
    )
    assert zh == "東京電玩展"
    found = rows(
        "中華民國基於三民主義。", "The Republic of China shall be founded on the Three Principles of the People."
    )
    assert ("三民主義", "Three Principles of the People") in found
    assert "Late Middle Ages" in english("It was followed by the Late Middle Ages, which ended around 1500.")


def test_an_acronym_the_dictionary_expands() -> None:
    found = {
        (p.zh, p.en): p.evidence
        for p in table("美國國家航空暨太空總署表示任務成功。", "NASA said the mission succeeded.")
    }
    evidence = found.get(("美國國家航空暨太空總署", "NASA"))
    assert evidence is not None, found
    assert "abbreviation:national aeronautics and space administration" in evidence


def test_a_capitalised_common_word_before_an_event_word_is_no_event() -> None:
    from bitext.entities.events import event_phrases

    doc = bitext.segment("The war ended in 1945. Later the Iran hostage crisis began.", "en")
    found = [c.text for i in range(len(doc.sentences)) for c in event_phrases(doc, i)]
    assert found == ["Iran hostage crisis"]


def test_an_acronyms_chinese_name_does_not_run_over_and_into_the_name_before_it() -> None:
    # CASS's long form (CC-CEDICT) is searched character by character; 和 standing as a word joins two
    # names, so the span is 中國社會科學院, not 理工大學和中國社會科學院 (the long form has no "and").
    found = rows("澳門理工大學和中國社會科學院合辦講座。", "Macao Polytechnic University and CASS hold a lecture.")
    assert ("中國社會科學院", "CASS") in found
    assert not [zh for zh, _ in found if "和" in zh]


def test_polytechnic_universities_and_institutes() -> None:
    # 理工 is glossed "science and engineering" only; in a university's name it is "Polytechnic".
    found = rows("代表團訪問了里斯本理工學院。", "The delegation visited the Polytechnic Institute of Lisbon.")
    assert ("里斯本理工學院", "Polytechnic Institute of Lisbon") in found
    found = rows("澳門理工大學今年招收新生。", "Macao Polytechnic University admits new students this year.")
    assert ("澳門理工大學", "Macao Polytechnic University") in found


def test_a_rector_or_chief_executive_before_a_name_is_a_title() -> None:
    assert "Yonghua Song" in english("The delegation was led by Rector Yonghua Song.")
    assert "Ho Iat Seng" in english("The visit was witnessed by Chief Executive Ho Iat Seng.")
    # "Executive" alone still opens a body's name
    assert "Executive Yuan" in english("The bill was sent to the Executive Yuan.")


def test_sar_in_an_english_name_answers_special_administrative_region() -> None:
    found = rows("澳門特別行政區政府今日公布新措施。", "The Macao SAR Government announced new measures today.")
    assert ("澳門特別行政區政府", "Macao SAR Government") in found
    # every word answered: a strong pair (was one English word unanswered, 0.68)
    match = composed_match("澳门特别行政区政府", "Macao SAR Government")
    assert match is not None and match.score >= 0.8


def test_a_reading_note_in_a_gloss_is_no_translation() -> None:
    # CC-CEDICT's 行 carries "Taiwan pr. [xing4] for …": a reading note, so 行 does not answer "Taiwan"
    assert "taiwan" not in gloss_words("行")
    assert "taiwan" in gloss_words("台")


def test_a_country_left_unanswered_is_not_one_name() -> None:
    # one English word may stay unglossed in a long body's name (Global Environment Facility), not a country
    learned = {"澳门理工大学": "Macao Polytechnic University"}  # a name the document already paired
    assert composed_match("澳门理工大学校长", "Macao and Taiwan Affairs Office", learned, unglossed_tail=True) is None
    assert composed_match("全球环境基金", "Global Environment Facility", unglossed_tail=True) is not None
