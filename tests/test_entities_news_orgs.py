"""Organisations in government news (issue 13, third out-of-sample check: Hong Kong government news
and a university report): names written with "&", a conjunction jieba glues to the name after it,
names the Chinese keeps in Latin letters inside a longer English run. Each example is a small
sentence pair shaped like a news release."""

from __future__ import annotations

from test_entities_institutions import english, rows, table


def test_an_ampersand_joins_one_name() -> None:
    found = english("He will visit the Commonwealth Scientific & Industrial Research Organisation today.")
    assert "Commonwealth Scientific & Industrial Research Organisation" in found


def test_and_between_two_names_each_with_an_ampersand() -> None:
    found = english(
        "The forum is organised by the Australian Chamber of Commerce & Industry and the Hong Kong Economic "
        "& Trade Office, Sydney."
    )
    assert "Australian Chamber of Commerce & Industry" in found
    assert "Hong Kong Economic & Trade Office" in found


def test_an_ampersand_inside_a_word_stays_one_word() -> None:
    found = english("He worked at AT&T before joining the board.")
    assert "AT&T" in found


def test_a_body_with_an_ampersand_pairs_with_its_chinese_name_over_its_conjunction() -> None:
    found = rows(
        "他會參觀澳洲聯邦科學與工業研究組織。",
        "He will visit the Commonwealth Scientific & Industrial Research Organisation.",
    )
    assert any(
        en == "Commonwealth Scientific & Industrial Research Organisation" and zh.endswith("聯邦科學與工業研究組織")
        for zh, en in found
    )


def test_a_conjunction_glued_to_a_place_does_not_cut_the_name_after_it() -> None:
    # jieba reads 和澳洲 as one place name; the exchange's Chinese name starts after 和
    found = rows(
        "他會參觀兩間培育中心和澳洲證券交易所。",
        "He will visit two incubators and the Australian Securities Exchange.",
    )
    assert ("澳洲證券交易所", "Australian Securities Exchange") in found


def test_a_place_whose_name_starts_with_the_conjunction_stays_whole() -> None:
    from bitext.entities.candidates import sentence_tokens
    from bitext.segment import segment

    doc = segment("他去了和田。", "zh", presegmented=True)
    assert "和田" in [t.simplified for t in sentence_tokens(doc, 0)]


def test_a_latin_name_inside_a_longer_english_run_pairs_with_its_copy() -> None:
    found = rows(
        "他會參觀研究組織旗下的Data61。",
        "He will visit the Research Organisation's Data61 group.",
    )
    assert ("Data61", "Data61") in found
    found = rows(
        "孫東與加拿大國會議員Greg McLean會面。",
        "Professor Sun met Member of the House of Commons Greg McLean.",
    )
    assert ("Greg McLean", "Greg McLean") in found


def test_a_copied_acronym_inside_a_longer_name_is_no_row() -> None:
    found = rows(
        "文藻 USR 團隊持續提供英文教學。",
        "The Wenzao USR team continued to provide English teaching.",
    )
    assert ("USR", "USR") not in found


def test_business_associations_and_chambers_compose() -> None:
    found = rows(
        "他會在澳洲工商總會舉辦的論壇上發表演說。",
        "He will speak at a forum organised by the Australian Chamber of Commerce & Industry.",
    )
    assert ("澳洲工商總會", "Australian Chamber of Commerce & Industry") in found
    found = rows(
        "他為香港澳洲商會新南威爾士州分會舉辦的嘉年華主禮。",
        "He officiated at the carnival organised by the Hong Kong-Australia Business Association New South "
        "Wales Chapter.",
    )
    assert ("香港澳洲商會新南威爾士州分會", "Hong Kong-Australia Business Association New South Wales Chapter") in found


def test_a_word_jieba_guesses_is_a_verb_may_open_a_name() -> None:
    # 港加 ("Hong Kong-Canada", two one-character abbreviations) is no CC-CEDICT word; jieba tags it v
    found = rows("港加商會舉辦研討會。", "The Hong Kong-Canada Business Association held a seminar.")
    assert ("港加商會", "Hong Kong-Canada Business Association") in found
    # … and glues the preposition before it: 由港加
    found = rows("研討會由港加商會舉辦。", "The seminar was organised by the Hong Kong-Canada Business Association.")
    assert ("港加商會", "Hong Kong-Canada Business Association") in found


def test_a_known_verb_still_opens_no_name() -> None:
    from bitext.entities.candidates import sentence_tokens
    from bitext.segment import segment

    # 由於 "because of" is a CC-CEDICT word: not cut into 由 + 於
    doc = segment("由於天氣不好，比賽延期。", "zh", presegmented=True)
    assert "由于" in [t.simplified for t in sentence_tokens(doc, 0)]


def test_british_spelling_meets_the_dictionarys_american() -> None:
    # CC-CEDICT glosses 工黨 "Labor Party"; Hong Kong and British English write Labour
    assert ("工黨", "Labour Party") in rows("他是工黨的領袖。", "He is the leader of the Labour Party.")


def test_british_spelling_folds_only_its_own_endings() -> None:
    from bitext.entities.dictionary import american

    assert [american(w) for w in ("labour", "centre", "organisation", "defence")] == [
        "labor",
        "center",
        "organization",
        "defense",
    ]
    assert [american(w) for w in ("four", "behaviour", "tour", "genre")] == ["four", "behaviour", "tour", "genre"]


def test_a_faculty_of_a_university_named_with_of_is_not_paired_with_the_university_alone() -> None:
    found = rows(
        "香港中文大學醫學院的研究人員發表了論文。",
        "Researchers at the Faculty of Medicine of the Chinese University of Hong Kong published a paper.",
    )
    assert ("香港中文大學", "Faculty of Medicine of the Chinese University of Hong Kong") not in found
    assert "Chinese University of Hong Kong" in english(
        "Researchers at the Faculty of Medicine of the Chinese University of Hong Kong published a paper."
    )


