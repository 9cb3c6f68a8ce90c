"""Chinese words with part-of-speech tags: jieba's dictionary via rjieba, on a simplified copy.

rjieba implements jieba's algorithm with jieba's dictionary (tests check the tokens are equal to
jieba's); the dictionary is simplified Chinese, so words are cut on the length-preserving
simplified copy and their offsets map straight back to the original traditional text.
"""

from __future__ import annotations

from dataclasses import dataclass

from bitext.script import to_simplified


@dataclass(frozen=True, slots=True)
class Token:
    """A word: offsets into the original text, its simplified form and jieba's POS tag."""

    start: int
    end: int
    simplified: str
    tag: str


def cut_words(simplified_text: str) -> list[str]:
    """jieba's words of an already simplified text (concatenating them gives the text back)."""
    import rjieba  # on first use (here and below): its dictionary costs about 0.1 s to load

    return rjieba.cut(simplified_text)


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """POS-tagged words of ``text[start:end]`` with offsets into ``text``; whitespace is skipped."""
    import rjieba

    end = len(text) if end is None else end
    simplified = to_simplified(text[start:end])
    tokens: list[Token] = []
    offset = start
    for word, tag in rjieba.tag(simplified):
        if not word.isspace():
            tokens.append(Token(offset, offset + len(word), word, tag))
        offset += len(word)
    return tokens
