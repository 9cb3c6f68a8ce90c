"""Candidate names on each side of a sentence: spans of the original text that may be entities.

English: runs of capitalised words and acronyms (connectors like "of" allowed inside: University of
Oxford), with titles ("Chairman and CEO"), leading articles, sentence-initial common words and
possessives ('s, ’s) stripped, plus tickers (0020.HK). Chinese: jieba's name tags (nr/ns/nt/nz),
CC-CEDICT proper nouns, Latin tokens (OpenAI inside Chinese text), foreign names joined by ·, and
names extended by designators (商湯 + 集團股份有限公司). Candidates overlap on purpose (香港中文大學
and 香港): pairing decides which spans are linked.
"""

from __future__ import annotations

import itertools
import operator
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

import regex

from bitext.document import Document
from bitext.entities import leading_names
from bitext.entities.abbreviated_places import SOURCE as ABBREVIATED_SOURCE
from bitext.entities.abbreviated_places import abbreviated_offsets
from bitext.entities.coordinated_bodies import coordinated_members
from bitext.entities.demonyms import is_demonym
from bitext.entities.lexicon import (
    CALENDAR,
    CONNECTORS,
    CURRENCY_WORDS,
    EN_DESIGNATORS,
    EN_MISC_DESIGNATORS,
    EN_ORG_DESIGNATORS,
    EN_PLACE_DESIGNATORS,
    PINYIN_SYLLABLE,
    STOPWORDS,
    TIME_ZONES,
    TITLES,
    ZH_ORG_SUFFIXES,
    ZH_SUFFIXES,
    is_common_english_word,
    simplified_suffixes,
)
from bitext.entities.model import EntityType
from bitext.entities.transliteration import NAME_SEPARATORS
from bitext.resources.cedict import load_cedict
from bitext.resources.sounds import load_sounds
from bitext.segment.words import Token, tokenize

_ALL_HAN = regex.compile(r"\p{Han}+")


@dataclass(frozen=True, slots=True)
class Candidate:
    """A possible entity mention: ``[start, end)`` into the document's original text.

    ``key`` is the form used for matching and counting (Chinese: simplified; English: without
    possessive, curly quotes straightened). ``core`` is the key of the bare name inside a designated
    one (商湯 in 商湯集團, SenseTime in SenseTime Group Co., Ltd.), else empty.
    """

    start: int
    end: int
    text: str
    key: str
    sentence: int
    source: str
    hint: EntityType | None = None
    core: str = ""

    def contains(self, other: Candidate) -> bool:
        return self.start <= other.start and other.end <= self.end

    def overlaps(self, other: Candidate) -> bool:
        return self.start < other.end and other.start < self.end


# ---------------------------------------------------------------- English

_EN_TOKEN = regex.compile(
    r"(?:\p{Lu}\.){2,}"  # U.S., U.K.
    r"|\d+(?:\.\p{Lu}{1,4})+"  # 0020.HK
    r"|[\p{L}\p{N}]+(?:[-'’&][\p{L}\p{N}]+)*[’']?"  # words, Ka-shing, SenseTime's, O'Neill
    r"|(?<= )&(?= )"  # a spaced ampersand joins a name like "and" (Commonwealth Scientific & Industrial …)
)
_TICKER = regex.compile(r"^\d{1,6}\.\p{Lu}{1,4}$|^\p{Lu}{1,5}\.\p{Lu}{1,2}$")
_ABBREVIATIONS = frozenset("co ltd inc corp dr mr mrs ms st jr sr prof gen sen rep gov mt ft no".split())
_LEGAL_TAIL = frozenset("ltd ltd. inc inc. limited llc plc co co. corp corp.".split())
_LINE_WRAP = regex.compile(r"[ \t]*\n[ \t]*")
# Headings are capitalised without naming anything: "Article 23", "Chapter IV", "Schedule 2".
HEADING_WORDS = frozenset(
    "article articles chapter chapters section sections schedule schedules part parts annex appendix clause "
    "clauses paragraph paragraphs item table figure rule rules regulation division title book volume".split()
)
_SENTENCE_OPENERS = "\"“‘'([{«「『—–- \t\n"
# An item number before a statute's sentence ("2. If the Legislative Yuan", "(2) Should the Executive
# Yuan", "iii) Where"): the word after it still starts the sentence.
_ITEM_MARKER = regex.compile(r"[\"“‘'(\[{«「『—–\- \t\n]*(?:(?:\(?\d{1,3}|\(?[a-z]|\(?[ivx]{1,5})[.)][ \t]*)?")


class _Word(NamedTuple):
    """An English word with its offsets (a named tuple: a document has hundreds of thousands)."""

    start: int
    end: int
    text: str

    @property
    def folded(self) -> str:
        return self.text.lower().rstrip(".")

    @property
    def is_capitalised(self) -> bool:
        if self.text == "I":
            return False  # the pronoun
        first = self.text[0]
        if first.isupper():
            return True
        # camel case starting lower case: iPhone, eBay (most words are all lower case: no need to look further)
        rest = self.text[1:]
        return first.islower() and not rest.islower() and any(ch.isupper() for ch in rest)

    @property
    def is_ticker(self) -> bool:
        return "." in self.text and bool(_TICKER.match(self.text))  # (every ticker has a dot)


def _english_words(text: str, start: int, end: int) -> list[_Word]:
    words = []
    for match in _EN_TOKEN.finditer(text, start, end):
        word_end = match.end()
        token = match.group()
        if word_end < end and text[word_end] == "." and (token.lower() in _ABBREVIATIONS or _is_initial(token)):
            word_end += 1  # Co. Ltd. Dr.: the period belongs to the word; so does an initial's (John F. Kennedy)
        if word_end < end and text[word_end] == "$":
            continue  # HK$, US$: currencies, not names
        glued = _GLUED_PREFIX.match(token)
        word_start = match.start() + (glued.end() if glued else 0)  # anti-ISIL: the name is ISIL
        words.append(_Word(word_start, word_end, text[word_start:word_end]))
    return words


# A lower-case prefix hyphenated to a name ("the anti-ISIL coalition", "pro-Beijing", "trans-Pacific").
_GLUED_PREFIX = regex.compile(r"(?:anti|pro|non|ex|pre|post|neo|pan|mid|trans|inter)-(?=\p{Lu})")


def _is_initial(token: str) -> bool:
    return len(token) == 1 and token.isupper() and token != "I"


def _joinable(text: str, left: _Word, right: _Word) -> bool:
    """Two words may sit in one name if only a space separates them (or ", " before Ltd./Inc.)."""
    gap = text[left.end : right.start]
    if gap == " " or _LINE_WRAP.fullmatch(gap):
        return True
    return gap == ", " and right.folded in _LEGAL_TAIL


# Designators a body's name may follow with "in" and the place it sits in (American Institute in Taiwan,
# Taipei Economic and Cultural Office in New York); not a court or a bank ("the High Court in Hong Kong"
# says where a case was heard).
_SEATED_DESIGNATORS = frozenset(
    "institute office association council committee commission chamber centre center foundation "
    "society agency bureau mission delegation representative".split()
)


def _runs(text: str, words: Sequence[_Word]) -> list[list[_Word]]:
    """Maximal runs of capitalised words, connectors allowed between two capitalised words."""
    runs: list[list[_Word]] = []
    current: list[_Word] = []
    pending: list[_Word] = []  # connectors waiting for a capitalised word
    for word in words:
        joinable = bool(current) and _joinable(text, (pending or current)[-1], word)
        if word.is_capitalised and not word.is_ticker:
            if current and joinable:
                current.extend(pending)
            elif current:
                runs.append(current)
                current = []
            current.append(word)
            pending = []
        elif current and joinable and word.text in CONNECTORS and len(pending) < 2:
            pending.append(word)
        elif current and joinable and word.text == "in" and not pending and current[-1].folded in _SEATED_DESIGNATORS:
            pending.append(word)  # a body and where it sits: American Institute in Taiwan, Liaison Office in …
        else:
            if current:
                runs.append(current)
            current, pending = [], []
    if current:
        runs.append(current)
    return runs


def _is_sentence_initial(text: str, sentence_start: int, word: _Word) -> bool:
    before = text[sentence_start : word.start]
    return all(ch in _SENTENCE_OPENERS for ch in before) or bool(_ITEM_MARKER.fullmatch(before))


def _strip_run(run: list[_Word], initial: bool, capitalised_elsewhere: frozenset[str]) -> tuple[list[_Word], bool]:
    """Drop what capitalisation does not make a name: openers, titles, calendar words, connectors.

    Returns the remaining words and whether a personal title was stripped (a hint for PER).
    """
    words = list(run)
    if (
        len(words) > 2
        and [w.folded for w in words[:2]] == ["chief", "executive"]
        and not any(w.folded in EN_DESIGNATORS for w in words[2:])
    ):
        words = words[2:]  # Chief Executive Ho Iat Seng (Executive alone opens names: Executive Yuan)
    if initial and words and _is_common_opener(words, capitalised_elsewhere):
        words = words[1:]
    while words and _CONTRACTION.match(words[0].text):
        words = words[1:]  # "The team leader said, Who's Wang Er?": a quoted question opens with a capital
    while words and (words[0].text in CONNECTORS or words[0].folded in ("the", "a", "an")):
        words = words[1:]
    words = _without_office(words)
    titled = False
    while len(words) > 1 and (words[0].folded in TITLES or words[0].text in CONNECTORS):
        rest = words[1:]
        if any(w.folded in EN_DESIGNATORS for w in rest):
            break  # "Foreign Ministry", "Prime Minister's Office": the title word is part of the name
        if words[0].folded == "late" and rest[-1].folded in _ERA_WORDS:
            break  # the Late Middle Ages: an era, not "the late" someone
        titled = titled or words[0].folded in TITLES
        words = rest
    while words and (
        words[-1].text in CONNECTORS or (len(words) > 1 and (words[-1].folded in CALENDAR or _post_nominal(words)))
    ):
        words = words[:-1]
    if len(words) > 2 and words[-1].folded in _HEAD_TITLES and words[-2].folded in EN_ORG_DESIGNATORS:
        words = words[:-1]  # "National Taichung Library Director, Mr. Yang": the body, then its head's title
    while words and words[0].folded in CALENDAR and len(words) > 1:
        words = words[1:]
    if len(words) == 1 and (
        words[0].folded in CALENDAR
        or all(part in TITLES for part in words[0].folded.split("-"))  # Secretary-General: an office
        or words[0].folded in HEADING_WORDS
        or words[0].text in TIME_ZONES
        or len(words[0].text) < 2
    ):
        return [], titled
    if words and words[-1].folded in CURRENCY_WORDS:
        return [], titled  # New Taiwan Dollars, Falkland pound: currencies are no entities (gold guideline)
    return words, titled


