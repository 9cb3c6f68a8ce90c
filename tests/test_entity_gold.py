"""The entity gold's scorer (benchmarks/entity_gold.py): matching rule, split rule, and the gold files themselves."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

import entity_gold as eg  # noqa: E402

GOLD_FILES = sorted(eg.GOLD_DIR.glob("*.tsv"))


def gold(zh: str, en: str, kind: str = "PER") -> eg.GoldRow:
    return eg.GoldRow("flores:0", zh, en, kind)


def pred(zh: str, en: str, kind: str = "PER", zh_variants: tuple[str, ...] = (), en_variants=()) -> eg.Predicted:
    return eg.Predicted(zh, en, kind, zh_variants, en_variants)


# ---------------------------------------------------------------- matching rule


def test_case_and_white_space_are_folded() -> None:
    assert eg.side_match("HONG  KONG", "Hong Kong", "en") == 2
    assert eg.side_match("Court of\nFinal Appeal ", "court of final appeal", "en") == 2
    assert (
        eg.pair_match(pred("終審法院", "COURT OF FINAL APPEAL"), gold("終審法院", "Court of Final Appeal"), False) == 4
    )


def test_containment_needs_the_minimum_length_on_each_side() -> None:
    assert eg.side_match("雲斯頓", "利雲斯頓", "zh") == 1
    assert eg.side_match("利雲", "利雲斯頓", "zh") == 1  # 2 characters is enough in Chinese
    assert eg.side_match("利", "利雲斯頓", "zh") == 0
    assert eg.side_match("Holt", "Gary Holt", "en") == 1  # 4 characters is enough in English
    assert eg.side_match("Hol", "Gary Holt", "en") == 0
    assert eg.side_match("Gary Holt", "Holt", "en") == 1  # either side may be the longer
    assert eg.side_match("Tim", "Timothy", "en") == 0
    assert eg.side_match("Livingston", "Kingston", "en") == 0  # no containment either way


def test_both_sides_must_match() -> None:
    assert eg.pair_match(pred("香港", "Article"), gold("香港", "Hong Kong", "LOC"), False) == 0
    assert eg.pair_match(pred("中國", "Hong Kong"), gold("香港", "Hong Kong", "LOC"), False) == 0


def test_one_gold_row_is_matched_once_and_a_second_row_costs_precision() -> None:
    gold_rows = [gold("裴洛西", "Nancy Pelosi")]
    predicted = [pred("裴洛西", "Pelosi"), pred("裴洛西", "Nancy Pelosi")]
    couples = eg.match(predicted, gold_rows)
    assert couples == [(1, 0)]  # the exact row wins over the contained one
    score = eg.Score()
    score.add(predicted, gold_rows, couples)
    assert (score.precision, score.recall) == (0.5, 1.0)
    assert score.f1 == pytest.approx(2 / 3)


def test_greedy_matching_prefers_equal_sides_and_uses_each_row_once() -> None:
    gold_rows = [gold("加里·霍爾特", "Gary Holt"), gold("霍爾特", "Holt")]
    predicted = [pred("霍爾特", "Holt"), pred("加里·霍爾特", "Gary Holt")]
    assert eg.match(predicted, gold_rows) == [(0, 1), (1, 0)]
    assert eg.match([pred("霍爾特", "Holt")], gold_rows) == [(0, 1)]


def test_variants_count_only_in_the_variant_figure() -> None:
    gold_rows = [gold("商湯科技", "SenseTime", "ORG")]
    predicted = [pred("商", "SenseTime", "ORG", zh_variants=("商湯科技",))]
    assert eg.match(predicted, gold_rows) == []
    assert eg.match(predicted, gold_rows, variants=True) == [(0, 0)]


def test_type_figures() -> None:
    gold_rows = [gold("萊德杯", "Ryder Cup", "MISC"), gold("史畢斯", "Spieth", "PER")]
    predicted = [pred("萊德杯", "Ryder Cup", "ORG"), pred("史畢斯", "Spieth", "PER"), pred("月", "Moon", "LOC")]
    score = eg.Score()
    score.add(predicted, gold_rows, eg.match(predicted, gold_rows))
    assert score.type_accuracy == 0.5
    assert score.found_by_type == Counter({"MISC": 1, "PER": 1})
    assert score.predicted_by_type == Counter({"ORG": 1, "PER": 1, "LOC": 1})
    assert score.correct_by_type == Counter({"ORG": 1, "PER": 1})


# ---------------------------------------------------------------- split rule


def test_split_depends_on_the_id_alone() -> None:
    ids = [f"flores:{n}" for n in range(281)]
    assert [eg.part_of(i) for i in ids] == [eg.part_of(i) for i in ids]
    assert {eg.part_of(i) for i in ids} == {"dev", "test"}
    assert eg.part_of("flores:0") == "test"  # sha1("flores:0") ends in ...0 mod 10 (checked by hand)
    assert eg.part_of("flores:5") == "dev"


def test_about_thirty_percent_of_the_gold_documents_are_test() -> None:
    every_flores = [f"flores:{n}" for n in range(281)]
    assert 0.2 <= sum(eg.part_of(doc) == "test" for doc in every_flores) / len(every_flores) <= 0.4
    documents = {row.doc_id for path in GOLD_FILES for row in eg.read_gold(path)}
    if len(documents) < 20:
        pytest.skip(f"only {len(documents)} gold documents so far")
    share = sum(eg.part_of(doc) == "test" for doc in documents) / len(documents)
    assert 0.2 <= share <= 0.4


# ---------------------------------------------------------------- the gold files


def test_bad_gold_files_are_refused(tmp_path: Path) -> None:
    cases = {
        "zh en type\n": "header",
        "doc_id\tzh\ten\ttype\nflores:0\t卡特\tCarter\tPERSON\n": "type",
        "doc_id\tzh\ten\ttype\nflores:0\t卡特\tCarter\tPER\nflores:0\t卡特\tCarter\tPER\n": "duplicate",
        "doc_id\tzh\ten\ttype\nflores:0\t卡特\tCarter\n": "columns",
        "doc_id\tzh\ten\ttype\nflores:0\t卡特\tCarter\tPER\nflores:0\t\t\tNONE\n": "NONE",
        "doc_id\tzh\ten\ttype\nflores:0\t 卡特\tCarter\tPER\n": "white space",
    }
    for text, message in cases.items():
        path = tmp_path / "flores.tsv"
        path.write_text(text, encoding="utf-8")
        with pytest.raises(eg.GoldError, match=message):
            eg.read_gold(path)


def test_unknown_documents_are_refused(tmp_path: Path) -> None:
    resolver = eg.Resolver(eg.find_data(), tmp_path)
    for doc_id in ("flores", "news:1", "legal:absent"):
        with pytest.raises(eg.GoldError):
            resolver.texts(doc_id)


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.name)
def test_every_gold_row_is_in_its_documents(path: Path) -> None:
    rows = eg.read_gold(path)
    assert rows
    source = path.stem
    data = eg.find_data()
    if data is None and source in ("flores", "mac"):
        pytest.skip("the shared data folder is not present on this machine")
    resolver = eg.Resolver(data, path.parent)
    for row in rows:
        assert row.doc_id.startswith(f"{source}:"), row
        zh, en = resolver.texts(row.doc_id)
        assert row.zh in zh, f"{path.name}:{row.line}: {row.zh!r} is not in the Chinese of {row.doc_id}"
        assert row.en in en, f"{path.name}:{row.line}: {row.en!r} is not in the English of {row.doc_id}"


def test_scorer_runs_on_the_flores_gold(tmp_path: Path) -> None:
    if eg.find_data() is None:
        pytest.skip("the shared data folder is not present on this machine")
    # flores:5 (a DEV document) with a deliberately wrong gold row (卡特 is Carter): it must come back as a miss
    rows = ["doc_id\tzh\ten\ttype", "flores:5\t布里辛斯基\tBrzezinski\tPER", "flores:5\t卡特\tAfghanistan\tLOC"]
    (tmp_path / "flores.tsv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    errors = tmp_path / "errors.tsv"
    arguments = ["--gold-dir", str(tmp_path), "--source", "flores", "--scorer", "lexical", "--errors", str(errors)]
    assert eg.main(arguments) == 0
    lines = [line.split("\t") for line in errors.read_text(encoding="utf-8").splitlines()]
    assert lines[0] == ["doc_id", "error", "zh", "en", "type", "note"]
    assert all(line[0] == "flores:5" and line[1] in ("miss", "false", "type") for line in lines[1:])
    assert ["flores:5", "miss", "卡特", "Afghanistan", "LOC"] in [line[:5] for line in lines]
    with pytest.raises(SystemExit):  # misses are written for DEV only
        eg.main([*arguments[:-2], "--part", "test", "--errors", str(errors)])
    # a fresh set in a folder of its own (fresh6/) has no test part: --part all may write its errors
    errors.unlink()
    assert eg.main([*arguments[:-2], "--part", "all", "--errors", str(errors)]) == 0
    assert ["flores:5", "miss", "卡特", "Afghanistan", "LOC"] in [
        line.split("\t")[:5] for line in errors.read_text().splitlines()
    ]
    with pytest.raises(SystemExit):  # but not for the gold itself, whose TEST part is in "all"
        eg.main(["--source", "flores", "--part", "all", "--errors", str(errors)])


def test_every_source_resolves_to_its_two_texts(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "statute.zh.txt").write_text("第一條 立法會\n", encoding="utf-8")
    (tmp_path / "docs" / "statute.en.txt").write_text("Article 1 Legislative Council\n", encoding="utf-8")
    resolver = eg.Resolver(eg.find_data(), tmp_path)
    assert resolver.texts("legal:statute") == ("第一條 立法會\n", "Article 1 Legislative Council\n")
    zh, en = resolver.texts("corpus:sensetime-genai")
    assert "商湯" in zh and "SenseTime" in en
    if eg.find_data() is None:
        pytest.skip("the shared data folder is not present on this machine")
    zh, en = resolver.texts("mac:001")
    assert "陳清揚" in zh and "陈清扬" not in zh  # MAC-Dev is simplified; the gold is read in traditional script
    assert "Chen Qingyang" in en
    zh, en = resolver.texts("flores:5")
    assert zh.count("\n") == en.count("\n") == 2  # three sentences, one a line
    assert zh.startswith("整個 1960 年代，布里辛斯基") and en.endswith("Afghanistan, 1979.")
