"""Chinese spans looked for from the English side: names the Chinese tagger does not mark.

jieba tags few institutional names (全球|環境|基金 are three common nouns, 終審|法院 a verb and a
noun) and cuts unknown personal names anywhere (潘國|濂, 陳|清揚). The English side marks names by
capitals, so for each English candidate of a bead the Chinese sentences of that bead are searched
for a span that translates it by one of the pairing signals:

* **romanisation**: two to four characters whose pinyin, Wade–Giles or Hong Kong Cantonese reading
  spells the English name (陳清揚 ↔ Chen Qingyang, 潘國濂 ↔ STEVEN POON KWOK-LIM with the English
  first name left out);
* **dictionary**: a run of words whose CC-CEDICT gloss is the English name, common-word entries
  included (立法會 "Legislative Council"), or whose words' glosses cover every English content word
  (終審 + 法院 ↔ Court of Final Appeal, 全球 + 環境 + 基金 ↔ Global Environment Facility);
* **sound**: a run of syllables that sounds like a foreign name (利雲斯頓 ↔ Livingston), grown from
  a tagged piece (雲斯頓) over neighbouring characters only while the match improves.

A span is only proposed here; the pair still needs the same evidence in :mod:`pairing` (where it
is scored like any other candidate), so a span found for one English name cannot pair with another
without evidence of its own. Cost: per English candidate, one pass over the bead's characters with
a cheap first-letter filter before any reading is compared.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence
from functools import lru_cache

import regex

from bitext.entities.candidates import GRAMMATICAL_TAGS, Candidate
from bitext.entities.demonyms import is_demonym
from bitext.entities.dictionary import (
    LEADING_TRANSLITERATION,
    content_words,
    covers,
    direct_match,
    gloss_words,
    is_common_word,
    normalise_english,
    optional_words,
    stem,
)
from bitext.entities.institutions import institution_glosses
from bitext.entities.lexicon import (
    EN_DESIGNATORS,
    EN_MISC_DESIGNATORS,
    EN_ORG_DESIGNATORS,
    EN_PLACE_DESIGNATORS,
    designator_endings,
)
from bitext.entities.model import EntityType
from bitext.entities.place_prefixes import demonyms_answered
from bitext.entities.transliteration import english_key, romanisation, sounds_at_least, transliteration
from bitext.resources.cedict import load_cedict
from bitext.resources.names import char_syllables
from bitext.resources.places import load_places
from bitext.resources.sounds import load_sounds
from bitext.segment.words import Token

# A romanised name must match a reading this well (same floor as pairing's romanised-name vote).
ROMANISATION_FLOOR = 0.8
# A name ending inside a jieba word must be spelt exactly.
EXACT_INSIDE_WORD = 1.0
# Two characters have few readings to choose from: a near miss is more often chance (重大 ↔ Tongan).
TWO_CHARACTER_FLOOR = 0.9
# A sound-alike grown from a tagged piece must match this well (pairing.TRANSLITERATION_FLOOR).
SOUND_FLOOR = 0.7
# A candidate sounding at least this much like an English name is worth growing.
GROWTH_START = 0.6
# The bracket says the two are one name: a weak sound match is enough to find where it starts.
BRACKETED_FLOOR = 0.5
MAX_WINDOW_TOKENS = 7
_ENDINGS = tuple(ending for ending, _ in designator_endings())
MAX_SPAN_CHARS = 12
_HAN = regex.compile(r"^\p{Han}+$")
# Hong Kong government spellings write Yale's unaspirated b/d/g/j as p/t/k/ch.
_HK_INITIALS = {"b": "p", "d": "t", "g": "k", "j": "c", "z": "t", "q": "c", "x": "h"}


@lru_cache(maxsize=65536)
def initials(ch: str) -> frozenset[str]:
    """First letters of every reading of ``ch`` in the three romanisations (with HK spellings)."""
    letters: set[str] = set()
    for system in ("pinyin", "wade-giles", "cantonese"):
        for syllable in char_syllables(ch, system):  # syllable_options(ch, system)'s, without the context
            if syllable:
                letters.add(syllable[0])
                letters.add(_HK_INITIALS.get(syllable[0], syllable[0]))
    return frozenset(letters)


def _han_runs(tokens: Sequence[Token], text: str) -> list[tuple[int, str, int]]:
    """(offset, simplified character, run number) for each Han character of the tokens; a run is
    Han characters with nothing but a wrapped line's break between them."""
    chars: list[tuple[int, str, int]] = []
    run = 0
    previous_end = -1
    for token in tokens:
        if not _HAN.match(token.simplified):
            run += 1
            continue
        if previous_end >= 0 and text[previous_end : token.start].strip():
            run += 1
        chars.extend((token.start + i, ch, run) for i, ch in enumerate(token.simplified))
        previous_end = token.end
    return chars


def _adjacent(text: str, left: Token, right: Token) -> bool:
    """Nothing, or only a wrapped line's break, between two tokens."""
    gap = text[left.end : right.start]
    return not gap or (not gap.strip() and "\n" in gap)


_LETTER_WORD = regex.compile(r"[\p{L}]+(?:[-'’][\p{L}]+)*")