_ERA_WORDS = frozenset({"age", "ages", "period", "antiquity", "empire", "dynasty"})
# The title of a body's head, written after the body's name ("Library Director", "Yuan President").
_HEAD_TITLES = frozenset(
    "director chairman chairwoman chairperson president head chief commissioner rector principal dean curator "
    "spokesman spokeswoman spokesperson".split()
)
# Plural offices and members of a body: "Members of the Legislative Yuan", "Judges of the Court".
_OFFICE_WORDS = frozenset(
    "member members judges justices delegates representatives ministers presidents chairmen secretaries heads "
    "officers commissioners councillors councilors senators governors".split()
)
_OFFICE_OBJECTS = EN_DESIGNATORS | frozenset({"republic", "kingdom", "states", "nations"})


def _without_office(words: list[_Word]) -> list[_Word]:
    """ "President of the Executive Yuan", "Members of the Legislative Yuan": an office is no name (the
    gold's guideline), the body after "of" is."""
    count = 0
    while count < len(words) and (words[count].folded in TITLES or words[count].folded in _OFFICE_WORDS):
        count += 1
    if not count or count >= len(words) - 1 or words[count].text != "of":
        return words
    rest = words[count + 1 :]
    while rest and rest[0].folded in ("the", "a", "an"):
        rest = rest[1:]
    return rest if any(w.folded in _OFFICE_OBJECTS for w in rest) else words


# A contraction opening a sentence is no name's first word: "Who's Wang Er?", "It's", "We'll", "Don't".
_CONTRACTION = regex.compile(
    r"(?i)^(?:(?:who|what|where|when|why|how|it|that|there|here|he|she|let)['’]s|\p{L}+['’](?:re|ve|ll|d|m)|\p{L}+n['’]t)$"
)


def _is_common_opener(words: list[_Word], capitalised_elsewhere: frozenset[str]) -> bool:
    first = words[0]
    if first.folded in STOPWORDS:
        return True
    if first.folded in capitalised_elsewhere:
        return False
    if len(words) >= 2 and _chinese_name_start(words[0].text, words[1].text):
        return False  # "Pan Gongsheng, governor of …": a surname in pinyin, not the common word "pan"
    # "Later Chen Qingyang": a common word capitalised only because it starts the sentence; but
    # "Global Environment Facility", a name with a designator, keeps its first word.
    # Not before "of": "Shares of HSBC Holdings" is a common word and the name after it (the body of
    # "Bank of China" is its own first word).
    before_of = len(words) > 2 and words[1].folded in ("of", "for")
    if before_of and first.folded in EN_DESIGNATORS:
        return False  # "Department of Justice", "Bank of China": the body's designator opens its name
    if len(words) > 1 and any(w.folded in EN_DESIGNATORS for w in words[1:]) and not before_of:
        return False
    return is_common_english_word(first.text.rstrip("’'"))


# Pinyin spellings of the commonest Chinese surnames that are also English words (He, Long, Pan, Fan …);
# before a given name written in pinyin they open a Chinese name.
_PINYIN_SURNAMES = frozenset("he long pan fan bai yang lu ma hu gao song tang du bao ding ren yao wan shi mo".split())
_PINYIN_GIVEN = regex.compile(PINYIN_SYLLABLE + "{1,2}")


def _chinese_name_start(first: str, second: str) -> bool:
    """``first second`` reads as a Chinese name: a surname's pinyin that is also an English word, then a
    capitalised given name of one or two pinyin syllables (Pan Gongsheng, He Lifeng, Long Yongtu)."""
    return (
        first.lower() in _PINYIN_SURNAMES
        and second[:1].isupper()
        and second[1:].islower()
        and bool(_PINYIN_GIVEN.fullmatch(second.lower().replace("-", "")))
        and not is_common_english_word(second)
    )


def _strip_possessive(text: str, start: int, end: int) -> int:
    for suffix in ("'s", "’s", "’", "'"):
        if text.endswith(suffix, start, end) and end - len(suffix) > start + 1:
            return end - len(suffix)
    return end


def english_key(surface: str) -> str:
    """Curly apostrophes straightened and white space (a line break in wrapped text) one space."""
    return " ".join(surface.replace("’", "'").split())


def _english_candidate(
    text: str, words: Sequence[_Word], sentence: int, source: str, hint: EntityType | None, core: str = ""
) -> Candidate:
    start, end = words[0].start, _strip_possessive(text, words[0].start, words[-1].end)
    surface = text[start:end]
    return Candidate(start, end, surface, english_key(surface), sentence, source, hint, core)


def _english_hint(words: Sequence[_Word], titled: bool) -> EntityType | None:
    folded = {w.folded for w in words}
    if words and words[-1].folded in EN_MISC_DESIGNATORS:
        return "MISC"
    if folded & EN_ORG_DESIGNATORS:
        return "ORG"
    if folded & EN_PLACE_DESIGNATORS:
        return "LOC"
    return "PER" if titled else None


def _nested_english(text: str, words: list[_Word], sentence: int) -> Iterable[Candidate]:
    """Names inside a longer name: "Hong Kong" in "Chinese University of Hong Kong", "SenseTime" in
    "SenseTime Group Co., Ltd."."""
    pieces: list[list[_Word]] = [[]]
    for word in words:
        if word.text in CONNECTORS:
            pieces.append([])
        else:
            pieces[-1].append(word)
    bare = _without_designators(words)
    if len(bare) < len(words):
        pieces.append(bare)
    for index, piece in enumerate(pieces):
        if piece and len(piece) < len(words) and not all(w.folded in EN_DESIGNATORS | TITLES for w in piece):
            if len(piece) == 1 and len(piece[0].text) < 2:
                continue
            if index > 0 and len(piece) == 1 and is_common_english_word(piece[0].text):
                continue  # Interior of "Ministry of the Interior", Justice: a word of the name, not a name
            yield _english_candidate(text, piece, sentence, "nested", _english_hint(piece, False))


def _after_opener_or_title(
    text: str, words: list[_Word], sentence: int, initial: bool, capitalised_elsewhere: frozenset[str]
) -> Iterable[Candidate]:
    """ "Later Chen Qingyang" at a sentence start: also "Chen Qingyang" (the whole run stays a
    candidate: "Global Environment Facility" starts with a common word too). "US House Speaker
    Nancy Pelosi": also the name after the last title word."""
    if len(words) < 2:
        return
    first = words[0]
    if initial and first.folded not in capitalised_elsewhere and is_common_english_word(first.text):
        rest = words[1:]
        while rest and (rest[0].text in CONNECTORS or rest[0].folded in ("the", "a", "an")):
            rest = rest[1:]  # "Goods of the Mainland Area": the name is Mainland Area, not "of the …"
        if rest:
            yield _english_candidate(text, rest, sentence, "nested", _english_hint(rest, False))
        first = words[1]
    yield from _person_within(text, words, sentence)
    titles = [i for i, w in enumerate(words[:-1]) if w.folded in TITLES and i > 0]
    if titles and not any(w.folded in EN_DESIGNATORS for w in words[titles[-1] + 1 :]):
        rest = words[titles[-1] + 1 :]
        yield _english_candidate(text, rest, sentence, "nested", "PER")
        if 2 <= len(rest) <= 3:
            # "Turkish President Recep Tayyip Erdoğan": the Chinese often gives the surname alone (艾爾多安)
            yield _english_candidate(text, rest[-1:], sentence, "nested", "PER")
        if _title_and_person(words):
            yield from _place_before_title(text, words[: titles[0]], sentence)
            if BODY_BEFORE_TITLE and words[titles[0]].folded in _COMPANY_TITLES:
                yield from _body_before_title(text, words[: titles[0]], sentence)
        if DESIGNATED_BODY_BEFORE_TITLE and not any(w.text in CONNECTORS for w in words):
            yield from _designated_body_before_title(text, words[: titles[0]], sentence)


def _person_after_portfolio(text: str, words: list[_Word], sentence: int) -> Iterable[Candidate]:
    """ "Minister of Economic Affairs Wang Mei-hua", "Secretary for Innovation & Technology Nicholas
    Yang": an office named with its portfolio ("for"/"of" after the title) and then the holder's name,
    which may be the run's last two or three words (where the portfolio ends is not written; the
    pairing's evidence chooses: 王美花 ↔ Wang Mei-hua by its reading)."""
    office = next(
        (i for i, w in enumerate(words[:-2]) if w.folded in TITLES and words[i + 1].text in ("for", "of")), None
    )
    if office is None:
        return
    for size in (2, 3):
        tail = words[-size:]
        if len(words) - size > office + 2 and not any(
            w.text in CONNECTORS or w.folded in EN_DESIGNATORS or w.folded in TITLES for w in tail
        ):
            yield _english_candidate(text, tail, sentence, "nested", "PER")


# A pinyin name and a body in one run are candidates each (_person_beside_body); off: the base's behaviour.
PERSON_BESIDE_BODY = True
_PINYIN_NAME_WORD = regex.compile(PINYIN_SYLLABLE + "{1,3}")


def _pinyin_name(words: Sequence[_Word]) -> bool:
    """Two or three words each spelled in pinyin syllables (Li Keqiang, Wei Fenghe), none a designator,
    title or connector: a Chinese name written in pinyin, not an English phrase."""
    return 2 <= len(words) <= 3 and all(
        w.text[:1].isupper()
        and w.folded not in EN_DESIGNATORS | TITLES
        and w.text not in CONNECTORS
        and bool(_PINYIN_NAME_WORD.fullmatch(w.folded.replace("-", "")))
        for w in words
    )


