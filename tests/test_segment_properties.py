"""Invariants of segmentation on arbitrary text, and how paragraphs are decided."""

from __future__ import annotations

from hypothesis import example, given
from hypothesis import strategies as st

from bitext.script import convert, to_simplified
from bitext.segment import get_splitter, paragraph_offsets, segment, splitter_names
from bitext.segment.words import tokenize

# Characters that make splitting decisions interesting, in both scripts, plus plain whitespace,
# newlines, full-width spaces and tabs (CR is normalised away by reading, so it never reaches here).
TRICKY = (
    "abcXYZ JKU.S Inc Mr No etc e.g 0123456789 $%-—–"
    "。！？!?；;…⋯.,，、：:「」『』“”‘’\"'()（）【】《》"
    "商湯集團徐立說完成了億元後來這裏这里"
    " \n\n\t\u3000"
)
tricky_text = st.text(alphabet=TRICKY, max_size=120)
any_text = st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\r"), max_size=120)
# Word salad from the pieces the rules look at, so that abbreviations, initials, quotes and Latin
# inside Chinese meet each other far more often than in character soup.
PIECES = (
    "Mr. Dr. U.S. e.g. Inc. Co., Ltd. No. J. K. etc. a.m. Super-G. 0020.HK HK$5.78 4.7 2019. 36 "
    "The He he said asked Wang Rowling it the and of . ! ? ... … ' \" ( ) — —' 'You "
    "商湯 徐立 說 完成了 57.8億 。 ！ ？ ； …… 」 「 『 』 “ ” （ ） ——” “咚 然後 這是 很好. 新浪.com \n \n\n \u3000"
).split(" ")
word_salad = st.lists(st.sampled_from(PIECES), max_size=30).flatmap(
    lambda words: st.lists(st.sampled_from(["", " ", "  "]), min_size=len(words), max_size=len(words)).map(
        lambda gaps: "".join(word + gap for word, gap in zip(words, gaps, strict=True))
    )
)
texts = st.one_of(tricky_text, any_text, word_salad)
SPLITTERS = [("en", name) for name in splitter_names("en")] + [("zh", name) for name in splitter_names("zh")]
RULES = [("en", "rules"), ("zh", "rules"), ("zh", "rules-semicolon")]


def _rebuild(text: str, offsets: tuple[tuple[int, int], ...]) -> str:
    """The text again from the sentences and the whitespace between them, checking that it is whitespace."""
    pieces = []
    cursor = 0
    for start, end in offsets:
        gap = text[cursor:start]
        assert gap.strip() == "", f"non-space text {gap!r} outside every sentence"
        pieces += [gap, text[start:end]]
        cursor = end
    assert text[cursor:].strip() == ""
    return "".join([*pieces, text[cursor:]])


@given(text=texts)
@example(text="Mr. Xu said the U.S. government fined Co., Ltd. (0020.HK) HK$5.78 billion.\n\n他說：「完成了！」然後")
@example(text="\u3000\u3000第一句。\u3000第二句。\n\nJ. K. Rowling... wrote it.")
def test_sentences_and_whitespace_reproduce_the_text(text: str) -> None:
    for lang, name in SPLITTERS:
        document = segment(text, lang, splitter=name)  # type: ignore[arg-type]
        assert _rebuild(text, document.sentence_offsets) == text
        for start, end in document.sentence_offsets:
            assert text[start:end] == text[start:end].strip()
            assert end > start


@given(text=texts)
@example(text="這是中文。This is English, e.g. Mr. Xu's. It has two. 這又是中文。")
@example(text="He said \"stop.\" Then he left... 'But I—' 'You what?'")
def test_splitting_a_sentence_again_gives_it_back(text: str) -> None:
    for lang, name in RULES:
        splitter = get_splitter(lang, name)  # type: ignore[arg-type]
        for start, end in segment(text, lang, splitter=name).sentence_offsets:  # type: ignore[arg-type]
            sentence = text[start:end]
            assert splitter.split(sentence, 0, len(sentence)) == [(0, len(sentence))], (lang, name, sentence)
            if "\n" not in sentence:
                assert segment(sentence, lang, splitter=name).sentence_texts() == [sentence]  # type: ignore[arg-type]


