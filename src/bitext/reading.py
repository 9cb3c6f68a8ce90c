"""Bytes → text: encodings (UTF-8/16/32, Big5-HKSCS, GB18030), BOMs and line ends, with clear errors.

The returned text is the document's original text from then on: offsets everywhere index it. Line
ends are normalised to ``\\n`` (CRLF and lone CR alike) because a sentence or paragraph boundary must
not depend on which operating system saved the file; every other character is kept as decoded.
"""

from __future__ import annotations

import codecs
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from bitext.errors import InputError

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Legacy Chinese encodings tried, in this order, when the bytes are not UTF-8.
_LEGACY_CHINESE = ("big5hkscs", "gb18030")
# More than this share of control characters means the input is not text.
_MAX_CONTROL_SHARE = 0.01


@dataclass(frozen=True)
class DecodedText:
    text: str
    encoding: str


def read_text(path: str | Path, encoding: str | None = None) -> DecodedText:
    """Read ``path`` and decode it, detecting the encoding unless one is given."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory, not a file") from None
    except OSError as error:
        raise InputError(f"{path}: cannot be read ({error.strerror or error})") from None
    return decode_bytes(data, name=str(path), encoding=encoding)


def decode_bytes(data: bytes, name: str = "<input>", encoding: str | None = None) -> DecodedText:
    """Decode ``data``; raise :class:`InputError` naming ``name`` and the problem on failure."""
    if not data:
        raise InputError(f"{name}: the file is empty")
    if encoding is not None:
        text, used = _decode_as(data, name, encoding), encoding
    else:
        text, used = _detect_and_decode(data, name)
    text = normalise_line_ends(text)
    _reject_non_text(text, name)
    if not text.strip():
        raise InputError(f"{name}: the file holds only whitespace")
    return DecodedText(text, used)


def normalise_line_ends(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _decode_as(data: bytes, name: str, encoding: str) -> str:
    try:
        codecs.lookup(encoding)
    except LookupError:
        raise InputError(f"{name}: unknown encoding {encoding!r}") from None
    if encoding.replace("_", "-").lower() in {"utf-8", "utf8"}:
        encoding = "utf-8-sig"  # a BOM is never text
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        raise InputError(
            f"{name}: not valid {encoding} (byte {error.start}: {data[error.start:error.start + 4]!r})"
        ) from None


def _detect_and_decode(data: bytes, name: str) -> tuple[str, str]:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return _decode_as(data, name, codec), codec.replace("-sig", "") + " (BOM)"
    if b"\x00" in data:
        utf16 = _guess_bomless_utf16(data)
        if utf16 is None or not _looks_like_text(data.decode(utf16, errors="replace")):
            position = data.index(b"\x00")
            raise InputError(f"{name}: contains NUL bytes (first at byte {position}); is it a binary file?")
        return _decode_as(data, name, utf16), utf16
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    candidates = []
    for codec in _LEGACY_CHINESE:
        try:
            candidates.append((codec, data.decode(codec)))
        except UnicodeDecodeError:
            continue
    if not candidates:
        raise InputError(
            f"{name}: not UTF-8, UTF-16, Big5-HKSCS or GB18030 text; give the encoding with --encoding"
        )
    codec, text = max(candidates, key=lambda candidate: chinese_plausibility(candidate[1]))
    return text, codec


def _guess_bomless_utf16(data: bytes) -> str | None:
    """UTF-16 without BOM shows NULs at most odd (LE) or even (BE) bytes when the text is mostly ASCII;
    CJK-heavy UTF-16 without a BOM cannot be told from binary by its bytes and needs --encoding."""
    if len(data) < 4 or len(data) % 2:
        return None
    even_nuls = data[0::2].count(0)
    odd_nuls = data[1::2].count(0)
    half = len(data) // 2
    if odd_nuls > 0.7 * half and even_nuls < 0.05 * half:
        return "utf-16-le"
    if even_nuls > 0.7 * half and odd_nuls < 0.05 * half:
        return "utf-16-be"
    return None


def _looks_like_text(text: str) -> bool:
    return "\ufffd" not in text and not any(
        unicodedata.category(ch) == "Cc" and ch not in "\n\r\t" for ch in text
    )


def chinese_plausibility(text: str) -> float:
    """Share of Han characters that fall inside multi-character dictionary words.

    Real Chinese text is mostly made of dictionary words; bytes decoded with the wrong legacy
    codec (Big5 read as GB18030 or the reverse) give valid but random characters that rarely form
    words. Segmenting a simplified copy with jieba's dictionary separates the two cleanly.
    """
    from bitext.script import to_simplified
    from bitext.segment.words import cut_words

    sample = to_simplified(text[:4000])
    han_total = 0
    han_in_words = 0
    for word in cut_words(sample):
        han = sum(1 for ch in word if "\u4e00" <= ch <= "\u9fff")
        han_total += han
        if len(word) >= 2 and han == len(word):
            han_in_words += han
    return han_in_words / han_total if han_total else 0.0


def _reject_non_text(text: str, name: str) -> None:
    controls = [
        (index, ch)
        for index, ch in enumerate(text)
        if unicodedata.category(ch) == "Cc" and ch not in "\n\t\f\v"
    ]
    if "\x00" in text:
        raise InputError(f"{name}: contains NUL characters (first at character {text.index(chr(0))})")
    if controls and len(controls) > _MAX_CONTROL_SHARE * len(text):
        raise InputError(
            f"{name}: looks binary ({len(controls)} control characters in {len(text)}); is it a text file?"
        )
