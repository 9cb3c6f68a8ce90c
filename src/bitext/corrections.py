"""Corrections a translator made in the review page: the file format, reading it, fitting it to the documents.

The review page saves a JSON file (``Save corrections``)::

    {"format": "bitext-corrections", "version": 1, "saved": "2026-12-07T03:10:00.000Z",
     "zh": {"name": "zh.txt", "sha256": "…", "content_sha256": "…", "sentences": 295},
     "en": {"name": "en.txt", "sha256": "…", "content_sha256": "…", "sentences": 272},
     "beads": [{"zh": [3, 4], "en": [5], "at": [3, 5], "status": "edited", "time": "2026-12-07T03:02:11.000Z",
                "zh_text": ["…", "…"], "en_text": ["…"]}, …]}

Only the beads a person decided are listed: ``edited`` (merged, split or moved) and ``confirmed`` ones. ``at`` is
the grid node where the bead starts (it places a bead with an empty side), ``sha256`` the fingerprint of each
document's text (:func:`fingerprint`; ``content_sha256``, :func:`content_fingerprint`, the same without white
space, lets a file saved on a .txt fit the DOCX or HTML of the same text), and the sentence texts let a file
outlive a re-segmentation: a bead whose ids no longer hold its texts is looked for where its texts still are,
nearest its old place.

``bitext.align(zh, en, corrections=read_corrections(path))`` (CLI: ``--corrections FILE``) keeps those beads
exactly and aligns the rest between them (``bitext.align.fixed``). A file made for other documents (another
fingerprint) or that is not a corrections file raises :class:`~bitext.errors.InputError`; a bead that no longer
fits is left out with a :class:`CorrectionsWarning` saying which and why.
"""

from __future__ import annotations

import hashlib
import json
import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from bitext.align.beads import Bead, BeadStatus
from bitext.align.fixed import FixedBead
from bitext.document import Document
from bitext.errors import InputError

FORMAT = "bitext-corrections"
VERSION = 1
STATUSES: tuple[BeadStatus, ...] = ("edited", "confirmed")


class CorrectionsWarning(UserWarning):
    """A corrected bead that does not fit the documents any more and was left out."""


def fingerprint(document: Document) -> str:
    """sha256 of the document's text (UTF-8): the page and the corrections file name documents by it."""
    return hashlib.sha256(document.text.encode("utf-8")).hexdigest()


