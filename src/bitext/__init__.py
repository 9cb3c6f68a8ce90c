"""bitext: a traditional-Chinese document and its English translation → a clean parallel corpus.

    >>> import bitext
    >>> alignment = bitext.align(chinese_text, english_text)
    >>> for bead in alignment:
    ...     print(bead.type, bead.score, alignment.zh_text(bead), alignment.en_text(bead))
    >>> for zh, en, bead in alignment.text_pairs(min_score=0.8): ...
    >>> alignment.to_pandas()                        # one row per bead (needs pandas)
    >>> bitext.evaluate(bitext.read_alignment("gold.align"), alignment)

The names are imported eagerly on purpose: ``bitext.align`` is both a subpackage and the function
it exports, and only an import here, after the subpackage has loaded, makes the attribute the
function. (Lazy PEP 562 exports were tried: the first ``import bitext.align.x`` anywhere rebound
``bitext.align`` to the module.)

Every type a public function returns (or takes, like ``Embedder``) is exported here too, so user code can
annotate with ``bitext.ScriptGuess`` rather than reach into a submodule: ``Method`` and ``ScorerPreset``
are the Literal types of ``align(method=..., scorer=...)``.
"""

from bitext.align import Alignment, Bead, Method, ScorerPreset, align
from bitext.document import Document, Span
from bitext.entities import EntityPair, EntityTable, EntityType, Mention, align_entities, align_entities_corpus
from bitext.errors import AlignmentError, BitextError, InputError
from bitext.evaluate import Evaluation, Scores, evaluate, evaluate_many
from bitext.formats.vecalign import read_alignment
from bitext.qa import Flag, QAReport
from bitext.reading import DecodedText, read_text
from bitext.scorers.encoders import Embedder
from bitext.script import Script, ScriptGuess, convert, detect_script
from bitext.segment import segment

__version__ = "0.1.0"

__all__ = [
    "Alignment",
    "AlignmentError",
    "Bead",
    "BitextError",
    "DecodedText",
    "Document",
    "Embedder",
    "EntityPair",
    "EntityTable",
    "EntityType",
    "Evaluation",
    "Flag",
    "InputError",
    "Mention",
    "Method",
    "QAReport",
    "ScorerPreset",
    "Scores",
    "Script",
    "ScriptGuess",
    "Span",
    "__version__",
    "align",
    "align_entities",
    "align_entities_corpus",
    "convert",
    "detect_script",
    "evaluate",
    "evaluate_many",
    "read_alignment",
    "read_text",
    "segment",
]
