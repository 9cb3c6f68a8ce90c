from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bitext.document import Document
from bitext.segment import segment


def test_span_text_points_into_original() -> None:
    doc = Document("  甲。 乙！\n丙", "zh", ((2, 4), (5, 7), (8, 9)))
    assert [s.text for s in doc.sentences] == ["甲。", "乙！", "丙"]
    assert doc.sentences[1].start == 5


def test_text_outside_sentences_is_rejected() -> None:
    with pytest.raises(ValueError, match="in no sentence"):
        Document("甲。乙。", "zh", ((0, 2),))


def test_overlapping_offsets_are_rejected() -> None:
    with pytest.raises(ValueError, match="out of order"):
        Document("甲。乙。", "zh", ((0, 3), (2, 4)))


def test_paragraph_of_each_sentence() -> None:
    doc = segment("第一句。第二句。\n\n第三句。", "zh")
    assert [doc.paragraph_of(i) for i in range(len(doc))] == [0, 0, 1]


@given(st.text(alphabet=st.sampled_from(list("ab 。！\n.?")), max_size=60))
def test_sentences_and_whitespace_rebuild_the_text(text: str) -> None:
    for lang in ("zh", "en"):
        doc = segment(text, lang)
        rebuilt = []
        cursor = 0
        for sentence in doc.sentences:
            gap = text[cursor : sentence.start]
            assert not gap.strip()
            rebuilt.append(gap + sentence.text)
            cursor = sentence.end
        assert "".join(rebuilt) + text[cursor:] == text


def test_furniture_is_in_no_sentence_text_and_left_out_of_bead_text() -> None:
    text = "First half of a\n58\nsentence. Next one.\n59"
    # Furniture between sentences, or wholly inside one (a sentence running across a page break).
    doc = Document(text, "en", ((0, 28), (29, 38)), furniture_offsets=((16, 18), (39, 41)))
    assert [span.text for span in doc.furniture] == ["58", "59"]
    assert doc.sentences[0].text == "First half of a\n\nsentence."
    assert doc.text_without_furniture(0, 38) == "First half of a\n\nsentence. Next one."
    with pytest.raises(ValueError, match="overlaps"):
        Document(text, "en", ((0, 17), (29, 38)), furniture_offsets=((16, 18), (39, 41)))
    with pytest.raises(ValueError, match="in no sentence"):
        Document(text, "en", ((0, 15), (29, 38)), furniture_offsets=((39, 41),))


def test_chinese_sentences_are_read_without_the_line_breaks_of_a_wrapped_paragraph() -> None:
    doc = Document("汪\n淼說：\n好。", "zh", ((0, 8),))
    assert doc.sentences[0].text == "汪\n淼說：\n好。"  # the text as written
    assert doc.sentence_texts() == ["汪淼說：好。"]  # what the aligner matches


def test_how_a_document_was_read_goes_into_the_alignment_settings() -> None:
    import bitext

    zh = Document("你好。", "zh", ((0, 3),), encoding="utf-16-le", layout="lines")
    en = Document("Hello.", "en", ((0, 6),), encoding="utf-8", layout="wrapped (detected)")
    alignment = bitext.align(zh, en, method="gale-church")
    assert alignment.settings["zh_encoding"] == "utf-16-le"
    assert alignment.settings["en_layout"] == "wrapped (detected)"
    assert "zh_encoding:utf-16-le" in alignment.signature
