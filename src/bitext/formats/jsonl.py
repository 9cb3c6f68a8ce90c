"""JSON Lines: a header record, then one bead per line with spans, texts, score, type, flags and entity pairs.

Every line is one JSON object with a ``record`` field: ``"header"`` for the first line (settings, versions,
document figures, QA summary: see :meth:`Export.metadata`), ``"bead"`` for the others. Concatenated files
stay self-describing: each document's beads follow its own header.

A bead record::

    {"record": "bead", "doc_id": "...", "bead": 6, "type": "1-2", "score": 0.93, "scores": {...}, "status": "automatic",
     "zh_ids": [6], "en_ids": [6, 7], "zh": "...", "en": "...",
     "zh_spans": [[412, 470]], "en_spans": [[1020, 1101], [1102, 1188]],
     "flags": [{"level": "warning", "code": "low-confidence", "message": "..."}],
     "entities": [{"zh": "商湯", "en": "SenseTime", "type": "ORG", "score": 0.97, "evidence": [...],
                   "mentions": [{"zh": [412, 414], "en": [1020, 1029]}]}]}

Spans are ``[start, end)`` character offsets into each original text. Line and paragraph separators
(U+2028, U+2029, U+0085) are written as ``\\u`` escapes so that no reader that splits lines on them can break
a record.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import IO, Any, TextIO

from bitext.align.beads import Alignment, Bead
from bitext.entities.model import EntityPair
from bitext.errors import InputError
from bitext.formats.base import BeadRecord, Export, ExportData, as_export

_LINE_BREAKERS = {"\u2028": "\\u2028", "\u2029": "\\u2029", "\x85": "\\u0085"}


def dumps(record: dict[str, Any]) -> str:
    """One JSON line: UTF-8 text kept readable, every character that could split a line escaped."""
    line = json.dumps(record, ensure_ascii=False, separators=(",", ":"))
    for raw, escaped in _LINE_BREAKERS.items():
        line = line.replace(raw, escaped)  # only ever inside strings: JSON syntax itself has none
    return line


class JsonlWriter:
    name = "jsonl"
    suffix = ".jsonl"
    binary = False

    def write(self, export: Export | Alignment, out: IO[Any]) -> None:
        export = as_export(export)
        out.write(dumps({"record": "header", **export.metadata()}) + "\n")
        for number, bead in export.beads():
            out.write(dumps(bead_record(export, number, bead)) + "\n")


def bead_record(export: Export, number: int, bead: Bead) -> dict[str, Any]:
    alignment = export.alignment
    return {
        "record": "bead",
        "doc_id": export.document_id,
        "bead": number,
        "type": bead.type,
        "score": bead.score,
        "scores": dict(bead.scores),
        "status": bead.status,
        "zh_ids": list(bead.zh),
        "en_ids": list(bead.en),
        "zh": export.zh_text(bead),
        "en": export.en_text(bead),
        "zh_spans": [[s.start, s.end] for s in alignment.zh_spans(bead)],
        "en_spans": [[s.start, s.end] for s in alignment.en_spans(bead)],
        "flags": [{"level": f.level, "code": f.code, "message": f.message} for f in export.flags_for(number)],
        "entities": [_entity(pair, number) for pair in export.entities_for(number)],
    }


def _entity(pair: EntityPair, bead: int) -> dict[str, Any]:
    return {
        "zh": pair.zh,
        "en": pair.en,
        "type": pair.type,
        "score": pair.score,
        "evidence": list(pair.evidence),
        "mentions": [
            {"zh": [m.zh_start, m.zh_end], "en": [m.en_start, m.en_end]} for m in pair.mentions if m.bead == bead
        ],
    }


def read_jsonl(source: str | Path | TextIO) -> ExportData:
    """Read a JSONL export: every bead record, the first header's metadata, and every document's header in
    ``headers`` (a concatenated file, such as a batch's ``corpus.jsonl``, has one per document)."""
    if isinstance(source, str | Path):
        name = str(source)
        text = Path(source).read_text(encoding="utf-8")
    else:
        name, text = getattr(source, "name", "<jsonl>"), source.read()
    headers: list[dict[str, Any]] = []
    records = []
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as error:
            raise InputError(f"{name}: line {number} is not JSON ({error.msg})") from None
        if obj.get("record") == "header":
            headers.append({k: v for k, v in obj.items() if k != "record"})
        else:
            records.append(_record(obj))
    return ExportData(headers[0] if headers else {}, records, headers)


def _record(obj: dict[str, Any]) -> BeadRecord:
    return BeadRecord(
        zh=obj["zh"],
        en=obj["en"],
        score=float(obj["score"]),
        type=obj["type"],
        zh_ids=tuple(obj["zh_ids"]),
        en_ids=tuple(obj["en_ids"]),
        doc_id=obj.get("doc_id", ""),
        bead=int(obj.get("bead", -1)),
        flags=tuple(f"{f['level']}:{f['code']}" for f in obj.get("flags", ())),
        entities=tuple((e["zh"], e["en"], e["type"]) for e in obj.get("entities", ())),
        status=obj.get("status", "automatic"),
    )
