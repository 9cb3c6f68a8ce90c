"""Hong Kong government text (Hansard, press releases): bodies named by an Authority, a body written
twice in one bead (in full and abbreviated), places GeoNames names, and false pairs a designator or a
speaker's language note made ("(in Cantonese)")."""

from __future__ import annotations

from bitext.entities import align_entities
from test_entities import one_to_one


def pairs(zh: str, en: str) -> dict[tuple[str, str], str]:
    return {(p.zh, p.en): p.type for p in align_entities(one_to_one([zh], [en]))}


def test_an_authority_ends_a_body_and_its_abbreviation_in_the_same_bead_is_the_same_body() -> None:
    found = pairs(
        "醫院管理局發言人表示，醫管局會跟進。",
        "A spokesman for the Hospital Authority said that the HA would follow up.",
    )
    assert found.get(("醫院管理局", "Hospital Authority")) == "ORG"


def test_a_company_name_is_not_transcribed_into_an_unrelated_word() -> None:
    found = pairs(
        "運輸及房屋局局長：主席，港鐵公司表示啟德站將於明年啟用。",
        "SECRETARY FOR TRANSPORT AND HOUSING (in Cantonese): President, the MTRCL said that Kai Tak Station"
        " will open next year.",
    )
    assert not [zh for zh, en in found if en == "Cantonese"]


def test_a_designator_alone_is_no_name() -> None:
    found = pairs(
        "潘國濂議員：主席，香港鐵路有限公司的工程延誤。",
        "MR STEVEN POON KWOK-LIM (in Cantonese): President, the project of the MTR Corporation Limited has"
        " been delayed.",
    )
    assert not [zh for zh, _ in found if zh == "有限公司"]
    assert ("潘國濂", "STEVEN POON KWOK-LIM") in found


def test_a_place_gazetteer_names_is_a_place_though_it_reads_like_a_person() -> None:
    found = pairs("消防處正在天水圍視察。", "The Fire Services Department is inspecting Tin Shui Wai.")
    assert found.get(("天水圍", "Tin Shui Wai")) == "LOC"


def test_hansard_writes_the_surname_in_capitals_after_an_english_given_name() -> None:
    found = pairs("主席：涂謹申議員，請發言。", "PRESIDENT: Mr James TO, please speak.")
    assert found.get(("涂謹申", "James TO")) == "PER"


def test_a_name_jieba_cuts_into_two_person_pieces_is_one_name() -> None:
    # jieba: 梁家|傑|議員 and 葉|劉淑儀: the whole name, not a piece, and no "傑議員"
    found = pairs("主席：梁家傑議員，請發言。", "PRESIDENT: Mr Alan LEONG, please speak.")
    assert ("梁家傑", "Alan LEONG") in found
    assert ("葉劉淑儀", "REGINA IP LAU SUK-YEE") in pairs("葉劉淑儀議員", "THE HONOURABLE MRS REGINA IP LAU SUK-YEE")


def test_a_transliterated_place_jieba_cuts_like_a_name_is_not_made_a_person() -> None:
    from bitext.entities import candidates as cand
    from bitext.segment import segment

    # FLORES devtest: jieba cuts 布姆|唐 (nrt, nr) here
    doc = segment("尤其是那些前往東方和賈卡爾 / 布姆唐的巴士。", "zh", presegmented=True)
    assert not [c for c in cand.chinese_candidates(doc, 0) if c.source == "surname" and c.key == "布姆唐"]


def test_a_law_in_title_marks_pairs_with_the_law_title_the_english_writes_without_quotes() -> None:
    found = pairs(
        "根據《個人資料(私隱)條例》(第486章)，市民有權查閱其個人資料。",
        "Under the Personal Data (Privacy) Ordinance (Cap. 486), members of the public have the right to access"
        " their personal data.",
    )
    assert found.get(("個人資料(私隱)條例", "Personal Data (Privacy) Ordinance")) == "MISC"
    bill = pairs("《2023年僱傭(修訂)條例草案》已獲通過。", "The Employment (Amendment) Bill 2023 was passed.")
    assert ("2023年僱傭(修訂)條例草案", "Employment (Amendment) Bill 2023") in bill


def test_the_special_administrative_region_is_a_place() -> None:
    found = pairs("他們在香港特別行政區居住。", "They live in the Hong Kong Special Administrative Region.")
    assert found.get(("香港特別行政區", "Hong Kong Special Administrative Region")) == "LOC"


def test_a_hong_kong_name_in_another_spelling_after_an_english_given_name() -> None:
    found = pairs("陳茂波司長宣布了多項措施。", "Mr Paul CHAN Mo-po announced measures.")
    assert found.get(("陳茂波", "Paul CHAN Mo-po")) == "PER"