def content_fingerprint(document: Document) -> str:
    """sha256 of the document's text without its white space: the same for one text read from a .txt file,
    a DOCX or an HTML page, whose line breaks and spaces differ (a file saved on one fits the others)."""
    return hashlib.sha256("".join(document.text.split()).encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class CorrectedBead:
    zh: tuple[int, ...]
    en: tuple[int, ...]
    at: tuple[int, int]
    status: BeadStatus
    time: str = ""
    zh_text: tuple[str, ...] = ()
    en_text: tuple[str, ...] = ()


@dataclass(frozen=True)
class Corrections:
    """A corrections file: both documents' fingerprints and the beads a person edited or confirmed."""

    zh_sha256: str
    en_sha256: str
    beads: tuple[CorrectedBead, ...]
    saved: str = ""
    zh_sentences: int = -1
    en_sentences: int = -1
    zh_content_sha256: str = ""  # content_fingerprint; empty in files saved before bitext wrote it
    en_content_sha256: str = ""

    def fixed_beads(self, zh: Document, en: Document) -> list[FixedBead]:
        """The beads placed on these documents, in order; each that no longer fits is warned about and left out.

        Raises :class:`InputError` when the fingerprints are not those of ``zh`` and ``en``."""
        for side, document, expected, content in (
            ("Chinese", zh, self.zh_sha256, self.zh_content_sha256),
            ("English", en, self.en_sha256, self.en_content_sha256),
        ):
            if fingerprint(document) != expected and not (content and content_fingerprint(document) == content):
                raise InputError(
                    f"the corrections were saved for another {side} document (sha256 {expected[:12]}…, "
                    f"this one is {fingerprint(document)[:12]}…)"
                )
        placed, problems = _place(self, zh, en)
        for problem in problems:
            warnings.warn(problem, CorrectionsWarning, stacklevel=2)
        return placed

    def to_json(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "version": VERSION,
            "saved": self.saved,
            "zh": {"sha256": self.zh_sha256, "content_sha256": self.zh_content_sha256, "sentences": self.zh_sentences},
            "en": {"sha256": self.en_sha256, "content_sha256": self.en_content_sha256, "sentences": self.en_sentences},
            "beads": [
                {
                    "zh": list(b.zh),
                    "en": list(b.en),
                    "at": list(b.at),
                    "status": b.status,
                    "time": b.time,
                    "zh_text": list(b.zh_text),
                    "en_text": list(b.en_text),
                }
                for b in self.beads
            ],
        }


def corrections_for(zh: Document, en: Document, beads: Sequence[Bead], saved: str = "") -> Corrections:
    """The corrections file of an alignment's non-automatic beads (what the review page saves)."""
    saved = saved or datetime.now(timezone.utc).isoformat(timespec="seconds")
    listed, zh_at, en_at = [], 0, 0
    for bead in beads:
        if bead.status != "automatic":
            listed.append(
                CorrectedBead(
                    bead.zh,
                    bead.en,
                    (zh_at, en_at),
                    bead.status,
                    saved,
                    tuple(zh.sentences[i].text for i in bead.zh),
                    tuple(en.sentences[j].text for j in bead.en),
                )
            )
        zh_at, en_at = zh_at + len(bead.zh), en_at + len(bead.en)
    return Corrections(
        fingerprint(zh),
        fingerprint(en),
        tuple(listed),
        saved,
        len(zh),
        len(en),
        content_fingerprint(zh),
        content_fingerprint(en),
    )


def read_corrections(source: str | Path) -> Corrections:
    """Read and check a corrections file; :class:`InputError` (one line) if it is not one."""
    name = str(source)
    try:
        data = json.loads(Path(source).read_text(encoding="utf-8"))
    except OSError as error:
        raise InputError(f"{name}: cannot be read ({error.strerror or error})") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise InputError(f"{name}: not a corrections file (not JSON: {error})") from None
    return parse_corrections(data, name)


def parse_corrections(data: Any, name: str = "<corrections>") -> Corrections:
    """A corrections file's parsed JSON, checked field by field."""

    def fail(what: str) -> InputError:
        return InputError(f"{name}: not a bitext corrections file ({what})")

    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise fail(f'"format" is not "{FORMAT}"')
    if data.get("version") != VERSION:
        raise fail(f"version {data.get('version')!r}; this bitext reads version {VERSION}")
    sides = []
    for side in ("zh", "en"):
        info = data.get(side)
        if not isinstance(info, dict) or not _is_hex(info.get("sha256")):
            raise fail(f'"{side}" has no sha256 fingerprint')
        count = info.get("sentences", -1)
        content = info.get("content_sha256", "")
        if content and not _is_hex(content):
            raise fail(f'"{side}" has a malformed content_sha256')
        sides.append((info["sha256"], count if isinstance(count, int) else -1, content))
    if not isinstance(data.get("beads"), list):
        raise fail('"beads" is not a list')
    beads = tuple(_bead(item, number, fail) for number, item in enumerate(data["beads"]))
    saved = data.get("saved", "")
    return Corrections(
        sides[0][0],
        sides[1][0],
        beads,
        saved if isinstance(saved, str) else "",
        sides[0][1],
        sides[1][1],
        sides[0][2],
        sides[1][2],
    )


def _is_hex(value: Any) -> bool:
    return isinstance(value, str) and len(value) == 64 and all(c in "0123456789abcdef" for c in value)


def _bead(item: Any, number: int, fail: Any) -> CorrectedBead:
    if not isinstance(item, dict):
        raise fail(f"bead {number} is not an object")
    zh, en, at = item.get("zh"), item.get("en"), item.get("at")
    for key, ids in (("zh", zh), ("en", en)):
        if not isinstance(ids, list) or not all(isinstance(i, int) and i >= 0 for i in ids):
            raise fail(f'bead {number}: "{key}" is not a list of sentence ids')
        if ids and ids != list(range(ids[0], ids[0] + len(ids))):
            raise fail(f'bead {number}: "{key}" ids are not consecutive')
    if not (isinstance(at, list) and len(at) == 2 and all(isinstance(a, int) and a >= 0 for a in at)):
        raise fail(f'bead {number}: "at" is not a [zh, en] node')
    assert isinstance(zh, list) and isinstance(en, list)
    if not zh and not en:
        raise fail(f"bead {number} is empty")
    if (zh and zh[0] != at[0]) or (en and en[0] != at[1]):
        raise fail(f'bead {number}: "at" {at} is not where its sentences start')
    status = item.get("status")
    if status not in STATUSES:
        raise fail(f"bead {number}: status {status!r} is not one of {', '.join(STATUSES)}")
    texts = []
    for key, ids in (("zh_text", zh), ("en_text", en)):
        text = item.get(key, [])
        if not isinstance(text, list) or not all(isinstance(t, str) for t in text) or (text and len(text) != len(ids)):
            raise fail(f'bead {number}: "{key}" is not one text per sentence')
        texts.append(tuple(text))
    time = item.get("time", "")
    return CorrectedBead(
        tuple(zh), tuple(en), (at[0], at[1]), status, time if isinstance(time, str) else "", texts[0], texts[1]
    )


def _place(corrections: Corrections, zh: Document, en: Document) -> tuple[list[FixedBead], list[str]]:
    """Each bead on the documents as they are segmented now, in order; what does not fit, said why."""
    zh_texts, en_texts = zh.sentence_texts(), en.sentence_texts()
    resplit = (
        _resplit(corrections, zh_texts, "zh", corrections.zh_sentences),
        _resplit(corrections, en_texts, "en", corrections.en_sentences),
    )
    placed: list[FixedBead] = []
    problems: list[str] = []
    candidates = []
    for number, bead in enumerate(corrections.beads):
        where = []
        for side, ids, texts, sentences, at, moved in (
            ("Chinese", bead.zh, bead.zh_text, zh_texts, bead.at[0], resplit[0]),
            ("English", bead.en, bead.en_text, en_texts, bead.at[1], resplit[1]),
        ):
            start = _locate(ids, texts, sentences, at, moved)
            if start is None:
                problems.append(f"corrected bead {number} ({bead.status}) left out: its {side} {_what(ids, moved)}")
                break
            where.append((start, start + len(ids)))
        else:
            candidates.append((number, bead, where))
    zh_at = en_at = 0
    for number, bead, ((zh_start, zh_end), (en_start, en_end)) in sorted(candidates, key=lambda c: c[2]):
        if zh_start < zh_at or en_start < en_at:
            problems.append(f"corrected bead {number} ({bead.status}) left out: it overlaps an earlier corrected bead")
            continue
        placed.append(FixedBead(zh_start, zh_end, en_start, en_end, bead.status))
        zh_at, en_at = zh_end, en_end
    return placed, problems


def _resplit(corrections: Corrections, sentences: list[str], key: str, count: int) -> bool:
    """Whether this side's sentences are not those the file was made on (another segmentation)."""
    if count >= 0 and count != len(sentences):
        return True
    for bead in corrections.beads:
        ids, texts = (bead.zh, bead.zh_text) if key == "zh" else (bead.en, bead.en_text)
        if ids and (ids[-1] >= len(sentences) or (texts and tuple(sentences[i] for i in ids) != texts)):
            return True
    return False


def _locate(ids: tuple[int, ...], texts: tuple[str, ...], sentences: list[str], at: int, moved: bool) -> int | None:
    """Where the bead's side starts now: its own ids if they still hold its texts, else the nearest run of
    sentences with exactly those texts; an empty side keeps its node unless the side was re-split."""
    if not ids:
        return at if not moved and at <= len(sentences) else None
    if ids[-1] < len(sentences) and (not texts or tuple(sentences[i] for i in ids) == texts):
        return ids[0]
    if not texts:
        return None
    starts = [
        start
        for start in range(len(sentences) - len(texts) + 1)
        if sentences[start] == texts[0] and tuple(sentences[start : start + len(texts)]) == texts
    ]
    return min(starts, key=lambda start: (abs(start - at), start)) if starts else None


def _what(ids: tuple[int, ...], moved: bool) -> str:
    if not ids:
        return "side is empty and its place among the re-split sentences is unknown"
    return "sentences' texts are no longer sentences of the document" if moved else "sentence ids are out of range"
