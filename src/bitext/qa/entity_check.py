"""Names with no counterpart: an entity named on one side of a bead and absent from the other.

A warning a translator can trust needs all of these:

1. **Strong evidence** that the pair names one entity: a dictionary entry, a composed or romanised name, a Latin
   name kept in the Chinese, a shared ticker, a variant of such a pair, or consistent co-occurrence over several
   beads when no better-proven pair claims the name. A pair found by weak signals alone (a heading word that
   happens to co-occur, 香港 ↔ Article; a loose sound-alike) never warns.
2. **The counterpart is expected** in that bead: in this document, at least half the beads that name the entity on
   one side by that form also name it on the other. A translator who renders a name otherwise more often than
   not is making a choice, not a slip. A Latin name kept in the Chinese (NSA) is expected in the English, not the
   other way round: Chinese usually translates such names.
3. **Absent under every form**: every variant of every pair of the entity (pairs that share a form are one
   entity: 盧納 / 露娜 ↔ Luna), compared case-insensitively (HONG KONG = Hong Kong), an English adjective or
   demonym counting for its place (Turkish for Turkey, French for France), a currency's code, symbol or name
   for any other (NT$ for NTD), a Chinese place without its designator (塔斯馬尼亞 for 塔斯馬尼亞州, 大陸 for
   大陸地區), a transliteration under another spelling (希布倫 for 希伯崙: as many characters, more than half of
   them read alike).

Presence is read strictly: an English form written in lower case (singer for Singer, us for US) or an acronym in
mixed case is not the name, and a name inside a longer name of another entity in the same bead (Hong Kong in
Hong Kong Stock Exchange, 香港 in 香港中文大學) is that other name.

The texts are scanned once, against an index of the forms by first character (Chinese) or first word
(English), so the cost grows with the text and the names found in it, not with beads × pairs.
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

import regex

from bitext.align.beads import Alignment
from bitext.disjoint_sets import DisjointSets
from bitext.entities.lexicon import EN_ORG_DESIGNATORS, EN_PLACE_DESIGNATORS, designator_endings
from bitext.entities.model import EntityPair, EntityTable
from bitext.qa.flags import Flag
from bitext.script import to_simplified
from bitext.segment.line_breaks import join_line_breaks
from bitext.segment.words import cut_words

# A pair's score at least this, with at least one strong signal, is strong evidence (entities' own "strong").
_STRONG_SCORE = 0.8
_ROMANISATION_FLOOR = 0.9  # pinyin:xu li=1.00; a looser romanisation is a sound-alike, not proof
_COOCCURRENCE_DICE = 0.8  # co-occurrence alone is strong only when nearly every mention pairs up …
_COOCCURRENCE_MIN = 3  # … in several beads
_STRONG_SIGNALS = ("cedict", "composed", "abbreviation", "geonames", "identical", "ticker", "variant-of")
_ROMANISATIONS = ("pinyin", "wade-giles", "cantonese")
# At least half the beads naming the entity on one side must name it on the other before one that does not is suspect.
_EXPECTED_SHARE = 0.5

_HAN = regex.compile(r"\p{Han}")
# A word, or letters written with dots (U.S., J. K.), read as one word without them: U.S. and US are one name.
_WORD = regex.compile(r"\p{L}\.(?:\s?\p{L}\.)+|[\p{L}\p{N}]+")


def _folded(word: str) -> str:
    folded = word.replace(".", "").replace(" ", "").casefold()
    return folded if folded.isascii() else _without_accents(folded)


@lru_cache(maxsize=65536)
def _without_accents(word: str) -> str:
    """Galápagos is Galapagos, Zürich Zurich: a translator writes a name with or without its accents."""
    return "".join(ch for ch in unicodedata.normalize("NFKD", word) if not unicodedata.combining(ch))


_LATIN_ALNUM = regex.compile(r"[\p{Latin}\p{N}]")
# A name used as a calendar era before a year: 中華民國九十年, 民國 113 年.
_ERAS = ("民國", "民国")
# Office titles written after a body's name (traditional and simplified): the body is then part of the
# title (行政院院長 ↔ the Premier, 內政部部長 ↔ the Minister of the Interior).
_OFFICE_TITLES = (
    "院長 院长 部長 部长 局長 局长 署長 署长 處長 处长 主席 總統 总统 總理 总理 首相 會長 会长 秘書長 秘书长 "
    "主任委員 主任委员 主委 市長 市长 縣長 县长"
).split()
_OFFICE_AFTER = regex.compile(r"[ \t\n]*副?(?:" + "|".join(_OFFICE_TITLES) + ")")
_YEAR_AFTER = regex.compile(r"\s*[\d〇○零一二三四五六七八九十百]+\s*年")
_ZH_DESIGNATORS = ("地區", "地区", "州", "省", "市", "縣", "县", "國", "国", "島", "岛")
_STEM = 4  # English words sharing their first four letters may be a place and its adjective (Turkey, Turkish)
# Adjectives and demonyms that do not share a stem with their place.
_DEMONYMS = {
    "france": ("french",),
    "spain": ("spanish", "spaniard", "spaniards"),
    "netherlands": ("dutch",),
    "holland": ("dutch",),
    "denmark": ("danish", "dane", "danes"),
    "philippines": ("filipino", "filipinos", "filipina"),
    "switzerland": ("swiss",),
    "wales": ("welsh",),
    "ireland": ("irish",),
    "england": ("english",),
    "scotland": ("scottish", "scots"),
    "finland": ("finnish", "finn", "finns"),
    "poland": ("polish", "pole", "poles"),
    "thailand": ("thai",),
    "britain": ("british", "briton", "britons"),
    "united kingdom": ("british",),
    "uk": ("british",),
    "united states": ("american", "americans"),
    "us": ("american", "americans"),
    "u s": ("american", "americans"),
    "usa": ("american", "americans"),
    "new zealand": ("kiwi", "kiwis"),
    "vatican": ("papal",),
}

# A currency is named by its code, its symbol's letters (NT$ reads as the word NT) or its name: any of them is
# the currency in the English (新臺幣 ↔ NTD from CC-CEDICT, where a statute writes NT$100,000).
_CURRENCIES = (
    ("ntd", "nt", "twd", "nt dollar", "nt dollars", "new taiwan dollar", "new taiwan dollars"),
    ("rmb", "cny", "renminbi", "yuan"),
    ("hkd", "hk", "hk dollar", "hk dollars", "hong kong dollar", "hong kong dollars"),
    ("usd", "us dollar", "us dollars", "u s dollar", "u s dollars"),  # not "us" alone: the pronoun
)
_CURRENCY_FORMS = {form: group for group in _CURRENCIES for form in group}


def entity_flags(alignment: Alignment, table: EntityTable) -> list[Flag]:
    """``entity-missing`` warnings: a strongly paired name in a bead whose other side lacks it under every form."""
    entities = build_entities(table)
    if not entities:
        return []
    _add_defined_acronyms(entities, alignment.en.text)
    index = _FormIndex(entities)
    zh_texts = {
        # on one line as exports write it: a hard wrap between two Chinese characters is read away (商⏎湯 is 商湯)
        number: join_line_breaks(alignment.zh_text(bead))
        for number, bead in enumerate(alignment.beads)
        if bead.is_aligned
    }
    # a bead's hits depend on its two texts only: a repeated bead is scanned once (the scans are only read)
    scanned: dict[tuple[str, str], tuple[_Found, _Found]] = {}
    seen: list[tuple[int, tuple[_Found, _Found]]] = []
    texts_of: dict[int, tuple[str, str]] = {}
    for number, zh_text in zh_texts.items():
        texts = texts_of[number] = (zh_text, alignment.en_text(alignment.beads[number]))
        found = scanned.get(texts)
        if found is None:
            found = scanned[texts] = index.scan(*texts)
        seen.append((number, found))
    expected = _expected(seen)
    # a bead's messages depend on its two texts only (its scan, the document-wide ``expected``, its Chinese):
    # a repeated bead's are made once
    messages: dict[tuple[str, str], list[str]] = {}
    flags: list[Flag] = []
    for number, (zh, en) in seen:
        texts = texts_of[number]
        made = messages.get(texts)
        if made is None:
            made = messages[texts] = []
            for eid, form in zh.strict.items():
                if eid not in en.present and expected[eid, "zh", form]:
                    made.append(f"{form} is in the Chinese but {entities[eid].zh_triggers[form]} is not in the English")
            for eid, form in en.strict.items():
                expected_here = expected[eid, "en", form]
                if eid not in zh.present and expected_here and not _named_otherwise(entities[eid], texts[0]):
                    made.append(f"{form} is in the English but {entities[eid].en_triggers[form]} is not in the Chinese")
        flags.extend(Flag(number, "warning", "entity-missing", message) for message in made)
    return flags


# "the Personal Data Protection Commission (the "PDPC")", "Financial Supervisory Commission (FSC)": a name the
# document itself gives a short form, written right after it in brackets, quoted or not.
_ACRONYM_IN_BRACKETS = regex.compile(r"\s*[(（]\s*(?:the\s+)?[\"“'‘]?(\p{Lu}[\p{Lu}\d&]{1,9})[\"”'’]?\s*[)）]")
_NAME_WORD = regex.compile(r"[\p{L}'’&-]+")
_MINOR_WORDS = frozenset({"of", "and", "for", "on", "the", "&"})
_LONGEST_NAME = 12  # words looked at before the bracket


def _defined_acronyms(text: str) -> dict[tuple[str, ...], set[str]]:
    """Short forms the English defines for a name (the name's words, case-folded → its acronyms): the acronym's
    letters are the initials of the capitalised words just before the bracket, minor words (of, and) left out or
    not (Taiwan's Personal Data Protection Act: the Personal Data Protection Commission (the "PDPC"))."""
    defined: dict[tuple[str, ...], set[str]] = defaultdict(set)
    for match in _ACRONYM_IN_BRACKETS.finditer(text):
        acronym = match.group(1)
        letters = "".join(ch for ch in acronym if ch.isalpha()).casefold()
        before = text[max(0, match.start() - 40 * _LONGEST_NAME) : match.start()]
        words = [word.group() for word in _NAME_WORD.finditer(before)][-_LONGEST_NAME:]
        if not before.endswith(tuple(words[-1:])) or not words:  # the bracket must follow the name's last word
            continue
        for start in range(len(words) - 1, -1, -1):
            tail = words[start:]
            if tail[0].casefold() in _MINOR_WORDS:
                continue
            if not tail[0][0].isupper():
                break
            every = "".join(word[0] for word in tail).casefold()
            major = "".join(word[0] for word in tail if word.casefold() not in _MINOR_WORDS).casefold()
            if letters in (every, major):
                defined[_words(" ".join(tail))].add(acronym)
                break
            if len(major) > len(letters):
                break
    return defined


def _add_defined_acronyms(entities: Sequence[Entity], en_text: str) -> None:
    """An acronym the document defines for an entity's English name is one more form of it, one that counts as
    present (it never warns): "the PDPC" names 個人資料保護委員會 once "(the "PDPC")" has followed the name."""
    if "(" not in en_text and "（" not in en_text:
        return
    defined = _defined_acronyms(en_text)
    if not defined:
        return
    for entity in entities:
        for form in list(entity.en_forms):
            entity.en_forms.update(defined.get(_words(form), ()))


def _expected(seen: Sequence[tuple[int, tuple[_Found, _Found]]]) -> dict[tuple[int, str, str], bool]:
    """Per entity, side and form naming it: do at least half the beads naming it so also name the entity on the
    other side? (Per form: 臺灣地區 ↔ Taiwan Area may be translated consistently while a wrong pair of the same
    entity, 臺灣地區 ↔ Mainland Area, is not.)"""
    named: dict[tuple[int, str, str], int] = defaultdict(int)
    matched: dict[tuple[int, str, str], int] = defaultdict(int)
    for _, (zh, en) in seen:
        for side, ours, theirs in (("zh", zh, en), ("en", en, zh)):
            for eid, form in ours.strict.items():
                named[eid, side, form] += 1
                matched[eid, side, form] += eid in theirs.present
    return {key: matched[key] / count >= _EXPECTED_SHARE for key, count in named.items()}


def _sounds_present(entity: Entity, zh_text: str) -> bool:
    """A Chinese transliteration of the entity under another spelling (廷布克圖 for 廷巴克圖, 希布倫 for 希伯崙):
    a run of as many characters with more than half the syllables read the same (tones aside).
    Only asked of the few beads about to be flagged, so the readings cost nothing elsewhere."""
    text = _syllables(zh_text)
    for form in entity.zh_forms:
        if not _HAN.search(form):
            continue
        ours = _syllables(form)
        n = len(ours)
        for start in range(len(text) - n + 1):
            if 2 * sum(a == b for a, b in zip(ours, text[start : start + n], strict=True)) > n:
                return True
    return False


def _named_otherwise(entity: Entity, zh_text: str) -> bool:
    """The Chinese names the entity under a spelling or short form that the index does not hold."""
    if entity.place and _DEICTIC_PLACE.search(zh_text):
        return True  # 我國 (our country) where the English writes China, 該國 (the country), 我省 (our province)
    if ("黨" in zh_text or "党" in zh_text) and any(form.endswith(("黨", "党")) for form in entity.zh_forms):
        return True  # 黨風, 黨的十九大: Chinese calls a party "the Party" (黨) where English writes CPC
    return _sounds_present(entity, zh_text) or _abbreviated(entity, zh_text) or _in_pair_compound(entity, zh_text)


# A place named by where the writer stands (我國 "our country", 本市, 全省 "the whole province") or by reference back
# (該國 "the said country"): news writes 我國 where its translation writes China.
_DEICTIC_PLACE = regex.compile(r"[我本全該该][國国省市州縣县島岛]")


def _in_pair_compound(entity: Entity, zh_text: str) -> bool:
    """A word the dictionary does not know, holding a two-character word it glosses as a pair of places, one of them
    the entity: 美中關係 "US–China relations" holds 美中 "USA-China" (and 中 alone is too common to count)."""
    from bitext.resources.cedict import load_cedict

    dictionary = load_cedict()
    names = {" ".join(_words(form)) for form in entity.en_forms}
    for word in cut_words(to_simplified(zh_text)):
        if len(word) < 3 or dictionary.lookup(word):
            continue
        for k in range(len(word) - 1):
            for entry in dictionary.lookup(word[k : k + 2]):
                for gloss in entry.glosses:
                    if "-" in gloss and any(f" {name} " in f" {' '.join(_words(gloss))} " for name in names):
                        return True
    return False


def _abbreviated(entity: Entity, zh_text: str) -> bool:
    """The place named by its one-character short form (來臺 and 臺籍 for the Taiwan Area, 赴港 for Hong Kong):
    a character CC-CEDICT glosses as the abbreviation of one of the entity's Chinese names (港 "abbr. for 香港"),
    or of its English name (臺 "Taiwan (abbr.)"), standing alone in jieba's words or inside a word the dictionary
    does not know (來臺); not inside an ordinary word (美麗, 港口). Only asked of beads about to be flagged."""
    short_forms, names = _short_forms(frozenset(entity.zh_forms), frozenset(entity.en_forms))
    if not short_forms:
        return False
    from bitext.resources.cedict import load_cedict

    dictionary = load_cedict()
    for word in cut_words(to_simplified(zh_text)):
        if not any(ch in short_forms for ch in word):
            continue
        entries = dictionary.lookup(word) if len(word) > 1 else ()
        # 來臺 "to visit Taiwan" names the place; 港口 "port" does not
        glosses = [f" {' '.join(_words(gloss))} " for entry in entries for gloss in entry.glosses]
        if not entries or any(f" {name} " in gloss for gloss in glosses for name in names):
            return True
    return False


@lru_cache(maxsize=4096)
def _short_forms(zh_forms: frozenset[str], en_forms: frozenset[str]) -> tuple[frozenset[str], frozenset[str]]:
    """Simplified characters that CC-CEDICT gives as the abbreviation of one of these names, and the names'
    English forms (case-folded words joined by spaces)."""
    from bitext.resources.cedict import load_cedict

    dictionary = load_cedict()
    cores = {to_simplified(_without_designator(form)) for form in zh_forms if _HAN.search(form)}
    targets = cores | {to_simplified(form) for form in zh_forms}
    english = {" ".join(_words(form)) for form in en_forms}
    for core in cores:  # 臺灣 → "taiwan", so that 臺 "Taiwan (abbr.)" counts for 臺灣地區 ↔ Taiwan Area
        for entry in dictionary.lookup(core):
            english.update(" ".join(_words(_ABBREVIATION_NOTE.sub("", gloss))) for gloss in entry.glosses[:1])
    found = set()
    for ch in {ch for core in cores for ch in core}:
        for entry in dictionary.lookup(ch):
            for gloss in entry.glosses:
                if "abbr" in gloss and _abbreviation_of(gloss, targets, english):
                    found.add(to_simplified(ch))
    return frozenset(found), frozenset(name for name in english if name)


_ABBREVIATION_NOTE = regex.compile(r"\([^)]*\)")
# "abbr. for 香港[…]", "abbr. for Mongolia 蒙古國|蒙古国[…]", "abbr. for Xizang or Tibet Autonomous Region 西藏[…]":
# the English named before the Chinese form, and the Chinese form.
_ABBREVIATED = regex.compile(r"abbr\. for ([^\p{Han}\[(]*)([\p{Han}|]*)")


def _abbreviation_of(gloss: str, targets: set[str], english: set[str]) -> bool:
    """ "abbr. for 香港[Xiang1 gang3]" names 香港; "Taiwan (abbr.)" and "abbr. for Beijing" name Taiwan, Beijing;
    "abbr. for Mongolia 蒙古國" names Mongolia and "abbr. for Xizang or Tibet … 西藏" names 西藏."""
    named = _ABBREVIATED.search(gloss)
    if named:
        if any(to_simplified(form) in targets for form in named.group(2).split("|") if form):
            return True
        spelt = [" ".join(_words(name)) for name in named.group(1).split(" or ")]
        return any(name and name in english for name in spelt)
    words = " ".join(w for w in _words(gloss) if w not in ("abbr", "for", "bound", "form"))
    return bool(words) and words in english


def _syllables(text: str) -> list[str]:
    from pypinyin import lazy_pinyin  # loaded only when a bead is about to be flagged

    return lazy_pinyin(list(text))


# ---------------------------------------------------------------------------------------------------------
# Entities: pairs sharing a form, with the forms that may trigger a warning and the forms that count as present


@dataclass
class Entity:
    """One entity of the table: every form seen on each side, and the strongly paired forms that may warn,
    each with the counterpart the message names."""

    zh_forms: set[str] = field(default_factory=set)
    en_forms: set[str] = field(default_factory=set)
    zh_triggers: dict[str, str] = field(default_factory=dict)
    en_triggers: dict[str, str] = field(default_factory=dict)
    place: bool = False  # a pair of it is typed LOC: its name may begin a body's (英國|醫學協會)


def build_entities(table: EntityTable) -> list[Entity]:
    """Pairs that share a Chinese form or an English form (case-folded) become one entity."""
    pairs = [pair for pair in table if pair.zh and pair.en]
    sets = DisjointSets(len(pairs))

    owner: dict[tuple[str, str], int] = {}
    for k, pair in enumerate(pairs):
        for key in _keys(pair):
            if key in owner:
                sets.union(owner[key], k)
            else:
                owner[key] = k
    strengths = [evidence_strength(pair) for pair in pairs]
    proven = {key for pair, strength in zip(pairs, strengths, strict=True) if strength == _PROOF for key in _keys(pair)}
    clusters: dict[int, Entity] = {}
    for k, pair in enumerate(pairs):
        entity = clusters.setdefault(sets.find(k), Entity())
        entity.zh_forms.update(_zh_forms(pair))
        entity.en_forms.update(_en_forms(pair))
        entity.place = entity.place or getattr(pair, "type", None) == "LOC"
        # Co-occurrence alone warns only for a name no better-proven pair claims: 臺灣地區 ↔ Mainland Area
        # co-occurs as faithfully as 臺灣地區 ↔ Taiwan Area in a statute that names both areas in every article.
        if strengths[k] == _PROOF or (strengths[k] == _CONSISTENT and proven.isdisjoint(_keys(pair))):
            for form in _zh_forms(pair):
                entity.zh_triggers.setdefault(form, pair.en)
            if _HAN.search(pair.zh):  # a Latin name in the Chinese is not expected back from the English
                for form in _en_forms(pair):
                    entity.en_triggers.setdefault(form, pair.zh)
    return [clusters[key] for key in sorted(clusters)]


def _keys(pair: EntityPair) -> list[tuple[str, str]]:
    return [("zh", form) for form in _zh_forms(pair)] + [("en", form.casefold()) for form in _en_forms(pair)]


def _zh_forms(pair: EntityPair) -> list[str]:
    return [form for form in dict.fromkeys((pair.zh, *pair.variants)) if form.strip()]


def _en_forms(pair: EntityPair) -> list[str]:
    forms = (pair.en, *getattr(pair, "en_variants", ()))
    return [form for form in dict.fromkeys(forms) if _WORD.search(form)]


_WEAK, _CONSISTENT, _PROOF = 0, 1, 2


def evidence_strength(pair: EntityPair) -> int:
    """How strongly the evidence says ``pair`` names one entity: ``_PROOF``, a signal that is not chance (dictionary,
    composition, abbreviation, gazetteer, full romanisation, identical Latin name, ticker, a variant of a known
    pair); ``_CONSISTENT``, co-occurrence alone in nearly every mention over several beads; else ``_WEAK``.

    An entity model that rates its own pairs (a boolean ``strong`` attribute) is trusted as it is."""
    own = getattr(pair, "strong", None)
    if isinstance(own, bool):
        return _PROOF if own else _WEAK
    if pair.score < _STRONG_SCORE:
        return _WEAK
    return max((_signal_strength(label) for label in pair.evidence), default=_WEAK)


def _signal_strength(label: str) -> int:
    name, _, detail = label.partition(":")
    if name in _STRONG_SIGNALS:
        return _PROOF
    if name in _ROMANISATIONS:
        return _PROOF if _number_after(detail, "=") >= _ROMANISATION_FLOOR else _WEAK
    if name == "cooccurrence":
        dice, count = _number_after(detail, "dice="), _number_after(detail, "n=")
        return _CONSISTENT if dice >= _COOCCURRENCE_DICE and count >= _COOCCURRENCE_MIN else _WEAK
    return _WEAK


def _number_after(text: str, key: str) -> float:
    """The number following the last ``key`` in ``text`` (``dice=0.93,n=24``); 0 when there is none."""
    _, found, rest = text.rpartition(key)
    if not found:
        return 0.0
    digits = regex.match(r"[0-9.]+", rest)
    try:
        return float(digits.group()) if digits else 0.0
    except ValueError:
        return 0.0


# ---------------------------------------------------------------------------------------------------------
# Finding the forms in a bead's text


@dataclass
class _Found:
    """Entities named in one side of one bead: strictly (entity → the trigger form) and in any form."""

    strict: dict[int, str] = field(default_factory=dict)
    present: set[int] = field(default_factory=set)


@dataclass(frozen=True, slots=True)
class _Hit:
    start: int
    end: int
    entity: int
    form: str
    strict: bool  # a trigger form written as the name, not merely present


class _FormIndex:
    """Every form of every entity, indexed so that one pass over a text finds them all."""

    def __init__(self, entities: Sequence[Entity]) -> None:
        # Chinese: by first character, longest first. Entry: (form, entity, may trigger).
        self.zh: dict[str, list[tuple[str, int, bool]]] = defaultdict(list)
        # English: by first case-folded word. Entry: (words, form, entity, may trigger).
        self.en: dict[str, list[tuple[tuple[str, ...], str, int, bool]]] = defaultdict(list)
        # English stems (all words but the last exact, the last cut to _STEM letters), by first word (or stem,
        # for one word). Entry: (stem key, entity).
        self.en_stems: dict[str, list[tuple[tuple[str, ...], int]]] = defaultdict(list)
        self.places = [entity.place for entity in entities]
        for eid, entity in enumerate(entities):
            for form in entity.zh_forms:
                self.zh[form[0]].append((form, eid, form in entity.zh_triggers))
                core = _without_designator(form)
                if len(core) >= 2 and core != form and _HAN.search(core):
                    self.zh[core[0]].append((core, eid, False))
            for form in entity.en_forms:
                self._add_english(form, eid, form in entity.en_triggers)
        # each entity's English words, cut to _STEM letters: does a longer Chinese word's gloss name it?
        self.en_stems_of = [{w[:_STEM] for form in e.en_forms for w in _words(form)} for e in entities]
        for entries in self.zh.values():
            entries.sort(key=lambda entry: -len(entry[0]))

    def _add_english(self, form: str, eid: int, trigger: bool) -> None:
        words = _words(form)
        self.en[words[0]].append((words, form, eid, trigger))
        if len(words) >= 2 and words[-1] == "party":
            # "Democratic states", "Labour MPs": the party's name without "Party" is the party's adjective
            self.en[words[0]].append((words[:-1], form, eid, False))
        for demonym in _DEMONYMS.get(" ".join(words), ()):
            self.en[demonym].append(((demonym,), demonym, eid, False))
        for other in _CURRENCY_FORMS.get(" ".join(words), ()):
            other_words = tuple(other.split())
            if other_words != words:
                self.en[other_words[0]].append((other_words, other, eid, False))
        if not _is_acronym(form):
            key = (*words[:-1], words[-1][:_STEM])
            self.en_stems[key[0]].append((key, eid))

    def scan(self, zh_text: str, en_text: str) -> tuple[_Found, _Found]:
        return _found(self._chinese_hits(zh_text)), self._english(en_text)

    def _chinese_hits(self, text: str) -> list[_Hit]:
        hits = []
        zh = self.zh
        for start in [k for k, ch in enumerate(text) if ch in zh]:
            for form, eid, trigger in zh[text[start]]:
                if text.startswith(form, start) and _bounded(text, start, start + len(form), form):
                    # 中華民國九十年 is a date (the translation writes 2001), not a mention of the state
                    era = trigger and form.endswith(_ERAS) and _YEAR_AFTER.match(text, start + len(form)) is not None
                    # 行政院院長 is an office, which English names by its title alone (the Premier)
                    office = trigger and _OFFICE_AFTER.match(text, start + len(form)) is not None
                    # 英國醫學協會 (the BMA), 英國隊 (GB): the place begins a body's name, which is that body
                    body = trigger and self.places[eid] and _begins_chinese_body(text, start + len(form))
                    hits.append(_Hit(start, start + len(form), eid, form, trigger and not (era or office or body)))
        if any(_HAN.match(hit.form) for hit in hits):
            starts = _word_starts(text)
            hits = [hit for hit in hits if not _HAN.match(hit.form) or _whole_words(hit, starts)]
            hits = [self._in_longer_word(hit, text, starts) for hit in hits]
        return hits

    def _in_longer_word(self, hit: _Hit, text: str, starts: list[int]) -> _Hit:
        """A name that begins a longer word CC-CEDICT glosses without the name's English (銀河 of 銀河系
        "galaxy", 地球 of 地球物理 "geophysics") is present but warns for nothing; 美國 of 美國人 "American" still
        may (the gloss holds its stem)."""
        if not hit.strict or not _HAN.match(hit.form):
            return hit
        at = bisect_right(starts, hit.start) - 1
        word_end = starts[at + 1] if at + 1 < len(starts) else len(text)
        if word_end <= hit.end:
            return hit
        glosses = _gloss_stems(to_simplified(text[hit.start : word_end]))
        if glosses and not glosses & self.en_stems_of[hit.entity]:
            return _Hit(hit.start, hit.end, hit.entity, hit.form, False)
        return hit

    def _english(self, text: str) -> _Found:
        tokens = list(_WORD.finditer(text))
        words = [_folded(token.group()) for token in tokens]
        hits = []
        en, stems = self.en, self.en_stems
        for k in [k for k, word in enumerate(words) if word in en]:
            for form_words, form, eid, trigger in en[words[k]]:
                n = len(form_words)
                if tuple(words[k : k + n]) == form_words:
                    start, end = tokens[k].start(), tokens[k + n - 1].end()
                    strict = trigger and _written_as_name(text[start:end], form)
                    # Guangzhou Shangpin Home Collection Co., Ltd.: the place begins a company's name
                    strict = strict and not (self.places[eid] and _begins_english_body(tokens, k + n))
                    hits.append(_Hit(start, end, eid, form, strict))
        found = _found(hits)
        for k in [k for k, word in enumerate(words) if word in stems or word[:_STEM] in stems]:
            word = words[k]
            for first in (word, word[:_STEM]) if len(word) > _STEM else (word,):
                for key, eid in stems.get(first, ()):
                    n = len(key)
                    if k + n <= len(words) and (*words[k : k + n - 1], words[k + n - 1][:_STEM]) == key:
                        found.present.add(eid)
        return found


# How far a body's name may run after a place that begins it (英國|國民信託|組織, Guangzhou Shangpin … Co.).
_BODY_REACH_ZH = 8
_BODY_REACH_EN = 6
_HAN_RUN = regex.compile(r"\p{Han}+")
_CONNECTORS = frozenset({"of", "and", "for", "&"})
_LONGER_NAME_ENDS = EN_ORG_DESIGNATORS | EN_PLACE_DESIGNATORS


@lru_cache(maxsize=1)
def _chinese_body_endings() -> tuple[str, ...]:
    """Endings of bodies' names (simplified): 協會, 組織, 委員會, 公司, 集團, 隊, 黨 …; no place endings."""
    return tuple(ending for ending, kind in designator_endings() if kind == "ORG")


def _begins_chinese_body(text: str, end: int) -> bool:
    """Nouns right after a name run to a body's designator within a few characters: the name is the first word of
    that body's name (英國|醫學|協會, 英國|總工會, 英國|隊), not a mention of its own. A clause is no name (行政院|因|
    事故不能開會: 因 is no noun)."""
    run = _HAN_RUN.match(text, end)
    if run is None:
        return False
    return _nouns_to_a_body_ending(to_simplified(run.group()[:_BODY_REACH_ZH]))


@lru_cache(maxsize=16384)
def _nouns_to_a_body_ending(following: str) -> bool:
    from bitext.segment.words import tokenize

    endings = _chinese_body_endings()
    for token in tokenize(following):
        if token.tag[:1] not in _NOUN_TAGS:
            return False
        if token.simplified.endswith(endings):
            return True
    return False


# jieba's noun tags (n, nr, ns, nt, nz, ng …) and abbreviations (j): what a body's name is made of
_NOUN_TAGS = frozenset("nj")


def _begins_english_body(tokens: Sequence[regex.Match[str]], after: int) -> bool:
    """Capitalised words right after a name run to an organisation's or a place's designator (Co, Ltd, Association,
    Lake, Road, Township …): the name is the first word of that longer name (Guangzhou Shangpin Home Collection Co.,
    Ltd.; West Lake Township)."""
    for token in tokens[after : after + _BODY_REACH_EN]:
        word = token.group()
        if word.casefold() in _CONNECTORS:
            continue
        if not word[:1].isupper():
            return False
        if word.casefold() in _LONGER_NAME_ENDS:
            return True
    return False


def _found(hits: list[_Hit]) -> _Found:
    """Entities present in any form, and those named strictly by a form not inside another entity's name."""
    found = _Found(present={hit.entity for hit in hits})
    # one entity alone in the text cannot sit inside another's name: no need to compare the hits
    alone = len(found.present) == 1
    for hit in hits:
        if hit.strict and hit.entity not in found.strict and (alone or not _inside_another(hit, hits)):
            found.strict[hit.entity] = hit.form
    return found


def _inside_another(hit: _Hit, hits: list[_Hit]) -> bool:
    return any(
        other.entity != hit.entity
        and other.start <= hit.start
        and hit.end <= other.end
        and other.end - other.start > hit.end - hit.start
        for other in hits
    )


@lru_cache(maxsize=65536)
def _gloss_stems(simplified: str) -> frozenset[str]:
    """Every word of CC-CEDICT's glosses of ``simplified``, cut to _STEM letters (empty if it has none)."""
    from bitext.resources.cedict import load_cedict

    return frozenset(
        w[:_STEM] for entry in load_cedict().lookup(simplified) for gloss in entry.glosses for w in _words(gloss)
    )


def _word_starts(text: str) -> list[int]:
    """Where each of jieba's words in ``text`` starts (on a simplified copy: one character for one), and
    the text's end."""
    starts, position = [], 0
    for word in cut_words(to_simplified(text)):
        starts.append(position)
        position += len(word)
    return [*starts, position]


def _whole_words(hit: _Hit, starts: list[int]) -> bool:
    """A Chinese name is a name only where it begins a word and no word runs from inside it past its end:
    中國 is not in 開發/中/國家 (developing countries), 海地 not in 沿海地區, but 美國 is in 美國人."""
    begun = bisect_right(starts, hit.start) - 1
    if begun < 0 or starts[begun] != hit.start:
        return False
    last = bisect_right(starts, hit.end - 1) - 1  # the word holding the name's last character
    return last == begun or starts[last + 1] == hit.end


def _bounded(text: str, start: int, end: int, form: str) -> bool:
    """A Latin form inside Chinese text must not be part of a longer Latin word (US in USOC)."""
    if _LATIN_ALNUM.match(form[0]) and start > 0 and _LATIN_ALNUM.match(text[start - 1]):
        return False
    return not (_LATIN_ALNUM.match(form[-1]) and end < len(text) and _LATIN_ALNUM.match(text[end]))


def _without_designator(form: str) -> str:
    for designator in _ZH_DESIGNATORS:
        if form.endswith(designator):
            return form[: -len(designator)]
    return form


def _words(text: str) -> tuple[str, ...]:
    return tuple(_folded(word) for word in _WORD.findall(text))


def _is_acronym(form: str) -> bool:
    letters = [ch for ch in form if ch.isalpha()]
    return len(letters) >= 2 and all(ch.isupper() for ch in letters)


def _written_as_name(written: str, form: str) -> bool:
    """``HONG KONG`` and ``Hong Kong`` name Hong Kong; ``singer`` does not name Singer, nor ``Us`` the US."""
    letters = [ch for ch in written if ch.isalpha()]
    if any(ch.isupper() for ch in form) and not any(ch.isupper() for ch in letters):
        return False
    return not (_is_acronym(form) and not all(ch.isupper() for ch in letters))
