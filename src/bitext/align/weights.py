"""Fitted weights of the aligner's features (written by benchmarks/align_fit.py; see docs/benchmarks.md)."""

from __future__ import annotations

from bitext.align.aligner import Model

# Hand-set starting point; replaced by fitted values.
DEFAULT = Model(
    weights={
        "embedding": 8.0, "embedding_sized": 0.0, "length": 0.5, "skipped_size": 0.5, "lexical": 3.0,
        "anchor_match": 1.0, "number_mismatch": 0.5, "name_match": 0.5,
    },
    bias={
        (1, 1): 0.0, (1, 0): -2.0, (0, 1): -2.0, (1, 2): -1.0, (2, 1): -1.0, (2, 2): -2.0, (1, 3): -2.0,
        (3, 1): -2.5, (1, 4): -3.0, (4, 1): -3.5, (2, 3): -3.0, (3, 2): -3.0,
    },
    name="hand-set",
)
MODELS = {"default": DEFAULT}
