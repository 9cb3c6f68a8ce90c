"""Subtitles (SubRip ``.srt``, WebVTT ``.vtt``) → text: each cue's text on one line, in order.

The cue numbers, the timings (``00:00:01,000 --> 00:00:03,500`` and a WebVTT cue's settings), the
``WEBVTT`` header, ``NOTE`` / ``STYLE`` / ``REGION`` blocks and the formatting tags (``<i>``, ``<font …>``,
``{\\an8}``) are not text and are left out; a cue's lines are joined as a renderer shows them (a space in
English, nothing in Chinese). One cue a line: a subtitle file has no paragraphs, and Chinese subtitles
often have no sentence-final punctuation, so the cue is the unit a sentence may not run past; a sentence
running over two cues becomes two segments, which the aligner pairs as a 2-1 or 1-2 bead.
"""

from __future__ import annotations

import re

from bitext.document import Lang
from bitext.inputs.base import Extracted
from bitext.reading import decode_bytes

_TIMING = re.compile(r"^\s*(?:\d+:)?\d{1,2}:\d{2}[.,]\d{1,3}\s*-->\s*(?:\d+:)?\d{1,2}:\d{2}[.,]\d{1,3}")
_TAG = re.compile(r"</?[a-zA-Z][^>]*>|\{\\[^}]*\}")
_VTT_BLOCK = re.compile(r"^(?:NOTE|STYLE|REGION)(?:\s|$)")


def extract(data: bytes, name: str, lang: Lang, encoding: str | None = None) -> Extracted:
    decoded = decode_bytes(data, name=name, encoding=encoding)
    joiner = "" if lang == "zh" else " "
    cues: list[str] = []
    for block in re.split(r"\n[ \t]*\n", decoded.text.replace("\r\n", "\n")):
        lines = [line.strip() for line in block.strip("\n").split("\n")]
        timing = next((k for k, line in enumerate(lines) if _TIMING.match(line)), None)
        if timing is None or _VTT_BLOCK.match(lines[0]):
            continue  # the WEBVTT header, a NOTE, a stray number: no cue text
        text = joiner.join(_TAG.sub("", line).strip() for line in lines[timing + 1 :])
        text = " ".join(text.split())
        if text:
            cues.append(text)
    return Extracted("\n".join(cues), f"subtitles {decoded.encoding}")
