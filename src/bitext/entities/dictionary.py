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

import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

import regex

from bitext.entities.demonyms import is_demonym
from bitext.entities.institutions import EVENT_ENDINGS, OPTIONAL_WORDS, PRODUCTIVE_ENDINGS, institution_glosses
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
from bitext.entities.transliteration import sounds_at_least
from bitext.resources.cedict import load_cedict
from bitext.resources.places import load_places

# (…), [pinyin], and cross-references "聯合王國|联合王国[Lian2 he2 wang2 guo2]" with their pinyin (the
# pinyin has spaces: a cross-reference matched up to the first space left "he2 wang2 guo2]" in the gloss)
_BRACKETED = regex.compile(r"\([^()]*\)|[^\s\[]*\|[^\s\[]*\[[^\]]*\]|\[[^\]]*\]|\S*\|\S*")
_SPLIT = regex.compile(r"\s*[,;]\s*")
_WORD = regex.compile(r"[a-z0-9]+")
_PRONUNCIATION_NOTE = regex.compile(r"(?i)(?:taiwan |also |old |commonly |colloquial )?pr\. ")
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
# A long transliterated name opening the Chinese name (威斯敏斯特|裁判法院 ↔ Westminster Magistrates
# Court, 0.77 by the learned spellings) may match a little less well: it is a name jieba kept whole.
LEADING_TRANSLITERATION = 0.75


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
    """``"the U.S."`` → ``"us"``; ``"SenseTime’s"`` → ``"sensetime"``; ``"Ka-shing"`` → ``"ka shing"``;
    ``"Honshū"`` → ``"honshu"`` (letters with diacritics folded: CC-CEDICT writes Honshū, the text Honshu)."""
    if not text.isascii():
        text = _without_diacritics(text)
    text = text.replace("’", "'").lower().replace(" & ", " and ")  # a spaced ampersand is "and" (AT&T stays)
    text = _POSSESSIVE.sub("", text)
    text = text.replace(".", "")
    text = _NOT_ALPHANUMERIC.sub(" ", text).strip()
    for article in ("the ", "a ", "an "):
        if text.startswith(article):
            text = text[len(article) :]
    return " ".join(american(word) for word in text.split())


def _without_diacritics(text: str) -> str:
    """Honshū → Honshu, İzmir → Izmir, Erdoğan → Erdogan (combining marks dropped after decomposition)."""
    return "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))


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
                written = phrase.split()
                # a title before a name ("Sir Isaac Newton"), not a common word ("general assembly")
                while words and words[0] in TITLES and len(written) > 1 and written[1][:1].isupper():
                    words, written = words[1:], written[1:]
                if words:
                    heads.append(" ".join(words))
                break  # only the head of each gloss: "Hong Kong businessman" does not name 李嘉誠
            # a person named in brackets: 國父 "Father of the Republic (Sun Yat-sen)"
            heads.extend(normalise_english(name) for name in _NAMED_IN_BRACKETS.findall(gloss))
            heads.extend(normalise_english(name) for name in _ACRONYM_IN_BRACKETS.findall(gloss))
            # the other names a gloss gives: 伊斯蘭國 "Islamic State group (aka IS or ISIL or ISIS)"
            for other in _ALSO_KNOWN_AS.findall(gloss):
                heads.extend(normalise_english(name) for name in _AKA_SPLIT.split(other) if len(name.strip()) >= 3)
    return tuple(dict.fromkeys(heads))


# A bracketed proper name of two or more capitalised words inside a gloss (Sun Yat-sen, Chiang Kai-shek);
# not "(Tw)", "(Cantonese)" or "(of sb)", which say where or how the word is used.
_NAMED_IN_BRACKETS = regex.compile(r"\((\p{Lu}[\p{L}'-]*(?: \p{Lu}[\p{L}'-]*)+)\)")
# An acronym in brackets after the name it abbreviates: 匯豐 "Hong Kong and Shanghai Banking Corporation
# (HSBC)", 中華人民共和國 "… (PRC)"; two capitals or more, so not "(Tw)".
_ACRONYM_IN_BRACKETS = regex.compile(r"\((\p{Lu}{2,}[\p{Lu}\d]*)\)")
# "(aka IS or ISIL or ISIS)": the names after "aka", split at "or" and commas.
_ALSO_KNOWN_AS = regex.compile(r"\(aka ([^()]+)\)")
_AKA_SPLIT = regex.compile(r",\s*|\s+or\s+")


