"""Pairing: link Chinese and English candidates inside each bead, then gather links into a table.

For every bead with both sides, each (Chinese candidate, English candidate) pair gets the evidence
of every signal (identical strings, CC-CEDICT, transliteration, co-occurrence, ticker anchors,
variants of already found pairs), combined as a noisy-or: independent signals that each say
"probably" together say "almost surely". Then competitive linking (Melamed 2000): the best-scored
pair in the bead is linked first and its spans are used up, so a frequent name cannot also pair
with its neighbours. Nested spans are the exception: 香港 ↔ Hong Kong may be linked inside 香港中文大學
↔ Chinese University of Hong Kong, since both nest the same way.

Two passes: the first finds pairs from the texts and the dictionary; the second also accepts
variants (商湯集團 ↔ SenseTime once 商湯 ↔ SenseTime is known) and names composed of found pairs.
"""

from __future__ import annotations

import bisect
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache

import regex

from bitext.align.beads import Alignment
from bitext.disjoint_sets import DisjointSets
from bitext.entities import abbreviation_reading as abbreviations
from bitext.entities import candidates as cand
from bitext.entities import (
    celestial,
    cited_authors,
    defined_acronyms,
    designated_places,
    dropped_designators,
    events,
    law_titles,
    list_headings,
    numbered_meetings,
    place_forms,
    spans,
    work_titles,
)
from bitext.entities.abbreviated_places import SOURCE as ABBREVIATED_PLACE
from bitext.entities.abbreviated_places import abbreviation_match as abbreviated_place_match
from bitext.entities.acronyms import SPELLED, acronym_match, acronym_spans, spelled_acronym_spans, spelled_by_glosses
from bitext.entities.bodies import cut_body_spans
from bitext.entities.candidates import Candidate
from bitext.entities.cooccurrence import Cooccurrence, count
from bitext.entities.demonyms import is_people_group
from bitext.entities.designated_places import designated_place_match
from bitext.entities.designator_pairs import DESIGNATOR_ONLY, chinese_bodies, designator_pairs
from bitext.entities.dictionary import (
    EXACT,
    PROGRAMME_WORDS,
    abbreviation_match,
    acronym_letters,
    composed_match,
    direct_match,
    gloss_heads,
    gloss_type,
    glossed_lifespan,
    initials,
    is_acronym,
    stem,
)
from bitext.entities.foreign_names import (
    best_fits,
    english_name_windows,
    fitted_spans,
    joined_pieces,
    parts_match,
)
from bitext.entities.kinds import (
    DocumentText,
    context_votes,
    document_votes,
    latin_shape_type,
    term_use,
    titled_in_name,
)
from bitext.entities.lexicon import (
    CONNECTORS,
    EN_DESIGNATORS,
    TITLES,
    designator_endings,
    is_common_english_word,
)
from bitext.entities.model import EntityPair, EntityTable, EntityType, Mention
from bitext.entities.person_pairs import person_pairs
from bitext.entities.single_words import single_word_spans
from bitext.entities.titled_names import office_surname_match, titled_surname_match
from bitext.entities.transliteration import (
    APPROXIMATE,
    NAME_SEPARATORS,
    Transliteration,
    sounds_at_least,
    transliteration,
)
from bitext.resources.cedict import load_cedict
from bitext.resources.places import fold, load_places
from bitext.script import to_simplified
from bitext.segment.words import Token

ACCEPT = 0.6
# Pair organisations left over in a bead by their designators alone (designator_pairs.py).
DESIGNATOR_PAIRS = True
# Pair titles of works by their marks (《》, quotation marks) after linking (work_titles.py).
WORK_TITLES = True
# Pair people left over in a bead by a part of the name (person_pairs.py: Kiwi Chow ↔ 周冠威).
PERSON_PAIRS = True
STRONG = 0.8
IDENTICAL = 1.0
TICKER = 0.9
# The Chinese text gives the original name in brackets right after its Chinese name.
BRACKETED = 0.9
# GeoNames gives the Chinese name of the place itself (its alternate names are curated).
GAZETTEER = 0.9
# A transliteration below this is chance resemblance (新疆 ↔ Washington scores 0.68 on skeletons).
TRANSLITERATION_FLOOR = 0.7
# transliteration caps two-consonant skeleton matches at this score
SHORT_SKELETON = 0.75
# Half-width of the diagonal band of pairs scored inside a run-on bead, in English characters.
BAND_CHARS = 2000
# Longer strings are descriptions, not names to romanise.
MAX_TRANSLITERATED_CHARS = 8
VERSION = "entities-1"


@dataclass
class BeadCandidates:
    document: int
    bead: int
    zh: list[Candidate]
    en: list[Candidate]
    # Chinese bodies found by an English designator only (designator_pairs.py): paired by nothing else
    bodies: list[Candidate] = field(default_factory=list)
    # titles of works in 《》 and in quotation marks (work_titles.py): paired by their marks, after linking;
    # a twin's are its twin's too, read only by link_bead, whose links a twin takes moved
    zh_titles: list[Candidate] = field(default_factory=list)
    en_titles: list[Candidate] = field(default_factory=list)
    # The earlier bead with the same context (collect_candidates), as (its index, then the Chinese and
    # the English shift, each (offsets, sentences), from it to this bead). A twin's lists are its twin's,
    # at the twin's offsets (only their keys are read; ``placed`` moves them); its links are the twin's moved.
    twin: tuple[int, tuple[int, int], tuple[int, int]] | None = None

    def placed(self) -> tuple[list[Candidate], list[Candidate], list[Candidate]]:
        """The Chinese, English and body candidates at this bead's own offsets."""
        if self.twin is None:
            return self.zh, self.en, self.bodies
        _, zh_shift, en_shift = self.twin
        return (
            [_shifted(c, zh_shift) for c in self.zh],
            [_shifted(c, en_shift) for c in self.en],
            [_shifted(c, zh_shift) for c in self.bodies],
        )


@dataclass(frozen=True)
class Link:
    """One linked mention pair inside one bead."""

    document: int
    bead: int
    zh: Candidate
    en: Candidate
    score: float
    evidence: tuple[str, ...]


@dataclass
class PairScorer:
    """Evidence for a pair of names; type-level signals are cached per (Chinese key, English key)."""

    stats: Cooccurrence
    learned: Mapping[str, tuple[str, float]] = field(default_factory=dict)
    # A scorer with the same ``stats`` and no learned names (the first linking pass): the signals it has
    # made for a Chinese candidate whose signals the learned names cannot change (learned_matters) are
    # this one's too, taken instead of made again.
    earlier: PairScorer | None = None
    _cache: dict[tuple[str, str, str, str, bool, bool, bool, bool, bool], tuple[tuple[str, float], ...]] = field(
        default_factory=dict
    )
    _learned_names: dict[str, str] = field(default_factory=dict, init=False)
    _parts_learned: dict[str, bool] = field(default_factory=dict, init=False)

    def __post_init__(self) -> None:
        # projected once: rebuilding it for every pair scored was pairs × learned names
        self._learned_names = {k: v[0] for k, v in self.learned.items()}

    def signals(self, zh: Candidate, en: Candidate) -> tuple[tuple[str, float], ...]:
        latin = zh.source in ("latin", "ticker")
        cache_key = (
            zh.key,
            en.key,
            zh.core,
            en.core,
            latin,
            zh.source == "glossed-tail",
            zh.source == cand.TITLED_OFFICE,
            zh.source == ABBREVIATED_PLACE,
            zh.source == abbreviations.SOURCE,
        )
        found = self._cache.get(cache_key)
        if found is None:
            if self.earlier is not None and not self.learned_matters(zh):
                found = self.earlier._cache.get(cache_key)
            if found is None:
                found = tuple(self._type_signals(zh, en, latin))
            self._cache[cache_key] = found
        if zh.source == "law-title" and not any(label.startswith("law-title:") for label, _ in found):
            return ()  # a span grown to a law's title pairs only as a title (臺灣地區|法人 is no law)
        if _SEPARATED.search(zh.key) and _COORDINATED.search(en.key):
            return ()  # 布薩·康戛爾 is one person, not "Gaza Kanjar and Vishnu Kanjar"
        if en.source == cand.INITIAL_COMMON:
            # "Fluke wrote …": a common word at a sentence start names someone only when a Chinese
            # personal name sounds like it (弗路克), or the Chinese writes it in Latin letters too ("Ring
            # also settled …" ↔ "Ring 也與 …"); no gloss or co-occurrence of the common word counts
            if latin:
                return tuple(item for item in found if item[0] == "identical")
            if zh.source not in _PERSONAL_SOURCES:
                return ()
            return tuple(
                (label, score) for label, score in found if label.split(":")[0] in _SOUND_LABELS and score >= STRONG
            )
        return found

    def _type_signals(self, zh: Candidate, en: Candidate, latin: bool) -> Iterable[tuple[str, float]]:
        if zh.source == ABBREVIATED_PLACE:
            # 中 of 中俄 ↔ China: only the country the character abbreviates, not "Chinese" or "Middle"
            found = abbreviated_place_match(zh.key, en.key)
            if found is not None:
                yield found
            return
        if zh.source == cand.TITLED_OFFICE:
            # 蔡|總統 ↔ President Tsai: the lone surname pairs only with its exact spelling
            found = office_surname_match(zh.key, en.key)
            if found is not None:
                yield found
            return
        if zh.source == cand.LATIN_DESIGNATED:
            # ADT 公司 ↔ ADT Corporation: the same Latin name, a body's designator after it on both sides
            words = en.key.split(" ")
            core = zh.core.split(" ")
            says = cand.LATIN_BODY_ENDINGS[zh.key[len(zh.core) + 1 :]]
            if (
                len(words) > len(core)
                and _fold(" ".join(words[: len(core)])) == _fold(zh.core)
                and all(w.casefold().rstrip(",") in says for w in words[len(core) :])
            ):
                yield f"latin-designated:{zh.core}", IDENTICAL
            return
        if latin:
            if _fold(zh.key) == _fold(en.key):
                yield "identical", IDENTICAL
            return
        direct = direct_match(zh.key, en.key) or abbreviation_match(zh.key, en.key) or acronym_match(zh.key, en.key)
        if direct is not None and not _common_noun_translated(zh, en):
            yield direct.evidence, direct.score
        else:
            composed = composed_match(zh.key, en.key, self._learned_names, zh.source == "glossed-tail")
            if composed is not None:
                yield composed.evidence, composed.score
            elif is_acronym(en.key):
                spelled = spelled_by_glosses(zh.key, en.key)
                if spelled is not None:
                    yield f"spelled:{spelled}", SPELLED  # 新民主黨 ↔ NDP: new + Democratic Party
            elif zh.source == abbreviations.SOURCE and (read := _abbreviation_read(zh.key, en.key)) is not None:
                yield read, abbreviations.READ_ABBREVIATION  # 深交所 ↔ Shenzhen Stock Exchange
            else:
                dropped = dropped_designators.dropped_designator_match(zh.key, en.key)
                if dropped is not None:
                    yield dropped, dropped_designators.DROPPED  # 保守黨 ↔ Conservative (party)
                else:
                    national = dropped_designators.country_dropped_match(zh.key, en.key)
                    if national is not None:
                        yield national, dropped_designators.COUNTRY_DROPPED  # 美國國會 ↔ Congress
        title = law_titles.title_match(zh.key, en.key)
        if title is not None:
            yield title
        places = load_places()
        if fold(en.key) in places.chinese.get(zh.key, ()):
            yield f"geonames:{fold(en.key)}", GAZETTEER
        if len(zh.key) <= MAX_TRANSLITERATED_CHARS and en.key.count(" ") < 4:
            # the full comparison only for a pair that reaches the floor (sounds_at_least tells it cheaper)
            sounds = sounds_at_least(zh.key, en.key, TRANSLITERATION_FLOOR)
            match = transliteration(zh.key, en.key) if sounds else None
            if (
                match is not None
                and match.score >= TRANSLITERATION_FLOOR
                and not _chance_sound(match, en)
                and not (match.system in APPROXIMATE and is_acronym(en.key))  # 二人 ↔ NPM (n|pm): letters, not sounds
                and not _designator_sounded(zh.key, en.key)
            ):
                yield match.evidence, match.score
        for found in (
            celestial.body_match(zh.key, en.key),
            place_forms.exonym_match(zh.key, en.key),
            place_forms.dynasty_match(zh.key, en.key),
            place_forms.modified_place_match(zh.key, en.key, self.learned),
            titled_surname_match(zh.key, en.key),
        ):
            if found is not None:
                yield found
        place = designated_place_match(zh.key, en.key, self.learned)
        if place is not None:
            yield place[1], place[0]
        if _SEPARATED.search(zh.key):
            parts = parts_match(zh.key, en.key)
            if parts is not None and parts.score >= TRANSLITERATION_FLOOR:
                yield parts.evidence, parts.score
        strength = self.stats.strength(zh.key, en.key)
        if strength > 0 and not _gloss_names_another(zh.key, en.key):
            dice = self.stats.dice(zh.key, en.key)
            yield f"cooccurrence:dice={dice:.2f},n={self.stats.joint[zh.key, en.key]}", strength
        yield from self._variant_signals(zh, en)

    def learned_matters(self, zh: Candidate) -> bool:
        """Whether the learned names can change any signal of ``zh``: its core is a learned name
        (variant-of), or a part of it is. The signals that read learned names read only these parts:
        composed_match any part of up to eight characters, modified_place_match the name after its
        first character, designated_place_match the name before its designator (a leading part).
        Every other signal is the same with or without them."""
        if not self.learned or zh.source in ("latin", "ticker"):
            return False
        if zh.core and zh.core in self.learned:
            return True
        found = self._parts_learned.get(zh.key)
        if found is None:
            key = zh.key
            known = self._learned_names
            found = (
                key[1:] in known
                or any(key[:end] in known for end in range(1, len(key)))
                or any(
                    key[start:end] in known
                    for start in range(len(key))
                    for end in range(start + 1, min(len(key), start + 8) + 1)
                    if end - start < len(key)
                )
            )
            self._parts_learned[key] = found
        return found

    def _variant_signals(self, zh: Candidate, en: Candidate) -> Iterable[tuple[str, float]]:
        """商湯集團 ↔ SenseTime when 商湯 ↔ SenseTime is known: the Chinese adds a designator the English
        leaves out. (Not the other way round: Hong Kong Island is not 香港.)"""
        if zh.core:
            known = self.learned.get(zh.core)
            if known is not None and known[0] == en.key:
                yield f"variant-of:{zh.core}", known[1]


