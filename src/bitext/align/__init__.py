"""Sentence alignment: Document pair → Alignment (beads with scores).

``method="bitext"`` (the default) is the aligner of aligner.py: scorers combined with fitted weights,
a coarse-to-fine first pass and a banded second pass over 14 bead types, with calibrated confidence.
``method="gale-church"`` is the length-only baseline it is measured against.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

from bitext.align.aligner import BEAD_TYPES, Model, SentenceAligner, settings_of, unaligned
from bitext.align.beads import Alignment, Bead, check_beads
from bitext.align.fixed import FixedBead, Gap, shifted, stitch
from bitext.align.gale_church import gale_church
from bitext.align.weights import MODELS
from bitext.document import Document
from bitext.errors import AlignmentError
from bitext.registry import Registry
from bitext.scorers.anchors import AnchorScorer
from bitext.scorers.base import Scorer
from bitext.scorers.embedding import Embedder, EmbeddingScorer
from bitext.scorers.length import LengthScorer
from bitext.scorers.lexical import LexicalScorer
from bitext.scorers.paragraphs import ParagraphScorer
from bitext.scorers.punctuation import PunctuationScorer
from bitext.segment import segment
from bitext.versions import versions

if TYPE_CHECKING:
    from bitext.corrections import Corrections

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
    "ScorerFactory",
    "align",
    "check_beads",
]

# "bitext" is the default because it is the most accurate (docs/benchmarks.md has the figures).
ALIGNERS: dict[str, str] = {"bitext": "scorers combined, two-pass banded search", "gale-church": "length only"}
DEFAULT_ALIGNER = "bitext"

ScorerFactory = Callable[[Embedder | None], Scorer]


def _plain(scorer: Callable[[], Scorer]) -> ScorerFactory:
    """A scorer that needs no embedder."""
    return lambda _embedder: scorer()


# Registration order is the order of a scorer set, so "lexical,embedding" and "embedding,lexical" are
# the same set with the same fitted model (weights.py is keyed by the names joined in this order).
SCORERS: Registry[ScorerFactory] = Registry(
    "scorer",
    {
        "embedding": EmbeddingScorer,
        "length": _plain(LengthScorer),
        "lexical": _plain(LexicalScorer),
        "anchors": _plain(AnchorScorer),
        "paragraphs": _plain(ParagraphScorer),
        "punctuation": _plain(PunctuationScorer),
    },
    error=AlignmentError,
)
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
    corrections: Corrections | None = None,
) -> Alignment:
    """Align a Chinese document with its English translation.

    ``zh`` and ``en`` are texts (segmented here; one sentence per line with ``presegmented``) or
    already segmented :class:`Document` objects. Every sentence of both sides ends up in exactly
    one bead; sentences with no counterpart get 1-0 or 0-1 beads, never dropped.

    ``scorer`` is a preset (``all``, ``lexical``, ``embedding``) or a comma-separated list of
    scorers (``embedding,lexical``); ``embedder`` replaces the default USE encoder (any object with
    ``name`` and ``encode(texts) -> unit vectors``).

    ``corrections`` (:func:`bitext.corrections.read_corrections`, saved from the review page): its edited and
    confirmed beads are kept exactly and the rest is aligned between them; beads that no longer fit the
    documents are left out with a :class:`~bitext.corrections.CorrectionsWarning` each.
    """
    zh_doc = zh if isinstance(zh, Document) else segment(zh, "zh", presegmented=presegmented)
    en_doc = en if isinstance(en, Document) else segment(en, "en", presegmented=presegmented)
    if method not in ALIGNERS:
        raise AlignmentError(f"unknown aligner {method!r}; choose one of: {', '.join(ALIGNERS)}")
    settings: dict[str, object] = {"bitext": versions()["bitext"], "aligner": method}
    fixed = corrections.fixed_beads(zh_doc, en_doc) if corrections is not None else []
    if method == "gale-church":
        beads = _gale_church(zh_doc, en_doc, fixed)
    else:
        names = scorer_names(scorer)
        scorers = build_scorers(names, embedder)
        model = model_for(names)
        check_weights(scorers, model, scorer)
        beads = SentenceAligner(scorers, model).align(zh_doc, en_doc, fixed)
        settings["scorer"] = scorer
        settings.update(settings_of(scorers, model))
        # A weight of 0 does not shape the output, so the signature leaves it out.
        used = {feature for s in scorers for feature in s.features}
        settings["weights"] = ",".join(f"{k}={v:g}" for k, v in sorted(model.weights.items()) if k in used and v)
    settings["presegmented"] = presegmented
    if corrections is not None:
        settings["corrections"] = f"{len(fixed)} beads kept"
    settings.update(
        {
            f"{side}_{key}": value
            for side, doc in (("zh", zh_doc), ("en", en_doc))
            for key, value in doc.reading_settings().items()
        }
    )
    settings.update({k: v for k, v in versions().items() if k != "bitext"})
    return Alignment(zh_doc, en_doc, tuple(beads), settings)


def scorer_names(scorer: str) -> tuple[str, ...]:
    """Scorer names of a preset or a comma-separated list, checked."""
    if scorer in SCORER_PRESETS:
        return SCORER_PRESETS[scorer]
    names = tuple(part.strip() for part in scorer.split(",") if part.strip())
    unknown = [name for name in names if name not in SCORERS]
    if not names or unknown:
        choices = ", ".join([*SCORER_PRESETS, *SCORERS.names()])
        raise AlignmentError(f"unknown scorer {scorer!r}; choose a preset or a comma-separated list of: {choices}")
    return tuple(name for name in SCORERS if name in names)


def build_scorers(names: Sequence[str], embedder: Embedder | None = None) -> list[Scorer]:
    return [SCORERS.get(name)(embedder) for name in names]


def check_weights(scorers: Sequence[Scorer], model: Model, scorer: str) -> None:
    """Every feature of the scorers needs a weight in the model: a feature it lacks would count 0 silently."""
    missing = [f"{s.name}:{feature}" for s in scorers for feature in s.features if feature not in model.weights]
    if missing:
        raise AlignmentError(
            f"the aligner model {model.name!r} has no weight for {', '.join(missing)}; fit one with: "
            f"python benchmarks/align_fit.py --presets {scorer} --write"
        )


@lru_cache(maxsize=32)
def model_for(names: tuple[str, ...]) -> Model:
    """The weights fitted for exactly this scorer set, else the full model's weights for these features."""
    key = "+".join(names)
    if key in MODELS:
        return MODELS[key]
    return MODELS[DEFAULT_MODEL]


def _gale_church(zh: Document, en: Document, fixed: Sequence[FixedBead] = ()) -> list[Bead]:
    # One empty side is not an error: every sentence of the other side is unaligned, and says so.
    if not len(zh) or not len(en):
        return unaligned(len(zh), len(en)) if not fixed else stitch(fixed, len(zh), len(en), lambda gap: [])
    if not fixed:
        return gale_church(zh.sentence_texts(), en.sentence_texts())
    zh_texts, en_texts = zh.sentence_texts(), en.sentence_texts()

    def align_gap(gap: Gap) -> list[Bead]:  # the length model is re-estimated on each gap's sentences
        return shifted(gale_church(zh_texts[gap.zh_start : gap.zh_end], en_texts[gap.en_start : gap.en_end]), gap)

    return stitch(fixed, len(zh), len(en), align_gap)
