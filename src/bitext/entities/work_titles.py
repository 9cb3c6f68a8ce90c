"""Titles of works: a Chinese title in 《》 or 〈〉 and an English title in quotation marks.

Chinese marks the title of a book, film, song or album with 《》 (〈〉 for a song or a chapter); English
news quotes it ("Drifting Petals", ‘Taiwan Travelogue’). A title is usually translated by its meaning
(花果飄零 ↔ Drifting Petals, 長日將盡 ↔ The Remains of the Day), so no gloss or reading pairs it, and a
part of it that some signal does pair cuts it short (臺灣漫遊 of 臺灣漫遊錄 ↔ Taiwan Travelogue). The
marks themselves say where each title starts and ends. After competitive linking, the titles of a bead
that no link touches are paired in their order when both sides have the same number of them; a link
whose Chinese lies inside a title and whose English is the quoted title is widened to the whole title.

Only quoted English spans written like a title count (the first word and every word but short
connectors capitalised, at most twelve words): quoted speech ("I did it for my father") is no title.
"""

from __future__ import annotations

from collections.abc import Sequence

import regex

from bitext.entities.candidates import Candidate, english_key

_ZH_TITLE = regex.compile(r"《([^《》\n]{1,30})》|〈([^〈〉\n]{1,30})〉")
_EN_QUOTED = regex.compile(
    r"[“\"]([^“”\"\n]{1,100})[”\"]"  # “Drifting Petals,” "Drifting"
    r"|(?<![\p{L}\p{N}])‘([^‘’\n]{1,100})’(?![\p{L}\p{N}])"  # ‘Taiwan Travelogue’ (not an apostrophe)
)
_SMALL = frozenset(
    "a an the of in on at to for and or nor but with from by as vs via into over under is are be my our your".split()
)
_TRAILING = ",.;:!?"
_MAX_WORDS = 12


def chinese_titles(text: str, start: int, end: int, sentence: int) -> list[Candidate]:
    """The titles in 《》 / 〈〉 between ``start`` and ``end`` of the Chinese text (without the marks)."""
    from bitext.script import to_simplified

    found = []
    for match in _ZH_TITLE.finditer(text, start, end):
        group = 1 if match.group(1) is not None else 2
        inner = match.group(group)
        stripped = inner.strip()
        if not stripped or not regex.search(r"[\p{Han}\p{L}\p{N}]", stripped):
            continue
        s = match.start(group) + (len(inner) - len(inner.lstrip()))
        e = s + len(stripped)
        found.append(Candidate(s, e, text[s:e], to_simplified(stripped), sentence, "work-title", "MISC"))
    return found


def _title_like(words: Sequence[str]) -> bool:
    if not words or len(words) > _MAX_WORDS or (not words[0][:1].isupper() and not words[0][:1].isdigit()):
        return False
    content = [w for w in words if w.lower() not in _SMALL]
    if not content:
        return False
    return all(w[:1].isupper() or w[:1].isdigit() for w in content)


def english_titles(text: str, start: int, end: int, sentence: int) -> list[Candidate]:
    """Quoted spans written like a title between ``start`` and ``end`` of the English text (without
    the quotation marks and a comma or full stop before the closing one)."""
    found = []
    for match in _EN_QUOTED.finditer(text, start, end):
        group = 1 if match.group(1) is not None else 2
        inner = match.group(group)
        stripped = inner.strip().rstrip(_TRAILING).rstrip()
        if not _title_like(stripped.split()):
            continue
        s = match.start(group) + (len(inner) - len(inner.lstrip()))
        e = s + len(stripped)
        found.append(Candidate(s, e, text[s:e], english_key(stripped), sentence, "work-title", "MISC"))
    return found


# Law words that end a law's or a bill's title written without quotation marks (Hong Kong: the
# Employment (Amendment) Bill 2023, the Personal Data (Privacy) Ordinance).
_LAW_ENDINGS = frozenset(
    "act acts bill ordinance regulation regulations rules law code convention treaty constitution".split()
)
_LAW_WORD_WRITTEN = regex.compile(r"\b(?:" + "|".join(w.capitalize() for w in sorted(_LAW_ENDINGS)) + r")\b")
_TITLE_INNER = frozenset("of and for on in to the".split())
_EN_WORD = regex.compile(r"\(?[\p{L}\p{N}][\p{L}\p{N}.'’-]*\)?")
# Chinese law endings (simplified) that make a title in 《》 a law or a bill.
_ZH_LAW_ENDINGS = ("条例草案", "条例", "法案", "法", "规例", "规则", "公约", "条约", "宪法", "协定", "协议")


