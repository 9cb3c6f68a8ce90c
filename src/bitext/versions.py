"""Versions of bitext and the libraries whose behaviour shapes its output, for export signatures."""

from __future__ import annotations

from functools import lru_cache
from importlib import metadata

_TRACKED = ("bitext", "opencc", "rjieba")


@lru_cache(maxsize=1)
def versions() -> dict[str, str]:
    found = {}
    for package in _TRACKED:
        try:
            found[package] = metadata.version(package)
        except metadata.PackageNotFoundError:
            found[package] = "unknown"
    return found
