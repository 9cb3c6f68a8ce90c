"""The Python API's conveniences: records, DataFrames, text pairs, bead numbers, evaluation of Alignments,
the language check on Documents, splitters, and the names that say what they hold."""

from __future__ import annotations

import builtins
import io
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import bitext
from bitext import Alignment, Bead, InputError, segment
from bitext.entities.model import EntityPair, EntityTable, Mention
from bitext.errors import AlignmentError, BitextError, MissingExtraError
from bitext.formats import Export, get_writer, read_jsonl, read_tsv
from bitext.formats.vecalign import parse_alignment
from test_formats import alignments, make_document

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus" / "sensetime-genai"
ZH = "商湯今日公布業績。收入增長百分之十。公司表示前景樂觀。"
EN = "SenseTime reported results today. Revenue grew by ten per cent. The company said the outlook was good."


def small_alignment(scores: tuple[float, ...] = (0.9, 0.3, 0.7)) -> Alignment:
    zh = make_document([f"第{k}句。" for k in range(len(scores))], "zh", [" "])
    beads = [Bead((k,), (k,), score) for k, score in enumerate(scores)] + [Bead((), (len(scores),), 0.0)]
    en = make_document([f"Sentence {k}." for k in range(len(scores) + 1)], "en", [" "])
    return Alignment(zh, en, tuple(beads))


# ---------------------------------------------------------------------------------------------------------
# Bead numbers and names


def test_beads_know_their_number_in_the_alignment() -> None:
    alignment = small_alignment()
    assert [bead.index for bead in alignment] == [0, 1, 2, 3]
    assert Bead((0,), (0,)).index is None  # not in an alignment yet


def test_zh_ids_and_en_ids_are_the_sentence_numbers_and_the_old_names_still_work() -> None:
    bead = Bead((3, 4), (5,), 0.5)
    assert bead.zh_ids == (3, 4) and bead.en_ids == (5,)
    assert bead.zh == bead.zh_ids and bead.en == bead.en_ids  # deprecated aliases
    assert bead.type == "2-1"
    assert Bead((3, 4), (5,), 0.5) == Bead((3, 4), (5,), 0.5, {"x": 1.0}, index=7)  # index is not identity


def test_the_default_aligners_scores_hold_what_the_docstring_says() -> None:
    alignment = bitext.align(ZH, EN, scorer="lexical")
    assert all(set(bead.scores) == {"score", "posterior"} for bead in alignment)
    baseline = bitext.align(ZH, EN, method="gale-church")
    assert all(set(bead.scores) <= {"length"} for bead in baseline)


def test_entity_table_for_bead_takes_a_bead_or_its_number() -> None:
    alignment = small_alignment()
    mention = Mention(1, 0, 1, 0, 1)
    table = EntityTable((EntityPair("第", "S", "ORG", 1, 0.5, ("identical",), (1,), (mention,)),))
    assert table.for_bead(alignment.beads[1]) == table.for_bead(1) == list(table)
    assert table.for_bead(alignment.beads[0]) == []
    with pytest.raises(ValueError, match="index is None"):
        table.for_bead(Bead((1,), (1,)))


def test_span_prints_as_its_text_and_its_repr_says_where() -> None:
    document = segment(ZH, "zh")
    span = document.sentences[1]
    assert str(span) == "收入增長百分之十。" == f"{span}"
    assert repr(span) == f"Span({span.start}, {span.end}, '收入增長百分之十。')"


# ---------------------------------------------------------------------------------------------------------
# Records, DataFrames, text pairs


def test_to_records_filters_like_an_export_and_keeps_bead_numbers() -> None:
    alignment = small_alignment()
    assert [r["bead"] for r in alignment.to_records()] == [0, 1, 2, 3]
    assert [r["bead"] for r in alignment.to_records(min_score=0.5)] == [0, 2]
    assert [r["bead"] for r in alignment.to_records(drop_unaligned=True)] == [0, 1, 2]
    record = alignment.to_records(doc_id="d1")[3]
    assert record == {
        "doc_id": "d1",
        "bead": 3,
        "type": "0-1",
        "score": 0.0,
        "zh": "",
        "en": "Sentence 3.",
        "zh_ids": [],
        "en_ids": [3],
    }