def _person_beside_body(text: str, words: list[_Word], sentence: int) -> Iterable[Candidate]:
    """A Chinese name in pinyin written next to a body in one capitalised run, as Chinese news puts an office
    holder and the body together: "Premier Li Keqiang of the State Council" (title, name, "of the" body) and
    "members of the Central Military Commission Wei Fenghe, …" (the body, then the name). The name and the
    body are each a candidate; the run stays one too."""
    titles = 0
    while titles < len(words) and words[titles].folded in TITLES:
        titles += 1
    of = next((i for i in range(titles, len(words)) if words[i].text == "of"), None)
    if titles and of is not None and _pinyin_name(words[titles:of]):
        body = words[of + 1 :]
        while body and body[0].folded in ("the", "a", "an"):
            body = body[1:]
        if body and body[-1].folded in EN_ORG_DESIGNATORS:
            yield _english_candidate(text, words[titles:of], sentence, "nested", "PER")
            yield _english_candidate(text, body, sentence, "nested", "ORG")
    for size in (2, 3):
        head = words[:-size]
        if len(head) >= 2 and head[-1].folded in EN_ORG_DESIGNATORS and _pinyin_name(words[-size:]):
            yield _english_candidate(text, words[-size:], sentence, "nested", "PER")
            yield _english_candidate(text, head, sentence, "nested", "ORG")


def _body_before_more_words(text: str, words: list[_Word], sentence: int) -> Iterable[Candidate]:
    """ "Ministry of Education USR Outstanding Project": a body named "Designator of X" at the head of a longer
    run, where an acronym after it starts the name of something of that body (an award, a project), is a
    name of its own (教育部 ↔ Ministry of Education). Without the acronym the run may be the body's own long
    name (Bureau of Maritime Resources), so nothing is cut."""
    if len(words) < 4 or words[0].folded not in EN_ORG_DESIGNATORS or words[1].text not in ("of", "for"):
        return
    for size in (3, 4):
        if (
            size < len(words) - 1
            and words[size - 1].text not in CONNECTORS
            and _ACRONYM_WORD.fullmatch(words[size].text)
        ):
            yield _english_candidate(text, words[:size], sentence, "nested", "ORG")


_ACRONYM_WORD = regex.compile(r"\p{Lu}{2,6}")


def _seated_body_before_more_words(text: str, words: list[_Word], sentence: int) -> Iterable[Candidate]:
    """ "American Institute in Taiwan Signing of New Office Building Lease": a headline in title case runs on
    past a body and the place it sits in (see _runs); the body with its place, up to a known place name of
    one or two words, is a name of its own."""
    from bitext.resources.places import load_places

    for at in range(1, len(words) - 2):
        if words[at].text != "in" or words[at - 1].folded not in _SEATED_DESIGNATORS:
            continue
        for size in (2, 1):
            end = at + 1 + size
            if end < len(words) and load_places().is_place(text[words[at + 1].start : words[end - 1].end]):
                yield _english_candidate(text, words[:end], sentence, "nested", "ORG")
                break


def _place_before_title(text: str, words: list[_Word], sentence: int) -> Iterable[Candidate]:
    """ "U.S. President George W. Bush", "Singapore Prime Minister Lee Hsien Loong": the country
    before the title, the longest leading words that are a place or an acronym."""
    from bitext.resources.places import load_places

    places = load_places()
    for size in range(len(words), 0, -1):
        lead = words[:size]
        surface = text[lead[0].start : lead[-1].end]
        # a city named without "City" before its mayor (New Taipei Mayor …: GeoNames has New Taipei City)
        city = size > 1 and places.is_place(f"{surface} City")
        if places.is_place(surface) or city or (size == 1 and _ACRONYM_WORD.fullmatch(surface)):
            yield _english_candidate(text, lead, sentence, "nested", "LOC")
            return


_ACRONYM_WORD = regex.compile(r"(?:\p{Lu}\.){2,}|\p{Lu}{2,4}")

# A company named before its officer's title is a candidate of its own (_body_before_title); off: the base's.
BODY_BEFORE_TITLE = True
# Titles of a company's officers: what stands before them in one run is the company ("Cisco CEO Chuck Robbins").
_COMPANY_TITLES = frozenset("ceo cfo coo cto founder cofounder co-founder chairman chairwoman chairperson".split())


def _body_before_title(text: str, words: list[_Word], sentence: int) -> Iterable[Candidate]:
    """ "Apple CEO Tim Cook", "Cisco CEO Chuck Robbins": the one to three capitalised words before a company
    officer's title name the company (a place there is _place_before_title's: "US CEO" is no company)."""
    from bitext.resources.places import load_places

    if not 1 <= len(words) <= 3 or not all(w.text[:1].isupper() and w.text not in CONNECTORS for w in words):
        return
    if any(w.folded in TITLES for w in words):
        return
    surface = text[words[0].start : words[-1].end]
    if load_places().is_place(surface) or _ACRONYM_WORD.fullmatch(surface):
        return
    yield _english_candidate(text, words, sentence, "nested", "ORG")


# A body named before an office's title is a candidate of its own (_designated_body_before_title); off: the base's.
DESIGNATED_BODY_BEFORE_TITLE = True


def _designated_body_before_title(text: str, words: list[_Word], sentence: int) -> Iterable[Candidate]:
    """ "Senate Majority Leader Mitch McConnell", "Supreme Court Justice Antonin Scalia", "UN Deputy
    Secretary-General Liu Zhenmin": the words before the first title, up to the last one that is a body's
    designator (Senate, Court), or a lone acronym, name the body whose office it is. Any
    title counts, also one that qualifies others (Justice, Deputy, Chief), as a person's name follows."""
    from bitext.resources.places import load_places

    if not words or not all(w.text[:1].isupper() for w in words):
        return
    designators = [i for i, w in enumerate(words) if w.folded in EN_DESIGNATORS]
    if designators:
        yield _english_candidate(text, words[: designators[-1] + 1], sentence, "nested", "ORG")
        return
    surface = text[words[0].start : words[-1].end]
    if len(words) == 1 and _ACRONYM_WORD.fullmatch(surface):
        # GeoNames lists UN and EU as places: such an acronym is a candidate still, its type left to the votes
        yield _english_candidate(text, words, sentence, "nested", None if load_places().is_place(surface) else "ORG")


# Letters after a person's name that the Chinese leaves out (Kier Starmer QC, Ed Davey MP).
POST_NOMINALS = frozenset("QC KC MP MEP MBE OBE CBE PhD".split())
# Honours and professional letters written after a name (Hong Kong's G.B.S., J.P., S.C.; British
# orders): alone, with or without dots, they are no entity, though both sides copy them (Hansard).
HONOURS = POST_NOMINALS | frozenset(
    "SC GBM GBS SBS BBS MH JP KBE GBE DBE CMG KCMG ISO QPM CPM IDSM PDSM IDS CStJ OStJ DPhil LLD".split()
)


def is_honour(text: str) -> bool:
    """``text`` is post-nominal letters alone ("G.B.S.", "JP", "S.C.")."""
    return text.replace(".", "").strip() in HONOURS


def _post_nominal(words: Sequence[_Word]) -> bool:
    """The run ends with post-nominal letters after a name of at least two words."""
    return len(words) >= 3 and words[-1].text in POST_NOMINALS


def _person_within(text: str, words: list[_Word], sentence: int) -> Iterable[Candidate]:
    """A name inside a run: after a demonym ("Austrian Claudia Loesch" → "Claudia Loesch") or before
    a possessive inside the run ("Auckland's National Women's Hospital" → "Auckland" and "National Women's
    Hospital")."""
    if len(words) >= 3 and is_demonym(words[0].text) and not any(w.text in CONNECTORS for w in words):
        yield _english_candidate(text, words[1:], sentence, "nested", None)
    # "John F. Kennedy", "George W. Bush": the surname after the initials, a candidate of its own as it
    # was before the initial and its period were read as one word (the Chinese often gives the surname
    # alone: 布希 ↔ Bush); not the first name (喬治 ↔ George beside 布希 ↔ Bush would be a second row)
    initials = [i for i, w in enumerate(words) if _is_initial(w.text.rstrip("."))]
    if initials and initials[-1] < len(words) - 1:  # J. K. Rowling → Rowling too
        yield _english_candidate(text, words[initials[-1] + 1 :], sentence, "nested", "PER")
    possessive = next((i for i, w in enumerate(words[:-1]) if _is_possessive(w.text)), None)
    if possessive is not None and words[possessive].folded not in TITLES:
        yield _english_candidate(text, words[: possessive + 1], sentence, "nested", None)
        # and the name after it ("Henry Louis Gates' PBS special" → PBS); not a body's name, which the
        # possessive may belong to (Chinese Academy of Sciences' National Astronomical Center: one name)
        after = words[possessive + 1 :]
        if after and after[0].text not in CONNECTORS and not any(w.folded in EN_DESIGNATORS for w in after):
            yield _english_candidate(text, after, sentence, "nested", _english_hint(after, False))
        elif after and _korean_name([w.text for w in after]):
            # "South Korea's Jong Seork Park": the surname Park, not a park's designator
            yield _english_candidate(text, after, sentence, "nested", "PER")


def _korean_name(words: list[str]) -> bool:
    from bitext.entities.person_pairs import korean_surname_last  # imports this module

    return korean_surname_last(words)


# Source of a common word at a sentence's start kept as a candidate: it pairs only by sound with a
# Chinese personal name (pairing.PairScorer.signals).
INITIAL_COMMON = "initial-common"