_PERSONAL_SOURCES = frozenset({"pos:nr", "pos:nrt", "pos:nrfg", "separated"})
_SOUND_LABELS = frozenset({"pinyin", "wade-giles", "cantonese", "skeleton", "learned", "parts"})


def _abbreviation_read(zh: str, en: str) -> str | None:
    return abbreviations.abbreviation_reading(zh, en) if abbreviations.ABBREVIATION_READING else None


def _gloss_names_another(zh: str, en: str) -> bool:
    """行政院 is glossed "Executive Yuan": co-occurring with the Legislative Yuan (the two are named
    together in every article) does not make it that. True when a gloss head is another name of the
    same kind (same last word, a designator) as the English."""
    words = en.casefold().split()
    heads = [head.split() for head in gloss_heads(zh)]
    if len(words) == 1:
        # "Legislative" (of Legislative Yuan) for 行政院 "Executive Yuan": a body's gloss without the word
        named = [h for h in heads if len(h) >= 2 and h[-1] in EN_DESIGNATORS]
        return bool(named) and not any(words[0] in h for h in named)
    if words[-1] not in EN_DESIGNATORS:
        return False
    return any(h != words and len(h) >= 2 and h[-1] == words[-1] for h in heads)


def _common_noun_translated(zh: Candidate, en: Candidate) -> bool:
    """太監 ↔ Palace Eunuch, 龍袍 ↔ Dragon Robe: a translator capitalised the translation of a word
    CC-CEDICT knows only as a common noun; no name unless the English is an institution's (立法會 ↔
    Legislative Council, 參議院 ↔ Senate) or the span was proposed as a one-word name."""
    if zh.source in ("single-word", "latin", "ticker") or " " not in en.key:
        return False
    if any(word.casefold() in EN_DESIGNATORS for word in en.key.split()):
        return False
    entries = load_cedict().lookup(zh.key)
    return bool(entries) and not any(entry.is_proper_noun for entry in entries)


_SEPARATED = regex.compile(f"[{NAME_SEPARATORS}]")
_COORDINATED = regex.compile(r"\s(?:and|&)\s")


def _chance_sound(match: Transliteration, en: Candidate) -> bool:
    """Two consonants alike is chance when the English is a common word (三公 ↔ "Son" of Son of Heaven)."""
    return match.system in APPROXIMATE and match.score <= SHORT_SKELETON and is_common_english_word(en.key)


def _designator_alone(zh_key: str) -> bool:
    """A body's designator of two or more characters with no name before it (有限公司, 委員會): a
    dictionary span may cover it for the English's "Corporation Limited", but alone it names nothing.
    (Not candidates._only_designators, which also drops runs of designators: 科技學院, a faculty, is a name.)"""
    return zh_key in _org_endings()


@cache
def _org_endings() -> frozenset[str]:
    """Simplified body designators of two or more characters (公司, 委员会, 有限公司)."""
    return frozenset(e for e, kind in designator_endings() if kind == "ORG" and len(e) >= 2)


def _designator_sounded(zh_key: str, en_key: str) -> bool:
    """The Chinese ends in a body's designator of two or more characters (公司, 醫院, 大學) that the
    English does not translate: a designator is translated, never transcribed, so a sound match of the
    whole string is chance (港鐵公司 ↔ "Cantonese" of a Hansard speaker's "(in Cantonese)")."""
    if not any(zh_key.endswith(e) and len(e) < len(zh_key) for e in _org_endings()):
        return False
    return not any(word.lower() in EN_DESIGNATORS for word in en_key.split())


_NOT_ALPHANUMERIC = regex.compile(r"[^\p{L}\p{N}]")


def _fold(text: str) -> str:
    return _NOT_ALPHANUMERIC.sub("", text).lower()


def combine(strengths: Iterable[float]) -> float:
    """Noisy-or of independent signals."""
    remaining = 1.0
    for strength in strengths:
        remaining *= 1.0 - min(1.0, max(0.0, strength))
    return 1.0 - remaining


# ---------------------------------------------------------------- candidates per bead


def collect_candidates(alignments: Sequence[Alignment]) -> list[BeadCandidates]:
    """Candidates of every aligned bead (both sides non-empty) of every document.

    A bead whose text, with what stands around it, repeats an earlier bead of its document
    (``_bead_context``) shares that bead's candidates (``twin``; its links are that bead's, moved to
    its offsets) instead of searching again: every search reads only its document's context and the
    text near its bead."""
    collected: list[BeadCandidates] = []
    for number, alignment in enumerate(alignments):
        en_words = cand.english_sentence_words(alignment.en)
        capitalised, terms = cand.english_document_context(alignment.en, en_words)
        zh_doc = alignment.zh
        seen: dict[tuple[object, ...], tuple[int, int, int, int, int]] = {}
        for bead_number, bead in enumerate(alignment.beads):
            if not bead.is_aligned:
                continue
            context = _bead_context(alignment, bead.zh, bead.en) if MEMO else None
            if context is not None:
                key, zh_origin, en_origin = context
                earlier = seen.get(key)
                if earlier is not None:
                    twin, zh_at, en_at, zh_first, en_first = earlier
                    zh_shift = (zh_origin - zh_at, bead.zh[0] - zh_first)
                    en_shift = (en_origin - en_at, bead.en[0] - en_first)
                    collected.append(_moved(collected[twin], number, bead_number, twin, zh_shift, en_shift))
                    continue
                seen[key] = (len(collected), zh_origin, en_origin, bead.zh[0], bead.en[0])
            tokens = {i: cand.sentence_tokens(zh_doc, i) for i in bead.zh}
            zh = [
                c
                for i in bead.zh
                for c in cand.chinese_candidates(zh_doc, i, tokens=tokens[i])
                if not (c.source == "latin" and c.key in terms)
            ]
            en = [c for i in bead.en for c in cand.english_candidates(alignment.en, i, capitalised, terms, en_words[i])]
            en += [c for i in bead.en for c in cand.initial_common_words(alignment.en, i, capitalised, en_words[i])]
            en = cand.unique(en + [c for i in bead.en for c in events.event_phrases(alignment.en, i)])
            if NUMBERED_MEETINGS:
                # 十九大 ↔ 19th CPC National Congress: Chinese congresses only where the English numbers one
                meetings = [c for i in bead.en for c in numbered_meetings.english_meetings(alignment.en, i)]
                numbers = {n for n in map(numbered_meetings.number_of, meetings) if n is not None}
                en = cand.unique(meetings + en)  # first: a spelled ordinal also starts a capitalised run
                if numbers:
                    # first: the span may also be a tagged word (二十大 nrt), and the first of equal spans is kept
                    zh = [c for i in bead.zh for c in numbered_meetings.chinese_meetings(zh_doc, i, numbers)] + zh
            en = cand.unique(en + designated_places.english_designated(alignment.en, en))
            en = cand.unique(en + law_titles.english_titles(alignment.en.text, en))
            en = cand.unique(en + cand.latin_copies(alignment.en, bead.en, zh))
            en = cand.unique(en + defined_acronyms.english_long_forms(alignment.en, bead.en))
            zh_heads, en_heads = list_headings.headings(
                zh_doc.text,
                [(i, zh_doc.sentence_offsets[i]) for i in bead.zh],
                alignment.en.text,
                [(i, alignment.en.sentence_offsets[i]) for i in bead.en],
            )
            zh += zh_heads
            en = cand.unique(en + en_heads)
            # a common word at a sentence start pairs by sound with a Chinese name already found: no search
            names = [c for c in en if c.source not in ("ticker", cand.INITIAL_COMMON)]
            windows = [
                w
                for i in bead.zh
                for w in english_name_windows(
                    tokens[i], zh_doc.text, [c for c in zh if c.sentence == i], names, alignment.en.text
                )
            ]
            if windows:
                en = cand.unique(en + windows)
                names = [c for c in en if c.source not in ("ticker", cand.INITIAL_COMMON)]
            zh_extent = (zh_doc.sentence_offsets[bead.zh[0]][0], zh_doc.sentence_offsets[bead.zh[-1]][1])
            bodies: list[Candidate] = []
            for i in bead.zh:
                found = spans.bracketed_spans(tokens[i], zh_doc.text, i)
                found += defined_acronyms.chinese_long_forms(tokens[i], zh_doc.text, i)
                here = [c for c in zh if c.sentence == i]
                for window, near_names in _search_windows(tokens[i], names, zh_extent):
                    found += spans.romanised_spans(window, zh_doc.text, near_names, i)
                    found += spans.dictionary_spans(window, zh_doc.text, near_names, i)
                    found += acronym_spans(window, zh_doc.text, near_names, i)
                    found += spelled_acronym_spans(window, zh_doc.text, near_names, i)
                    found += dropped_designators.chinese_spans(window, zh_doc.text, near_names, i)
                    found += spans.gazetteer_spans(window, zh_doc.text, near_names, i)
                    found += spans.grown_by_sound(window, zh_doc.text, here, near_names, i)
                    found += single_word_spans(window, zh_doc.text, near_names, i, capitalised)
                    found += events.designated_event_spans(window, zh_doc.text, near_names, i)
                    found += cut_body_spans(window, zh_doc.text, near_names, i)
                    found += fitted_spans(window, zh_doc.text, here, near_names, i)
                    found += designated_places.chinese_spans(window, zh_doc.text, near_names, i)
                    found += celestial.chinese_spans(window, zh_doc.text, near_names, i)
                    found += law_titles.chinese_spans(window, zh_doc.text, near_names, i)
                    if DESIGNATOR_PAIRS:
                        bodies += chinese_bodies(window, zh_doc.text, near_names, i)
                found += cited_authors.chinese_spans(tokens[i], zh_doc.text, en, alignment.en.text, i)
                found += joined_pieces(tokens[i], zh_doc.text, i)  # last: a tagged source of a span wins
                zh += cand.grown(zh_doc, tokens[i], found)
            zh += place_forms.places_inside(zh, zh_doc.text)
            zh_titles = [
                t for i in bead.zh for t in work_titles.chinese_titles(zh_doc.text, *zh_doc.sentence_offsets[i], i)
            ]
            en_doc = alignment.en
            en_titles = [
                t
                for i in bead.en
                for find in (work_titles.english_titles, work_titles.english_law_titles)
                for t in find(en_doc.text, *en_doc.sentence_offsets[i], i)
            ]
            collected.append(
                BeadCandidates(
                    number,
                    bead_number,
                    [c for c in cand.unique(zh) if not _designator_alone(c.key)],
                    en,
                    cand.unique(bodies),
                    zh_titles=zh_titles,
                    en_titles=en_titles,
                )
            )
    _add_known_prefixes(alignments, collected)
    return collected


