"""HTML → text with the standard library's ``html.parser``: the main text, not the navigation.

A page's text is what stands in ``<main>`` or, failing that, its ``<article>`` elements, or failing
both, ``<body>``; everything inside ``<nav> <header> <footer> <aside> <form> <script> <style>
<noscript> <template> <svg> <button> <select>`` is left out (menus, cookie banners and share buttons
are the same on both sides of a bilingual site and would align with each other, not with the text).
Each block element (``p h1–h6 li dt dd blockquote pre td th caption figcaption div br``) ends a line;
inline markup disappears and runs of spaces and newlines inside a block become one space, as a browser
shows them. An ordered list's items get their number ("1."), which aligns with the translation's.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from bitext.document import Lang
from bitext.inputs.base import Extracted
from bitext.reading import decode_bytes

_SKIP = frozenset("nav header footer aside form script style noscript template svg button select iframe".split())
_BLOCKS = frozenset(
    "p h1 h2 h3 h4 h5 h6 li dt dd blockquote pre td th caption figcaption div br tr section article main "
    "table ul ol dl title hr figure address".split()
)
_VOID = frozenset("br hr img input meta link area base col embed source track wbr".split())
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_-]+)""", re.IGNORECASE)
_SPACES = re.compile(r"[ \t\r\n\f\v]+")  # HTML's whitespace; U+3000 and no-break spaces are text


class _MainText(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.skipping = 0
        self.regions: dict[str, list[list[str]]] = {"main": [], "article": [], "body": []}
        self.open_regions: list[str] = []
        self.current: list[str] = []
        self.ordered: list[int] = []  # the next item number of each open <ol>; -1 for <ul>

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP or any(name == "hidden" for name, _ in attrs):
            if tag not in _VOID:
                self.skipping += 1
                self.stack.append(f"skip:{tag}")
            return
        if tag in _BLOCKS:
            self._end_line()
        if tag in self.regions:
            self.open_regions.append(tag)
            self.regions[tag].append([])
        if tag == "ol":
            start = dict(attrs).get("start") or "1"
            self.ordered.append(int(start) if start.isdigit() else 1)
        elif tag == "ul":
            self.ordered.append(-1)
        elif tag == "li" and self.ordered and self.ordered[-1] >= 0 and not self.skipping:
            self.current.append(f"{self.ordered[-1]}. ")
            self.ordered[-1] += 1
        if tag not in _VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        while self.stack:
            top = self.stack.pop()
            if top.startswith("skip:"):
                self.skipping -= 1
            else:
                if top in _BLOCKS:
                    self._end_line()
                if top in ("ol", "ul") and self.ordered:
                    self.ordered.pop()
                if top in self.regions and self.open_regions:
                    self.open_regions.pop()
            if top in (tag, f"skip:{tag}"):
                break

    def handle_data(self, data: str) -> None:
        if not self.skipping and "title" not in self.stack and "head" not in self.stack:
            self.current.append(data)

    def _end_line(self) -> None:
        line = _SPACES.sub(" ", "".join(self.current)).strip()
        self.current = []
        if not line:
            return
        for region in {*self.open_regions, "body"}:
            if self.regions[region]:
                self.regions[region][-1].append(line)
            elif region == "body":
                self.regions["body"].append([line])

    def main_lines(self) -> list[str]:
        self._end_line()
        for region in ("main", "article", "body"):
            lines = [line for block in self.regions[region] for line in block]
            if lines:
                return lines
        return []


def extract(data: bytes, name: str, lang: Lang, encoding: str | None = None) -> Extracted:
    declared = _CHARSET.search(data[:4096])
    chosen = encoding or (declared.group(1).decode("ascii") if declared else None)
    decoded = decode_bytes(data, name=name, encoding=chosen)
    parser = _MainText()
    parser.feed(decoded.text)
    parser.close()
    return Extracted("\n".join(parser.main_lines()) + "\n", f"html {decoded.encoding}")