def test_text_pairs_yield_texts_and_their_bead() -> None:
    alignment = small_alignment()
    pairs = list(alignment.text_pairs(min_score=0.5))
    assert [(zh, en, bead.index) for zh, en, bead in pairs] == [
        ("第0句。", "Sentence 0.", 0),
        ("第2句。", "Sentence 2.", 2),
    ]
    assert [bead for _, _, bead in alignment.text_pairs()] == list(alignment.beads)


@settings(max_examples=60)
@given(alignments(), st.sampled_from([None, 0.0, 0.5, 0.9]))
def test_to_records_round_trips_to_the_tsv_and_jsonl_rows(alignment: Alignment, min_score: float | None) -> None:
    records = alignment.to_records(min_score=min_score)
    export = Export(alignment, min_score=min_score)
    for name, reader in (("tsv", read_tsv), ("jsonl", read_jsonl)):
        out = io.StringIO()
        get_writer(name).write(export, out)
        rows = reader(io.StringIO(out.getvalue())).records
        assert len(rows) == len(records)
        for row, record in zip(rows, records, strict=True):
            assert (row.doc_id, row.bead, row.type, row.zh, row.en, list(row.zh_ids), list(row.en_ids)) == (
                record["doc_id"],
                record["bead"],
                record["type"],
                record["zh"],
                record["en"],
                record["zh_ids"],
                record["en_ids"],
            )
            assert row.score == pytest.approx(record["score"], abs=5e-5)  # the TSV keeps four decimals


def test_to_records_with_entities_carries_each_beads_pairs() -> None:
    zh, en = ((CORPUS / name).read_text(encoding="utf-8").split("\n\n")[:8] for name in ("zh-Hant.txt", "en.txt"))
    alignment = bitext.align("\n\n".join(zh), "\n\n".join(en), scorer="lexical")
    records = alignment.to_records(with_entities=True)
    table = bitext.align_entities(alignment)
    for record, bead in zip(records, alignment.beads, strict=True):
        assert [(e["zh"], e["en"], e["type"]) for e in record["entities"]] == [
            (p.zh, p.en, p.type) for p in table.for_bead(bead)
        ]
    assert any(record["entities"] for record in records)  # 商湯 ↔ SenseTime


def test_to_pandas_has_one_row_per_bead() -> None:
    pd = pytest.importorskip("pandas")
    alignment = small_alignment()
    frame = alignment.to_pandas(min_score=0.5)
    assert isinstance(frame, pd.DataFrame)
    assert list(frame.columns) == ["doc_id", "bead", "type", "score", "zh", "en", "zh_ids", "en_ids"]
    assert frame["bead"].tolist() == [0, 2] and frame["en"].tolist() == ["Sentence 0.", "Sentence 2."]


def test_to_pandas_without_pandas_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    real_import = builtins.__import__

    def no_pandas(name: str, *args: object, **kwargs: object) -> object:
        if name == "pandas":
            raise ImportError("No module named 'pandas'")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_pandas)
    with pytest.raises(MissingExtraError, match=r"pip install 'bitext\[pandas\]'") as caught:
        small_alignment().to_pandas()
    assert isinstance(caught.value, ImportError) and isinstance(caught.value, BitextError)


def test_the_pandas_extra_is_declared() -> None:
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert "\npandas = [" in text


# ---------------------------------------------------------------------------------------------------------
# Evaluation