# Congresses named by their number on both sides (numbered_meetings.py); off: the base's behaviour.
NUMBERED_MEETINGS = True
# Beads with equal context share their candidates and links (collect_candidates); off: every bead searched.
MEMO = True
# What a bead's searches may read around its sentences: the rest of their lines (a law title runs on
# to a line's end at most) and this many characters beyond (a bracket or a ticker after a name).
CONTEXT_MARGIN = 64
# A bead in a line longer than this is searched anew (its context would be long to compare).
CONTEXT_MAX_CHARS = 4000


def _bead_context(
    alignment: Alignment, zh_sentences: Sequence[int], en_sentences: Sequence[int]
) -> tuple[tuple[object, ...], int, int] | None:
    """What a bead's candidates are made from, as a key equal for beads with equal candidates up to a
    shift of offsets, with the offset of each side's context; None in a long line."""
    zh = _side_context(alignment.zh.text, alignment.zh.sentence_offsets, zh_sentences)
    en = _side_context(alignment.en.text, alignment.en.sentence_offsets, en_sentences)
    if zh is None or en is None:
        return None
    return (zh[0], en[0]), zh[1], en[1]


def _side_context(
    text: str, offsets: Sequence[tuple[int, int]], sentences: Sequence[int]
) -> tuple[tuple[object, ...], int] | None:
    start, end = offsets[sentences[0]][0], offsets[sentences[-1]][1]
    floor = max(0, start - CONTEXT_MAX_CHARS)
    low = text.rfind("\n", floor, start)
    if low < 0:
        if floor > 0:
            return None
        low = 0
    ceiling = min(len(text), end + CONTEXT_MAX_CHARS)
    high = text.find("\n", end, ceiling)
    if high < 0:
        if ceiling < len(text):
            return None
        high = len(text)
    low, high = max(0, low - CONTEXT_MARGIN), min(len(text), high + 1 + CONTEXT_MARGIN)
    relative = tuple((offsets[i][0] - low, offsets[i][1] - low) for i in sentences)
    # where the text starts or ends, a search reads nothing beyond: part of the key
    return (text[low:high], relative, low == 0, high == len(text)), low


def _moved(
    earlier: BeadCandidates, document: int, bead: int, twin: int, zh_shift: tuple[int, int], en_shift: tuple[int, int]
) -> BeadCandidates:
    """A bead with the same context as an earlier one: its candidates are the earlier one's (``twin``;
    every list field shared, whatever fields BeadCandidates has)."""
    return replace(earlier, document=document, bead=bead, twin=(twin, zh_shift, en_shift))


def _shifted(candidate: Candidate, shift: tuple[int, int]) -> Candidate:
    c = candidate
    return Candidate(
        c.start + shift[0], c.end + shift[0], c.text, c.key, c.sentence + shift[1], c.source, c.hint, c.core
    )


def _search_windows(
    tokens: Sequence[Token], names: Sequence[Candidate], zh_extent: tuple[int, int]
) -> list[tuple[Sequence[Token], list[Candidate]]]:
    """Where the English-side span searches look for each English name: the whole sentence, except in
    a run-on bead (names over more than BAND_CHARS English characters), where each name is searched
    only in the Chinese tokens near its place on the diagonal (see _diagonal_band), so the search
    grows with the bead's length, not its square."""
    if not names:
        return [(tokens, [])]
    en_lo, en_hi = min(c.start for c in names), max(c.end for c in names)
    en_span = en_hi - en_lo
    if en_span <= BAND_CHARS or not tokens:
        return [(tokens, list(names))]
    band = BAND_CHARS / en_span
    zh_lo, zh_hi = zh_extent
    zh_span = max(1, zh_hi - zh_lo)
    starts = [t.start for t in tokens]
    windows = []
    for name in names:
        middle = (name.start - en_lo) / en_span
        low = bisect.bisect_left(starts, zh_lo + (middle - band) * zh_span)
        high = bisect.bisect_right(starts, zh_lo + (middle + band) * zh_span)
        windows.append((tokens[low:high], [name]))
    return windows


def _add_known_prefixes(alignments: Sequence[Alignment], beads: list[BeadCandidates]) -> None:
    """A candidate that starts with a name found elsewhere (商湯 in 商湯集團股份有限公司) yields it too."""
    known = frozenset(c.key for bead in beads for c in bead.zh if c.source not in ("latin", "ticker"))
    for bead in beads:
        if bead.twin is not None:  # its twin, earlier in the list, has its prefixes already
            bead.zh = beads[bead.twin[0]].zh
            continue
        doc = alignments[bead.document].zh
        extra = [n for c in bead.zh if c.source not in ("latin", "ticker") for n in cand.known_prefixes(doc, c, known)]
        bead.zh = cand.unique(bead.zh + extra)


def cooccurrence(beads: Sequence[BeadCandidates]) -> Cooccurrence:
    return count(([c.key for c in b.zh], [c.key for c in b.en]) for b in beads)


# ---------------------------------------------------------------- linking


def link_bead(bead: BeadCandidates, scorer: PairScorer, text_of: Mapping[int, tuple[str, str]]) -> list[Link]:
    """Competitive linking of one bead's candidates: best pair first, spans used up as they link."""
    zh_text, en_text = text_of[bead.document]
    proposals = []
    near = _diagonal_band(bead)
    # What follows each name (a ticker, an original name in brackets) is read once per name, not per pair.
    names = [en for en in bead.en if en.source != "ticker"]
    en_tickers = [_ticker_after(en_text, en.end) for en in names]
    en_folded = [_fold(en.key) for en in names]
    en_acronyms = [defined_acronyms.defined_by(en_text, en.start, en.end) for en in names]
    en_years = [cited_authors.year_after(en_text, en.end, False) for en in names]
    en_items = [list_headings.item_of_english(en_text, en) for en in names]
    for zh in bead.zh:
        if zh.source == "ticker":
            continue  # tickers anchor the names beside them (see _ticker_after); they are not pairs
        zh_ticker = _ticker_after(zh_text, zh.end)
        bracketed = _bracketed_after(zh, zh_text)
        zh_acronym = defined_acronyms.acronym_after(zh_text, zh.end) if zh.source != "latin" else ""
        zh_year = cited_authors.year_after(zh_text, zh.end, True) if zh.source != "latin" else ""
        zh_item = list_headings.item_of_chinese(zh_text, zh) if zh.source != "latin" else None
        for en, en_ticker, folded, en_acronym, en_year, en_item in zip(
            names, en_tickers, en_folded, en_acronyms, en_years, en_items, strict=True
        ):
            if not near(zh, en):
                continue
            signals = list(scorer.signals(zh, en))
            if zh_item is not None and zh_item == en_item:
                # 一、警政署：… ↔ 1. National Police Agency: … (list_headings.py)
                signals.append((f"list-heading:{zh_item}", list_headings.HEADING))
            if zh_ticker and zh_ticker == en_ticker:
                signals.append((f"ticker:{zh_ticker}", TICKER))
            if bracketed is not None and bracketed == folded:
                signals.append(("bracketed", BRACKETED))
            if zh_acronym and zh_acronym == en_acronym and defined_acronyms.is_body_pair(zh.key, en.key):
                # 美國地理調查協會 (USGS) ↔ United States Geological Survey (USGS): the text defines both
                signals.append((f"same-acronym:{zh_acronym}", defined_acronyms.SAME_ACRONYM))
            if NUMBERED_MEETINGS and numbered_meetings.same_number(zh, en):
                signals.append((f"same-number:{numbered_meetings.number_of(zh)}", numbered_meetings.SAME_NUMBER))
            if zh_year and zh_year == en_year:
                # 安琪兒（2006年） ↔ Angel (2006): an author cited with the same year; the year makes a weaker
                # sound count (a common word's learned spelling is otherwise chance: _chance_sound)
                sound = transliteration(zh.key, en.key)
                if sound is not None and sound.score >= cited_authors.SOUND_FLOOR:
                    if sound.evidence not in (label for label, _ in signals):
                        signals.append((sound.evidence, sound.score))
                    signals.append((f"cited-year:{zh_year}", cited_authors.CITED_YEAR))
            if not signals:
                continue
            score = combine(s for _, s in signals)
            if score >= ACCEPT:
                proposals.append((score, zh, en, tuple(label for label, _ in signals)))
    proposals = best_fits(proposals)
    # Strong pairs (score ≥ STRONG) rank as equals and the longer goes first, so 牛津大學 ↔ University of
    # Oxford beats 牛津大學 ↔ Oxford and the nested 牛津 ↔ Oxford can still link inside it. Among equals,
    # a standalone mention goes before one nested in a longer name (互聯網 ↔ the "Internet" of "Internet
    # users", not the one inside "China Internet Network Information Center").
    proposals.sort(
        key=lambda p: (
            -round(min(p[0], STRONG), 6),
            # a numbered list's heading pairs with the same item's heading before a longer gloss (一、警政署：
            # … ↔ 1. National Police Agency: …, not 全國警察機關 later in the item)
            not any(label.startswith("list-heading:") for label in p[3]),
            # 卡潘內多 (Carpanedo): the Chinese name, not its Latin copy (an acronym's long form still
            # goes first: 美國地質調查局 ↔ United States Geological Survey, then USGS joins its row)
            "bracketed" not in p[3] or is_acronym(p[2].key),
            # a reading or the dictionary before co-occurrence alone (金門 ↔ Kinmen before 馬祖 ↔ Kinmen:
            # places listed together co-occur as much as the right pair)
            _cooccurrence_only(p[3]),
            # a name spelt exactly before a longer one spelt with characters left over: 蘭越峯 ↔ Lan Yuefeng, not
            # jieba's 蘭越峯訴 ("Lan Yuefeng sues", pinyin 0.83) around it
            _only_inexact_romanisation(p[3]),
            -(len(p[1].key) + len(p[2].key)),
            (p[1].source == "nested") + (p[2].source == "nested"),
            p[1].start,
            p[2].start,
        )
    )
    links: list[Link] = []
    for score, zh, en, evidence in proposals:
        if all(_compatible(zh, en, link) for link in links):
            links.append(Link(bead.document, bead.bead, zh, en, round(score, 4), evidence))
    if DESIGNATOR_PAIRS:
        linked = [(link.zh, link.en) for link in links]
        for zh, en, label in designator_pairs(cand.unique(bead.zh + bead.bodies), names, linked):
            links.append(Link(bead.document, bead.bead, zh, en, DESIGNATOR_ONLY, (label,)))
    if PERSON_PAIRS:
        linked = [(link.zh, link.en) for link in links]
        for zh, en, label in person_pairs(bead.zh, names, linked):
            links.append(Link(bead.document, bead.bead, zh, en, DESIGNATOR_ONLY, (label,)))
    en_titles = bead.en_titles
    if WORK_TITLES and bead.zh_titles and all(t.source == "law-title" for t in en_titles):
        # English often writes a title unquoted ("shows such as Taxi, Cheers, and …"): the bead's outermost
        # capitalised names no link touches stand in for quoted titles (paired only if as many as the
        # Chinese titles left over); laws written without quotes are titles already (work_titles)
        unquoted = work_titles.unquoted_titles(names, [k.en for k in links])
        en_titles = en_titles + [t for t in unquoted if not any(t.overlaps(law) for law in en_titles)]
    if WORK_TITLES and bead.zh_titles and en_titles:
        pairs, replaced = work_titles.title_pairs(bead.zh_titles, en_titles, [(k.zh, k.en) for k in links])
        widened = [links[k] for k in replaced]
        links = [link for k, link in enumerate(links) if k not in replaced]
        for zh, en in pairs:
            old = next((w for w in widened if en.contains(w.en) and zh.contains(w.zh)), None)
            score, evidence = (old.score, old.evidence) if old else (DESIGNATOR_ONLY, ())
            links.append(Link(bead.document, bead.bead, zh, en, score, (*evidence, "work-title")))
    return links


