"""Names both sides define by the same acronym in brackets (美國地理調查協會 (USGS) ↔ United States
Geological Survey (USGS); 日本經濟產業省 (METI) ↔ Japan's Ministry of Economy, Trade and Industry (METI)).

The Chinese may translate a body's name freely (地理 "geography" for Geological, 協會 "association" for
Survey), so no dictionary pairs the two long names; but the text itself says that both stand for the
same acronym. The English long form is found from the acronym's letters (Schwartz and Hearst's idea: the
capitalised words before the bracket whose initials spell it, connectors and a comma list allowed
inside: "Ministry of Economy, Trade and Industry"), the Chinese one by ``spans.bracketed_spans`` (the
run of nouns before the bracket). The pair counts only for a body: one side ends in an organisation's
designator (多發性硬化症 (MS) ↔ Multiple Sclerosis (MS) is a disease, no entity under the gold's guideline).
"""

from __future__ import annotations

from collections.abc import Sequence

import regex

from bitext.document import Document
from bitext.entities.candidates import Candidate, english_key
from bitext.entities.lexicon import CONNECTORS, EN_ORG_DESIGNATORS, designator_endings
from bitext.script import to_simplified
from bitext.segment.words import Token

# A defined acronym pair is as sure as a bracketed original (pairing.BRACKETED).
SAME_ACRONYM = 0.9
# "(USGS)", "(METI)", "(U.N.)" right after a name.
_ACRONYM_AFTER = regex.compile(r"[ \t]*[（(][ \t]*((?:\p{Lu}\.){2,6}|\p{Lu}[\p{Lu}&]{1,7})[ \t]*[)）]")
_WORD = regex.compile(r"[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*(?:['’]s?)?")
# Words an acronym's long form may hold that give it no letter.
_SKIPPED = frozenset(CONNECTORS) | {"of", "and", "for", "on", "the", "in", "to", "de", "du", "des", "la", "&"}
MAX_WORDS = 12
_ORG_ENDINGS = tuple(to_simplified(ending) for ending, kind in designator_endings() if kind == "ORG")


def acronym_after(text: str, end: int) -> str:
    """The acronym in brackets right after offset ``end`` (dots removed), or ""."""
    match = _ACRONYM_AFTER.match(text, end)
    return match.group(1).replace(".", "") if match else ""


def defined_by(text: str, start: int, end: int) -> str:
    """The acronym in brackets right after ``text[start:end]`` when the span's words spell it, else ""
    ("United States Geological Survey (USGS)", not "Glen Cushing of the United States …")."""
    letters = acronym_after(text, end)
    if not letters:
        return ""
    words = list(_WORD.finditer(text, start, end))
    return letters if words and _long_form_start(text, words, letters.replace("&", ""), end) == start else ""


def english_long_forms(doc: Document, sentences: Sequence[int]) -> list[Candidate]:
    """Every "Long Form (ACRONYM)" of the sentences whose capitalised words' initials spell the
    acronym, as a candidate (the shortest such run ending at the bracket: "Japan's Ministry of Economy,
    Trade and Industry (METI)" gives "Ministry of Economy, Trade and Industry")."""
    text = doc.text
    found = []
    for sentence in sentences:
        span = doc.sentences[sentence]
        for match in _ACRONYM_AFTER.finditer(text, span.start, span.end):
            letters = match.group(1).replace(".", "").replace("&", "")
            words = list(_WORD.finditer(text, span.start, match.start()))[-MAX_WORDS:]
            start = _long_form_start(text, words, letters, match.start())
            if start is None:
                continue
            end = words[-1].end()
            for suffix in ("'s", "’s", "'", "’"):
                if text.endswith(suffix, start, end):
                    end -= len(suffix)  # "University of Macau’s (UM)": the name without the possessive
                    break
            surface = text[start:end]
            found.append(Candidate(start, end, surface, english_key(surface), sentence, "acronym-defined", "ORG"))
    return found


def _long_form_start(text: str, words: Sequence[regex.Match[str]], letters: str, bracket: int) -> int | None:
    """Start of the shortest run of words ending right before the bracket whose capitalised words
    spell ``letters`` (each word one letter, skipped words none), or None."""
    if not words or text[words[-1].end() : bracket].strip():
        return None
    spelled = ""
    after = bracket
    for word in reversed(words):
        if regex.search(r"[^\s,]", text[word.end() : after]):
            return None  # only spaces and a list's commas inside a name
        after = word.start()
        token = word.group()
        if token.casefold() in _SKIPPED:
            continue
        if not token[0].isupper():
            return None
        spelled = token[0] + spelled
        if spelled == letters:
            return word.start()
        if not letters.endswith(spelled):
            return None
    return None


def is_body_pair(zh_key: str, en_key: str) -> bool:
    """One side ends in an organisation's designator (協會, 省; Survey is none, Ministry is)."""
    if zh_key.endswith(_ORG_ENDINGS):
        return True
    words = en_key.casefold().split()
    return any(word.strip(",") in EN_ORG_DESIGNATORS for word in words)


_HAN = regex.compile(r"^\p{Han}+$")
MAX_CHINESE_CHARS = 14


def chinese_long_forms(tokens: Sequence[Token], text: str, sentence: int) -> list[Candidate]:
    """The Chinese name right before an acronym in brackets: the run of nouns (place words, 空中, verbal
    nouns, 調查, distinguishing words, 國立, and a body's ending, 組織, included) before the bracket,
    stopping before a word that is a body of its own (執政黨 "ruling party" before 西南非洲人民組織 (SWAPO))."""
    found = []
    for index, token in enumerate(tokens):
        if token.simplified not in "(（" or index == 0 or not acronym_after(text, tokens[index - 1].end):
            continue
        run: list[Token] = []
        chars = 0
        for previous in reversed(tokens[:index]):
            word = previous.simplified
            if not _HAN.match(word) or (run and text[previous.end : run[0].start].strip()):
                break
            body = word.endswith(_ORG_ENDINGS)
            if run and body:
                break  # a body's name before this one
            if not (previous.tag[:1] in "njsb" or previous.tag == "vn" or (body and not run)):
                break
            if chars + len(word) > MAX_CHINESE_CHARS:
                break
            run.insert(0, previous)
            chars += len(word)
        if chars >= 2:
            start, end = run[0].start, run[-1].end
            key = "".join(t.simplified for t in run)
            found.append(Candidate(start, end, text[start:end], key, sentence, "acronym-defined", "ORG"))
    return found
