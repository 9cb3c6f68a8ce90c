"""Fitted weights of the aligner's features, one model per scorer set.

Written by benchmarks/align_fit.py (coordinate ascent on strict F1 over MAC-Dev, synthetic FLORES
documents with a training seed, and the bundled corpus); do not edit by hand. Figures and held-out
results: docs/benchmarks.md."""

from __future__ import annotations

from bitext.align.aligner import Model

MODELS: dict[str, Model] = {
    "embedding+length+lexical+anchors": Model(
        weights={
            "anchor_match": 1,
            "embedding": 15,
            "embedding_sized": 1,
            "length": 1,
            "lexical": 4.5,
            "name_match": 0,
            "number_mismatch": 0,
            "skipped_size": 0.5,
        },
        bias={
            (1, 1): 0,
            (1, 0): -2,
            (0, 1): -2,
            (1, 2): -0.5,
            (2, 1): -1,
            (2, 2): -2,
            (1, 3): -2,
            (3, 1): -2.5,
            (1, 4): -3,
            (4, 1): -3.5,
            (2, 3): -3,
            (3, 2): -3,
        },
        temperature=1,
        calibration=(0.8210, 0.5693),
        name="fitted:embedding+length+lexical+anchors",
    ),
    "length+lexical+anchors": Model(
        weights={
            "anchor_match": 2,
            "length": 0.5,
            "lexical": 9,
            "name_match": 1.25,
            "number_mismatch": 0.5,
            "skipped_size": 0,
        },
        bias={
            (1, 1): 0,
            (1, 0): -1.5,
            (0, 1): -2,
            (1, 2): -1,
            (2, 1): 0,
            (2, 2): -0.75,
            (1, 3): -2,
            (3, 1): -2.5,
            (1, 4): -3,
            (4, 1): -3.5,
            (2, 3): -2.25,
            (3, 2): -3,
        },
        temperature=1,
        calibration=(1.3325, 2.0012),
        name="fitted:length+lexical+anchors",
    ),
    "embedding": Model(
        weights={
            "embedding": 37.5,
            "embedding_sized": 0.5,
        },
        bias={
            (1, 1): 0,
            (1, 0): -1,
            (0, 1): -2,
            (1, 2): -1,
            (2, 1): -0.5,
            (2, 2): -2,
            (1, 3): -2,
            (3, 1): -2.5,
            (1, 4): -3,
            (4, 1): -3.5,
            (2, 3): -3,
            (3, 2): -3,
        },
        temperature=1,
        calibration=(0.8210, 0.5693),
        name="fitted:embedding",
    ),
    "embedding+length": Model(
        weights={
            "embedding": 30,
            "embedding_sized": 0.5,
            "length": 0.5,
            "skipped_size": 0.5,
        },
        bias={
            (1, 1): 0,
            (1, 0): -2,
            (0, 1): -2,
            (1, 2): -0.5,
            (2, 1): -1,
            (2, 2): -2,
            (1, 3): -3,
            (3, 1): -2.5,
            (1, 4): -3,
            (4, 1): -3.5,
            (2, 3): -3,
            (3, 2): -3,
        },
        temperature=1,
        calibration=(0.8210, 0.5693),
        name="fitted:embedding+length",
    ),
    "length": Model(
        weights={
            "length": 2,
            "skipped_size": -0.25,
        },
        bias={
            (1, 1): 0,
            (1, 0): -3.75,
            (0, 1): -2,
            (1, 2): -1,
            (2, 1): -1,
            (2, 2): -4,
            (1, 3): -2,
            (3, 1): -3.75,
            (1, 4): -1.875,
            (4, 1): -1.75,
            (2, 3): -3,
            (3, 2): -4.5,
        },
        temperature=1,
        calibration=(0.8210, 0.5693),
        name="fitted:length",
    ),
    "anchors": Model(
        weights={
            "anchor_match": 2.5,
            "name_match": 0.5,
            "number_mismatch": 1,
        },
        bias={
            (1, 1): 0,
            (1, 0): -1.5,
            (0, 1): -1.5,
            (1, 2): -0.5,
            (2, 1): -1,
            (2, 2): -2,
            (1, 3): -2.5,
            (3, 1): -2.5,
            (1, 4): -4.5,
            (4, 1): -3.5,
            (2, 3): -1.5,
            (3, 2): -2.25,
        },
        temperature=1,
        calibration=(0.8210, 0.5693),
        name="fitted:anchors",
    ),
    "lexical": Model(
        weights={
            "lexical": 13.5,
        },
        bias={
            (1, 1): 0,
            (1, 0): -0.75,
            (0, 1): -1,
            (1, 2): -0.5,
            (2, 1): -0.25,
            (2, 2): -2,
            (1, 3): -2,
            (3, 1): -2.5,
            (1, 4): -3,
            (4, 1): -3.5,
            (2, 3): -3,
            (3, 2): -3,
        },
        temperature=1,
        calibration=(0.8210, 0.5693),
        name="fitted:lexical",
    ),
}
DEFAULT = MODELS["embedding+length+lexical+anchors"]
# Until refitted with the paragraph hint: the same weights, the hint unused.
MODELS["embedding+length+lexical+anchors+paragraphs"] = MODELS["embedding+length+lexical+anchors"]
MODELS["length+lexical+anchors+paragraphs"] = MODELS["length+lexical+anchors"]
