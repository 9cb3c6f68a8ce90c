"""Events named around a designator: storms and operations whose English puts the designator first
(Hurricane Katrina ↔ 卡崔娜颶風, Operation Dragoon ↔ 龍騎兵行動), and events whose English name ends
in lower-case words after a capitalised one (the Iran hostage crisis ↔ 伊朗人質危機, the Mau
movement ↔ 馬烏運動).

* **English**: a capitalised word followed by one or two lower-case words and an event word
  (crisis, war, revolution, movement, landings, massacre, uprising …) is a candidate as a whole
  ("Iran hostage crisis"); the capitalised word alone stays a candidate too.
* **Chinese**: for an English name "<Designator> <Name>" or "<Name> <Designator>" of a storm or
  operation, the Chinese word for the designator (颶風, 颱風, 行動 …) is looked for in the bead, and
  the Han characters just before it that sound most like the name (by the transliteration scorer)
  make the Chinese candidate with it.

Both only propose spans: the pair still needs its evidence (the composed gloss and transliteration:
卡崔娜 ↔ Katrina by sound, 颶風 ↔ Hurricane by the dictionary).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import regex

from bitext.document import Document
from bitext.entities.candidates import Candidate, english_key
from bitext.entities.lexicon import is_common_english_word
from bitext.entities.transliteration import transliteration
from bitext.segment.words import Token

EVENT_WORDS = frozenset(
    "crisis war revolution movement landings landing massacre uprising rebellion revolt riots protests "
    "scandal famine earthquake tsunami".split()
)
# English storm/operation designators and their Chinese words (simplified).
DESIGNATED_EVENTS: dict[str, tuple[str, ...]] = {
    "hurricane": ("飓风",),
    "typhoon": ("台风",),
    "cyclone": ("气旋", "热带气旋"),
    "storm": ("风暴",),
    "operation": ("行动",),
}
# The name before the designator must sound like the English this well (as pairing's floor).
SOUND_FLOOR = 0.7
_HAN = regex.compile(r"^\p{Han}+$")
_WORD = regex.compile(r"[\p{L}\p{N}][\p{L}\p{N}'’-]*")


def event_phrases(doc: Document, sentence: int) -> list[Candidate]:
    """ "Iran hostage crisis", "Mau movement": a capitalised name with lower-case words up to an event word."""
    span = doc.sentences[sentence]
    words = list(_WORD.finditer(doc.text, span.start, span.end))
    found = []
    for index, word in enumerate(words):
        if not word.group()[0].isupper() or (index and words[index - 1].group()[0].isupper()):
            continue  # the start of a capitalised run
        if is_common_english_word(word.group()):
            continue  # "The war", "Another crisis": a capitalised common word names nothing
        last = index
        while (
            last + 1 < len(words)
            and words[last + 1].group()[0].isupper()
            and _spaced(doc.text, words[last], words[last + 1])
        ):
            last += 1
        # (the owner's ending read in place: slicing the text from there on copied the rest of the document)
        if regex.search(r"['’]s?$", words[last].group()) or _OWNER_AFTER.match(doc.text, words[last].end()):
            continue  # "Hong Kong’s social movement": the owner's thing described, not a named event
        for tail in range(last + 1, min(len(words), last + 4)):
            if not words[tail].group().islower() or not _spaced(doc.text, words[tail - 1], words[tail]):
                break
            if words[tail].group() in EVENT_WORDS:
                start, end = word.start(), words[tail].end()
                surface = doc.text[start:end]
                found.append(Candidate(start, end, surface, english_key(surface), sentence, "event", "MISC"))
                break
    return found


_OWNER_AFTER = regex.compile(r"['’]s\b")


def _spaced(text: str, left: regex.Match[str], right: regex.Match[str]) -> bool:
    return not text[left.end() : right.start()].strip()


def _storm(en: Candidate) -> tuple[str, tuple[str, ...]] | None:
    """The name and the designator's Chinese words of "Hurricane Katrina" / "Katrina hurricane"."""
    words = en.key.split()
    if len(words) != 2:
        return None
    first, last = words[0].casefold(), words[1].casefold()
    if first in DESIGNATED_EVENTS and words[1][:1].isupper():
        return words[1], DESIGNATED_EVENTS[first]
    if last in DESIGNATED_EVENTS and words[0][:1].isupper():
        return words[0], DESIGNATED_EVENTS[last]
    return None


def designated_event_spans(
    tokens: Sequence[Token], text: str, english: Iterable[Candidate], sentence: int
) -> list[Candidate]:
    """卡崔娜颶風 for Hurricane Katrina: the designator's Chinese word and the name sounding before it."""
    found = []
    for en in english:
        storm = _storm(en)
        if storm is None:
            continue
        name, chinese_words = storm
        for index, token in enumerate(tokens):
            if token.simplified not in chinese_words:
                continue
            chars: list[tuple[int, str]] = []
            following = token.start
            for previous in reversed(tokens[:index]):
                if not _HAN.match(previous.simplified) or text[previous.end : following].strip():
                    break  # a name runs up to the designator (a wrapped line's break aside)
                # each character at its own offset (a token of a wrapped line may hold the break)
                offsets = [p for p in range(previous.start, previous.end) if not text[p].isspace()]
                chars[:0] = list(zip(offsets, previous.simplified, strict=False))
                following = previous.start
                if len(chars) >= 6:
                    break
            best: tuple[float, int] | None = None
            for length in range(2, min(6, len(chars)) + 1):
                sound = transliteration("".join(ch for _, ch in chars[-length:]), name)
                if sound is not None and (best is None or sound.score > best[0]):
                    best = (sound.score, length)
            if best is None or best[0] < SOUND_FLOOR:
                continue
            start = chars[-best[1]][0]
            key = "".join(ch for _, ch in chars[-best[1] :]) + token.simplified
            found.append(Candidate(start, token.end, text[start : token.end], key, sentence, "event", "MISC"))
    return found