def initial_common_words(
    doc: Document, sentence: int, capitalised_elsewhere: frozenset[str], words: Sequence[_Word]
) -> list[Candidate]:
    """A common word alone at a sentence's start, which :func:`english_candidates` drops ("Investors
    seemed …"), as a weak candidate: "Fluke wrote that …" names a person when the Chinese has a personal
    name that sounds like it (it pairs by sound only: pairing.PairScorer.signals)."""
    span = doc.sentences[sentence]
    text = doc.text
    runs = _runs(text, words)
    if not runs or len(runs[0]) != 1 or not _is_sentence_initial(text, span.start, runs[0][0]):
        return []
    kept, _ = _strip_run(runs[0], True, capitalised_elsewhere)
    if kept or not _initial_common_word(runs[0][0]):
        return []
    return [_english_candidate(text, runs[0], sentence, INITIAL_COMMON, None)]


def _initial_common_word(word: _Word) -> bool:
    """A plain capitalised word (Fluke, Angel) that only the sentence start made look like a name."""
    return (
        len(word.text) >= 4
        and word.text[1:].islower()
        and word.text.isalpha()
        and word.folded not in STOPWORDS
        and word.folded not in CALENDAR
        and word.folded not in TITLES
        and word.folded not in HEADING_WORDS
    )


def _is_possessive(word: str) -> bool:
    """Auckland's, Gates' (a plural or an s-final name takes the apostrophe alone)."""
    return word.endswith(("'s", "’s")) or (len(word) > 2 and word.endswith(("s'", "s’")))


# The words a law's English title ends with (Act, Law, Regulations …).
_LAW_ENDS = frozenset("act law code ordinance regulations rules guidelines".split())


def _split_at_and(runs: list[list[_Word]]) -> list[list[_Word]]:
    """ "University of Oxford and the Chinese University of Hong Kong": each side of "and" is a
    candidate as well as the whole (which may be one name: Bosnia and Herzegovina)."""
    result = []
    for run in runs:
        # cut at "and" first, then each piece at "&": "Chamber of Commerce & Industry and the Hong Kong
        # Economic & Trade Office" holds two names, each with an ampersand inside
        pieces = _cut_at(run, "and")
        if not (len(pieces) > 1 and all(p[-1].folded in _LAW_ENDS for p in pieces)):
            result.append(run)  # but two laws cited together are two titles ("… Examination Act and the … Act")
        result.extend(pieces[1:] and pieces)
        # with two "and"s or more, neighbouring pieces joined too: "Economic and Social Council and the
        # Human Rights Council" holds "Economic and Social Council"
        for first in range(len(pieces)):
            for last in range(first + 1, len(pieces)):
                if (first, last) != (0, len(pieces) - 1):
                    result.append(run[run.index(pieces[first][0]) : run.index(pieces[last][-1]) + 1])
        for piece in pieces:
            parts = _cut_at(piece, "&")
            result.extend(parts[1:] and parts)
    return result


def _cut_at(run: list[_Word], connector: str) -> list[list[_Word]]:
    """The pieces of ``run`` between the words ``connector`` (the run itself when it has none)."""
    cuts = [i for i, w in enumerate(run) if w.text == connector]
    bounds = [-1, *cuts, len(run)]
    return [run[a + 1 : b] for a, b in itertools.pairwise(bounds) if run[a + 1 : b]]


def _comma_lists(text: str, runs: list[list[_Word]]) -> list[list[_Word]]:
    """ "Hong Kong, Macao and Taiwan Affairs Office": a list of places before a name that ends with an
    organisation designator, with "and" before its last item, is one name (港澳台辦公室); the comma
    cuts the capitalised run, so the joined run is added as a candidate of its own (the pieces stay).
    The first item is the run's words after its last connector ("Director of the Hong Kong")."""
    joined: list[list[_Word]] = []
    for left, right in itertools.pairwise(runs):
        if text[left[-1].end : right[0].start] != ", " or right[-1].folded not in EN_ORG_DESIGNATORS:
            continue
        cuts = [i for i, w in enumerate(right) if w.text in ("and", "&")]
        if len(cuts) != 1 or any(w.text in CONNECTORS for i, w in enumerate(right) if i != cuts[0]):
            continue  # one "and", the items plain names ("Germany and the European Union" is two)
        head = len(left)
        while head > 0 and left[head - 1].text not in CONNECTORS and left[head - 1].folded not in TITLES:
            head -= 1
        item = left[head:]
        if 0 < len(item) <= 3 and not any(w.folded in EN_DESIGNATORS for w in item):
            joined.append(item + right)
    return joined


def _bodies_of_bodies(text: str, words: list[_Word], sentence: int) -> Iterable[Candidate]:
    """ "Department of Education and Youth Affairs of the Liaison Office of the Central People's
    Government": a body named inside another ("A of the B", each with its designator) is a name of its
    own on each side of "of" (the Chinese names the department alone: 教育與青年工作部)."""
    for i, word in enumerate(words):
        if word.text != "of" or i < 2:
            continue
        left = words[:i]
        right = words[i + 1 :]
        while right and right[0].folded in ("the", "a", "an"):
            right = right[1:]
        if (
            len(right) >= 2
            and not any(w.text.endswith(("'", "’")) for w in right[:-1])  # Academy of Sciences' …, not People's
            and any(w.folded in EN_ORG_DESIGNATORS for w in left)
            and _ends_or_heads_with_designator(right)
            and left[-1].text not in CONNECTORS
        ):
            yield _english_candidate(text, left, sentence, "nested", "ORG")
            yield _english_candidate(text, right, sentence, "nested", "ORG")


def _ends_or_heads_with_designator(words: list[_Word]) -> bool:
    """A body's name: its last word is an organisation designator (Liaison Office), or one stands before
    "of" inside it (Chinese University of Hong Kong, Chinese Academy of Sciences)."""
    if words[-1].folded in EN_ORG_DESIGNATORS:
        return True
    return any(w.folded in EN_ORG_DESIGNATORS and following.text == "of" for w, following in itertools.pairwise(words))


# "German national football team", "the Brazilian national team": a team named in lower case after its
# country's name or demonym (德國國家足球隊); the capitalised word alone is no name of the team.
_NATIONAL_TEAM = regex.compile(r"\b\p{Lu}[\p{L}.]*(?:['’]s)? national (?:\p{Ll}+ ){0,2}team\b")


def _national_teams(text: str, start: int, end: int, sentence: int) -> list[Candidate]:
    found = []
    for match in _NATIONAL_TEAM.finditer(text, start, end):
        country = regex.sub(r"['’]s?$", "", match.group().split(" ", 1)[0])
        if is_demonym(country) or not is_common_english_word(country):
            surface = match.group()
            found.append(
                Candidate(match.start(), match.end(), surface, english_key(surface), sentence, "national-team", "ORG")
            )
    return found


def _spelled_in_pinyin(folded: str) -> bool:
    return bool(_PINYIN_NAME_WORD.fullmatch(folded.replace("-", "")))


def _leading_names(text: str, words: list[_Word], sentence: int) -> Iterable[Candidate]:
    """The name at the head of the run the Chinese writes alone (leading_names.py): "Chongqing Lifan" of
    "Chongqing Lifan Football Club", "People's Daily" of "People's Daily Overseas Edition"; hinted as the run."""
    hint = _english_hint(words, False)
    designators = frozenset(EN_DESIGNATORS) | _LEGAL_TAIL
    for size in (
        leading_names.before_common_words(
            words, is_common_english_word, designators, frozenset(CONNECTORS), _spelled_in_pinyin
        ),
        leading_names.possessive_name(words, designators, frozenset(CONNECTORS)),
    ):
        if size:
            yield _english_candidate(text, words[:size], sentence, "nested", hint)


def _without_designators(words: Sequence[_Word]) -> list[_Word]:
    """SenseTime Group Co., Ltd. → SenseTime: the name without trailing designators."""
    bare = list(words)
    while len(bare) > 1 and (bare[-1].folded in EN_DESIGNATORS or bare[-1].text.lower() in _LEGAL_TAIL):
        bare = bare[:-1]
    if any(w.folded in EN_DESIGNATORS or w.text in CONNECTORS for w in bare):
        # Examination Yuan and Control [Yuan], Control Yuan of Control [Yuan], National Science and
        # [Technology Council]: what is left is no name of its own
        return list(words)
    return bare


def english_sentence_words(doc: Document) -> SentenceWords:
    """The words of each English sentence, read once for :func:`english_document_context` and
    :func:`english_candidates` (which each read them again when not given)."""
    return SentenceWords(doc)


class SentenceWords:
    """``words[k]``: the words of English sentence ``k``, read when first asked for (the entity step
    skips repeated sentences and beads, so a long repetitive document reads few)."""

    def __init__(self, doc: Document):
        self._doc = doc
        self._words: dict[int, list[_Word]] = {}

    def __len__(self) -> int:
        return len(self._doc.sentences)

    def __getitem__(self, sentence: int) -> list[_Word]:
        words = self._words.get(sentence)
        if words is None:
            span = self._doc.sentences[sentence]
            words = self._words[sentence] = _english_words(self._doc.text, span.start, span.end)
        return words


