"""Union–find against connected components found by a plain graph search."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from bitext.disjoint_sets import DisjointSets


def _components(size: int, links: list[tuple[int, int]]) -> set[frozenset[int]]:
    neighbours: dict[int, set[int]] = {k: set() for k in range(size)}
    for a, b in links:
        neighbours[a].add(b)
        neighbours[b].add(a)
    seen: set[int] = set()
    groups = set()
    for start in range(size):
        if start in seen:
            continue
        group, stack = set(), [start]
        while stack:
            node = stack.pop()
            if node not in group:
                group.add(node)
                stack.extend(neighbours[node] - group)
        seen |= group
        groups.add(frozenset(group))
    return groups


@given(
    st.integers(1, 30).flatmap(
        lambda n: st.tuples(st.just(n), st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1))))
    )
)
def test_sets_are_the_connected_components_and_keep_the_first_representative(
    case: tuple[int, list[tuple[int, int]]],
) -> None:
    size, links = case
    sets = DisjointSets(size)
    for a, b in links:
        keep = sets.find(a)
        sets.union(a, b)
        assert sets.find(b) == keep
    found: dict[int, set[int]] = {}
    for k in range(size):
        found.setdefault(sets.find(k), set()).add(k)
    assert {frozenset(group) for group in found.values()} == _components(size, links)
