"""A scripted translator in the review page: fixes every bead that differs from a gold alignment, using only the
page's own controls (a click to pick a bead, its keys and toolbar buttons), and counts the actions it took.

Used by tests/test_html_browser.py and benchmarks/editor_actions.py. Beads are grid rectangles
``(zh_start, zh_end, en_start, en_end)``, as the page's ``data-zh``/``data-en`` attributes give them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

Shape = tuple[int, int, int, int]


def shapes_of(pairs: Sequence[tuple[Sequence[int], Sequence[int]]]) -> list[Shape]:
    """(zh ids, en ids) beads, in order, as grid rectangles (an empty side placed where the path is)."""
    shapes, zh_at, en_at = [], 0, 0
    for zh, en in pairs:
        shapes.append((zh_at, zh_at + len(zh), en_at, en_at + len(en)))
        zh_at, en_at = zh_at + len(zh), en_at + len(en)
    return shapes


def page_shapes(page: Any) -> list[Shape]:
    cells = page.eval_on_selector_all("main#beads > article.bead", "els => els.map(e => [e.dataset.zh, e.dataset.en])")
    out = []
    for zh, en in cells:
        z0, z1 = (int(x) for x in zh.split("-"))
        e0, e1 = (int(x) for x in en.split("-"))
        out.append((z0, z1, e0, e1))
    return out


def next_action(current: Sequence[Shape], gold: Sequence[Shape]) -> tuple[int, str, tuple[int, int]] | None:
    """The next edit at the first bead that differs: a split when the bead holds the gold bead, a move of one
    sentence when one sentence is missing, else a merge with the next bead (then a split, next time round)."""
    first = next((k for k, (c, g) in enumerate(zip(current, gold, strict=False)) if c != g), None)
    if first is None:
        return None
    c, g = current[first], gold[first]
    if c[1] >= g[1] and c[3] >= g[3]:
        return first, "split", (g[1] - g[0], g[3] - g[2])
    following = current[first + 1]
    if g[1] - c[1] == 1 and g[3] == c[3] and following[1] > following[0]:
        return first + 1, "zh-first-prev", (0, 0)
    if g[3] - c[3] == 1 and g[1] == c[1] and following[3] > following[2]:
        return first + 1, "en-first-prev", (0, 0)
    return first, "merge-next", (0, 0)


@dataclass
class Session:
    page: Any
    actions: dict[str, int] = field(default_factory=dict)

    def pick(self, number: int) -> None:
        self.page.click(f"#b{number} .meta .type")

    def do(self, number: int, action: str, cut: tuple[int, int]) -> None:
        self.pick(number)
        if action == "merge-next":
            self.page.keyboard.press("m")
        elif action == "split":
            self.page.keyboard.press("s")
            self.page.select_option(".split-panel select[name=zh]", str(cut[0]))
            self.page.select_option(".split-panel select[name=en]", str(cut[1]))
            self.page.click(".split-panel button[type=submit]")
        else:  # the moves through the toolbar's buttons
            self.page.click(f'.editbar button[data-action="{action}"]')
        self.actions[action] = self.actions.get(action, 0) + 1

    def fix(self, gold: Sequence[Shape], limit: int = 2000) -> int:
        """Edit until the page shows ``gold``; the number of edits made."""
        for _ in range(limit):
            step = next_action(page_shapes(self.page), gold)
            if step is None:
                return sum(self.actions.values())
            self.do(*step)
        raise AssertionError("the page did not reach the gold alignment")