def _name_keys(en: Candidate) -> list[str]:
    """The English name as romanised letters; with a leading English first name left out too
    (STEVEN POON KWOK-LIM → poonkwoklim)."""
    words = _LETTER_WORD.findall(en.key)
    if not 1 <= len(words) <= 4:
        return []
    keys = [english_key(" ".join(words))]
    if len(words) >= 3:
        keys.append(english_key(" ".join(words[1:])))
    return [k for k in keys if 2 <= len(k) <= 24]


def _surname_initial(en: Candidate) -> str:
    """The first letter of the last of two English name words (the surname of a name in Western order)."""
    words = _LETTER_WORD.findall(en.key)
    return words[-1][0].lower() if len(words) == 2 else ""


_GLUED_AFTER = frozenset("以在的与和是被把向对从于为")


def _pieces_by_initial(
    tokens: Sequence[Token], text: str, letters: set[str]
) -> dict[str, list[tuple[int, int, str, bool]]]:
    """Every piece of two to four Han characters of one run that starts on a word boundary and ends
    on one (or, three characters or more, inside a word), as (start, end, simplified piece, ends
    inside a word), in text order, under each of ``letters`` its first character's readings may start
    with (made once per sentence: each English name then meets only the pieces that can start like it)."""
    starts = {t.start for t in tokens}
    ends = {t.end for t in tokens}
    # jieba glues a preposition or particle to the end of a name it does not know (阿爆以 "Abao with"):
    # the name ends before it
    ends |= {t.end - 1 for t in tokens if len(t.simplified) >= 3 and t.simplified[-1] in _GLUED_AFTER}
    chars = _han_runs(tokens, text)
    pieces: dict[str, list[tuple[int, int, str, bool]]] = {}
    for index, (position, ch, _) in enumerate(chars):
        if position not in starts:
            continue
        wanted = letters & initials(ch)
        if not wanted:
            continue
        here = []
        for length in (2, 3, 4):
            run = chars[index : index + length]
            if len(run) < length or run[-1][2] != run[0][2]:
                break
            end = run[-1][0] + 1
            # jieba may glue a name's last character to the next word (葉文|潔身): a full name of
            # three or more characters spelt exactly may end inside a word
            inside = end not in ends
            if not inside or length >= 3:
                here.append((position, end, "".join(c for _, c, _ in run), inside))
        if here:
            for letter in wanted:
                pieces.setdefault(letter, []).extend(here)
    return pieces


def romanised_spans(tokens: Sequence[Token], text: str, english: Iterable[Candidate], sentence: int) -> list[Candidate]:
    """Two to four Han characters, starting and ending on word boundaries, that romanise an English name."""
    names = [(en, _name_keys(en)) for en in english]
    if not any(keys for _, keys in names):
        return []
    # a name in Western order (Yu-Cheng Chang ↔ 張育成) starts in Chinese with its last English word
    surnames = {id(en): _surname_initial(en) for en, keys in names if keys}
    letters = {key[0] for _, keys in names for key in keys} | {s for s in surnames.values() if s}
    pieces = _pieces_by_initial(tokens, text, letters)
    found = []
    for en, keys in names:
        best: list[tuple[float, Candidate]] = []
        for key in keys:
            initials_here = dict.fromkeys([key[0], surnames.get(id(en)) or key[0]])
            for position, end, piece, inside in (p for letter in initials_here for p in pieces.get(letter, ())):
                if inside and " " not in en.key.strip():
                    continue
                floor = ROMANISATION_FLOOR if len(piece) > 2 else TWO_CHARACTER_FLOOR
                if inside:
                    floor = EXACT_INSIDE_WORD
                # transliteration(piece, key) if a romanisation scoring ``floor`` (approximations only if needed)
                match = romanisation(piece, key, floor)
                if match is not None:
                    span = Candidate(position, end, text[position:end], piece, sentence, "romanised", "PER")
                    best.append((match.score, span))
        # Only the best-matching spans: 陳清揚 (1.00), not 陳清揚說 (0.86) beside it.
        top = max((score for score, _ in best), default=0.0)
        found.extend(span for score, span in best if score == top)
    return found


def gazetteer_spans(tokens: Sequence[Token], text: str, english: Iterable[Candidate], sentence: int) -> list[Candidate]:
    """The Chinese names GeoNames gives for an English place name, where the sentence has them."""
    places = load_places()
    named = [(en, places.chinese_names(en.key)) for en in english]
    found: list[Candidate] = []
    if not any(chinese for _, chinese in named):
        return found
    simplified = "".join(t.simplified for t in tokens)
    offsets = [t.start + i for t in tokens for i in range(len(t.simplified))]
    for _, chinese in named:
        for name in chinese:
            start = simplified.find(name)
            while start >= 0:
                first, last = offsets[start], offsets[start + len(name) - 1] + 1
                found.append(Candidate(first, last, text[first:last], name, sentence, "gazetteer", "LOC"))
                start = simplified.find(name, start + 1)
    return found