_ROMANISATION = regex.compile(r"(?:pinyin|wade-giles|cantonese):[^=]*=(?P<score>[0-9.]+)")
# An approximate sound (a consonant skeleton, a learned spelling) is inexact whatever it scores.
_APPROXIMATE_SOUND = regex.compile(r"(?:skeleton|learned):[^=]*=(?P<score>[0-9.]+)")
# Approximate sounds rank with inexact romanisations (_only_inexact_romanisation); off: the base's.
APPROXIMATE_SOUNDS_LAST = True


def _only_inexact_romanisation(evidence: Sequence[str]) -> bool:
    """The pair's only evidence is a romanisation that leaves something over (蘭越峯訴 ↔ Lan Yuefeng, 0.83),
    or an approximate sound: 政協 ↔ "Chinese" (skeleton 0.90) goes after 政協 ↔ CPPCC (CC-CEDICT), which
    the longer English would otherwise put second."""
    found = [_inexact_sound(label) for label in evidence]
    return all(m is not None and float(m["score"]) < 1.0 for m in found) and bool(found)


def _inexact_sound(label: str) -> regex.Match[str] | None:
    found = _ROMANISATION.fullmatch(label)
    if found is None and APPROXIMATE_SOUNDS_LAST:
        found = _APPROXIMATE_SOUND.fullmatch(label)
    return found


def _link_beads(
    beads: Sequence[BeadCandidates],
    scorer: PairScorer,
    text_of: Mapping[int, tuple[str, str]],
    before: Sequence[list[Link]] | None = None,
) -> list[list[Link]]:
    """``link_bead`` of every bead. A bead with a twin (collect_candidates) takes its twin's links,
    moved to its own offsets; with ``before`` (the first pass's links), a bead none of whose Chinese
    candidates the learned names can affect keeps its links from before."""
    found: list[list[Link]] = []
    for number, bead in enumerate(beads):
        if bead.twin is not None and before is not None and found[bead.twin[0]] is before[bead.twin[0]]:
            found.append(before[number])  # its twin kept its links from before: they are what moving them gives
        elif bead.twin is not None:
            twin, zh_shift, en_shift = bead.twin
            found.append(
                [
                    Link(
                        bead.document,
                        bead.bead,
                        _shifted(link.zh, zh_shift),
                        _shifted(link.en, en_shift),
                        link.score,
                        link.evidence,
                    )
                    for link in found[twin]
                ]
            )
        elif before is not None and not any(map(scorer.learned_matters, bead.zh)):
            found.append(before[number])
        else:
            found.append(link_bead(bead, scorer, text_of))
    return found


def _diagonal_band(bead: BeadCandidates) -> Callable[[Candidate, Candidate], bool]:
    """Inside a very long bead (a paragraph the splitter could not cut), a name and its translation
    sit at about the same relative place: only pairs within BAND_CHARS English characters of the
    diagonal are scored, so the pairs grow with the bead's length, not its square. Beads whose
    names span at most BAND_CHARS English characters (all but run-on ones) keep every pair."""
    if not bead.zh or not bead.en:
        return lambda zh, en: True
    zh_lo, zh_hi = min(c.start for c in bead.zh), max(c.end for c in bead.zh)
    en_lo, en_hi = min(c.start for c in bead.en), max(c.end for c in bead.en)
    en_span = en_hi - en_lo
    if en_span <= BAND_CHARS:
        return lambda zh, en: True
    band = BAND_CHARS / en_span
    zh_span = max(1, zh_hi - zh_lo)

    def near(zh: Candidate, en: Candidate) -> bool:
        return abs((zh.start - zh_lo) / zh_span - (en.start - en_lo) / en_span) <= band

    return near


def _compatible(zh: Candidate, en: Candidate, link: Link) -> bool:
    """Disjoint on both sides, or strictly nested the same way on both sides."""
    if not zh.overlaps(link.zh) and not en.overlaps(link.en):
        return True
    inside = _strictly_inside(zh, link.zh) and _strictly_inside(en, link.en)
    outside = _strictly_inside(link.zh, zh) and _strictly_inside(link.en, en)
    return inside or outside


def _strictly_inside(inner: Candidate, outer: Candidate) -> bool:
    return outer.contains(inner) and (inner.start, inner.end) != (outer.start, outer.end)


_LATIN_AFTER = regex.compile(r"\s*[（(]\s*([A-Za-z][^()（）]{0,40}?)\s*[)）]")
# a title's original after its closing mark: 《歡樂合唱團》(Glee) (spans.WHOLE_BRACKETED_NAMES)
_LATIN_AFTER_TITLE = regex.compile(r"》\s*[（(]\s*([A-Za-z][^()（）]{0,40}?)\s*[)）]")


def _bracketed_after(zh: Candidate, zh_text: str) -> str | None:
    """The Latin name in brackets right after a Chinese name, folded, or None: the pair is
    "bracketed" when it is the English name folded alike (卡潘內多 (Carpanedo))."""
    if zh.source in ("latin", "ticker"):
        return None
    match = _LATIN_AFTER.match(zh_text, zh.end)
    if match is None and spans.WHOLE_BRACKETED_NAMES:
        match = _LATIN_AFTER_TITLE.match(zh_text, zh.end)
    return None if match is None else _fold(match.group(1))


_TICKER_AFTER = regex.compile(r"\s*[（(]\s*([0-9A-Z]{1,6}\.[A-Z]{1,4})\s*[)）]")


def _ticker_after(text: str, end: int) -> str:
    """The ticker in brackets right after offset ``end`` of ``text``, or "": a pair whose names are
    both followed by the same ticker shares it ("商湯集團股份有限公司（0020.HK）")."""
    match = _TICKER_AFTER.match(text, end)
    return match.group(1) if match else ""


def learn(links: Iterable[Link]) -> dict[str, tuple[str, float]]:
    """Per Chinese name, the English name it links to most (by summed score), with its mean score."""
    totals: dict[str, Counter[str]] = defaultdict(Counter)
    counts: dict[tuple[str, str], int] = Counter()
    for link in links:
        totals[link.zh.key][link.en.key] += link.score
        counts[link.zh.key, link.en.key] += 1
    learned = {}
    for zh, scores in totals.items():
        en, total = max(scores.items(), key=lambda item: (item[1], item[0]))
        learned[zh] = (en, round(total / counts[zh, en], 4))
    return learned


# ---------------------------------------------------------------- the table


def build_table(
    links: Sequence[Link],
    learned: Mapping[str, tuple[str, float]],
    settings: dict[str, str],
    texts: tuple[str, str] | None = None,
) -> EntityTable:
    """Gather one document's links into pairs; variants (商湯集團, 商湯科技) join their core's pair.
    ``texts`` (the document's Chinese and English) let the words beside each mention vote on its type."""
    groups: dict[tuple[str, str], list[Link]] = defaultdict(list)
    for link in _outermost_links(links):
        groups[_canonical_key(link, learned)].append(link)
    document = DocumentText.of(*texts) if texts is not None else None
    if texts is not None:
        groups = _bracketed_aliases(groups, *texts)
    pairs = [_entity(cluster, document) for cluster in cluster_keys(groups)]
    # 法國 ↔ French alone is an adjective, not the place: no row (beside 法國 ↔ France it is a variant)
    pairs = [p for p in pairs if not all(_adjective_of_place(p.zh, en) for en in p.en_variants)]
    if PARTY_ADJECTIVES and document is not None:
        # 共和黨 ↔ Republican / Republicans, 民主黨 ↔ Democratic: the party's adjective or its members, not the party
        pairs = [p for p in pairs if not _party_adjective_only(p, document.en)]
    # 納粹 ↔ Nazis: a people, not a place or a person
    pairs = [p for p in pairs if not all(is_people_group(to_simplified(p.zh), en) for en in p.en_variants)]
    pairs = _without_taken_cooccurrence(pairs)
    pairs = _titled_into_full_names(pairs, document.en if document is not None else "")
    if document is not None:
        # 羅士比 ↔ Rossby only in "Rossby number": a term named after him, not the man
        pairs = [p for p in pairs if not all(term_use(document.en, m.en_start, m.en_end) for m in p.mentions)]
        # 互聯網 ↔ Internet, 曾祖母 ↔ Great-Grandma: a capitalised run of words the same English also
        # writes in lower case ("internet market", "my grandma") is common nouns, not a name
        pairs = [p for p in pairs if not (p.type == "MISC" and _common_words_in(p.en, document.en))]
    if document is not None:
        # 土木工程 ↔ Civil Engineering in "Bachelor of Science in Civil Engineering": a field of study
        pairs = [p for p in pairs if not (p.type == "MISC" and _field_of_study(p, document.en))]
    # 最佳導演 ↔ Best Director: a category of an award, not a name (the award is: 金馬獎 ↔ Golden Horse Awards)
    pairs = [p for p in pairs if not _award_category(p.zh, p.en)]
    pairs.sort(key=lambda p: (-p.count, p.zh, p.en))
    return EntityTable(tuple(pairs), settings)


