"""Numbers: every number written with digits (or a Chinese numeral with units) must have an equal on the other side.

The other side may spell it in words (three, August, 兩成), so the pool it is looked up in is larger; both
come from :func:`bitext.resources.numbers.read_numbers`.
"""

from __future__ import annotations

import math
import re

from bitext.align.beads import Alignment
from bitext.qa.flags import Flag, Level, QASettings
from bitext.resources.numbers import ROC_OFFSET, Reading, may_have_required, plain_number, read_numbers
from bitext.segment.labels import item_number


def number_flags(alignment: Alignment, settings: QASettings) -> list[Flag]:
    flags: list[Flag] = []
    # a bead's flags depend on its two texts only: a repeated bead (a heading, a refrain) is read once
    read: dict[tuple[str, str], list[tuple[Level, str, str]]] = {}
    # Chinese hard-wrapped every N characters breaks lines anywhere, also inside a number (2 ⏎ 007 for 2007)
    zh_wrapped = alignment.zh.layout.startswith("wrapped")
    for number, bead in enumerate(alignment.beads):
        if not bead.is_aligned:
            continue
        texts = (_unwrapped_digits(alignment.zh_text(bead), zh_wrapped), alignment.en_text(bead))
        found = read.get(texts)
        if found is None:
            found = read[texts] = _bead_flags(*texts, settings)
        flags.extend(Flag(number, level, code, message) for level, code, message in found)
    return flags


# A wrap inside a number: between two digits, or beside its decimal point or thousands comma (18.\n5億).
_DIGITS_CUT = re.compile(r"(?<=\d)\n(?=[.,．]?\d)|(?<=\d[.,．])\n(?=\d)")


def _unwrapped_digits(text: str, wrapped: bool) -> str:
    """A wrapped Chinese text with its numbers whole again: a line break inside a number (between two digits,
    or beside its decimal point or thousands comma) is the wrap's."""
    return _DIGITS_CUT.sub("", text) if wrapped and "\n" in text else text


def _bead_flags(zh_text: str, en_text: str, settings: QASettings) -> list[tuple[Level, str, str]]:
    """(level, code, message) of the number flags of a bead with these texts."""
    items = _item_flag(zh_text, en_text)
    if items is not None:
        return [("error", "number-mismatch", items)]
    if not (may_have_required(zh_text, "zh") or may_have_required(en_text, "en")):
        return []  # only a required number is ever flagged (missing or rounded): none can be here
    zh = read_numbers(zh_text, "zh")
    en = read_numbers(en_text, "en")
    zh_missing, zh_rounded = _unmatched(zh, en, settings)
    en_missing, _ = _unmatched(en, zh, settings)
    flags: list[tuple[Level, str, str]] = []
    if zh_missing or en_missing:
        flags.append(("error", "number-mismatch", _mismatch_message(zh_missing, en_missing)))
    for found, close in zh_rounded:  # reported from the Chinese side only, so once per pair
        message = f"{_describe(found)} in the Chinese matches {plain_number(close)} only after rounding"
        flags.append(("info", "number-rounded", message))
    return flags


def _unmatched(
    ours: list[Reading], theirs: list[Reading], settings: QASettings
) -> tuple[list[Reading], list[tuple[Reading, float]]]:
    """Required numbers of ``ours`` with no equal in ``theirs``, and those equal only after rounding."""
    missing: list[Reading] = []
    rounded = []
    values = [value for found in theirs for value in found.values]
    for found in ours:
        if not found.required or any(
            math.isclose(mine, v, rel_tol=1e-9, abs_tol=1e-9) for mine in found.values for v in values
        ):
            continue
        close = [v for v in values if math.isclose(found.value, v, rel_tol=settings.number_tolerance)]
        if close:
            rounded.append((found, close[0]))
        elif found.text not in {m.text for m in missing}:
            missing.append(found)
    return missing, rounded


def _mismatch_message(zh_missing: list[Reading], en_missing: list[Reading]) -> str:
    zh = ", ".join(_describe(found) for found in zh_missing)
    en = ", ".join(_describe(found) for found in en_missing)
    if zh and en:
        return f"numbers differ: {zh} in the Chinese, {en} in the English"
    if zh:
        return f"{zh} in the Chinese {'is' if len(zh_missing) == 1 else 'are'} missing from the English"
    return f"{en} in the English {'is' if len(en_missing) == 1 else 'are'} missing from the Chinese"


_PLAIN_NUMBER = re.compile(r"[\d,.]+\s*%?")


def _describe(found: Reading) -> str:
    """The number as written, with its value when the writing alone does not show it (47億 = 4,700,000,000)."""
    year = ""
    if found.alternatives == (found.value + ROC_OFFSET,):  # 中華民國九十年: the translation may give 2001
        year = f"; as a year of the Republic of China, {plain_number(found.alternatives[0]).replace(',', '')}"
    if _PLAIN_NUMBER.fullmatch(found.text) and not year:
        return found.text
    return f"{found.text} (= {plain_number(found.value)}{year})"


def _item_labels(text: str, kinds: tuple[str, ...]) -> list[int]:
    """The numbers of the numbered list items (三、…, 4. …, (2) …) opening the lines of ``text``, for labels of these
    kinds ("一" Chinese numerals, "1" digits)."""
    found = []
    for line in text.split("\n"):
        label = item_number(line.strip())
        if label is not None and any(kind in label[0] for kind in kinds):
            found.append(label[1])
    return found


def _item_flag(zh_text: str, en_text: str) -> str | None:
    """A message when both sides of a bead open lines with numbered list items and the numbers differ: a list item
    the translation left out is merged into its neighbour's bead (三、蒐集… | 四、處理… with only "4. processing …",
    a user trial on Taiwan's Personal Data Protection Act), which no other check sees."""
    if "\n" not in zh_text and "\n" not in en_text and not (zh_text[:1].isdigit() or "、" in zh_text[:4]):
        return None
    zh = _item_labels(zh_text, ("一", "1"))
    en = _item_labels(en_text, ("1",))
    if not zh or not en or sorted(zh) == sorted(en):
        return None
    return f"list items differ: {', '.join(map(str, zh))} in the Chinese, {', '.join(map(str, en))} in the English"