@lru_cache(maxsize=65536)
def gloss_words(simplified: str) -> frozenset[str]:
    """Every English word in any gloss of ``simplified`` (for covering the words of a longer name)."""
    words: set[str] = set()
    for entry in load_cedict().lookup(simplified):
        for gloss in entry.glosses:
            if gloss.startswith("surname "):
                continue  # a surname is romanised, not translated: the romanisations judge it
            if _PRONUNCIATION_NOTE.match(gloss):
                continue  # "Taiwan pr. [xing4] for …" (under 行): a reading note, no word of a translation
            for word in _WORD.findall(_without_location(_BRACKETED.sub(" ", gloss).lower())):
                words.add(stem(word))
            for name in _NAMED_IN_BRACKETS.findall(gloss) + _ACRONYM_IN_BRACKETS.findall(gloss):
                words.update(stem(word) for word in _WORD.findall(name.lower()))
    words.update(stem(word) for word in institution_glosses(simplified))
    if not words and len(simplified) == 2 and simplified[1] in PRODUCTIVE_ENDINGS:
        # 狱政 (not in CC-CEDICT): 狱 "prison" and the ending's "administration"
        words.update(gloss_words(simplified[0]))
        words.update(stem(word) for word in PRODUCTIVE_ENDINGS[simplified[1]])
    return frozenset(words)


def _without_location(gloss: str) -> str:
    """An administrative place's gloss without where it lies: "lankao county in kaifeng, henan" → "lankao county"
    (the province is no word of the county's name: 蘭考縣 answered "Henan Province"); other glosses whole."""
    if not PLACE_CHAINS or not _ADMINISTRATIVE_GLOSS.match(gloss):
        return gloss
    return _LOCATED.split(gloss, maxsplit=1)[0]


_LOCATED = regex.compile(r" (?:in|of|on|near) ")


def american(word: str) -> str:
    """British spelling folded to CC-CEDICT's American (Hong Kong and UK English: Labour Party for 工黨
    "Labor Party", Ministry of Defence, Centre, Organisation); a lower-case word."""
    if len(word) >= 6 and word.endswith("our") and word[-4] not in "aeiou":
        return word[:-3] + "or"  # labour, colour, harbour, honour, neighbour (not four, tour, behaviour)
    if word.endswith(("isation", "isations")):
        return word.replace("isation", "ization")  # organisation, privatisation
    if len(word) >= 5 and word.endswith("tre"):
        return word[:-2] + "er"  # centre, theatre, metre
    if word in _BRITISH_ENCE:
        return word[:-2] + "se"  # defence, licence, offence
    return word


_BRITISH_ENCE = frozenset({"defence", "licence", "offence", "pretence"})


