"""The name at the head of a longer English run, where the Chinese writes only the name (issue 13, ORG recall).

English news writes a company's, a club's or a paper's name and then words the Chinese leaves out: what
kind of body it is ("Chongqing Lifan Football Club" ↔ 重慶力帆), a sponsor's or an edition's word
("Beijing Guoan Talent Football Club" ↔ 北京國安, "People's Daily Overseas Edition" ↔ 人民日報), a column's
("Xinhua Insight" ↔ 新華社). No English candidate was the name alone, so no signal could read the pair
(the composed reading 北京+國安 ↔ Beijing Guoan, CC-CEDICT's 人民日報 ↔ People's Daily). Two nested
candidates, each only one more English span that a signal still has to pair:

* :func:`before_common_words`: the run without its trailing common English words (designators and words
  such as Football, Talent, Insight), when what is left is uncommon words, one of them spelled in pinyin:
  a Chinese name transcribed, which the Chinese writes alone; the words a dictionary would translate are
  what it may leave out. (Without the pinyin word, "National Trust" would leave "National".)
* :func:`possessive_name`: "X's Y" at the head of a longer run, Y no designator or connector ("People's
  Daily Overseas Edition" → "People's Daily"): a possessive inside a capitalised run closes a name.

An English candidate the Chinese translates whole still pairs first (the longer strong pair goes first in
linking, and the nested span is then inside a linked one).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol

# Switch (a test turns it off): off, neither nested candidate is proposed (the base's behaviour).
LEADING_NAMES = True

_POSSESSIVE_ENDINGS = ("'s", "’s")


class Word(Protocol):
    @property
    def text(self) -> str: ...

    @property
    def folded(self) -> str: ...


def before_common_words(
    words: Sequence[Word],
    is_common: Callable[[str], bool],
    designators: frozenset[str],
    connectors: frozenset[str],
    transcribed: Callable[[str], bool],
) -> int:
    """How many leading words of ``words`` make the name before trailing common words, or 0 (none: no
    common word trails, a connector is among them, one of the leading words is common, a designator or a
    connector, none is spelled in pinyin, or nothing is left)."""
    end = len(words)
    while end > 0 and (is_common(words[end - 1].text) or words[end - 1].folded in designators):
        end -= 1
    if end == 0 or end == len(words):
        return 0
    head = words[:end]
    if any(w.text in connectors for w in words[end:]):
        return 0  # "China Party for Public Interest": a designated body's own shape, not a name and its kind
    if any(w.text in connectors or w.folded in designators or is_common(w.text) for w in head):
        return 0
    if any(w.text.endswith(_POSSESSIVE_ENDINGS) for w in head):
        return 0  # "Caltech's …": the possessive's own name (the run's other nested candidates)
    if not any(transcribed(w.folded) for w in head):
        return 0
    return end


def possessive_name(words: Sequence[Word], designators: frozenset[str], connectors: frozenset[str]) -> int:
    """How many leading words make "X's Y" when more words follow Y, or 0: the run's first word a
    possessive, the next no designator or connector."""
    if len(words) < 3 or not words[0].text.endswith(_POSSESSIVE_ENDINGS):
        return 0
    following = words[1]
    if following.text in connectors or following.folded in designators:
        return 0
    return 2