_OPEN_BRACKET_BEFORE = regex.compile(r"[（(][ \t]*$")


def _bracketed_aliases(
    groups: dict[tuple[str, str], list[Link]], zh_text: str, en_text: str
) -> dict[tuple[str, str], list[Link]]:
    """An acronym left in Latin letters on both sides, in brackets right after a name that is paired
    on both sides (臨時選舉委員會 (CEP) ↔ Provisional Electoral Council (CEP)), is that name's
    abbreviation: its row joins the name's row even when its letters are not the English initials
    (CEP of Conseil Électoral Provisoire), as the text itself says so."""

    def owner_end(text: str, start: int) -> int | None:
        match = _OPEN_BRACKET_BEFORE.search(text, max(0, start - 4), start)
        if match is None:
            return None
        return len(text[: match.start()].rstrip())

    ends: dict[tuple[int, str, int], set[tuple[str, str]]] = defaultdict(set)
    for key, links in groups.items():
        for link in links:
            ends[link.bead, "zh", link.zh.end].add(key)
            ends[link.bead, "en", link.en.end].add(key)
    moves: dict[tuple[str, str], tuple[str, str]] = {}
    for key, links in groups.items():
        zh_key, en_key = key
        if not is_acronym(en_key) or _fold(zh_key) != _fold(en_key):
            continue
        owners: set[tuple[str, str]] = set()
        for link in links:
            zh_end, en_end = owner_end(zh_text, link.zh.start), owner_end(en_text, link.en.start)
            if zh_end is None or en_end is None:
                continue
            owners |= (ends.get((link.bead, "zh", zh_end), set()) & ends.get((link.bead, "en", en_end), set())) - {key}
        if len(owners) == 1:
            moves[key] = next(iter(owners))
    if not moves:
        return groups
    merged = {key: list(links) for key, links in groups.items() if key not in moves}
    for key, owner in moves.items():
        while owner in moves:  # an acronym bracketed after another bracketed acronym: the first name
            owner = moves[owner]
        if owner in merged:
            merged[owner].extend(groups[key])
        else:
            merged[key] = list(groups[key])
    return merged


_STUDY_BEFORE = regex.compile(
    r"(?i:\b(?:bachelor|master|doctor|doctorate|ph\.?\s?d\.?|degrees?|diplomas?|majors?|majoring|minors?|"
    r"programmes?|programs?|courses?|studies|studying|studied|faculty|department|school|professor|lecturer)"
    r"(?:['’]s)?(?: of (?:arts|science|sciences|engineering|philosophy|laws?|education|business administration))?"
    r"(?: \(\w+\))?) in (?:the )?$"
)


def _field_of_study(pair: EntityPair, en_text: str) -> bool:
    """Every English mention follows "Bachelor of Science in", "a degree in", "majoring in" …: a field of
    study (Civil Engineering), which the gold's guideline does not count as a named entity."""
    if not pair.mentions:
        return False
    return all(_STUDY_BEFORE.search(en_text, max(0, m.en_start - 60), m.en_start) for m in pair.mentions)


def _award_category(zh: str, en: str) -> bool:
    """ "Best …" in the English and 最佳 "best" in the Chinese: an award's category (Best Director, Best
    Documentary, 最佳女主角), which the gold's guideline does not count as a named entity."""
    return en.split(" ", 1)[0] == "Best" and "最佳" in to_simplified(zh)


def _common_words_in(en: str, en_text: str) -> bool:
    """Every word of ``en`` (split at spaces and hyphens; letters only, not all capitals; none a
    designator) also stands in ``en_text`` in lower case as a word of its own."""
    words = regex.split(r"[ -]", en)
    if not all(regex.fullmatch(r"\p{L}+", w) and not w.isupper() for w in words):
        return False
    if any(w.casefold() in EN_DESIGNATORS for w in words):
        return False  # Medical Care Act, Law on Emergency Decrees: a law's title is made of common words
    return all(regex.search(rf"(?<!\p{{L}}){regex.escape(w.lower())}(?!\p{{L}})", en_text) for w in words)


def _titled_into_full_names(pairs: list[EntityPair], en_text: str = "") -> list[EntityPair]:
    """汪先生 ↔ Mr. Wang is a shorter form of 汪淼 ↔ Wang Miao when that is the document's one person of
    that surname (as Holt is of Gary Holt): its mentions and forms join that row. With two (王夫人 ↔ Lady
    Wang beside 王熙鳳 ↔ Wang Xi-feng and 王成 ↔ Wang Cheng) or none, it stays a row of its own."""
    titled = [p for p in pairs if any(e.startswith("titled-surname:") for e in p.evidence)]
    if not titled:
        return pairs
    full = [p for p in pairs if p not in titled and len(_words(p.en)) >= 2 and not _is_latin(p.zh)]
    merged: dict[int, list[EntityPair]] = defaultdict(list)
    dropped = set()
    for short in titled:
        surname = _words(short.en)[-1].casefold()
        # every full name with that surname in the English (鳳姐 ↔ Wang Xi-feng too), then the Chinese
        owners = [i for i, p in enumerate(full) if surname in (_words(p.en)[0].casefold(), _words(p.en)[-1].casefold())]
        if len(owners) == 1 and full[owners[0]].zh[:1] == short.zh[:1] and _one_full_name(en_text, surname):
            merged[owners[0]].append(short)
            dropped.add(id(short))
    if not merged:
        return pairs
    joined = {id(full[i]): _with_forms(full[i], shorts) for i, shorts in merged.items()}
    return [joined.get(id(p), p) for p in pairs if id(p) not in dropped]


def _one_full_name(en_text: str, surname: str) -> bool:
    """At most one full name with this surname in the English (Wang Cheng; not also Wang Xi-feng, which
    may have no row of its own)."""
    if not en_text:
        return True
    word = regex.escape(surname)
    names = {
        match.group(0).casefold()
        for match in regex.finditer(
            rf"(?i:\b{word})(?:[ -]\p{{Lu}}[\p{{Ll}}]+)+|\p{{Lu}}\p{{Ll}}+ (?i:{word})\b", en_text
        )
        if match.group(0).split()[0].casefold().rstrip(".") not in TITLES
        and not is_common_english_word(match.group(0).split()[0])  # "The Wang family"
    }
    return len(names) <= 1


def _with_forms(pair: EntityPair, shorts: Sequence[EntityPair]) -> EntityPair:
    mentions = tuple(sorted({*pair.mentions, *(m for s in shorts for m in s.mentions)}, key=_mention_order))
    return replace(
        pair,
        count=len(mentions),
        mentions=mentions,
        beads=tuple(sorted({*pair.beads, *(b for s in shorts for b in s.beads)})),
        variants=tuple(sorted({*pair.variants, *(v for s in shorts for v in s.variants)})),
        en_variants=tuple(sorted({*pair.en_variants, *(v for s in shorts for v in s.en_variants)})),
        evidence=pair.evidence + tuple(e for s in shorts for e in s.evidence if e not in pair.evidence),
    )


def _cooccurrence_only(evidence: Sequence[str]) -> bool:
    return bool(evidence) and all(label.startswith("cooccurrence") for label in evidence)


def _without_taken_cooccurrence(pairs: list[EntityPair]) -> list[EntityPair]:
    """Rows found by co-occurrence alone whose Chinese or English another row names with other
    evidence (馬祖 ↔ Kinmen beside 金門 ↔ Kinmen by its reading; 金門 ↔ Mainland Area beside 金門 ↔
    Kinmen): places listed together co-occur as much as the right pair, so the name is taken."""
    backed = [p for p in pairs if not _cooccurrence_only(p.evidence)]
    taken_zh = {_fold(v) for p in backed for v in (p.zh, *p.variants)}
    taken_en = {_fold(v) for p in backed for v in (p.en, *p.en_variants)}
    return [
        p
        for p in pairs
        if not _cooccurrence_only(p.evidence)
        or not (
            any(_fold(v) in taken_zh for v in (p.zh, *p.variants))
            or any(_fold(v) in taken_en for v in (p.en, *p.en_variants))
        )
    ]


def cluster_keys(groups: Mapping[tuple[str, str], list[Link]]) -> list[list[tuple[tuple[str, str], list[Link]]]]:
    """Group (Chinese, English) rows that name one entity: Holt ↔ Holt with Gary Holt ↔ Gary Holt,
    裴洛西 ↔ Pelosi with Nancy Pelosi ↔ Nancy Pelosi, 香港 ↔ HONG KONG with 香港 ↔ Hong Kong.

    Two rows join when one side is the same name (equal after case folding) and the other side is
    the same name or a shorter form of it (a person's surname or given name left out), never when
    the longer adds a designator (牛津 ↔ Oxford and 牛津大學 ↔ University of Oxford stay apart).
    Rows are compared in a fixed order, so the clusters do not depend on the order of the links.
    """
    keys = sorted(groups)
    sets = DisjointSets(len(keys))

    # Rows sharing a folded side are the only ones that can join through the equality rule; the
    # shorter-form rule compares each row with the rows sharing one of its English words.
    by_word: dict[str, list[int]] = defaultdict(list)
    for index, (_, en) in enumerate(keys):
        for word in set(_name_words(en)):
            by_word[word].append(index)
    by_zh: dict[str, list[int]] = defaultdict(list)
    for index, (zh, en) in enumerate(keys):
        by_zh[_fold(zh)].append(index)
        if not is_acronym(en) and " " in en:
            by_word[initials(en).casefold()].append(index)
    edges: set[tuple[int, int]] = set()
    for index, (zh, en) in enumerate(keys):
        words = set(_name_words(en))
        others = {o for w in words for o in by_word[w] if o != index}
        others |= {o for o in by_zh[_fold(zh)] if o > index}
        for other in sorted(others):
            if _same_entity((zh, en), keys[other]):
                edges.add((min(index, other), max(index, other)))
    # A shorter form that fits two longer names (Kanjar of Baba Kanjar and of Vishnu Kanjar) names
    # neither for sure: it joins no one, and the two people stay apart.
    longer: dict[int, set[int]] = defaultdict(set)
    for a, b in edges:
        if _name_size(keys[a]) < _name_size(keys[b]):
            longer[a].add(b)
        elif _name_size(keys[b]) < _name_size(keys[a]):
            longer[b].add(a)
    for a, b in edges:
        short = (
            a if _name_size(keys[a]) < _name_size(keys[b]) else b if _name_size(keys[b]) < _name_size(keys[a]) else -1
        )
        if short >= 0 and len(longer[short]) > 1 and not _one_entity(longer[short], edges):
            continue
        sets.union(a, b)
    clusters: dict[int, list[tuple[tuple[str, str], list[Link]]]] = defaultdict(list)
    for index, key in enumerate(keys):
        clusters[sets.find(index)].append((key, groups[key]))
    return [clusters[root] for root in sorted(clusters)]