def test_evaluate_takes_alignments_beads_or_pairs_on_either_side() -> None:
    zh = (CORPUS / "zh-Hant.sentences.txt").read_text(encoding="utf-8")
    en = (CORPUS / "en.sentences.txt").read_text(encoding="utf-8")
    alignment = bitext.align(zh, en, presegmented=True, scorer="lexical")
    gold = bitext.read_alignment(CORPUS / "gold.align")
    expected = bitext.evaluate(gold, alignment.pairs())
    assert bitext.evaluate(gold, alignment) == expected
    assert bitext.evaluate(gold, list(alignment.beads)) == expected
    assert bitext.evaluate(gold, alignment.pairs()) == expected
    reverse = bitext.evaluate(alignment.pairs(), gold)
    assert bitext.evaluate(alignment, gold) == reverse
    assert bitext.evaluate_many([(gold, alignment)]) == expected
    assert 0.5 < expected.strict.f1 <= 1.0


@settings(max_examples=40)
@given(alignments())
def test_an_alignment_evaluated_against_itself_scores_one(alignment: Alignment) -> None:
    result = bitext.evaluate(alignment, alignment)
    aligned = sum(bead.is_aligned for bead in alignment)
    assert result.strict.precision == 1.0 == result.lax.precision
    assert result.gold_beads == aligned and result.predicted_beads == len(alignment)
    if aligned:  # recall is over gold beads with both sides
        assert result.strict.f1 == 1.0 == result.lax.f1


def test_read_alignment_is_exported_and_reads_a_gold_file(tmp_path: Path) -> None:
    path = tmp_path / "gold.align"
    path.write_text("[0]:[0]\n[1,2]:[1]\n[]:[2]\n", encoding="utf-8")
    assert bitext.read_alignment(path) == parse_alignment(path.read_text()) == [([0], [0]), ([1, 2], [1]), ([], [2])]
    assert "read_alignment" in bitext.__all__


# ---------------------------------------------------------------------------------------------------------
# align(): languages, splitters, help


def test_documents_of_the_wrong_language_are_refused() -> None:
    with pytest.raises(InputError, match="Chinese side first"):
        bitext.align(segment(EN, "en"), segment(ZH, "zh"))
    with pytest.raises(InputError, match="second argument is a Document of language 'zh'"):
        bitext.align(ZH, segment(ZH, "zh"))
    assert len(bitext.align(segment(ZH, "zh"), segment(EN, "en"), scorer="lexical")) == 3


def test_align_takes_a_splitter_and_records_it() -> None:
    text = "商湯今日公布業績；收入增長百分之十。公司表示前景樂觀。"
    default = bitext.align(text, EN, scorer="lexical")
    semicolons = bitext.align(text, EN, scorer="lexical", splitter={"zh": "rules-semicolon"})
    assert len(default.zh) == 2 and len(semicolons.zh) == 3  # the splitter really was used on the Chinese
    assert semicolons.settings["splitter"] == "zh=rules-semicolon,en=default"
    assert "splitter" not in default.settings
    same = bitext.align(text, EN, scorer="lexical", splitter="rules")
    assert same.pairs() == default.pairs() and same.settings["splitter"] == "zh=rules,en=rules"


def test_splitter_with_what_is_not_split_is_an_error() -> None:
    with pytest.raises(AlignmentError, match="presegmented"):
        bitext.align(ZH, EN, presegmented=True, splitter="rules")
    with pytest.raises(AlignmentError, match="both sides are Documents"):
        bitext.align(segment(ZH, "zh"), segment(EN, "en"), splitter="rules")
    with pytest.raises(AlignmentError, match="'zh' and 'en'"):
        bitext.align(ZH, EN, splitter={"fr": "rules"})
    with pytest.raises(BitextError, match="unknown en sentence splitter 'rules-semicolon'"):
        bitext.align(ZH, EN, splitter="rules-semicolon")  # a Chinese splitter only


def test_help_of_align_explains_every_parameter() -> None:
    import inspect

    doc = bitext.align.__doc__ or ""
    for name in inspect.signature(bitext.align).parameters:
        assert f"``{name}``" in doc, name
    assert "gale-church" in doc
