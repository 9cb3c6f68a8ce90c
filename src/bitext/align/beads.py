"""Bead and Alignment: the result of sentence alignment, pointing into both documents."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from types import MappingProxyType
from typing import Any, Literal

from bitext.document import Document, Span
from bitext.errors import MissingExtraError
from bitext.segment.line_breaks import join_line_breaks

BeadStatus = Literal["automatic", "edited", "confirmed"]
BEAD_STATUSES: tuple[BeadStatus, ...] = ("automatic", "edited", "confirmed")


@dataclass(frozen=True, slots=True)
class Bead:
    """A group of consecutive Chinese sentences aligned to consecutive English sentences.

    ``zh_ids`` and ``en_ids`` are sentence indices (either may be empty: an unaligned sentence).
    ``score`` is the confidence in [0, 1]. ``scores`` holds the aligner's own figures behind it: with
    the default aligner ``{"score": …, "posterior": …}`` (the bead's combined score in the search and
    its posterior probability before calibration), with ``method="gale-church"`` ``{"length": …}``.
    ``status`` says who decided the bead: the aligner (``automatic``), or a person who ``edited`` or
    ``confirmed`` it in the review page (a corrections file, see :mod:`bitext.corrections`).
    ``index`` is the bead's number in its :class:`Alignment` (set by the alignment; ``None`` for a
    bead not yet in one). None of ``scores``, ``status`` and ``index`` is part of a bead's equality:
    the same sentences make the same bead, whoever decided it. ``zh`` and ``en`` are older names of
    ``zh_ids`` and ``en_ids``, kept as deprecated aliases.
    """

    zh_ids: tuple[int, ...]
    en_ids: tuple[int, ...]
    score: float = 1.0
    scores: Mapping[str, float] = field(default_factory=dict, compare=False)
    status: BeadStatus = field(default="automatic", compare=False)
    index: int | None = field(default=None, compare=False)

    @property
    def zh(self) -> tuple[int, ...]:
        """Deprecated alias of :attr:`zh_ids`."""
        return self.zh_ids

    @property
    def en(self) -> tuple[int, ...]:
        """Deprecated alias of :attr:`en_ids`."""
        return self.en_ids

    @property
    def type(self) -> str:
        """Bead type as ``"<zh count>-<en count>"``, e.g. ``"1-2"`` or ``"0-1"``."""
        return f"{len(self.zh_ids)}-{len(self.en_ids)}"

    @property
    def is_aligned(self) -> bool:
        return bool(self.zh_ids) and bool(self.en_ids)


def _join(doc: Document, indices: Sequence[int]) -> str:
    """The original text covering the given (consecutive) sentences, whitespace between them kept
    (page furniture between them left out)."""
    if not indices:
        return ""
    return doc.text_without_furniture(doc.sentences[indices[0]].start, doc.sentences[indices[-1]].end)


@dataclass(eq=False)
class Alignment:
    """All beads for one document pair, plus a signature of the settings that produced them."""

    zh: Document
    en: Document
    beads: tuple[Bead, ...]
    settings: Mapping[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.beads = tuple(
            bead if bead.index == number else replace(bead, index=number) for number, bead in enumerate(self.beads)
        )
        self.settings = MappingProxyType(dict(self.settings))
        check_beads(self.beads, len(self.zh), len(self.en))

    def __iter__(self) -> Iterator[Bead]:
        return iter(self.beads)

    def __len__(self) -> int:
        return len(self.beads)

    def zh_text(self, bead: Bead) -> str:
        return self._text(self.zh, bead.zh_ids)

    def en_text(self, bead: Bead) -> str:
        return self._text(self.en, bead.en_ids)

    def _text(self, doc: Document, indices: tuple[int, ...]) -> str:
        """:func:`_join`, remembered per document and sentences: the QA checks and the exports each ask for
        every bead's texts (a memo per document object, so a document replaced on the alignment is read anew)."""
        memo = self.__dict__.get("_texts")
        if memo is None:
            memo = self.__dict__["_texts"] = {}
        key = (id(doc), indices)
        found = memo.get(key)
        if found is None or found[0] is not doc:
            found = memo[key] = (doc, _join(doc, indices))
        return found[1]

    def zh_spans(self, bead: Bead) -> list[Span]:
        return [self.zh.sentences[i] for i in bead.zh_ids]

    def en_spans(self, bead: Bead) -> list[Span]:
        return [self.en.sentences[i] for i in bead.en_ids]

    @property
    def signature(self) -> str:
        """Settings and versions as one line, e.g. ``bitext:0.1.0|aligner:…|scorer:…``."""
        return "|".join(f"{key}:{value}" for key, value in self.settings.items())

    def pairs(self) -> list[tuple[list[int], list[int]]]:
        """Beads as (zh ids, en ids) lists, Vecalign's shape."""
        return [(list(b.zh_ids), list(b.en_ids)) for b in self.beads]

    def selected(self, min_score: float | None = None, drop_unaligned: bool = False) -> list[Bead]:
        """The beads whose confidence is at least ``min_score`` (all for ``None``), without 1-0 and 0-1
        beads if ``drop_unaligned``: the same selection as ``Export`` and ``bitext align --min-score``."""
        return [
            bead
            for bead in self.beads
            if (min_score is None or bead.score >= min_score) and (bead.is_aligned or not drop_unaligned)
        ]

    def text_pairs(
        self, min_score: float | None = None, drop_unaligned: bool = False, *, keep_line_breaks: bool = False
    ) -> Iterator[tuple[str, str, Bead]]:
        """``(zh_text, en_text, bead)`` for each selected bead, in order (an unaligned side is ``""``), each text
        on one line as the exports write it unless ``keep_line_breaks`` (:mod:`bitext.segment.line_breaks`)::

        for zh, en, bead in alignment.text_pairs(min_score=0.8, drop_unaligned=True): ...
        """
        for bead in self.selected(min_score, drop_unaligned):
            yield self.exported_texts(bead, keep_line_breaks)

    def exported_texts(self, bead: Bead, keep_line_breaks: bool = False) -> tuple[str, str, Bead]:
        """``(zh_text, en_text, bead)`` as every export writes the bead: the original texts, on one line
        unless ``keep_line_breaks``."""
        zh, en = self.zh_text(bead), self.en_text(bead)
        if keep_line_breaks:
            return zh, en, bead
        return join_line_breaks(zh), join_line_breaks(en), bead

    def to_records(
        self,
        min_score: float | None = None,
        with_entities: bool = False,
        *,
        drop_unaligned: bool = False,
        doc_id: str | None = None,
        keep_line_breaks: bool = False,
    ) -> list[dict[str, Any]]:
        """One dict per selected bead, the fields of a TSV or JSONL export row: ``doc_id`` (``doc_id``, else
        the Chinese document's name), ``bead`` (its number in the full alignment), ``type``, ``score``,
        ``zh``, ``en`` (texts as the exports write them: on one line unless ``keep_line_breaks``), ``zh_ids``,
        ``en_ids`` (lists). With ``with_entities``, also
        ``entities``: the bead's entity pairs as ``{"zh", "en", "type", "score"}`` dicts (the names are
        paired here, with :func:`bitext.align_entities`: it costs about as much as the alignment)."""
        beads = self.selected(min_score, drop_unaligned)
        entities = _entity_lookup(self) if with_entities else None
        name = self.zh.name if doc_id is None else doc_id
        records = []
        for bead in beads:
            zh, en, _ = self.exported_texts(bead, keep_line_breaks)
            record: dict[str, Any] = {
                "doc_id": name,
                "bead": bead.index,
                "type": bead.type,
                "score": bead.score,
                "zh": zh,
                "en": en,
                "zh_ids": list(bead.zh_ids),
                "en_ids": list(bead.en_ids),
            }
            if entities is not None:
                record["entities"] = entities(bead)
            records.append(record)
        return records

    def to_pandas(
        self,
        min_score: float | None = None,
        with_entities: bool = False,
        *,
        drop_unaligned: bool = False,
        doc_id: str | None = None,
        keep_line_breaks: bool = False,
    ) -> Any:
        """:meth:`to_records` as a ``pandas.DataFrame`` (one row per bead, the same columns). Needs pandas,
        the optional extra ``pip install 'bitext[pandas]'``."""
        try:
            import pandas
        except ImportError:
            raise MissingExtraError("Alignment.to_pandas needs pandas: pip install 'bitext[pandas]'") from None
        records = self.to_records(
            min_score, with_entities, drop_unaligned=drop_unaligned, doc_id=doc_id, keep_line_breaks=keep_line_breaks
        )
        columns = ["doc_id", "bead", "type", "score", "zh", "en", "zh_ids", "en_ids"]
        return pandas.DataFrame(records, columns=[*columns, "entities"] if with_entities else columns)


