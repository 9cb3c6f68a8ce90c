"""Swapped arguments (English given as SOURCE, Chinese as TRANSLATION): a warning on stderr and the QA flag
``swapped-languages``; never for a pair in the right order, even a Chinese text full of English names."""

from __future__ import annotations

from pathlib import Path

import pytest
import regex
from hypothesis import given
from hypothesis import strategies as st

import bitext
from bitext.cli.main import main
from bitext.language_sides import han_share, looks_swapped
from bitext.qa import check

CORPUS = Path(__file__).resolve().parents[1] / "corpus" / "sensetime-genai"
ZH = (CORPUS / "zh-Hant.txt").read_text(encoding="utf-8")
EN = (CORPUS / "en.txt").read_text(encoding="utf-8")


def codes(zh: str, en: str) -> list[tuple[int, str, str]]:
    report = check(bitext.align(zh, en, method="gale-church"))
    return [(flag.bead, flag.level, flag.code) for flag in report.flags if flag.code == "swapped-languages"]


def test_swapped_documents_get_one_flag_on_the_first_bead() -> None:
    assert codes(EN, ZH) == [(0, "error", "swapped-languages")]


def test_documents_in_order_get_no_flag() -> None:
    assert codes(ZH, EN) == []


@pytest.mark.parametrize(
    ("source", "translation", "swapped"),
    [
        ("The company said so.", "公司表示。", False),  # too short to judge either way
        ("SenseTime launched SenseNova and GenAI tools for OpenAI-style APIs." * 2, "商湯推出日日新大模型。" * 3, True),
        ("商湯推出 SenseNova 大模型和 GenAI 工具，支持 OpenAI API。" * 3, "SenseTime launched SenseNova." * 3, False),
        ("Both sides are English sentences here." * 3, "And this one is English too." * 3, False),
    ],
)
def test_the_decision_is_the_han_share_of_each_side(source: str, translation: str, swapped: bool) -> None:
    assert looks_swapped(source, translation) is swapped


def test_han_share_counts_han_among_letters() -> None:
    assert han_share("商湯" * 10 + "ab" * 5) == pytest.approx(20 / 30)
    assert han_share("12345 。，!?" * 10) is None  # no letters: nothing to judge


@given(st.text(alphabet=st.sampled_from([*"中文字abcZé ,。1", "𠀀", "ー", "ａ"]), max_size=60))
def test_han_share_is_the_share_counted_one_character_at_a_time(text: str) -> None:
    han = sum(1 for ch in text if regex.fullmatch(r"\p{Han}", ch))
    latin = sum(1 for ch in text if regex.fullmatch(r"\p{Latin}", ch))
    expected = han / (han + latin) if han + latin >= 20 else None
    assert han_share(text) == expected


def test_the_cli_warns_on_stderr_and_still_aligns(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    output = tmp_path / "out.align"
    assert (
        main(
            [
                "align",
                str(CORPUS / "en.txt"),
                str(CORPUS / "zh-Hant.txt"),
                "--format",
                "align",
                "-o",
                str(output),
                "--method",
                "gale-church",
            ]
        )
        == 0
    )
    err = capsys.readouterr().err
    assert err.startswith("bitext: warning: the Chinese side reads as English") and err.count("\n") == 1
    assert output.read_text(encoding="utf-8")
    assert (
        main(
            [
                "align",
                str(CORPUS / "zh-Hant.txt"),
                str(CORPUS / "en.txt"),
                "--format",
                "align",
                "-o",
                str(output),
                "--method",
                "gale-church",
            ]
        )
        == 0
    )
    assert capsys.readouterr().err == ""


def test_swapped_documents_get_no_flags_that_read_a_side_in_its_language(capsys: pytest.CaptureFixture[str]) -> None:
    # A user trial: Taiwan's Personal Data Protection Act given English first got 134 number-mismatch errors and 413
    # untranslated warnings besides swapped-languages, every one of them meaning "swapped".
    report = check(bitext.align(EN, ZH, method="gale-church"))
    assert {flag.code for flag in report.flags} <= {"swapped-languages", "low-confidence", "omission", "addition"}
    assert [flag.code for flag in report.flags].count("swapped-languages") == 1
    assert "numbers" not in report.checks
    in_order = check(bitext.align(ZH, EN, method="gale-church"))
    assert "numbers" in in_order.checks
    assert check(bitext.align(EN.replace("2014", "2041"), ZH, method="gale-church")).flags == report.flags
    assert main(["check", str(CORPUS / "en.txt"), str(CORPUS / "zh-Hant.txt"), "--method", "gale-church"]) == 1
    out = capsys.readouterr().out
    assert "not checked: the sides look swapped" in out and "number-mismatch" not in out
