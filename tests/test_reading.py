from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from bitext.errors import InputError
from bitext.reading import decode_bytes, read_text

SAMPLE = "商湯集團於2014年成立，總部設於香港。\n徐立表示，重組已經完成。\n"


@pytest.mark.parametrize(
    ("data", "expected_encoding"),
    [
        (SAMPLE.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + SAMPLE.encode("utf-8"), "utf-8 (BOM)"),
        (SAMPLE.encode("utf-16"), "utf-16 (BOM)"),
        (SAMPLE.encode("big5hkscs"), "big5hkscs"),
    ],
)
def test_detects_encoding(data: bytes, expected_encoding: str) -> None:
    decoded = decode_bytes(data)
    assert decoded.text == SAMPLE
    assert decoded.encoding == expected_encoding


def test_gb18030_simplified_text() -> None:
    text = "商汤集团于2014年成立，总部设于香港。徐立表示，重组已经完成，公司将专注生成式人工智能。\n"
    assert decode_bytes(text.encode("gb18030")).text == text


def test_crlf_and_cr_become_newlines() -> None:
    assert decode_bytes("甲。\r\n乙。\r丙。".encode()).text == "甲。\n乙。\n丙。"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty"),
        (b"  \n\t ", "only whitespace"),
        (b"abc\x00def\x00\x01\x02\x03\xff\xfe\x00", "NUL"),
        (bytes(range(256)) * 4, "NUL"),
    ],
)
def test_bad_input_gives_one_line_error(data: bytes, message: str) -> None:
    with pytest.raises(InputError, match=message) as caught:
        decode_bytes(data, name="x.txt")
    assert "\n" not in str(caught.value)
    assert str(caught.value).startswith("x.txt:")


def test_given_encoding_that_does_not_fit(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(SAMPLE.encode("big5"))
    with pytest.raises(InputError, match="not valid utf-8"):
        read_text(path, encoding="utf-8")


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_text(tmp_path / "nope.txt")
