"""Foreign personal names written in Chinese with a separator (亨利·季辛吉 ↔ Henry Kissinger).

A Chinese rendering of a foreign name keeps the English name's parts apart (亨利 · 季辛吉), so the
two can be compared part by part: each Chinese part against the English word in the same place,
counted from the end (the surname comes last on both sides; an English middle name or initial,
John F. Kennedy, has no Chinese part). Scoring the whole string at once lets one weak part sink a
good match (亨利季辛吉 ↔ henrykissinger scores 0.69 as one string; 亨利 ↔ Henry 0.76 and 季辛吉 ↔
Kissinger 0.63 part by part), while two parts that each sound like their word in order are rarely
chance: on the entity dev gold, wrong couples of a bead score about 0.50 per part, true ones 0.6-0.9.

jieba also cuts such names badly at their end (密克‧歐|福林表示: the part stops at 歐 because 福林 is
a common word, "forint"; 基爾‧斯塔摩今|早 swallows the 今 of 今早): :func:`fitted_spans` moves the
name's two ends by a character or two, to where its parts sound most like an English name of the bead.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import regex

from bitext.entities.candidates import GRAMMATICAL_TAGS, Candidate
from bitext.entities.model import EntityType
from bitext.entities.transliteration import NAME_SEPARATORS, transliteration
from bitext.resources.sounds import load_sounds
from bitext.segment.words import Token

# Every part must sound at least this much like its English word (wrong couples: about 0.50).
PART_FLOOR = 0.58
# Two or more parts matching in order say more than their mean: the bonus added to it.
ORDER_BONUS = 0.1
# Capped below exact romanisations and dictionary entries.
PARTS_CAP = 0.9
# How far each end of a separated name may move when fitted to an English name.
MAX_SHIFT = 2
_SEPARATOR = regex.compile(f"[{NAME_SEPARATORS}]")
_HAN = regex.compile(r"^\p{Han}+$")
_ENGLISH_WORD = regex.compile(r"\p{L}+(?:['’-]\p{L}+)*")
# After a name: post-nominal letters (QC, MP) and generation suffixes, which have no Chinese part.
# With a middle name between, the first part has no neighbour to anchor it: it must sound like the first
# word as well as a whole name does (理師約翰 ↔ Administrator scores 0.59 on the learned spellings).
FIRST_OF_THREE_FLOOR = 0.7
_AFTER_NAME = frozenset("qc kc mp mep mbe obe cbe jr sr ii iii iv phd md".split())


@dataclass(frozen=True, slots=True)
class PartsMatch:
    score: float
    spelling: str

    @property
    def evidence(self) -> str:
        return f"parts:{self.spelling}={self.score:.2f}"


def chinese_parts(zh: str) -> list[str]:
    return [part for part in _SEPARATOR.split(zh) if part]


def english_name_words(en: str) -> list[str]:
    """The words of an English name that a Chinese rendering spells: initials (F.) and post-nominal
    letters (QC, MP) left out."""
    words = _ENGLISH_WORD.findall(en)
    while words and words[-1].casefold() in _AFTER_NAME:
        words = words[:-1]
    return [w for w in words if len(w) > 1]


def parts_match(zh: str, en: str) -> PartsMatch | None:
    """Part-by-part sound match of a separated Chinese name (its simplified key) with an English
    name, or ``None``.

    The Chinese parts are compared with the English words from the end: the last part with the last
    word, and so on; the English may have one word more than the Chinese has parts (a middle name) but
    not fewer. Every part must reach PART_FLOOR; with a middle name, the first FIRST_OF_THREE_FLOOR.
    """
    parts = chinese_parts(zh)
    if len(parts) < 2 or not all(_HAN.match(p) for p in parts):
        return None
    words = english_name_words(en)
    if len(words) < len(parts):
        return None
    if len(words) > len(parts) + 1:
        return None  # "Commons Administrator Adam Cuerden": words before the name, not middle names
    middle = len(words) > len(parts)
    if middle:
        # a middle name: the first part goes with the first word, the rest from the end
        words = [words[0], *words[len(words) - len(parts) + 1 :]]
    scores = []
    spellings = []
    for index, (part, word) in enumerate(zip(parts, words, strict=True)):
        match = transliteration(part, word)
        if match is None or match.score < (FIRST_OF_THREE_FLOOR if middle and index == 0 else PART_FLOOR):
            return None
        scores.append(match.score)
        spellings.append(match.spelling)
    score = min(PARTS_CAP, sum(scores) / len(scores) + ORDER_BONUS)
    return PartsMatch(round(score, 4), "+".join(spellings))


def fitted_spans(
    tokens: Sequence[Token], text: str, chinese: Iterable[Candidate], english: Iterable[Candidate], sentence: int
) -> list[Candidate]:
    """Separated names with their ends moved to fit an English name of the bead (密克‧歐 → 密克‧歐福林
    for Mick O'Flynn, 基爾‧斯塔摩今 → 基爾‧斯塔摩 for Kier Starmer), with the fitted last part."""
    # a one-character verb may be a syllable jieba cut off (庫爾|登 for Cuerden, 維薩|切 for Versace):
    # usable when foreign names are often written with it (not 是, 說), where particles and the like are not
    usable = {
        t.start + i: ch
        for t in tokens
        if _HAN.match(t.simplified)
        and not (
            len(t.simplified) == 1
            and t.tag[:1] in GRAMMATICAL_TAGS
            and not (t.tag == "v" and load_sounds().is_name_syllable(t.simplified))
        )
        for i, ch in enumerate(t.simplified)
    }
    names = [e for e in english if len(english_name_words(e.key)) >= 2]
    word_ends = {t.end for t in tokens}
    found = []
    for zh in chinese:
        if zh.source != "separated":
            continue
        separators = [zh.start + m.start() for m in _SEPARATOR.finditer(zh.text)]
        if not separators:
            continue
        first_sep, last_sep = separators[0], separators[-1]
        middle = text[first_sep : last_sep + 1]
        for en in names:
            best: tuple[float, int, int] | None = None
            # the smallest moves first, so that a tie keeps the name closest to the tagger's
            for start in sorted(range(zh.start - MAX_SHIFT, zh.start + MAX_SHIFT + 1), key=lambda p: abs(p - zh.start)):
                if start >= first_sep or not _all_usable(usable, start, first_sep, zh):
                    continue
                for end in sorted(range(zh.end - MAX_SHIFT, zh.end + MAX_SHIFT + 1), key=lambda p: abs(p - zh.end)):
                    if end <= last_sep + 1 or not _all_usable(usable, last_sep + 1, end, zh):
                        continue
                    key = text[start:first_sep] + middle + text[last_sep + 1 : end]
                    match = parts_match(_simplified(key, usable, start), en.key)
                    if match is None:
                        continue
                    # equal sound: the fewer characters at the end when they are whole words of jieba's
                    # (卡爾森 rather than 卡爾森|問 for Carlson: the skeleton is capped, and a word the
                    # English does not spell is no syllable of it); not inside a word (辛格 for Singh)
                    shorter = best is not None and start == best[1] and end < best[2] and end in word_ends
                    if best is None or match.score > best[0] or (match.score == best[0] and shorter):
                        best = (match.score, start, end)
            if best is None or (best[1], best[2]) == (zh.start, zh.end):
                continue
            _, start, end = best
            key = _simplified(text[start:end], usable, start)
            found.append(Candidate(start, end, text[start:end], key, sentence, "separated", "PER"))
            last = chinese_parts(key)[-1]
            if len(last) >= 2:
                part_start = end - len(last)
                found.append(Candidate(part_start, end, text[part_start:end], last, sentence, "separated-part", "PER"))
    return found


def _all_usable(usable: dict[int, str], start: int, end: int, original: Candidate) -> bool:
    """Characters outside the original name must be usable Han characters of the sentence."""
    return all(p in usable for p in range(start, end) if not original.start <= p < original.end)


def _simplified(surface: str, usable: dict[int, str], start: int) -> str:
    """The simplified key of a span: the tokens' simplified characters, separators as written."""
    return "".join(usable.get(start + i, ch) for i, ch in enumerate(surface))


Proposal = tuple[float, Candidate, Candidate, tuple[str, ...]]


# A Chinese span followed by the English name in brackets is not dropped for an overlapping one that is not:
# the bracket says where the name ends (喬納森·戈登·萊維特 (Jonathan Gordon Levitt), not 喬納森·戈登·萊維).
BRACKET_ENDS_NAME = True


def best_fits(proposals: list[Proposal]) -> list[Proposal]:
    """Of overlapping Chinese spans matched part by part with one English span, only the best-sounding
    (基爾‧斯塔摩 rather than 基爾‧斯塔摩今 for Kier Starmer): both are strong, and among strong pairs
    the longer would otherwise link first."""
    fits = [(_parts_score(p[3]), p) for p in proposals]
    kept = []
    for score, proposal in fits:
        _, zh, en, evidence = proposal
        bracketed = BRACKET_ENDS_NAME and "bracketed" in evidence
        if score > 0 and any(
            other[2] == en
            and other[1].overlaps(zh)
            and not (bracketed and "bracketed" not in other[3])
            and (other_score > score or (other_score == score and _fewer_characters(other[1], zh)))
            for other_score, other in fits
        ):
            continue
        kept.append(proposal)
    return kept


def _fewer_characters(short: Candidate, long: Candidate) -> bool:
    """``short`` is ``long`` without some characters at its end (塔克．卡爾森 of 塔克．卡爾森問, a verb
    jieba tags as a noun): at equal sound they spell nothing of the English (the scores are capped).
    Not at the start: a given name's reading may tie with a piece of it (雷格 of 格雷格 for Greg)."""
    return long.contains(short) and short.start == long.start and short.end < long.end


def _parts_score(evidence: tuple[str, ...]) -> float:
    label = next((e for e in evidence if e.startswith("parts:")), "")
    return float(label.rpartition("=")[2]) if label else 0.0


# jieba's tags for name pieces: transliterated names, personal names, places, other proper nouns.
_PIECE_TAGS = frozenset({"nr", "nrt", "nrfg", "ns", "nz"})
MAX_JOINED_CHARS = 6
# a place or a transliteration, which a foreign name's first syllable may be cut from
_FOREIGN_TAGS = frozenset({"ns", "nrt"})


def joined_pieces(tokens: Sequence[Token], text: str, sentence: int) -> list[Candidate]:
    """Runs of two or three adjacent name-tagged tokens, one of them tagged as a transliteration (or two
    personal-name words of two characters each: 赫茲|伯格 for Hertzberg), as one candidate: jieba cuts
    unknown transliterations into pieces it tags as names (聖托|里尼 for Santorini, 布姆|唐 for Bumthang,
    奧|拉維斯 for Oravec). The pairing still needs its own evidence (a
    sound match) for the joined name."""
    found = []
    for first in range(len(tokens)):
        for last in range(first + 1, min(len(tokens), first + 3)):
            piece = tokens[first : last + 1]
            if any(t.tag not in _PIECE_TAGS or not _HAN.match(t.simplified) for t in piece):
                break
            if any(piece[i].end != piece[i + 1].start for i in range(len(piece) - 1)):
                break
            key = "".join(t.simplified for t in piece)
            if len(key) > MAX_JOINED_CHARS:
                break
            tags = {t.tag for t in piece}
            if "nrt" not in tags and not (tags == {"nr"} and all(len(t.simplified) == 2 for t in piece)):
                continue  # 稱森|提內嶺: a word glued to a name, not a transliteration cut in two
            start, end = piece[0].start, piece[-1].end
            # no type hint: the pieces' tags are guesses for pieces (布姆|唐 is nrt + nr, a place)
            # except two pieces both tagged as personal names (赫茲|伯格 Hertzberg: two Han words that are names;
            # not 南韓|朴宗石, a place and a Chinese-style name of three characters)
            hint: EntityType | None = "PER" if tags == {"nr"} else None
            found.append(Candidate(start, end, text[start:end], key, sentence, "joined", hint))
    # a syllable jieba reads as a verb before a name it tags (達/v|伊沙/ns for Daesh), as fitted_spans reads it;
    # not before a personal name (nr: 拉|王琦瑤 is a verb and a Chinese name)
    sounds = load_sounds()
    for verb, name in itertools.pairwise(tokens):
        if (
            len(verb.simplified) == 1
            and verb.tag == "v"
            and verb.end == name.start
            and name.tag in _FOREIGN_TAGS
            and 2 <= len(name.simplified) <= MAX_JOINED_CHARS - 1
            and _HAN.match(verb.simplified + name.simplified)
            and sounds.is_name_syllable(verb.simplified)
        ):
            key = verb.simplified + name.simplified
            found.append(Candidate(verb.start, name.end, text[verb.start : name.end], key, sentence, "joined", None))
    return found


def english_name_windows(
    tokens: Sequence[Token], zh_text: str, chinese: Iterable[Candidate], english: Iterable[Candidate], en_text: str
) -> list[Candidate]:
    """The English name a separated Chinese name renders, when it sits inside a longer capitalised run
    after words no title list knows ("Commons Administrator Adam Cuerden", "Singer Sanju Sharma" at a
    sentence start): every window of as many capitalised words as the name has parts whose words its
    parts sound like (no middle name: a first part then matches any word before, 理師亞當 "Commons"), the
    Chinese name's ends moved as in :func:`fitted_spans` (jieba glues 師 of 管理師 to 亞當 and cuts 庫爾|登).
    Inside a place's name too (Villa Las Estrellas): only proposed, the pair still needs its evidence."""
    separated = [zh for zh in chinese if zh.source == "separated"]
    if not separated:
        return []
    found: list[Candidate] = []
    for en in english:
        words = list(_ENGLISH_WORD.finditer(en_text, en.start, en.end))
        for zh in separated:
            size = len(chinese_parts(zh.key))
            if len(words) <= size:
                continue
            for width in (size,):
                for first in range(len(words) - width + 1):
                    window = words[first : first + width]
                    if (first, width) == (0, len(words)) or not all(w.group()[0].isupper() for w in window):
                        continue
                    start, end = window[0].start(), window[-1].end()
                    surface = en_text[start:end]
                    candidate = Candidate(start, end, surface, surface.replace("’", "'"), en.sentence, "nested", None)
                    if parts_match(zh.key, candidate.key) is not None or fitted_spans(
                        tokens, zh_text, [zh], [candidate], zh.sentence
                    ):
                        found.append(candidate)
    return found