def stem(word: str) -> str:
    """Crude plural folding, enough for glosses against names (Technologies/technology, Islands), after
    British spelling is folded to American (:func:`american`)."""
    word = american(word)
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
        if head == target or head == f"{target} language":  # 日語 "Japanese language" ↔ Japanese
            return DictionaryMatch(EXACT, f"cedict:{head}")
        if head.endswith(" authorities") and target == f"{head.removesuffix(' authorities')} government":
            # 中央 "central authorities" ↔ Central Government (the English capitalises the state's body)
            return DictionaryMatch(CONTAINED, f"cedict~{head}")
        if " " not in target and target.endswith("s") and stem(target) == head and is_common_word(zh):
            # 同盟國 "ally" ↔ the Allies (not 德國 "German" ↔ Germans: a people, no name)
            return DictionaryMatch(CONTAINED, f"cedict:{head}")
    for head in heads:
        # 三國 "Three Kingdoms period (220-280) in Chinese history" ↔ Three Kingdoms: an era's name
        if len(target) >= 4 and any(head.startswith(f"{target} {word}") for word in ("period", "era", "dynasty")):
            return DictionaryMatch(CONTAINED, f"cedict~{head}")
        # 刑法 "criminal law" ↔ Criminal Code: one law word for another
        head_words, target_words = head.split(), target.split()
        if (
            len(head_words) == len(target_words) >= 2
            and head_words[:-1] == target_words[:-1]
            and head_words[-1] in _LAW_WORDS
            and target_words[-1] in _LAW_WORDS
        ):
            return DictionaryMatch(CONTAINED, f"cedict:{head}")
        # 憲法 "constitution" ↔ Constitutional Law: the gloss's noun as an adjective before a law word
        if (
            len(head_words) == 1
            and len(target_words) == 2
            and target_words[1] in _LAW_WORDS
            and target_words[0] in (f"{head_words[0]}al", f"{head_words[0]}ial")
        ):
            return DictionaryMatch(CONTAINED, f"cedict~{head}")
        # 蘋果公司 "Apple Inc." ↔ Apple, 曼聯 "Manchester United Football Club" ↔ Manchester United: a
        # company or club named without its legal or club ending
        if (
            len(head_words) > len(target_words)
            and head_words[: len(target_words)] == target_words
            and " ".join(head_words[len(target_words) :]) in _COMPANY_ENDINGS
        ):
            return DictionaryMatch(CONTAINED, f"cedict~{head}")
        # 新北市 "New Taipei City" ↔ New Taipei: a city of two words or more named without "City"
        if len(target_words) >= 2 and head_words == [*target_words, "city"]:
            return DictionaryMatch(CONTAINED, f"cedict~{head}")
        # 一帶一路 "Belt and Road Initiative" ↔ Belt and Road: a programme named without its generic word
        if (
            len(target_words) >= 2
            and len(head_words) == len(target_words) + 1
            and head_words[:-1] == target_words
            and head_words[-1] in PROGRAMME_WORDS
        ):
            return DictionaryMatch(CONTAINED, f"cedict~{head}")
    target_words = target.split()
    for head in heads:
        head_words = head.split()
        # "obama" in "barack obama": the English gives the end of the gloss's name (a surname), and
        # what it leaves out is a name too ("university of" left out of "university of oxford" is not)
        left_out = head_words[: len(head_words) - len(target_words)]
        if (
            len(target) >= 3
            and not (len(target_words) == 1 and target_words[0] in EN_DESIGNATORS)  # Games of Olympic Games
            and head_words[-len(target_words) :] == target_words
            # a longer gloss only for a long English name (三民主義 "Sun Yat-sen's Three Principles
            # of the People" ↔ Three Principles of the People)
            and (len(head_words) <= 4 or len(target_words) >= 3)
            and not any(w in EN_DESIGNATORS or w in CONNECTORS for w in left_out)
            and not _two_abbreviations(zh, left_out)
        ):
            return DictionaryMatch(CONTAINED, f"cedict~{head}")
    return None


def _stationed_place(zh: str) -> range:
    """驻 + a place inside a body's name (香港|駐悉尼|經濟貿易辦事處 ↔ Hong Kong Economic & Trade Office, which
    the English follows with ", Sydney" or not at all): the characters the English need not answer."""
    at = zh.find("驻", 1)
    if at < 0:
        return range(0)
    for size in (4, 3, 2):
        place = zh[at + 1 : at + 1 + size]
        if len(place) == size and at + 1 + size < len(zh) and place in load_places().chinese:
            return range(at, at + 1 + size)
    return range(0)


_LETTER_RUN = regex.compile(r"[\p{L}]+")
_POSSESSIVE_S = regex.compile(r"(?<=\p{L})['’]s\b")
PROGRAMME_WORDS = frozenset("initiative project programme program plan campaign strategy".split())
_COMPANY_ENDINGS = frozenset(
    {"inc", "corp", "corporation", "company", "co", "ltd", "limited", "plc", "group", "holdings", "fc", "club"}
    | {"football club", "co ltd", "company limited", "holdings limited", "group limited", "news agency"}
)


