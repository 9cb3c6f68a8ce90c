from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from bitext.cli.main import main
from bitext.segment import Document

ZH = "商湯集團宣布完成重組。公司將專注生成式人工智能。\n\n徐立表示，重組已經完成。\n"
EN = (
    "SenseTime announced it has completed its restructuring. The company will focus on generative AI.\n\n"
    "Xu Li said the reorganisation was complete.\n"
)


@pytest.fixture
def pair(tmp_path: Path) -> tuple[Path, Path]:
    zh, en = tmp_path / "zh.txt", tmp_path / "en.txt"
    zh.write_text(ZH, encoding="utf-8")
    en.write_text(EN, encoding="utf-8")
    return zh, en


def test_align_writes_tsv_with_header(pair: tuple[Path, Path], tmp_path: Path) -> None:
    out = tmp_path / "out.tsv"
    assert main(["align", str(pair[0]), str(pair[1]), "-o", str(out)]) == 0
    rows = out.read_text(encoding="utf-8").splitlines()
    assert rows[0].split("\t")[:2] == ["zh", "en"]
    assert len(rows) == 1 + 3
    assert rows[3].split("\t")[:2] == ["徐立表示，重組已經完成。", "Xu Li said the reorganisation was complete."]


def test_the_output_suffix_names_the_format_when_format_is_not_given(
    pair: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # A translator's `-o memory.tmx` wrote TSV under a TMX name.
    assert main(["align", str(pair[0]), str(pair[1]), "-o", str(tmp_path / "memory.tmx")]) == 0
    assert "<tmx" in (tmp_path / "memory.tmx").read_text(encoding="utf-8")
    assert main(["align", str(pair[0]), str(pair[1]), "-o", str(tmp_path / "beads.jsonl")]) == 0
    first = (tmp_path / "beads.jsonl").read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith("{")
    assert main(["entities", str(pair[0]), str(pair[1]), "-o", str(tmp_path / "names.jsonl")]) == 0
    assert (tmp_path / "names.jsonl").read_text(encoding="utf-8").startswith("{")
    # An unknown suffix keeps the default; an explicit --format wins over the suffix, with a warning.
    assert main(["align", str(pair[0]), str(pair[1]), "-o", str(tmp_path / "out.txt")]) == 0
    assert (tmp_path / "out.txt").read_text(encoding="utf-8").startswith("zh\ten\t")
    capsys.readouterr()
    assert main(["align", str(pair[0]), str(pair[1]), "--format", "tsv", "-o", str(tmp_path / "x.tmx")]) == 0
    assert (tmp_path / "x.tmx").read_text(encoding="utf-8").startswith("zh\ten\t")
    assert "suffix names tmx" in capsys.readouterr().err


def test_align_format_align(pair: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["align", str(pair[0]), str(pair[1]), "--format", "align"]) == 0
    assert capsys.readouterr().out.splitlines() == ["[0]:[0]", "[1]:[1]", "[2]:[2]"]


def test_user_error_is_one_line_exit_2(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = subprocess.run(
        [sys.executable, "-m", "bitext", "align", str(empty), str(empty)], capture_output=True, text=True
    )
    assert result.returncode == 2
    assert result.stderr.strip().count("\n") == 0
    assert "empty" in result.stderr and "Traceback" not in result.stderr


def test_eval_prints_strict_and_lax(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    gold = tmp_path / "g.align"
    pred = tmp_path / "p.align"
    gold.write_text("[0]:[0]\n[1]:[1,2]\n")
    pred.write_text("[0]:[0]\n[1]:[1]\n[]:[2]\n")
    assert main(["eval", "--gold", str(gold), "--pred", str(pred)]) == 0
    out = capsys.readouterr().out
    assert "strict" in out and "lax" in out


def test_segment_jsonl_offsets(pair: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    import json

    assert main(["segment", str(pair[0]), "--lang", "zh", "--format", "jsonl"]) == 0
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [ZH[r["start"] : r["end"]] for r in records] == [r["text"] for r in records]
    assert [r["paragraph"] for r in records] == [0, 0, 1]


def test_segment_with_named_splitter(pair: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["segment", str(pair[0]), "--lang", "zh", "--splitter", "rules"]) == 0
    expected = ["商湯集團宣布完成重組。", "公司將專注生成式人工智能。", "徐立表示，重組已經完成。"]
    assert capsys.readouterr().out.splitlines() == expected


def test_segment_with_unknown_splitter_is_a_user_error(pair: tuple[Path, Path]) -> None:
    assert main(["segment", str(pair[0]), "--lang", "zh", "--splitter", "nope"]) == 2


@pytest.mark.parametrize(
    "argv",
    [
        ["align"],
        ["align", "a.txt", "b.txt", "--format", "nope"],
        ["segment", "x.txt"],
        ["no-such-command"],
        ["align", "a.txt", "b.txt", "--min-score", "2"],
    ],
)
def test_usage_mistakes_are_one_line_exit_2(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(argv)
    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "error:" in err and "usage:" not in err


EN_QUOTED = EN.replace("Xu Li said", "“Done,” Xu Li said:")


@pytest.fixture
def big5_source_utf8_translation(tmp_path: Path) -> tuple[Path, Path]:
    zh, en = tmp_path / "zh-big5.txt", tmp_path / "en-utf8.txt"
    zh.write_bytes(ZH.encode("big5"))
    en.write_text(EN_QUOTED, encoding="utf-8")
    return zh, en


@pytest.mark.parametrize("command", ["align", "entities", "check"])
def test_each_side_can_have_its_own_encoding(
    command: str, big5_source_utf8_translation: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    zh, en = big5_source_utf8_translation
    extra = ["--fail-on", "never"] if command == "check" else []
    assert main([command, str(zh), str(en), "--source-encoding", "big5", *extra]) == 0
    capsys.readouterr()
    # One --encoding for both cannot read this pair: the curly quotes are not Big5.
    assert main([command, str(zh), str(en), "--encoding", "big5", *extra]) == 2
    assert "en-utf8.txt" in capsys.readouterr().err


def test_per_side_encodings_reach_the_output(big5_source_utf8_translation: tuple[Path, Path], tmp_path: Path) -> None:
    zh, en = big5_source_utf8_translation
    out = tmp_path / "out.tsv"
    argv = ["align", str(zh), str(en), "--encoding", "utf-8", "--source-encoding", "big5", "-o", str(out)]
    assert main(argv) == 0
    rows = [row.split("\t")[:2] for row in out.read_text(encoding="utf-8").splitlines()[1:]]
    assert rows[-1] == ["徐立表示，重組已經完成。", "“Done,” Xu Li said: the reorganisation was complete."]


def test_only_one_side_can_be_standard_input(pair: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["align", "-", "-"]) == 2
    assert "standard input" in capsys.readouterr().err


def test_align_freezes_the_heap_after_its_export_and_the_next_command_thaws_it(
    pair: tuple[Path, Path], tmp_path: Path
) -> None:
    # the export freezes what the command made (its last collections cost 0.65 s after a long document's
    # names, and 0.9 s at exit); the next command of the process lets it be collected again; the exit
    # freeze is registered once however often main runs; the file written is whole
    out, lines = tmp_path / "out.tsv", tmp_path / "zh.lines"
    script = (
        "import atexit, gc, weakref\n"
        "from bitext.cli.main import main\n"
        "class Node: pass\n"
        "node = Node(); node.me = node; ref = weakref.ref(node)\n"
        f"assert main(['align', {str(pair[0])!r}, {str(pair[1])!r}, '-q', '-o', {str(out)!r}]) == 0\n"
        "assert gc.get_freeze_count() > 0\n"
        "del node; gc.collect(); assert ref() is not None\n"
        "registered = atexit._ncallbacks()\n"
        f"assert main(['segment', {str(pair[0])!r}, '--lang', 'zh', '-q', '-o', {str(lines)!r}]) == 0\n"
        "gc.collect(); assert ref() is None\n"
        "assert gc.get_freeze_count() == 0 and atexit._ncallbacks() == registered\n"
        f"main(['check', {str(pair[0])!r}, {str(pair[1])!r}, '-q', '--fail-on', 'never'])\n"
        "assert gc.get_freeze_count() > 0\n"
        "atexit._run_exitfuncs()\n"
        "print(gc.get_freeze_count() > 0)\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert result.stdout.splitlines()[-1] == "True"  # (check's report comes before)
    reference = tmp_path / "reference.tsv"
    assert main(["align", str(pair[0]), str(pair[1]), "-q", "-o", str(reference)]) == 0
    assert out.read_bytes() == reference.read_bytes()


def test_convert_reads_a_docx_and_detects_an_html_pages_text(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # A user trial: `bitext convert --detect statute.docx` said "not plain text" while `bitext align` reads DOCX.
    docx = pytest.importorskip("docx")
    document = docx.Document()
    for paragraph in ("個人資料保護法", "第 1 條", "為規範個人資料之蒐集、處理及利用，特制定本法。"):
        document.add_paragraph(paragraph)
    document.save(tmp_path / "law.docx")
    assert main(["convert", str(tmp_path / "law.docx"), "--detect"]) == 0
    assert capsys.readouterr().out.startswith("traditional\t")
    assert main(["convert", str(tmp_path / "law.docx"), "--config", "t2s"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "个人资料保护法",
        "第 1 条",
        "为规范个人资料之搜集、处理及利用，特制定本法。",
    ]
    page = "<html><head><title>Law</title></head><body><main><p>" + "個人資料保護法，為規範個人資料之蒐集。" * 3
    (tmp_path / "law.html").write_text(page + "</p></main></body></html>", encoding="utf-8")
    assert main(["convert", str(tmp_path / "law.html"), "--detect"]) == 0
    assert capsys.readouterr().out.startswith("traditional\t")
    assert main(["convert", str(tmp_path / "law.html"), "--config", "t2s"]) == 0
    assert capsys.readouterr().out.startswith("<html><head><title>Law</title>")  # the markup is kept


def test_check_names_a_partial_translation_once_in_its_summary() -> None:
    # A user trial: a statute's Chinese with the English of its first sentences only listed hundreds of
    # omissions one bead at a time and never said what they had in common.
    from bitext.align.beads import Alignment, Bead
    from bitext.cli.check_cmd import uncovered_ends
    from bitext.segment import segment

    def zh(n: int) -> Document:
        return segment("".join(f"第{k}條規定事項。" for k in range(1, n + 1)), "zh")

    def en(n: int) -> Document:
        return segment(" ".join(f"Article {k} sets out a matter." for k in range(1, n + 1)), "en")

    def one_to_one(first_zh: int, first_en: int, n: int) -> list[Bead]:
        return [Bead((first_zh + k,), (first_en + k,), 0.9) for k in range(n)]

    partial = Alignment(zh(30), en(5), tuple(one_to_one(0, 0, 5) + [Bead((k,), (), 0.9) for k in range(5, 30)]))
    assert uncovered_ends(partial) == [
        "the last 25 of 30 Chinese sentences have no English counterpart: is the translation partial?"
    ]
    # A few omissions at an end are left to the bead flags.
    few = Alignment(zh(30), en(27), tuple(one_to_one(0, 0, 27) + [Bead((k,), (), 0.9) for k in range(27, 30)]))
    assert uncovered_ends(few) == []
    start = Alignment(zh(5), en(30), tuple([Bead((), (k,), 0.9) for k in range(25)] + one_to_one(0, 25, 5)))
    assert uncovered_ends(start) == [
        "the first 25 of 30 English sentences have no Chinese counterpart: is the source partial?"
    ]
