# Stub of the optional C extension built from _search.c (bitext.align.search calls it).
from typing import Any

def viterbi_back(
    lo: Any, hi: Any, offsets: Any, flat: Any, is_double: bool, di: Any, dj: Any, skip: int, out: Any, /
) -> None: ...
def forward_sums(
    lo: Any, hi: Any, offsets: Any, flat: Any, is_double: bool, di: Any, dj: Any, skip: int, out: Any, /
) -> None: ...
def backward_sums(
    lo: Any, hi: Any, offsets: Any, flat: Any, is_double: bool, di: Any, dj: Any, skip: int, out: Any, /
) -> None: ...
