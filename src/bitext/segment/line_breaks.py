"""Line breaks inside an exported segment: joined by default, kept on request.

A hard-wrapped paragraph (PDF text, e-mail, a fixed-width dump) puts line breaks inside sentences, and a bead of
sentences from two paragraphs holds the paragraph break between them. The spans always index the original text
with its breaks; what a data team loads into a training set, and what a CAT tool shows as one segment, is the
segment on one line. :func:`join_line_breaks` gives that: every run of white space that holds a line break
becomes nothing between two East Asian wide characters (Chinese script and full-width punctuation, which take no
space between them: 生成式\\n人工智能 → 生成式人工智能), nothing after a hyphen that ends a line after a letter
(``well-\\nknown`` → ``well-known``), and one space elsewhere. Only white space changes: every other character is
kept, in order, so each non-white-space character of the input is in exactly one exported bead. (A word a
typesetter broke at a line end keeps its hyphen, ``inter-national``: dropping it would lose a character where the
compound is real; the scorers read such words whole, :func:`bitext.segment.hyphens.dehyphenate`.)
"""

from __future__ import annotations

import re
import unicodedata

# White space holding at least one line break (any of the separators Python's str.splitlines knows).
_BREAK = re.compile(r"[\r\n\v\f\x1c-\x1e\x85\u2028\u2029]")
_HYPHENS = frozenset("-\u00ad\u2010")
_BREAK_RUN = re.compile(r"[^\S\r\n\v\f\x1c-\x1e\x85\u2028\u2029]*[\r\n\v\f\x1c-\x1e\x85\u2028\u2029]\s*")


def join_line_breaks(text: str) -> str:
    """``text`` on one line (see the module; one rule for both languages); text without a line break is
    returned as it is."""
    if not _BREAK.search(text):
        return text

    def joined(match: re.Match[str]) -> str:
        start, end = match.span()
        if start == 0 or end == len(text):
            return ""
        before, after = text[start - 1], text[end]
        if _wide(before) and _wide(after):
            return ""
        if before in _HYPHENS and start >= 2 and text[start - 2].isalpha() and after.isalnum():
            return ""
        return " "

    return _BREAK_RUN.sub(joined, text)


def _wide(char: str) -> bool:
    return unicodedata.east_asian_width(char) in ("W", "F")