_BRACKETED_LATIN = regex.compile(r"\s*[（(]\s*([A-Za-z][\p{L}\p{N}.'’ -]{0,40}?)\s*[)）]")
# Read the Chinese name before a bracketed original of several words also when it is a dotted transcription
# (約瑟夫·高登·萊維特 (Joseph Gorgon Levitt)), a title in 《》 (《歡樂合唱團》(Glee)) or a translated name
# (馬伽術聯盟 (Krav Maga Federation)); off, only the sound of the Han run right before the bracket says.
WHOLE_BRACKETED_NAMES = True
_NAME_DOTS = frozenset("·•・‧．")
# Every word of a translated name's original is capitalised ("Krav Maga Federation", not "Bring It On star").
# Two capitals in a row inside a word that has lower-case letters too: an acronym's letters (GenAI, OpenAI).
_SPELLED_CAPITALS = regex.compile(r"(?=\S*\p{Ll})\S*\p{Lu}\p{Lu}")
_CAPITALISED_WORDS = regex.compile(r"\p{Lu}[\p{L}\p{N}.'’-]*(?: \p{Lu}[\p{L}\p{N}.'’-]*)+")


def bracketed_spans(tokens: Sequence[Token], text: str, sentence: int) -> list[Candidate]:
    """卡潘內多 (Carpanedo), 太平洋海嘯警報中心 (PTWC): the Chinese name just before the original
    name in brackets. For an acronym, the run of nouns before the bracket; for a name, the ending
    of the Han run before it that sounds most like the bracketed name (jieba cuts 卡|潘內|多)."""
    found = []
    for index, token in enumerate(tokens):
        if token.simplified not in "(（" or index == 0:
            continue
        match = _BRACKETED_LATIN.match(text, tokens[index - 1].end)
        if match is None:
            continue
        latin = match.group(1)
        if WHOLE_BRACKETED_NAMES and tokens[index - 1].simplified == "》":
            found.extend(_title_before(tokens, index - 1, text, sentence))
            continue
        run: list[Token] = []
        for previous in reversed(tokens[:index]):
            if not _HAN.match(previous.simplified) or (run and not _adjacent(text, previous, run[0])):
                break
            run.insert(0, previous)
        if not run:
            continue
        if WHOLE_BRACKETED_NAMES and " " in latin:
            whole = _dotted_name(tokens, index - len(run), index - 1, latin, text, sentence) or _translated_name(
                run, latin, text, sentence
            )
            if whole is not None:
                found.append(whole)
                continue
        if regex.fullmatch(r"\p{Lu}{2,6}", latin):
            nouns = list(itertools.takewhile(lambda t: t.tag[:1] in "nj", reversed(run)))[::-1]
            if nouns and sum(len(t.simplified) for t in nouns) >= 2:
                start, end = nouns[0].start, nouns[-1].end
                key = "".join(t.simplified for t in nouns)
                found.append(Candidate(start, end, text[start:end], key, sentence, "bracketed", None))
            continue
        if _SPELLED_CAPITALS.search(latin):
            # GenAI, OpenAI: capitals read letter by letter are not sounded, so a Han ending that sounds
            # like the letters is chance (智能 "zhi neng" ~ GenAI scored 0.75 before 生成式人工智能 (GenAI))
            continue
        chars = "".join(t.simplified for t in run)[-8:]
        end = run[-1].end
        # 提名|加蘭德 (Merrick Garland), 和|嘉遜 (Willie Carson): the name starts after the last common word before
        # it and on no function word
        first = max((t.end for t in run if _common_word(t)), default=run[0].start)
        function_words = function_word_starts(run)
        best: tuple[float, int] | None = None
        for length in range(2, len(chars) + 1):
            if end - length < first or end - length in function_words:
                continue
            sound = transliteration(chars[-length:], latin)
            if sound is not None and (best is None or sound.score >= best[0]):
                best = (sound.score, length)
        if best is not None and best[0] >= BRACKETED_FLOOR:
            start = end - best[1]
            found.append(Candidate(start, end, text[start:end], chars[-best[1] :], sentence, "bracketed", None))
        elif " " not in latin:
            # 維基新聞 (Wikinews): a name translated, not transcribed, before its original: the word before the
            # bracket with the name-tagged or noun word before it (no sound to say where it starts)
            words = _translated_name_words(run)
            if words:
                start = words[0].start
                key = "".join(t.simplified for t in words)
                found.append(Candidate(start, end, text[start:end], key, sentence, "bracketed", None))
    return found


def _title_before(tokens: Sequence[Token], close: int, text: str, sentence: int) -> list[Candidate]:
    """《歡樂合唱團》(Glee): the title between the marks before a bracketed original (its own name)."""
    for open_ in range(close - 1, -1, -1):
        if tokens[open_].simplified == "《":
            inside = tokens[open_ + 1 : close]
            if not inside or not all(_HAN.match(t.simplified) for t in inside):
                return []
            start, end = inside[0].start, inside[-1].end
            key = "".join(t.simplified for t in inside)
            return [Candidate(start, end, text[start:end], key, sentence, "bracketed", None)]
    return []


