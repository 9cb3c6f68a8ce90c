"""Words hyphenated at a line end are read whole by the aligner; spans keep the text as read (issue 14)."""

from __future__ import annotations

from pathlib import Path

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from bitext.segment import segment
from bitext.segment.hyphens import dehyphenate, known_word

CORPUS = Path(__file__).resolve().parents[1] / "corpus" / "sensetime-genai"
EN_SENTENCES = (CORPUS / "en.sentences.txt").read_text(encoding="utf-8").splitlines()


def test_a_known_word_is_joined_and_an_unknown_one_keeps_its_hyphen() -> None:
    assert dehyphenate("the inter-\nnational community") == "the international community"
    assert dehyphenate("co-\noperation, organi-\nzations") == "cooperation, organizations"  # inflected forms
    assert dehyphenate("a well-\nknown and self-\nevident fact") == "a well-known and self-evident fact"
    assert dehyphenate("state-of-the-\nart") == "state-of-the-art"
    assert dehyphenate("Austro-\nHungarian, COVID-\n19") == "Austro-Hungarian, COVID-19"
    assert dehyphenate("inter\u00ad\nnational") == "international"  # a soft hyphen
    assert dehyphenate("1990 -\nthe year") == "1990 -\nthe year"  # a dash, not a hyphen after a letter
    assert dehyphenate("no break-here") == "no break-here"


def test_known_words_come_from_the_dictionary_not_from_any_letters() -> None:
    assert known_word("international") and known_word("Governments") and known_word("into")
    assert not known_word("wellknown") and not known_word("selfevident") and not known_word("xqzt")


def test_the_sentence_span_keeps_the_hyphen_and_the_line_break() -> None:
    text = "The inter-\nnational community met in Geneva.\nIt agreed on a well-\nknown plan.\n"
    document = segment(text, "en", layout="wrapped")
    assert [text[s.start : s.end] for s in document.sentences] == [
        "The inter-\nnational community met in Geneva.",
        "It agreed on a well-\nknown plan.",
    ]
    assert document.sentence_texts() == [
        "The international community met in Geneva.",
        "It agreed on a well-known plan.",
    ]


def test_a_short_line_ending_in_a_hyphenated_word_does_not_end_the_paragraph() -> None:
    text = "The community of\nnations was inter-\nnational from the start of its long history of co-\noperation.\n"
    document = segment(text, "en", layout="wrapped")
    assert len(document.sentences) == 1


def hyphenated_wrap(paragraph: str, width: int, cut: float, hyphenate: bool) -> str:
    """Greedy wrap at ``width`` columns; with ``hyphenate``, a known lower-case word of six letters or more
    that does not fit is broken with a hyphen, its first part (two letters at least, ``cut`` of the word)
    left on the line when it fits there."""
    lines: list[str] = []
    current = ""
    for word in paragraph.split(" "):
        if not current or len(current) + 1 + len(word) <= width:
            current = f"{current} {word}" if current else word
            continue
        if hyphenate and len(word) >= 6 and regex.fullmatch(r"\p{Ll}+", word) and known_word(word):
            k = min(len(word) - 2, max(2, round(cut * len(word))))
            if len(current) + 2 + k <= width:
                lines.append(f"{current} {word[:k]}-")
                current = word[k:]
                continue
        lines.append(current)
        current = word
    return "\n".join([*lines, current])


@settings(max_examples=60, deadline=None)
@given(
    st.integers(0, len(EN_SENTENCES) - 8),
    st.integers(2, 8),
    st.integers(20, 100),
    st.floats(0.2, 0.8),
    st.booleans(),
    st.sampled_from(["wrapped", "auto"]),
)
def test_wrapping_with_or_without_hyphenation_keeps_the_sentences(
    first: int, count: int, width: int, cut: float, hyphenate: bool, layout: str
) -> None:
    paragraph = " ".join(EN_SENTENCES[first : first + count])
    reference = segment(paragraph, "en", layout="lines").sentence_texts()
    wrapped = hyphenated_wrap(paragraph, width, cut, hyphenate)
    if layout == "auto" and (wrapped.count("\n") < 8 or width < 60):
        layout = "wrapped"  # under 50 columns or few lines: too little evidence of wrapping for auto
    document = segment(wrapped, "en", layout=layout)
    assert [" ".join(text.split()) for text in document.sentence_texts()] == reference
    # The spans index the text as read: every character of it, hyphens included, is in a sentence.
    assert "".join("".join(wrapped[s.start : s.end].split()) for s in document.sentences) == "".join(wrapped.split())
