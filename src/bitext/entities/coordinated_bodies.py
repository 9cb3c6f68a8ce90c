"""Bodies named together under one plural designator (issue 13, fresh10): "the Departments of Commerce,
Agriculture, and State" names three departments, each of which the Chinese writes whole (美國商務部、農業部
和國務院). Each member becomes a candidate whose key is the name it stands for ("Department of
Agriculture"), so the compositional signal that pairs 農業部 ↔ Department of Agriculture pairs it too; its
span is what the text writes: "Departments of Commerce" for the first member, "Agriculture" and "State"
for the others.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from bitext.resources.places import load_places

# plural designator → its singular (only plural forms that head a body's name "X of Y")
_SINGULAR: dict[str, str] = {
    "departments": "Department",
    "ministries": "Ministry",
    "bureaus": "Bureau",
    "bureaux": "Bureau",
    "offices": "Office",
    "councils": "Council",
    "committees": "Committee",
    "commissions": "Commission",
    "agencies": "Agency",
    "institutes": "Institute",
    "administrations": "Administration",
    "universities": "University",
    "banks": "Bank",
    "courts": "Court",
    "academies": "Academy",
    "foundations": "Foundation",
    "associations": "Association",
}
_MAX_MEMBER_WORDS = 4


class _WordLike(Protocol):
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def text(self) -> str: ...


def _capitalised(word: _WordLike) -> bool:
    return word.text[:1].isupper() and word.text.lower() not in ("and", "of", "the")


def _member_end(text: str, words: Sequence[_WordLike], j: int) -> int:
    """End (exclusive) of the capitalised member starting at word ``j``; ``j`` if none starts there."""
    k = j
    while (
        k < len(words)
        and k - j < _MAX_MEMBER_WORDS
        and _capitalised(words[k])
        and (k == j or text[words[k - 1].end : words[k].start] == " ")
    ):
        k += 1
    return k


def _members(text: str, words: Sequence[_WordLike], j: int) -> list[tuple[int, int]]:
    """Word ranges of "A, B(,) and C" from word ``j``; empty unless the list closes with "and" and a member."""
    members: list[tuple[int, int]] = []
    while True:
        k = _member_end(text, words, j)
        if k == j or k >= len(words):
            return []
        members.append((j, k))
        gap = text[words[k - 1].end : words[k].start]
        if words[k].text.lower() == "and" and gap in (" ", ", ") and k + 1 < len(words):
            if text[words[k].end : words[k + 1].start] != " ":
                return []
            last = _member_end(text, words, k + 1)
            return [*members, (k + 1, last)] if last > k + 1 else []
        if gap != ", ":
            return []
        j = k


def coordinated_members(text: str, words: Sequence[_WordLike]) -> list[tuple[int, int, str]]:
    """``(start, end, key)`` for each member of "Designators of A, B(,) and C" in ``words``: the first
    member's span starts at the designator; the key is "Designator of Member" in the singular."""
    found: list[tuple[int, int, str]] = []
    for i in range(len(words) - 2):
        head = words[i]
        singular = _SINGULAR.get(head.text.lower())
        if singular is None or not head.text[0].isupper() or words[i + 1].text != "of":
            continue
        members = _members(text, words, i + 2)
        names = [text[words[a].start : words[b - 1].end] for a, b in members]
        if any(load_places().is_place(name) for name in names):
            continue  # "the local Councils of Mongolia and Tibet": bodies of places, each place a name of its own
        for n, ((a, b), name) in enumerate(zip(members, names, strict=True)):
            start = head.start if n == 0 else words[a].start
            found.append((start, words[b - 1].end, f"{singular} of {name}"))
    return found