def _dotted_name(
    tokens: Sequence[Token], first: int, last: int, latin: str, text: str, sentence: int
) -> Candidate | None:
    """約瑟夫·高登·萊維特 (Joseph Gorgon Levitt): the Han parts joined by name dots before the bracket
    (``tokens[first:last + 1]`` the last part), one part per word of the original. The first part is the
    ending of the Han run before the first dot that sounds most like the original's first word (jieba
    cuts 運動版的約瑟夫 or 蓋|比 anyhow)."""
    words = latin.split()
    parts, position = 1, first
    while (
        position >= 2 and tokens[position - 1].simplified in _NAME_DOTS and _HAN.match(tokens[position - 2].simplified)
    ):
        position -= 2
        while (
            position >= 1
            and _HAN.match(tokens[position - 1].simplified)
            and _adjacent(text, tokens[position - 1], tokens[position])
        ):
            position -= 1
        parts += 1
    if parts < 2 or parts != len(words):
        return None
    head = list(itertools.takewhile(lambda t: t.simplified not in _NAME_DOTS, tokens[position:]))
    chars = "".join(t.simplified for t in head)
    best: tuple[float, int] | None = None
    # endings that start a word, shortest first; a longer one only when it sounds better (安娜麗尼, not 演員安娜麗尼)
    for length in itertools.accumulate(len(t.simplified) for t in reversed(head)):
        sound = transliteration(chars[-length:], words[0]) if length <= 6 else None
        if sound is not None and (best is None or sound.score > best[0]):
            best = (sound.score, length)
    if best is None or best[0] < BRACKETED_FLOOR:
        return None
    start, end = head[-1].end - best[1], tokens[last].end
    key = chars[-best[1] :] + "".join(t.simplified for t in tokens[position + len(head) : last + 1])
    return Candidate(start, end, text[start:end], key, sentence, "bracketed", "PER")


def _translated_name(run: Sequence[Token], latin: str, text: str, sentence: int) -> Candidate | None:
    """馬伽術聯盟 (Krav Maga Federation): a name translated word by word before its original of several
    capitalised words: the run of nouns before the bracket, ending in a noun (no sound to go by)."""
    if not _CAPITALISED_WORDS.fullmatch(latin):
        return None
    nouns = list(itertools.takewhile(lambda t: t.tag[:1] in "nj", reversed(run)))[::-1]
    if len(nouns) < 2 or nouns[-1].tag[:1] not in "nj" or nouns[-1].tag[:2] in ("nr", "ns"):
        return None
    start, end = nouns[0].start, nouns[-1].end
    return Candidate(start, end, text[start:end], "".join(t.simplified for t in nouns), sentence, "bracketed", None)


def _translated_name_words(run: Sequence[Token]) -> list[Token]:
    """The last two words of ``run`` when both are nouns or names (維基|新聞), the first one name-tagged;
    else nothing: a bare noun before a bracket (公司 (ADT)) names nothing by itself."""
    if len(run) < 2:
        return []
    first, last = run[-2], run[-1]
    if first.tag[:2] not in ("nr", "ns", "nt", "nz") or last.tag[:1] != "n":
        return []
    return [first, last]


def grown_by_sound(
    tokens: Sequence[Token], text: str, chinese: Iterable[Candidate], english: Iterable[Candidate], sentence: int
) -> list[Candidate]:
    """利雲斯頓 for Livingston where jieba tagged only 雲斯頓: a Chinese candidate grown by one or two
    characters on either side while its sound match with an English name gets better and ends at
    least SOUND_FLOOR. Only Han characters of words that are no grammatical particle are taken."""
    # not from a demonym: Iranian grows 伊朗 into the 革 of 伊朗革命 (Iranian revolution)
    names = [e for e in english if " " not in e.key.strip() and len(english_key(e.key)) >= 4 and not is_demonym(e.key)]
    found: list[Candidate] = []
    if not names:
        return found
    usable: dict[int, str] | None = None  # made when a first candidate is worth growing
    common: frozenset[int] = frozenset()
    for zh in chinese:
        if zh.source in ("latin", "ticker") or not 2 <= len(zh.key) <= 6:
            continue
        for en in names:
            if not sounds_at_least(zh.key, en.key, GROWTH_START):
                continue  # (the approximations only where needed to tell)
            base = transliteration(zh.key, en.key)
            if base is None:
                continue  # (not reached: it scores GROWTH_START)
            if usable is None:
                usable = {
                    t.start + i: ch
                    for t in tokens
                    if _HAN.match(t.simplified) and not _grammatical(t, syllable_verbs=True)
                    for i, ch in enumerate(t.simplified)
                }
                # 克林頓|夫婦 is no "Clintons", 巴比倫|人為 no "Babylonians": growth takes no common word's character
                common = common_word_offsets(tokens)
            best = (base.score, zh.start, zh.end)
            for left in range(3):
                for right in range(3):
                    start, end = zh.start - left, zh.end + right
                    added = itertools.chain(range(start, zh.start), range(zh.end, end))
                    if any(p in common for p in added):
                        continue
                    if (left or right) and all(p in usable for p in range(start, end)):
                        key = "".join(usable[p] for p in range(start, end))
                        sound = transliteration(key, en.key)
                        if sound is not None and sound.score > best[0]:
                            best = (sound.score, start, end)
            if (best[1], best[2]) != (zh.start, zh.end) and best[0] >= SOUND_FLOOR:
                key = "".join(usable[p] for p in range(best[1], best[2]))
                found.append(Candidate(best[1], best[2], text[best[1] : best[2]], key, sentence, "grown", zh.hint))
    return found