@given(text=texts)
def test_splitters_only_cut_inside_the_paragraph_they_are_given(text: str) -> None:
    padded = f"前文。{text}後文。"
    start, end = 3, 3 + len(text)
    for lang, name in RULES:
        for piece_start, piece_end in get_splitter(lang, name).split(padded, start, end):  # type: ignore[arg-type]
            assert start <= piece_start < piece_end <= end


@given(text=texts)
def test_presegmented_mode_yields_exactly_the_non_blank_lines(text: str) -> None:
    for lang in ("en", "zh"):
        document = segment(text, lang, presegmented=True)  # type: ignore[arg-type]
        assert document.sentence_texts() == [line.strip() for line in text.split("\n") if line.strip()]


@given(text=texts)
def test_paragraphs_contain_their_sentences_and_cover_the_text(text: str) -> None:
    paragraphs = paragraph_offsets(text)
    document = segment(text, "en")
    # Page furniture (a page number, a running head) is in no paragraph but in the document's furniture list.
    assert _rebuild(text, tuple(sorted([*paragraphs, *document.furniture_offsets]))) == text
    for index, (start, end) in enumerate(document.sentence_offsets):
        paragraph_start, paragraph_end = document.paragraph_offsets[document.paragraph_of(index)]
        assert paragraph_start <= start < end <= paragraph_end


@given(text=texts)
@example(text="乾隆皇帝在乾清宮。頭髮乾了。")
def test_to_simplified_keeps_the_length(text: str) -> None:
    assert len(to_simplified(text)) == len(text)


@given(text=texts)
@example(text="商湯集團在香港交易所公布業績，虧損57.8億元。")
@example(text="乾隆皇帝在乾清宮。頭髮乾了。")
def test_tokens_index_the_original_text(text: str) -> None:
    simplified = to_simplified(text)
    cursor = 0
    for token in tokenize(text):
        original = text[token.start : token.end]
        assert text[cursor : token.start].strip() == ""  # only whitespace is skipped
        assert simplified[token.start : token.end] == token.simplified
        assert len(original) == len(token.simplified)
        cursor = token.end
    assert text[cursor:].strip() == ""


# Han characters whose t2s conversion does not depend on their neighbours, plus ones that do inside
# OpenCC phrases (乾隆, 頭髮) that jieba keeps whole.
WORD_ALPHABET = "商湯集團徐立說完成了億元後來這裏發現頭髮乾隆皇帝在乾清宮臺灣體育 。"


@given(text=st.text(alphabet=WORD_ALPHABET, max_size=40))
@example(text="乾隆皇帝在乾清宮。頭髮乾了。")
def test_a_tokens_simplified_form_is_its_slice_of_the_converted_text(text: str) -> None:
    # Words are cut on the text's length-preserving simplified copy, so each token's simplified form is its
    # slice of that copy. Not always the token's own conversion: an OpenCC phrase may reach across a token
    # (藉由, below; 乾元, which keeps 乾 where 髮乾 alone gives 干), and the phrase's reading is the right one.
    simplified = to_simplified(text)
    assert len(simplified) == len(text)
    for token in tokenize(text):
        assert token.simplified == simplified[token.start : token.end]
        assert len(token.simplified) == token.end - token.start


def test_a_phrase_conversion_can_reach_across_a_token() -> None:
    """The exception to the property above, found in FLORES zho_Hant: OpenCC converts the phrase 藉由
    to 借由 while 藉 alone stays 藉 (慰藉), and jieba cuts 借|由. The token's simplified form is the
    one the phrase gives, which is right, and its offsets still index the original 藉."""
    text = "都可藉由舒適堅固"
    token = next(t for t in tokenize(text) if text[t.start : t.end] == "藉")
    assert token.simplified == "借"
    assert convert("藉", "t2s") == "藉"