def english_law_titles(text: str, start: int, end: int, sentence: int) -> list[Candidate]:
    """Titles of laws and bills written without quotation marks between ``start`` and ``end``: a
    capitalised law word (Ordinance, Bill, Act …), with a year after it, and the capitalised words,
    bracketed words ("(Privacy)", "(Amendment)") and title connectors before it. Paired only with a
    Chinese title in 《》 that ends in a law word (:func:`title_pairs`)."""
    if not _LAW_WORD_WRITTEN.search(text, start, end):
        return []  # (most sentences)
    words = [(m.start(), m.end(), m.group()) for m in _EN_WORD.finditer(text, start, end)]
    found = []
    for i, (_, law_end, word) in enumerate(words):
        if word.lower() not in _LAW_ENDINGS or not word[:1].isupper():
            continue
        first = i
        while first > 0 and _inside_title(words[first - 1][2]) and _adjacent(text, words[first - 1], words[first]):
            first -= 1
        while first < i and (words[first][2].lower() in _TITLE_INNER or _opener(text, start, words[first])):
            first += 1  # "Under the …", "The …": not the title's
        if first == i:
            continue  # the law word alone ("the Ordinance")
        last_end = law_end
        if (
            i + 1 < len(words)
            and regex.fullmatch(r"(?:19|20)\d\d", words[i + 1][2])
            and _adjacent(text, words[i], words[i + 1])
        ):
            last_end = words[i + 1][1]  # "Bill 2019"
        s = words[first][0]
        found.append(
            Candidate(s, last_end, text[s:last_end], english_key(text[s:last_end]), sentence, "law-title", "MISC")
        )
    return found


def _inside_title(word: str) -> bool:
    bare = word.strip("()")
    if word.startswith("(") and word.endswith(")"):
        return bool(bare) and (bare[0].isupper() or bare[0].isdigit())  # (Privacy), (Amendment), (No. 2)
    if "(" in word or ")" in word:
        return False
    return bare[:1].isupper() or bare.lower() in _TITLE_INNER


def _adjacent(text: str, left: tuple[int, int, str], right: tuple[int, int, str]) -> bool:
    return text[left[1] : right[0]] in (" ", "\n")


def _opener(text: str, start: int, word: tuple[int, int, str]) -> bool:
    """A capitalised common word at the sentence's start ("Under", "Since")."""
    from bitext.entities.lexicon import is_common_english_word

    return not text[start : word[0]].strip() and is_common_english_word(word[2])


def _is_law(zh: Candidate) -> bool:
    return zh.key.endswith(_ZH_LAW_ENDINGS)


def title_pairs(
    zh_titles: Sequence[Candidate],
    en_titles: Sequence[Candidate],
    linked: Sequence[tuple[Candidate, Candidate]],
) -> tuple[list[tuple[Candidate, Candidate]], set[int]]:
    """Pairs of titles of one bead, and the indices of the links (into ``linked``) they replace.

    A link whose Chinese lies strictly inside a title and whose English is a quoted title (same
    span) is widened to the title (the link is replaced). Titles no link touches are paired in order
    when both sides have the same number of them."""
    pairs: list[tuple[Candidate, Candidate]] = []
    replaced: set[int] = set()
    used_zh: set[int] = set()
    used_en: set[int] = set()
    for k, (zh, en) in enumerate(linked):
        zi = next((i for i, t in enumerate(zh_titles) if t.contains(zh) and len(zh.key) < len(t.key)), None)
        ei = next(
            (
                i
                for i, t in enumerate(en_titles)
                if (t.start, t.end) == (en.start, en.end) or (t.source == "law-title" and t.contains(en))
            ),
            None,
        )
        if zi is not None and ei is not None and zi not in used_zh and ei not in used_en:
            pairs.append((zh_titles[zi], en_titles[ei]))
            replaced.add(k)
            used_zh.add(zi)
            used_en.add(ei)
    free_zh = [t for i, t in enumerate(zh_titles) if i not in used_zh and not any(t.overlaps(zh) for zh, _ in linked)]
    free_en = [t for i, t in enumerate(en_titles) if i not in used_en and not any(t.overlaps(en) for _, en in linked)]
    # laws in 《》 answer titles written without marks (source "law-title"); other works, quoted titles
    for zh_group, en_group in (
        ([t for t in free_zh if _is_law(t)], [t for t in free_en if t.source == "law-title"]),
        ([t for t in free_zh if not _is_law(t)], [t for t in free_en if t.source != "law-title"]),
    ):
        if zh_group and len(zh_group) == len(en_group):
            ordered = zip(sorted(zh_group, key=lambda c: c.start), sorted(en_group, key=lambda c: c.start), strict=True)
            pairs.extend(ordered)
    return pairs, replaced


def unquoted_titles(names: Sequence[Candidate], linked: Sequence[Candidate]) -> list[Candidate]:
    """English names of a bead that may be unquoted titles: capitalised runs (not nested in a longer
    one, not joined by "and") that no link touches, as title candidates. Used only when the bead quotes
    no title."""
    free = [n for n in names if n.source in ("capitalised", "nested") and not any(n.overlaps(e) for e in linked)]
    # "Police and Summer Days" is a list of two titles here (its sides are candidates of their own)
    free = [n for n in free if " and " not in n.key]
    outer = [n for n in free if not any(o is not n and o.contains(n) for o in free)]
    return [Candidate(n.start, n.end, n.text, n.key, n.sentence, "work-title", "MISC") for n in outer]