# jieba's tags of names: a name found by its sound may start or end inside one (jieba cuts unknown names anywhere)
_NAME_TAGS = ("nr", "ns", "nz", "nt")
# one-character conjunctions, prepositions, particles and pronouns (和, 在, 的, 他): no name starts with one
_FUNCTION_TAG_INITIALS = frozenset("cpur")


def common_word_offsets(tokens: Sequence[Token]) -> frozenset[int]:
    """Offsets of the characters of common words of two or more characters (提名, 夫婦, 農產品, 人為): no name
    found by its sound takes one of them. Words jieba tags as names, and words it made up from unknown
    characters (說利 of 說利雲斯頓, no CC-CEDICT word), may lend characters."""
    return frozenset(offset for token in tokens if _common_word(token) for offset in range(token.start, token.end))


def _common_word(token: Token) -> bool:
    return len(token.simplified) >= 2 and token.tag[:2] not in _NAME_TAGS and is_common_word(token.simplified)


def function_word_starts(tokens: Sequence[Token]) -> frozenset[int]:
    """Offsets of one-character function words (和, 在, 的): the characters before a name, never its first."""
    return frozenset(t.start for t in tokens if len(t.simplified) == 1 and t.tag[:1] in _FUNCTION_TAG_INITIALS)


_CONJUNCTIONS = frozenset("及与暨和")
# Designators that are also ordinary content words inside a name (Science and Technology Council).
_ALSO_CONTENT = frozenset("technology technologies tech state states service".split())


def inner_conjunction(en: str) -> bool:
    """ "and" joins two words inside one institution's name, not two names: one designator in the
    English, after the "and" (National Science and Technology Council, Haitian Institute for Justice
    and Democracy), and none just before it (not University of Oxford and Chinese University)."""
    words = normalise_english(en).split()
    if "and" not in words:
        return False
    cut = words.index("and")
    # a designator heads the name where it ends it or opens its "of"/"for"/"on" part; inside, it is a
    # content word ("Prison Administration Affairs" of the Committee on Judicial and …)
    designators = [
        i
        for i, w in enumerate(words)
        if w in EN_ORG_DESIGNATORS
        and w not in _ALSO_CONTENT
        and (i == len(words) - 1 or words[i + 1] in ("of", "for", "on", "and"))
    ]
    return (
        len(designators) == 1
        and cut > 0
        and words[cut - 1] not in EN_DESIGNATORS
        and (designators[0] > cut or words[designators[0] + 1 : designators[0] + 2] in (["for"], ["of"], ["on"]))
    )


def _is_designator(word: str) -> bool:
    """委員會, 院, 法: a designator word, or a longer word ending in one that is no common word."""
    return word in _ENDINGS or (len(word) >= 3 and word.endswith(_ENDINGS) and not is_common_word(word))


def _zh_designator_kind(word: str) -> str:
    """ORG for a body's ending (部, 委員會), LOC for a place's, MISC for a law's (法, 憲法); "" if none."""
    if not _is_designator(word):
        return ""
    return next((kind for ending, kind in designator_endings() if word.endswith(ending)), "")


def _grammatical(token: Token, syllable_verbs: bool = False) -> bool:
    """A one-character particle, preposition, pronoun …; with ``syllable_verbs``, a one-character verb
    that foreign names are often written with is not (jieba tags the last syllable of 艾爾多安 and 庫爾登
    as the verbs 安 and 登; 芬蘭是 and 北京人說 stay cut before 是 and 說)."""
    if len(token.simplified) != 1 or token.tag[:1] not in GRAMMATICAL_TAGS:
        return False
    return not (syllable_verbs and token.tag == "v" and load_sounds().is_name_syllable(token.simplified))


_BODY_ENDINGS = frozenset("部局署院会处厅")
_PARTICLES = frozenset("于在得应将已即及与对向")


def _ending_unglued(tokens: Sequence[Token]) -> list[Token]:
    """jieba glues a body's one-character ending to the particle or verb after it (移民|署於, 移民|署處):
    the ending and the rest are two words again. Offsets are those of the original text (a word
    of two characters has no line break inside it)."""
    result = []
    for token in tokens:
        word = token.simplified
        if (
            len(word) == 2
            and word[0] in _BODY_ENDINGS
            and token.end - token.start == 2
            and (word[1] in _PARTICLES or not load_cedict().lookup(word))  # 署於, 署處 (the body "punishes")
        ):
            result.append(Token(token.start, token.start + 1, word[0], "n"))
            result.append(Token(token.start + 1, token.end, word[1], "p"))
        else:
            result.append(token)
    return result


_LONG_ENDINGS = tuple(e for e in _ENDINGS if len(e) >= 2)
# (last character of a word, first character of the next) → the endings and cut points (characters
# before the cut) that straddle them, longest ending first
_STRADDLING: dict[tuple[str, str], list[tuple[str, int]]] = {}
for _ending in _LONG_ENDINGS:
    for _k in range(1, len(_ending)):
        _STRADDLING.setdefault((_ending[_k - 1], _ending[_k]), []).append((_ending, _k))


