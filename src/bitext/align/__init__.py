"""Sentence alignment: Document pair → Alignment (beads with scores).

``method="bitext"`` (the default) is the aligner of aligner.py: scorers combined with fitted weights,
a coarse-to-fine first pass and a banded second pass over 14 bead types, with calibrated confidence.
``method="gale-church"`` is the length-only baseline it is measured against.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import lru_cache

from bitext.align.aligner import BEAD_TYPES, Model, SentenceAligner, settings_of, unaligned
from bitext.align.beads import Alignment, Bead, check_beads
from bitext.align.gale_church import gale_church
from bitext.align.weights import MODELS
from bitext.document import Document
from bitext.errors import AlignmentError
from bitext.scorers.anchors import AnchorScorer
from bitext.scorers.base import Scorer
from bitext.scorers.embedding import Embedder, EmbeddingScorer
from bitext.scorers.length import LengthScorer
from bitext.scorers.lexical import LexicalScorer
from bitext.scorers.paragraphs import ParagraphScorer
from bitext.scorers.punctuation import PunctuationScorer
from bitext.segment import segment
from bitext.text_arguments import checked_text_or_document
from bitext.versions import versions

__all__ = [
    "ALIGNERS",
    "BEAD_TYPES",
    "DEFAULT_ALIGNER",
    "DEFAULT_SCORER",
    "SCORERS",
    "SCORER_PRESETS",
    "Alignment",
    "Bead",
    "Embedder",
    "align",
    "check_beads",
]

SentenceListAligner = Callable[[Sequence[str], Sequence[str]], list[Bead]]

# "bitext" is the default because it is the most accurate (docs/benchmarks.md has the figures).
ALIGNERS: dict[str, str] = {"bitext": "scorers combined, two-pass banded search", "gale-church": "length only"}
DEFAULT_ALIGNER = "bitext"

SCORERS = ("embedding", "length", "lexical", "anchors", "paragraphs", "punctuation")
# Named scorer sets. "all" is the most accurate; "lexical" needs no neural model (dictionary, numbers,
# length) and is several times faster. A single scorer's name uses that scorer alone.
SCORER_PRESETS: dict[str, tuple[str, ...]] = {
    "all": ("embedding", "length", "lexical", "anchors", "paragraphs", "punctuation"),
    "lexical": ("length", "lexical", "anchors", "paragraphs", "punctuation"),
}
DEFAULT_SCORER = "all"
DEFAULT_MODEL = "+".join(SCORER_PRESETS[DEFAULT_SCORER])


def align(
    zh: Document | str,
    en: Document | str,
    *,
    method: str = DEFAULT_ALIGNER,
    scorer: str = DEFAULT_SCORER,
    presegmented: bool = False,
    embedder: Embedder | None = None,
) -> Alignment:
    """Align a Chinese document with its English translation.

    ``zh`` and ``en`` are texts (segmented here; one sentence per line with ``presegmented``) or
    already segmented :class:`Document` objects. Every sentence of both sides ends up in exactly
    one bead; sentences with no counterpart get 1-0 or 0-1 beads, never dropped.

    ``scorer`` is a preset (``all``, ``lexical``, ``embedding``) or a comma-separated list of
    scorers (``embedding,lexical``); ``embedder`` replaces the default USE encoder (any object with
    ``name`` and ``encode(texts) -> unit vectors``).
    """
    zh, en = checked_text_or_document(zh, "zh"), checked_text_or_document(en, "en")
    zh_doc = zh if isinstance(zh, Document) else segment(zh, "zh", presegmented=presegmented)
    en_doc = en if isinstance(en, Document) else segment(en, "en", presegmented=presegmented)
    if method not in ALIGNERS:
        raise AlignmentError(f"unknown aligner {method!r}; choose one of: {', '.join(ALIGNERS)}")
    settings: dict[str, object] = {"bitext": versions()["bitext"], "aligner": method}
    if method == "gale-church":
        beads = _gale_church(zh_doc, en_doc)
    else:
        names = scorer_names(scorer)
        scorers = build_scorers(names, embedder)
        model = model_for(names)
        beads = SentenceAligner(scorers, model).align(zh_doc, en_doc)
        settings["scorer"] = scorer
        settings.update(settings_of(scorers, model))
        settings["weights"] = ",".join(f"{k}={v:g}" for k, v in sorted(model.weights.items()) if k in _used(names))
    settings["presegmented"] = presegmented
    settings.update({k: v for k, v in versions().items() if k != "bitext"})
    return Alignment(zh_doc, en_doc, tuple(beads), settings)


def scorer_names(scorer: str) -> tuple[str, ...]:
    """Scorer names of a preset or a comma-separated list, checked."""
    if scorer in SCORER_PRESETS:
        return SCORER_PRESETS[scorer]
    names = tuple(part.strip() for part in scorer.split(",") if part.strip())
    unknown = [name for name in names if name not in SCORERS]
    if not names or unknown:
        choices = ", ".join([*SCORER_PRESETS, *SCORERS])
        raise AlignmentError(f"unknown scorer {scorer!r}; choose a preset or a comma-separated list of: {choices}")
    return tuple(name for name in SCORERS if name in names)


def build_scorers(names: Sequence[str], embedder: Embedder | None = None) -> list[Scorer]:
    factories: dict[str, Callable[[], Scorer]] = {
        "embedding": lambda: EmbeddingScorer(embedder),
        "length": LengthScorer,
        "lexical": LexicalScorer,
        "anchors": AnchorScorer,
        "paragraphs": ParagraphScorer,
        "punctuation": PunctuationScorer,
    }
    return [factories[name]() for name in names]


_FEATURES = {
    "embedding": ("embedding", "embedding_sized", "embedding_edges"),
    "length": ("length", "skipped_size"),
    "lexical": ("lexical",),
    "anchors": ("anchor_match", "number_mismatch", "name_match"),
    "paragraphs": ("paragraph",),
    "punctuation": ("dialogue", "quote_end", "clauses"),
}


def _used(names: Sequence[str]) -> set[str]:
    return {feature for name in names for feature in _FEATURES[name]}


@lru_cache(maxsize=32)
def model_for(names: tuple[str, ...]) -> Model:
    """The weights fitted for exactly this scorer set, else the full model's weights for these features."""
    key = "+".join(names)
    if key in MODELS:
        return MODELS[key]
    return MODELS[DEFAULT_MODEL]


def _gale_church(zh: Document, en: Document) -> list[Bead]:
    # One empty side is not an error: every sentence of the other side is unaligned, and says so.
    if not len(zh) or not len(en):
        return unaligned(len(zh), len(en))
    return gale_church(zh.sentence_texts(), en.sentence_texts())
