"""Organisations of fresh9 (issue 13: Taiwan organisation acts and AIT speeches outside the gold): each
test is a general rule shaped like one of its misses, and fails without the rule."""

from __future__ import annotations

from bitext.entities.place_prefixes import demonyms_answered
from test_entities_institutions import english, rows


def test_a_body_and_the_place_it_sits_in_are_one_english_name() -> None:
    found = english("We thank the American Institute in Taiwan for its support.")
    assert "American Institute in Taiwan" in found
    found = english("The Taipei Economic and Cultural Office in New York opened a new hall.")
    assert "Taipei Economic and Cultural Office in New York" in found
    # "in" after anything but a seated body's designator still ends the name
    found = english("The case was heard by the High Court in Hong Kong last year.")
    assert "High Court" in found and not [c for c in found if " in " in c]
    found = english("Apple in China sold more phones.")
    assert not [c for c in found if " in " in c]


def test_a_country_word_answers_the_demonym_its_abbreviation_spells() -> None:
    assert demonyms_answered("美国", ["american", "institute", "in", "taiwan"]) == {0}
    assert demonyms_answered("英国", ["british", "council"]) == {0}
    assert demonyms_answered("法国", ["french", "national", "centre"]) == {0}
    # the abbreviation's other senses are no demonyms; other words are no country words
    assert demonyms_answered("美国", ["beautiful", "garden"]) == set()
    assert demonyms_answered("法国", ["law", "school"]) == set()
    assert demonyms_answered("美元", ["american", "dollar"]) == set()


def test_a_body_named_after_its_country_is_found_whole() -> None:
    found = rows(
        "美國在台協會要向上週不幸事件的受難者表達慰問。",
        "The American Institute in Taiwan expresses its condolences to the victims of last week's incident.",
    )
    assert ("美國在台協會", "American Institute in Taiwan") in found


def test_a_head_s_title_after_a_body_is_not_part_of_its_name() -> None:
    found = english("I thank the Palace Museum Director, Mr. Wu, for his help.")
    assert "Palace Museum" in found
    assert "Palace Museum Director" not in found


def test_a_library_is_a_body() -> None:
    found = english("I thank the National Taichung Library Director, Mr. Yang, for his help.")
    assert "National Taichung Library" in found


def test_a_place_name_jieba_cuts_into_two_characters_is_one_word_again() -> None:
    # 國立|台|中|圖書館: jieba reads 台 as a measure word and 中 as "middle"
    found = rows(
        "我也要再次肯定國立台中圖書館的楊館長。",
        "I'd also like to once again recognize National Taichung Library Director, Mr. Yang.",
    )
    assert ("國立台中圖書館", "National Taichung Library") in found


def test_a_word_in_zheng_the_dictionary_lacks_is_the_administration_of_its_first_part() -> None:
    from bitext.entities.dictionary import gloss_words

    assert {"prison", "administration"} <= gloss_words("狱政")
    assert "administration" not in gloss_words("邮政")  # a word CC-CEDICT glosses keeps its glosses


def test_one_committee_named_by_two_fields_joined_by_and() -> None:
    from bitext.entities.dictionary import _one_name_with_and
    from bitext.entities.spans import inner_conjunction

    en = "committee on judicial and prison administration affairs"
    assert inner_conjunction(en)  # Administration inside the name is a content word, not a second head
    assert not inner_conjunction("university of oxford and chinese university")
    # 司法 "judicial" ends like a law (法), but the English names no law
    assert _one_name_with_and("司法及狱政委员会", en)
    found = rows(
        "監察院設下列各委員會：司法及獄政委員會。",
        "The Control Yuan shall establish the following committee: Committee on Judicial and Prison "
        "Administration Affairs.",
    )
    assert ("司法及獄政委員會", "Committee on Judicial and Prison Administration Affairs") in found


def test_a_body_word_the_dictionary_glosses_as_a_common_word_still_ends_on_its_designator() -> None:
    # CC-CEDICT glosses 衛生署 "health bureau" (no proper noun), jieba keeps it one word
    found = rows(
        "本院之主管機關為行政院衛生署。",
        "The competent authority of the Act shall be the Department of Health, Executive Yuan.",
    )
    assert ("衛生署", "Department of Health") in found


def test_si_a_ministry_s_department_composes_as_a_body() -> None:
    from bitext.entities.dictionary import composed_match

    assert composed_match("邮电司", "department of posts and telecommunications") is not None
    found = rows(
        "本法施行前，交通部郵電司之現職人員隨業務移撥至本部。",
        "Before this Act, the existing personnel at the Department of Posts and Telecommunications, Ministry of "
        "Transportation and Communications, are transferred to the Ministry.",
    )
    assert ("交通部郵電司", "Department of Posts and Telecommunications") in found or (
        "郵電司",
        "Department of Posts and Telecommunications",
    ) in found