def english_candidates(
    doc: Document,
    sentence: int,
    capitalised_elsewhere: frozenset[str] = frozenset(),
    terms: frozenset[str] = frozenset(),
    words: Sequence[_Word] | None = None,
) -> list[Candidate]:
    """Candidates in English sentence number ``sentence`` of ``doc``.

    ``capitalised_elsewhere`` holds words seen capitalised mid-sentence in the document (they are
    names even at the start of a sentence); ``terms`` holds acronyms the text defines as common
    terms ("artificial intelligence (AI)"), which are not names. ``words``: the sentence's words
    from :func:`english_sentence_words`, if already read.
    """
    span = doc.sentences[sentence]
    text = doc.text
    if words is None:
        words = _english_words(text, span.start, span.end)
    found: list[Candidate] = []
    # members of "Departments of Commerce, Agriculture, and State" first: their spans keep these keys
    for start, end, key in coordinated_members(text, words):
        found.append(Candidate(start, end, text[start:end], key, sentence, "coordinated", "ORG"))
    for word in words:
        if word.is_ticker:
            found.append(Candidate(word.start, word.end, word.text, word.text, sentence, "ticker", "MISC"))
    found.extend(_national_teams(text, span.start, span.end, sentence))
    runs = _runs(text, words)
    for listed in _comma_lists(text, runs):
        found.append(_english_candidate(text, listed, sentence, "capitalised", _english_hint(listed, False)))
    for run in _split_at_and(runs):
        initial = _is_sentence_initial(text, span.start, run[0])
        kept, titled = _strip_run(run, initial, capitalised_elsewhere)
        if not kept:
            continue
        candidate = _english_candidate(text, kept, sentence, "capitalised", _english_hint(kept, titled))
        if candidate.key in terms:
            continue
        nested = [c for c in _nested_english(text, kept, sentence) if c.key not in terms]
        nested.extend(_after_opener_or_title(text, kept, sentence, initial, capitalised_elsewhere))
        nested.extend(_bodies_of_bodies(text, kept, sentence))
        nested.extend(_person_after_portfolio(text, run, sentence))  # the run as written: the title opens it
        nested.extend(_body_before_more_words(text, kept, sentence))
        if PERSON_BESIDE_BODY:
            nested.extend(_person_beside_body(text, run, sentence))  # as written: the title opens it
        nested.extend(_seated_body_before_more_words(text, kept, sentence))
        if leading_names.LEADING_NAMES:
            nested.extend(_leading_names(text, kept, sentence))
        at = run.index(kept[0]) if titled and len(kept) == 1 else 0
        if at and run[at - 1].folded in _SURNAME_TITLES:
            # "Lady Wang": the surname with its title too, for 王夫人 (titled_names.py); "Wang" stays
            nested.append(_english_candidate(text, run[at - 1 : at + 1], sentence, "nested", "PER"))
        bare = _without_designators(kept)
        if len(bare) < len(kept):
            core = _english_candidate(text, bare, sentence, "nested", None).key
            candidate = Candidate(
                candidate.start,
                candidate.end,
                candidate.text,
                candidate.key,
                sentence,
                candidate.source,
                candidate.hint,
                core,
            )
        chain = _place_chain(kept) if PLACE_CHAINS else []
        if chain:
            # "Lankao County of Henan Province", "Nanyang City Wolong District": two places, not one name
            for place in chain:  # each place, and its name without the designator (河南 ↔ Henan of Henan Province)
                nested.append(_english_candidate(text, place, sentence, "nested", "LOC"))
                if place[-1].folded in _ADMINISTRATIVE:
                    nested.append(_english_candidate(text, place[:-1], sentence, "nested", "LOC"))
        elif not _title_and_person(kept):
            found.append(candidate)
        found.extend(nested)
    return unique([c for c in found if not is_honour(c.text) and not (CURRENCY_AMOUNTS and _currency_amount(c.text))])


# Switch for a currency code glued to an amount as no name (_currency_amount; a test turns it off).
CURRENCY_AMOUNTS = True
_CODE_AND_AMOUNT = regex.compile(r"(?P<code>[A-Z]{3})\d[\d.,]*")


def _currency_amount(text: str) -> bool:
    """USD1, PLN0.53, RMB6.4401: an ISO currency code glued to an amount (an exchange-rate list), no name; the
    code paired by sound with a country (沙特 ↔ USD1, 波蘭 ↔ PLN0 in fresh11)."""
    from bitext.resources.places import currency_codes

    found = _CODE_AND_AMOUNT.fullmatch(text)
    return found is not None and found.group("code") in currency_codes()


# Switch for chains of administrative places (_place_chain; a test turns it off).
PLACE_CHAINS = True
# Designators of administrative units: a name ending in one is a place of its own inside a chain.
_ADMINISTRATIVE = frozenset("district county city province prefecture township town village municipality".split())


def _place_chain(words: Sequence[_Word]) -> list[list[_Word]]:
    """The places of a run that names an administrative unit and the one it lies in ("Daxing District of
    Beijing", "Lankao County of Henan Province", "Nanyang City Wolong District"): each place a name and its
    designator, the last after "of" may be a bare name; [] for any other run (two places at least)."""
    places: list[list[_Word]] = []
    current: list[_Word] = []
    after_of = False
    for word in words:
        if word.text == "of":
            if not places or current:
                return []  # "of" only between a designated place and the next
            after_of = True
            continue
        if not word.text[:1].isupper():
            return []
        current.append(word)
        if word.folded in _ADMINISTRATIVE:
            if len(current) < 2:
                return []  # "City of London": a designator with no name before it
            places.append(current)
            current, after_of = [], False
    if current:
        if not after_of or any(w.folded in EN_DESIGNATORS for w in current):
            return []  # "Beijing Guoan": a name after the places, not a place
        places.append(current)
    return places if len(places) >= 2 else []


def latin_copies(doc: Document, sentences: Sequence[int], latin: Iterable[Candidate]) -> list[Candidate]:
    """A name the Chinese keeps in Latin letters (Data61, Greg McLean) where the English writes it inside
    a longer run ("Research Organisation's Data61", "Member of the House of Commons Greg McLean"): the
    same letters on word boundaries in the bead's English are a candidate of their own, where they end
    the capitalised run (a word of a longer name, Data61 of "Data61 Lab", stays inside it)."""
    found = []
    # not acronyms: a copied acronym is as often a common term (USR, NSW as a title's part) as a name
    # and names start with a capital letter (2.4Ghz, 600Mbit: quantities in units)
    for name in {
        c.text for c in latin if c.source == "latin" and c.text[0].isupper() and any(ch.islower() for ch in c.text)
    }:
        pattern = regex.compile(r"(?<![\p{L}\p{N}])" + regex.escape(name) + r"(?![\p{L}\p{N}]| \p{Lu})")
        for sentence in sentences:
            span = doc.sentences[sentence]
            for match in pattern.finditer(doc.text, span.start, span.end):
                found.append(Candidate(match.start(), match.end(), name, english_key(name), sentence, "nested", None))
    return found


# Titles said before a bare surname that Chinese writes after it (王夫人 ↔ Lady Wang, 周先生 ↔ Mr Zhou).
_SURNAME_TITLES = frozenset("lady madam madame mrs mr mister miss ms professor prof dr doctor sir lord dame".split())


def _title_and_person(words: Sequence[_Word]) -> bool:
    """A run with a title inside it and a name after it is a description, not one name: "Singapore
    Prime Minister Lee Hsien Loong" is a country, a title and a person (each a candidate of its own);
    not "Prime Minister's Office", where a designator follows."""
    if any(w.text in CONNECTORS for w in words):
        return False  # Council on Foreign Relations
    titles = [i for i, w in enumerate(words[:-1]) if w.folded in TITLES and i > 0]
    rest = words[titles[-1] + 1 :] if titles else []
    return (
        bool(titles)
        and words[titles[-1]].folded not in _TITLE_MODIFIERS
        and not any(w.folded in EN_DESIGNATORS for w in rest)
        and not all(w.folded in _GENERATIONS for w in rest)  # Martin Luther King Jr.: King is his name
    )


_GENERATIONS = frozenset("jr sr ii iii iv".split())


# Words among TITLES that also qualify other nouns (Foreign Relations, General Assembly, St. Louis).
_TITLE_MODIFIERS = frozenset(
    "foreign former late senior general justice head saint st chief associate assistant vice deputy".split()
)


# Between the words of a defined term and before its bracket: a space, or a hard-wrapped line's break
# ("generative artificial intelligence\n(GenAI)" is defined as much as on one line).
_TERM_GAP = r"(?: |[ \t]*\n[ \t]*)"
_DEFINED_TERM = regex.compile(
    rf"\b(\p{{Ll}}[\p{{Ll}}-]*(?:{_TERM_GAP}\p{{Ll}}[\p{{Ll}}-]*){{0,5}}){_TERM_GAP}\((\p{{Lu}}[\p{{L}}\d]*)\)"
)
# Where _DEFINED_TERM's bracket may be (after a lower-case letter or a hyphen), and the run of lower-case words
# before it, read backwards: the term is searched for only there (_defined_terms).
_DEFINED_BRACKET = regex.compile(rf"(?<=[\p{{Ll}}-]){_TERM_GAP}\(\p{{Lu}}[\p{{L}}\d]*\)")
_LOWER_RUN_BEFORE = regex.compile(r"(?r)[\p{Ll}\- \t\n]*")


def _defined_terms(text: str) -> Iterator[regex.Match[str]]:
    """``_DEFINED_TERM.finditer(text)``, searched only before each bracket that can end a match (a scan of
    the whole text from every word boundary cost 0.17 s on a 1.3 MB English text; the brackets are few).
    A match holds only lower-case letters, hyphens and spaces before its bracket, so it starts inside
    the run of those that ends at the bracket, and the leftmost match there is the one finditer finds."""
    for bracket in _DEFINED_BRACKET.finditer(text):
        run = _LOWER_RUN_BEFORE.match(text, 0, bracket.start())
        match = _DEFINED_TERM.search(text, run.start() if run is not None else bracket.start(), bracket.end())
        if match is not None:
            yield match


_WORD_TEXT = operator.itemgetter(2)  # _Word.text


def english_document_context(
    doc: Document, words_by_sentence: SentenceWords | Sequence[Sequence[_Word]] | None = None
) -> tuple[frozenset[str], frozenset[str]]:
    """Words capitalised mid-sentence anywhere in ``doc``, and acronyms defined by a lower-case
    long form ("generative artificial intelligence (GenAI)": a term, not a name).
    ``words_by_sentence``: each sentence's words from :func:`english_sentence_words`, if already read."""
    capitalised: set[str] = set()
    if words_by_sentence is None:
        words_by_sentence = english_sentence_words(doc)
    later: set[str] = set()
    read: set[str] = set()
    for number, span in enumerate(doc.sentences):
        sentence = doc.text[span.start : span.end]
        if sentence in read:
            continue  # a sentence's words and where it starts are in its text: a repeat adds nothing
        read.add(sentence)
        sentence_words = words_by_sentence[number]
        # only a sentence's first word can start it: any later one has the first's letters before it
        if sentence_words:
            first = sentence_words[0]
            if first.text[0].isupper() and not _is_sentence_initial(doc.text, span.start, first):
                capitalised.add(first.folded)
            # after an item's number ("1. Investigate the Company's …") the next word starts the sentence
            lead = 1 + (
                len(sentence_words) > 1
                and first.text[0].isdigit()
                and _is_sentence_initial(doc.text, span.start, sentence_words[1])
            )
            later.update(map(_WORD_TEXT, sentence_words[lead:]))  # each distinct word once (in C)
    capitalised.update(_Word(0, 0, text).folded for text in later if text[0].isupper())
    terms = set()
    for match in _defined_terms(doc.text):
        long_form, acronym = match.groups()
        # the long form may start with extra words: try each word as its start
        words = long_form.split()
        if any(_abbreviates(acronym, " ".join(words[i:])) for i in range(len(words))):
            terms.add(acronym)
    return frozenset(capitalised), frozenset(terms)


