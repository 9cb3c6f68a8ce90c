"""Cited law titles as whole names: 臺灣地區與大陸地區人民關係條例 ↔ Act Governing Relations Between People
of the Taiwan Area and the Mainland Area, 船舶法 ↔ Act of Ships.

jieba rarely keeps a law's title as one word (船舶|法定: the title ends inside a word; 航業|法; long
titles are runs of ordinary words with 與/及 inside), and the glossed-span search stops at a
conjunction, so a title was cut to a composable core (人民關係條例 ↔ Act Governing Relations Between
People) or never proposed. Three pieces, each general:

- English (:func:`english_titles`): a capitalised run holding a law word (Act, Regulations, Rules …)
  that opens it ("Regulations Governing …", "Act of Ships", "Organizational Act of the …") or ends
  it ("Shipping Act"), extended over the lower-case connectors and slashes titles use ("… in the
  Taiwan Area to Enter the Mainland Area", "Kinmen/Matsu/Penghu"), never over "and" before another
  title.
- Chinese (:func:`chinese_spans`): for a bead whose English has such a title, every law ending of
  the sentence (法, 條例, 規則, 辦法, 細則 … at character level, so 船舶|法定 is seen) grows left over
  the words it sits in until a word that cannot be inside a title (依, 本, 之, punctuation, a number,
  "及" after an article number or another law's ending).
- The pair (:func:`title_match`): the Chinese title's words, by their glosses, answer at least half
  of the English title's content words and cover at least half of the Chinese title (law words and
  "Governing" need no counterpart); the score grows with the smaller share.

A title that links hides the pieces nested in it (the table keeps outermost links), so parts of a
long title are no rows of their own.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import lru_cache

from bitext.entities.candidates import Candidate, english_key, han_characters, is_han_word
from bitext.entities.dictionary import content_words, covers, gloss_words, normalise_english, stem
from bitext.entities.institutions import OPTIONAL_WORDS
from bitext.entities.lexicon import EN_ORG_DESIGNATORS, EN_PLACE_DESIGNATORS, designator_endings
from bitext.entities.model import EntityType
from bitext.resources.cedict import load_cedict
from bitext.segment.words import Token

# English law words: a title opens or ends with one.
LAW_WORDS = frozenset(
    "act acts law laws code ordinance regulations regulation rules directions guidelines measures provisions "
    "statute statutes constitution treaty pact convention agreement accord accords protocol charter".split()
)
# Law words that open a title only ("Articles of Confederation"; "Article 5" is a heading).
_OPENING_LAW_WORDS = frozenset({"articles"})
# Words that link a law word to what it governs: they need no Chinese counterpart.
_GOVERNING = frozenset("governing regarding concerning relating organizational organic enforcement".split())
# Lower-case words a title may hold between its capitalised words.
_TITLE_CONNECTORS = frozenset("of the and for on between to in by with from as well at under".split())
# Simplified law endings, longest first (组织法 before 法 so the organisation act keeps its word).
ZH_LAW_TITLE_ENDINGS = (
    "施行细则",
    "组织条例",
    "条约",
    "公约",
    "协定",
    "协议",
    "宪章",
    "组织法",
    "条例",
    "规则",
    "办法",
    "细则",
    "通则",
    "要点",
    "准则",
    "规程",
    "纲要",
    "章程",
    "宪法",
    "法",
)
# Words that end a title's growth to the left: what cites or introduces it, never inside it.
_LEFT_STOPS = frozenset(
    "依 依照 依据 按照 根据 准用 适用 违反 参照 本 该 其 之 为 由 经 于 在 对 将 及其 等 各 所 订定 制定 修正 公布 "
    "规定 所定 另 应 得 并 或 如 即 以 自 从 向 至 前 后 系 及于 并依 先依 再依 受 不受 有关".split()
)
_CONJUNCTIONS = frozenset("及与和暨")
_GENERIC_LAW_WORDS = frozenset({"法令", "法律", "法规"})
_ARTICLE_UNITS = frozenset("条项款目号章节编")
MAX_TITLE_CHARS = 40
TITLE_FLOOR = 0.6
TITLE_SPAN = 0.3


def is_law_title(en: str) -> bool:
    """Whether an English name is a law's title: a law word ends it or opens it before a word that
    says what it governs ("of", "Governing", "for"), with at least one content word besides."""
    words = normalise_english(en).split()
    if len(words) < 2:
        return False
    if not _subject_words(en):
        return False
    if words[-1] in LAW_WORDS:
        return True
    return any(
        (word in LAW_WORDS or word in _OPENING_LAW_WORDS)
        and words[i + 1] in ("of", "governing", "regarding", "concerning", "for", "on")
        for i, word in enumerate(words[:-1])
    )


@lru_cache(maxsize=8192)
def _subject_words(en: str) -> tuple[str, ...]:
    """The English title's words that need a Chinese counterpart (not law words, not "Governing",
    not the words an institution's name may leave out: Affairs, National)."""
    return tuple(
        stem(w)
        for w in content_words(en)
        if w not in LAW_WORDS and w not in _OPENING_LAW_WORDS and w not in _GOVERNING and w not in OPTIONAL_WORDS
    )


