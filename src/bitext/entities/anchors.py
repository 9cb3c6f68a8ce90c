"""Sentence anchors from entity pairs: what a second sentence-alignment pass could use.

A rare name found on both sides pins a Chinese sentence to an English one (hunalign's rare-word
anchors, with names instead of dictionary words). Frequent names (商湯 ↔ SenseTime, in every other
sentence) pin nothing, so a pair anchors only where each side has few mentions; each anchor's
weight is 1 / (Chinese sentences × English sentences) holding it.
"""

from __future__ import annotations

from dataclasses import dataclass

from bitext.document import Document
from bitext.entities.model import EntityTable

MAX_SENTENCES = 3


@dataclass(frozen=True, slots=True)
class Anchor:
    zh_sentence: int
    en_sentence: int
    zh: str
    en: str
    weight: float


def _sentences_with(doc: Document, forms: set[str]) -> list[int]:
    return [i for i, span in enumerate(doc.sentences) if any(form in span.text for form in forms)]


def sentence_anchors(
    zh: Document, en: Document, table: EntityTable, max_sentences: int = MAX_SENTENCES
) -> list[Anchor]:
    """(Chinese sentence, English sentence) pairs that share a rare entity pair of ``table``.

    The table may come from a first alignment; the anchors search the whole documents, so they can
    point at a better alignment than the one the pairs were found in.
    """
    anchors = []
    for pair in table:
        zh_hits = _sentences_with(zh, {pair.zh, *pair.variants})
        en_hits = _sentences_with(en, {pair.en, *pair.en_variants})
        if not zh_hits or not en_hits or len(zh_hits) > max_sentences or len(en_hits) > max_sentences:
            continue
        weight = 1.0 / (len(zh_hits) * len(en_hits))
        anchors.extend(Anchor(i, j, pair.zh, pair.en, weight) for i in zh_hits for j in en_hits)
    anchors.sort(key=lambda a: (a.zh_sentence, a.en_sentence, a.zh, a.en))
    return anchors