def _split_names_rejoined(
    tokens: Sequence[Token], coverage: Sequence[set[int]], han: Sequence[bool], stems: Sequence[str]
) -> tuple[list[Token], list[set[int]], list[bool]] | None:
    """jieba cuts a place name into two one-character words when the characters beside it pull them
    apart (國立|台|中|圖書館: 台 a measure word, 中 "middle"); two such words that answer no English word
    alone but together do (台中 "Taichung") are one word again. None when nothing is rejoined."""
    result: list[Token] | None = None
    index = 0
    while index + 1 < len(tokens):
        left, right = tokens[index], tokens[index + 1]
        if (
            han[index]
            and han[index + 1]
            and len(left.simplified) == 1
            and len(right.simplified) == 1
            and not coverage[index]
            and not coverage[index + 1]
            and left.end == right.start
        ):
            joined = _covered(left.simplified + right.simplified, stems)
            if joined:
                if result is None:
                    result, new_coverage, new_han = list(tokens[:index]), list(coverage[:index]), list(han[:index])
                result.append(Token(left.start, right.end, left.simplified + right.simplified, "ns"))
                new_coverage.append(joined)
                new_han.append(True)
                index += 2
                continue
        if result is not None:
            result.append(left)
            new_coverage.append(coverage[index])
            new_han.append(han[index])
        index += 1
    if result is None:
        return None
    for i in range(index, len(tokens)):
        result.append(tokens[i])
        new_coverage.append(coverage[i])
        new_han.append(han[i])
    return result, new_coverage, new_han


# A government body's ending at the end of a word the dictionary knows as a whole (衛生署, 調查局):
# the ending answers the English designator as in a word the dictionary lacks.
_BODY_WORD_ENDINGS = ("署", "局", "司", "处")


def _body_word(word: str, covered: set[int]) -> bool:
    """衛生署 "health bureau" ↔ Department of Health: a body's word of three characters or more that
    CC-CEDICT glosses as a common word (so no designator by :func:`_is_designator`) still ends on a body's
    ending, when its glosses answer an English word of the name besides."""
    return len(word) >= 3 and word.endswith(_BODY_WORD_ENDINGS) and bool(covered)


def _designators_recut(tokens: Sequence[Token]) -> list[Token]:
    """jieba cuts a name across its designator (蒙藏委员|会置: the name ends inside a word): a
    designator of two characters or more that straddles two words becomes a word of its own, and
    the words on either side keep what is left (蒙藏 | 委员会 | 置)."""
    result = list(tokens)
    index = 0
    while index + 1 < len(result):
        left, right = result[index], result[index + 1]
        # only the endings that can straddle these two characters (one look-up per pair of words)
        straddling = _STRADDLING.get((left.simplified[-1:], right.simplified[:1]), ())
        pieces = _recut(left, right, straddling) if straddling else None
        if pieces:
            result[index : index + 2] = pieces
            index += len(pieces) - 1
        else:
            index += 1
    return result


def _recut(left: Token, right: Token, straddling: Sequence[tuple[str, int]]) -> list[Token] | None:
    if not (
        left.end == right.start
        and left.end - left.start == len(left.simplified)
        and right.end - right.start == len(right.simplified)
    ):
        return None  # a wrapped line's break inside: offsets are not one per character
    joined = left.simplified + right.simplified
    cut = len(left.simplified)
    for ending, k in straddling:
        start = cut - k
        end = start + len(ending)
        if start > 0 and joined[start:end] == ending:
            base = left.start
            pieces = [Token(base, base + start, joined[:start], left.tag), Token(base + start, base + end, ending, "n")]
            if end < len(joined):
                pieces.append(Token(base + end, base + len(joined), joined[end:], right.tag))
            return pieces
    return None


@lru_cache(maxsize=4096)
def _abbreviated(ch: str) -> frozenset[str]:
    """The English words of a character's proper-noun glosses (藏 "Tibet", 港 "Hong Kong (abbr. …)"),
    surnames left out."""
    return frozenset(
        stem(w)
        for entry in load_cedict().lookup(ch)
        if entry.is_proper_noun
        for gloss in entry.glosses
        if not gloss.startswith("surname ")
        for w in regex.findall(r"[a-z]+", gloss.lower())
        if w not in _GLOSS_FILLER
    )


_GLOSS_FILLER = frozenset("abbr for of the and pr bound form taiwan".split())


def abbreviations_covered(token: str, stems: Sequence[str]) -> set[int]:
    """蒙藏 ↔ Mongolian and Tibetan: a two-character word the dictionary lacks whose characters each
    abbreviate a name (蒙 Mongolia, 藏 Tibet) answers the English words each one covers, when each
    covers a different one (a coordination "X and Y")."""
    if len(token) != 2 or load_cedict().lookup(token):
        return set()
    halves = [{i for i, s in enumerate(stems) if covers(_abbreviated(ch), s)} for ch in token]
    if not all(halves) or halves[0] == halves[1]:
        return set()
    return halves[0] | halves[1]


def _designator_hint(words: Sequence[str], designators: set[int]) -> EntityType:
    kinds = {
        ("MISC" if w in EN_MISC_DESIGNATORS else "LOC" if w in EN_PLACE_DESIGNATORS else "ORG")
        for w in (words[i] for i in designators)
    }
    if "ORG" in kinds:
        return "ORG"
    return "MISC" if "MISC" in kinds else "LOC"


