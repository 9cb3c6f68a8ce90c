"""Names of one English word that translate one Chinese word of the dictionary: the Senate (參議院),
the Cabinet (內閣), the Earth (地球), Japanese (日語).

The other span searches (:mod:`bitext.entities.spans`) need two English words or a Chinese word the
tagger or CC-CEDICT marks as a name; these are common words in CC-CEDICT (參議院 "senate", 地球
"the earth") that the English capitalises because they name one thing. A Chinese word is proposed
for a one-word English candidate when the word is capitalised mid-sentence somewhere in the
document (not merely at a sentence's start), one of CC-CEDICT's naming phrases for the Chinese word
is exactly that word, and the word names a legislature or cabinet (BODIES), a body of the sky, or a
language (the gloss is "<word> language"). Other capitalised single words are mostly words of a
longer title (Report, Heritage, Championships): measured on the dev gold, allowing every one of them
cost 0.06 of precision for 0.02 of recall. The pair is then scored like any
other (the whole-word gloss gives ``cedict:``).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import regex

from bitext.entities.candidates import Candidate
from bitext.entities.dictionary import gloss_heads, stem
from bitext.entities.lexicon import EN_ORG_DESIGNATORS
from bitext.entities.model import EntityType
from bitext.segment.words import Token

_HAN = regex.compile(r"^\p{Han}{2,}$")
# Capitalised for one thing, but a description the guideline does not count as a name.
GENERIC = frozenset(
    "government state states police army navy court city people republic internet web west east north south "
    "metro church bible university college school party".split()
)
# A legislature the English names before an office's title ("Senate Majority Leader …", hinted ORG by
# candidates._designated_body_before_title) needs no capital elsewhere in the document; off: the base's.
BODY_BEFORE_TITLE = True
BODIES = frozenset({"senate", "cabinet", "parliament", "congress", "legislature", "politburo", "allies"})
BODIES_OF_THE_SKY = frozenset({"earth", "moon", "sun", "mars", "venus", "mercury", "jupiter", "saturn"})


def _hint(word: str, language: bool) -> EntityType | None:
    if language:
        return "MISC"  # languages are MISC in the gold's guideline
    if word in BODIES or word in EN_ORG_DESIGNATORS:
        return "ORG"
    if word in BODIES_OF_THE_SKY:
        return "LOC"
    return None


def _is_language_name(word: str) -> bool:
    """Japanese, English, Swahili: the form of a language's name (checked against the gloss below)."""
    return word[:1].isupper() and word.endswith(("ese", "ish", "ian", "ic", "an", "ali", "hili", "du", "ew", "ch"))


def single_word_spans(
    tokens: Sequence[Token], text: str, english: Iterable[Candidate], sentence: int, capitalised: frozenset[str]
) -> list[Candidate]:
    """Chinese words whose dictionary name is a one-word English candidate of the bead (see module)."""
    wanted: dict[str, str] = {}
    for en in english:
        word = en.key.casefold()
        if " " in word or not word.isalpha() or len(word) < 3 or word in GENERIC:
            continue
        if word not in capitalised and not (BODY_BEFORE_TITLE and en.hint == "ORG" and word in BODIES):
            continue  # a legislature named before its officer's title is one at a sentence's start too
        if word not in BODIES and word not in BODIES_OF_THE_SKY and not _is_language_name(en.key):
            continue  # Report, Heritage, Championships: capitalised words of a longer title, not names
        wanted[word] = en.key
    if not wanted:
        return []
    plural = {stem(word): word for word in wanted if stem(word) != word}
    found = []
    for token in tokens:
        if not _HAN.match(token.simplified):
            continue
        for head in gloss_heads(token.simplified):
            language = head.endswith(" language")
            word = head[: -len(" language")] if language else head
            if word not in wanted and stem(word) in plural:
                word = plural[stem(word)]  # 同盟國 "ally" ↔ the Allies
            if word in wanted and (language or word in BODIES or word in BODIES_OF_THE_SKY):
                found.append(
                    Candidate(
                        token.start,
                        token.end,
                        text[token.start : token.end],
                        token.simplified,
                        sentence,
                        "single-word",
                        _hint(word, language),
                    )
                )
                break
    return found
