"""Dictionary signal: what CC-CEDICT says a Chinese name means in English.

A gloss is a hint, not a verdict: 商湯 alone is glossed "Shang Tang (1646-? BC), legendary founder
of the Shang Dynasty" while the company is 商湯科技 "SenseTime". So a gloss only ever *supports* a
pair the texts propose (both names in one bead); it never creates one, and a missing or different
gloss counts for nothing against a pair other signals find.

Two strengths: the whole name's gloss names the English (港交所 ↔ Hong Kong Stock Exchange, 李嘉誠
↔ "Sir Li Ka-shing"), or the name's parts cover every English word (中國|互聯網絡|信息|中心 ↔ China
Internet Network Information Center), parts being dictionary words, already found pairs, or
transliterations (戴爾豪斯|大學 ↔ Dalhousie University).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

import regex

from bitext.entities.lexicon import (
    CONNECTORS,
    EN_DESIGNATORS,
    EN_MISC_DESIGNATORS,
    EN_ORG_DESIGNATORS,
    EN_PLACE_DESIGNATORS,
    STOPWORDS,
    TITLES,
    designator_endings,
)
from bitext.entities.model import EntityType
from bitext.entities.transliteration import transliteration
from bitext.resources.cedict import load_cedict

_BRACKETED = regex.compile(r"\([^()]*\)|\[[^\]]*\]|\S*\|\S*")
_SPLIT = regex.compile(r"\s*[,;]\s*")
_WORD = regex.compile(r"[a-z0-9]+")
_REFERENCES = (
    "variant of",
    "abbr. for",
    "abbr. of",
    "see ",
    "surname ",
    "old name",
    "also written",
    "also called",
    "used in ",
)

EXACT = 0.95
CONTAINED = 0.85
COMPOSED = 0.8
PARTLY = 0.85
ABBREVIATION = 0.9
# A composition leaving one English word unglossed counts for less (0.8 × 0.85 = 0.68).
PARTLY = 0.85
# A transliterated part must match at least this well to cover an English word.
PART_TRANSLITERATION = 0.8


@dataclass(frozen=True, slots=True)
class DictionaryMatch:
    score: float
    evidence: str


_POSSESSIVE = regex.compile(r"'s\b")
_NOT_ALPHANUMERIC = regex.compile(r"[^a-z0-9]+")
_ACRONYM = regex.compile(r"\p{Lu}{2,6}")
_DOTTED_ACRONYM = regex.compile(r"(?:\p{Lu}\.){2,6}")


# cached (and its patterns compiled once): every pair scored normalises both names again
@lru_cache(maxsize=65536)
def normalise_english(text: str) -> str:
    """``"the U.S."`` → ``"us"``; ``"SenseTime’s"`` → ``"sensetime"``; ``"Ka-shing"`` → ``"ka shing"``."""
    text = text.replace("’", "'").lower()
    text = _POSSESSIVE.sub("", text)
    text = text.replace(".", "")
    text = _NOT_ALPHANUMERIC.sub(" ", text).strip()
    for article in ("the ", "a ", "an "):
        if text.startswith(article):
            text = text[len(article) :]
    return text


@lru_cache(maxsize=65536)
def gloss_heads(simplified: str) -> tuple[str, ...]:
    """Each entry's naming phrases, normalised: the first phrase of every gloss that names something
    (cross-references such as "variant of …" skipped), titles like "Sir" dropped."""
    heads: list[str] = []
    for entry in load_cedict().lookup(simplified):
        for gloss in entry.glosses:
            for phrase in _SPLIT.split(_BRACKETED.sub(" ", gloss)):
                if not phrase.strip() or any(r in phrase.lower() for r in _REFERENCES):
                    continue
                words = normalise_english(phrase).split()
                while words and words[0] in TITLES:
                    words = words[1:]
                if words:
                    heads.append(" ".join(words))
                break  # only the head of each gloss: "Hong Kong businessman" does not name 李嘉誠
    return tuple(dict.fromkeys(heads))


@lru_cache(maxsize=65536)
def gloss_words(simplified: str) -> frozenset[str]:
    """Every English word in any gloss of ``simplified`` (for covering the words of a longer name)."""
    words: set[str] = set()
    for entry in load_cedict().lookup(simplified):
        for gloss in entry.glosses:
            if gloss.startswith("surname "):
                continue  # a surname is romanised, not translated: the romanisations judge it
            for word in _WORD.findall(_BRACKETED.sub(" ", gloss).lower()):
                words.add(stem(word))
    return frozenset(words)


def stem(word: str) -> str:
    """Crude plural folding, enough for glosses against names (Technologies/technology, Islands)."""
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


def direct_match(zh: str, en: str) -> DictionaryMatch | None:
    """The gloss of the whole Chinese name names the English one."""
    target = normalise_english(en)
    if not target:
        return None
    heads = gloss_heads(zh)
    for head in heads:
        if head == target:
            return DictionaryMatch(EXACT, f"cedict:{head}")
    target_words = target.split()
    for head in heads:
        head_words = head.split()
        # "obama" in "barack obama": the English gives the end of the gloss's name (a surname), and
        # what it leaves out is a name too ("university of" left out of "university of oxford" is not)
        left_out = head_words[: len(head_words) - len(target_words)]
        if (
            len(target) >= 3
            and head_words[-len(target_words) :] == target_words
            and len(head_words) <= 4
            and not any(w in EN_DESIGNATORS or w in CONNECTORS for w in left_out)
        ):
            return DictionaryMatch(CONTAINED, f"cedict~{head}")
    return None


_LETTER_RUN = regex.compile(r"[\p{L}]+")


def initials(name: str) -> str:
    """Upper-case initials of a name's content words: "United Nations" → "UN", "Court of Final
    Appeal" → "CFA", "United States Geological Survey" → "USGS"."""
    words = _LETTER_RUN.findall(name)
    return "".join(w[0].upper() for w in words if w.lower() not in CONNECTORS and w.lower() not in ("the", "a", "an"))


