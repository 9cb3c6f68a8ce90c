"""Segments on one line in every export (hard-wrapped input), line breaks kept on request."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import textwrap
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

import bitext
from bitext.formats import Export, get_writer, read_jsonl, read_tsv
from bitext.segment.line_breaks import join_line_breaks

CORPUS = Path(__file__).resolve().parents[1] / "corpus" / "sensetime-genai"
LINE_BREAKS = "\r\n\v\f\x1c\x1d\x1e\x85\u2028\u2029"


def test_chinese_wrap_is_joined_without_a_space() -> None:
    assert join_line_breaks("全力聚焦生成式\n人工智能。") == "全力聚焦生成式人工智能。"
    assert join_line_breaks("「商湯」\r\n集團") == "「商湯」集團"


def test_english_wrap_and_a_paragraph_break_become_one_space() -> None:
    text = "The company SenseTime once a leader\nin traditional AI.\n\n  It has reorganized."
    assert join_line_breaks(text) == "The company SenseTime once a leader in traditional AI. It has reorganized."


def test_mixed_script_break_takes_a_space() -> None:
    assert join_line_breaks("公司（0020.HK）\nSenseTime 是") == "公司（0020.HK） SenseTime 是"
    assert join_line_breaks("SenseTime\n是") == "SenseTime 是"


def test_a_line_end_hyphen_after_a_letter_joins_without_a_space_and_stays() -> None:
    assert join_line_breaks("a well-\nknown body") == "a well-known body"
    assert join_line_breaks("Austro-\r\nHungarian") == "Austro-Hungarian"
    assert join_line_breaks("an inter-\nnational body") == "an inter-national body"  # no character is dropped
    assert join_line_breaks("costs 5 -\n3 more") == "costs 5 - 3 more"  # a dash after a space is not a hyphen


def test_text_without_a_line_break_is_unchanged() -> None:
    text = "A  sentence\twith   spaces and a hyphen- at the end"
    assert join_line_breaks(text) == text


@given(st.text(st.characters(exclude_categories=("Cs",))))
def test_no_line_break_is_left_and_only_white_space_changes(text: str) -> None:
    joined = join_line_breaks(text)
    assert not set(joined) & set(LINE_BREAKS)
    assert _visible(joined) == _visible(text)  # every other character kept, in order


@given(st.lists(st.text(st.characters(exclude_categories=("Cs", "Zs", "Zl", "Zp", "Cc")), min_size=1), min_size=1))
def test_words_without_white_space_are_joined_by_at_most_one_space(words: list[str]) -> None:
    joined = join_line_breaks("\n".join(words))
    assert joined.replace(" ", "") == "".join(words).replace(" ", "")
    assert "  " not in joined


def _visible(text: str) -> str:
    return "".join(char for char in text if not char.isspace())


def _wrapped_corpus(tmp_path: Path) -> tuple[Path, Path]:
    zh_paragraphs = (CORPUS / "zh-Hant.txt").read_text(encoding="utf-8").split("\n\n")[:12]
    en_paragraphs = (CORPUS / "en.txt").read_text(encoding="utf-8").split("\n\n")[:12]
    zh = "\n\n".join("\n".join(p[i : i + 30] for i in range(0, len(p), 30)) for p in zh_paragraphs)
    en = "\n\n".join(textwrap.fill(p, 60) for p in en_paragraphs)
    (tmp_path / "zh.txt").write_text(zh + "\n", encoding="utf-8")
    (tmp_path / "en.txt").write_text(en + "\n", encoding="utf-8")
    return tmp_path / "zh.txt", tmp_path / "en.txt"


def test_exports_of_a_wrapped_document_hold_no_line_break_and_keep_every_character(tmp_path: Path) -> None:
    zh_path, en_path = _wrapped_corpus(tmp_path)
    alignment = bitext.align(zh_path.read_text(encoding="utf-8"), en_path.read_text(encoding="utf-8"))
    assert any("\n" in alignment.en_text(bead) for bead in alignment.beads)  # the input is wrapped
    for name, reader in (("tsv", read_tsv), ("jsonl", read_jsonl)):
        out = io.StringIO()
        get_writer(name).write(Export(alignment), out)
        records = reader(io.StringIO(out.getvalue())).records
        assert not any("\n" in r.zh or "\n" in r.en for r in records)
        for side in ("zh", "en"):
            written = "".join(getattr(r, side) for r in records)
            assert _visible(written) == _visible(getattr(alignment, side).text)


def test_keep_line_breaks_writes_the_original_text(tmp_path: Path) -> None:
    zh_path, en_path = _wrapped_corpus(tmp_path)
    alignment = bitext.align(zh_path.read_text(encoding="utf-8"), en_path.read_text(encoding="utf-8"))
    records = read_tsv(_tsv(Export(alignment, keep_line_breaks=True))).records
    assert [(r.zh, r.en) for r in records] == [(alignment.zh_text(b), alignment.en_text(b)) for b in alignment.beads]
    assert [(zh, en) for zh, en, _ in alignment.text_pairs()] == [
        (r.zh, r.en) for r in read_tsv(_tsv(Export(alignment))).records
    ]


def _tsv(export: Export) -> io.StringIO:
    out = io.StringIO()
    get_writer("tsv").write(export, out)
    return io.StringIO(out.getvalue())


def test_cli_joins_by_default_and_keeps_on_request(tmp_path: Path) -> None:
    zh_path, en_path = _wrapped_corpus(tmp_path)
    for extra, kept in (([], False), (["--keep-line-breaks"], True)):
        out = tmp_path / f"out{len(extra)}.tsv"
        command = [
            sys.executable,
            "-m",
            "bitext",
            "align",
            str(zh_path),
            str(en_path),
            "--scorer",
            "lexical",
            "-o",
            str(out),
            "-q",
        ]
        subprocess.run([*command, *extra], check=True, capture_output=True)
        cells = "".join(
            line.split("\t")[0] + line.split("\t")[1] for line in out.read_text(encoding="utf-8").splitlines()
        )
        assert ("\\n" in cells) is kept
        meta = json.loads(Path(str(out) + ".meta.json").read_text(encoding="utf-8"))
        assert meta["line_breaks"] == ("kept" if kept else "joined")


def test_segment_lines_join_a_chinese_wrap_without_a_space(tmp_path: Path) -> None:
    zh_path, _ = _wrapped_corpus(tmp_path)
    done = subprocess.run(
        [sys.executable, "-m", "bitext", "segment", str(zh_path), "--lang", "zh"], check=True, capture_output=True
    )
    lines = done.stdout.decode("utf-8").splitlines()
    original = zh_path.read_text(encoding="utf-8")
    assert _visible("".join(lines)) == _visible(original)
    # Sentences of Chinese script only, cut by the wrap, come out as the unwrapped article has them.
    unwrapped = (CORPUS / "zh-Hant.txt").read_text(encoding="utf-8")
    chinese_only = [line for line in lines if len(line) > 30 and not any(c.isascii() for c in line)]
    assert len(chinese_only) >= 5
    assert all(line in unwrapped for line in chinese_only)