def _abbreviates(acronym: str, long_form: str) -> bool:
    """Schwartz–Hearst style check: the acronym's letters appear in order in the long form, the
    first one starting it ("generative artificial intelligence (GenAI)", "artificial intelligence (AI)")."""
    letters = [ch.lower() for ch in acronym if ch.isalpha()]
    lowered = long_form.lower()
    if not letters or not lowered.startswith(letters[0]):
        return False
    position = 0
    for letter in letters:
        position = lowered.find(letter, position)
        if position < 0:
            return False
        position += 1
    return True


# ---------------------------------------------------------------- Chinese

# jieba's nrt (transliterated name) covers places as often as people (阿富汗 is nrt): no type hint.
NAME_TAGS = {"nr": "PER", "nrt": None, "nrfg": "PER", "ns": "LOC", "nt": "ORG", "nz": "MISC", "j": None}
_LATIN = regex.compile(r"[A-Za-z]")
_HAN_WORD = regex.compile(r"^\p{Han}{2,}$")


@dataclass(frozen=True)
class _Known:
    proper: bool
    common: bool
    calendar: bool


_UNKNOWN = _Known(False, False, False)
_NOT_WORD = regex.compile(r"\W")


@lru_cache(maxsize=65536)
def _cedict_status(simplified: str) -> _Known:
    entries = load_cedict().lookup(simplified)
    if not entries:
        return _UNKNOWN  # most strings asked about (a sentence's words and their prefixes)
    proper = [e for e in entries if e.is_proper_noun]
    calendar = any(_NOT_WORD.sub("", gloss).lower() in CALENDAR for entry in proper for gloss in entry.glosses[:1])
    return _Known(bool(proper), any(not e.is_proper_noun for e in entries), calendar)


def _han_candidate_source(token: Token) -> str | None:
    """Why a Han token is a candidate, or None. A name tag wins unless CC-CEDICT knows the word only as
    a common word (jieba tags 智慧 and 高峰 nr); a CC-CEDICT proper noun wins unless it is a weekday."""
    if not _HAN_WORD.match(token.simplified):
        return None
    known = _cedict_status(token.simplified)
    if known.calendar:
        return None
    if token.tag in NAME_TAGS and (known.proper or not known.common):
        return f"pos:{token.tag}"
    if known.proper and not known.common:
        return "cedict"
    return None


def _zh_hint(token_tag: str | None, key: str) -> EntityType | None:
    for suffix in ZH_SUFFIXES:
        if key.endswith(suffix) and len(key) > len(suffix):
            return "ORG" if suffix in ZH_ORG_SUFFIXES else "LOC"
    if token_tag is not None:
        return NAME_TAGS.get(token_tag)  # type: ignore[return-value]
    return None


def _simplified_suffixes() -> tuple[tuple[str, str], ...]:
    return tuple(zip(simplified_suffixes(), ZH_SUFFIXES, strict=True))


_SIMPLIFIED_SUFFIXES = _simplified_suffixes()
_SUFFIX_HINT = {s: ("ORG" if t in ZH_ORG_SUFFIXES else "LOC") for s, t in _SIMPLIFIED_SUFFIXES}


def _make(
    doc: Document,
    start: int,
    end: int,
    simplified: str,
    sentence: int,
    source: str,
    hint: EntityType | None,
    core: str = "",
) -> Candidate:
    return Candidate(start, end, doc.text[start:end], simplified, sentence, source, hint, core)


def chinese_candidates(
    doc: Document, sentence: int, known_keys: frozenset[str] = frozenset(), tokens: Sequence[Token] | None = None
) -> list[Candidate]:
    """Candidates in Chinese sentence number ``sentence`` of ``doc``.

    ``known_keys`` are names found elsewhere in the corpus: a longer candidate that starts with one
    also yields it as a nested candidate (商湯 inside 商湯集團股份有限公司).
    """
    tokens = sentence_tokens(doc, sentence) if tokens is None else tokens
    found: list[Candidate] = []
    found.extend(_latin_candidates(doc, tokens, sentence))
    bases = _han_candidates(doc, tokens, sentence)
    bases.extend(_multi_token_names(doc, tokens, sentence))
    bases.extend(_separated_names(doc, tokens, sentence))
    found.extend(grown(doc, tokens, bases, known_keys))
    found.extend(_corner_quoted(doc, sentence))
    if ABBREVIATED_PLACES:
        found = _abbreviations_for_compounds(doc, tokens, sentence, found)
    return unique(found)


# Switch for the one-character country abbreviations in compounds (abbreviated_places.py; a test turns it off).
ABBREVIATED_PLACES = True


def _abbreviations_for_compounds(
    doc: Document, tokens: Sequence[Token], sentence: int, found: list[Candidate]
) -> list[Candidate]:
    """中俄 → 中 and 俄, 中方 → 中: a compound of countries' one-character abbreviations (a jieba word, or a
    CC-CEDICT word jieba cut in two, 中|俄) is replaced by one LOC candidate per abbreviation
    (abbreviated_places.py)."""
    compounds = {(t.start, t.end): t.simplified for t in tokens}
    compounds.update({(c.start, c.end): c.key for c in found})
    spans: set[tuple[int, int]] = set()
    added: list[Candidate] = []
    for (start, end), key in compounds.items():
        offsets = abbreviated_offsets(key) if end - start == len(key) else ()
        for offset in offsets:
            at = start + offset
            added.append(_make(doc, at, at + 1, key[offset], sentence, ABBREVIATED_SOURCE, "LOC"))
        if offsets:
            spans.add((start, end))
    if not added:
        return found
    return [c for c in found if (c.start, c.end) not in spans] + added


# A short all-Han span in corner quotes: Taiwan's texts mark a programme's or a campaign's name so
# (「免簽證計畫」 ↔ Visa Waiver Program, 「全球入境計劃」 ↔ Global Entry program); longer spans are quoted speech.
_CORNER_QUOTED = regex.compile(r"「(\p{Han}{3,12})」")
CORNER_QUOTED = "corner-quoted"


def _corner_quoted(doc: Document, sentence: int) -> list[Candidate]:
    """The Han spans in 「」 of Chinese sentence ``sentence``: candidates the signals still have to pair."""
    from bitext.script import to_simplified

    span = doc.sentences[sentence]
    found = []
    for match in _CORNER_QUOTED.finditer(doc.text, span.start, span.end):
        key = to_simplified(match.group(1))
        found.append(_make(doc, match.start(1), match.end(1), key, sentence, CORNER_QUOTED, None))
    return found


def grown(
    doc: Document, tokens: Sequence[Token], bases: Iterable[Candidate], known_keys: frozenset[str] = frozenset()
) -> list[Candidate]:
    """Each base with its designated forms (商湯 + 集團) and the known names it starts with."""
    bases = list(bases)
    if not bases:
        return []  # (most sentences: no span found from the English side)
    boundaries = {t.start for t in tokens} | {t.end for t in tokens}
    following = _FollowingText(tokens)
    found = []
    for base in bases:
        found.append(base)
        found.extend(_designated(doc, base, boundaries, following))
        found.extend(_nested_chinese(doc, base, known_keys))
    return found


class _FollowingText:
    """The simplified text after any offset of a sentence, from its tokens (converted once per
    sentence: converting the rest of the sentence once per candidate was quadratic on long lines).
    Line breaks joined inside the sentence are skipped, as the tokens skip them."""

    def __init__(self, tokens: Sequence[Token]):
        self.text = "".join(t.simplified for t in tokens)
        self.offsets = [t.start + i for t in tokens for i in range(len(t.simplified))]
        self.position = {offset: i for i, offset in enumerate(self.offsets)}

    def after(self, offset: int, limit: int = 40) -> tuple[str, list[int]]:
        index = self.position.get(offset)
        if index is None:
            return "", []
        return self.text[index : index + limit], self.offsets[index : index + limit + 1]


_WRAP = regex.compile(r"(?<=\p{Han})[ \t]*\n[ \t]*(?=\p{Han})")


def sentence_tokens(doc: Document, sentence: int) -> list[Token]:
    """jieba's tokens of a sentence; a line break between two Han characters (hard-wrapped text)
    joins them, so 全國人民 | 代表大會 split over two lines is one word sequence again."""
    span = doc.sentences[sentence]
    piece = doc.text[span.start : span.end]
    if "\n" not in piece:
        return _conjunction_unglued(tokenize(doc.text, span.start, span.end))
    kept = [(i, ch) for i, ch in enumerate(piece)]
    for match in reversed(list(_WRAP.finditer(piece))):
        del kept[match.start() : match.end()]
    joined = "".join(ch for _, ch in kept)
    offsets = [span.start + i for i, _ in kept] + [span.end]
    tokens = []
    for token in tokenize(joined):
        start, last = offsets[token.start], offsets[token.end - 1]
        tokens.append(Token(start, last + 1, token.simplified, token.tag))
    return _conjunction_unglued(tokens)


# Conjunctions and prepositions jieba glues before a place or a name it does not know (和澳洲 "and
# Australia", 由港加 "by Hong Kong-Canada").
_GLUED_CONJUNCTIONS = frozenset("和与及同跟由向从对")


