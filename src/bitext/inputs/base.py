"""What a format reader returns: the text, how it was read, and any furniture the format itself shows."""

from __future__ import annotations

import re
from dataclasses import dataclass

# Control characters a library may leave in extracted text (a font without a Unicode map); they are
# shown as a space, not refused: the text is made here, not a file's bytes.
CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")


@dataclass(frozen=True)
class Extracted:
    """``text`` every span will index; ``how`` (``"docx"``, ``"pdf (pypdf 7.1.1)"``, ``"html utf-8"``) goes
    into the settings as the document's encoding; ``furniture``: offsets the format marks as page furniture
    (a PDF's margin lines), added to what the layout reader finds."""

    text: str
    how: str
    furniture: tuple[tuple[int, int], ...] = ()
