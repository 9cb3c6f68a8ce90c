"""Other forms of place names the dictionary does not give as such.

* **Exonyms**: English names of a country that CC-CEDICT's gloss leaves out (英國 is glossed
  "United Kingdom", the texts say Britain; 美國 ↔ America), and the postal spellings of Chinese
  cities in older books and translations (北京 ↔ Peking, 廣州 ↔ Canton).
* **Dynasties**: 漢朝 is glossed "Han Dynasty", English often says only "the Han"; a dynasty is a
  state of the past (the entity gold types it LOC).
* **Parts and periods of a place**: a compass point or "ancient" before a place (北印度 ↔ Northern
  India, 古埃及 ↔ ancient Egypt). When the English capitalises the modifier the two pair as one name;
  when it does not ("ancient Egypt"), the place inside the Chinese (埃及 in 古埃及) is a candidate.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from bitext.entities.candidates import Candidate
from bitext.entities.designated_places import core_score
from bitext.entities.dictionary import gloss_heads, normalise_english
from bitext.resources.cedict import load_cedict
from bitext.resources.places import load_places

EXONYM = 0.95
DYNASTY = 0.9
# Simplified Chinese → English names the dictionary's glosses do not give.
EXONYMS = {
    "英国": ("britain", "great britain"),
    "美国": ("america",),
    "荷兰": ("the netherlands",),
    # Chinese places in the postal romanisation of older books and translations
    "北京": ("peking", "peiping"),
    "南京": ("nanking",),
    "广州": ("canton",),
    "天津": ("tientsin",),
    "厦门": ("amoy",),
}
# A one-character modifier before a place → the English words for it.
MODIFIERS = {
    "北": ("north", "northern"),
    "南": ("south", "southern"),
    "东": ("east", "eastern"),
    "西": ("west", "western"),
    "中": ("central", "middle"),
    "古": ("ancient",),
    "上": ("upper",),
    "下": ("lower",),
}
MODIFIED_FLOOR = 0.8


def exonym_match(zh: str, en: str) -> tuple[str, float] | None:
    target = normalise_english(en)
    return (f"exonym:{target}", EXONYM) if target in EXONYMS.get(zh, ()) else None


def dynasty_match(zh: str, en: str) -> tuple[str, float] | None:
    """漢朝 ↔ Han: the dictionary's "Han Dynasty" without its designator."""
    target = normalise_english(en)
    if not target or " " in target:
        return None
    return (f"dynasty:{target}", DYNASTY) if f"{target} dynasty" in gloss_heads(zh) else None


def modified_place_match(zh: str, en: str, learned: Mapping[str, tuple[str, float]]) -> tuple[str, float] | None:
    """北印度 ↔ Northern India: a modifier on both sides, and the place after it pairs."""
    modifier = MODIFIERS.get(zh[:1])
    words = en.split()
    if modifier is None or len(zh) < 3 or len(words) < 2 or words[0].casefold() not in modifier:
        return None
    core_en = " ".join(words[1:])
    score, evidence = core_score(zh[1:], core_en, learned)
    if score < MODIFIED_FLOOR or not _is_place(zh[1:]):
        return None
    return f"modified-place:{zh[:1]}={words[0].casefold()}+{evidence}", score


def _is_place(zh: str) -> bool:
    """A Chinese name CC-CEDICT knows as a proper noun, or GeoNames as a place."""
    if zh in load_places().chinese:
        return True
    return any(e.is_proper_noun for e in load_cedict().lookup(zh))


def places_inside(candidates: Iterable[Candidate], text: str) -> list[Candidate]:
    """埃及 inside 古埃及, 印度 inside 北印度: the place after a one-character modifier."""
    found = []
    for candidate in candidates:
        key = candidate.key
        if candidate.source in ("latin", "ticker") or len(key) < 3 or key[:1] not in MODIFIERS:
            continue
        if _is_place(key) or not _is_place(key[1:]):
            continue  # 南非, 北京: the whole is the name
        start = candidate.start + 1
        found.append(
            Candidate(start, candidate.end, text[start : candidate.end], key[1:], candidate.sentence, "nested", "LOC")
        )
    return found