def _initials_with_connectors(acronym: str, name: str) -> bool:
    """MOTC of Ministry of Transportation and Communications: the initials of every word that is no
    connector, in order, with a connector's initial taken or left out."""
    words = _ALPHANUMERIC_RUN.findall(name)
    if len(words) < 2 or len(acronym) < 2:
        return False
    reachable = {0}
    for word in words:
        connector = word.casefold() in _NOT_NAME_WORDS or word.casefold() in ("a", "an")
        step = {i + 1 for i in reachable if i < len(acronym) and acronym[i] == word[0].upper()}
        reachable = step | reachable if connector else step
        if not reachable:
            return False
    return len(acronym) in reachable


def _one_entity(rows: set[int], edges: set[tuple[int, int]]) -> bool:
    """The longer rows a short form fits are linked to each other directly (移民署 ↔ National Immigration
    Agency fits 內政部移民署 ↔ the same and ↔ "… of the Ministry of the Interior", one body)."""
    ordered = sorted(rows)
    return all((a, b) in edges for i, a in enumerate(ordered) for b in ordered[i + 1 :])


def _name_size(key: tuple[str, str]) -> tuple[int, int]:
    """How complete a row's names are: English words, then Chinese characters."""
    return len(_words(key[1])), len(key[0])


def _name_words(en: str) -> list[str]:
    return [w for w in _ALPHANUMERIC_RUN.findall(en.casefold()) if w not in _NOT_NAME_WORDS]


_ALPHANUMERIC_RUN = regex.compile(r"[\p{L}\p{N}]+")


_NOT_NAME_WORDS = frozenset(w.casefold() for w in CONNECTORS | {"s"})


def _same_entity(a: tuple[str, str], b: tuple[str, str]) -> bool:
    zh_a, en_a = a
    zh_b, en_b = b
    for short, long in ((a, b), (b, a)):
        # USGS ↔ USGS (the acronym left in Latin letters) with 美國地質調查局 ↔ United States
        # Geological Survey: the acronym is the long name's initials.
        # (an acronym written with dots too: 美國 ↔ U.S. with 美國 ↔ United States)
        letters = acronym_letters(short[1])
        if (
            letters
            and (short[0] == short[1] or short[0] in long[0])  # 選舉委員會 ↔ CEP of 臨時選舉委員會
            and (initials(long[1]) == letters or _initials_with_connectors(letters, long[1]))
        ):
            return True
    if _qualified(a, b) or _qualified(b, a):
        return True
    if _in_antiquity(a, b) or _in_antiquity(b, a):
        return True  # 中國古代 / 古代中國 ↔ Ancient China with 中國 ↔ China: the place in another age
    if designated_places.same_feature(a, b) or designated_places.same_feature(b, a):
        return True  # 亞馬遜 ↔ Amazon with 亞馬遜河 ↔ Amazon River
    # "Ministry of Interior" and "Ministry of the Interior": one name, articles and "of" aside
    en_same = _fold(en_a) == _fold(en_b) or _fold_article(en_a) == _fold_article(en_b)
    zh_same = _fold(zh_a) == _fold(zh_b)
    if en_same and _spelling_variants(zh_a, zh_b):
        return True  # 普萊斯 / 普賴斯 ↔ Pryce: one transcription spelt two ways
    if en_same and len(zh_a) >= 4 and zh_a != zh_b and sorted(zh_a) == sorted(zh_b):
        return True  # 中國古代 / 古代中國 ↔ Ancient China: the same words in the other order
    if en_same and (designated_places.with_designator(zh_a, zh_b) or designated_places.with_designator(zh_b, zh_a)):
        return True  # 揚州 / 揚州市 ↔ Yangzhou: the English names the place bare both times
    if en_same and zh_same:
        return True
    if en_same and _dictionary_synonyms(zh_a, zh_b, en_a):
        return True  # 英語 / 英文 ↔ English: two Chinese words CC-CEDICT translates by that very name
    if zh_same and _fold_stemmed(en_a) == _fold_stemmed(en_b):
        return True  # Relations Between People / Peoples of …: one title, a word spelt in the plural
    if zh_same:
        return _shorter_name(en_a, en_b) or _shorter_name(en_b, en_a) or _derived(en_a, en_b)
    if en_same:
        # Carpanedo ↔ Carpanedo (the name left in Latin letters, often in brackets) with 卡潘內多 ↔ Carpanedo
        latin_copy = _fold(zh_a) == _fold(en_a) or _fold(zh_b) == _fold(en_b)
        return latin_copy or _shorter_zh(zh_a, zh_b) or _shorter_zh(zh_b, zh_a)
    # Both sides differ: one row must be the other's shorter form on both sides (史畢斯 ↔ Spieth of
    # 喬丹·史畢斯 ↔ Jordan Spieth), or the Chinese is the English name left in Latin letters.
    for short, long in ((a, b), (b, a)):
        if _shorter_name(short[1], long[1]) and (
            _shorter_zh(short[0], long[0])
            or (_is_latin(long[0]) and _shorter_name(short[1], long[0]))
            or _unseparated_surname(short, long)
        ):
            return True
    return False


def _dictionary_synonyms(zh_a: str, zh_b: str, en: str) -> bool:
    """Both Chinese names' CC-CEDICT glosses are the English name itself (英語 "English language" and 英文
    "English", 臺灣 and 台灣 "Taiwan"), not a part or a sound of it."""
    matches = (direct_match(to_simplified(zh), en) for zh in (zh_a, zh_b))
    return all(m is not None and m.score >= EXACT and m.evidence.startswith("cedict:") for m in matches)


def _unseparated_surname(short: tuple[str, str], long: tuple[str, str]) -> bool:
    """羅迪克 ↔ Roddick of 安迪羅迪克 ↔ Andy Roddick, 伍茲 ↔ Woods of 老虎伍茲 ↔ Tiger Woods: a foreign
    name written without a separator, its surname used alone on both sides (the Chinese ends with the
    short form, the English ends with it after given names). Not for a place (華盛頓 ↔ Washington
    beside 喬治華盛頓 ↔ George Washington is a city and a person)."""
    (zh_short, en_short), (zh_long, en_long) = short, long
    if _is_latin(zh_short) or _is_latin(zh_long) or len(zh_short) < 2 or len(zh_long) - len(zh_short) < 2:
        return False
    if not zh_long.endswith(zh_short) or " " in en_short.strip():
        return False
    if not en_long.casefold().endswith(" " + en_short.casefold()):
        return False
    return not load_places().is_place(en_short)


_AGES = frozenset({"ancient", "medieval"})


def _in_antiquity(place: tuple[str, str], aged: tuple[str, str]) -> bool:
    """ "Ancient" or "Medieval" before the English of a place's row, whose Chinese holds the place's
    Chinese (中國古代 / 古代中國 ↔ Ancient China beside 中國 ↔ China): one place, not a second entity."""
    (zh_place, en_place), (zh_aged, en_aged) = place, aged
    first, _, rest = " ".join(en_aged.split()).partition(" ")
    if first.casefold() not in _AGES or rest.casefold() != " ".join(en_place.split()).casefold():
        return False
    return len(zh_place) >= 2 and zh_place in zh_aged and zh_place != zh_aged


def _qualified(short: tuple[str, str], long: tuple[str, str]) -> bool:
    """A body named without the body or place it belongs to: 移民署 / 內政部移民署 ↔ National Immigration
    Agency (of the Ministry of the Interior), 中央銀行 ↔ Central Bank (of the Republic of China). The
    Chinese puts the owner first, the English after "of"; not 牛津 ↔ Oxford of 牛津大學 ↔ University of
    Oxford, where the short form is the owner."""
    (zh_short, en_short), (zh_long, en_long) = short, long
    if (zh_short, en_short) == (zh_long, en_long) or len(zh_short) < 2 or not zh_long.endswith(zh_short):
        return False
    if zh_short != zh_long and not any(zh_short.endswith(e) for e in _BODY_ENDINGS):
        return False
    en_short, en_long = " ".join(en_short.split()).casefold(), " ".join(en_long.split()).casefold()
    if zh_short == zh_long and en_short == en_long:
        return False
    return (zh_short != zh_long and en_short == en_long) or (
        en_long.startswith(en_short + " of ") and any(w in EN_DESIGNATORS for w in en_short.split())
    )


_BODY_ENDINGS = tuple(ending for ending, kind in designator_endings() if kind == "ORG") + tuple(
    to_simplified(e) for e in ("部", "局", "署", "院", "會", "處", "廳")
)


def _fold_article(text: str) -> str:
    return "".join(w for w in regex.findall(r"[\p{L}\p{N}]+", text.casefold()) if w not in ("the", "of", "a", "an"))


def _fold_stemmed(text: str) -> str:
    return " ".join(stem(w) for w in regex.findall(r"[\p{L}\p{N}]+", text.casefold()) if w not in ("the", "a", "an"))


def _spelling_variants(a: str, b: str) -> bool:
    """Two Han names of three or more characters that differ in one character only, name separators left
    out (拉克辛 and 拉卡．辛 for Lakkha Singh: one transcription written with and without the dot)."""
    a, b = _SEPARATED.sub("", a), _SEPARATED.sub("", b)
    if len(a) != len(b) or len(a) < 3 or _is_latin(a) or _is_latin(b):
        return False
    return sum(x != y for x, y in zip(a, b, strict=True)) == 1


def _shorter_name(short: str, long: str) -> bool:
    """``short`` is ``long`` without some leading or trailing personal-name words (Holt of Gary Holt,
    Nancy of Nancy Pelosi); not when what is left out is a designator or a connector."""
    short_words, long_words = _words(short), _words(long)
    if not short_words or len(short_words) >= len(long_words):
        return False
    size = len(short_words)
    for start in (0, len(long_words) - size):
        if long_words[start : start + size] == short_words:
            rest = long_words[:start] + long_words[start + size :]
            return all(w[:1].isupper() and w.casefold() not in EN_DESIGNATORS | TITLES for w in rest) and not any(
                w.casefold() in _NOT_NAME_WORDS for w in rest
            )
    return False


def _derived(a: str, b: str) -> bool:
    """China / Chinese, Canada / Canadian: one capitalised word and its adjective."""
    if " " in a or " " in b or not a[:1].isupper() or not b[:1].isupper():
        return False
    a, b = a.casefold(), b.casefold()
    shared = next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))
    return shared >= 4 and shared >= min(len(a), len(b)) - 1


_NAME_WORD = regex.compile(r"[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*")


def _words(text: str) -> list[str]:
    """Words compared case-insensitively but keeping their first letter's case for the rule above."""
    found = _NAME_WORD.findall(text)
    return [w if not w.isupper() or len(w) < 2 else w[0] + w[1:].lower() for w in found]


def _shorter_zh(short: str, long: str) -> bool:
    """史畢斯 of 喬丹·史畢斯: a part of a separated foreign name, or the name without its Latin
    letters; not a core with a designator added (that is another entity: 牛津 and 牛津大學)."""
    if _is_latin(short) or _is_latin(long):
        return _is_latin(short) and _is_latin(long) and _shorter_name(short, long)
    parts = regex.split(f"[{NAME_SEPARATORS}]", long)
    return len(parts) > 1 and (short == parts[0] or short == parts[-1])


