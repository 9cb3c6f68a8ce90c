"""A country named at the head of a body's Chinese name answers the English demonym (issue 13, fresh9).

Chinese names a body after its country (美國在臺協會, 英國文化協會, 法國國家科學研究中心) where English
writes the adjective (American Institute in Taiwan, British Council, French National Centre for
Scientific Research). CC-CEDICT glosses the country word by its name only (美國 "United States; USA"),
so the name's first word answered no English word and the glossed-span search started the name after
it (在台協會). The country word's first character is the country's one-character abbreviation, and
CC-CEDICT glosses that character with the place (美 "the Americas", 英 "England", 法 "France"), which
spells the demonym (American) or is it (英 "British", 法 "French", 德 "German"). So: a two-character
country word ending in 國 answers an English demonym its first character's glosses cover; only
demonyms (the character's other senses, 美 "beautiful", 法 "law", are no name's words).
"""

from __future__ import annotations

from collections.abc import Sequence

from bitext.entities.demonyms import is_demonym
from bitext.entities.dictionary import covers, gloss_words, stem

# How the irregular demonyms a character's gloss spells out end (British, English, French, German);
# the character's other senses (good, law, virtue) do not.
_ENDINGS = ("an", "ish", "ch", "ese", "ic")


def demonyms_answered(simplified: str, words: Sequence[str]) -> set[int]:
    """Indices of the English ``words`` (lower case) that the country word ``simplified`` (美国) names
    as demonyms (American); empty for any other word."""
    if len(simplified) != 2 or simplified[1] != "国":
        return set()
    vocabulary = gloss_words(simplified[0])
    return {
        i
        for i, word in enumerate(words)
        if (is_demonym(word) and covers(vocabulary, stem(word))) or (word in vocabulary and word.endswith(_ENDINGS))
    }
