"""Segmentation cases from real documents (issue 14): list labels, numbered items, headings, Chinese
ellipses before 等, "?" standing for a character Big5 could not hold, footnote markers."""

from __future__ import annotations

import bitext
from bitext.segment import segment


def sentences(text: str, lang: str) -> list[str]:
    return segment(text, lang).sentence_texts()  # type: ignore[arg-type]


def test_a_numbered_list_item_is_one_segment_with_its_label() -> None:
    assert sentences("1. You modify files.\n", "en") == ["1. You modify files."]
    assert sentences("2. You share them. Then you stop.", "en") == ["2. You share them.", "Then you stop."]
    assert sentences("b. Keep a copy.", "en") == ["b. Keep a copy."]
    # A number ending a sentence is still a sentence end.
    assert sentences("It was founded in 1990. It grew.", "en") == ["It was founded in 1990.", "It grew."]


def test_bracketed_items_start_a_segment_alike_on_both_sides() -> None:
    zh = sentences("本條例適用於：（一）資料使用者；（二）資料處理者；及（三）資料當事人。其後生效。", "zh")
    en = sentences(
        "This Ordinance applies to: (1) data users; (2) data processors; and (3) data subjects. It then applies.",
        "en",
    )
    assert zh == ["本條例適用於：", "（一）資料使用者；", "（二）資料處理者；", "及（三）資料當事人。", "其後生效。"]
    assert en == [
        "This Ordinance applies to:",
        "(1) data users;",
        "(2) data processors;",
        "and (3) data subjects.",
        "It then applies.",
    ]
    half_width = sentences("下列人士：(一)主席；(二)委員。", "zh")
    assert half_width == ["下列人士：", "(一)主席；", "(二)委員。"]


def test_a_single_bracketed_reference_is_not_a_list() -> None:
    assert sentences("See (a) above for the rule.", "en") == ["See (a) above for the rule."]
    assert sentences("見上文（一）的規定。", "zh") == ["見上文（一）的規定。"]
    # Items separated by commas are one sentence (FLORES devtest writes such a list).
    commas = "It has three characteristics: (1) flow, (2) density, and (3) velocity."
    assert sentences(commas, "en") == [commas]


def test_heading_labels_on_their_own_line_are_segments_that_align_as_beads() -> None:
    zh = "第一條\n本條例旨在保障個人資料的私隱。\n第二章\n資料的收集"
    en = "Article 1\nThis Ordinance protects the privacy of personal data.\nChapter II\nCollection of data"
    assert sentences(zh, "zh")[0] == "第一條"
    assert sentences(en, "en")[0] == "Article 1"
    alignment = bitext.align(zh, en, scorer="lexical")
    assert [(bead.zh, bead.en) for bead in alignment] == [((0,), (0,)), ((1,), (1,)), ((2,), (2,)), ((3,), (3,))]


def test_an_ellipsis_before_deng_stays_in_the_sentence() -> None:
    assert sentences("系統存在功能缺陷⋯⋯等。其後已修正。", "zh") == ["系統存在功能缺陷⋯⋯等。", "其後已修正。"]
    assert sentences("包括文件、圖片……之類。", "zh") == ["包括文件、圖片……之類。"]
    # A trailing-off ellipsis before other text still ends the sentence.
    assert sentences("閃爍著……汪淼按下了開關。", "zh") == ["閃爍著……", "汪淼按下了開關。"]


def test_a_question_mark_standing_for_a_missing_character_does_not_split() -> None:
    assert sentences("陳?明是委員會主席。他明天到任。", "zh") == ["陳?明是委員會主席。", "他明天到任。"]
    # After a question word it is a question mark typed without a Chinese input method (MAC-Dev).
    assert sentences("你好嗎?我很好。", "zh") == ["你好嗎?", "我很好。"]
    assert sentences("你为什么不走动走动?或者他还念旧。", "zh") == ["你为什么不走动走动?", "或者他还念旧。"]
    # With a space or Latin text after it, it is a question mark too.
    assert sentences("真的? 是的。", "zh") == ["真的?", "是的。"]


def test_a_footnote_marker_does_not_stop_the_english_split() -> None:
    text = "It applies throughout the Region. *For entry into force see Annex I. It ends here."
    assert sentences(text, "en") == [
        "It applies throughout the Region.",
        "*For entry into force see Annex I.",
        "It ends here.",
    ]
    assert sentences("It is done. ¹See the note.", "en") == ["It is done.", "¹See the note."]


def test_item_numbers_by_style() -> None:
    from bitext.segment.labels import item_number

    assert item_number("4. Department of European Affairs") == ("1.", 4)
    assert item_number("(b) data processors") == ("(a)", 2)
    assert item_number("（三）資料當事人") == ("（一）", 3)
    assert item_number("三、森林") == ("一、", 3)
    assert item_number("二十　有關文化之古籍") == ("一 ", 20)
    assert item_number("十一  中央及地方官吏") == ("一 ", 11)
    # Not item labels: a decimal, a word, a numeral inside a word, an English word of one letter.
    assert [item_number(line) for line in ("2.5 km away", "The end", "二省以上", "a house")] == [None] * 4
