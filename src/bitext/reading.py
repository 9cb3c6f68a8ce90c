"""Bytes → text: encodings (UTF-8/16/32, Big5-HKSCS, GB18030), BOMs and line ends, with clear errors.

The returned text is the document's original text from then on: offsets everywhere index it, not
the bytes of the file. Reading normalises only what is an artefact of how the file was stored, never
what was written:

- line ends: CRLF and lone CR become ``\\n``, U+2028 LINE SEPARATOR becomes ``\\n`` and U+2029
  PARAGRAPH SEPARATOR a blank line (``\\n\\n``), because a sentence or paragraph boundary must not
  depend on the operating system or word processor that saved the file;
- U+FEFF anywhere is a byte-order mark (a leading one, or one left inside by concatenating files that
  each began with a BOM; its old "zero-width no-break space" use is deprecated in favour of U+2060)
  and is removed, as is a trailing Ctrl-Z (the DOS end-of-file marker).

Everything else is kept exactly as decoded, including full-width spaces (U+3000) and no-break
spaces. Text that cannot be meant as text is refused with a one-line :class:`InputError` naming the
file and the problem: empty or whitespace-only input, NUL bytes, bytes valid in no supported
encoding, C0 control characters other than tab, form feed and vertical tab, and C1 controls
(U+0080–U+009F, which in practice are Windows-1252 punctuation decoded as Latin-1 or encoded twice).
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from bitext.errors import InputError

_BOMS: tuple[tuple[bytes, str], ...] = (
    # UTF-32 first: its little-endian BOM begins with UTF-16's.
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Legacy Chinese encodings tried when the bytes are not UTF-8. The order is the tie-break: GB18030
# first, because it is the more common of the two and a superset of GBK/GB2312.
_LEGACY_CHINESE = ("gb18030", "big5hkscs")
# Codec names (as codecs.lookup spells them) of the two legacy Chinese families, for checking an
# encoding the user gave against the other family.
_GB_FAMILY = frozenset({"gb2312", "gbk", "gb18030"})
_BIG5_FAMILY = frozenset({"big5", "big5hkscs", "cp950"})
# A legacy-Chinese decoding scoring below this is taken as not Chinese at all (see chinese_plausibility).
_MIN_PLAUSIBILITY = 0.25
# Valid UTF-8 made only of characters from U+0370–U+07FF (Greek to N'Ko, all two-byte sequences) of
# several alphabets is taken as legacy Chinese instead when that reads above this: characters and
# dictionary words (see chinese_plausibility).
_TWO_BYTE_SCRIPTS_START, _TWO_BYTE_SCRIPTS_END = "\u0370", "\u07ff"
_OUTSIDE_TWO_BYTE_SCRIPTS = re.compile(f"[^\\x00-\\x7f{_TWO_BYTE_SCRIPTS_START}-{_TWO_BYTE_SCRIPTS_END}]")
_OVERRULE_UTF8_PLAUSIBILITY = 1.1
# A user-given legacy encoding is refused when the other family reads the bytes this much better and
# there is enough text to judge (short texts are ambiguous; see docs/design.md for the figures).
_WRONG_ENCODING_MARGIN = 0.5
_WRONG_ENCODING_MIN_CHARS = 16
# More than this share of control characters (and more than a handful) means the input is not text at all.
_MAX_CONTROL_SHARE = 0.01
_MIN_CONTROLS_FOR_BINARY = 4
# Control characters (Unicode category Cc: C0, DEL and C1) other than tab, line feed, vertical tab and
# form feed, which are ordinary whitespace in text files (\r is gone by the time this is checked).
_DISALLOWED_CONTROL = re.compile("[\x00-\x08\x0d-\x1f\x7f-\x9f]")
_SURROGATE = re.compile("[\ud800-\udfff]")
_HIGH_BYTE_PAIR = re.compile(rb"[\x80-\xff]{2}")
_BOM_CHAR = "\ufeff"
_DOS_EOF = "\x1a"


@dataclass(frozen=True)
class DecodedText:
    """Decoded, normalised text and the encoding it was read as (``"utf-8 (BOM)"``, ``"big5hkscs"``…)."""

    text: str
    encoding: str


def read_text(path: str | Path, encoding: str | None = None) -> DecodedText:
    """Read ``path`` and decode it, detecting the encoding unless one is given."""
    return decode_bytes(read_bytes(path), name=str(path), encoding=encoding)


def read_bytes(path: str | Path) -> bytes:
    """The bytes of ``path``; a missing, unreadable file or a directory is a one-line :class:`InputError`."""
    path = Path(path)
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory, not a file") from None
    except PermissionError:
        raise InputError(f"{path}: permission denied") from None
    except OSError as error:
        raise InputError(f"{path}: cannot be read ({error.strerror or error})") from None


def decode_bytes(data: bytes, name: str = "<input>", encoding: str | None = None) -> DecodedText:
    """Decode ``data``; raise :class:`InputError` naming ``name`` and the problem on failure."""
    if encoding is not None:
        _check_encoding_exists(encoding, name)
    if not data:
        raise InputError(f"{name}: the file is empty")
    _reject_documents(data, name)
    if encoding is not None:
        text, used = _decode_as(data, name, encoding), encoding
        _check_given_legacy_encoding(text, data, name, encoding)
    else:
        text, used = _detect_and_decode(data, name)
    text = normalise_text(text)
    reject_non_text(text, name)
    if not text.strip():
        raise InputError(f"{name}: the file holds only whitespace")
    return DecodedText(text, used)


# Files that are documents, not text: named as such rather than refused for their NUL bytes (which would
# suggest UTF-16). bitext.inputs reads the first two; plain-text readers (read_text) cannot.
_DOCUMENT_SIGNATURES = ((b"%PDF-", "a PDF"), (b"PK\x03\x04", "a DOCX or other ZIP"))


def _reject_documents(data: bytes, name: str) -> None:
    for signature, kind in _DOCUMENT_SIGNATURES:
        if data.startswith(signature):
            raise InputError(
                f"{name}: {kind} file, not plain text; read it with bitext.inputs.read_document "
                "(bitext align and check read PDF and DOCX by their suffix)"
            )


def normalise_text(text: str) -> str:
    """Undo storage artefacts: line ends (see :func:`normalise_line_ends`), BOMs, a final Ctrl-Z."""
    text = normalise_line_ends(text).replace(_BOM_CHAR, "")
    return text[:-1] if text.endswith(_DOS_EOF) else text


def normalise_line_ends(text: str) -> str:
    """CRLF, CR and U+2028 become ``\\n``; U+2029 (a paragraph break) becomes a blank line."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text.replace("\u2028", "\n").replace("\u2029", "\n\n")


