"""Apache Parquet through pyarrow, the optional extra ``pip install 'bitext[parquet]'``.

The same columns as the TSV, typed and unescaped: ``zh en`` (string), ``score`` (double), ``type`` (string),
``zh_ids en_ids`` (list<int32>), ``doc_id`` (string), ``bead`` (int32), ``zh_spans en_spans``
(list<struct<start, end>>, offsets into the original texts), ``flags`` (list<struct<level, code, message>>),
``entities`` (list<struct<zh, en, type>>), ``status`` (string: automatic, edited, confirmed). The export's
metadata (settings, versions, figures) is stored as JSON under the schema metadata key ``bitext``;
``read_parquet`` gives it back.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import IO, Any

from bitext.align.beads import Alignment
from bitext.errors import BitextError
from bitext.formats.base import BeadRecord, Export, ExportData, as_export

METADATA_KEY = b"bitext"


def _pyarrow() -> Any:
    try:
        import pyarrow
        import pyarrow.parquet
    except ImportError:
        raise BitextError("the parquet format needs pyarrow: pip install 'bitext[parquet]'") from None
    return pyarrow


def schema() -> Any:
    pa = _pyarrow()
    span = pa.struct([("start", pa.int64()), ("end", pa.int64())])
    return pa.schema(
        [
            ("zh", pa.string()),
            ("en", pa.string()),
            ("score", pa.float64()),
            ("type", pa.string()),
            ("zh_ids", pa.list_(pa.int32())),
            ("en_ids", pa.list_(pa.int32())),
            ("doc_id", pa.string()),
            ("bead", pa.int32()),
            ("zh_spans", pa.list_(span)),
            ("en_spans", pa.list_(span)),
            ("flags", pa.list_(pa.struct([("level", pa.string()), ("code", pa.string()), ("message", pa.string())]))),
            ("entities", pa.list_(pa.struct([("zh", pa.string()), ("en", pa.string()), ("type", pa.string())]))),
            ("status", pa.string()),
        ]
    )


class ParquetWriter:
    name = "parquet"
    suffix = ".parquet"
    binary = True

    def write(self, export: Export | Alignment, out: IO[Any]) -> None:
        pa = _pyarrow()
        table = to_table(as_export(export))
        pa.parquet.write_table(table, out, compression="zstd")


def to_table(export: Export) -> Any:
    """The export as a ``pyarrow.Table`` (for callers who go on in Arrow, Polars or pandas)."""
    pa = _pyarrow()
    alignment = export.alignment
    columns: dict[str, list[Any]] = {field.name: [] for field in schema()}
    for number, bead in export.beads():
        record = export.record(number, bead)
        for name in ("zh", "en", "score", "type", "zh_ids", "en_ids", "doc_id", "bead", "status"):
            columns[name].append(getattr(record, name))
        columns["zh_spans"].append([{"start": s.start, "end": s.end} for s in alignment.zh_spans(bead)])
        columns["en_spans"].append([{"start": s.start, "end": s.end} for s in alignment.en_spans(bead)])
        columns["flags"].append(
            [{"level": f.level, "code": f.code, "message": f.message} for f in export.flags_for(number)]
        )
        columns["entities"].append([{"zh": zh, "en": en, "type": kind} for zh, en, kind in record.entities])
    metadata = {METADATA_KEY: json.dumps(export.metadata(), ensure_ascii=False).encode("utf-8")}
    return pa.table(columns, schema=schema().with_metadata(metadata))


def read_parquet(source: str | Path | IO[bytes]) -> ExportData:
    """Read a Parquet export (a path or a binary file object): metadata and bead records."""
    pa = _pyarrow()
    table = pa.parquet.read_table(source)
    raw = (table.schema.metadata or {}).get(METADATA_KEY)
    metadata = json.loads(raw.decode("utf-8")) if raw else {}
    records = [
        BeadRecord(
            zh=row["zh"],
            en=row["en"],
            score=row["score"],
            type=row["type"],
            zh_ids=tuple(row["zh_ids"]),
            en_ids=tuple(row["en_ids"]),
            doc_id=row["doc_id"],
            bead=row["bead"],
            flags=tuple(f"{f['level']}:{f['code']}" for f in row["flags"]),
            entities=tuple((e["zh"], e["en"], e["type"]) for e in row["entities"]),
            status=row.get("status") or "automatic",
        )
        for row in table.to_pylist()
    ]
    return ExportData(metadata, records)
