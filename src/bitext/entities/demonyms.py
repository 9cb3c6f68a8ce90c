"""English words for a place's people or things (Iranian, Tongan, Austrian): not the place's name.

Chinese often writes the place where English writes its adjective (伊朗革命 ↔ Iranian revolution,
東加相 ↔ Tongan PM), so a sound match from a demonym grows a Chinese place name into its neighbour
(伊朗革, 東加相), and a capitalised run that starts with one ("Austrian Claudia Loesch") hides the
person's name. A demonym here: one word that is no GeoNames place, ends like an English demonym
(-an, -ian, -ese, -ish, -i, -ic, -ean), and shares its first four letters or more with a country,
continent or US state (the last word of South Korea), all but at most its last letter, and is no
shorter (Austria → Austrian, China → Chinese, Hungary → Hungarian; not Norman; not Canaan, which keeps
only four letters of Canada; not Dominic, shorter than Dominica).
"""

from __future__ import annotations

from functools import lru_cache

import regex

from bitext.resources.places import fold, load_places

_ENDINGS = ("an", "ian", "ese", "ish", "i", "ic", "ean")
# Nouns for people as a group: "<place> Residents" names who lives there, not an entity.
GROUP_NOUNS = frozenset(
    "residents citizens nationals inhabitants compatriots people peoples immigrants emigrants expatriates "
    "natives nationals".split()
)
PREFIX = 4


@lru_cache(maxsize=4096)
def is_demonym(word: str) -> bool:
    """``Iranian``, ``Tongan``, ``Austrian``: True; ``Iran``, ``Norman``, ``Kennedy``: False."""
    folded = fold(word)
    if " " in folded or len(folded) < PREFIX + 1 or not folded.endswith(_ENDINGS):
        return False
    places = load_places()
    if folded in places.names:
        return False
    # the regions' last words (South Korea → Korea), scanned once per word asked (the answer is cached)
    for region in {name.split(" ")[-1] for name in places.regions}:
        if len(region) < PREFIX or region[:PREFIX] != folded[:PREFIX]:
            continue
        shared = next((i for i, (a, b) in enumerate(zip(region, folded, strict=False)) if a != b), len(region))
        if shared >= len(region) - 1 and len(folded) >= len(region):
            return True
    return False


_PEOPLE_GLOSS = regex.compile(r"\b(?:peoples?|ethnic groups?|tribes?|nationality|nationalities)\b")


def _glossed_as_people(zh_simplified: str, folded: str) -> bool:
    """A dictionary sense whose head is the English word and whose rest says it is a people or ethnic
    group ("Paiwan, one of the indigenous peoples of Taiwan", "Atayal or Tayal, … ethnic groups")."""
    from bitext.resources.cedict import load_cedict

    for entry in load_cedict().lookup(zh_simplified):
        for gloss in entry.glosses:
            head, _, rest = gloss.partition(",")
            names = {n.strip().casefold() for n in head.split(" or ")}
            if folded in names and _PEOPLE_GLOSS.search(rest):
                return True
    return False


def is_people_group(zh_simplified: str, en: str) -> bool:
    """Nazis ↔ 納粹, Arabs ↔ 阿拉伯, Berber ↔ 柏柏爾: the English names a people (a plural of the
    dictionary's word for one of them, or a word the dictionary glosses "… people"), not a place.
    The entity gold's guideline lists groups of people as no entity."""
    from bitext.entities.dictionary import gloss_heads

    word = en.strip()
    words = word.split()
    if len(words) >= 2 and words[-1].casefold() in GROUP_NOUNS and all(w[:1].isupper() for w in words):
        return True  # 香港居民 ↔ Hong Kong Residents, 大陸人民 ↔ Mainland People: a group named by a place
    if " " in word or not word[:1].isupper():
        return False
    folded = word.casefold()
    heads = gloss_heads(zh_simplified)
    if any(head.startswith(folded + " people") for head in heads):
        return True
    if is_demonym(word) and any(len(h.split()) >= 2 and h.split()[-1] == folded for h in heads):
        return True  # 華僑 "overseas Chinese" ↔ Chinese: the dictionary names a group of that people
    if _glossed_as_people(zh_simplified, folded):
        return True  # 排灣族 "Paiwan, one of the indigenous peoples of Taiwan" ↔ Paiwan
    if not folded.endswith("s") or load_places().is_place(word):
        return False
    singular = {folded[:-1], folded[:-2]} if folded.endswith("es") else {folded[:-1]}
    return any(head in singular for head in heads)
