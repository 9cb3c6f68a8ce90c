"""English sentence splitting on the strings that break naive splitters (financial press, dialogue)."""

from __future__ import annotations

import pytest

from bitext.errors import BitextError
from bitext.segment import get_splitter, segment, splitter_names


def sentences(text: str, splitter: str = "") -> list[str]:
    return segment(text, "en", splitter=splitter).sentence_texts()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Abbreviations that never end a sentence.
        ("Mr. Xu founded the company. Dr. Tang taught him.", ["Mr. Xu founded the company.", "Dr. Tang taught him."]),
        ("Prof. Tang Xiao'ou and Mrs. Lee spoke.", ["Prof. Tang Xiao'ou and Mrs. Lee spoke."]),
        # Abbreviations with dots inside.
        ("The U.S. government added SenseTime to a list.", ["The U.S. government added SenseTime to a list."]),
        (
            "It was blacklisted by the U.S. The shares fell.",
            ["It was blacklisted by the U.S.", "The shares fell."],
        ),
        ("Shares fell, e.g. on Monday, and i.e. sharply.", ["Shares fell, e.g. on Monday, and i.e. sharply."]),
        # Company suffixes and tickers.
        (
            "SenseTime Group Co., Ltd. (0020.HK) reported a loss. Revenue rose.",
            ["SenseTime Group Co., Ltd. (0020.HK) reported a loss.", "Revenue rose."],
        ),
        ("Apple Inc. It is a company.", ["Apple Inc.", "It is a company."]),
        ("Apple Inc. shares rose.", ["Apple Inc. shares rose."]),
        ("Apple Inc. Chief Tim Cook spoke.", ["Apple Inc. Chief Tim Cook spoke."]),
        # Decimals and money have no space after the period.
        (
            "The loss was HK$5.78 billion. Revenue was 4.7 billion yuan.",
            ["The loss was HK$5.78 billion.", "Revenue was 4.7 billion yuan."],
        ),
        ("It cost US$1.5m. It rose 3.2% in 2023.", ["It cost US$1.5m.", "It rose 3.2% in 2023."]),
        # A sentence may start with a number.
        ("It ended in 2019. 36 of the 116 racers fell.", ["It ended in 2019.", "36 of the 116 racers fell."]),
        # Initials.
        ("J. K. Rowling wrote it. She is British.", ["J. K. Rowling wrote it.", "She is British."]),
        ("J.K. Rowling wrote it.", ["J.K. Rowling wrote it."]),
        ("He took Plan B. The rest followed.", ["He took Plan B.", "The rest followed."]),
        # A capital letter that is not an initial.
        (
            "He finished ninth in the Super-G. Adam Hall was tenth.",
            ["He finished ninth in the Super-G.", "Adam Hall was tenth."],
        ),
        ("It is 2.725±0.002K. The error is small.", ["It is 2.725±0.002K.", "The error is small."]),
        # Abbreviations of a number.
        ("See No. 5 and Vol. 3 of it.", ["See No. 5 and Vol. 3 of it."]),
        ('"Anything else?" "No. Since you ask, yes."', ['"Anything else?"', '"No.', 'Since you ask, yes."']),
        # etc. at the end of a sentence.
        ("Bring food, water, etc. Be firm.", ["Bring food, water, etc.", "Be firm."]),
        # Quotes and brackets belong to the sentence they close.
        ('"It is quoted." He said so.', ['"It is quoted."', "He said so."]),
        ('He said "stop." Then he left.', ['He said "stop."', "Then he left."]),
        ("(This is aside.) The main point follows.", ["(This is aside.)", "The main point follows."]),
        ("He works at Apple Inc.' Then he left.", ["He works at Apple Inc.'", "Then he left."]),
        # A question or exclamation in quotes, then its dialogue tag.
        ('"Can you print it?" Wang asked. "No."', ['"Can you print it?" Wang asked.', '"No."']),
        ('"Stop!" He shouted it twice.', ['"Stop!"', "He shouted it twice."]),
        # Interrupted speech, then a new quotation.
        ("'But I—' 'You what?' snapped the eunuch.", ["'But I—'", "'You what?' snapped the eunuch."]),
        # Ellipses.
        ("He paused... Then he spoke.", ["He paused...", "Then he spoke."]),
        ("He paused… Then he spoke.", ["He paused…", "Then he spoke."]),
        ("He paused . . . and spoke.", ["He paused . . . and spoke."]),
        # Lower case after a period is not a new sentence.
        ("It rose 5 p.c. and then fell.", ["It rose 5 p.c. and then fell."]),
        ("Really? Yes! Fine.", ["Really?", "Yes!", "Fine."]),
        # A Chinese sentence quoted in English text.
        (
            "The title was 完成重組。商湯進軍AI。 It ran in 2024.",
            ["The title was 完成重組。", "商湯進軍AI。", "It ran in 2024."],
        ),
    ],
)
def test_tricky_english(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def test_paragraph_breaks_are_boundaries_even_without_punctuation() -> None:
    text = "Highlights\nSenseTime reported a loss of HK$5.78 billion\n\nBy Xiao Lin"
    assert sentences(text) == ["Highlights", "SenseTime reported a loss of HK$5.78 billion", "By Xiao Lin"]


def test_offsets_index_the_original_text() -> None:
    text = "  Mr. Xu spoke.   The U.S. listened.\n\nNext paragraph here.  "
    document = segment(text, "en")
    for span in document.sentences:
        assert text[span.start : span.end] == span.text
        assert span.text == span.text.strip()
    assert document.sentence_texts() == ["Mr. Xu spoke.", "The U.S. listened.", "Next paragraph here."]


def test_registry_lists_the_default_first_and_rejects_unknown_names() -> None:
    assert splitter_names("en")[0] == "rules"
    assert {"rules", "nupunkt", "pysbd"} <= set(splitter_names("en"))
    with pytest.raises(BitextError, match="unknown en sentence splitter 'nltk'"):
        get_splitter("en", "nltk")
    with pytest.raises(BitextError, match="unknown language"):
        segment("text", "fr")  # type: ignore[arg-type]


def test_a_splitter_object_can_be_passed() -> None:
    class EveryLine:
        name = "every-word"

        def split(self, text: str, start: int, end: int) -> list[tuple[int, int]]:
            return [(start, start + 3), (start + 4, end)]

    assert segment("one two", "en", splitter=EveryLine()).sentence_texts() == ["one", "two"]


LIBRARY_CASES = [
    ("Mr. Xu said the U.S. government fined SenseTime HK$5.78 billion. Revenue rose 4.7 billion yuan.", 2),
    ('SenseTime Group Inc. (0020.HK) grew.  "It is quoted." He said so.', 3),
]


@pytest.mark.parametrize("name", ["nupunkt", "pysbd"])
@pytest.mark.parametrize(("text", "count"), LIBRARY_CASES)
def test_library_splitters_keep_exact_offsets(name: str, text: str, count: int) -> None:
    pytest.importorskip(name)
    document = segment(text, "en", splitter=name)
    assert len(document) == count
    # Every piece is a slice of the original and only whitespace lies between them, whatever the
    # library did with whitespace internally.
    cursor = 0
    for span in document.sentences:
        assert text[cursor : span.start].strip() == ""
        assert span.text == text[span.start : span.end]
        cursor = span.end
    assert text[cursor:].strip() == ""


def test_a_missing_optional_package_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "pysbd", None)  # as if not installed
    monkeypatch.delitem(sys.modules, "bitext.segment.en_pysbd", raising=False)
    get_splitter.cache_clear()
    try:
        with pytest.raises(BitextError, match=r"needs the package 'pysbd'.*bitext\[segmenters\]"):
            segment("One. Two.", "en", splitter="pysbd")
    finally:
        get_splitter.cache_clear()
