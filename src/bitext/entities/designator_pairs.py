"""Last-resort pairing of organisations by their designators (issue 13, organisation recall).

An English organisation name ending in a designator (Bureau, University, Office …) that no signal
paired, and a Chinese body ending in the matching designator (局, 大學, 辦公室 …) that no signal
paired either, in the same bead: when each is the only such candidate for the other, they are
proposed as a pair with the evidence ``designator:<en>/<zh>`` and a modest score.
"""

from __future__ import annotations

from collections.abc import Sequence

from bitext.entities.candidates import GRAMMATICAL_TAGS, Candidate, is_han_word
from bitext.segment.words import Token

# Score of a designator-only pair: at the acceptance threshold, below every dictionary signal.
DESIGNATOR_ONLY = 0.6

# English designator → simplified Chinese endings that translate it (longest first where it matters).
_MATCHING: dict[str, tuple[str, ...]] = {
    "university": ("大学",),
    "college": ("学院", "书院"),
    "institute": ("研究所", "研究院", "学院", "所"),
    "academy": ("科学院", "学院", "研究院"),
    "school": ("学校", "学院", "中学", "小学"),
    "faculty": ("学院",),
    "council": ("理事会", "委员会", "议会"),
    "committee": ("委员会",),
    "commission": ("委员会",),
    "bank": ("银行",),
    "party": ("党",),
    "association": ("协会", "学会", "联合会"),
    "society": ("学会", "协会"),
    "organization": ("组织",),
    "organisation": ("组织",),
    "foundation": ("基金会",),
    "fund": ("基金",),
    "court": ("法院",),
    "ministry": ("部",),
    "department": ("部", "局", "处", "厅"),
    "office": ("办公室", "办公厅", "办事处", "厅", "处", "署"),
    "bureau": ("局",),
    "authority": ("管理局", "局"),  # Hospital Authority ↔ 醫院管理局, Airport Authority ↔ 機場管理局
    "agency": ("署", "局"),
    "company": ("公司",),
    "corporation": ("公司", "集团"),
    "group": ("集团",),
    "centre": ("中心",),
    "center": ("中心",),
    "alliance": ("联盟",),
    "league": ("联盟",),
    "laboratory": ("实验室",),
    "museum": ("博物馆",),
    "hospital": ("医院",),
    # news (fresh13): securities houses, exchanges, papers, channels, federations, clubs and teams
    "securities": ("证券",),
    "exchange": ("交易所",),
    "daily": ("日报",),
    "channel": ("频道",),
    "federation": ("联合会", "总会"),
    "union": ("联盟", "联合会"),
    "club": ("俱乐部",),
    "team": ("队",),
    "capital": ("资本",),
}


# Switches (fresh15; a test turns each off): off, the base's behaviour.
# The head of "Central Committee of the …", "General Office of the CPC Central Committee" is the designator
# before the connector, not the name's last word (_head_before_connector).
HEAD_BEFORE_CONNECTOR = True
# A Chinese abbreviation ending in a designator cut short (黨中央, 全國工商聯) matches the English designator
# (_ABBREVIATED).
ABBREVIATED_DESIGNATORS = True

_CONNECTORS = ("of", "for", "on")

# English designator → the short endings Chinese abbreviations of bodies write for it: the first character of
# the designator word (軍委, 發改委 for …委員會; 全國工商聯, 歐足聯 for …聯合會; 足協 for …協會).
_ABBREVIATED: dict[str, tuple[str, ...]] = {
    "committee": ("委",),
    "commission": ("委",),
    "federation": ("联",),
    "union": ("联",),
    "association": ("协",),
}
# 中央 "central" stands for the whole "Central Committee" (黨中央 ↔ Party Central Committee, 臺盟中央 ↔ Central
# Committee of the Taiwan Democratic Self-Government League): only where the English writes "Central" before it.
_CENTRAL = "中央"


def _en_designator(en: Candidate) -> str:
    """The English name's head designator: its last word (Globex Corporation), or its first before a
    connector (Bureau of Maritime Resources); "" if none."""
    words = en.key.lower().split()
    if len(words) < 2:
        return ""  # a lone designator is no name
    if any(w.endswith(("'s", "'")) for w in words[:-1]):
        return ""  # "Academy of Sciences' National Astronomical Center": two names, an owner and its body
    if len(words) >= 3 and words[0] in _MATCHING and words[1] in _CONNECTORS:
        return words[0]  # first: Foundation for Scholarly Exchange is a foundation, not an exchange
    head = _head_before_connector(en.key.split()) if HEAD_BEFORE_CONNECTOR else None
    if head is not None:
        return words[head]
    if words[-1] in _MATCHING:
        return words[-1]
    return ""


