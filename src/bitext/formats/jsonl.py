"""JSON Lines: one bead per line with spans, texts, score and type."""

from __future__ import annotations

import json
from typing import TextIO

from bitext.align.beads import Alignment


class JsonlWriter:
    name = "jsonl"
    suffix = ".jsonl"

    def write(self, alignment: Alignment, out: TextIO) -> None:
        for number, bead in enumerate(alignment.beads):
            record = {
                "bead": number,
                "type": bead.type,
                "score": bead.score,
                "scores": dict(bead.scores),
                "zh_ids": list(bead.zh),
                "en_ids": list(bead.en),
                "zh": alignment.zh_text(bead),
                "en": alignment.en_text(bead),
                "zh_spans": [[s.start, s.end] for s in alignment.zh_spans(bead)],
                "en_spans": [[s.start, s.end] for s in alignment.en_spans(bead)],
            }
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