def _two_abbreviations(zh: str, left_out: list[str]) -> bool:
    """美中 "USA China": two one-character abbreviations, and what the English leaves out is the
    first one's own gloss, so the gloss names two places, not one name with its given name."""
    return len(zh) == 2 and bool(left_out) and " ".join(left_out) in gloss_heads(zh[0])


def initials(name: str) -> str:
    """Upper-case initials of a name's content words: "United Nations" → "UN", "Court of Final
    Appeal" → "CFA", "United States Geological Survey" → "USGS"."""
    words = _LETTER_RUN.findall(_POSSESSIVE_S.sub("", name))  # People's Liberation Army → PLA, not PSLA
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
    # "US Department of Commerce", "U.S. Corps of Engineers": the country, not the pronoun "us"
    country = ("US" in en or "U.S." in en) and bool(_US.search(en))
    return [
        w
        for w in normalise_english(en).split()
        if (w not in STOPWORDS or (country and w == "us")) and w not in CONNECTORS
    ]


_US = regex.compile(r"(?<![\p{L}.])U\.?S\.?(?![\p{L}])")


def optional_words(words: list[str]) -> set[int]:
    """Words of an institution's name that need no Chinese counterpart (Mainland Affairs Council ↔
    大陸委員會, National Earthquake Information Center ↔ 美國地震資訊中心): only beside a designator and
    at least two words that do."""
    optional = {i for i, w in enumerate(words) if w in OPTIONAL_WORDS}
    rest = [w for i, w in enumerate(words) if i not in optional]
    return optional if len(rest) >= 2 and any(_designator_kind(w) for w in rest) else set()


