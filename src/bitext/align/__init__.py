"""Sentence alignment: Document pair → Alignment (beads with scores).

``method="bitext"`` (the default) is the aligner of aligner.py: scorers combined with fitted weights,
a coarse-to-fine first pass and a banded second pass over 14 bead types, with calibrated confidence.
``method="gale-church"`` is the length-only baseline it is measured against.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Literal

from bitext.align.aligner import Model, SentenceAligner, settings_of, unaligned
from bitext.align.beads import Alignment, Bead, check_beads, keep_sentence_vectors
from bitext.align.fixed import FixedBead, Gap, shifted, stitch
from bitext.align.gale_church import gale_church
from bitext.align.weights import MODELS
from bitext.document import Document
from bitext.errors import AlignmentError, InputError
from bitext.registry import Registry
from bitext.scorers.anchor_tokens import AnchorScorer
from bitext.scorers.base import BEAD_TYPES, Scorer
from bitext.scorers.embedding import Embedder, EmbeddingScorer
from bitext.scorers.length import LengthScorer
from bitext.scorers.lexical import LexicalScorer
from bitext.scorers.paragraphs import ParagraphScorer
from bitext.scorers.punctuation import PunctuationScorer
from bitext.segment import SentenceSplitter, segment
from bitext.text_arguments import checked_text_or_document
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
    "Method",
    "ScorerFactory",
    "ScorerName",
    "ScorerPreset",
    "align",
    "check_beads",
]

Splitter = str | SentenceSplitter  # a sentence splitter's name ("" for the language's default) or the splitter

Method = Literal["bitext", "gale-church"]
"""The values of ``align(method=...)``: a closed set."""
# "bitext" is the default because it is the most accurate (docs/benchmarks.md has the figures).
ALIGNERS: dict[Method, str] = {"bitext": "scorers combined, two-pass banded search", "gale-church": "length only"}
DEFAULT_ALIGNER: Method = "bitext"

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
ScorerPreset = Literal["all", "lexical"]
"""The named scorer sets. ``align(scorer=...)`` is typed ``ScorerPreset | str``, not a Literal, because it
also takes a scorer's name or a comma-separated list of them ("lexical,embedding")."""
ScorerName = Literal["embedding", "length", "lexical", "anchors", "paragraphs", "punctuation"]
"""The registered scorers' names (``SCORERS``), each usable alone or in a comma-separated list."""
# Named scorer sets. "all" is the most accurate; "lexical" needs no neural model (dictionary, numbers,
# length) and is several times faster. A single scorer's name uses that scorer alone.
SCORER_PRESETS: dict[ScorerPreset, tuple[str, ...]] = {
    "all": ("embedding", "length", "lexical", "anchors", "paragraphs", "punctuation"),
    "lexical": ("length", "lexical", "anchors", "paragraphs", "punctuation"),
}
DEFAULT_SCORER: ScorerPreset = "all"
DEFAULT_MODEL = "+".join(SCORER_PRESETS[DEFAULT_SCORER])