def _check_encoding_exists(encoding: str, name: str) -> None:
    try:
        codecs.lookup(encoding)
    except LookupError:
        raise InputError(f"{name}: unknown encoding {encoding!r}") from None


def _decode_as(data: bytes, name: str, encoding: str) -> str:
    _check_encoding_exists(encoding, name)
    if encoding.replace("_", "-").lower() in {"utf-8", "utf8"}:
        encoding = "utf-8-sig"  # a BOM is never text
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        raise InputError(
            f"{name}: not valid {encoding} (byte {error.start}: {data[error.start : error.start + 4]!r})"
        ) from None


_LINE_BREAK_IN_A_CHARACTER = re.compile(rb"[\xc2-\xf4][\x80-\xbf]{0,2}(?:\r?\n)+[\x80-\xbf]{1,3}")


def _utf8_cut_at_line_ends(data: bytes) -> tuple[int, int] | None:
    """(how many, first line) of the UTF-8 characters a line break cuts in two, when removing those breaks leaves
    valid UTF-8 (``fold -w`` counts bytes: a Chinese statute wrapped at 70 could not be read); else None."""
    cuts = list(_LINE_BREAK_IN_A_CHARACTER.finditer(data))
    if not cuts:
        return None
    repaired = _LINE_BREAK_IN_A_CHARACTER.sub(lambda m: m.group().replace(b"\r", b"").replace(b"\n", b""), data)
    try:
        repaired.decode("utf-8")
    except UnicodeDecodeError:
        return None
    return len(cuts), data.count(b"\n", 0, cuts[0].start()) + 1


def _detect_and_decode(data: bytes, name: str) -> tuple[str, str]:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return _decode_as(data, name, codec), codec.replace("-sig", "") + " (BOM)"
    if b"\x00" in data:
        return _decode_bomless_utf16(data, name)
    try:
        return _utf8_unless_misread_chinese(data)
    except UnicodeDecodeError:
        pass
    chinese_utf16 = _bomless_chinese_utf16(data)
    if chinese_utf16 is not None:
        return chinese_utf16
    best = _best_legacy_chinese(data, _MIN_PLAUSIBILITY)
    if best is not None:
        return best
    if _looks_like_windows_1252(data):
        return data.decode("cp1252"), "cp1252"
    cut = _utf8_cut_at_line_ends(data)
    if cut is not None:
        count, line = cut
        raise InputError(
            f"{name}: UTF-8 with {count} character{'s' if count != 1 else ''} cut in two by a line break (the first "
            f"on line {line}), as a tool that wraps by bytes (fold) leaves Chinese; wrap it again by characters"
        )
    raise InputError(
        f"{name}: not UTF-8, UTF-16, Big5-HKSCS, GB18030 or Windows-1252 text; give the encoding with --encoding"
    )


