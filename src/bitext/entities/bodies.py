"""Bodies whose dictionary name jieba cuts across words: 立|法院院長 (the Legislative Yuan's president)
hides 立法院 ↔ Legislative Yuan. For each English candidate of two words or more, every run of two
to six Han characters that ends on a body's one-character ending (部 局 署 院 會 處 廳) and whose
CC-CEDICT gloss names the English exactly is proposed, whatever the word boundaries. Only exact
glosses count, so this finds what the dictionary already knows; the pair is then scored as usual.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence

from bitext.entities.candidates import Candidate, han_characters
from bitext.entities.dictionary import EXACT, direct_match
from bitext.segment.words import Token

_BODY_ENDINGS = frozenset("部局署院会处厅")


def _joined(text: str, left: int, right: int) -> bool:
    """Two Han characters next to each other, or with only a wrapped line's break between them."""
    gap = text[left + 1 : right]
    return not gap or (not gap.strip() and "\n" in gap)


def cut_body_spans(tokens: Sequence[Token], text: str, english: Iterable[Candidate], sentence: int) -> list[Candidate]:
    """Runs of Han characters ending on a body ending whose gloss is an English candidate (see module)."""
    names = [en for en in english if " " in en.key]
    if not names:
        return []
    chars = han_characters(tokens, text)
    starts = {t.start for t in tokens}
    ends = {t.end for t in tokens}
    found = []
    for index, (position, ch) in enumerate(chars):
        if ch not in _BODY_ENDINGS:
            continue
        end = position + 1
        for length in range(3, 7):
            if index - length + 1 < 0:
                break
            run = chars[index - length + 1 : index + 1]
            if any(not _joined(text, a[0], b[0]) for a, b in itertools.pairwise(run)):
                break  # a non-Han token inside: not one word (a wrapped line's break is no gap)
            if run[0][0] in starts and end in ends:
                continue  # on word boundaries: the other span searches see it
            key = "".join(c for _, c in run)
            for en in names:
                match = direct_match(key, en.key)
                if match is not None and match.score >= EXACT:
                    start = run[0][0]
                    found.append(Candidate(start, end, text[start:end], key, sentence, "glossed", "ORG"))
                    break
    return found
