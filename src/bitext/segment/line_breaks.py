"""Line breaks inside an exported segment: joined by default, kept on request.

A hard-wrapped paragraph (PDF text, e-mail, a fixed-width dump) puts line breaks inside sentences, and a bead of
sentences from two paragraphs holds the paragraph break between them. The spans always index the original text
with its breaks; what a data team loads into a training set, and what a CAT tool shows as one segment, is the
segment on one line. :func:`join_line_breaks` gives that: every run of white space that holds a line break
becomes nothing between two East Asian wide characters (Chinese script and full-width punctuation, which take no
space between them: 生成式\\n人工智能 → 生成式人工智能) and one space elsewhere; an English word hyphenated at a
line end is read whole where the joined word is known (:func:`bitext.segment.hyphens.dehyphenate`:
``inter-\\nnational`` → ``international``, ``well-\\nknown`` → ``well-known``). Nothing else changes: every other
character is kept, in order.
"""

from __future__ import annotations

import re
import unicodedata

from bitext.segment.hyphens import dehyphenate

# White space holding at least one line break (any of the separators Python's str.splitlines knows).
_BREAK = re.compile(r"[\r\n\v\f\x1c-\x1e\x85\u2028\u2029]")
_BREAK_RUN = re.compile(r"[^\S\r\n\v\f\x1c-\x1e\x85\u2028\u2029]*[\r\n\v\f\x1c-\x1e\x85\u2028\u2029]\s*")


def join_line_breaks(text: str, lang: str) -> str:
    """``text`` on one line (see the module); text without a line break is returned as it is."""
    if not _BREAK.search(text):
        return text
    if lang == "en":
        text = dehyphenate(text)

    def joined(match: re.Match[str]) -> str:
        start, end = match.span()
        if start == 0 or end == len(text):
            return ""
        return "" if _wide(text[start - 1]) and _wide(text[end]) else " "

    return _BREAK_RUN.sub(joined, text)


def _wide(char: str) -> bool:
    return unicodedata.east_asian_width(char) in ("W", "F")