def is_acronym(text: str) -> bool:
    return bool(_ACRONYM.fullmatch(text))


def acronym_letters(text: str) -> str:
    """``"U.N."`` → ``"UN"``; ``"WTO"`` → ``"WTO"``; anything else → ``""``."""
    if _DOTTED_ACRONYM.fullmatch(text):
        return text.replace(".", "")
    return text if is_acronym(text) else ""


def abbreviation_match(zh: str, en: str) -> DictionaryMatch | None:
    """聯合國 ↔ UN: an English acronym made of the initials of the Chinese name's gloss."""
    letters = acronym_letters(en)
    if not letters:
        return None
    for head in gloss_heads(zh):
        if len(head.split()) >= 2 and initials(head) == letters:
            return DictionaryMatch(ABBREVIATION, f"abbreviation:{head}")
    return None


def content_words(en: str) -> list[str]:
    return [w for w in normalise_english(en).split() if w not in STOPWORDS and w not in CONNECTORS]


def composed_match(
    zh: str, en: str, learned: Mapping[str, str] | None = None, unglossed_tail: bool = False
) -> DictionaryMatch | None:
    """Every English content word is covered by a part of the Chinese name, and the covering parts
    span most of the Chinese name. ``learned`` maps already found Chinese names to English ones.
    ``unglossed_tail``: the name ends in a noun no gloss explains (全球環境|基金 for Global
    Environment Facility), which may then answer one unglossed English word."""
    words = content_words(en)
    if "and" in normalise_english(en).split() and regex.search("[和及與与、]", zh):
        return None  # two names coordinated on both sides are two rows (美國和加拿大 ↔ United States and Canada)
    # Two or three characters are a personal name or a plain word: the whole-word gloss and the
    # romanisations judge those; composing 徐 "surname Xu" + 立 would only repeat the pinyin.
    suffix, kind = _designator_suffix(zh)
    # A three-character body (財政部 ↔ Ministry of Finance, 立法院 ↔ Legislative Yuan) is a word and
    # its designator, not a personal name.
    short_body = len(zh) == 3 and bool(suffix) and any(_designator_kind(word) == kind for word in words)
    if len(words) < 2 or (len(zh) < 4 and not short_body):
        return None
    if words[0] in TITLES or words[0] in _OFFICE_WORDS:
        return None  # President of the Executive Yuan, Members of the Legislative Yuan: offices, not names
    covered_words: set[int] = set()
    covered_chars: set[int] = set()
    parts: list[str] = []
    for start in range(len(zh)):
        for end in range(start + 1, min(len(zh), start + 8) + 1):
            piece = zh[start:end]
            if len(piece) == len(zh):
                continue  # the whole name is the direct match's business; here only its parts count
            vocabulary = _piece_vocabulary(piece, learned)
            hits = {i for i, word in enumerate(words) if covers(vocabulary, stem(word))}
            if not hits and 2 <= end - start <= 6:
                hits = _transliterated(piece, words)
            if hits - covered_words or (hits and not covered_chars.issuperset(range(start, end))):
                covered_words |= hits
                covered_chars.update(range(start, end))
                parts.append(piece)
    designators = {i for i, word in enumerate(words) if _designator_kind(word) == kind}
    if suffix and designators:
        # 學院 ↔ Academy: a designator on each side stands for the other, whatever the glosses say
        # (委員會 ↔ Council though 委 alone is glossed "council")
        covered_words |= designators
        covered_chars.update(range(len(zh) - len(suffix), len(zh)))
        parts = [p for p in parts if not suffix.startswith(p) and not suffix.endswith(p)] + [suffix]
    english_share = len(covered_words) / len(words)
    chinese_share = len(covered_chars) / len(zh)
    # An institution's name of three words or more may leave one unglossed (基金 "fund" for
    # Facility, 終審 "final ruling" for Final Appeal) if an unglossed last Chinese word answers it:
    # 全球環境 alone does not name the Global Environment Facility.
    uncovered = [i for i in range(len(zh)) if i not in covered_chars]
    last_word_left = bool(uncovered) and uncovered == list(range(uncovered[0], len(zh))) and len(uncovered) <= 2
    institution = any(_designator_kind(word) for word in words)
    one_left = len(words) >= 3 and len(words) - len(covered_words) == 1 and institution
    partly = one_left and unglossed_tail and last_word_left
    if len(_outermost(parts)) + partly < 2:
        return None
    if (english_share < 1.0 and not one_left) or chinese_share < 0.6:
        return None
    if english_share < 1.0 and not partly and chinese_share < 1.0:
        return None  # an English word left over and Chinese characters left over: not one name
    if partly:
        score = COMPOSED
    elif english_share < 1.0:
        score = COMPOSED * PARTLY  # one English word that no Chinese word answers: weaker (0.68)
    else:
        score = COMPOSED * min(1.0, chinese_share + 0.2)
    label = "composed-partly:" if english_share < 1.0 else "composed:"
    return DictionaryMatch(round(score, 4), label + "+".join(_outermost(parts)))