def test_united_nations_resolution_bodies() -> None:
    # a General Assembly resolution's preamble (written after the United Nations' published form)
    zh = [
        "大會，",
        "注意到經濟及社會理事會和人權理事會的工作，",
        "歡迎聯合國難民事務高級專員辦事處提交的報告，",
        "請秘書長向大會提交一份報告。",
    ]
    en = [
        "The General Assembly,",
        "Noting the work of the Economic and Social Council and the Human Rights Council,",
        "Welcoming the report submitted by the Office of the United Nations High Commissioner for Refugees,",
        "Requests the Secretary-General to submit a report to the General Assembly.",
    ]
    rows = {(p.zh, p.en): p for p in align_entities(one_to_one(zh, en))}
    assert rows[("大會", "General Assembly")].count == 2  # a gloss "general assembly" is no title "General"
    assert ("經濟及社會理事會", "Economic and Social Council") in rows  # two "and"s in the English run
    assert ("聯合國難民事務高級專員辦事處", "Office of the United Nations High Commissioner for Refugees") in rows
    assert not [key for key in rows if key[1] == "Secretary-General"]  # an office, no name


def test_a_news_agency_named_without_news_agency() -> None:
    found = pairs("新華社北京3月5日電 會議開幕。", "BEIJING, March 5 (Xinhua) -- The session opened.")
    assert found.get(("新華社", "Xinhua")) == "ORG"


def test_a_gloss_with_a_lifespan_names_a_person_whatever_bodies_it_mentions() -> None:
    # CC-CEDICT: 趙樂際 "Zhao Leji (1957-), member of the Politburo Standing Committee and Secretary of …"
    zh, en = "全國人大常委會委員長趙樂際主持大會。", "Zhao Leji, chairman of the NPC Standing Committee, presided."
    found = pairs(zh, en)
    assert found.get(("趙樂際", "Zhao Leji")) == "PER"


def test_a_programme_named_without_its_generic_word() -> None:
    # CC-CEDICT: 一帶一路 "Belt and Road Initiative"; the English leaves "Initiative" out
    found = pairs("報告指出，要共建「一帶一路」。", "The report said China will pursue Belt and Road cooperation.")
    assert found.get(("一帶一路", "Belt and Road")) == "MISC"


def test_an_acronym_in_a_glosss_brackets_names_the_entry() -> None:
    # CC-CEDICT: 匯豐 "Hong Kong and Shanghai Banking Corporation (HSBC)"; the Hong Kong form is 滙豐
    assert pairs("匯豐宣布裁員。", "HSBC announced job cuts.").get(("匯豐", "HSBC")) == "ORG"
    found = pairs("滙豐控股及渣打銀行股價上升。", "Shares of HSBC Holdings and Standard Chartered Bank rose.")
    assert ("滙豐控股", "HSBC Holdings") in found  # not "Shares of HSBC Holdings"


def test_a_body_whose_designator_opens_the_sentence_keeps_it() -> None:
    from test_entities_institutions import english

    assert "Department of Justice" in english("Department of Justice officials said.")
    assert "Bank of China Hong Kong" in english("Bank of China Hong Kong said.")


def test_us_in_capitals_is_the_country_in_a_composed_name() -> None:
    found = pairs("美國商務部收緊了出口管制。", "The US Department of Commerce tightened export controls.")
    assert ("美國商務部", "US Department of Commerce") in found


def test_a_company_named_by_its_trade_is_an_organisation() -> None:
    found = pairs("三星電子的股價上升。", "Shares of Samsung Electronics rose.")
    assert found.get(("三星電子", "Samsung Electronics")) == "ORG"


def test_a_pinyin_surname_that_is_an_english_word_opens_a_sentence() -> None:
    from test_entities_institutions import english

    zh, en = "中國人民銀行行長潘功勝表示。", "Pan Gongsheng, governor of the People's Bank of China, said so."
    found = pairs(zh, en)
    assert found.get(("潘功勝", "Pan Gongsheng")) == "PER"
    assert "Pan" not in english("Pan the camera to the left.")  # the verb stays a common word


def test_a_city_named_without_city_before_its_mayor() -> None:
    from bitext.entities.dictionary import direct_match
    from test_entities_institutions import english

    assert "New Taipei" in english("New Taipei Mayor Hou Yu-ih attended the forum.")  # GeoNames: New Taipei City
    assert direct_match("新北市", "New Taipei") is not None  # CC-CEDICT: "New Taipei City, …"
    assert direct_match("墨西哥城", "Mexico") is None  # one word: the country, not its capital