def composed_match(
    zh: str, en: str, learned: Mapping[str, str] | None = None, unglossed_tail: bool = False
) -> DictionaryMatch | None:
    """Every English content word is covered by a part of the Chinese name, and the covering parts
    span most of the Chinese name. ``learned`` maps already found Chinese names to English ones.
    ``unglossed_tail``: the name ends in a noun no gloss explains (全球環境|基金 for Global
    Environment Facility), which may then answer one unglossed English word."""
    words = content_words(en)
    if words and words[-1] in OPTIONAL_WORDS and not any(_designator_kind(w) for w in words):
        return None  # "Mongolian Affairs" (of the Bureau of Mongolian Affairs) names a field, not a body
    if "and" in normalise_english(en).split() and not _one_name_with_and(zh, en):
        return None  # two names coordinated on both sides are two rows (美國和加拿大 ↔ United States and Canada)
    # Two or three characters are a personal name or a plain word: the whole-word gloss and the
    # romanisations judge those; composing 徐 "surname Xu" + 立 would only repeat the pinyin.
    suffix, kind = _designator_suffix(zh)
    # A three-character body (財政部 ↔ Ministry of Finance, 立法院 ↔ Legislative Yuan) is a word and
    # its designator, not a personal name.
    short_body = len(zh) == 3 and bool(suffix) and any(_designator_kind(word) == kind for word in words)
    if len(words) < 2 or (len(zh) < 4 and not short_body):
        return None
    folded = normalise_english(en).split()
    if (words[0] in TITLES or words[0] in _OFFICE_WORDS) and (
        folded[1:2] == ["of"] or not any(_designator_kind(w) for w in words)
    ):
        return None  # President of the Executive Yuan, Members of the Legislative Yuan: offices, not names
    if (words[-1] in TITLES or words[-1] in _OFFICE_WORDS) and not any(_designator_kind(w) for w in words):
        return None  # Business Minister, National Security Advisor (not the Ministry of Justice)
    if _OFFICE_INSIDE.search(zh):
        return None  # 立法委員|組織 (legislators' organisation), 行政院院長: an office inside, no body's name
    covered_words: set[int] = set()
    covered_chars: set[int] = set()
    placed: list[tuple[int, int, str]] = []
    answered: dict[tuple[int, int], set[int]] = {}  # each placed piece's English words
    by_sound: list[tuple[int, int, str, set[int]]] = []
    optional = optional_words(words)
    stems = [stem(word) for word in words]  # once, not per part
    pieces: list[tuple[int, int, str, set[int]]] = []
    for start in range(len(zh)):
        for end in range(start + 1, min(len(zh), start + 8) + 1):
            piece = zh[start:end]
            if len(piece) == len(zh):
                continue  # the whole name is the direct match's business; here only its parts count
            vocabulary = _piece_vocabulary(piece, learned)
            hits = {i for i, word_stem in enumerate(stems) if covers(vocabulary, word_stem)}
            pieces.append((start, end, piece, hits))
    # the first English designator of the Chinese ending's kind (answered by the ending, below)
    designators = {
        i
        for i, word in enumerate(words)
        # 危機 answers a crisis, not a Revolution; 法 any law word
        if _designator_kind(word) == kind
        and (kind != "MISC" or word in _LAW_WORDS or word in EVENT_ENDINGS.get(suffix, ()))
        and suffix.endswith(_ENDINGS_OF.get(word, suffix))
    }
    designators = set(sorted(designators)[:1])
    given = optional | (designators if suffix else set())
    if not _may_cover(zh, words, pieces, given):
        return None  # cost only: more English words than a match may leave are answered by no part
    listened = _words_a_part_may_sound(zh, words, pieces, given)
    for start, end, piece, hits in pieces:
        if not hits and 2 <= end - start <= 6:
            sounded = _transliterated(piece, listened, _part_floor(start, end))
            if sounded:
                by_sound.append((start, end, piece, sounded))
            continue
        if hits - covered_words or (hits and not covered_chars.issuperset(range(start, end))):
            covered_words |= hits
            covered_chars.update(range(start, end))
            placed.append((start, end, piece))
            answered[start, end] = hits
    # A piece matched by sound answers only English words no gloss answers (高翔是中國社會科學院 ↔ Chinese
    # Academy of Social Sciences: 翔是 sounded like a word the glosses of 中國社會科學院 answer)
    glossed = set(covered_words)
    for start, end, piece, sounded in by_sound:
        hits = sounded - glossed
        if hits - covered_words or (hits and not covered_chars.issuperset(range(start, end))):
            covered_words |= hits
            covered_chars.update(range(start, end))
            placed.append((start, end, piece))
            answered[start, end] = hits
    if _redundant_last_piece(answered, zh, _designator_suffix(zh)[0]):
        return None  # 金馬獎頒獎典禮 ↔ Golden Horse Awards: 頒獎 "award" repeats what 金馬獎 answers
    parts = [piece for _, _, piece in sorted(placed)]
    # the Chinese ending answers one designator, the English head's (Agency of "National Immigration
    # Agency of the Ministry of the Interior" for 署; the Ministry is 部 inside the name)
    if suffix and designators:
        # 學院 ↔ Academy: a designator on each side stands for the other, whatever the glosses say
        # (委員會 ↔ Council though 委 alone is glossed "council")
        covered_words |= designators
        covered_chars.update(range(len(zh) - len(suffix), len(zh)))
        parts = [p for p in parts if not suffix.startswith(p) and not suffix.endswith(p)] + [suffix]
    covered_words |= optional
    covered_chars.update(_stationed_place(zh))
    if not _head_answered(en, words, covered_words - designators - optional):
        return None  # 內政部 ↔ National Immigration Agency of the Ministry of the Interior: only the "of" part
    english_share = len(covered_words) / len(words)
    chinese_share = len(covered_chars) / len(zh)
    # An institution's name of three words or more may leave one unglossed (基金 "fund" for
    # Facility, 終審 "final ruling" for Final Appeal) if an unglossed last Chinese word answers it:
    # 全球環境 alone does not name the Global Environment Facility.
    uncovered = [i for i in range(len(zh)) if i not in covered_chars]
    last_word_left = bool(uncovered) and uncovered == list(range(uncovered[0], len(zh))) and len(uncovered) <= 2
    institution = any(_designator_kind(word) for word in words)
    one_left = len(words) >= 3 and len(words) - len(covered_words) == 1 and institution
    if one_left and _left_after_designators(words, covered_words):
        one_left = False  # "Golden Melody Awards Unveils Winners": a headline runs past the name's designator
    partly = one_left and unglossed_tail and last_word_left
    if len(_outermost(parts)) + partly < 2:
        return None
    if PLACE_CHAINS and chinese_share == 1.0 and all(map(administrative_place, _outermost(parts))):
        return None  # 河南|蘭考縣 ↔ "Lankao County of Henan Province": two places, each its own row
    if (english_share < 1.0 and not one_left) or chinese_share < 0.6:
        return None
    if english_share < 1.0 and not partly and chinese_share < 1.0:
        return None  # an English word left over and Chinese characters left over: not one name
    if english_share < 1.0 and any(
        load_places().is_region(words[i]) for i in range(len(words)) if i not in covered_words
    ):
        return None  # a country left unanswered: 澳門理工大學 does not name the Macao and Taiwan Affairs Office
    if partly:
        score = COMPOSED
    elif english_share < 1.0:
        score = COMPOSED * PARTLY  # one English word that no Chinese word answers: weaker (0.68)
    else:
        score = COMPOSED * min(1.0, chinese_share + 0.2)
    label = "composed-partly:" if english_share < 1.0 else "composed:"
    return DictionaryMatch(round(score, 4), label + "+".join(_outermost(parts)))


