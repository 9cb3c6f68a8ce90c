"""Every subcommand that reads files: bad input gives one line on stderr naming the file and the problem,
exit status 2 and no traceback; every supported encoding and line end reads.

End to end through ``python -m bitext`` subprocesses: every bad input and every encoding with ``convert``,
and at least one bad input for every other subcommand and file role. Each subprocess costs a second of
Python and library start-up, so the full matrix (every subcommand × role × bad input) runs in-process
through the same ``main()``; the subprocesses run four at a time, once per module."""

from __future__ import annotations

import argparse
import codecs
import json
import os
import random
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest

from bitext.cli.main import build_parser, main
from bitext.script import convert

ZH = "商湯集團宣布完成重組。公司將專注生成式人工智能。\n\n徐立表示，重組已經完成。\n"
EN = (
    "SenseTime announced it has completed its restructuring. The company will focus on generative AI.\n\n"
    "Xu Li said the reorganisation was complete.\n"
)
PNG_JUNK = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + random.Random(3).randbytes(4000)

# Bad inputs: file name → (bytes, or None for "do not create", or "dir"), what the message must say.
BAD_FILES: dict[str, tuple[bytes | str | None, str]] = {
    "empty.txt": (b"", "the file is empty"),
    "blank.txt": (" \n\t\u3000\r\n".encode(), "only whitespace"),
    "image.png": (PNG_JUNK, "contains NUL bytes"),
    "nul.txt": ("商湯\x00集團".encode(), "contains NUL"),
    "junk.bin": (b"\xfd\xfe\xff\x80" * 64, "not UTF-8, UTF-16, Big5-HKSCS, GB18030 or Windows-1252"),
    "c1.txt": ("He said \u0093hi\u0094.\n".encode(), "C1 control character U+0093"),
    "folder": ("dir", "is a directory"),
    "missing.txt": (None, "no such file"),
}
# Encoding mistakes: (file, bytes, --encoding given, what the message must say).
ENCODING_MISTAKES = {
    "unknown-encoding": ("zh-ok.txt", "klingon", "unknown encoding 'klingon'"),
    "wrong-encoding": ("zh-big5.txt", "utf-8", "not valid utf-8"),
    "big5-read-as-gb": ("zh-big5.txt", "gb18030", "read as gb18030 the text looks garbled"),
}
# Good inputs in every supported form; the CLI must read each back as ZH (line ends normalised).
GOOD_FILES: dict[str, bytes] = {
    "zh-ok.txt": ZH.encode("utf-8"),
    "zh-big5.txt": ZH.encode("big5hkscs"),
    "zh-gb18030.txt": ZH.encode("gb18030"),
    "zh-utf16le.txt": codecs.BOM_UTF16_LE + ZH.encode("utf-16-le"),
    "zh-utf16be.txt": codecs.BOM_UTF16_BE + ZH.encode("utf-16-be"),
    "zh-utf8bom.txt": codecs.BOM_UTF8 + ZH.encode("utf-8"),
    "zh-crlf.txt": ZH.replace("\n", "\r\n").encode("utf-8"),
    "zh-cr.txt": ZH.replace("\n", "\r").encode("big5hkscs"),
    "zh-fullwidth.txt": ("\u3000\u3000" + ZH.replace("\n\n", "\n\u3000\n\u3000\u3000")).encode("utf-8"),
    "en-ok.txt": EN.encode("utf-8"),
    "en-utf16.txt": EN.encode("utf-16"),
    "en-cp1252.txt": EN.replace("Xu Li", "Xu Li “quoted”").encode("cp1252"),
    "gold.align": b"[0]:[0]\n[1]:[1]\n[2]:[2]\n",
}

# How each known file-reading subcommand is called with FILE in each of its file roles.
INVOCATIONS: dict[str, list[str]] = {
    "align-source": ["align", "{file}", "{dir}/en-ok.txt"],
    "align-translation": ["align", "{dir}/zh-ok.txt", "{file}"],
    "segment": ["segment", "{file}", "--lang", "zh"],
    "convert": ["convert", "{file}", "--config", "t2s"],
    "convert-detect": ["convert", "{file}", "--detect"],
    "eval-gold": ["eval", "--gold", "{file}", "--pred", "{dir}/gold.align"],
    "eval-pred": ["eval", "--gold", "{dir}/gold.align", "--pred", "{file}"],
}
KNOWN_COMMANDS = {argv[0] for argv in INVOCATIONS.values()}
# Generic checks for subcommands added later (not in INVOCATIONS): missing, empty and binary files.
GENERIC_BAD_FILES = ("missing.txt", "empty.txt", "image.png")