def _sounded(token: str, words: Sequence[str]) -> set[int]:
    found = set()
    for i, word in enumerate(words):
        if len(word) >= 3 and sounds_at_least(token, word, LEADING_TRANSLITERATION):
            found.add(i)
    return found


def _covered(token: str, stems: Sequence[str]) -> set[int]:
    """Which English words (given by their stems) a Chinese word's glosses cover."""
    vocabulary = _token_vocabulary(token)
    if vocabulary is None:
        return abbreviations_covered(token, stems)  # 蒙藏 ↔ Mongolian and Tibetan
    if not vocabulary:
        return set()  # (no word is covered by an empty vocabulary: most words of a sentence)
    return {i for i, s in enumerate(stems) if covers(vocabulary, s)}


@lru_cache(maxsize=65536)
def _token_vocabulary(token: str) -> frozenset[str] | None:
    """The words ``_covered`` compares a Chinese word's English words with, read once per word (a
    sentence's words are compared with each English name of two words or more); None for a two-character
    word with no gloss, whose characters are read as abbreviations instead."""
    vocabulary = gloss_words(token)
    if not vocabulary and len(token) >= 3:
        # two words jieba keeps as one (緊急命令, 電玩|展): each part's glosses
        halves = [gloss_words(token[:cut]) | gloss_words(token[cut:]) for cut in range(2, len(token) - 1)]
        halves = [
            h
            for cut, h in zip(range(2, len(token) - 1), halves, strict=True)
            if gloss_words(token[:cut]) and gloss_words(token[cut:])
        ]
        if not halves and len(token) == 3 and institution_glosses(token[2:]):
            halves = [gloss_words(token[:2]) | gloss_words(token[2:])]  # 電玩|展 "show"
        if halves:
            vocabulary = halves[0]
    if not vocabulary and len(token) == 2:
        return None
    if not vocabulary and len(token) >= 3:
        # a law or body jieba keeps as one word the dictionary lacks (醫療法, 關稅法, 調查局): its
        # words before the ending translate the English (the ending is the designator)
        ending = next((e for e in _ENDINGS if token.endswith(e) and len(token) > len(e)), "")
        if ending:
            vocabulary = gloss_words(token[: -len(ending)])
    return vocabulary


def _stationed_in(tokens: Sequence[Token], at: int, first: int, coverage: Sequence[set[int]]) -> bool:
    """駐 + a place inside a body's name, between the body it belongs to and its own name (中央人民政府
    駐澳門特別行政區聯絡辦公室 ↔ Liaison Office of the Central People's Government [in the MSAR]): the
    English says where after the name, or not at all, so the place is skipped, not answered."""
    return (
        at > first
        and tokens[at].simplified == "驻"
        and bool(coverage[at - 1])
        and at + 2 < len(tokens)
        and (tokens[at + 1].tag == "ns" or _zh_designator_kind(tokens[at + 1].simplified) == "LOC")
        and _adjacent_han(tokens[at], tokens[at + 1], tokens[at + 2])
    )


def _adjacent_han(*tokens: Token) -> bool:
    return all(_HAN.match(t.simplified) for t in tokens) and all(
        a.end == b.start for a, b in itertools.pairwise(tokens)
    )


