"""bitext: a traditional-Chinese document and its English translation → a clean parallel corpus.

    >>> import bitext
    >>> alignment = bitext.align(chinese_text, english_text)
    >>> for bead in alignment:
    ...     print(bead.type, bead.score, alignment.zh_text(bead), alignment.en_text(bead))

Names are imported on first use (PEP 562), so ``bitext convert`` or ``import bitext.script`` does
not pay for loading the aligner, the dictionaries and the sentence encoder.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

# public name -> module that defines it
_EXPORTS = {
    "Alignment": "bitext.align",
    "Bead": "bitext.align",
    "align": "bitext.align",
    "Document": "bitext.document",
    "Span": "bitext.document",
    "EntityPair": "bitext.entities",
    "EntityTable": "bitext.entities",
    "align_entities": "bitext.entities",
    "align_entities_corpus": "bitext.entities",
    "AlignmentError": "bitext.errors",
    "BitextError": "bitext.errors",
    "InputError": "bitext.errors",
    "evaluate": "bitext.evaluate",
    "evaluate_many": "bitext.evaluate",
    "read_text": "bitext.reading",
    "convert": "bitext.script",
    "detect_script": "bitext.script",
    "segment": "bitext.segment",
}

__all__ = [
    "Alignment",
    "AlignmentError",
    "Bead",
    "BitextError",
    "Document",
    "EntityPair",
    "EntityTable",
    "InputError",
    "Span",
    "__version__",
    "align",
    "align_entities",
    "align_entities_corpus",
    "convert",
    "detect_script",
    "evaluate",
    "evaluate_many",
    "read_text",
    "segment",
]

if TYPE_CHECKING:
    from bitext.align import Alignment, Bead, align
    from bitext.document import Document, Span
    from bitext.entities import EntityPair, EntityTable, align_entities, align_entities_corpus
    from bitext.errors import AlignmentError, BitextError, InputError
    from bitext.evaluate import evaluate, evaluate_many
    from bitext.reading import read_text
    from bitext.script import convert, detect_script
    from bitext.segment import segment


def __getattr__(name: str) -> Any:
    if name not in _EXPORTS:
        raise AttributeError(f"module 'bitext' has no attribute {name!r}")
    value = getattr(import_module(_EXPORTS[name]), name)
    globals()[name] = value  # later look-ups skip this function
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_EXPORTS])
