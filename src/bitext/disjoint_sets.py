"""Disjoint sets (union–find) over the numbers 0..n-1: which rows name one entity, in the entity table
and in the QA entity check alike."""

from __future__ import annotations


class DisjointSets:
    def __init__(self, size: int) -> None:
        self.parent = list(range(size))

    def find(self, item: int) -> int:
        """The representative of ``item``'s set (paths halved on the way, so finds stay near constant)."""
        parent = self.parent
        while parent[item] != item:
            parent[item] = parent[parent[item]]
            item = parent[item]
        return item

    def union(self, keep: int, other: int) -> None:
        """Join ``other``'s set to ``keep``'s; ``keep``'s representative stays the representative."""
        self.parent[self.find(other)] = self.find(keep)