def _decode_bomless_utf16(data: bytes, name: str) -> tuple[str, str]:
    utf16 = _guess_bomless_utf16(data)
    if utf16 is None or not _looks_like_text(data.decode(utf16, errors="replace")):
        chinese = _bomless_chinese_utf16(data)
        if chinese is not None:
            return chinese
        position = data.index(b"\x00")
        raise InputError(
            f"{name}: contains NUL bytes (first at byte {position}); is it a binary file? "
            "If it is UTF-16 text without a byte-order mark, give --encoding utf-16-le (or utf-16-be)"
        )
    return _decode_as(data, name, utf16), utf16


def _bomless_chinese_utf16(data: bytes) -> tuple[str, str] | None:
    """Chinese UTF-16 without a BOM, when it reads as Chinese."""
    utf16 = _guess_bomless_chinese_utf16(data)
    if utf16 is None:
        return None
    try:
        text = data.decode(utf16)
    except UnicodeDecodeError:
        return None
    if not _looks_like_text(text) or chinese_plausibility(text) < _MIN_PLAUSIBILITY:
        return None
    return text, utf16


def _utf8_unless_misread_chinese(data: bytes) -> tuple[str, str]:
    """UTF-8, unless the bytes are a short legacy Chinese text that happens to be valid UTF-8.

    Two GB18030 or Big5 characters are four bytes that often form two valid two-byte UTF-8 letters
    from different alphabets (医院 → Cyrillic ҽ + Armenian Ժ). A decoding made only of such letters,
    mixing two or more alphabets, is overruled when the same bytes read as Chinese made of dictionary
    words. Text in one alphabet (Москва, Αθήνα) and accented Latin (café) are never overruled.
    """
    text = data.decode("utf-8")
    # One character outside ASCII and the two-byte alphabets settles it; the character loop is for the rest.
    non_ascii = [] if _OUTSIDE_TWO_BYTE_SCRIPTS.search(text) else [ch for ch in text if not ch.isascii()]
    if (
        non_ascii
        and all(_TWO_BYTE_SCRIPTS_START <= ch <= _TWO_BYTE_SCRIPTS_END for ch in non_ascii)
        and len({unicodedata.name(ch, "?").split()[0] for ch in non_ascii}) > 1
    ):
        chinese = _best_legacy_chinese(data, _OVERRULE_UTF8_PLAUSIBILITY)
        if chinese is not None:
            return chinese
    return text, "utf-8"


def _best_legacy_chinese(data: bytes, minimum: float) -> tuple[str, str] | None:
    """The legacy Chinese decoding that reads most like Chinese, if it scores at least ``minimum``."""
    candidates = []
    for codec in _LEGACY_CHINESE:
        try:
            candidates.append((codec, data.decode(codec)))
        except UnicodeDecodeError:
            continue
    scored = [(chinese_plausibility(text), -rank, codec, text) for rank, (codec, text) in enumerate(candidates)]
    if not scored:
        return None
    score, _rank, codec, text = max(scored)
    if score < minimum:
        return None
    return text, codec


def _looks_like_windows_1252(data: bytes) -> bool:
    """Western European text: every byte defined in Windows-1252 and no two high bytes in a row.

    Chinese in any legacy encoding is made of byte pairs with a high first byte, so runs of high bytes
    mark it; accented letters and curly quotes in an English file stand alone between ASCII bytes.
    """
    try:
        data.decode("cp1252")
    except UnicodeDecodeError:
        return False
    return _HIGH_BYTE_PAIR.search(data) is None


def _check_given_legacy_encoding(text: str, data: bytes, name: str, encoding: str) -> None:
    """Refuse a Big5 file read as GB18030 (or the reverse): both decode, but one gives mojibake."""
    family = codecs.lookup(encoding).name
    if family in _GB_FAMILY:
        other = "big5hkscs"
    elif family in _BIG5_FAMILY:
        other = "gb18030"
    else:
        return
    if sum(1 for ch in text if not ch.isascii()) < _WRONG_ENCODING_MIN_CHARS:
        return
    try:
        alternative = data.decode(other)
    except UnicodeDecodeError:
        return
    given_score, other_score = chinese_plausibility(text), chinese_plausibility(alternative)
    if other_score - given_score > _WRONG_ENCODING_MARGIN:
        raise InputError(
            f"{name}: read as {encoding} the text looks garbled (plausibility {given_score:.2f}), "
            f"but reads as {other} ({other_score:.2f}); check --encoding"
        )