def _conjunction_unglued(tokens: list[Token]) -> list[Token]:
    """ "培育中心和澳洲證券交易所": jieba tags 和澳洲 a place, and 由港加 (商會) a verb. The conjunction
    or preposition is a word of its own when the whole is no CC-CEDICT word (和田 Hotan stays whole)
    and the rest is a proper noun, or (for a token jieba tags a verb) a word CC-CEDICT lacks too, so
    the name after it starts on a word boundary (澳洲證券交易所 ↔ Australian Securities Exchange)."""
    result: list[Token] = []
    for token in tokens:
        word = token.simplified
        rest = word[1:]
        if (
            token.tag in ("ns", "nt", "v")
            and len(word) >= 3
            and word[0] in _GLUED_CONJUNCTIONS
            and not _cedict_known(word)
            and (_cedict_status(rest).proper or (token.tag == "v" and not _cedict_known(rest)))
        ):
            result.append(Token(token.start, token.start + 1, word[0], "c"))
            result.append(Token(token.start + 1, token.end, rest, token.tag))
        else:
            result.append(token)
    return result


def _cedict_known(simplified: str) -> bool:
    status = _cedict_status(simplified)
    return status.proper or status.common


_LATIN_WORD = regex.compile(r"[\p{Latin}\p{M}'’-]+")


def _joined_latin_words(tokens: Sequence[Token]) -> list[Token]:
    """jieba cuts a Latin word at each accented letter (Lu|í|s for Luís, Jos|é): touching pieces are one word."""
    joined: list[Token] = []
    for token in tokens:
        last = joined[-1] if joined else None
        if (
            last is not None
            and last.end == token.start
            and _LATIN_WORD.fullmatch(last.simplified)
            and _LATIN_WORD.fullmatch(token.simplified)
        ):
            joined[-1] = Token(last.start, token.end, last.simplified + token.simplified, last.tag)
        else:
            joined.append(token)
    return joined


def _latin_candidates(doc: Document, tokens: Sequence[Token], sentence: int) -> list[Candidate]:
    tokens = _joined_latin_words(tokens)
    found = []
    index = 0
    while index < len(tokens):
        token = tokens[index]
        if not _LATIN.search(token.simplified) or token.simplified in STOPWORDS or token.simplified in CONNECTORS:
            index += 1  # "Larson and LaFasto" inside Chinese: "and" starts no name (it took LaFasto with it)
            continue
        last = index
        # Oxford Intelligence: Latin words separated by single spaces are one name
        while (
            last + 1 < len(tokens)
            and _LATIN.search(tokens[last + 1].simplified)
            and doc.text[tokens[last].end : tokens[last + 1].start] == " "
            and tokens[last + 1].simplified[0].isupper()
        ):
            last += 1
        start, end = token.start, tokens[last].end
        surface = doc.text[start:end]
        source = "ticker" if _TICKER.match(surface) else "latin"
        if len(surface) >= 2 and any(ch.isupper() for ch in surface) and not is_honour(surface):
            found.append(
                Candidate(
                    start, end, surface, english_key(surface), sentence, source, "MISC" if source == "ticker" else None
                )
            )
            designated = _latin_designated(doc.text, tokens, last, start, surface, sentence)
            if designated is not None and source == "latin":
                found.append(designated)
        index = last + 1
    return found


LATIN_DESIGNATED = "latin-designated"
# Multi-character bodies' endings only: a one-character one after a Latin name is seldom its designator.
# Each with the English designators that say the same (ADT 公司 ↔ ADT Corporation, not ↔ ADT Foundation).
LATIN_BODY_ENDINGS: dict[str, frozenset[str]] = {
    ending: frozenset(words.split())
    for ending, words in (
        ("股份有限公司", "company corporation co co. inc inc. ltd ltd. limited corp corp. plc"),
        ("有限公司", "company corporation co co. inc inc. ltd ltd. limited corp corp. plc llc"),
        ("公司", "company corporation co co. inc inc. ltd ltd. limited corp corp. plc llc"),
        ("集团", "group holdings"),
        ("银行", "bank"),
        ("大学", "university"),
        ("学院", "college institute academy school"),
        ("协会", "association society"),
        ("基金会", "foundation"),
        ("医院", "hospital"),
    )
}
_LATIN_BODY_ENDINGS = tuple(LATIN_BODY_ENDINGS)


def _latin_designated(
    text: str, tokens: Sequence[Token], last: int, start: int, surface: str, sentence: int
) -> Candidate | None:
    """ADT 公司, Ring 集團: a name left in Latin letters with a body's designator after it, as one
    candidate whose core is the Latin name (pairing: ADT 公司 ↔ ADT Corporation)."""
    if last + 1 >= len(tokens) or text[tokens[last].end : tokens[last + 1].start] not in ("", " "):
        return None
    following = tokens[last + 1].simplified
    ending = next((e for e in _LATIN_BODY_ENDINGS if following == e), None)
    if ending is None:
        return None
    end = tokens[last + 1].end
    key = f"{english_key(surface)} {ending}"
    return Candidate(start, end, text[start:end], key, sentence, LATIN_DESIGNATED, "ORG", english_key(surface))


def _han_candidates(doc: Document, tokens: Sequence[Token], sentence: int) -> list[Candidate]:
    found = []
    for token in tokens:
        source = _han_candidate_source(token)
        if source is None or _only_designators(token.simplified):
            continue
        tag = token.tag if token.tag in NAME_TAGS else None
        key, end = token.simplified, token.end
        if tag and len(key) >= 3 and key[-1] in _GLUED_PARTICLES and not _cedict_status(key).proper:
            key, end = key[:-1], end - 1  # jieba glues a following particle to an unknown name: 布希在, 莫瑞於
        found.append(_make(doc, token.start, end, key, sentence, source, _zh_hint(tag, key), _core_of(key)))
        if tag in ("nr", "nrt") and len(key) == 3 and key[0] in _GLUED_VERBS and not _cedict_status(key).proper:
            # jieba glues a verb or preposition before an unknown name: 叫|鳳哥 ("called Feng-ge"), 對|老吳
            found.append(_make(doc, token.start + 1, end, key[1:], sentence, source, _zh_hint(tag, key[1:]), ""))
    return found


# One-character verbs and prepositions jieba's name tagger swallows before a name (not those that are
# also common surnames: 向, 和, 于, 由).
_GLUED_VERBS = frozenset("叫与跟对给让请问说被把将替找见是在称唤")


# One-character prepositions, particles and verbs jieba's name tagger swallows after a name.
_GLUED_PARTICLES = frozenset("在于和与的说是了将向从对被把也就都又还曾已")


def _multi_token_names(doc: Document, tokens: Sequence[Token], sentence: int) -> list[Candidate]:
    """Names jieba cuts into pieces: runs of 2-4 tokens that CC-CEDICT knows as one proper noun
    (蔡|英文 → 蔡英文), and a one-character surname jieba tags nr followed by a one- or two-character
    given name (a person the dictionaries do not know)."""
    found = []
    # Whether each token is all Han: a run of tokens is a Han word exactly when each of its tokens is.
    han = [bool(_ALL_HAN.fullmatch(t.simplified)) for t in tokens]
    for first in range(len(tokens)):
        key = tokens[first].simplified
        for last in range(first + 1, min(len(tokens), first + 4)):
            key += tokens[last].simplified
            if len(key) > 8 or not (han[first] and han[last]):
                break  # (a token before ``last`` that is not all Han ended the run one step earlier)
            known = _cedict_status(key)
            if known.proper and not known.common and not known.calendar:
                start = tokens[first].start
                found.append(_make(doc, start, tokens[last].end, key, sentence, "cedict", None, _core_of(key)))
        if (
            first + 1 < len(tokens)
            and _is_surname(tokens[first])
            and tokens[first].simplified in _COMMON_SURNAMES
            and tokens[first + 1].simplified in _OFFICE_TITLES
            and tokens[first].end == tokens[first + 1].start
        ):
            # 蔡|總統, 陳|部長: a surname before an office title names a person (office_surname_match)
            surname = tokens[first].simplified
            found.append(_make(doc, tokens[first].start, tokens[first].end, surname, sentence, TITLED_OFFICE, "PER"))
        if first + 1 < len(tokens) and _is_surname(tokens[first]):
            given = tokens[first + 1]
            if (
                1 <= len(given.simplified) <= 2
                and _HAN_WORD.match(tokens[first].simplified + given.simplified)
                and given.tag[:1] not in GRAMMATICAL_TAGS
                and given.simplified not in _TITLES_AFTER_NAMES  # 傑|議員: a title, no given name
            ):
                key = tokens[first].simplified + given.simplified
                found.append(_make(doc, tokens[first].start, given.end, key, sentence, "surname", "PER"))
        if first + 1 < len(tokens) and _person_pieces(tokens[first], tokens[first + 1]):
            start, end = tokens[first].start, tokens[first + 1].end
            key = tokens[first].simplified + tokens[first + 1].simplified
            found.append(_make(doc, start, end, key, sentence, "surname", "PER"))
    return found


# Titles Chinese writes after a name (simplified): never the given name after a surname.
_TITLES_AFTER_NAMES = frozenset(
    "议员 先生 女士 小姐 主席 局长 司长 教授 博士 医生 太太 夫人 法官 部长 总统 市长 "
    # the heads of Taiwan's bodies, written after a surname in a speech's salutation (王院長, 李主秘, 楊館長)
    "院长 秘书长 主秘 次长 主委 馆长 处长 署长 校长 厅长 县长 董事长 总经理 会长 主任".split()
)


# A surname alone before one of these (a head's office, not a courtesy title like 先生 or 夫人, which
# titled_names.py reads with the English title) is a candidate of its own (蔡|總統 ↔ President Tsai).
TITLED_OFFICE = "titled-office"
_OFFICE_TITLES = _TITLES_AFTER_NAMES - frozenset("先生 女士 小姐 太太 夫人 教授 博士 医生".split())


