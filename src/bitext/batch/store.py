"""The output folder: each document's output and status, each written whole or not at all.

A document's output is written first, then its status record; the status is the "done" marker, so a
run killed between the two simply aligns that document again. Files are written under a hidden
temporary name, fsync'd and renamed (:mod:`bitext.atomic`), so a kill or a power loss never leaves a
partial file under a final name.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

from bitext.atomic import write_atomically
from bitext.batch.inputs import DocumentPair
from bitext.batch.per_document import DocumentOutput, DocumentReport
from bitext.formats import get_writer


def file_stem(doc_id: str) -> str:
    """A file name for ``doc_id``: percent-encoded, so distinct ids never share a file; never hidden;
    never too long for a file system (a long id is cut and completed with a hash of the whole).

    Ids with capital letters also get a short hash of the id: on a case-insensitive file system (macOS,
    Windows) "Report" and "report" would otherwise be one file, and one document would overwrite the other.
    """
    stem = quote(doc_id, safe="-_.,+=@~()[]")
    if stem.startswith("."):
        stem = "%2E" + stem[1:]
    digest = hashlib.sha1(doc_id.encode("utf-8")).hexdigest()
    if len(stem) > 180:
        stem = stem[:150] + "~" + digest[:20]
    elif doc_id.casefold() != doc_id:
        stem += "~" + digest[:12]
    return stem


def suffix_of(format_name: str) -> str:
    return str(getattr(get_writer(format_name), "suffix", f".{format_name}"))


@dataclass(frozen=True)
class OutputFolder:
    """``root/documents/<stem><suffix>`` (outputs) and ``root/status/<stem>.json`` (report rows)."""

    root: Path
    suffix: str

    @classmethod
    def for_format(cls, root: str | Path, format_name: str) -> OutputFolder:
        return cls(Path(root), suffix_of(format_name))

    @property
    def documents(self) -> Path:
        return self.root / "documents"

    @property
    def status(self) -> Path:
        return self.root / "status"

    def output_path(self, doc_id: str) -> Path:
        return self.documents / f"{file_stem(doc_id)}{self.suffix}"

    def status_path(self, doc_id: str) -> Path:
        return self.status / f"{file_stem(doc_id)}.json"

    def save(self, pair: DocumentPair, output: DocumentOutput) -> None:
        if output.ok:
            write_atomically(self.output_path(pair.doc_id), output.data)
        record = {"report": output.report.to_json(), "inputs": fingerprint(pair)}
        write_atomically(self.status_path(pair.doc_id), json.dumps(record, ensure_ascii=False) + "\n")

    def load(self, doc_id: str) -> tuple[DocumentReport, Any] | None:
        """The saved report row and input fingerprint, or None if the document has none (yet)."""
        try:
            record = json.loads(self.status_path(doc_id).read_text(encoding="utf-8"))
            return DocumentReport.from_json(record["report"]), record["inputs"]
        except (FileNotFoundError, ValueError, KeyError, TypeError):
            return None

    def is_done(self, pair: DocumentPair) -> bool:
        """Done: its status says ok, its output is there, and its input files are unchanged since."""
        saved = self.load(pair.doc_id)
        return (
            saved is not None
            and saved[0].status == "ok"
            and saved[1] == fingerprint(pair)
            and self.output_path(pair.doc_id).exists()
        )


def fingerprint(pair: DocumentPair) -> list[Any]:
    """Absolute path, size and modification time of both inputs: a changed input is aligned again."""
    marks: list[Any] = []
    for path in (pair.source, pair.translation):
        if path is None:
            marks.append(None)
            continue
        try:
            stat = os.stat(path)
            marks.append([os.path.abspath(path), stat.st_size, stat.st_mtime_ns])
        except OSError:
            marks.append([os.path.abspath(path), None, None])
    return marks
