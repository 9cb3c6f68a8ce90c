"""Named-entity alignment: pairs of Chinese and English names, with the evidence for each.

>>> import bitext
>>> table = bitext.align_entities(bitext.align(chinese_text, english_text))
>>> for pair in table:
...     print(pair.zh, pair.en, pair.type, pair.count, pair.evidence)
"""

from __future__ import annotations

from collections.abc import Sequence

from bitext.align.beads import Alignment
from bitext.entities.model import EntityPair, EntityTable, EntityType, Mention

__all__ = ["EntityPair", "EntityTable", "EntityType", "Mention", "align_entities", "align_entities_corpus"]


def align_entities(alignment: Alignment) -> EntityTable:
    """Find the names the two sides of ``alignment`` share (商湯 ↔ SenseTime, 徐立 ↔ Xu Li …).

    Candidates are paired only inside beads, so every mention's offsets lie inside its bead's
    sentences on both sides. Unaligned beads (1-0, 0-1) contribute nothing.
    """
    return align_entities_corpus([alignment])[0]


def align_entities_corpus(alignments: Sequence[Alignment]) -> list[EntityTable]:
    """One table per alignment, with co-occurrence statistics pooled over all of them.

    Pooling helps with many short documents (a name seen once per document but in several
    documents); each table is the same whatever order the other documents come in.
    """
    # Imported on first use: the pairing's tables (places, kinds, transliteration) cost about 60 ms to
    # import, which a run that pairs no names (``--no-entities``, ``bitext align --format align``) skips.
    from bitext.entities.pairing import align_corpus
    from bitext.entities.unwrapping import moved_back, read_unwrapped
    from bitext.resources.cache import collection_paused

    # a hard-wrapped document is read as its paragraphs read unwrapped, so no name depends on where its
    # lines were broken (issue 13; see bitext.entities.unwrapping)
    read, readings = read_unwrapped(alignments)
    with collection_paused():  # many lasting objects, almost no reference cycles (see collection_paused)
        tables = align_corpus(read)
    return [moved_back(table, reading) for table, reading in zip(tables, readings, strict=True)]
