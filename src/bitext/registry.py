"""Members of a family (scorers, output formats, sentence splitters) by name.

One small class, so every family is extended the same way: write the member's module against the
family's protocol, register it under a name, and users pick it by that name. An unknown name is one
clear error that lists the known ones.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Generic, TypeVar

from bitext.errors import BitextError

T = TypeVar("T")


class Registry(Generic[T]):
    """Name → member (a class or a factory), in registration order (the first is the family's default)."""

    def __init__(self, family: str, members: Mapping[str, T] | None = None, error: type[Exception] = BitextError):
        self.family = family
        self.error = error
        self._members: dict[str, T] = {}
        for name, member in (members or {}).items():
            self.register(name, member)

    def register(self, name: str, member: T) -> T:
        """Add ``member`` as ``name``; a name already taken is an error, never a silent replacement."""
        if name in self._members:
            raise ValueError(f"{self.family} {name!r} is registered already")
        self._members[name] = member
        return member

    def unregister(self, name: str) -> None:
        self.get(name)
        del self._members[name]

    def names(self) -> tuple[str, ...]:
        return tuple(self._members)

    def get(self, name: str) -> T:
        if name not in self._members:
            raise self.error(f"unknown {self.family} {name!r}; choose one of: {', '.join(self._members)}")
        return self._members[name]

    def __contains__(self, name: object) -> bool:
        return name in self._members

    def __iter__(self) -> Iterator[str]:
        return iter(self._members)

    def __len__(self) -> int:
        return len(self._members)

    def __repr__(self) -> str:
        return f"Registry({self.family!r}: {', '.join(self._members)})"
