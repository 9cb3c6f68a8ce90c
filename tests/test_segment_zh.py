"""Chinese sentence splitting: final marks, closing quotes, ellipses, and Latin text inside Chinese."""

from __future__ import annotations

import pytest

from bitext.segment import segment, splitter_names


def sentences(text: str, splitter: str = "") -> list[str]:
    return segment(text, "zh", splitter=splitter).sentence_texts()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("商湯今日公布業績。收入增長百分之十！", ["商湯今日公布業績。", "收入增長百分之十！"]),
        # A run of marks is one end.
        ("真的嗎？！當然。", ["真的嗎？！", "當然。"]),
        ("他走了……。我們也走吧。", ["他走了……。", "我們也走吧。"]),
        # Half-width marks after Chinese text.
        ("阿彌陀佛!這全仗嫂子方便了。", ["阿彌陀佛!", "這全仗嫂子方便了。"]),
        ("真的嗎?是的。", ["真的嗎?", "是的。"]),
        # Closing quotes and brackets stay with the sentence they close.
        ("他說：「完成了！」然後離開。", ["他說：「完成了！」", "然後離開。"]),
        ("「他說：『好。』」然後他走了。", ["「他說：『好。』」", "然後他走了。"]),
        ("（這是補充說明。）正文在此。", ["（這是補充說明。）", "正文在此。"]),
        ("《紅樓夢》很長。他讀完了。", ["《紅樓夢》很長。", "他讀完了。"]),
        (
            "那男孩道：“呸，你不會摔交。 ”韋小寶道：“誰說不會？”",
            ["那男孩道：“呸，你不會摔交。 ”", "韋小寶道：“誰說不會？”"],
        ),
        # Marks after the closer still belong to the same end.
        ("都要果斷回絕！）。現代城市。", ["都要果斷回絕！）。", "現代城市。"]),
        # An ASCII double quote closes a quotation opened in the sentence, and otherwise opens the next.
        ('他說："好的。"然後走了。', ['他說："好的。"', "然後走了。"]),
        ('布什表示支持。"發言人稱這是"一大步"。', ["布什表示支持。", '"發言人稱這是"一大步"。']),
        # A quotation without a final mark inside does not end the sentence.
        ("「我們有老鼠」他補充道。", ["「我們有老鼠」他補充道。"]),
        # Decimals, amounts, company names and Latin abbreviations stay whole.
        ("虧損57.8億元。收入4.7億元。", ["虧損57.8億元。", "收入4.7億元。"]),
        (
            "SenseTime Group Inc. 在港上市。股份代號 0020.HK。",
            ["SenseTime Group Inc. 在港上市。", "股份代號 0020.HK。"],
        ),
        ("美國 U.S. 政府及 Mr. Xu 都表示同意。", ["美國 U.S. 政府及 Mr. Xu 都表示同意。"]),
        ("他在 Yahoo! Japan 工作。後來離開。", ["他在 Yahoo! Japan 工作。", "後來離開。"]),
        # An English quotation inside a Chinese sentence is not broken at its periods.
        ('他說 "It is done. We won." 然後離開。', ['他說 "It is done. We won." 然後離開。']),
        ("他引用了「Stay hungry. Stay foolish.」這句話。", ["他引用了「Stay hungry. Stay foolish.」這句話。"]),
        # An English sentence standing between Chinese sentences is neither broken nor glued.
        (
            "這是中文。This is English, e.g. Mr. Xu's. It has two sentences. 這又是中文。",
            ["這是中文。", "This is English, e.g. Mr. Xu's.", "It has two sentences.", "這又是中文。"],
        ),
        ("商湯公布業績。SenseTime Group Inc. 在港上市。", ["商湯公布業績。", "SenseTime Group Inc. 在港上市。"]),
        # Half-width stops typed without a Chinese input method.
        ("今天很好.明天見.", ["今天很好.", "明天見."]),
        ("他想了想...然後走了.", ["他想了想...", "然後走了."]),
        ("網址是新浪.com,很好.", ["網址是新浪.com,很好."]),
        # ； separates clauses of one sentence by default.
        ("他去了北京；她去了上海。", ["他去了北京；她去了上海。"]),
        # An ellipsis trails off a sentence of narration but is a hesitation inside a quotation.
        ("燈光不規則地閃爍著……汪淼努力破譯。", ["燈光不規則地閃爍著……", "汪淼努力破譯。"]),
        ("韋小寶道：“我…… 我記不起了。”", ["韋小寶道：“我…… 我記不起了。”"]),
        ("他說：「不過……」海老公道：「不過怎麼？」", ["他說：「不過……」", "海老公道：「不過怎麼？」"]),
        # … also when the quotation opened in an earlier sentence and closes after this clause.
        ("他道：「我輸了。所以…… 所以沒吃飯。」", ["他道：「我輸了。", "所以…… 所以沒吃飯。」"]),
        ("他想了想……，然後走了。", ["他想了想……，然後走了。"]),
        # Interrupted speech followed by a new quotation.
        ("大喇叭說：“咚——咚——”“猛捅——猛捅——”轎前有人說。", ["大喇叭說：“咚——咚——”", "“猛捅——猛捅——”轎前有人說。"]),
    ],
)
def test_tricky_chinese(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def test_semicolon_splitter_splits_at_semicolons() -> None:
    assert "rules-semicolon" in splitter_names("zh")
    assert sentences("他去了北京；她去了上海。", "rules-semicolon") == ["他去了北京；", "她去了上海。"]


def test_paragraph_breaks_are_boundaries() -> None:
    text = "競爭激烈的領域\n商湯是少數幾家公司之一。它成立於2014年\n\n　　新段落。"
    assert sentences(text) == ["競爭激烈的領域", "商湯是少數幾家公司之一。", "它成立於2014年", "新段落。"]


def test_full_width_spaces_are_whitespace_between_sentences() -> None:
    text = "　　第一句。　第二句。　"
    document = segment(text, "zh")
    assert document.sentence_texts() == ["第一句。", "第二句。"]
    assert document.sentence_offsets == ((2, 6), (7, 11))


def test_simplified_text_is_split_the_same_way() -> None:
    assert sentences("他说：“完成了！”然后离开。") == ["他说：“完成了！”", "然后离开。"]


@pytest.mark.parametrize("name", ["pysbd"])
def test_library_splitter_keeps_exact_offsets(name: str) -> None:
    pytest.importorskip(name)
    text = "他說：「完成了！」然後離開。 虧損57.8億元。"
    document = segment(text, "zh", splitter=name)
    assert len(document) >= 2
    for span in document.sentences:
        assert span.text == text[span.start : span.end]
