"""Over-long sentences are scored as bounded pieces and come back whole; arbitrary text pairs through
``bitext.align`` keep every non-whitespace character in exactly one bead, beads monotone and covering."""

from __future__ import annotations

from unittest import mock

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import bitext
from bitext.align import pieces as pieces_module
from bitext.align.beads import Bead, check_beads
from bitext.align.pieces import MAX_SENTENCE_CHARS, PIECE_CHARS, Pieces, cut_long_sentences, rejoin
from bitext.document import Document
from bitext.segment import segment

HAN = "商湯集團宣布完成重組公司將專注生成式人工智能徐立表示已經"


def _visible(text: str) -> str:
    return "".join(text.split())


def test_a_document_without_long_sentences_is_left_alone() -> None:
    doc = segment("商湯集團宣布完成重組。" * 3, "zh")
    cut = cut_long_sentences(doc)
    assert cut.document is doc and cut.owners == (0, 1, 2) and not cut.cut


def test_a_long_line_without_punctuation_is_cut_at_the_fixed_width() -> None:
    line = (HAN * 200)[: MAX_SENTENCE_CHARS * 3 + 7]
    doc = segment("開頭一句。\n" + line + "\n結尾一句。", "zh")
    cut = cut_long_sentences(doc)
    lengths = [len(span) for span in cut.document.sentences]
    assert max(lengths) <= PIECE_CHARS
    assert lengths[1:-2] == [PIECE_CHARS] * (len(lengths) - 3)  # no mark, no space: the full width
    assert cut.owners[0] == 0 and cut.owners[-1] == 2 and set(cut.owners[1:-1]) == {1}
    pieces_of_line = [span.text for span, owner in zip(cut.document.sentences, cut.owners, strict=True) if owner == 1]
    assert "".join(pieces_of_line) == line


def test_pieces_end_at_clause_marks_then_spaces() -> None:
    clauses = "，".join(HAN[: 10 + k % 7] for k in range(200)) + "。"
    doc = segment(clauses, "zh")
    assert len(doc) == 1 and len(doc.sentences[0]) > MAX_SENTENCE_CHARS
    texts = [span.text for span in cut_long_sentences(doc).document.sentences]
    assert all(text.endswith("，") for text in texts[:-1])
    assert all(PIECE_CHARS // 2 < len(text) <= PIECE_CHARS for text in texts[:-1])
    words = " ".join(["SenseTime"] * 300)
    texts = [span.text for span in cut_long_sentences(segment(words, "en")).document.sentences]
    assert all(text.endswith("SenseTime") and len(text) <= PIECE_CHARS for text in texts)
    assert " ".join(texts) == words


@st.composite
def pieces_and_beads(draw: st.DrawFn) -> tuple[Pieces, Pieces, list[Bead]]:
    """Two piece maps (sentence k cut into sizes[k] pieces) and a random monotone covering bead path."""

    def owners() -> tuple[int, ...]:
        sizes = draw(st.lists(st.integers(1, 4), min_size=1, max_size=8))
        return tuple(k for k, size in enumerate(sizes) for _ in range(size))

    zh, en = owners(), owners()
    beads, i, j = [], 0, 0
    while i < len(zh) or j < len(en):
        di = draw(st.integers(0, min(2, len(zh) - i)))
        dj = draw(st.integers(0 if di else 1, min(2, len(en) - j))) if j < len(en) else 0
        if not di and not dj:
            di = 1
        beads.append(Bead(tuple(range(i, i + di)), tuple(range(j, j + dj)), draw(st.floats(0, 1))))
        i, j = i + di, j + dj

    def as_pieces(owner_map: tuple[int, ...]) -> Pieces:
        text = " ".join("x" for _ in owner_map)
        offsets = tuple((2 * k, 2 * k + 1) for k in range(len(owner_map)))
        return Pieces(Document(text, "zh", offsets), owner_map)

    return as_pieces(zh), as_pieces(en), beads


@given(pieces_and_beads())
def test_pieces_rejoin_to_the_sentences_they_came_from(case: tuple[Pieces, Pieces, list[Bead]]) -> None:
    zh, en, beads = case
    joined = rejoin(beads, zh, en)
    check_beads(joined, zh.owners[-1] + 1, en.owners[-1] + 1)  # monotone, covering, each sentence once

    def between_sentences(owners: tuple[int, ...], position: int) -> bool:
        return position in (0, len(owners)) or owners[position - 1] != owners[position]

    # Minimal: beads are merged only across a point that cuts a sentence on one side or the other.
    ends, i, j = 0, 0, 0
    for bead in beads:
        i, j = i + len(bead.zh), j + len(bead.en)
        ends += between_sentences(zh.owners, i) and between_sentences(en.owners, j)
    assert len(joined) == ends
    # A merged bead is as sure as its least sure part.
    assert {bead.score for bead in joined} <= {bead.score for bead in beads}


ALPHABET = HAN + "。，！？；：「」 abcXYZ.,!?;:'\"\n\t　0123456789"


@settings(max_examples=12, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=120), st.text(alphabet=ALPHABET, max_size=120))
def test_arbitrary_pairs_keep_every_character_in_exactly_one_bead(zh: str, en: str) -> None:
    # A small limit, so that pieces happen in these short texts; the default scorer.
    with mock.patch.object(pieces_module, "MAX_SENTENCE_CHARS", 12), mock.patch.object(pieces_module, "PIECE_CHARS", 5):
        if not zh.strip() or not en.strip():
            return
        alignment = bitext.align(zh, en)
    check_beads(alignment.beads, len(alignment.zh), len(alignment.en))
    assert "".join(_visible(alignment.zh_text(bead)) for bead in alignment.beads) == _visible(zh)
    assert "".join(_visible(alignment.en_text(bead)) for bead in alignment.beads) == _visible(en)
    assert alignment.zh.sentence_offsets == segment(zh, "zh").sentence_offsets  # spans are the segmenter's