# High bytes of the UTF-16 code units ordinary Chinese and English text is made of: ASCII and Latin-1
# (0x00), punctuation “”—…, symbols, ①, box drawing ── and shapes ● (0x20–0x27), CJK punctuation 「」。
# (0x30), CJK ideographs with extension A (0x34–0x9F), small and full-width forms ，？ (0xFE, 0xFF).
_UTF16_TEXT_HIGH_BYTES = bytes([0x00, *range(0x20, 0x28), 0x30, *range(0x34, 0xA0), 0xFE, 0xFF])
_UTF16_MIN_TEXT_SHARE = 0.85
# Low bytes are spread over all values (about 0.45 of them fall in the set above by chance; ASCII
# letters mixed in raise that), so a parity this full of them is no high-byte parity.
_UTF16_MAX_LOW_SHARE = 0.8
_UTF16_SAMPLE = 32_768  # code units judged: the pattern shows long before
_UTF16_MIN_UNITS = 16  # fewer characters are no evidence


def _guess_bomless_utf16(data: bytes) -> str | None:
    """``utf-16-le`` or ``utf-16-be`` when the bytes have the pattern of UTF-16 text without a BOM.

    Mostly ASCII text has it as NULs at every other byte (here); Chinese text as the CJK high bytes
    at every other byte (:func:`_guess_bomless_chinese_utf16`).

    Every code unit of such text has a high byte from a few values (0x00 for ASCII, 0x4E–0x9F for
    CJK ideographs, 0x30 and 0xFF for Chinese punctuation) while the low bytes are spread over all
    256, so one parity of positions (odd for little-endian, even for big-endian) holds those values
    and the other does not. Legacy Chinese codecs and UTF-8 spread their bytes over both parities.
    Callers still check that the decoding reads as text.
    """
    if len(data) < 4 or len(data) % 2:
        return None
    even, odd = data[0::2], data[1::2]
    half = len(data) // 2
    if odd.count(0) > 0.7 * half and even.count(0) < 0.05 * half:
        return "utf-16-le"
    if even.count(0) > 0.7 * half and odd.count(0) < 0.05 * half:
        return "utf-16-be"
    return None


def _guess_bomless_chinese_utf16(data: bytes) -> str | None:
    """The same for Chinese, whose high bytes are 0x4E–0x9F more than 0x00; long enough to judge."""
    if len(data) < 2 * _UTF16_MIN_UNITS or len(data) % 2:
        return None
    even, odd = data[0::2][:_UTF16_SAMPLE], data[1::2][:_UTF16_SAMPLE]
    candidates = [
        codec
        for codec, high, low in (("utf-16-le", odd, even), ("utf-16-be", even, odd))
        if _share_in(high, _UTF16_TEXT_HIGH_BYTES) >= _UTF16_MIN_TEXT_SHARE
        and _share_in(_low_bytes_of_non_ascii(high, low), _UTF16_TEXT_HIGH_BYTES) <= _UTF16_MAX_LOW_SHARE
    ]
    return candidates[0] if len(candidates) == 1 else None


def _low_bytes_of_non_ascii(high: bytes, low: bytes) -> bytes:
    """Low bytes of the code units whose high byte is not 0 (ASCII letters would look like high bytes)."""
    return bytes(lo for hi, lo in zip(high, low, strict=True) if hi)


def _share_in(data: bytes, allowed: bytes) -> float:
    if not data:
        return 0.0
    return (len(data) - len(data.translate(None, allowed))) / len(data)


def _looks_like_text(text: str) -> bool:
    return "\ufffd" not in text and not any(unicodedata.category(ch) == "Cc" and ch not in "\n\r\t" for ch in text)


# --- How Chinese a decoding looks -------------------------------------------------------------------

# Punctuation and spaces of ordinary Chinese text; any other non-ASCII symbol counts against a decoding.
_CHINESE_PUNCTUATION = frozenset("，。、；：？！「」『』（）《》〈〉【】…—·．“”‘’　％～")
_PLAUSIBILITY_SAMPLE = 20_000
_WORDS_WEIGHT = 0.5