# ---------------------------------------------------------------- English


def english_titles(text: str, candidates: Iterable[Candidate]) -> list[Candidate]:
    """Law titles longer than the capitalised runs (see module): each candidate that opens with a law
    phrase ("Regulations Governing …") is extended right over the connectors titles use, ending on a
    capitalised word; a new candidate only where that reaches further."""
    found = []
    for candidate in candidates:
        if candidate.source == "ticker" or not is_law_title(candidate.key):
            continue
        if normalise_english(candidate.key).split()[-1] in LAW_WORDS:
            continue  # a title ending in its law word is already whole (Shipping Act)
        end = _extended_end(text, candidate.end)
        if end > candidate.end:
            surface = text[candidate.start : end]
            found.append(
                Candidate(candidate.start, end, surface, english_key(surface), candidate.sentence, "law-title", "MISC")
            )
    return found


def _extended_end(text: str, end: int) -> int:
    """How far a title goes on after ``end``: over lower-case connectors and capitalised words, ending
    on a capitalised word; "and" before another law title ends it (two titles coordinated)."""
    position, best = end, end
    while position < len(text):
        gap_end = position
        while gap_end < len(text) and text[gap_end] in " /":
            gap_end += 1
        if gap_end == position or gap_end - position > 2 or "\n\n" in text[position:gap_end]:
            break
        word_end = gap_end
        while word_end < len(text) and (text[word_end].isalnum() or text[word_end] in "-.'’"):
            word_end += 1
        word = text[gap_end:word_end].rstrip(".")
        if not word:
            break
        if word[0].isupper() or word[0].isdigit():
            if word.lower() in LAW_WORDS:
                break  # another law's word: a second title starts or the run is a list
            best = gap_end + len(word)
        elif word.lower() in _TITLE_CONNECTORS:
            if word.lower() == "and" and _title_follows(text, word_end):
                break
        else:
            break
        position = gap_end + len(word)
    return best


def _title_follows(text: str, position: int) -> bool:
    """ "and the Directions Governing …": a law word among the next capitalised words."""
    words = text[position : position + 60].replace("/", " ").split()
    for word in words[:4]:
        folded = word.lower().strip(".,;:")
        if folded in LAW_WORDS:
            return True
        if not word[:1].isupper() and folded not in _TITLE_CONNECTORS:
            return False
    return False


# ---------------------------------------------------------------- Chinese


def chinese_spans(tokens: Sequence[Token], text: str, english: Iterable[Candidate], sentence: int) -> list[Candidate]:
    """Every law ending of the sentence grown left to the whole title (see module), when the bead's
    English names a law title."""
    if not any(is_law_title(en.key) for en in english):
        return []
    chars = han_characters(tokens, text)
    if not chars:
        return []
    simplified = "".join(ch for _, ch in chars)
    token_at = {}
    for index, token in enumerate(tokens):
        for position in range(token.start, token.end):
            token_at[position] = index
    found = []
    seen: set[int] = set()
    for index in range(len(chars)):
        for ending in ZH_LAW_TITLE_ENDINGS:
            first = index - len(ending) + 1
            if first < 0 or simplified[first : index + 1] != ending:
                continue
            if not _contiguous(chars, first, index) or not _closes_title(tokens, token_at, chars, first, index, ending):
                continue
            start = _grown_start(tokens, token_at, chars[first][0], text)
            end = chars[index][0] + 1
            if start is None or end in seen:
                break
            seen.add(end)
            key = "".join(ch for position, ch in chars if start <= position < end)
            if len(key) - len(ending) >= 2 and len(key) <= MAX_TITLE_CHARS:
                hint: EntityType = "MISC"
                found.append(Candidate(start, end, text[start:end], key, sentence, "law-title", hint))
            break
    return found


def _contiguous(chars: Sequence[tuple[int, str]], first: int, last: int) -> bool:
    return all(chars[i + 1][0] - chars[i][0] == 1 for i in range(first, last))


def _closes_title(
    tokens: Sequence[Token],
    token_at: dict[int, int],
    chars: Sequence[tuple[int, str]],
    first: int,
    last: int,
    ending: str,
) -> bool:
    """A one-character 法 ends a title only where a word ends before it (航業|法, 船舶|法定) or its word
    is a law (組織法, 稅法 "tax law"), not inside 方法, 辦法 (its own ending), 合法."""
    if len(ending) > 1:
        return True
    position = chars[first][0]
    token = tokens[token_at[position]]
    if token.start == position:
        # 法令, 法律, 法規: "laws" in general open a word of their own (公務人員有關法令 "the laws on civil
        # servants" cites no title), unlike 航業|法 or 船舶|法定
        return token.simplified[:2] not in _GENERIC_LAW_WORDS
    word = token.simplified[: position - token.start + 1]
    return len(word) >= 3 or bool(gloss_words(word) & {"law", "act", "code"})