# Switch for chains of administrative places (a test turns it off; candidates.PLACE_CHAINS is the English side).
PLACE_CHAINS = True
# "lankao county", "jiaxing prefecture level city", "ürümqi or urumqi, prefecture-level city" (and where it lies)
_ADMINISTRATIVE_GLOSS = regex.compile(
    r"^[\p{Ll}'-]+(?: [\p{Ll}'-]+)?(?: or [\p{Ll}'-]+)?,? (?:province|county|district|prefecture|"
    r"(?:subprovincial |sub-provincial |prefecture[ -]level )?city)\b"
)


@lru_cache(maxsize=16384)
def administrative_place(simplified: str) -> bool:
    """A Chinese word that names an administrative place: GeoNames knows it (北京市, 南陽), or CC-CEDICT glosses it
    as a province, county, district, prefecture or city (河南 "Henan province in central China", 蘭考縣 "Lankao
    county in Kaifeng", 嘉興 "Jiaxing prefecture level city in Zhejiang")."""
    if simplified in load_places().chinese:
        return True
    return any(_ADMINISTRATIVE_GLOSS.match(head) for head in gloss_heads(simplified))


# English designators only some Chinese endings stand for: a ministry is a 部 (or Japan's 省), a Yuan a
# 院; 院 may be a court, an institute, a museum or an academy, but never a ministry (司法院 is the
# Judicial Yuan, not the Ministry of Justice, 法務部). Other designators take any ending of their kind.
_ENDINGS_OF: dict[str, tuple[str, ...]] = {
    "ministry": ("部", "省"),
    # a department is a 部, 局, 處, 廳, 司, 署, a university's 系 or 科, or a 院 (國務院 ↔ Department of
    # State), never a 政府 (美國州政府 "state governments" is no Department of State)
    "department": ("部", "局", "处", "厅", "司", "署", "系", "科", "院"),
    "yuan": ("院",),
}


def _head_answered(en: str, words: list[str], glossed: set[int]) -> bool:
    """In "X of the Y" the name is X's: some Chinese word must translate a word of X unless X is only
    a designator (Court of Final Appeal ↔ 終審法院 is fine; 內政部 for the Agency of the Ministry is not)."""
    folded = normalise_english(en).split()
    if "of" not in folded:
        return True
    head = [w for w in folded[: folded.index("of")] if w in words and w not in OPTIONAL_WORDS]
    if all(_designator_kind(w) for w in head):
        return True
    return any(words[i] in head for i in glossed)


def _one_name_with_and(zh: str, en: str) -> bool:
    """國家科學及技術委員會 ↔ National Science and Technology Council: the conjunction joins two words
    of one institution's name (see spans.inner_conjunction), and the Chinese has one conjunction,
    inside the name, before its one designator ending."""
    from bitext.entities.spans import inner_conjunction

    conjunctions = regex.findall("[和及與与暨、]", zh)
    if not conjunctions:
        return inner_conjunction(en)  # 交通部 ↔ Ministry of Transportation and Communications
    if len(conjunctions) != 1 or not inner_conjunction(en) or not _designator_suffix(zh)[0]:
        return False
    before = zh[: zh.index(conjunctions[0])]
    # a law's ending before the conjunction makes two laws only where the English names a law: 司法
    # "judicial" ends like 法 "law" (司法及獄政委員會 ↔ Committee on Judicial and Prison Administration Affairs)
    laws = any(word in _LAW_WORDS for word in normalise_english(en).split())
    return (
        len(before) >= 2
        and not _designator_suffix(before + "x")[0]
        and not before.endswith(tuple(ending for ending, kind in designator_endings() if kind != "MISC" or laws))
    )