def _head_before_connector(words: Sequence[str]) -> int | None:
    """Where a designator stands right before the name's first connector, after capitalised words only
    (Central Committee of the Taiwan … League, General Office of the CPC Central Committee: a committee and
    an office, not a league and a committee); None if no word does."""
    for i in range(1, len(words) - 2):
        if not (words[i - 1][:1].isupper() or words[i - 1][:1].isdigit()):
            return None  # a lower-case word before it: a run of two names (… Party and the … Federation of …)
        if words[i].lower() in _MATCHING and words[i + 1] in _CONNECTORS:
            return i
    return None


def _head_offset(en: Candidate) -> int:
    """Where the head designator word starts in the text (-1 without one): two English candidates with the
    same head (All-China Federation of Industry and … of Industry and Commerce) name one body."""
    designator = _en_designator(en)
    if not designator:
        return -1
    words = en.text.split()
    index = next((i for i, w in enumerate(words) if w.lower() == designator), -1)
    return -1 if index < 0 else en.start + len(" ".join(words[:index])) + (1 if index else 0)


# Words before a designator that a body's name may hold: at most this many, at most this many characters.
_MAX_BODY_TOKENS = 4
_MAX_BODY_CHARS = 10


def chinese_bodies(tokens: Sequence[Token], text: str, english: Sequence[Candidate], sentence: int) -> list[Candidate]:
    """For each English organisation with a head designator, the Chinese words ending in a matching
    designator (環球|運通|公司 for Globex Corporation): the nouns before the ending, back to a particle,
    preposition, verb or punctuation. Paired only by :func:`designator_pairs` or another signal."""
    designated = [en for en in english if _en_designator(en)]
    endings = {e for en in designated for e in _MATCHING[_en_designator(en)]}
    if not endings:
        return []
    # a long English name allows a long Chinese one (聯合國|難民|事務|高級|專員|辦事處 for the Office of the
    # United Nations High Commissioner for Refugees): one token a content word, three characters each
    longest = max(len([w for w in en.key.split() if w[:1].isupper()]) for en in designated)
    max_tokens, max_chars = max(_MAX_BODY_TOKENS, longest), max(_MAX_BODY_CHARS, 3 * longest)
    found: list[Candidate] = []
    for last, token in enumerate(tokens):
        ending = next((e for e in endings if token.simplified.endswith(e)), "")
        if not ending or not is_han_word(token.simplified):
            continue
        first = last
        while (
            first > 0
            and last - first + 1 < max_tokens
            and is_han_word(tokens[first - 1].simplified)
            and not text[tokens[first - 1].end : tokens[first].start].strip()  # nothing or a wrapped line's break
            and (tokens[first - 1].tag == "vn" or tokens[first - 1].tag[:1] not in GRAMMATICAL_TAGS)
        ):
            first -= 1
        before = len(found)
        for opening in range(first, last + 1):  # each start: the links decide which (designator_pairs)
            key = "".join(t.simplified for t in tokens[opening : last + 1])
            if len(key) < len(ending) + 2 or len(key) > max_chars:
                continue
            start, end = tokens[opening].start, token.end
            found.append(Candidate(start, end, text[start:end], key, sentence, "designated-body", "ORG"))
        if len(found) == before and last > 0 and _glued_to_a_name(tokens[last - 1], token):
            # 元|璟|資本 (a Han character jieba tags as no noun, then the ending): a body whose name this search
            # cannot cut, still a body: it keeps a lone 線性資本 from passing for the bead's only Capital
            found.append(
                Candidate(
                    token.start, token.end, text[token.start : token.end], token.simplified, sentence, UNNAMED, "ORG"
                )
            )
    return found


# Source of a designator word glued to a name no body search cut: it counts, it never pairs.
UNNAMED = "designated-unnamed"


def _glued_to_a_name(previous: Token, token: Token) -> bool:
    """The token before a designator is a Han content word written against it (no space, no punctuation;
    not 本 "this" of 本學院)."""
    return previous.end == token.start and is_han_word(previous.simplified) and previous.tag[:1] not in GRAMMATICAL_TAGS


def _matches(zh: Candidate, designator: str, en_key: str = "") -> bool:
    if zh.source == UNNAMED:
        return zh.key in _MATCHING[designator]
    if any(zh.key.endswith(e) and len(zh.key) >= len(e) + 2 for e in _MATCHING[designator]):
        return True
    return ABBREVIATED_DESIGNATORS and _abbreviated_match(zh.key, designator, en_key)