def test_a_long_chinese_line_stays_one_sentence_in_one_bead() -> None:
    line = (HAN * 100)[: MAX_SENTENCE_CHARS * 2]
    zh = "商湯集團宣布完成重組。\n" + line + "\n徐立表示，重組已經完成。\n"
    en = "SenseTime announced its restructuring.\nA long table.\nXu Li said the restructuring was complete.\n"
    alignment = bitext.align(zh, en)
    assert len(alignment.zh) == 3
    holding = [bead for bead in alignment.beads if 1 in bead.zh]
    assert len(holding) == 1 and line in alignment.zh_text(holding[0])
    check_beads(alignment.beads, 3, 3)


@pytest.mark.parametrize("scorer", ["lexical", "all"])
def test_every_scorer_set_aligns_a_long_english_line(scorer: str) -> None:
    words = " ".join(f"word{k}" for k in range(400))
    alignment = bitext.align("商湯集團宣布完成重組。徐立表示。", f"SenseTime said so. {words}", scorer=scorer)
    check_beads(alignment.beads, len(alignment.zh), len(alignment.en))
    assert (
        sum(1 for bead in alignment.beads for j in bead.en if alignment.en.sentences[j].text.endswith("word399")) == 1
    )


@settings(max_examples=3, deadline=None)
@given(
    head=st.text(alphabet=ALPHABET, max_size=60).filter(str.strip),
    long_line=st.booleans(),
    tail=st.text(alphabet=ALPHABET, max_size=60),
    en=st.text(alphabet=ALPHABET, min_size=1, max_size=120).filter(str.strip),
)
@example(
    head="商湯宣布重組。", long_line=True, tail="徐立表示，已經完成。", en="SenseTime said so. A table. Xu Li agreed."
)
def test_through_the_cli_every_export_holds_every_character_once(
    head: str, long_line: bool, tail: str, en: str, tmp_path_factory: pytest.TempPathFactory
) -> None:
    from bitext.cli.main import main
    from bitext.formats import read_jsonl, read_tsv

    # Sometimes a line over the default limit, so that the CLI's exports carry a rejoined sentence.
    zh = head + ("\n" + (HAN * 40)[: MAX_SENTENCE_CHARS + 50] + "\n" if long_line else "") + tail
    folder = tmp_path_factory.mktemp("cli")
    (folder / "zh.txt").write_text(zh, encoding="utf-8")
    (folder / "en.txt").write_text(en, encoding="utf-8")
    for name, reader in (("tsv", read_tsv), ("jsonl", read_jsonl)):
        out = folder / f"out.{name}"
        argv = ["align", str(folder / "zh.txt"), str(folder / "en.txt"), "--format", name, "-o", str(out), "-q"]
        status = main(argv)
        if status == 2:  # a text the CLI refuses (only whitespace on a side after reading): nothing written
            assert not out.exists()
            continue
        assert status == 0
        data = reader(out)
        records = data.records
        for side, text in (("zh", zh), ("en", en)):
            # Page furniture (a bare number on the last line reads as a page number) is listed in the metadata,
            # never aligned: every character is in one bead or in that list.
            furniture = "".join(_visible(f["text"]) for f in data.metadata.get(side, {}).get("furniture", []))
            in_beads = "".join(_visible(getattr(r, side)) for r in records)
            if furniture:
                assert sorted(in_beads + furniture) == sorted(_visible(text)), name
            else:
                assert in_beads == _visible(text), name
        zh_ids = [i for r in records for i in r.zh_ids]
        en_ids = [j for r in records for j in r.en_ids]
        assert zh_ids == sorted(set(zh_ids)) and en_ids == sorted(set(en_ids)), name  # monotone, each once