@lru_cache(maxsize=65536)
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


# Offices (simplified): a member (委員, not 委員會), a head (院長, 部長 …), a president.
_OFFICE_INSIDE = regex.compile("委员(?!会)|院长|部长|局长|署长|会长|议员|主席|总统|总理|首相")
_LAW_WORDS = frozenset(
    "act acts law laws code ordinance regulations convention treaty accords accord agreement protocol charter".split()
)
_OFFICE_WORDS = frozenset(
    "member members chairmen presidents ministers secretaries judges advisor adviser advisors advisers".split()
)


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
    if any(len(v) >= 5 and _shared_prefix(v, word) >= max(4, min(len(v), len(word)) - 2) for v in vocabulary):
        return True
    # a country of four letters and its adjective: Iran / Iranian (伊朗革命 ↔ Iranian Revolution), Cuba / Cuban
    return any(len(v) == 4 and word.startswith(v) for v in vocabulary) and is_demonym(word)


def _shared_prefix(a: str, b: str) -> int:
    count = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        count += 1
    return count


def _part_floor(start: int, end: int) -> float:
    """The transliteration floor of a part of a composed name (composed_match)."""
    return LEADING_TRANSLITERATION if start == 0 and end - start >= 4 else PART_TRANSLITERATION


def _may_cover(zh: str, words: list[str], pieces: Sequence[tuple[int, int, str, set[int]]], given: set[int]) -> bool:
    """Whether composed_match may still answer all English ``words`` but at most the one it may leave
    (three words or more, an institution's): a bound told before the parts are read by sound. A word
    is answered by a gloss (each piece's ``hits``), by ``given`` (optional words, the designator), or
    by sound, by a part of two to six characters (``_transliterated``, which reads only the parts no
    gloss answers: ``_sounded_by_a_part`` reads them all, once per name and word). False only where
    composed_match returns None."""
    glossed = set(given)
    for _, _, _, hits in pieces:
        glossed |= hits
    allowed = 1 if len(words) >= 3 and any(_designator_kind(w) for w in words) else 0
    missing = 0
    for i, word in enumerate(words):
        if i not in glossed and not _sounded_by_a_part(zh, word):
            missing += 1
            if missing > allowed:
                return False
    return True


def _words_a_part_may_sound(
    zh: str, words: list[str], pieces: Sequence[tuple[int, int, str, set[int]]], given: set[int]
) -> list[str]:
    """``words`` with "" in place of each word composed_match need not compare by sound with its parts (a
    word of fewer than three letters is compared with none): a word some part's gloss answers (the by-sound
    placement takes only words no gloss answers, and every part's gloss hits are among the words answered by
    gloss), and a word no part sounds like (``_sounded_by_a_part``, which ``_may_cover`` has read for every
    word but the glossed and the ``given`` ones). Cost only: the parts' sound matches placed are the same."""
    glossed: set[int] = set()
    for _, _, _, hits in pieces:
        glossed |= hits
    return [
        word if i not in glossed and (i in given or _sounded_by_a_part(zh, word)) else ""
        for i, word in enumerate(words)
    ]


@lru_cache(maxsize=65536)
def _sounded_by_a_part(zh: str, word: str) -> bool:
    """Whether a part of ``zh`` of two to six characters, not all of it, sounds like the English
    ``word`` at the floor composed_match sets for that part."""
    if len(word) < 3:
        return False  # _transliterated reads no word this short
    n = len(zh)
    return any(
        sounds_at_least(zh[start:end], word, _part_floor(start, end))
        for start in range(n)
        for end in range(start + 2, min(n, start + 6) + 1)
        if end - start < n
    )