def _is_latin(text: str) -> bool:
    return bool(_ASCII_LETTER.search(text)) and not _ANY_HAN.search(text)


_ASCII_LETTER = regex.compile(r"[A-Za-z]")
_ANY_HAN = regex.compile(r"\p{Han}")


def _entity(cluster: Sequence[tuple[tuple[str, str], list[Link]]], document: DocumentText | None = None) -> EntityPair:
    """One row for a cluster: each row's pair, merged; the most complete forms are canonical."""
    rows = [_pair(key, members, document) for key, members in cluster]
    if len(rows) == 1:
        return rows[0]
    # Canonical English: the longest form; canonical Chinese: the longest Han form (裴洛西 rather than
    # "Nancy Pelosi" left in Latin letters), ties to the commoner row.
    # Ancient China beside China: the place in another age is a variant, the place itself is canonical
    aged = [q for q in rows if any(p is not q and _in_antiquity((p.zh, p.en), (q.zh, q.en)) for p in rows)]
    rows_for_forms = [p for p in rows if p not in aged] or rows
    named = [p for p in rows_for_forms if not _adjective_of_place(p.zh, p.en)] or rows_for_forms
    en_row = max(named, key=lambda p: (len(_words(p.en)), len(p.en), p.count, p.en))
    han_rows = [p for p in rows_for_forms if not _is_latin(p.zh)] or rows_for_forms
    # among equals, the form the text gives first (普萊斯 before its respelling 普賴斯)
    zh_row = max(han_rows, key=lambda p: (len(p.zh), p.count, _earliness(p), p.zh))
    mentions = tuple(sorted({m for p in rows for m in p.mentions}, key=_mention_order))
    evidence: Counter[str] = Counter()
    for row in rows:
        evidence.update({label: row.count for label in row.evidence})
    votes: Counter[EntityType] = Counter()
    for row in rows:
        votes[row.type] += row.count
    if any(p.type == "LOC" and _in_antiquity((p.zh, p.en), (q.zh, q.en)) for p in rows for q in rows):
        votes["LOC"] = max(votes.values()) + 1  # Ancient China: the place, in another age
    if en_row.type == "PER" and _surnames_of(en_row.en, [p.en for p in rows if p is not en_row]):
        votes["PER"] = max(votes.values()) + 1  # Norman (a town too) of Greg Norman: the person's surname
    return EntityPair(
        zh=zh_row.zh,
        en=en_row.en,
        type=max(_TYPE_ORDER, key=lambda kind: (votes[kind], kind == zh_row.type, -_TYPE_ORDER.index(kind))),
        count=len(mentions),
        score=max(p.score for p in rows),
        evidence=tuple(label for label, _ in sorted(evidence.items(), key=lambda item: (-item[1], item[0]))),
        beads=tuple(sorted({b for p in rows for b in p.beads})),
        mentions=mentions,
        variants=tuple(sorted({v for p in rows for v in p.variants})),
        en_variants=tuple(sorted({v for p in rows for v in p.en_variants})),
    )


def _surnames_of(full: str, others: Sequence[str]) -> bool:
    """Every other English form is one word of the full name of two or more, its first or last."""
    words = _words(full)
    if len(words) < 2 or not others:
        return False
    ends = {words[0].casefold(), words[-1].casefold()}
    return all(len(_words(o)) == 1 and _words(o)[0].casefold() in ends for o in others)


def _earliness(pair: EntityPair) -> tuple[int, ...]:
    """Larger for a pair mentioned earlier in the document."""
    return tuple(-x for x in _mention_order(pair.mentions[0])) if pair.mentions else ()


def _adjective_of_place(zh: str, en: str) -> bool:
    """One English word that is not the name of the place the Chinese names (烏克蘭 ↔ Ukrainian,
    法國 ↔ French): the adjective or the people, not the place."""
    if " " in en or not en[:1].isupper() or acronym_letters(en):
        return False  # US, U.K.: the place's abbreviation, not an adjective
    places = load_places()
    if places.is_place(en):
        return False
    zh_key = to_simplified(zh)
    if zh_key.endswith("人") and len(zh_key) > 1:
        return True  # 葡萄牙人 ↔ Portuguese, 北京人 ↔ Beijingers: the people, not the place
    heads = gloss_heads(zh_key)
    names = {fold(head) for head in heads if places.is_region(head)} | set(places.chinese.get(zh_key, ()))
    word = fold(en)
    if heads and fold(heads[0]) == word:
        return False  # the dictionary's own name for it (麥加 "Mecca", though GeoNames says Makkah)
    if ADJECTIVE_FORMS and heads and _adjective_form_of(fold(heads[0]), word):
        return True  # 塔斯馬尼亞 ↔ Tasmanian, 拜占庭 ↔ Byzantine, 基督教 ↔ Christian: the name's adjective
    if ADJECTIVE_FORMS and word in {fold(h) for h in gloss_heads(zh_key + "人")} - {fold(h) for h in heads}:
        return True  # 菲律賓 ↔ Filipino: the dictionary's word for the place's people ("菲律賓人")
    # 烏克蘭 ↔ Ukrainian (the place's stem), 法國 ↔ French (glossed "France; French" beside the
    # place); not 麥加 ↔ Mecca, another spelling of the place (GeoNames: Makkah)
    return any(name != word and (_shared_prefix(name, word) >= 3 or word in {fold(h) for h in heads}) for name in names)


# Switch for a party's adjective or members as no row (_adjective_of_party; a test turns it off).
PARTY_ADJECTIVES = True
# How a party's adjective or its member ends (Republican, Democratic, Democrat, Libertarian; plurals too): not
# its name written alone (Labour, Likud).
_PARTY_ADJECTIVE = regex.compile(r"\p{Lu}\p{Ll}+(?:an|ic|at)s?")


def _party_adjective_only(pair: EntityPair, en_text: str) -> bool:
    """Every English mention of a party is its adjective or its members, none followed by "party" (the
    Republican party's budget names the party in lower case, 保守黨 ↔ Conservative in fresh6)."""
    return all(
        _adjective_of_party(pair.zh, en_text[m.en_start : m.en_end]) and not _PARTY_AFTER.match(en_text, m.en_end)
        for m in pair.mentions
    )


_PARTY_AFTER = regex.compile(r"\s+party\b", regex.IGNORECASE)


def _adjective_of_party(zh: str, en: str) -> bool:
    """A Chinese party (…黨) and one English word its gloss names as "<word> party", in the form of an adjective
    or a member (共和黨 "Republican Party" ↔ "Republican presidential candidate", "fellow Republicans")."""
    zh_key = to_simplified(zh)
    if not zh_key.endswith("党") or not _PARTY_ADJECTIVE.fullmatch(en):
        return False
    word = fold(en).removesuffix("s")
    # Democrat(s) of "Democratic Party" too
    return any(
        fold(head).removesuffix(" party").startswith(word) for head in gloss_heads(zh_key) if head.endswith(" party")
    )


# Switch for the adjective forms read from the dictionary's first name (a test turns it off).
ADJECTIVE_FORMS = True
# How an English adjective or demonym made from a name ends (Tasmanian, Byzantine, Islamic, Israeli).
_ADJECTIVE_ENDINGS = ("an", "ese", "ish", "ic", "ine", "i")


def _adjective_form_of(name: str, word: str) -> bool:
    """``word`` is an adjective made from the one-word ``name`` (tasmania → tasmanian, byzantium → byzantine,
    christianity → christian, islam → islamic): an adjective ending, and all of the shorter of the two but
    its last two letters shared from the start (at least four)."""
    if word == name or " " in name or not word.endswith(_ADJECTIVE_ENDINGS):
        return False
    return _shared_prefix(name, word) >= max(4, min(len(name), len(word)) - 2)


def _shared_prefix(a: str, b: str) -> int:
    return next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))


def _mention_order(mention: Mention) -> tuple[int, int, int, int, int]:
    return (mention.bead, mention.zh_start, mention.zh_end, mention.en_start, mention.en_end)


def _outermost_links(links: Sequence[Link]) -> list[Link]:
    """Drop links nested inside another link of the same bead (牛津 ↔ Oxford inside 牛津大學 ↔ University
    of Oxford): the table lists what the texts name, and a name inside a longer name is part of it.
    Nested links still taught the second pass (商湯 inside 商湯集團股份有限公司)."""
    by_bead: dict[tuple[int, int], list[Link]] = defaultdict(list)
    for link in links:
        by_bead[link.document, link.bead].append(link)
    kept = []
    for link in links:
        if not any(
            other is not link and _strictly_inside(link.zh, other.zh) and _strictly_inside(link.en, other.en)
            for other in by_bead[link.document, link.bead]
        ):
            kept.append(link)
    return kept


def _canonical_key(link: Link, learned: Mapping[str, tuple[str, float]]) -> tuple[str, str]:
    """商湯集團 ↔ SenseTime joins 商湯 ↔ SenseTime: the English is the same name and the Chinese only
    adds a designator. 商湯集團股份有限公司 ↔ SenseTime Group Co., Ltd. stays its own pair."""
    zh, en = link.zh, link.en
    if zh.core:
        known = learned.get(zh.core)
        if known is not None and known[0] == en.key:
            return zh.core, en.key
    return zh.key, en.key


def _pair(key: tuple[str, str], links: Sequence[Link], document: DocumentText | None = None) -> EntityPair:
    zh_key, en_key = key
    # variants as they read without the text's line breaks (Republic of\nChina is Republic of China)
    zh_surfaces = Counter(_unwrapped(link.zh.text) for link in links)
    en_surfaces = Counter(_unwrapped(link.en.text) for link in links)
    canonical_zh = _unwrapped(_canonical_surface(zh_key, [link.zh for link in links]))
    canonical_en = _unwrapped(_canonical_surface(en_key, [link.en for link in links]))
    mentions = _mentions(links)
    evidence: Counter[str] = Counter(label for link in links for label in link.evidence)
    return EntityPair(
        zh=canonical_zh,
        en=canonical_en,
        type=_entity_type(zh_key, links, document),
        count=len(mentions),
        score=round(max(link.score for link in links), 4),
        evidence=tuple(label for label, _ in sorted(evidence.items(), key=lambda item: (-item[1], item[0]))),
        beads=tuple(sorted({link.bead for link in links})),
        mentions=mentions,
        variants=tuple(sorted(zh_surfaces)),
        en_variants=tuple(sorted(en_surfaces)),
    )


@lru_cache(maxsize=65536)
def _unwrapped(surface: str) -> str:
    """A name as it reads without the text's line breaks: 全國人民\n代表大會 → 全國人民代表大會,
    "Hong\nKong" → "Hong Kong" (the variants keep the surfaces as written)."""
    surface = regex.sub(r"(?<=\p{Han})\s*\n\s*(?=\p{Han})", "", surface)
    return " ".join(surface.split())


def _canonical_surface(key: str, seen: Sequence[Candidate]) -> str:
    """The commonest surface whose key is ``key``; for a core seen only inside variants, its prefix."""
    exact = Counter(c.text for c in seen if c.key == key)
    if exact:
        return max(exact.items(), key=lambda item: (item[1], item[0]))[0]
    for candidate in seen:
        if candidate.key.startswith(key):
            return _unwrapped(candidate.text)[: len(key)]  # 香\n港特別行政區: 香港, not 香
    return key


