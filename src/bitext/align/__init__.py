"""Sentence alignment: Document pair → Alignment (beads with scores)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from bitext.align.beads import Alignment, Bead, check_beads
from bitext.align.gale_church import gale_church
from bitext.document import Document
from bitext.errors import AlignmentError
from bitext.segment import segment
from bitext.versions import versions

__all__ = ["ALIGNERS", "Alignment", "Bead", "align", "check_beads"]

SentenceAligner = Callable[[Sequence[str], Sequence[str]], list[Bead]]

# Each aligner maps two lists of sentences to beads. The default is the most accurate one.
ALIGNERS: dict[str, SentenceAligner] = {"gale-church": gale_church}
DEFAULT_ALIGNER = "gale-church"


def align(
    zh: Document | str,
    en: Document | str,
    *,
    method: str = DEFAULT_ALIGNER,
    presegmented: bool = False,
) -> Alignment:
    """Align a Chinese document with its English translation.

    ``zh`` and ``en`` are texts (segmented here; one sentence per line with ``presegmented``) or
    already segmented :class:`Document` objects. Every sentence of both sides ends up in exactly
    one bead; sentences with no counterpart get 1-0 or 0-1 beads, never dropped.
    """
    zh_doc = zh if isinstance(zh, Document) else segment(zh, "zh", presegmented=presegmented)
    en_doc = en if isinstance(en, Document) else segment(en, "en", presegmented=presegmented)
    if method not in ALIGNERS:
        raise AlignmentError(f"unknown aligner {method!r}; choose one of: {', '.join(ALIGNERS)}")
    beads = _align_documents(zh_doc, en_doc, ALIGNERS[method])
    settings = {"bitext": versions()["bitext"], "aligner": method, "presegmented": presegmented}
    settings.update({k: v for k, v in versions().items() if k != "bitext"})
    return Alignment(zh_doc, en_doc, tuple(beads), settings)


def _align_documents(zh: Document, en: Document, aligner: SentenceAligner) -> list[Bead]:
    # One empty side is not an error: every sentence of the other side is unaligned, and says so.
    if not len(zh) or not len(en):
        return [Bead((i,), (), 0.0) for i in range(len(zh))] + [Bead((), (j,), 0.0) for j in range(len(en))]
    return aligner(zh.sentence_texts(), en.sentence_texts())
