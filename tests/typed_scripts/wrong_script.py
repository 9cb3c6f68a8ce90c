"""The control: the same API misused; ``mypy --strict`` must report every line marked below."""

from __future__ import annotations

import bitext

alignment = bitext.align("商湯。", "SenseTime.")
number: str = alignment.beads[0].index  # error: an int or None, not a str
bitext.evaluate(alignment, 3)  # error: not beads
bitext.align("商湯。", "SenseTime.", method="gale_church")  # error: not one of the aligners (a Literal)