def _transliterated(piece: str, words: list[str], floor: float = PART_TRANSLITERATION) -> set[int]:
    hits = set()
    for i, word in enumerate(words):
        if len(word) < 3:
            continue  # too short to tell by sound (and not worth reading the piece for)
        if sounds_at_least(piece, word, floor):  # transliteration(piece, word) scores floor
            hits.add(i)
    return hits


def _left_after_designators(words: Sequence[str], covered: set[int]) -> bool:
    """The English word no Chinese part answers comes after the name's designator, which ends the
    name (not a designator opening it: Act Governing the Customs' Investigation of Smuggling)."""
    designators = [i for i, word in enumerate(words) if _designator_kind(word)]
    left = [i for i in range(len(words)) if i not in covered]
    return bool(designators) and designators[0] > 0 and bool(left) and left[0] > designators[-1]


def _redundant_last_piece(answered: Mapping[tuple[int, int], set[int]], zh: str, suffix: str) -> bool:
    """The name's last piece (before a designator ending, which answers for itself) answers only
    English words that other pieces answer, and unanswered characters follow it: it carries the name
    past its end (金馬獎|頒獎|典禮 for Golden Horse Awards, the award ceremony). Not when the other piece
    and the last one make one dictionary word (籌|備 of 籌備處, each character glossed "prepare")."""
    pieces = [(span, hits) for span, hits in answered.items() if span[1] <= len(zh) - len(suffix)]
    if len(pieces) < 2:
        return False
    (last_start, last_end), last_hits = max(pieces, key=lambda item: (item[0][1], -item[0][0]))
    if last_end >= len(zh) - len(suffix):
        return False  # the piece closes the name (法網|公開賽 ↔ French Open: "open" twice, no word after it)
    others: set[int] = set()
    for (start, end), hits in pieces:
        if (start, end) == (last_start, last_end) or (last_start <= start and end <= last_end):
            continue
        if any(a <= start and end <= b and (a, b) != (start, end) for (a, b), _ in pieces):
            continue  # a character inside a word that is a piece itself (空 of 航空): the word speaks
        if hits & last_hits and load_cedict().lookup(zh[min(start, last_start) : last_end]):
            return False
        others |= hits
    return bool(last_hits) and last_hits <= others


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
        # media and firms: 人民日報 "People's Daily (PRC newspaper)", 沃爾瑪 "Wal-Mart (retailer)"
        "newspaper",
        "news agency",
        "broadcaster",
        "retailer",
        "airline",
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
        # a given name the dictionary glosses as such: 凱利 "Kelly (person name)", 科林 "Colin (name)"
        "(name)",
        "person name",
        "given name",
        "female name",
        "male name",
    ),
}


_NOT_A_LIFE = regex.compile(
    r"\b(?:dynasty|period|era|war|kingdom|empire|reign|republic|state|age|revolution|uprising|rebellion|movement)\b"
)


@lru_cache(maxsize=65536)
def glossed_lifespan(simplified: str) -> bool:
    """A proper-noun gloss gives a life's dates: 奧巴馬 "Barack Obama (1961-), US Democrat politician",
    普京 "Vladimir Putin (1952-), president of Russia" (not "Ming dynasty (1368-1644)")."""
    for entry in load_cedict().lookup(simplified):
        if entry.is_proper_noun:
            text = " ".join(entry.glosses).lower()
            lifespan = regex.search(r"\(\d{3,4}-", text)
            if lifespan and not _NOT_A_LIFE.search(text[: lifespan.start()]):
                return True
    return False


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
        lifespan = regex.search(r"\(\d{3,4}-", text)
        if lifespan:
            # "Zhao Leji (1957-), member of the … Standing Committee": the dates say a person, whatever
            # bodies the description names after them; not "Ming dynasty (1368-1644)"
            before = text[: lifespan.start()]
            votes["PER"] = votes.get("PER", 0) + (1 if _NOT_A_LIFE.search(before) else 5)
    best = max(votes.items(), key=lambda item: item[1], default=None)
    return best[0] if best and best[1] > 0 else None
