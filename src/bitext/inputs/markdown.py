"""Markdown → text with markdown-it-py (MIT, CommonMark): the prose without its markup.

Each block (heading, paragraph, list item, table cell, quotation) is one line; emphasis, links,
images and inline code lose their markup and keep their text (an image its alternative text). A
paragraph's soft line breaks (hard-wrapped source) become a space in English and nothing in Chinese,
as a renderer shows them. Ordered list items keep their number ("1."); fenced and indented code blocks
and raw HTML blocks are left out (code is not translated; HTML blocks are read as HTML).
"""

from __future__ import annotations

from typing import Any

from bitext.document import Lang
from bitext.inputs.base import Extracted
from bitext.reading import decode_bytes


def extract(data: bytes, name: str, lang: Lang, encoding: str | None = None) -> Extracted:
    from markdown_it import MarkdownIt

    decoded = decode_bytes(data, name=name, encoding=encoding)
    tokens = MarkdownIt("commonmark").enable("table").parse(decoded.text)
    soft_break = "" if lang == "zh" else " "
    lines: list[str] = []
    numbers: list[int] = []  # the next number of each open list; -1 for a bullet list
    label = ""
    for token in tokens:
        if token.type == "ordered_list_open":
            numbers.append(int(token.attrGet("start") or 1))
        elif token.type == "bullet_list_open":
            numbers.append(-1)
        elif token.type in ("ordered_list_close", "bullet_list_close"):
            numbers.pop()
        elif token.type == "list_item_open" and numbers and numbers[-1] >= 0:
            label = f"{numbers[-1]}. "
            numbers[-1] += 1
        elif token.type == "inline":
            text = _inline_text(token.children or [], soft_break).strip()
            if text:
                lines.append(label + text)
            label = ""
    return Extracted("\n".join(lines) + "\n", f"markdown {decoded.encoding}")


def _inline_text(children: list[Any], soft_break: str) -> str:
    parts = []
    for child in children:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type == "softbreak":
            parts.append(soft_break)
        elif child.type == "hardbreak":
            parts.append(" ")
        elif child.type == "image":
            parts.append(_inline_text(child.children or [], soft_break))
    return "".join(parts)