@dataclass(frozen=True)
class Case:
    argv: tuple[str, ...]
    named: str  # the path the message must name
    says: str  # what the message must say


def _subparsers() -> dict[str, argparse.ArgumentParser]:
    return next(a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction)).choices


def _accepts_encoding(invocation: str) -> bool:
    parser = _subparsers()[INVOCATIONS[invocation][0]]
    return any("--encoding" in action.option_strings for action in parser._actions)


def _bad_input_cases() -> dict[str, Case]:
    cases = {}
    for invocation, template in INVOCATIONS.items():
        for name, (_content, says) in BAD_FILES.items():
            cases[f"{invocation}:{name}"] = Case(tuple(template), name, says)
        # align applies --encoding to both files; the source is read first, so only its role is tested.
        if _accepts_encoding(invocation) and invocation != "align-translation":
            for mistake, (name, encoding, says) in ENCODING_MISTAKES.items():
                cases[f"{invocation}:{mistake}"] = Case((*template, "--encoding", encoding), name, says)
    return cases


def _generic_cases() -> dict[str, Case]:
    """Later subcommands, called by their own argument list: FILE for every positional and required option."""
    cases = {}
    for command, parser in _subparsers().items():
        if command in KNOWN_COMMANDS:
            continue
        argv = [command]
        for action in parser._actions:
            if not action.option_strings:
                argv.append("{file}")
            elif action.required:
                value = action.choices and sorted(action.choices)[0]
                argv += [action.option_strings[0], value or ("{dir}/out" if action.dest == "output" else "{file}")]
        for name in GENERIC_BAD_FILES:
            cases[f"{command}:{name}"] = Case(tuple(argv), name, "")
    return cases


BAD_CASES = _bad_input_cases()
GENERIC_CASES = _generic_cases()
# The bad-input cases that also run as real subprocesses: all of them for convert, one per other role.
SUBPROCESS_BAD_CASES = sorted(
    [key for key in BAD_CASES if key.startswith("convert:")]
    + [
        "align-source:image.png",
        "align-translation:missing.txt",
        "segment:nul.txt",
        "eval-gold:empty.txt",
        "eval-pred:folder",
        "convert-detect:c1.txt",
        "segment:big5-read-as-gb",
    ]
    + [key for key in GENERIC_CASES if key.endswith(":missing.txt")]
)
READ_FILES = sorted(name for name in GOOD_FILES if name.startswith("zh-"))
# The ones that also run as subprocesses: each encoding and line end the issue names.
SUBPROCESS_READ_FILES = [
    "zh-big5.txt",
    "zh-crlf.txt",
    "zh-gb18030.txt",
    "zh-utf16be.txt",
    "zh-utf16le.txt",
    "zh-utf8bom.txt",
]


def _fill(argv: tuple[str, ...] | list[str], folder: Path, file: str = "") -> list[str]:
    return [part.replace("{dir}", str(folder)).replace("{file}", str(folder / file)) for part in argv]


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("cli-inputs")
    for name, (content, _says) in BAD_FILES.items():
        if content == "dir":
            (folder / name).mkdir()
        elif isinstance(content, bytes):
            (folder / name).write_bytes(content)
    for name, content in GOOD_FILES.items():
        (folder / name).write_bytes(content)
    return folder


def _run(argv: list[str]) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONIOENCODING": "ascii", "LC_ALL": "C"}  # output must be UTF-8 regardless
    return subprocess.run(
        [sys.executable, "-m", "bitext", *argv],
        capture_output=True,
        env=env,
        timeout=300,
        stdin=subprocess.DEVNULL,
        encoding="utf-8",
        errors="replace",
    )


@pytest.fixture(scope="module")
def results(folder: Path) -> dict[str, subprocess.CompletedProcess[str]]:
    """Every subprocess of this module, run four at a time."""
    cases = {**BAD_CASES, **GENERIC_CASES}
    jobs = {key: _fill(cases[key].argv, folder, cases[key].named) for key in SUBPROCESS_BAD_CASES}
    for name in SUBPROCESS_READ_FILES:
        jobs[f"read:{name}"] = ["convert", str(folder / name), "--config", "t2s"]
    jobs["align:big5+utf16"] = _fill(["align", "{dir}/zh-big5.txt", "{dir}/en-utf16.txt"], folder)
    jobs["align:big5+utf16"] += ["--format", "align", "--method", "gale-church"]
    jobs["convert:stdin-unknown-encoding"] = ["convert", "-", "--encoding", "nope"]
    jobs["convert:output-under-a-file"] = _fill(["convert", "{dir}/zh-ok.txt", "-o", "{dir}/zh-ok.txt/x"], folder)
    with ThreadPoolExecutor(max_workers=4) as pool:
        return dict(zip(jobs, pool.map(_run, jobs.values()), strict=True))


