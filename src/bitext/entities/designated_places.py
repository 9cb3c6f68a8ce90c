"""Places named with a designator on both sides: 埃爾斯沃思山脈 ↔ Ellsworth Mountains, 鱷魚河 ↔ Crocodile
River, 文森山 ↔ Mount Vinson, 布宜諾斯艾利斯省 ↔ Buenos Aires province.

The name's core pairs by the usual signals (sound, dictionary, a pair found elsewhere); the
designators must say the same thing (山脈 ↔ Mountains or Range, 河 ↔ River, 省 ↔ province). Without
this the core pair wins alone (埃爾斯沃思 ↔ Ellsworth) and the place's full name is lost, or the
Chinese grows by its designator while the English does not (亞馬遜河 ↔ Amazon beside "Amazon River").
English writes some designators in lower case after the name (Buenos Aires province): those are
grown onto the capitalised name here.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

import regex

from bitext.document import Document
from bitext.entities.candidates import GRAMMATICAL_TAGS, Candidate, english_key
from bitext.entities.dictionary import direct_match
from bitext.entities.transliteration import APPROXIMATE, transliteration
from bitext.resources.places import load_places
from bitext.segment.words import Token

# Chinese designator (simplified, as the keys are) → the English words that translate it.
_DESIGNATORS = {
    "山脉": ("mountains", "range"),
    "山": ("mountain", "mount", "mt", "hill", "peak"),
    "岭": ("range", "ridge"),
    "峰": ("peak", "mount", "mountain"),
    "河": ("river",),
    "江": ("river",),
    "湖": ("lake",),
    "海": ("sea",),
    "湾": ("bay", "gulf"),
    "海湾": ("bay", "gulf"),
    "海峡": ("strait", "straits", "channel"),
    "群岛": ("islands", "archipelago"),
    "岛": ("island", "isle"),
    "半岛": ("peninsula",),
    "冰川": ("glacier",),
    "沙漠": ("desert",),
    "峡谷": ("canyon", "gorge"),
    "谷": ("valley",),
    "高原": ("plateau",),
    "盆地": ("basin",),
    "运河": ("canal",),
    "瀑布": ("falls",),
    "省": ("province",),
    "州": ("state", "province"),
    "县": ("county",),
    "区": ("district", "ward", "region"),
    "地": ("land",),
}
# Longest first, so that 山脉 is tried before 山.
_BY_LENGTH = tuple(sorted(_DESIGNATORS.items(), key=lambda item: -len(item[0])))
# English designators written before the name (Mount Vinson, Lake Geneva) or after it.
_LEADING = frozenset({"mount", "mt", "lake", "isle", "cape"})
# Lower-case designators English puts after a capitalised name as part of it (Buenos Aires province,
# the province rather than the city); not "region" or "state", mostly descriptive (the Xinjiang region).
_LOWER_AFTER = regex.compile(r" (province|prefecture|county|river)\b")
# The core must pair at least this well (pairing.TRANSLITERATION_FLOOR).
CORE_FLOOR = 0.7
MAX_CORE_CHARS = 6
_HAN = regex.compile(r"^\p{Han}+$")


def split_english(en: str) -> tuple[str, str] | None:
    """("Ellsworth", "mountains") for "Ellsworth Mountains", ("Vinson", "mount") for "Mount Vinson"."""
    words = en.split()
    if len(words) < 2:
        return None
    first, last = words[0].casefold().rstrip("."), words[-1].casefold()
    if first in _LEADING:
        return " ".join(words[1:]), first
    if any(last in english for _, english in _BY_LENGTH):
        return " ".join(words[:-1]), last
    return None


def split_chinese(zh: str, designator: str) -> str | None:
    """The core before a Chinese designator that translates the English ``designator``."""
    for suffix, english in _BY_LENGTH:
        if designator in english and zh.endswith(suffix) and len(zh) > len(suffix):
            return zh[: -len(suffix)]
    return None


def core_score(zh_core: str, en_core: str, learned: Mapping[str, tuple[str, float]]) -> tuple[float, str]:
    """How well a Chinese core names an English one: a pair found elsewhere, the dictionary, or sound."""
    known = learned.get(zh_core)
    if known is not None and known[0] == en_core:
        return known[1], f"known:{zh_core}"
    direct = direct_match(zh_core, en_core)
    if direct is not None:
        return direct.score, direct.evidence
    if len(zh_core) >= 2:
        sound = transliteration(zh_core, en_core)
        if sound is not None and (sound.system not in APPROXIMATE or sound.score > CORE_FLOOR):
            return sound.score, sound.evidence
    return 0.0, ""


def designated_place_match(zh: str, en: str, learned: Mapping[str, tuple[str, float]]) -> tuple[float, str] | None:
    """(score, evidence) when ``zh`` and ``en`` are one place with matching designators, else None."""
    english = split_english(en)
    if english is None:
        return None
    en_core, designator = english
    zh_core = split_chinese(zh, designator)
    if zh_core is None:
        return None
    score, evidence = core_score(zh_core, en_core, learned)
    if score < CORE_FLOOR:
        return None
    return score, f"designated-place:{zh[len(zh_core) :]}={designator}+{evidence}"


# Designators of natural features: the bare name names the same thing (the Amazon, the Amazon River);
# not of administrative units (Buenos Aires, the city, and Buenos Aires province are two places).
_NATURAL = frozenset(
    "mountains range mountain mount mt hill peak ridge river lake sea bay gulf strait straits channel islands "
    "archipelago island isle peninsula glacier desert canyon gorge valley plateau basin falls".split()
)


def same_feature(short: tuple[str, str], long: tuple[str, str]) -> bool:
    """亞馬遜 ↔ Amazon and 亞馬遜河 ↔ Amazon River: one natural feature, with and without its designator
    on both sides (rows given as (simplified Chinese key, English key))."""
    english = split_english(long[1])
    if english is None or english[1] not in _NATURAL or english[0].casefold() != short[1].casefold():
        return False
    if split_chinese(long[0], english[1]) != short[0]:
        return False
    # a country, territory or state named like the feature is another place (Hong Kong beside Hong Kong
    # Island, Jordan beside the Jordan River); a town is, beside an island or peninsula (Macau, Macau Peninsula)
    places = load_places()
    return not (places.is_region(short[1]) or (english[1] in _LAND and places.is_place(short[1])))


_LAND = frozenset("island islands isle peninsula archipelago".split())


# Administrative designators Chinese adds where English names the place bare (揚州市 ↔ Yangzhou).
_ADMINISTRATIVE = ("市", "县", "省", "地区", "特区", "自治区")


def with_designator(short: str, long: str) -> bool:
    """揚州市 for 揚州 (simplified keys): the same place with an administrative designator added."""
    return any(long == short + suffix for suffix in _ADMINISTRATIVE) and len(short) >= 2


def chinese_spans(tokens: Sequence[Token], text: str, english: Iterable[Candidate], sentence: int) -> list[Candidate]:
    """Chinese core + designator spans that translate an English designated place of the bead."""
    usable = [
        (t.start + i, ch)
        for t in tokens
        if _HAN.match(t.simplified) and not (len(t.simplified) == 1 and t.tag[:1] in GRAMMATICAL_TAGS)
        for i, ch in enumerate(t.simplified)
    ]
    chars = "".join(ch for _, ch in usable)
    found = []
    for en in english:
        english_parts = split_english(en.key)
        if english_parts is None:
            continue
        en_core, designator = english_parts
        for suffix, words in _BY_LENGTH:
            if designator not in words:
                continue
            for match in regex.finditer(regex.escape(suffix), chars):
                best: tuple[float, int] | None = None
                for size in range(1, MAX_CORE_CHARS + 1):
                    first = match.start() - size
                    if first < 0 or not _contiguous(usable, first, match.end()):
                        break
                    score, _ = core_score(chars[first : match.start()], en_core, {})
                    if score >= CORE_FLOOR and (best is None or score > best[0]):
                        best = (score, first)
                if best is not None:
                    start, end = usable[best[1]][0], usable[match.end() - 1][0] + 1
                    key = chars[best[1] : match.end()]
                    core = chars[best[1] : match.start()]
                    found.append(Candidate(start, end, text[start:end], key, sentence, "designated", "LOC", core))
    return found


def _contiguous(usable: Sequence[tuple[int, str]], first: int, end: int) -> bool:
    return all(usable[i + 1][0] == usable[i][0] + 1 for i in range(first, end - 1))


def english_designated(doc: Document, candidates: Iterable[Candidate]) -> list[Candidate]:
    """ "Buenos Aires province": a capitalised name with the lower-case designator after it."""
    found = []
    for candidate in candidates:
        match = _LOWER_AFTER.match(doc.text, candidate.end)
        if match is None or candidate.source == "ticker":
            continue
        end = match.end()
        surface = doc.text[candidate.start : end]
        found.append(
            Candidate(
                candidate.start,
                end,
                surface,
                english_key(surface),
                candidate.sentence,
                "designated",
                "LOC",
                candidate.key,
            )
        )
    return found