def _abbreviated_match(zh_key: str, designator: str, en_key: str) -> bool:
    """``zh_key`` ends in the designator cut short, with a name before it (黨|中央 for Party Central Committee,
    全國工商|聯 for All-China Federation of Industry and Commerce)."""
    if not is_han_word(zh_key):
        return False
    endings = _ABBREVIATED.get(designator, ())
    if zh_key.endswith(endings) and len(zh_key) >= 3:
        return not zh_key.endswith(_MATCHING[designator])  # the full designator is the rule above's
    central = designator in ("committee", "commission") and f"central {designator}" in en_key.lower()
    return central and zh_key.endswith(_CENTRAL) and len(zh_key) >= 3


def _outside_or_around(candidate: Candidate, linked: Candidate) -> bool:
    if not candidate.overlaps(linked):
        return True
    return candidate.contains(linked) and (candidate.start, candidate.end) != (linked.start, linked.end)


def _is_abbreviation(short: str, long: str) -> bool:
    """``short``'s characters appear in order in ``long`` (醫管局 of 醫院管理局)."""
    rest = iter(long)
    return len(short) < len(long) and all(ch in rest for ch in short)


def _without_abbreviations(bodies: dict[int, Candidate]) -> dict[int, Candidate]:
    """The bead's bodies for one English name, less those that abbreviate the longest (醫院管理局 …
    醫管局 for Hospital Authority: one body named twice, not two candidates)."""
    if len(bodies) < 2:
        return bodies
    longest = max(bodies.values(), key=lambda c: len(c.key))
    if all(c is longest or (c.source != UNNAMED and _is_abbreviation(c.key, longest.key)) for c in bodies.values()):
        return {longest.end: longest}
    return bodies


def designator_pairs(
    zh_candidates: Sequence[Candidate],
    en_candidates: Sequence[Candidate],
    linked: Sequence[tuple[Candidate, Candidate]],
) -> list[tuple[Candidate, Candidate, str]]:
    """Pairs (zh, en, evidence) of unlinked candidates matched one-to-one by their designators.

    A candidate is free when it overlaps no linked name or holds one whole on both sides (班奈特學校
    around 班奈特 ↔ Bennet, Bennet School around Bennet). Chinese candidates ending at the same place
    are one body: the longest one consistent with the links answers for it (班奈特學校, not
    北卡羅萊納州班奈特學校 when 北卡羅萊納州 ↔ North Carolina is outside the English name)."""
    free_zh = [z for z in zh_candidates if all(_outside_or_around(z, a) for a, _ in linked)]
    free_en = [e for e in en_candidates if all(_outside_or_around(e, b) for _, b in linked)]
    if HEAD_BEFORE_CONNECTOR:
        free_en = _longest_per_head(free_en)
    options: dict[int, dict[int, Candidate]] = {}  # English candidate → body end → Chinese candidate
    for j, en in enumerate(free_en):
        designator = _en_designator(en)
        if not designator:
            continue
        bodies: dict[int, Candidate] = {}
        for zh in free_zh:
            if not _matches(zh, designator, en.key) or any(zh.overlaps(a) != en.overlaps(b) for a, b in linked):
                continue  # a linked name inside one side only: the two bodies are not each other's
            if zh.end not in bodies or len(zh.key) > len(bodies[zh.end].key):
                bodies[zh.end] = zh
        options[j] = _without_abbreviations(bodies)
    found = []
    for j, bodies in options.items():
        if len(bodies) != 1:
            continue
        ((end, zh),) = bodies.items()
        if zh.source == UNNAMED or [k for k, others in options.items() if end in others] != [j]:
            continue
        en = free_en[j]
        designator = _en_designator(en)
        ending = next((e for e in _MATCHING[designator] if zh.key.endswith(e)), "")
        ending = ending or next(e for e in (*_ABBREVIATED.get(designator, ()), _CENTRAL) if zh.key.endswith(e))
        found.append((zh, en, f"designator:{_en_designator(en)}/{ending}"))
    return found


def _longest_per_head(english: Sequence[Candidate]) -> list[Candidate]:
    """The English candidates less those a longer one with the same start and head designator word goes on
    from (the longer is the name: All-China Federation of Industry and Commerce, not All-China Federation of
    Industry; one starting earlier may be two names run together)."""
    heads = [_head_offset(en) for en in english]
    return [
        en
        for en, head in zip(english, heads, strict=True)
        if head < 0
        or not any(
            other is not en and h == head and other.start == en.start and other.end > en.end
            for other, h in zip(english, heads, strict=True)
        )
    ]
