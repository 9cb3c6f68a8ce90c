"""Files → Document: plain text, DOCX, PDF, HTML and Markdown, each read to text, then segmented.

Each format is one module with ``extract(data, name, lang) -> str`` (a :class:`Reader`); the text
it returns is the document's text from then on, and every span indexes it (``--format jsonl`` writes
it in the header for formats other than plain text). The format is chosen by the file's suffix, and
a PDF or DOCX without one is recognised by its first bytes. The libraries are optional extras
(``pip install 'bitext[documents]'``); a missing one is a one-line error naming the extra. A file the
library cannot open (damaged, encrypted, a PDF without a text layer) is a one-line
:class:`~bitext.errors.InputError`.
"""

from __future__ import annotations

import dataclasses
from importlib import import_module
from pathlib import Path
from typing import Protocol

from bitext.document import Document, Lang
from bitext.errors import InputError
from bitext.inputs.base import CONTROL, Extracted
from bitext.reading import decode_bytes, normalise_text, read_bytes
from bitext.segment import SentenceSplitter, segment

# format -> (module, suffixes)
FORMATS: dict[str, tuple[str, tuple[str, ...]]] = {
    "docx": ("bitext.inputs.docx", (".docx",)),
    "pdf": ("bitext.inputs.pdf", (".pdf",)),
    "html": ("bitext.inputs.html", (".html", ".htm", ".xhtml")),
    "markdown": ("bitext.inputs.markdown", (".md", ".markdown")),
    "subtitles": ("bitext.inputs.subtitles", (".srt", ".vtt")),
}
# Packages each reader needs, for the one-line error when one is missing.
_EXTRA = "pip install 'bitext[documents]'"


class Reader(Protocol):
    """A format module's ``extract``: the text, how it was read, furniture it marks."""

    def __call__(self, data: bytes, name: str, lang: Lang, encoding: str | None = None) -> Extracted: ...


def format_of(name: str, data: bytes) -> str:
    """``text``, ``docx``, ``pdf``, ``html``, ``markdown`` or ``subtitles``: by suffix, else by the first bytes."""
    suffix = Path(name).suffix.lower()
    for fmt, (_module, suffixes) in FORMATS.items():
        if suffix in suffixes:
            return fmt
    if data.startswith(b"%PDF-"):
        return "pdf"
    if data.startswith(b"PK\x03\x04") and b"word/" in data[:4096]:
        return "docx"
    return "text"


def extract_text(data: bytes, name: str, lang: Lang, encoding: str | None = None) -> Extracted:
    """The text of a file's bytes, how it was read (``"utf-8"``, ``"docx"``, ``"pdf (pypdf 7.1.1)"``, ``"html
    utf-8"``…) and any furniture the format marks."""
    fmt = format_of(name, data)
    if fmt == "text":
        decoded = decode_bytes(data, name=name, encoding=encoding)
        return Extracted(decoded.text, decoded.encoding)
    module_name = FORMATS[fmt][0]
    try:
        module = import_module(module_name)
    except ModuleNotFoundError as missing:
        raise InputError(f"{name}: reading {fmt.upper()} needs the package {missing.name!r}: {_EXTRA}") from None
    extracted: Extracted = module.extract(data, name, lang, encoding)
    # What a library extracts is text made here, not a file's bytes: its line ends are normalised and
    # a stray control character is shown as a space, not refused (readers that mark furniture have
    # done both already, so the offsets hold).
    text = CONTROL.sub(" ", normalise_text(extracted.text))
    if not text.strip():
        raise InputError(f"{name}: no text found in this {fmt.upper()} file")
    if len(text) != len(extracted.text):
        return Extracted(text, extracted.how)
    return Extracted(text, extracted.how, extracted.furniture)


def read_document(
    path: str | Path,
    lang: Lang,
    *,
    encoding: str | None = None,
    layout: str = "auto",
    presegmented: bool = False,
    data: bytes | None = None,
    name: str | None = None,
    splitter: str | SentenceSplitter = "",
) -> Document:
    """Read ``path`` (or ``data``, e.g. standard input, named ``name``) in whatever format it is and segment it."""
    name = str(path) if name is None else name
    if data is None:
        data = read_bytes(path)
    extracted = extract_text(data, name, lang, encoding)
    document = segment(
        extracted.text,
        lang,
        presegmented=presegmented,
        name=name,
        layout=layout,
        splitter=splitter,
        furniture=extracted.furniture,
    )
    return dataclasses.replace(document, encoding=extracted.how)