def dictionary_spans(
    tokens: Sequence[Token], text: str, english: Iterable[Candidate], sentence: int
) -> list[Candidate]:
    """Runs of words whose gloss names an English candidate, or whose words' glosses cover all of
    its content words (the run starting and ending on a covering word or a designator)."""
    han: list[bool] | None = None  # made (with the endings unglued) for the first name of two words or more
    found = []
    for en in english:
        words = content_words(en.key)
        if len(words) < 2:
            continue  # one word: the tagger's candidates and CC-CEDICT's proper nouns cover it
        if han is None:
            tokens = _designators_recut(_ending_unglued(tokens))
            han = [bool(_HAN.match(t.simplified)) for t in tokens]
        stems = [stem(w) for w in words]
        coverage = [_covered(t.simplified, stems) if han[i] else set() for i, t in enumerate(tokens)]
        rejoined = _split_names_rejoined(tokens, coverage, han, stems)
        if rejoined is not None:
            tokens, coverage, han = rejoined  # 國立|台|中|圖書館: 台中 "Taichung" again one word
        # a place or person jieba tags inside the name answers the English word it sounds like
        # (威斯敏斯特|裁判|法院 ↔ Westminster Magistrates Court)
        for i, token in enumerate(tokens):
            if (
                han[i]
                and not coverage[i]
                and token.tag in ("ns", "nr", "nrt", "nz")
                and 2 <= len(token.simplified) <= 6
            ):
                coverage[i] = _sounded(token.simplified, words)
            if han[i] and not coverage[i]:
                coverage[i] = demonyms_answered(token.simplified, words)  # 美國|在台|協會 ↔ American Institute …
        designators = {i for i, w in enumerate(words) if w in EN_DESIGNATORS}
        optional = optional_words(words)
        # one English word of three or more may stay unglossed (see dictionary.composed_match)
        needed = len(words) - len(optional) - (len(words) - len(optional) >= 3 and bool(designators))
        joined = inner_conjunction(en.key)
        for first in range(len(tokens)):
            if not coverage[first] or _grammatical(tokens[first]):
                continue
            if (
                tokens[first].tag == "v"
                and not any(stem(words[i]) in gloss_words(tokens[first].simplified) for i in coverage[first])
                and bool(gloss_words(tokens[first].simplified))  # a word CC-CEDICT lacks is jieba's guess: 港加
            ):
                continue  # a verb opens a name only by its own gloss (終審 "final appeal"), not by a near
                # spelling (組成 "to constitute" before 憲法法庭, the Constitutional Court); a word with no
                # gloss at all (港加 "Hong Kong-Canada", two abbreviations) is no verb jieba knows
            word = tokens[first]
            if len(word.simplified) >= 2 and direct_match(word.simplified, en.key) is not None:
                # one word whose gloss names the English with another law word (刑法 "criminal law" ↔
                # Criminal Code): the loop below wants every English word covered
                found.append(
                    Candidate(
                        word.start, word.end, text[word.start : word.end], word.simplified, sentence, "glossed", en.hint
                    )
                )
            union: set[int] = set()
            unglossed = 0
            designated_inside = False
            since_designator = 0
            stationed_to = stationed_chars = (
                0  # 中央人民政府|駐|澳門特別行政區|聯絡辦公室: the place after 駐 is skipped
            )
            for last in range(first, min(len(tokens), first + MAX_WINDOW_TOKENS)):
                if not (last > first and _adjacent(text, tokens[last - 1], tokens[last])) and last > first:
                    break
                if last < stationed_to:
                    continue
                if _stationed_in(tokens, last, first, coverage):
                    stationed_to = last + 2
                    stationed_chars = 1 + len(tokens[last + 1].simplified)
                    continue
                if joined and last > first and tokens[last].simplified in _CONJUNCTIONS and coverage[last - 1]:
                    continue  # 國家科學|及|技術委員會 ↔ National Science and Technology Council: one name
                if not han[last] or _grammatical(tokens[last]):
                    break  # a particle, preposition or conjunction ends the name (周大爺|往, 美國|和|加拿大)
                if unglossed:
                    break  # an unglossed word may only end the name
                # a body's or place's ending inside (內政部|移民署, 大陸地區|物品); a law word inside
                # a name is a modifier (憲法|法庭 ↔ Constitutional Court)
                if last > first and _zh_designator_kind(tokens[last - 1].simplified) in ("ORG", "LOC"):
                    if len(tokens[last].simplified) == 1 and _is_designator(tokens[last].simplified):
                        break  # 委員會|處(務): a body inside needs a name of its own (法務部|調查局)
                    designated_inside = True
                    since_designator = 0
                if designated_inside and not _is_designator(tokens[last].simplified):
                    # after a designator only a body inside it continues the name (法務部|調查局,
                    # 內政部|移民|署), not the verb or noun after it (勞工委員會|會同, 大陸地區|物品)
                    since_designator += 1
                    new_words = coverage[last] - optional - union - designators
                    if since_designator > 2 or not new_words or tokens[last].tag[:1] not in "nj":
                        break
                    union |= coverage[last]
                    continue
                union |= coverage[last]
                # every word of the name translates an English word or is its designator; one may
                # stay unglossed in a long institutional name (see dictionary.composed_match)
                unglossed += not coverage[last] and not _is_designator(tokens[last].simplified)
                if unglossed > (needed < len(words)):
                    break
                key = "".join(t.simplified for t in tokens[first : last + 1])
                if len(key) - stationed_chars > MAX_SPAN_CHARS:
                    break
                body_word = _body_word(tokens[last].simplified, coverage[last])
                designated = _is_designator(tokens[last].simplified) or body_word
                kind = "ORG" if body_word else _zh_designator_kind(tokens[last].simplified)
                # a Chinese ending answers an English designator of its kind (法 an Act, 院 a Yuan)
                same_kind = {i for i in designators if _designator_hint(words, {i}) == kind}
                reached = (union - optional) | (same_kind if designated else set())
                # a last word left unglossed: 全球|環境|基金 for Global Environment Facility
                unglossed_end = needed < len(words) and last > first and bool(coverage[last - 1])
                if not (coverage[last] or designated or unglossed_end) or (len(words) > 1 and len(reached) < needed):
                    continue
                adds = bool(coverage[last] - (union - coverage[last])) or last == first
                if not (adds or designated or unglossed):
                    continue  # the last word adds no English word: 立法院|立法委員 is not a longer name
                if len(key) >= 3 or (len(key) == 2 and direct_match(key, en.key) is not None):
                    span_start, span_end = tokens[first].start, tokens[last].end
                    # the English designator's kind: Riga Peace Treaty is MISC, Court of Final Appeal ORG
                    hint = _designator_hint(words, designators) if designators else en.hint
                    # a last noun no gloss explains may answer one English word (基金 ↔ Facility)
                    tail = (
                        unglossed == 1
                        and tokens[last].tag[:1] == "n"
                        and len(tokens[last].simplified) == 2
                        and not _is_designator(tokens[last - 1].simplified)  # 委員會|會同: the name had ended
                    )
                    source = "glossed-tail" if tail else "glossed"
                    found.append(
                        Candidate(span_start, span_end, text[span_start:span_end], key, sentence, source, hint)
                    )
    return found