def test_hong_kong_standard_characters_are_simplified_like_their_taiwan_forms() -> None:
    from bitext.script import to_simplified

    # 衞 is Hong Kong's form of 衛 (衞生署 Department of Health, 世界衞生組織); OpenCC's t2s keeps it
    assert to_simplified("世界衞生組織") == to_simplified("世界衛生組織") == "世界卫生组织"
    assert to_simplified("什么著名") == "什么著名"  # 么 and 著 are simplified characters themselves
    assert ("世界衞生組織", "WHO") in rows("世界衞生組織表示關注。", "The WHO expressed concern.")


def test_the_hong_kong_variants_are_those_opencc_converts_for_hong_kong() -> None:
    from bitext.script import convert, to_simplified

    for variant in "敍枱痺睪簷粧糭衞衹":
        assert convert(variant, "t2s") == variant  # t2s keeps it ...
        assert to_simplified(variant) != variant  # ... and the project converts it
        assert to_simplified(variant) in (convert(variant, "hk2s"), convert(variant, "tw2s"))


def test_a_company_or_club_is_named_without_its_legal_ending() -> None:
    # CC-CEDICT: 蘋果公司 "Apple Inc.", 曼聯 "Manchester United Football Club"
    assert ("蘋果公司", "Apple") in rows("他們收購了蘋果公司的股份。", "They bought shares in Apple.")
    found = rows("球賽以曼聯擊敗利物浦告終。", "The match ended with Manchester United beating Liverpool.")
    assert ("曼聯", "Manchester United") in found


def test_a_gloss_longer_by_other_words_is_no_company_ending() -> None:
    from bitext.entities.dictionary import direct_match

    # "university of oxford" is not "university" with an ending
    assert direct_match("牛津大学", "University") is None


def test_the_holder_named_after_an_office_and_its_portfolio_is_a_candidate() -> None:
    found = rows("經濟部長王美花表示。", "Minister of Economic Affairs Wang Mei-hua said.")
    assert ("王美花", "Wang Mei-hua") in found
    assert "Nicholas Yang" in english("Secretary for Innovation & Technology Nicholas Yang will visit Sydney.")


def test_an_office_without_a_holder_yields_no_person() -> None:
    assert "Foreign Affairs" not in english("The Minister of Foreign Affairs spoke.")


def test_a_body_stationed_in_a_place_pairs_whole_with_its_english_name() -> None:
    found = rows(
        "他會在香港駐悉尼經濟貿易辦事處合辦的論壇上發表演說。",
        "He will speak at the forum organised by the Hong Kong Economic & Trade Office, Sydney.",
    )
    assert ("香港駐悉尼經濟貿易辦事處", "Hong Kong Economic & Trade Office") in found


def test_a_quantity_with_its_unit_copied_in_latin_letters_is_no_name() -> None:
    found = rows(
        "新路由器支援2.4Ghz和5.0Ghz頻段，速度達600Mbit。",
        "The new router supports the 2.4Ghz and 5.0Ghz bands at up to 600Mbit.",
    )
    assert not [zh for zh, _ in found if zh[0].isdigit()]


def test_a_body_at_the_head_of_a_longer_run_is_a_name_of_its_own() -> None:
    en = "Awards: Ministry of Education USR Outstanding Project."
    assert "Ministry of Education" in english(en)
    found = rows(
        "教育部主辦年度展覽。獲獎：教育部 USR 計畫優良案例。",
        "The Ministry of Education organizes the annual exhibition. " + en,
    )
    assert ("教育部", "Ministry of Education") in found


def test_an_acronym_both_sides_bracket_after_a_linked_name_is_no_row_of_its_own() -> None:
    found = rows(
        "執政黨西南非洲人民組織 (SWAPO) 保住了多數黨的地位。",
        "The ruling party, South West Africa People's Organisation (SWAPO), retained its majority.",
    )
    assert ("西南非洲人民組織", "South West Africa People's Organisation") in found
    assert ("SWAPO", "SWAPO") not in found
    # SWAPO is the initials of the name (its possessive 's no initial): a variant of the row
    long_rows = [
        p
        for p in table(
            "執政黨西南非洲人民組織 (SWAPO) 保住了多數黨的地位。",
            "The ruling party, South West Africa People's Organisation (SWAPO), retained its majority.",
        )
        if p.zh == "西南非洲人民組織"
    ]
    assert "SWAPO" in long_rows[0].en_variants
    found = rows(
        "馬德立在臨時選舉委員會 (CEP) 中宣誓。",
        "Martelly swore in a new Provisional Electoral Council (CEP).",
    )
    assert ("CEP", "CEP") not in found


def test_a_copied_acronym_standing_alone_still_pairs() -> None:
    found = rows("COBE 衛星的數據證實了這一點。", "Data from the COBE satellite confirmed it.")
    assert ("COBE", "COBE") in found


def test_two_chinese_words_the_dictionary_translates_by_the_same_name_are_one_row() -> None:
    found = table(
        "志工提供柬埔寨線上英文教學。志工的英語很好。",
        "Volunteers teach English online to Cambodia. The volunteers' English is good.",
    )
    english_rows = [p for p in found if p.en == "English"]
    assert len(english_rows) == 1
    assert {"英文", "英語"} <= set(english_rows[0].variants)


def test_different_english_names_keep_their_rows() -> None:
    found = rows("他會說英語和法語。", "He speaks English and French.")
    assert {("英語", "English"), ("法語", "French")} <= found
