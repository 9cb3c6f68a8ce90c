"""QA flags: each check on small hand-made examples (that must flag, and that must not), invariants on generated
alignments, and ``bitext check`` as a CI gate (exit status, output)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given

from bitext.align.beads import Alignment, Bead
from bitext.cli.main import main
from bitext.entities.model import EntityPair, EntityTable
from bitext.qa import QASettings, check
from test_formats import alignments, entity_table, make_document


def one_bead(zh: str, en: str, score: float = 0.9) -> Alignment:
    return Alignment(make_document([zh], "zh", [" "]), make_document([en], "en", [" "]), (Bead((0,), (0,), score),))


def codes(alignment: Alignment, entities: EntityTable | None = None) -> list[str]:
    return [f.code for f in check(alignment, entities).flags]


# ---------------------------------------------------------------------------------------------------------
# Numbers


@pytest.mark.parametrize(
    ("zh", "en"),
    [
        ("商湯去年收入47億元。", "SenseTime earned 4.5 billion yuan last year."),  # 4.7 billion vs 4.5 billion
        ("公司於2014年創立。", "The company was founded ten years ago."),  # a year missing
        ("股價急升14%。", "The stock surged 41%."),
        ("員工人數由6114人減至4672人。", "Headcount fell from 6,114 to 4,762."),
        ("收入達一百三十九億元。", "Revenue reached 13.9 million yuan."),
        ("車輛約在 12:00 時移除。", "The vehicle was removed at approximately 1300 GMT."),
        ("國王路易十六被迫遷回巴黎。", "King Louis XIV was forced back to Paris."),
        ("由 1 萬 7000 多座島嶼組成。", "With 1,700 islands to choose from."),
    ],
)
def test_numbers_that_differ_are_errors(zh: str, en: str) -> None:
    flags = check(one_bead(zh, en)).flags
    assert [(f.level, f.code) for f in flags] == [("error", "number-mismatch")]


@pytest.mark.parametrize(
    ("zh", "en"),
    [
        ("商湯去年收入47億元。", "SenseTime earned 4.7 billion yuan last year."),
        ("商湯當時估值達1390億港元。", "SenseTime was valued at HK$139 billion at the time."),
        ("公司在2021年12月上市。", "The company listed in December 2021."),
        ("收入增長百分之四十五點六。", "Revenue rose 45.6%."),
        ("員工人數由6114人減至4672人。", "Headcount fell from 6,114 to 4,672."),
        ("三四個月後，收入佔六成以上。", "Three or four months later it was more than 60% of revenue."),
        ("二〇二四年，虧損25億元。", "In 2024, the loss was 2.5 billion yuan."),
        ("詳情見 https://example.com/%E5%AE%8C%88%90 。", "Details at https://example.com/a."),
        ("車輛約在 12:00 時移除。", "The vehicle was removed at approximately 1200 GMT."),
        ("他在比賽中排名第 15 位，另一人第二十四名。", "He finished fifteenth and the other twenty-fourth."),
        ("國王路易十六被迫遷回巴黎。", "King Louis XVI was forced back to Paris."),
        ("由 1 萬 7000 多座島嶼組成。", "With 17,000 islands to choose from."),
        ("在 420 至 390 萬年前的化石中。", "In fossils from 4.2-3.9 million years ago."),
        ("他參加 100 公尺和 200 公尺比賽。", "He was due to swim in the 100m and 200m freestyle."),
        ("見該書（1989 年）第 109 頁。", "See Larson and LaFasto, 1989, p109."),
        ("一千多年來，教會位於羅馬，對第五種子。", "For over a thousand years the church, against the 5th seeds."),
    ],
)
def test_numbers_written_differently_but_equal_are_not_flagged(zh: str, en: str) -> None:
    assert "number-mismatch" not in codes(one_bead(zh, en))


def test_letters_that_only_look_like_roman_numerals_are_harmless() -> None:
    assert codes(one_bead("路易十六。DD、MIX。", "DD and MIX and Louis XVI.")) == []


def test_rounded_number_is_info_only() -> None:
    flags = check(one_bead("收入47.3億元。", "Revenue was 4.7 billion yuan.")).flags
    assert [(f.level, f.code) for f in flags] == [("info", "number-rounded")]


def test_number_message_names_both_sides() -> None:
    (flag,) = check(one_bead("商湯去年收入47億元。", "SenseTime earned 4.5 billion yuan last year.")).flags
    assert "47億" in flag.message and "4.5 billion" in flag.message and "4,700,000,000" in flag.message


# ---------------------------------------------------------------------------------------------------------
# Unaligned, confidence, length, untranslated, repeated


def test_omission_is_an_error_and_addition_a_warning() -> None:
    zh = make_document(["第一句。", "漏譯的句子。"], "zh", [""])
    en = make_document(["First.", "An added sentence."], "en", [" "])
    alignment = Alignment(zh, en, (Bead((0,), (0,), 0.9), Bead((1,), (), 0.0), Bead((), (1,), 0.0)))
    levels = {(f.bead, f.code): f.level for f in check(alignment).flags}
    assert levels == {(1, "omission"): "error", (2, "addition"): "warning"}


def test_low_confidence_threshold_is_configurable() -> None:
    alignment = one_bead("你好。", "Hello.", score=0.4)
    assert codes(alignment) == ["low-confidence"]
    assert check(alignment, settings=QASettings(low_confidence=0.3)).flags == ()


def test_length_ratio_outlier_against_the_documents_own_spread() -> None:
    zh = [f"這是第{k}個普通長度的中文句子。" for k in range(12)] + ["短。"]
    en = [f"This is ordinary English sentence number {k}." for k in range(12)]
    en.append(
        "A very long English sentence that goes on and on with far more words than the two characters "
        "of Chinese could ever have said, padding, padding and more padding."
    )
    alignment = Alignment(
        make_document(zh, "zh", [""]), make_document(en, "en", [" "]), tuple(Bead((k,), (k,), 0.9) for k in range(13))
    )
    flagged = [(f.bead, f.code) for f in check(alignment).flags]
    assert flagged == [(12, "length-ratio")]


def test_latin_text_left_in_the_chinese_and_han_text_in_the_english() -> None:
    assert codes(one_bead("公司表示 we will upgrade the group 之後再說。", "The company said it would upgrade.")) == [
        "untranslated"
    ]
    assert codes(one_bead("公司表示。", "The company said 要查看或添加评论.")) == ["untranslated"]
    assert codes(one_bead("OpenAI推出ChatGPT。", "OpenAI launched ChatGPT.")) == []  # names are not untranslated text


def test_repeated_english_for_different_chinese_is_flagged_once() -> None:
    zh = make_document(["公司收入增加。", "公司虧損收窄。", "公司收入增加。"], "zh", [""])
    en = make_document(
        ["The company's revenue increased.", "The company's revenue increased.", "The company's revenue increased."],
        "en",
        [" "],
    )
    alignment = Alignment(zh, en, tuple(Bead((k,), (k,), 0.9) for k in range(3)))
    assert [(f.bead, f.code) for f in check(alignment).flags] == [(1, "repeated-translation")]


# ---------------------------------------------------------------------------------------------------------
# Entities


def test_entity_on_one_side_with_no_counterpart() -> None:
    table = EntityTable(
        (
            EntityPair("商湯", "SenseTime", "ORG", 3, 0.95, ("cooccurrence",), (0, 1, 2), variants=("商湯科技",)),
            EntityPair("徐立", "Xu Li", "PER", 1, 0.9, ("pinyin:xu li",), (1,)),
        )
    )
    zh = make_document(["商湯科技宣布重組。", "徐立表示完成。", "公司股價上升。"], "zh", [""])
    en = make_document(
        ["The company announced a restructuring.", "Xu Li said it was done.", "SenseTime shares rose."], "en", [" "]
    )
    alignment = Alignment(zh, en, tuple(Bead((k,), (k,), 0.9) for k in range(3)))
    flags = [(f.bead, f.code, f.level) for f in check(alignment, table).flags]
    assert flags == [(0, "entity-missing", "warning"), (2, "entity-missing", "warning")]
    assert "entities" in check(alignment, table).checks and "entities" not in check(alignment).checks


# ---------------------------------------------------------------------------------------------------------
# Invariants


@given(alignments())
def test_flags_are_well_formed_sorted_and_deterministic(alignment: Alignment) -> None:
    entities = entity_table(alignment)
    report = check(alignment, entities)
    assert report.flags == check(alignment, entities).flags
    for flag in report.flags:
        assert 0 <= flag.bead < len(alignment.beads)
        assert flag.level in ("error", "warning", "info") and flag.code and flag.message
    assert [f.bead for f in report.flags] == sorted(f.bead for f in report.flags)
    assert report.count("error") + report.count("warning") + report.count("info") == len(report.flags)
    for number, bead in enumerate(alignment.beads):
        has_omission = any(f.code == "omission" for f in report.for_bead(number))
        assert has_omission == (bool(bead.zh) and not bead.en)


# ---------------------------------------------------------------------------------------------------------
# bitext check


@pytest.fixture
def files(tmp_path: Path):  # type: ignore[no-untyped-def]
    def write(zh: str, en: str) -> tuple[str, str]:
        (tmp_path / "zh.txt").write_text(zh, encoding="utf-8")
        (tmp_path / "en.txt").write_text(en, encoding="utf-8")
        return str(tmp_path / "zh.txt"), str(tmp_path / "en.txt")

    return write


GOOD = (
    "商湯宣布完成重組。\n\n徐立表示，重組已經完成。\n",
    "SenseTime announced it had completed its restructuring.\n\nXu Li said the reorganisation was complete.\n",
)
BAD = (
    "商湯去年收入47億元。\n\n徐立表示，重組已經完成。\n",
    "SenseTime earned 4.5 billion yuan last year.\n\nXu Li said the reorganisation was complete.\n",
)


def test_check_passes_a_clean_translation(files, capsys: pytest.CaptureFixture[str]) -> None:  # type: ignore[no-untyped-def]
    assert main(["check", *files(*GOOD), "--method", "gale-church"]) == 0
    out = capsys.readouterr().out
    assert "2 beads" in out and "0 errors" in out


def test_check_exits_1_on_an_error_and_shows_the_bead(files, capsys: pytest.CaptureFixture[str]) -> None:  # type: ignore[no-untyped-def]
    assert main(["check", *files(*BAD), "--method", "gale-church"]) == 1
    out = capsys.readouterr().out
    assert "1 error" in out and "number-mismatch" in out and "bead 0" in out and "47億" in out


def test_check_fail_on_never_and_jsonl(files, capsys: pytest.CaptureFixture[str]) -> None:  # type: ignore[no-untyped-def]
    assert main(["check", *files(*BAD), "--method", "gale-church", "--fail-on", "never", "--format", "jsonl"]) == 0
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [(r["bead"], r["code"], r["level"]) for r in records] == [(0, "number-mismatch", "error")]
    assert records[0]["zh"].startswith("商湯去年收入47億元")


def test_check_export_writes_the_review_page(files, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page = tmp_path / "review.html"
    assert main(["check", *files(*BAD), "--method", "gale-church", "--export", str(page)]) == 1
    assert "number-mismatch" in page.read_text(encoding="utf-8")


def test_check_unknown_export_suffix_is_a_user_error(files, capsys: pytest.CaptureFixture[str]) -> None:  # type: ignore[no-untyped-def]
    assert main(["check", *files(*GOOD), "--export", "out.docx"]) == 2
    assert capsys.readouterr().err.count("\n") == 1


def test_align_min_score_drop_unaligned_and_html(files, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    zh, en = files(GOOD[0], GOOD[1] + "\nAn extra English paragraph with no source.\n")
    out = tmp_path / "out.tsv"
    assert main(["align", zh, en, "--method", "gale-church", "--drop-unaligned", "-o", str(out), "-q"]) == 0
    rows = out.read_text(encoding="utf-8").splitlines()
    assert len(rows) == 1 + 2 and all("0-1" not in row for row in rows)
    assert json.loads((tmp_path / "out.tsv.meta.json").read_text(encoding="utf-8"))["selection"]["drop_unaligned"]
    with pytest.raises(SystemExit) as exit_info:  # argparse rejects a score outside 0..1
        main(["align", zh, en, "--method", "gale-church", "--min-score", "1.5"])
    assert exit_info.value.code == 2
    page = tmp_path / "r.html"
    assert main(["align", zh, en, "--method", "gale-church", "--format", "html", "-o", str(page)]) == 0
    assert page.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