# Paragraphs -------------------------------------------------------------------------------------

HARD_WRAPPED = """\
SenseTime, one of the four artificial intelligence dragons of China, reported a
loss of HK$5.78 billion for the first half. Revenue rose by 21 per cent to HK$2.5
billion, the company said in a filing to the Hong Kong stock exchange on Friday.

The company was founded in 2014 by Tang Xiao'ou, a professor at the Chinese
University of Hong Kong, and his students. Its shares have fallen by more than
half since the listing in December 2021.
"""


def test_one_paragraph_per_line_is_the_default() -> None:
    text = "First paragraph. Two sentences.\nSecond paragraph\n\nThird one."
    assert [text[s:e] for s, e in paragraph_offsets(text)] == [
        "First paragraph. Two sentences.",
        "Second paragraph",
        "Third one.",
    ]


def test_hard_wrapped_text_is_split_at_blank_lines_not_at_line_ends() -> None:
    paragraphs = [HARD_WRAPPED[s:e] for s, e in paragraph_offsets(HARD_WRAPPED)]
    assert len(paragraphs) == 2
    assert paragraphs[0].startswith("SenseTime") and paragraphs[0].endswith("on Friday.")
    document = segment(HARD_WRAPPED, "en")
    texts = [" ".join(s.split()) for s in document.sentence_texts()]
    assert (
        texts[1] == "Revenue rose by 21 per cent to HK$2.5 billion, the company said in a filing to the "
        "Hong Kong stock exchange on Friday."
    )
    assert len(texts) == 4


def test_hard_wrapped_text_without_blank_lines_uses_indents_and_short_lines() -> None:
    text = (
        "  SenseTime, one of the four artificial intelligence dragons of China, reported\n"
        "a loss of HK$5.78 billion for the first half of the year, it said on Friday.\n"
        "  The company was founded in 2014 by Tang Xiao'ou, a professor at the Chinese\n"
        "University of Hong Kong, with his students.\n"
        "Chapter two\n"
        "  Its shares have fallen by more than half since the listing in December 2021,\n"
        "when the United States put it on a list of companies that Americans may not fund.\n"
    )
    paragraphs = [" ".join(text[s:e].split()) for s, e in paragraph_offsets(text)]
    assert len(paragraphs) == 4
    assert paragraphs[0].endswith("it said on Friday.")
    assert paragraphs[2] == "Chapter two"


def test_chinese_hard_wrapped_at_a_fixed_width() -> None:
    sentence = "商湯是中國四條人工智能小龍之一，上半年虧損五十七億八千萬港元，收入按年增長百分之二十一。"
    body = sentence * 3
    wrapped = "\n".join(body[i : i + 30] for i in range(0, len(body), 30))
    text = wrapped + "\n\n" + "公司於二零一四年成立。"
    assert len(paragraph_offsets(text)) == 2
    sentences = [s.replace("\n", "") for s in segment(text, "zh").sentence_texts()]
    assert sentences == [sentence, sentence, sentence, "公司於二零一四年成立。"]


def test_short_lines_and_lists_stay_one_paragraph_per_line() -> None:
    text = "Highlights:\nRevenue rose\nLoss narrowed\nShares fell\n\nBy Xiao Lin"
    assert len(paragraph_offsets(text)) == 5
    subtitles = "我們走吧\n去哪裏\n不知道\n那就回家吧\n好"
    assert len(paragraph_offsets(subtitles)) == 5


def test_the_bundled_corpus_is_one_paragraph_per_line() -> None:
    from pathlib import Path

    corpus = Path(__file__).resolve().parents[1] / "corpus" / "sensetime-genai"
    for name in ("en.txt", "zh-Hant.txt"):
        text = (corpus / name).read_text(encoding="utf-8")
        assert len(paragraph_offsets(text)) == len([line for line in text.split("\n") if line.strip()])
