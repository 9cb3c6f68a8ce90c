"""Layout (issue 14): hard-wrapped paragraphs, headings and list labels, page furniture, --layout."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
import regex
from hypothesis import assume, example, given, settings
from hypothesis import strategies as st

from bitext.document import Document
from bitext.segment import segment
from bitext.segment.layout import analyse

CORPUS = Path(__file__).resolve().parents[1] / "corpus" / "sensetime-genai"
EN_SENTENCES = (CORPUS / "en.sentences.txt").read_text(encoding="utf-8").splitlines()
ZH_SENTENCES = (CORPUS / "zh-Hant.sentences.txt").read_text(encoding="utf-8").splitlines()


def wrap_english(paragraph: str, width: int) -> str:
    """Greedy wrap replacing the space at each break by a newline (same length, same offsets)."""
    out = list(paragraph)
    line_start = 0
    last_space = None
    for i, ch in enumerate(paragraph):
        if ch == " ":
            if i - line_start > width and last_space is not None:
                out[last_space] = "\n"
                line_start = last_space + 1
            last_space = i
    if len(paragraph) - line_start > width and last_space is not None and last_space > line_start:
        out[last_space] = "\n"
    return "".join(out)


def display_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def wrap_chinese(paragraph: str, width: int) -> str:
    """At ``width`` characters' worth of columns (a Chinese character two, a Latin letter one), as an editor
    or a page wraps Chinese: never inside a run of Latin letters and digits ("2.0", "GenAI"), and a space
    that would open a line kept at the end of the one before."""
    lines: list[str] = []
    current = ""
    for ch in paragraph:
        inside_latin = current and current[-1].isascii() and not current[-1].isspace() and ch.isascii()
        if display_width(current + ch) > 2 * width and not inside_latin and not ch.isspace():
            lines.append(current)
            current = ""
        current += ch
    lines.append(current)
    return "\n".join(line for line in lines if line)


def nonspace_spans(document: Document) -> list[tuple[int, int]]:
    """Sentence spans counted in non-whitespace characters: comparable across wrappings."""
    index = [0]
    for ch in document.text:
        index.append(index[-1] + (not ch.isspace()))
    return [(index[s.start], index[s.end]) for s in document.sentences]


@settings(max_examples=60, deadline=None)
@given(
    st.integers(0, len(EN_SENTENCES) - 8),
    st.integers(2, 8),
    st.integers(20, 100),
    st.sampled_from(["wrapped", "auto"]),
)
def test_wrapping_english_at_any_width_keeps_the_sentences(first: int, count: int, width: int, layout: str) -> None:
    paragraph = " ".join(EN_SENTENCES[first : first + count])
    reference = segment(paragraph, "en", layout="lines")
    wrapped = wrap_english(paragraph, width)
    if layout == "auto" and (wrapped.count("\n") < 8 or width < 60):
        layout = "wrapped"  # under 50 columns or few lines: too little evidence of wrapping for auto
    document = segment(wrapped, "en", layout=layout)
    assert [(s.start, s.end) for s in document.sentences] == [(s.start, s.end) for s in reference.sentences]


@settings(max_examples=60, deadline=None)
@given(
    st.integers(0, len(ZH_SENTENCES) - 8),
    st.integers(2, 8),
    st.integers(8, 60),
    st.sampled_from(["wrapped", "auto"]),
)
# Wrapped by columns, full lines of 27-29 characters (digits take one column): once read as cut every 29.
@example(first=34, count=5, width=27, layout="wrapped")
def test_wrapping_chinese_at_any_width_keeps_the_sentences(first: int, count: int, width: int, layout: str) -> None:
    paragraph = "".join(ZH_SENTENCES[first : first + count])
    reference = segment(paragraph, "zh", layout="lines")
    wrapped = wrap_chinese(paragraph, width)
    if layout == "auto" and (wrapped.count("\n") < 8 or width < 25):
        layout = "wrapped"  # narrower than 50 columns or few lines: too little evidence of wrapping for auto
    document = segment(wrapped, "zh", layout=layout)
    assert nonspace_spans(document) == nonspace_spans(reference)
    # What the aligner reads has no line break left between two Chinese characters.
    assert not any(regex.search(r"\p{Han}\s*\n\s*\p{Han}", text) for text in document.sentence_texts())
    assert ["".join(s.split()) for s in document.sentence_texts()] == [
        "".join(s.split()) for s in reference.sentence_texts()
    ]


LINE_KINDS = st.sampled_from(["sentence", "sentence", "sentence", "number", "head", "footnote", "blank", "feed"])


@st.composite
def paged_documents(draw: st.DrawFn) -> str:
    lines = []
    page = 1
    for kind in draw(st.lists(LINE_KINDS, min_size=1, max_size=120)):
        if kind == "sentence":
            lines.append(draw(st.sampled_from(EN_SENTENCES + ZH_SENTENCES))[: draw(st.integers(1, 90))])
        elif kind == "number":
            lines.append(str(page))
            page += draw(st.integers(0, 2))
        elif kind == "head":
            lines.append("Annual Report 2024")
        elif kind == "footnote":
            lines.append("* See the notes.")
        elif kind == "blank":
            lines.append("")
        else:
            lines.append("\f")
    return "\n".join(lines)


@settings(max_examples=60, deadline=None)
@given(paged_documents(), st.sampled_from(["auto", "lines", "paragraphs", "wrapped"]), st.sampled_from(["zh", "en"]))
def test_every_character_is_in_exactly_one_sentence_or_furniture_span(text: str, layout: str, lang: str) -> None:
    if not text.strip():
        return
    document = segment(text, lang, layout=layout)  # type: ignore[arg-type]
    owners = [0] * len(text)
    for start, end in document.furniture_offsets:
        for k in range(start, end):
            owners[k] += 1
    inside_furniture = {k for start, end in document.furniture_offsets for k in range(start, end)}
    for sentence in document.sentences:
        for k in range(sentence.start, sentence.end):
            if k not in inside_furniture:
                owners[k] += 1
    assert all(owners[k] == 1 for k, ch in enumerate(text) if not ch.isspace())
    # A sentence's text is its own characters: no furniture character in it.
    assert sum(len("".join(s.text.split())) for s in document.sentences) + sum(
        len("".join(f.text.split())) for f in document.furniture
    ) == len("".join(text.split()))


def pdftotext_like(pages: list[list[str]], head: str = "THE PERSONAL DATA ORDINANCE") -> str:
    out = []
    for number, lines in enumerate(pages, 1):
        out += [head, "", *lines, "", "* Amended in 2012 (Ord. No. 18 of 2012).", "", str(number), "\f"]
    return "\n".join(out)


BODY = [
    "Section 1 A data user shall take all practicable steps to ensure that personal data",
    "held by the data user are protected against unauthorized or accidental access,",
    "processing, erasure, loss or use, having particular regard to the kind of data and",
    "the harm that could result if any of those things should occur. The data user shall",
    "also take all practicable steps to ensure that the data are accurate, having regard",
    "to the purpose for which the personal data are used. A data user shall not keep the",
    "data longer than is necessary for the fulfilment of that purpose. The Commissioner",
    "may by notice require a data user to supply information that the Commissioner",
    "reasonably requires for the purposes of an investigation under this Ordinance.",
    "A person who contravenes a requirement under this section commits an offence and is",
]


def test_page_furniture_is_set_aside_and_a_sentence_runs_across_the_page_break() -> None:
    text = pdftotext_like([BODY[:5], BODY[5:], BODY[:4]])
    document = segment(text, "en")
    furniture = [f.text for f in document.furniture]
    assert furniture.count("THE PERSONAL DATA ORDINANCE") == 3
    assert furniture.count("* Amended in 2012 (Ord. No. 18 of 2012).") == 3
    assert {"1", "2", "3"} <= set(furniture)
    assert document.layout == "wrapped (detected)"
    texts = [" ".join(sentence.split()) for sentence in document.sentence_texts()]
    # "… to ensure that the data are accurate, having regard | (page 1 ends) | to the purpose …" is one sentence.
    assert (
        "The data user shall also take all practicable steps to ensure that the data are accurate, having "
        "regard to the purpose for which the personal data are used." in texts
    )
    assert not any("ORDINANCE" in t or "Amended" in t for t in texts)


def test_pdftotext_form_feed_starts_the_next_pages_first_line() -> None:
    # pdftotext ends a page with a form feed and no newline, so the next page's running head shares the
    # form feed's line ("\fTHE ORDINANCE"); with -layout the body is indented and the head is not.
    head = "12/7/26, 4:00 AM                    THE PERSONAL DATA ORDINANCE"
    pages = [BODY[:5], BODY[5:], BODY[2:6]]
    parts = []
    for number, lines in enumerate(pages, 1):
        parts.append(
            "\n".join([head, "", *("  " + line for line in lines), "", f"file:///tmp/ordinance.html  {number}/3"])
        )
    document = segment("\n\f".join(parts) + "\n\f", "en")
    furniture = [" ".join(f.text.split()) for f in document.furniture]
    assert furniture.count(" ".join(head.split())) == 3
    texts = [" ".join(sentence.split()) for sentence in document.sentence_texts()]
    assert not any("ORDINANCE" in t for t in texts)
    assert (
        "The data user shall also take all practicable steps to ensure that the data are accurate, having "
        "regard to the purpose for which the personal data are used." in texts
    )
    assert (
        "Section 1 A data user shall take all practicable steps to ensure that personal data held by the data "
        "user are protected against unauthorized or accidental access, processing, erasure, loss or use, having "
        "particular regard to the kind of data and the harm that could result if any of those things should "
        "occur." in texts
    )


def test_statutory_sentences_that_repeat_are_not_running_heads() -> None:
    repeated = "This section applies to every data user."
    pages = [[repeated, *BODY[:9]], [*BODY[:9], repeated], [repeated, *BODY[:9]]]
    document = segment(pdftotext_like(pages), "en")
    assert repeated not in [f.text for f in document.furniture]
    assert sum(repeated in s for s in document.sentence_texts()) == 3


def test_section_numbers_on_their_own_lines_are_not_page_numbers() -> None:
    lines = []
    for number, size in enumerate((3, 12, 5, 20), 1):
        lines += [str(number), *(f"Sentence {k} of part {number}." for k in range(size))]
    document = segment("\n".join(lines), "en")
    assert document.furniture == ()
    assert "1" in document.sentence_texts()


def test_a_wrapped_paragraph_whose_first_line_is_short_is_not_cut() -> None:
    text = (
        "The Tao that can be trodden is not the enduring and\n"
        "unchanging Tao. The name that can be named is not the enduring and unchanging\n"
        "name. Conceived of as having no name, it is the Originator of heaven and earth;\n"
        "conceived of as having a name, it is the Mother of all things. Always without\n"
        "desire we must be found, if its deep mystery we would sound; but if desire always\n"
        "within us be, its outer fringe is all that we shall see.\n"
    )
    texts = [" ".join(s.split()) for s in segment(text, "en").sentence_texts()]
    assert texts[0] == "The Tao that can be trodden is not the enduring and unchanging Tao."


def test_headings_and_list_labels_start_paragraphs_in_wrapped_text() -> None:
    text = (
        "Article 1\n"
        "This Ordinance may be cited as the Personal Data Ordinance and applies to every\n"
        "data user in the Region, whether or not the data are held in the Region itself.\n"
        "(1) A data user shall take all practicable steps to protect the data it holds\n"
        "against access by any person who is not authorized to see them, and shall tell\n"
        "the data subject.\n"
        "Article 2\n"
        "In this Ordinance, unless the context otherwise requires, data means any record\n"
        "of information in a form in which access to or processing of it is practicable.\n"
    )
    document = segment(text, "en", layout="wrapped")
    starts = [" ".join(s.split())[:12] for s in document.sentence_texts()]
    assert starts == ["Article 1", "This Ordinan", "(1) A data u", "Article 2", "In this Ordi"]


def test_chinese_heading_in_wrapped_text_is_its_own_segment() -> None:
    body = (
        "資料使用者須採取所有切實可行的步驟，確保由資料使用者持有的個人資料"
        "受保障而不受未獲准許的或意外的查閱、處理、刪除、喪失或使用所影響。"
    )
    text = "第一條\n" + wrap_chinese(body * 2, 30) + "\n第二條\n" + wrap_chinese(body, 30)
    document = segment(text, "zh")
    assert document.layout == "wrapped (detected)"
    texts = [s.replace("\n", "") for s in document.sentence_texts()]
    assert texts == ["第一條", body, body, "第二條", body]


@pytest.mark.parametrize("layout", ["lines", "paragraphs", "wrapped"])
def test_a_layout_asked_for_is_used_and_recorded(layout: str) -> None:
    text = "One sentence here.\nAnother line\n\nA new block."
    found = analyse(text, "en", layout)
    assert found.description == layout
    expected = {
        "lines": ["One sentence here.", "Another line", "A new block."],
        "paragraphs": ["One sentence here.\nAnother line", "A new block."],
        "wrapped": ["One sentence here.\nAnother line", "A new block."],
    }[layout]
    assert [text[s:e] for s, e in found.paragraphs] == expected
    assert segment(text, "en", layout=layout).layout == layout


def test_unknown_layout_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown layout"):
        analyse("text", "en", "columns")


def test_cli_layout_option_is_recorded_in_the_signature(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import json

    from bitext.cli.main import main

    zh = "第一條\n本條例旨在保障個人資料的私隱，並規定資料使用者的責任。\n"
    (tmp_path / "zh.txt").write_text(zh, encoding="utf-16-le")  # no BOM: detected from the bytes
    (tmp_path / "en.txt").write_text("Article 1\nThis Ordinance protects personal data.\n", encoding="utf-8")
    args = ["align", str(tmp_path / "zh.txt"), str(tmp_path / "en.txt"), "--scorer", "lexical", "--quiet"]
    assert main([*args, "--format", "jsonl", "--layout", "paragraphs"]) == 0
    header = json.loads(capsys.readouterr().out.splitlines()[0])
    assert header["settings"]["zh_layout"] == "paragraphs"
    assert header["settings"]["zh_encoding"] == "utf-16-le"
    assert "en_layout:paragraphs" in header["signature"]


def test_a_first_line_with_no_room_for_the_next_word_is_wrapped_even_if_it_looks_like_a_title() -> None:
    # Found by the wrapping property (sentence 21 of the corpus at 28 columns): capitalised words made the
    # first line read as a title, though the next word could not have fitted on it.
    text = "Since OpenAI launched\nChatGPT at the end of 2022,\nSenseTime, as a leader in\nthe traditional artificial\n"
    text += "intelligence market, has\nbeen following the trend.\n"
    document = segment(text, "en", layout="wrapped")
    assert len(document.sentences) == 1
    assert document.sentences[0].text.startswith("Since OpenAI launched\nChatGPT")


STATUTES = Path(__file__).resolve().parents[1] / "benchmarks" / "data" / "entities" / "docs"


def _wrap_statute_chinese(text: str, width: int, between: str) -> str:
    paragraphs = [p for p in text.splitlines() if p.strip()]
    return between.join("\n".join(p[i : i + width] for i in range(0, len(p), width)) for p in paragraphs)


@pytest.mark.parametrize("name", ["roc-constitution-05", "roc-constitution-06", "roc-constitution-09", "mofa-01"])
@pytest.mark.parametrize("between", ["\n", "\n\n"])
def test_auto_finds_the_wrapping_of_a_short_statute_of_one_line_clauses(name: str, between: str) -> None:
    # Most lines of a short statute wrapped at 35 characters are a clause's short last line or a one-line
    # clause: the 75th percentile of widths fell on them (44 columns, "too narrow to be wrapped").
    text = (STATUTES / f"{name}.zh.txt").read_text(encoding="utf-8")
    wrapped = _wrap_statute_chinese(text, 35, between)
    document = segment(wrapped, "zh")
    assert document.layout == "wrapped (detected)"
    unwrapped = [s.replace("\n", "") for s in segment(text, "zh").sentence_texts()]
    assert [s.replace("\n", "") for s in document.sentence_texts()] == unwrapped


@pytest.mark.parametrize("between", ["\n", "\n\n"])
def test_a_statute_with_only_two_full_lines_at_35_characters_is_wrapped(between: str) -> None:
    # Chapter 10 of the constitution, cut every 35 characters: all its clauses but one fit a line, so two
    # lines are full, both of exactly 35 characters, the longest, ending mid-sentence.
    text = (STATUTES / "roc-constitution-08.zh.txt").read_text(encoding="utf-8")
    wrapped = _wrap_statute_chinese(text, 35, between)
    assert sum(len(line) == 35 for line in wrapped.splitlines()) == 2
    document = segment(wrapped, "zh")
    assert document.layout == "wrapped (detected)"
    unwrapped = [s.replace("\n", "") for s in segment(text, "zh").sentence_texts()]
    assert [s.replace("\n", "") for s in document.sentence_texts()] == unwrapped


def test_two_longest_lines_of_one_length_that_end_with_a_stop_are_paragraphs() -> None:
    clause = "本法所稱之主管機關，在中央為行政院，在直轄市為直轄市政府，在縣為縣政府。"
    other = "前項主管機關之權責劃分，依有關法律之規定辦理之，其細則由行政院另訂定之。"
    assert len(clause) == len(other)
    text = "\n".join(["主管機關組織法", clause, other, "本法自公布日施行。"])
    assert segment(text, "zh").layout == "lines (detected)"


@pytest.mark.parametrize("name", ["mofa-01", "roc-constitution-08"])
def test_a_statute_one_paragraph_a_line_with_unstopped_list_items_is_lines(name: str) -> None:
    # "1. Overall planning … of documents" | "2. Handle …": list items need no full stop, and a long one
    # followed by the next label is no sign of wrapping (these were read as wrapped).
    text = (STATUTES / f"{name}.en.txt").read_text(encoding="utf-8")
    assert segment(text, "en").layout == "lines (detected)"


def test_a_list_item_ending_with_a_semicolon_on_a_full_line_ends_before_the_next_label() -> None:
    # A Chromium PDF of the cyber security act: each item fills its line and ends with ";" (the items of
    # an English list), so the full-width line was "incomplete" and swallowed the next item.
    text = (
        "The Institute's scope of operation shall include the following operations, as the Act provides:\n"
        "1. researching and developing cyber security technology and promoting its application abroad;\n"
        "2. assisting in planning and promoting the national cyber security protection mechanisms now;\n"
        "3. supporting government agencies in cyber security protection operations of special sensitivity;\n"
        "4. other operations related to cyber security technology, as the supervising authority directs.\n"
    )
    document = segment(text, "en", layout="wrapped")
    assert [s.text[:3] for s in document.sentences] == ["The", "1. ", "2. ", "3. ", "4. "]


def test_a_browsers_print_head_and_foot_are_furniture_on_a_one_page_text() -> None:
    # pdftotext of a page Chromium printed: nothing repeats on one page, but the head (date, time, title) and
    # the foot (address, page/pages) say what they are by their form.
    head = "12/7/26, 4:00 AM                    Act for the Establishment of the National Institute"
    foot = "file:///home/user/act.en.html                                                          1/1"
    body = "Article 1\nThis Act is enacted to establish the Institute.\nArticle 2\nThe Institute is a public body."
    document = segment(f"{head}\n\n{body}\n\n{foot}\n", "en")
    assert [span.text for span in document.furniture] == [head, foot]
    assert document.sentence_texts() == body.split("\n")
    zh_head, zh_foot = "2026/12/7 上午4:00 國家資通安全研究院設置條例", "file:///home/user/act.zh.html 1/1"
    zh = segment(f"{zh_head}\n第 1 條\n為提升國家資通安全科技能力，特設本院，並制定本條例。\n{zh_foot}\n", "zh")
    assert [span.text for span in zh.furniture] == [zh_head, zh_foot]


def test_a_print_head_that_pdftotext_split_in_two_is_furniture() -> None:
    # pdftotext -layout of a Chromium PDF of Taiwan's Personal Data Protection Act: on 3 of 15 pages the head's title
    # stood on the page's first line and its date alone below the page's first line of text. The date became a
    # bead of its own (an omission error) and the title was glued to the sentence before the page break.
    head, title = "12/7/26, 4:23 PM                 個人資料保護法", "                                 個人資料保護法"
    sentences = ZH_SENTENCES[2:26]
    pages = []
    for number in range(4):
        body = ["  " + sentence for sentence in sentences[6 * number : 6 * number + 6]]
        top = [title, body[0], "12/7/26, 4:23 PM", ""] if number == 2 else [head, body[0]]
        pages.append("\n".join([*top, *body[1:], f"file:///tmp/pdpa.zh.html                   {number + 1}/4"]))
    document = segment("\n\f".join(pages) + "\n", "zh", layout="lines")
    furniture = [" ".join(span.text.split()) for span in document.furniture]
    assert "12/7/26, 4:23 PM" in furniture and "個人資料保護法" in furniture
    assert ["".join(s.split()) for s in document.sentence_texts()] == ["".join(s.split()) for s in sentences]


def test_a_first_sentence_that_opens_with_a_date_and_time_is_text() -> None:
    text = "7/4/2023, 10:00 AM: the meeting opened.\nThe chair welcomed the members.\nSee https://example.org 1/2"
    document = segment(text, "en")
    assert document.furniture == ()  # nor is a line that only mentions an address and a fraction
    assert document.sentence_texts()[0] == "7/4/2023, 10:00 AM: the meeting opened."


@pytest.mark.parametrize("name", ["mofa-01", "roc-constitution-01", "roc-constitution-08"])
def test_an_english_statute_wrapped_at_70_columns_keeps_its_sentences(name: str) -> None:
    # mofa-01: items that fill a line with no stop ("4. Department of North American Affairs, consisting of
    # five sections" | "5. …"); roc-constitution-01: a title ending with a bracket over the preamble;
    # roc-constitution-08: "Chapter X. Powers of the Central and Local Governments" | "Article 107".
    import textwrap

    text = (STATUTES / f"{name}.en.txt").read_text(encoding="utf-8")
    wrapped = "\n".join(
        "\n".join(textwrap.wrap(p, 70, break_long_words=False, break_on_hyphens=False))
        for p in text.splitlines()
        if p.strip()
    )
    document = segment(wrapped, "en")
    assert document.layout == "wrapped (detected)"
    assert [" ".join(s.split()) for s in document.sentence_texts()] == [
        " ".join(s.split()) for s in segment(text, "en").sentence_texts()
    ]


def test_the_next_numbered_item_starts_a_paragraph_but_a_number_in_running_text_does_not() -> None:
    items = (
        "3. Department of European Affairs, consisting of six sections of staff\n"
        "4. Department of North American Affairs, consisting of five sections\n"
        "5. Department of Latin American and Caribbean Affairs, consisting of\n"
        "five sections\n"
    )
    prose = (
        "The rules of the committee shall apply to all members as they are set out in\n"
        "2. of the schedule, which the committee adopted when it was first formed in\n"
        "the year after the war, and every member must follow them without any delay.\n"
    )
    found = segment(items, "en", layout="wrapped")
    assert [" ".join(p.text.split()) for p in found.paragraphs] == [
        "3. Department of European Affairs, consisting of six sections of staff",
        "4. Department of North American Affairs, consisting of five sections",
        "5. Department of Latin American and Caribbean Affairs, consisting of five sections",
    ]
    assert len(segment(prose, "en", layout="wrapped").paragraphs) == 1


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.tuples(st.integers(0, len(ZH_SENTENCES) - 6), st.integers(2, 6)), min_size=2, max_size=5),
    st.integers(12, 40),
)
# found on a fresh clone: a line cut after the space of "Oxford Intelligence" is full with it
@example(spans=[(22, 3), (0, 2)], width=39)
# issue 13: the space of "Oxford Intelligence" opens a line (the article's paragraph at 38 characters)
@example(spans=[(22, 3), (0, 2)], width=38)
def test_chinese_cut_every_n_characters_keeps_its_sentences_and_paragraphs(
    spans: list[tuple[int, int]], width: int
) -> None:
    # As Python's textwrap or a plain slice cuts Chinese: every N characters, half-width digits and Latin
    # letters counted like the rest (the corpus has many), so lines differ in display width.
    paragraphs = ["".join(ZH_SENTENCES[first : first + count]) for first, count in spans]
    cut = [[p[i : i + width] for i in range(0, len(p), width)] for p in paragraphs]
    lengths = [len(line) for lines in cut for line in lines]
    full = lengths.count(width)
    # The lines say N: three full lines at least, twice as many as lines of 80% of it or more.
    assume(full >= 3 and full >= 2 * sum(0.8 * width <= n < width for n in lengths))
    # A line opening with a space is indented (a paragraph's first line in wrapped text, by design) unless the
    # full line before it ends no sentence: the cut fell before a space of the text ("Oxford" | " Intelligence")
    assume(
        not any(
            line[:1].isspace() and (k == 0 or lines[k - 1].endswith(("。", "！", "？", "」")))
            for lines in cut
            for k, line in enumerate(lines)
        )
    )
    document = segment("\n".join(line for lines in cut for line in lines), "zh", layout="wrapped")
    if all(len(lines[-1]) <= width - 2 for lines in cut):
        assert ["".join(p.text.split()) for p in document.paragraphs] == ["".join(p.split()) for p in paragraphs]
    # A paragraph that ends on a full line runs into the next; its sentences stay whole if it ends with a stop.
    ends = [
        len(lines[-1]) <= width - 2 or p.endswith(("。", "！", "？")) for p, lines in zip(paragraphs, cut, strict=True)
    ]
    if all(ends):
        reference = segment("\n".join(paragraphs), "zh", layout="lines")
        assert ["".join(s.split()) for s in document.sentence_texts()] == [
            "".join(s.split()) for s in reference.sentence_texts()
        ]


@pytest.mark.parametrize("width", [12, 16, 20])
def test_chinese_cut_every_n_characters_in_a_narrow_column_is_detected_as_wrapped(width: int) -> None:
    # A user trial: Taiwan's Personal Data Protection Act wrapped at 12-20 characters (a two-column PDF's width,
    # 24-40 display columns) was read line by line, each line a sentence: 382-738 beads instead of 262.
    paragraphs = ["".join(ZH_SENTENCES[first : first + 3]) for first in range(0, 30, 3)]
    cut = "\n\n".join("\n".join(p[i : i + width] for i in range(0, len(p), width)) for p in paragraphs)
    assert analyse(cut, "zh").mode == "wrapped"
    document = segment(cut, "zh")
    reference = segment("\n\n".join(paragraphs), "zh", layout="lines")
    assert ["".join(s.split()) for s in document.sentence_texts()] == [
        "".join(s.split()) for s in reference.sentence_texts()
    ]


def test_short_chinese_lines_of_varied_length_stay_lines() -> None:
    # Subtitles: short lines, most with no stop, whose lengths vary; each is its own line, not a wrapped paragraph.
    subtitles = ["你會煮嗎", "我之前替她煮過", "真的嗎", "更重要的是", "我們明天再說吧", "好", "你去哪裡了"] * 4
    assert analyse("\n".join(subtitles), "zh").mode == "lines"


def test_a_few_stray_lines_further_left_do_not_make_every_line_a_paragraph() -> None:
    # pdftotext -layout of a Chromium PDF of Taiwan's Personal Data Protection Act: the body indented two spaces,
    # and on 3 of 15 pages the date of the running head put unindented below the page's first line. Every body
    # line then counted as an indented paragraph start: 307 beads, 209 of 262 as from the text (now 255).
    paragraphs = ["".join(ZH_SENTENCES[first : first + 3]) for first in range(0, 30, 3)]
    body = [line for p in paragraphs for line in ["", *("  " + p[i : i + 30] for i in range(0, len(p), 30))]]
    stray = [*body[:4], "12/7/26, 4:23 PM", *body[4:]]
    document = segment("\n".join(stray), "zh", layout="wrapped")
    expected = ["".join(p.split()) for p in paragraphs]
    found = ["".join(p.text.split()) for p in document.paragraphs if "4:23" not in p.text]
    assert found == expected
    assert ["".join(p.text.split()) for p in segment("\n".join(body), "zh", layout="wrapped").paragraphs] == expected


SONNET = """Shall I compare thee to a summer's day?
Thou art more lovely and more temperate:
Rough winds do shake the darling buds of May,
And summer's lease hath all too short a date;
Sometime too hot the eye of heaven shines,
And often is his gold complexion dimm'd;
And every fair from fair sometime declin'd,
By chance or nature's changing course untrimm'd;
But thy eternal summer shall not fade,
Nor lose possession of that fair thou ow'st;
Nor shall death brag thou wander'st in his shade,
When in eternal lines to time thou grow'st:
So long as men can breathe or eyes can see,
So long lives this, and this gives life to thee."""


@pytest.mark.parametrize("width", [40, 45, 50])
def test_english_wrapped_in_a_narrow_column_is_detected_as_wrapped(width: int) -> None:
    # A user trial: Taiwan's Personal Data Protection Act in English through `fold -s -w 40..50` (a two-column
    # PDF's width) was read a line a sentence: 67-71 of 262 beads as from the text (now 258-261).
    paragraphs = [" ".join(EN_SENTENCES[first : first + 3]) for first in range(0, 45, 3)]
    text = "\n\n".join(wrap_english(p, width) for p in paragraphs)
    assert analyse(text, "en").mode == "wrapped"
    document = segment(text, "en")
    reference = segment("\n\n".join(paragraphs), "en", layout="lines")
    assert [" ".join(s.split()) for s in document.sentence_texts()] == [
        " ".join(s.split()) for s in reference.sentence_texts()
    ]


def test_verse_of_even_lines_stays_lines() -> None:
    # Shakespeare's sonnet 18, three times over: full lines ending with commas, as narrow as a wrapped column, but
    # each starts with a capital.
    assert analyse("\n".join([SONNET] * 3), "en").mode == "lines"
    assert analyse("\n\n".join([SONNET] * 3), "en").mode == "lines"


@pytest.mark.parametrize("colon", ["︰", "﹕", "："])
def test_a_line_ending_with_a_presentation_form_colon_is_complete_before_an_item(colon: str) -> None:
    # Taiwan's Administrative Procedure Act writes "下列情形之一者︰" (U+FE30) before its items; in a Chromium PDF's
    # wrapped text the lead-in and the first item became one sentence (721 -> 733 of 733 beads as from the text).
    text = (
        f"行政機關執行職務時，有下列情形之一者，得向無隸屬關係之其他機關請求協助{colon}\n"
        "一、因法律上之原因，不能獨自執行職務者。\n二、因人員、設備不足等事實上之原因，不能獨自執行職務者。"
    )
    assert [s[:2] for s in segment(text, "zh", layout="wrapped").sentence_texts()] == ["行政", "一、", "二、"]


STATUTE_EN = [
    "Nationals of the Republic of China shall have the right of election.",
    "The territory of the Republic of China shall be its existing national boundaries.",
    "The President shall be directly elected by the entire populace of the free area of the Republic of China.",
]


@pytest.mark.parametrize("width", [20, 25, 29])
def test_paragraphs_wrapped_narrower_than_30_columns_are_wrapped(width: int) -> None:
    # A user trial: articles wrapped at 25 and 29 columns, blank lines between, were read a line a sentence
    # (60 beads instead of 18).
    text = "\n\n".join(wrap_english(sentence, width) for sentence in STATUTE_EN * 6)
    assert analyse(text, "en").mode == "wrapped"
    assert [" ".join(s.split()) for s in segment(text, "en").sentence_texts()] == STATUTE_EN * 6


def test_a_short_paragraph_wrapped_narrow_is_wrapped() -> None:
    # Nine lines at 31 columns: too few for the ten full lines a longer text must show.
    text = wrap_english(" ".join(STATUTE_EN), 31)
    assert text.count("\n") < 10
    assert analyse(text, "en").mode == "wrapped"
    assert [" ".join(s.split()) for s in segment(text, "en").sentence_texts()] == STATUTE_EN


@pytest.mark.parametrize("between", ["\n", "\n\n"])
def test_short_lines_that_are_units_stay_lines(between: str) -> None:
    # A list of items, a short poem, a short subtitle file, a shopping list: each line a unit (a capital or a label
    # opens it, or it ends with a stop, or no paragraph ends with a sentence), however narrow.
    items = ["- Passports", "- Two photographs", "- The application form", "- Proof of address", "- The fee"]
    poem = ["The woods are lovely, dark and deep,", "But I have promises to keep,", "And miles to go before I sleep,"]
    cues = ["Where were you?", "I was at home.", "All night?", "Yes, all night.", "Then who was this?"]
    # Lower-case items with no stop pass the other signs of wrapping, but no paragraph ends with a sentence.
    shopping = ["strawberry jam", "blueberry muffins", "whole wheat bread", "fresh orange juice", "smoked salmon"]
    for lines in (items, poem, SONNET.splitlines()[:5], cues, shopping, shopping * 3):
        assert analyse(between.join(lines), "en").mode == "lines", lines


# Full sentences: the corpus's headlines ("...focus on generative AI as its main growth driver") have no stop, and
# paragraphs of them wrapped under 30 columns are not told from a list of lower-case items (see _narrow_width).
FULL_EN_SENTENCES = [sentence for sentence in EN_SENTENCES if sentence.endswith((".", "!", "?", '"'))]


@settings(max_examples=60, deadline=None)
@given(
    st.integers(0, len(FULL_EN_SENTENCES) - 12),
    st.lists(st.integers(1, 3), min_size=3, max_size=4),
    st.integers(20, 49),
)
def test_paragraphs_of_full_sentences_wrapped_at_any_width_keep_their_sentences(
    first: int, sizes: list[int], width: int
) -> None:
    # Several paragraphs of whole sentences, blank lines between, hard-wrapped at any narrow width (20-49) and read
    # with layout auto: the sentences are those of the text unwrapped, whitespace aside.
    paragraphs = []
    for size in sizes:
        paragraphs.append(" ".join(FULL_EN_SENTENCES[first : first + size]))
        first += size
    text = "\n\n".join(wrap_english(paragraph, width) for paragraph in paragraphs)
    # Two line breaks inside paragraphs are too little evidence of wrapping (a title over a sentence is not).
    assume(text.count("\n") - 2 * (len(paragraphs) - 1) >= 3)
    reference = segment("\n\n".join(paragraphs), "en", layout="lines")
    document = segment(text, "en")
    assert [" ".join(s.split()) for s in document.sentence_texts()] == [
        " ".join(s.split()) for s in reference.sentence_texts()
    ]


def _cut_every(paragraph: str, width: int, line_end: str) -> str:
    """``paragraph`` padded at its start (一), cut every ``width`` characters so that a line ends with ``line_end``."""
    padding = (width - (paragraph.index(line_end) + len(line_end)) % width) % width
    padded = "一" * padding + paragraph
    return "\n".join(padded[i : i + width] for i in range(0, len(padded), width))


@pytest.mark.parametrize("width", [20, 28, 35])
def test_a_cut_before_a_bracket_closing_a_latin_name_opens_no_list_item(width: int) -> None:
    """Issue 13: "…騎師 (Frankie Dettor" | "i) 在…": the full line has few display columns (Latin letters take
    one), so it read as a short, complete line and "i)" as a list label: the sentence was cut in two."""
    sentence = (
        "上週五，俄羅斯體操選手安娜·彼得羅娃 (Anna Petrova) 在約克郡的體育館 (York Arena) 取得了她的第一百場勝利。"
    )
    paragraph = "".join([ZH_SENTENCES[5], ZH_SENTENCES[6], sentence, ZH_SENTENCES[8]])
    text = _cut_every(paragraph, width, "Petrov")
    assert "Petrov\na) " in text
    document = segment(text, "zh", layout="wrapped")
    assert sentence in ["".join(s.split("\n")) for s in (s.text for s in document.sentences)]


def test_the_aligner_reads_a_chinese_sentence_cut_every_n_characters_as_on_one_line() -> None:
    text = "他在2\n022年買了一臺\nQC280，讀到Intelli\ngence和11\n30號，又去了Hong\nKong和Oxford \nIntelligence。"
    read = segment(text, "zh", layout="paragraphs").sentence_texts()
    assert read == ["他在2022年買了一臺QC280，讀到Intelligence和1130號，又去了Hong Kong和Oxford Intelligence。"]