def _mentions(links: Sequence[Link]) -> tuple[Mention, ...]:
    """One mention per linked span pair; a mention nested in another of the same pair is dropped."""
    spans = sorted({(k.bead, k.zh.start, k.zh.end, k.en.start, k.en.end) for k in links})
    # nesting is only within a bead: compared bead by bead, so a frequent name costs its mentions, not their square
    by_bead: dict[int, list[tuple[int, int, int, int, int]]] = defaultdict(list)
    for span in spans:
        by_bead[span[0]].append(span)
    kept = [
        s
        for s in spans
        if not any(o != s and o[1] <= s[1] and s[2] <= o[2] and o[3] <= s[3] and s[4] <= o[4] for o in by_bead[s[0]])
    ]
    return tuple(Mention(*span) for span in kept)


_PLACE_EVIDENCE = ("designated-place:", "celestial:", "dynasty:", "modified-place:", "exonym:")
_TYPE_WEIGHTS = {"designated": 2, "nested": 1}
_TYPE_ORDER: tuple[EntityType, ...] = ("ORG", "LOC", "PER", "MISC")


def _entity_type(zh_key: str, links: Sequence[Link], document: DocumentText | None = None) -> EntityType:
    """The type the ballots of :func:`type_ballots` elect."""
    return type_ballots(zh_key, links, document)[0]


Ballot = tuple[EntityType, int, str]


def type_ballots(
    zh_key: str, links: Sequence[Link], document: DocumentText | None = None
) -> tuple[EntityType, list[Ballot]]:
    """Vote of the hints: Chinese tags and designators, English designators and titles, glosses,
    romanised Chinese names (a full pinyin/Wade–Giles/Cantonese match of 2-4 characters), and the
    words beside each mention (kinds.context_votes: Sha said, 孫中山先生, the island of Upolu).
    Returns the type and each vote as (type, weight, signal), so a wrong type can be traced to the
    signal that decided it (benchmarks/entity_types.py)."""
    ballots: list[Ballot] = []
    votes: Counter[EntityType] = Counter()

    def vote(kind: EntityType, weight: int, signal: str) -> None:
        votes[kind] += weight
        ballots.append((kind, weight, signal))

    for link in links:
        for candidate in (link.zh, link.en):
            if candidate.hint:
                weight = 2 if candidate.source in ("designated", "separated") else 1
                vote(candidate.hint, weight, f"hint:{candidate.source}:{candidate.text}")
        if any(e.startswith("cedict~") and " period" in e for e in link.evidence):
            vote("MISC", 3, "era")  # 三國 "Three Kingdoms period": MISC in the gold's guideline
        if any(e.startswith("cedict~") and e.rsplit(" ", 1)[-1] in PROGRAMME_WORDS for e in link.evidence):
            vote("MISC", 3, "programme")  # 一帶一路 "Belt and Road Initiative": a programme, though Road ends it
        romanised = any(e.split(":")[0] in ("pinyin", "wade-giles", "cantonese") for e in link.evidence)
        in_dictionary = any(e.startswith("cedict") for e in link.evidence)
        if romanised and not in_dictionary and 2 <= len(link.zh.key) <= 4 and " " in link.en.key and not link.zh.core:
            vote("PER", 1, "romanised-full-name")
        if any(e.startswith("titled-surname:") for e in link.evidence):
            vote("PER", 2, "titled-surname")  # 王夫人 ↔ Lady Wang
        if any(e.startswith(("given+surname:", "surname-only:", "korean-surname:")) for e in link.evidence):
            vote("PER", 3, "person-pair")  # paired as a person by a part of the name (person_pairs.py)
        if any(e.startswith("same-acronym:") for e in link.evidence):
            vote(
                "ORG", 3, "same-acronym"
            )  # made only for a body (defined_acronyms.is_body_pair): 經濟產業省 is no province
        if titled_in_name(link.zh.key, link.en.key):
            vote("PER", 3, "title-in-name")  # 習近平同志 ↔ Comrade Xi Jinping: a person, whatever tags the rest
        if "work-title" in link.evidence:
            vote("MISC", 3, "work-title")  # a title in 《》 and in quotation marks: a work
        if any(e.startswith(_PLACE_EVIDENCE) for e in link.evidence):
            vote(
                "LOC", 2, "place-evidence"
            )  # 明尼蘇達冰川 ↔ Minnesota Glacier: a designator on both sides; 地球 ↔ Earth
        elif any(e.startswith("geonames:") for e in link.evidence):
            vote("LOC", 2, "geonames-pair")  # GeoNames names this place in both languages (天水圍 ↔ Tin Shui Wai)
    glossed = gloss_type(zh_key)
    if glossed == "PER" and glossed_lifespan(zh_key):
        # the dictionary gives the person's dates: more than a tagger's or a gazetteer's guess (奧巴馬
        # is tagged ns and GeoNames knows a town Obama)
        vote("PER", 3, "gloss-lifespan")
    elif glossed:
        vote(glossed, 1, "gloss")
    if _newspaper_or_firm(zh_key, links):
        vote("ORG", 2, "firm-ending")  # 人民日報, 東方證券 ↔ Orient Securities: a newspaper, a firm
    ending, kind = next(((e, k) for e, k in designator_endings() if zh_key.endswith(e) and zh_key != e), ("", None))
    if kind and not (ending == "会" and _english_event(links)):
        vote(kind, 2, "zh-designator")  # 行政院, 法務部: a body; 國家安全法: a law
    places = load_places()
    for link in links:
        # a country, continent or US state is a place whatever jieba's tag says (阿富汗 is tagged nr);
        # a city name may be a surname too (Wilson), so it counts for less
        if places.is_region(link.en.key):
            vote("LOC", 3, f"region:{link.en.key}")
        elif places.is_place(link.en.key) or link.zh.source == "gazetteer":
            vote("LOC", 1, f"gazetteer:{link.en.key}")
    if document is not None and _person_or_place(votes, links):
        for link in links:
            for kind, weight in context_votes(link.zh, link.en, document.zh, document.en).items():
                vote(kind, weight, "context")
        for kind, weight in document_votes({link.en.key for link in links}, document.surnames).items():
            vote(kind, weight, "surname-in-document")
    if not votes and _by_sound(links):
        # a name nothing else types: a person when the English gives two names or more (Henry
        # Kissinger); a foreign name of one word by sound is a place about as often as a person
        # (dev gold: Santorini, Bumthang, Paro; Oravec, Liggins): LOC; a romanised Chinese one stays MISC
        if any(" " in link.en.key for link in links):
            return "PER", [("PER", 0, "by-sound-full-name")]
        if _by_sound(links, APPROXIMATE | {"parts"}):
            return "LOC", [("LOC", 0, "by-sound-one-word")]
    if not votes:
        # left in Latin letters on both sides, typed by nothing else: an acronym is a body (CNN), two or
        # three name-shaped words a person (Frank Galicia); kinds.latin_shape_type
        shaped = {latin_shape_type(link.en.key, document) for link in links if "identical" in link.evidence} - {None}
        if len(shaped) == 1:
            kind = shaped.pop()
            assert kind is not None
            return kind, [(kind, 0, "latin-shape")]
        return "MISC", [("MISC", 0, "no-vote")]
    return max(_TYPE_ORDER, key=lambda kind: (votes[kind], -_TYPE_ORDER.index(kind))), ballots


# Endings of newspapers and firms that are no designator of candidate spans (報 ends 公報 and 情報 too,
# 國際 ends 國際 alone): they type a pair already found. English last words of the same kinds.
_ZH_NEWSPAPER = regex.compile(r"(?<!^)(?<!公|通|情|预|电|警|汇|简|海|年|学|画)报$")
_ZH_FIRM = regex.compile(r"(?<!^)(?:证券|传媒|国际)$")
_EN_FIRM_WORDS = frozenset("securities media international financial capital daily times post".split())


def _newspaper_or_firm(zh_key: str, links: Sequence[Link]) -> bool:
    """人民日報 ↔ People's Daily, 堪薩斯城星報 ↔ Kansas City Star, 華登國際 ↔ Walden International."""
    if _ZH_NEWSPAPER.search(zh_key) or _ZH_FIRM.search(zh_key):
        return True
    return any(len(words := link.en.key.split()) >= 2 and words[-1].casefold() in _EN_FIRM_WORDS for link in links)


def _english_event(links: Sequence[Link]) -> bool:
    """The English names a meeting or games (19th National Congress, London Olympic Games): 會 ends both
    a body (協會) and a meeting (全國代表大會, 奧運會), and then the English says which."""
    return any(link.en.hint == "MISC" and link.en.source != "ticker" for link in links)


_SOUND_SYSTEMS = frozenset({"pinyin", "wade-giles", "cantonese", "skeleton", "learned", "parts"})


def _person_or_place(votes: Counter[EntityType], links: Sequence[Link]) -> bool:
    """The words beside a name only decide between person and place: for names with no vote for a
    body or a work ("in Microsoft Office" is no place), and that have a vote, or are matched by sound."""
    if votes["ORG"] or votes["MISC"]:
        return False
    if any(e.startswith((*_PLACE_EVIDENCE, "geonames:")) for link in links for e in link.evidence):
        return False  # a place by its evidence (英國 ↔ Britain; "Britain initiated a blockade")
    # a name left in Latin letters counts when it is written like a personal or place name (Larson),
    # not an acronym or a brand in camel case (COBE, OpenAI)
    latin_name = any(_PLAIN_NAME.fullmatch(link.en.key) and "identical" in link.evidence for link in links)
    return bool(votes) or latin_name or _by_sound(links)


# a surname prefix may carry a capital inside the word (McCord, LaFasto, DeVito, MacArthur)
_NAME_WORD_SHAPE = r"(?:Mc|Mac|La|Le|De|Di|Da|Du|Van|Von)?\p{Lu}\p{Ll}+"
_PLAIN_NAME = regex.compile(rf"{_NAME_WORD_SHAPE}(?: {_NAME_WORD_SHAPE})*")


def _by_sound(links: Sequence[Link], systems: frozenset[str] = _SOUND_SYSTEMS) -> bool:
    return any(e.split(":")[0] in systems for link in links for e in link.evidence)


# ---------------------------------------------------------------- entry points


def settings() -> dict[str, str]:
    return {"entities": VERSION, "accept": str(ACCEPT)}


def align_corpus(alignments: Sequence[Alignment]) -> list[EntityTable]:
    """One entity table per alignment, with co-occurrence counted over all of them."""
    beads = collect_candidates(alignments)
    stats = cooccurrence(beads)
    text_of = {i: (a.zh.text, a.en.text) for i, a in enumerate(alignments)}
    first = PairScorer(stats)
    first_links = _link_beads(beads, first, text_of)
    learned = learn(link for found in first_links for link in found)
    second = PairScorer(stats, learned, earlier=first)
    links = [link for found in _link_beads(beads, second, text_of, first_links) for link in found]
    relearned = learn(links)
    learned = relearned | {k: v for k, v in learned.items() if k not in relearned}
    by_document: dict[int, list[Link]] = defaultdict(list)
    for link in links:
        by_document[link.document].append(link)
    return [build_table(by_document.get(i, []), learned, settings(), text_of[i]) for i in range(len(alignments))]