def align(
    zh: Document | str,
    en: Document | str,
    *,
    method: Method = DEFAULT_ALIGNER,
    scorer: ScorerPreset | str = DEFAULT_SCORER,
    presegmented: bool = False,
    embedder: Embedder | None = None,
    corrections: Corrections | None = None,
    splitter: Splitter | Mapping[str, Splitter] | None = None,
) -> Alignment:
    """Align a Chinese document with its English translation.

    ``zh`` and ``en`` are texts, segmented here, or :class:`Document` objects already segmented
    (``segment(text, "zh")``, ``segment(text, "en")``; a Document of the other language is refused).
    Every sentence of both sides ends up in exactly one bead; sentences with no counterpart get 1-0
    or 0-1 beads, never dropped.

    ``method``: ``"bitext"`` (the default, the most accurate: scorers combined with fitted weights,
    two-pass search, calibrated confidence) or ``"gale-church"`` (the length-only baseline).

    ``scorer``: the scorers of the ``bitext`` method, a preset (``all``, the default; ``lexical``,
    no neural model and several times faster) or a comma-separated list of ``embedding``,
    ``length``, ``lexical``, ``anchors``, ``paragraphs``, ``punctuation``.

    ``presegmented``: the texts hold one sentence per line (blank lines between paragraphs), as
    most aligned corpora do; they are not re-split.

    ``embedder``: replaces the default encoder (USE-multilingual) of the ``embedding`` scorer: any
    object with ``name`` and ``encode(texts) -> array of shape (len(texts), dim)``. Its vectors are
    checked (shape, finite) and scaled to unit length if they are not (the signature then says
    ``normalised``). An error with a method or scorers that do not use embeddings.

    ``splitter``: the sentence splitters for texts segmented here, as :func:`bitext.segment` takes
    them: a name both languages have (``"rules"``, ``"pysbd"``), a splitter object used for both, or
    ``{"zh": …, "en": …}`` (a language left out keeps its default; names: ``splitter_names(lang)``
    in :mod:`bitext.segment`). An error with ``presegmented`` or with two Documents.

    ``corrections`` (:func:`bitext.corrections.read_corrections`, saved from the review page): its edited and
    confirmed beads are kept exactly and the rest is aligned between them; beads that no longer fit the
    documents are left out with a :class:`~bitext.corrections.CorrectionsWarning` each.

    The result records the settings and versions that produced it (``Alignment.signature``).
    """
    zh, en = checked_text_or_document(zh, "zh"), checked_text_or_document(en, "en")
    zh_doc, en_doc = _documents(zh, en, presegmented, splitter)
    if method not in ALIGNERS:
        raise AlignmentError(f"unknown aligner {method!r}; choose one of: {', '.join(ALIGNERS)}")
    settings: dict[str, object] = {"bitext": versions()["bitext"], "aligner": method}
    fixed = corrections.fixed_beads(zh_doc, en_doc) if corrections is not None else []
    vectors = None
    if method == "gale-church":
        _check_embedder(embedder, "method='gale-church' uses sentence lengths only")
        beads = _gale_church(zh_doc, en_doc, fixed)
    else:
        names = scorer_names(scorer)
        if "embedding" not in names:
            _check_embedder(embedder, f"scorer={scorer!r} has no embedding scorer")
        scorers = build_scorers(names, embedder)
        model = model_for(names)
        check_weights(scorers, model, scorer)
        aligner = SentenceAligner(scorers, model)
        beads = aligner.align(zh_doc, en_doc, fixed)
        vectors = aligner.sentence_vectors
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
    if splitter is not None:
        settings["splitter"] = splitter_setting(splitter)
    settings.update({k: v for k, v in versions().items() if k != "bitext"})
    alignment = Alignment(zh_doc, en_doc, tuple(beads), settings)
    if vectors is not None:
        keep_sentence_vectors(alignment, vectors)
    return alignment


def _documents(
    zh: Document | str, en: Document | str, presegmented: bool, splitter: Splitter | Mapping[str, Splitter] | None
) -> tuple[Document, Document]:
    """Both sides as Documents of the right language, segmented here when given as text."""
    for side, value in (("zh", zh), ("en", en)):
        if isinstance(value, Document) and value.lang != side:
            first = "first" if side == "zh" else "second"
            raise InputError(
                f"align() takes the Chinese side first, then the English: its {first} argument is a Document "
                f"of language {value.lang!r}, not {side!r}"
            )
    if splitter is not None:
        if presegmented:
            raise AlignmentError(
                "splitter= and presegmented=True cannot apply together: presegmented text is not split"
            )
        if isinstance(zh, Document) and isinstance(en, Document):
            raise AlignmentError("splitter= applies to texts; both sides are Documents, already segmented")
        if isinstance(splitter, Mapping) and set(splitter) - {"zh", "en"}:
            raise AlignmentError(
                f"splitter= takes the languages 'zh' and 'en', not {sorted(set(splitter) - {'zh', 'en'})}"
            )
    zh_doc = (
        zh
        if isinstance(zh, Document)
        else segment(zh, "zh", presegmented=presegmented, splitter=splitter_for(splitter, "zh"))
    )
    en_doc = (
        en
        if isinstance(en, Document)
        else segment(en, "en", presegmented=presegmented, splitter=splitter_for(splitter, "en"))
    )
    return zh_doc, en_doc


def splitter_for(splitter: Splitter | Mapping[str, Splitter] | None, lang: str) -> Splitter:
    """The splitter for one language ("" for its default)."""
    if splitter is None:
        return ""
    if isinstance(splitter, Mapping):
        return splitter.get(lang, "")
    return splitter


def splitter_setting(splitter: Splitter | Mapping[str, Splitter]) -> str:
    """How an alignment's settings record a splitter option: ``zh=rules,en=pysbd``."""
    return ",".join(f"{lang}={_splitter_name(splitter_for(splitter, lang))}" for lang in ("zh", "en"))


def _splitter_name(splitter: Splitter) -> str:
    if isinstance(splitter, str):
        return splitter or "default"
    return type(splitter).__name__


def _check_embedder(embedder: Embedder | None, why: str) -> None:
    if embedder is not None:
        raise AlignmentError(f"embedder= cannot apply: {why} (use scorer='all' or one that includes 'embedding')")


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