def assert_one_line_user_error(status: int, stdout: str, stderr: str, named: str, says: str) -> None:
    assert status == 2, stderr
    assert "Traceback" not in stderr
    assert stdout == ""
    lines = stderr.splitlines()
    assert len(lines) == 1, stderr
    assert lines[0].startswith("bitext: error: ")
    assert named in lines[0] and says in lines[0], lines[0]


# --- Subprocesses ------------------------------------------------------------------------------------


@pytest.mark.parametrize("key", SUBPROCESS_BAD_CASES)
def test_bad_input_is_one_line_exit_2(key: str, results: dict[str, subprocess.CompletedProcess[str]]) -> None:
    case = {**BAD_CASES, **GENERIC_CASES}[key]
    result = results[key]
    assert_one_line_user_error(result.returncode, result.stdout, result.stderr, case.named, case.says)


@pytest.mark.parametrize("name", SUBPROCESS_READ_FILES)
def test_every_encoding_and_line_end_reads(name: str, results: dict[str, subprocess.CompletedProcess[str]]) -> None:
    result = results[f"read:{name}"]
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    expected = GOOD_FILES[name].decode("utf-8") if name == "zh-fullwidth.txt" else ZH
    assert result.stdout == convert(expected, "t2s")


def test_align_reads_big5_and_utf16_inputs(results: dict[str, subprocess.CompletedProcess[str]]) -> None:
    result = results["align:big5+utf16"]
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["[0]:[0]", "[1]:[1]", "[2]:[2]"]


def test_standard_input_errors_name_it(results: dict[str, subprocess.CompletedProcess[str]]) -> None:
    result = results["convert:stdin-unknown-encoding"]
    assert_one_line_user_error(result.returncode, result.stdout, result.stderr, "<stdin>", "unknown encoding 'nope'")


def test_output_under_a_file_is_one_line(results: dict[str, subprocess.CompletedProcess[str]]) -> None:
    result = results["convert:output-under-a-file"]
    assert_one_line_user_error(result.returncode, result.stdout, result.stderr, "zh-ok.txt", "is not a directory")


# --- The full matrix in-process (same main(), no interpreter start-up) --------------------------------


@pytest.mark.parametrize("key", sorted(BAD_CASES))
def test_every_subcommand_and_role_refuses_bad_input(
    key: str, folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    case = BAD_CASES[key]
    status = main(_fill(case.argv, folder, case.named))
    captured = capsys.readouterr()
    assert_one_line_user_error(status, captured.out, captured.err, case.named, case.says)


@pytest.mark.parametrize("key", sorted(GENERIC_CASES) or ["(none)"])
def test_subcommands_added_later_refuse_bad_files_in_one_line(
    key: str, folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    if key not in GENERIC_CASES:
        pytest.skip("every subcommand is in INVOCATIONS")
    case = GENERIC_CASES[key]
    status = main(_fill(case.argv, folder, case.named))
    captured = capsys.readouterr()
    assert_one_line_user_error(status, captured.out, captured.err, case.named, "")


@pytest.mark.parametrize("name", READ_FILES)
def test_segment_reads_every_encoding_with_offsets_into_the_decoded_text(
    name: str, folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["segment", str(folder / name), "--lang", "zh", "--format", "jsonl"]) == 0
    expected = GOOD_FILES[name].decode("utf-8") if name == "zh-fullwidth.txt" else ZH
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [record["text"] for record in records] == [expected[r["start"] : r["end"]] for r in records]
    assert [record["text"] for record in records] == [
        "商湯集團宣布完成重組。",
        "公司將專注生成式人工智能。",
        "徐立表示，重組已經完成。",
    ]


@pytest.mark.parametrize(("name", "encoding"), [("zh-big5.txt", "big5"), ("zh-gb18030.txt", "gb18030")])
def test_given_legacy_encodings_are_used(
    name: str, encoding: str, folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["convert", str(folder / name), "--encoding", encoding]) == 0
    assert capsys.readouterr().out == convert(ZH, "t2s")


def test_windows_1252_english_reads(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["convert", str(folder / "en-cp1252.txt")]) == 0
    assert capsys.readouterr().out == EN.replace("Xu Li", "Xu Li “quoted”")
