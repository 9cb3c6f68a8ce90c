"""The API's text arguments: a plain TypeError for anything but str (or Document), and the CLI's own
InputError, message and all, for text the CLI refuses in a file (NUL, control characters, surrogates)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import bitext
from bitext.errors import InputError
from bitext.reading import decode_bytes

EN = "SenseTime announced it has completed its restructuring."
ZH = "商湯集團宣布完成重組。"

NOT_TEXT = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True),
    st.binary(),
    st.binary().map(bytearray),
    st.lists(st.text(max_size=5), max_size=3),
    st.tuples(st.text(max_size=5)),
    st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
    st.sets(st.integers(), max_size=2),
    st.just(object()),
    st.just(ZH.encode("utf-8")),
)


@given(value=NOT_TEXT, side=st.sampled_from(["zh", "en"]))
def test_align_refuses_anything_but_text_with_a_plain_type_error(value: object, side: str) -> None:
    arguments = {"zh": ZH, "en": EN, side: value}
    with pytest.raises(TypeError) as raised:
        bitext.align(arguments["zh"], arguments["en"])
    message = str(raised.value)
    assert message.startswith(
        f"{side} must be str or Document, got {'None' if value is None else type(value).__name__}"
    )
    if isinstance(value, bytes | bytearray):
        assert "decode it first, e.g. data.decode('utf-8')" in message


@given(value=NOT_TEXT)
def test_segment_and_convert_refuse_anything_but_text(value: object) -> None:
    with pytest.raises(TypeError, match="must be str, got"):
        bitext.segment(value, "zh")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="must be str, got"):
        bitext.convert(value)  # type: ignore[arg-type]


# Characters the CLI refuses in a file, one of each kind: NUL, C0 controls, DEL, C1 controls.
REFUSED = st.sampled_from(["\x00", "\x01", "\x08", "\x1b", "\x0e", "\x1f", "\x7f", "\x85", "\x93", "\x9f"])


@given(st.text(alphabet="商湯集團 abc\n", max_size=20), REFUSED, st.text(alphabet="。 x\n", max_size=5))
def test_text_the_cli_refuses_gets_the_clis_error_from_the_api(before: str, bad: str, after: str) -> None:
    text = before + bad + after
    with pytest.raises(InputError) as from_file:
        decode_bytes(text.encode("utf-8"), name="zh")
    with pytest.raises(InputError) as from_api:
        bitext.align(text, EN)
    if bad == "\x00":  # a file's NUL is refused among its bytes, before decoding: counted in bytes there
        assert "zh: contains NUL bytes" in str(from_file.value)
        assert str(from_api.value).startswith("zh: contains NUL characters (first at line ")
    else:
        assert str(from_api.value) == str(from_file.value)


@given(
    before=st.text(alphabet="商湯集團 abc", max_size=10),
    surrogate=st.integers(0xD800, 0xDFFF).map(chr),
    side=st.sampled_from(["zh", "en"]),
)
def test_a_lone_surrogate_is_an_input_error_before_opencc(before: str, surrogate: str, side: str) -> None:
    text = before + surrogate + "。"
    arguments = {"zh": ZH, "en": EN, side: text}
    with pytest.raises(InputError, match=f"{side}: lone surrogate U\\+{ord(surrogate):04X} at line 1, column"):
        bitext.align(arguments["zh"], arguments["en"])
    with pytest.raises(InputError, match="lone surrogate"):
        bitext.convert(text)
    with pytest.raises(InputError, match="lone surrogate"):
        bitext.segment(text, side)  # type: ignore[arg-type]


def test_a_document_is_accepted_and_text_with_whitespace_controls_too() -> None:
    zh = bitext.segment("商湯集團宣布完成重組。\t徐立表示。\f\n", "zh")
    alignment = bitext.align(zh, EN + "\vXu Li said so.", method="gale-church")
    assert {i for bead in alignment for i in bead.zh} == set(range(len(zh)))