def _person_pieces(left: Token, right: Token) -> bool:
    """Two person-name pieces jieba cut a Hong Kong name into: 梁家|傑 (a two-character piece and a
    one-character one), 葉|劉淑儀 (a married woman's two surnames before her given name); three or
    four Han characters in all, both tagged as personal names and adjacent."""
    if not (left.tag.startswith("nr") and right.tag.startswith("nr")) or left.end != right.start:
        return False
    sizes = (len(left.simplified), len(right.simplified))
    if sizes == (2, 1):
        surnames = left.simplified[0]
    elif sizes == (1, 3):
        surnames = left.simplified + right.simplified[0]
    else:
        return False
    # common surnames only: jieba cuts transliterated names the same way (布姆|唐, Bumthang)
    whole = left.simplified + right.simplified
    return all(ch in _COMMON_SURNAMES for ch in surnames) and bool(_HAN_WORD.fullmatch(whole))


# The commonest Chinese surnames (simplified), mainland and Hong Kong: a closed list of common knowledge.
_COMMON_SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢"
    "姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤麦霍区"
    "岑冼邝古伍翁蓝涂詹容甘关温庄欧司植凌游柯康施洪饶"
)


def _is_surname(token: Token) -> bool:
    return len(token.simplified) == 1 and token.tag == "nr"


def _only_designators(simplified: str) -> bool:
    """集團股份: designators with no name in front are not a name."""
    rest = simplified
    while rest:
        match = next((s for s, _ in _SIMPLIFIED_SUFFIXES if rest.startswith(s)), None)
        if match is None:
            return False
        rest = rest[len(match) :]
    return True


def _core_of(simplified: str) -> str:
    """牛津大学 → 牛津: the name before a designator suffix, if at least two characters remain."""
    for suffix, _ in _SIMPLIFIED_SUFFIXES:
        if simplified.endswith(suffix) and len(simplified) - len(suffix) >= 2:
            return _core_of(simplified[: -len(suffix)]) or simplified[: -len(suffix)]
    return ""


def _separated_names(doc: Document, tokens: Sequence[Token], sentence: int) -> list[Candidate]:
    """埃胡德·烏爾, 莎拉．戴紐斯: Han parts joined by a name separator are one (foreign) name; each
    part is a candidate too, since English texts often repeat only the surname."""
    found = []
    index = 0
    while index < len(tokens):
        if tokens[index].simplified not in NAME_SEPARATORS:
            index += 1
            continue
        parts = [_name_part(tokens, index, -1)]
        while index < len(tokens) and tokens[index].simplified in NAME_SEPARATORS:
            part = _name_part(tokens, index, +1)
            if part is None:
                break
            parts.append(part)
            index = part[1]  # the token after this part: maybe another separator
        index += 1
        if len(parts) > 1 and all(parts):
            found.extend(_separated_name_candidates(doc, tokens, parts, sentence))  # type: ignore[arg-type]
    return found


# jieba tags of function words: particles (u*), prepositions, conjunctions, adverbs, pronouns,
# numerals, measure words, locatives, modal particles, verbs, time words.
GRAMMATICAL_TAGS = frozenset("upcdrmqfyvt")
# jieba's tags of personal names and transliterations
_PERSON_TAGS = frozenset({"nr", "nrt", "nrfg"})


def _name_part(tokens: Sequence[Token], separator: int, step: int) -> tuple[int, int] | None:
    """Token range ``[first, last+1)`` of the name part beside a separator, walking away from it over
    Han tokens that are not common words, at most four characters (transliterated parts are short), or
    five in one token jieba tags as a name (貝拉斯克斯 Velasquez).

    The token right beside the separator is a syllable of the name also where jieba reads it as a word:
    a one-character "particle" foreign names are often written with (羅蘭|多‧, 麥|可・, ‧約|赫姆森: a
    numeral, a verb, an adverb to jieba) and a common word jieba tags as a personal name (‧薩克斯 Sacks,
    "saxophone"). Nothing but a name stands right beside a name separator."""
    chars = 0
    index = separator + step
    edge = separator
    while 0 <= index < len(tokens):
        token = tokens[index]
        is_han = bool(_ALL_HAN.fullmatch(token.simplified))
        known = _cedict_status(token.simplified) if len(token.simplified) > 1 else None
        # beside a separator: the one this part walks from, or the next one (費|南德|茲‧德基希納)
        beside = index == separator + step or (
            0 <= index + step < len(tokens) and tokens[index + step].simplified in NAME_SEPARATORS
        )
        limit = 5 if token.tag in _PERSON_TAGS else 4
        if not is_han or chars + len(token.simplified) > limit:
            break
        if known is not None and known.common and not known.proper and not (beside and token.tag in _PERSON_TAGS):
            break
        if (
            len(token.simplified) == 1
            and token.tag[:1] in GRAMMATICAL_TAGS
            and not (beside and load_sounds().is_name_syllable(token.simplified))
        ):
            break  # 過, 的, 與: particles and prepositions, not syllables of a name
        chars += len(token.simplified)
        edge = index
        index += step
    if edge == separator:
        return None
    return (edge, separator) if step < 0 else (separator + 1, edge + 1)


def _separated_name_candidates(
    doc: Document, tokens: Sequence[Token], parts: list[tuple[int, int]], sentence: int
) -> list[Candidate]:
    spans = [(tokens[first].start, tokens[last - 1].end) for first, last in parts]
    keys = ["".join(t.simplified for t in tokens[first:last]) for first, last in parts]
    first, last = parts[0][0], parts[-1][1]
    whole_key = "".join(t.simplified for t in tokens[first:last])
    if len(keys[0]) >= 3 and keys[0][0] in _GLUED_BEFORE:
        # jieba glues a conjunction or preposition to the name after it: 及林登．詹森, 為林登
        spans[0] = (spans[0][0] + 1, spans[0][1])
        keys[0], whole_key = keys[0][1:], whole_key[1:]
    if len(keys[-1]) >= 4 and keys[-1][-1] in _GLUED_AFTER:
        # and a preposition to the name before it: 蒙多薩以 (M16 步槍) "Mendoza with (an M16)"
        spans[-1] = (spans[-1][0], spans[-1][1] - 1)
        keys[-1], whole_key = keys[-1][:-1], whole_key[:-1]
    whole_start, whole_end = spans[0][0], spans[-1][1]
    found = [_make(doc, whole_start, whole_end, whole_key, sentence, "separated", "PER")]
    for (start, end), key in zip(spans, keys, strict=False):
        if len(key) >= 2:
            found.append(_make(doc, start, end, key, sentence, "separated-part", "PER"))
    return found


# One-character conjunctions and prepositions jieba glues to the front of a foreign name.
_GLUED_BEFORE = frozenset("及与和或跟同并被把向对由为让给将从于在是的")
# One-character prepositions and verbs jieba glues to the end of a foreign name (蒙多薩以 M16 步槍 "Mendoza
# with an M16"); none ends a transliterated name.
_GLUED_AFTER = frozenset("以在于将被把向对从说是")


def _is_han_char(token: Token) -> bool:
    return len(token.simplified) == 1 and bool(_ALL_HAN.fullmatch(token.simplified))


def _designated(
    doc: Document, base: Candidate, boundaries: set[int], following_text: _FollowingText
) -> list[Candidate]:
    """商湯 + 集團 + 股份有限公司: extend a name by designators, ending on a word boundary (jieba may
    glue designators together, 集團股份|有限公司, so only the end is checked)."""
    found = []
    key = base.key
    hint: EntityType | None = None
    following, offsets = following_text.after(base.end)
    position = 0
    while position < len(following):
        match = next((s for s, _ in _SIMPLIFIED_SUFFIXES if following.startswith(s, position)), None)
        if match is None:
            break
        position += len(match)
        key += match
        hint = hint or _SUFFIX_HINT[match]  # type: ignore[assignment]
        end = offsets[position - 1] + 1
        if end in boundaries:
            found.append(_make(doc, base.start, end, key, base.sentence, "designated", hint, base.core or base.key))
    return found


def known_prefixes(doc: Document, base: Candidate, known_keys: frozenset[str]) -> list[Candidate]:
    """Known names at the start of ``base`` (商湯 in 商湯集團股份有限公司), as nested candidates."""
    return [c for c in _nested_chinese(doc, base, known_keys) if c.key in known_keys]


def _nested_chinese(doc: Document, base: Candidate, known_keys: frozenset[str]) -> list[Candidate]:
    """Names at the start of a longer one (the name comes first in Chinese: 香港|中文大學, 美國|政府)."""
    found = []
    for length in range(len(base.key) - 1, 1, -1):
        prefix = base.key[:length]
        known = _cedict_status(prefix)
        if prefix in known_keys or (known.proper and not known.calendar and not known.common):
            found.append(
                _make(
                    doc,
                    base.start,
                    _after_characters(doc.text, base.start, length),
                    prefix,
                    base.sentence,
                    "nested",
                    _zh_hint(None, prefix),
                    _core_of(prefix),
                )
            )
    return found


def _after_characters(text: str, start: int, count: int) -> int:
    """The offset ``count`` characters after ``start``, not counting the line breaks (and the spaces
    around them) that a hard-wrapped name holds: 香|\n|港 is two characters long in the key."""
    position = start
    while count and position < len(text):
        if text[position] not in " \t\r\n":
            count -= 1
        position += 1
    return position


def unique(candidates: Iterable[Candidate]) -> list[Candidate]:
    """One candidate per span; the first source found wins (order above is most to least specific)."""
    seen: dict[tuple[int, int], Candidate] = {}
    for candidate in candidates:
        seen.setdefault((candidate.start, candidate.end), candidate)
    return sorted(seen.values(), key=lambda c: (c.start, -c.end))


def is_han_word(word: str) -> bool:
    """Whether ``word`` is all Han characters (one or more)."""
    return bool(_ALL_HAN.fullmatch(word))


def han_characters(tokens: Sequence[Token], text: str) -> list[tuple[int, str]]:
    """(offset in ``text``, simplified character) of every character of the all-Han tokens, for searches that
    cut across jieba's words. A token of a wrapped line may hold its line break: each character keeps its own
    offset, the break skipped."""
    return [
        (position, ch)
        for t in tokens
        if _ALL_HAN.fullmatch(t.simplified)
        for position, ch in zip([p for p in range(t.start, t.end) if not text[p].isspace()], t.simplified, strict=False)
    ]