def _designator_suffix(zh: str) -> tuple[str, str]:
    """The designator ending of a Chinese name and its kind (ORG, LOC, MISC for laws); a one-character
    ending that closes a common word is not one (會 of 開會, 部 of 東部)."""
    for ending, kind in designator_endings():
        if zh.endswith(ending) and len(zh) > len(ending):
            # 公司|法 ↔ Company Law although 司法 is a word: the part before the ending is one too
            if len(ending) == 1 and is_common_word(zh[-2:]) and not (len(zh) >= 3 and is_common_word(zh[:-1])):
                return "", ""
            return ending, kind
    return "", ""


@lru_cache(maxsize=65536)
def is_common_word(simplified: str) -> bool:
    """CC-CEDICT has ``simplified`` as a common word (an entry that is not a proper noun)."""
    return any(not entry.is_proper_noun for entry in load_cedict().lookup(simplified))


def _designator_kind(word: str) -> str:
    """A designator stands only for one of its kind: 法 ↔ Act, 院 ↔ Yuan, 省 ↔ Province."""
    if word in EN_MISC_DESIGNATORS:
        return "MISC"
    if word in EN_ORG_DESIGNATORS:
        return "ORG"
    if word in EN_PLACE_DESIGNATORS:
        return "LOC"
    return ""


_OFFICE_WORDS = frozenset("member members chairmen presidents ministers secretaries judges".split())


def _piece_vocabulary(piece: str, learned: Mapping[str, str] | None) -> frozenset[str]:
    vocabulary = gloss_words(piece)
    if learned and piece in learned:
        vocabulary = vocabulary | {stem(w) for w in normalise_english(learned[piece]).split()}
    return vocabulary


@lru_cache(maxsize=262144)
def covers(vocabulary: frozenset[str], word: str) -> bool:
    """Exact, or the same stem up to a derivational ending (Sweden/Swedish, Canada/Canadian)."""
    if word in vocabulary:
        return True
    if len(word) < 5:
        return False
    return any(len(v) >= 5 and _shared_prefix(v, word) >= max(4, min(len(v), len(word)) - 2) for v in vocabulary)


def _shared_prefix(a: str, b: str) -> int:
    count = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        count += 1
    return count


def _transliterated(piece: str, words: list[str]) -> set[int]:
    hits = set()
    for i, word in enumerate(words):
        if len(word) < 3:
            continue  # too short to tell by sound (and not worth reading the piece for)
        match = transliteration(piece, word)
        if match is not None and match.score >= PART_TRANSLITERATION:
            hits.add(i)
    return hits


def _outermost(parts: list[str]) -> list[str]:
    """Drop parts contained in another listed part, for a readable evidence string."""
    return [p for p in parts if not any(p != q and p in q for q in parts)]


_TYPE_WORDS: dict[EntityType, tuple[str, ...]] = {
    "ORG": (
        "company",
        "corporation",
        "university",
        "college",
        "institute",
        "association",
        "party",
        "bank",
        "organization",
        "organisation",
        "agency",
        "ministry",
        "committee",
        "exchange",
        "academy",
        "council",
    ),
    "LOC": (
        "city",
        "province",
        "country",
        "countries",
        "region",
        "state",
        "county",
        "capital",
        "river",
        "mountain",
        "island",
        "district",
        "continent",
        "lake",
        "sea",
        "town",
        "prefecture",
        "the west",
    ),
    "PER": (
        "politician",
        "president",
        "writer",
        "emperor",
        "businessman",
        "actor",
        "singer",
        "poet",
        "king",
        "general",
        "scientist",
        "philosopher",
        "founder",
    ),
}


@lru_cache(maxsize=65536)
def gloss_type(simplified: str) -> EntityType | None:
    """A type suggested by the glosses' wording (city, company, politician …), if any."""
    votes: dict[EntityType, int] = {}
    for entry in load_cedict().lookup(simplified):
        if not entry.is_proper_noun:
            continue
        text = " ".join(entry.glosses).lower()
        for kind, cues in _TYPE_WORDS.items():
            votes[kind] = votes.get(kind, 0) + sum(1 for cue in cues if cue in text)
        if regex.search(r"\(\d{3,4}-", text):
            votes["PER"] = votes.get("PER", 0) + 1
    best = max(votes.items(), key=lambda item: item[1], default=None)
    return best[0] if best and best[1] > 0 else None