def _entity_lookup(alignment: Alignment) -> Callable[[Bead], list[dict[str, Any]]]:
    # Imported here: entity pairing comes after sentence alignment, and its tables are heavy to load.
    from bitext.entities import align_entities

    table = align_entities(alignment)

    def lookup(bead: Bead) -> list[dict[str, Any]]:
        return [{"zh": p.zh, "en": p.en, "type": p.type, "score": p.score} for p in table.for_bead(bead)]

    return lookup


def check_beads(beads: Sequence[Bead], zh_count: int, en_count: int) -> None:
    """Beads must be contiguous and monotone and use every sentence of both sides exactly once."""
    next_zh = next_en = 0
    for number, bead in enumerate(beads):
        zh, en = bead.zh_ids, bead.en_ids
        if not zh and not en:
            raise ValueError(f"bead {number} is empty")
        if zh and zh != tuple(range(next_zh, next_zh + len(zh))):
            raise ValueError(f"bead {number} has zh {zh}, expected to start at {next_zh}")
        if en and en != tuple(range(next_en, next_en + len(en))):
            raise ValueError(f"bead {number} has en {en}, expected to start at {next_en}")
        next_zh += len(zh)
        next_en += len(en)
    if next_zh != zh_count or next_en != en_count:
        raise ValueError(f"beads cover {next_zh}/{zh_count} zh and {next_en}/{en_count} en sentences")


def keep_sentence_vectors(alignment: Alignment, vectors: tuple[Any, Any]) -> None:
    """Remember the aligner's dictionary vectors of ``alignment``'s sentences (one row a sentence, each side)
    for the QA checks that compare sentences (:func:`kept_sentence_vectors`); not part of its equality."""
    alignment.__dict__["_sentence_vectors"] = (alignment.zh, alignment.en, vectors)


def kept_sentence_vectors(alignment: Alignment) -> tuple[Any, Any] | None:
    """The vectors :func:`keep_sentence_vectors` kept, if they are still those of the alignment's documents."""
    kept = alignment.__dict__.get("_sentence_vectors")
    if kept is None or kept[0] is not alignment.zh or kept[1] is not alignment.en:
        return None
    zh, en = kept[2]
    return (zh, en) if len(zh) == len(alignment.zh) and len(en) == len(alignment.en) else None