def _grown_start(tokens: Sequence[Token], token_at: dict[int, int], ending_start: int, text: str) -> int | None:
    """Where the title that ends with the law ending at ``ending_start`` begins: the words before it,
    up to a word that cannot be inside a title. None when nothing is before the ending."""
    index = token_at[ending_start]
    start = tokens[index].start if tokens[index].start < ending_start else ending_start
    head = tokens[index].simplified[: ending_start - tokens[index].start]
    if head and head in _LEFT_STOPS:
        return None
    index -= 1
    while index >= 0:
        token = tokens[index]
        word = token.simplified
        if text[token.end : start].strip() or not is_han_word(word) or _stops(token):
            break
        if _is_verb(token) and index > 0 and _names_a_body(tokens[index - 1].simplified):
            break  # 行政院|行使|憲法: a body acting on the law (its subject and verb), not the title's words
        if start - token.start + (ending_start - start) > MAX_TITLE_CHARS:
            break
        if word in _CONJUNCTIONS:
            before = tokens[index - 1].simplified if index > 0 else ""
            # 第十八條及臺灣地區…條例, 船舶法及航業法: two citations, not one title
            if not before or before[-1] in _ARTICLE_UNITS or before.endswith(ZH_LAW_TITLE_ENDINGS):
                break
            if index > 0 and tokens[index - 1].tag[:1] == "m":
                break
        start = token.start
        index -= 1
    return start if start < ending_start else None


def _is_verb(token: Token) -> bool:
    """jieba's verb tag, or a word every CC-CEDICT gloss of which is a verb ("to exercise (a right etc)"
    for 行使, which jieba tags n)."""
    if token.tag[:1] == "v":
        return True
    glosses = [g for entry in load_cedict().lookup(token.simplified) for g in entry.glosses]
    return bool(glosses) and all(g.startswith("to ") for g in glosses)


def _names_a_body(word: str) -> bool:
    """A word ending in a body's designator of its own (行政院, 內政部): a subject, before a verb."""
    return any(word.endswith(e) and len(word) > len(e) for e, kind in designator_endings() if kind == "ORG")


# jieba's tags of words that cite or introduce a title (prepositions, pronouns, particles,
# numbers); the conjunctions 及/與/和 are judged apart (they may join words inside one title).
_STOP_TAGS = frozenset("prumq")


def _stops(token: Token) -> bool:
    word = token.simplified
    if word in _CONJUNCTIONS:
        return False
    return (
        word in _LEFT_STOPS
        or token.tag[:1] in _STOP_TAGS
        or (token.tag[:1] == "c")
        or (len(word) == 2 and word[1] in _CITING)  # 經依, 並依: a verb or adverb glued to 依
    )


_CITING = frozenset("依按照据")


# ---------------------------------------------------------------- the pair


def title_match(zh: str, en: str) -> tuple[str, float] | None:
    """A Chinese law title against an English one (see module): (evidence, score) or None."""
    ending = next((e for e in ZH_LAW_TITLE_ENDINGS if zh.endswith(e)), "")
    if not ending or len(zh) - len(ending) < 2 or not is_law_title(en):
        return None
    return _title_match(zh, en, ending)


def _answered(piece: str, subject: Sequence[str]) -> set[int]:
    """The English words a piece of the title answers: by its glosses, by two abbreviations (蒙藏 ↔
    Mongolian, Tibetan), or as a body's or place's designator (委員會 ↔ Commission, 地區 ↔ Area)."""
    from bitext.entities.spans import abbreviations_covered

    hits = {i for i, word in enumerate(subject) if covers(gloss_words(piece), word)}
    if not hits:
        hits = abbreviations_covered(piece, subject)
    kind = _BODY_OR_PLACE.get(piece)
    if kind:
        hits |= {i for i, word in enumerate(subject) if word in (EN_ORG_DESIGNATORS if kind == "ORG" else _PLACE_WORDS)}
    return hits


_BODY_OR_PLACE = {ending: kind for ending, kind in designator_endings() if kind in ("ORG", "LOC") and len(ending) >= 2}
_PLACE_WORDS = frozenset(stem(w) for w in EN_PLACE_DESIGNATORS)


@lru_cache(maxsize=8192)
def _title_match(zh: str, en: str, ending: str) -> tuple[str, float] | None:
    subject = _subject_words(en)
    body = zh[: len(zh) - len(ending)]
    covered: set[int] = set()
    covered_chars = 0
    parts = []
    position = 0
    while position < len(body):
        # the longest dictionary word here that answers an English word
        for end in range(min(len(body), position + 8), position, -1):
            hits = _answered(body[position:end], subject)
            if hits:
                covered |= hits
                covered_chars += end - position
                parts.append(body[position:end])
                position = end
                break
        else:
            position += 1
    if not subject:
        return None
    english_share = len(covered) / len(subject)
    chinese_share = covered_chars / len(body)
    if english_share < 0.5 or chinese_share < 0.5 or (len(subject) >= 3 and len(covered) < 2):
        return None
    score = TITLE_FLOOR + TITLE_SPAN * min(english_share, chinese_share)
    return "law-title:" + "+".join(parts), round(score, 4)