def test_a_general_bureau_is_a_directorate_general() -> None:
    found = rows(
        "原電信總局改制之留任人員，仍得依原規定辦理。",
        "The retained personnel after the restructuring of the Directorate General of Telecommunications may "
        "still be eligible in the same manner.",
    )
    assert ("電信總局", "Directorate General of Telecommunications") in found


def test_a_yuan_is_never_a_ministry() -> None:
    from bitext.entities.dictionary import composed_match

    # 司法 "justice" and 院 once stood for any body's designator: 司法院 ↔ Ministry of Justice
    assert composed_match("司法院", "ministry of justice") is None
    assert composed_match("司法院", "judicial yuan") is not None
    assert composed_match("法务部", "ministry of justice") is not None
    found = rows(
        "其借調應報請司法院或法務部同意後行之。",
        "The secondment must be approved by the Judicial Yuan or the Ministry of Justice.",
    )
    assert ("司法院", "Ministry of Justice") not in found
    assert ("司法院", "Judicial Yuan") in found and ("法務部", "Ministry of Justice") in found


def test_the_word_after_an_item_number_starts_the_sentence() -> None:
    # "Investigate" after "1." was read as capitalised mid-sentence, so it stayed in a name
    assert english("1. Investigate the Company’s business and financial status.") == ["Company"]
    assert "Audit" not in " ".join(english("2. Audit the Company’s account books and documents."))


def test_a_dotted_acronym_is_a_variant_of_the_name_it_abbreviates() -> None:
    from test_entities_institutions import table

    entities = table(
        "美國與台灣的關係比以往更堅實。我們在美國慶祝。",
        "The U.S.-Taiwan relationship today is stronger than ever. We celebrate in the United States.",
    )
    us = [p for p in entities if p.zh == "美國"]
    assert len(us) == 1  # one row, not 美國 ↔ U.S. beside 美國 ↔ United States
    assert {"U.S.", "United States"} <= set(us[0].en_variants)


def test_civil_service_words_compose_the_laws_that_govern_it() -> None:
    from bitext.entities.law_titles import title_match

    assert title_match("公务人员俸给法", "Civil Service Pay Act") is not None
    assert title_match("公教人员保险法", "Civil Servants Insurance Act") is not None
    assert title_match("公务人员考试法", "Civil Service Examination Act") is not None


def test_laws_in_general_and_what_cites_a_title_are_not_in_it() -> None:
    # 法令 "laws" after 公務人員有關 cites no title; 不受 "not subject to" opens no title
    found = rows(
        "前項人員，不受公務人員考試法有關特考特用之限制；並適用公務人員有關法令。",
        "Personnel shall not be subject to the Civil Service Examination Act, and the regulations governing civil "
        "servants shall apply.",
    )
    assert ("公務人員考試法", "Civil Service Examination Act") in found
    assert not [zh for zh, _ in found if zh.startswith("不受") or zh.endswith("有關法")]


def test_two_laws_cited_together_are_two_titles() -> None:
    found = english("They are not subject to the Civil Service Examination Act and the Civil Service Employment Act.")
    assert "Civil Service Examination Act" in found and "Civil Service Employment Act" in found
    assert not [c for c in found if " and " in c]
    assert "Bosnia and Herzegovina" in english("He visited Bosnia and Herzegovina.")


def test_a_lower_case_prefix_hyphenated_to_a_name_is_not_part_of_it() -> None:
    assert english("It became a member of the international anti-ISIL coalition.") == ["ISIL"]
    assert "Beijing" in english("The pro-Beijing camp won the vote.")
    assert english("The non-Romani residents left.") == ["Romani"]


def test_the_other_names_a_gloss_gives_after_aka_are_its_names() -> None:
    from bitext.entities.dictionary import direct_match, gloss_heads

    assert "isil" in gloss_heads("伊斯兰国")  # "Islamic State group (aka IS or ISIL or ISIS)"
    assert "is" not in gloss_heads("伊斯兰国")  # two letters: a common word's spelling
    assert direct_match("伊斯兰国", "ISIL") is not None
    found = rows(
        "台灣也成為反伊斯蘭國國際聯盟的一員。",
        "Taiwan became a member of the international anti-ISIL coalition.",
    )
    assert ("伊斯蘭國", "ISIL") in found


def test_a_postal_administration_is_a_post() -> None:
    found = rows(
        "交通部依郵政法第三條規定，設中華郵政股份有限公司。",
        "Chunghwa Post Co., Ltd. is established under Article 3 of the Postal Act by the Ministry of "
        "Transportation and Communications.",
    )
    assert any(zh.startswith("中華郵政") and en.startswith("Chunghwa Post") for zh, en in found)


def test_a_body_head_s_title_after_a_surname_is_no_given_name() -> None:
    # 王|院長: the Speaker (head of a Yuan), not a person called 王院長
    found = rows(
        "王院長，張主委，各位貴賓，大家好。",
        "Speaker Wang, Chairperson Chang, distinguished guests, good afternoon.",
    )
    assert ("王院長", "Wang") not in found
    assert not [zh for zh, _ in found if zh in ("王院長", "張主委")]