def chinese_plausibility(text: str) -> float:
    """How much ``text`` reads like real Chinese rather than bytes decoded with the wrong codec.

    Two signals, both computed on the simplified copy so traditional and simplified text are judged
    alike:

    - characters: the mean over non-ASCII characters of +1 for a character among the 3,755 most
      used (GB2312 level 1, the standard's own frequency tier) or ordinary Chinese punctuation,
      0 for a rarer Han character (GB2312 level 2), -0.5 for a Han character outside GB2312, and
      -1 for anything else (private-use, kana, bopomofo, box drawing, symbols, accented Latin);
    - words: the share of Han characters inside multi-character jieba dictionary words (without
      jieba's HMM, which would invent "words" from random characters), weighted by 0.5.

    Bytes read with the wrong legacy codec give valid but rare, unrelated characters, so the right
    decoding scores higher; measured in docs/design.md ("Reading input"). Range about -1 to 1.5.
    """
    sample = text[:_PLAUSIBILITY_SAMPLE]
    scores = [_character_score(ch) for ch in sample if not ch.isascii()]
    if not scores:
        return 0.0
    return sum(scores) / len(scores) + _WORDS_WEIGHT * _share_in_words(sample)


@lru_cache(maxsize=65536)
def _character_score(ch: str) -> float:
    if ch in _CHINESE_PUNCTUATION or "\uff10" <= ch <= "\uff5a":  # full-width digits and letters
        return 1.0
    if not _is_basic_han(ch):
        return -1.0
    from bitext.script import simplify_char

    level = _gb2312_level(simplify_char(ch))
    return 1.0 if level == 1 else 0.0 if level == 2 else -0.5


def _gb2312_level(ch: str) -> int | None:
    """1 for GB2312's level-1 (frequent) Han characters, 2 for level 2, None outside its Han rows."""
    try:
        encoded = ch.encode("gb2312")
    except UnicodeEncodeError:
        return None
    if len(encoded) != 2 or encoded[0] < 0xB0:
        return None  # rows below 0xB0 hold symbols, kana and Cyrillic, not Han
    return 1 if encoded[0] <= 0xD7 else 2


def _share_in_words(text: str) -> float:
    import rjieba

    from bitext.script import to_simplified

    han_total = 0
    han_in_words = 0
    for word in rjieba.cut(to_simplified(text), hmm=False):
        han = sum(1 for ch in word if _is_basic_han(ch))
        han_total += han
        if len(word) >= 2 and han == len(word):
            han_in_words += han
    return han_in_words / han_total if han_total else 0.0


def _is_basic_han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


# --- Refusing what is not text ----------------------------------------------------------------------


def reject_non_text(text: str, name: str) -> None:
    """:class:`InputError` naming ``name`` when ``text`` holds what no text file should: NUL, control
    characters other than whitespace (C0 like ESC, DEL, C1), or lone surrogates (see
    :func:`reject_surrogates`)."""
    if "\x00" in text:
        raise InputError(f"{name}: contains NUL characters (first at {_where(text, text.index(chr(0)))})")
    reject_surrogates(text, name)
    controls = [match.start() for match in _DISALLOWED_CONTROL.finditer(text)]
    if not controls:
        return
    if len(controls) > max(_MIN_CONTROLS_FOR_BINARY, _MAX_CONTROL_SHARE * len(text)):
        raise InputError(
            f"{name}: looks binary ({len(controls)} control characters in {len(text)}); is it a text file?"
        )
    first = controls[0]
    code = f"U+{ord(text[first]):04X}"
    if "\x80" <= text[first] <= "\x9f":
        raise InputError(
            f"{name}: C1 control character {code} at {_where(text, first)}; usually Windows-1252 "
            "punctuation decoded as Latin-1 or encoded twice: re-save the file as UTF-8 or give --encoding"
        )
    raise InputError(f"{name}: control character {code} at {_where(text, first)}; remove it or check the file")


def reject_surrogates(text: str, name: str) -> None:
    """:class:`InputError` for a lone surrogate: only a ``str`` built in Python can hold one (decoded with
    ``surrogateescape``, or from UTF-16 halves); no file decodes to it and no encoder (OpenCC's) takes it."""
    surrogate = _SURROGATE.search(text)
    if surrogate is not None:
        raise InputError(
            f"{name}: lone surrogate U+{ord(surrogate.group()):04X} at {_where(text, surrogate.start())}; "
            "the text was not decoded strictly (errors='surrogateescape'?): decode it as its real encoding"
        )


def _where(text: str, index: int) -> str:
    line = text.count("\n", 0, index) + 1
    column = index - (text.rfind("\n", 0, index) + 1) + 1
    return f"line {line}, column {column}"
