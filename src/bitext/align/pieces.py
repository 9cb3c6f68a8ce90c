"""Over-long sentences cut into pieces for scoring only, and the beads joined back to whole sentences.

A "sentence" of hundreds of thousands of characters (a PDF dump, a table, a text with no punctuation)
made the aligner's features cost memory in proportion to its length at once: USE ran its token layers
over the whole sentence in one matrix (about 14 KB per token: 3.5 GB for a 300,000-character line).
Cut into pieces of at most :data:`PIECE_CHARS` characters, every feature works on bounded rows again
and time and memory grow linearly with the text (docs/benchmarks.md, "extremes").

The cut is for scoring only. The aligner aligns the pieces; :func:`rejoin` maps each bead back to the
sentences its pieces came from and merges consecutive beads until every bead boundary is a sentence
boundary on both sides, so each sentence stays whole in exactly one bead and the output spans are the
segmenter's own. A sentence no longer than :data:`MAX_SENTENCE_CHARS` is never cut: the longest sentence
in the evaluation sets is 152 characters (Chinese, FLORES devtest) and 437 (English, MAC-Dev), so their
alignments are unchanged.

Pieces end after a clause mark when one lies in the second half of the piece, else after a space there,
else at the fixed width (a run of Han characters with no mark at all).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bitext.align.beads import Bead
from bitext.document import Document
from bitext.scorers.base import EN_CLAUSE_SEPARATORS, ZH_CLAUSE_SEPARATORS
from bitext.segment.base import strip_span

MAX_SENTENCE_CHARS = 1000  # sentences longer than this are cut for scoring
PIECE_CHARS = 250  # the longest piece; about two long sentences of either language
_MARKS = frozenset(ZH_CLAUSE_SEPARATORS + EN_CLAUSE_SEPARATORS + "。．.！!？?…")


@dataclass(frozen=True)
class Pieces:
    """``document`` with over-long sentences cut; ``owners[k]`` is the sentence piece ``k`` belongs to."""

    document: Document
    owners: tuple[int, ...]

    @property
    def cut(self) -> bool:
        return len(self.owners) != len(set(self.owners))


def cut_long_sentences(document: Document, limit: int | None = None, piece_chars: int | None = None) -> Pieces:
    """``document`` itself when no sentence is longer than ``limit`` (default :data:`MAX_SENTENCE_CHARS`);
    else a document over the same text whose sentences are the pieces (at most ``piece_chars``, default
    :data:`PIECE_CHARS`, characters each, whitespace stripped)."""
    limit = MAX_SENTENCE_CHARS if limit is None else limit
    piece_chars = PIECE_CHARS if piece_chars is None else piece_chars
    if all(end - start <= limit for start, end in document.sentence_offsets):
        return Pieces(document, tuple(range(len(document))))
    offsets: list[tuple[int, int]] = []
    owners: list[int] = []
    for number, (start, end) in enumerate(document.sentence_offsets):
        spans = [(start, end)] if end - start <= limit else _piece_spans(document.text, start, end, piece_chars)
        spans = _around_furniture(spans, document.furniture_offsets)
        offsets.extend(spans)
        owners.extend([number] * len(spans))
    cut = Document(
        document.text,
        document.lang,
        tuple(offsets),
        document.paragraph_offsets,
        name=document.name,
        furniture_offsets=document.furniture_offsets,
        encoding=document.encoding,
        layout=document.layout,
    )
    return Pieces(cut, tuple(owners))


def _around_furniture(spans: list[tuple[int, int]], furniture: tuple[tuple[int, int], ...]) -> list[tuple[int, int]]:
    """Neighbouring pieces joined where a furniture span (a page number inside a sentence that runs across a
    page break) would be cut by the boundary between them: furniture lies between pieces or inside one."""
    joined = spans[:1]
    for start, end in spans[1:]:
        last_start, last_end = joined[-1]
        if any(f_start < last_end < f_end or f_start < start < f_end for f_start, f_end in furniture):
            joined[-1] = (last_start, end)
        else:
            joined.append((start, end))
    return joined


def _piece_spans(text: str, start: int, end: int, width: int) -> list[tuple[int, int]]:
    spans = []
    cursor = start
    while cursor < end:
        stop = min(cursor + width, end)
        if stop < end:
            stop = _cut_point(text, cursor + width // 2, stop)
        span = strip_span(text, cursor, stop)
        if span is not None:
            spans.append(span)
        cursor = stop
    return spans


def _cut_point(text: str, low: int, high: int) -> int:
    """The end of a piece within ``(low, high]``: after the last clause mark, else after the last space,
    else ``high``."""
    for position in range(high, low, -1):
        if text[position - 1] in _MARKS:
            return position
    for position in range(high, low, -1):
        if text[position - 1].isspace():
            return position
    return high


def rejoin(beads: Sequence[Bead], zh: Pieces, en: Pieces) -> list[Bead]:
    """Beads over pieces → beads over the original sentences.

    Consecutive beads are merged until each boundary between beads falls between two sentences on both
    sides (never inside a cut sentence); a merged bead's confidence is the lowest of its parts."""
    if not zh.cut and not en.cut:
        return list(beads)
    result: list[Bead] = []
    group: list[Bead] = []
    i = j = 0
    for bead in beads:
        group.append(bead)
        i += len(bead.zh)
        j += len(bead.en)
        if _is_boundary(zh.owners, i) and _is_boundary(en.owners, j):
            result.append(_merged(group, zh.owners, en.owners))
            group = []
    if group:  # cannot happen for beads that cover both documents; kept whole rather than dropped
        result.append(_merged(group, zh.owners, en.owners))
    return result


def _is_boundary(owners: Sequence[int], position: int) -> bool:
    return position == 0 or position >= len(owners) or owners[position - 1] != owners[position]


def _merged(group: list[Bead], zh_owners: Sequence[int], en_owners: Sequence[int]) -> Bead:
    zh = tuple(dict.fromkeys(zh_owners[k] for bead in group for k in bead.zh))
    en = tuple(dict.fromkeys(en_owners[k] for bead in group for k in bead.en))
    if len(group) == 1 and zh == group[0].zh and en == group[0].en:
        return group[0]
    weakest = min(group, key=lambda bead: bead.score)
    return Bead(zh, en, weakest.score, dict(weakest.scores))
