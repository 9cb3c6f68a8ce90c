"""The HTML review page: one self-contained file a translator opens to check an alignment.

Side-by-side beads coloured by confidence, QA flags inline, entity pairs highlighted on both sides in the same
colour, a filter for doubtful beads, j/k keyboard navigation, document figures at the top and an alignment-path
picture (inline SVG: Chinese sentence index across, English index down) that jumps to a bead when clicked.

It is also an alignment editor (review.js): merge, split, move a sentence to the neighbour, confirm, undo/redo,
autosaved in the browser's local storage under both documents' fingerprints, and "Save corrections" downloads
the file ``bitext align --corrections`` applies (:mod:`bitext.corrections`). For that the page carries, as one
JSON block, every sentence's text and the whitespace between sentences (to draw an edited bead), the beads as
sentence ranges, and the fingerprints.

Self-contained: the CSS and script (``review/``) are inlined, no font, image or script is fetched, every link is
an in-page ``#anchor``. Every piece of document text goes through :func:`html.escape`; C0 control characters are
shown as their visible Unicode pictures (U+2400…) so that hidden garbage in a text is seen, not swallowed.
Kept light for long documents: one element per bead and per path segment, no per-bead script, and
``content-visibility`` lets the browser skip laying out beads off screen.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterable
from importlib import resources
from pathlib import PurePath
from typing import IO, Any

from bitext.align.beads import Alignment, Bead
from bitext.corrections import FORMAT as CORRECTIONS_FORMAT
from bitext.corrections import VERSION as CORRECTIONS_VERSION
from bitext.corrections import content_fingerprint, fingerprint
from bitext.document import Document
from bitext.entities.model import EntityPair
from bitext.formats.base import Export, as_export, bead_types, mean_score, zh_language_tag
from bitext.qa import Flag, worst_level

HIGH_CONFIDENCE = 0.8
LOW_CONFIDENCE = 0.5
ENTITY_COLOURS = 10  # classes e0 … e9 in review.css
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f]")


def _asset(name: str) -> str:
    return resources.files("bitext.formats").joinpath("review").joinpath(name).read_text(encoding="utf-8")


def visible(text: str) -> str:
    """Escaped for HTML, with control characters turned into their visible pictures (␀ ␁ … ␡)."""
    shown = _CONTROL.sub(lambda m: chr(0x2400 + ord(m.group())) if m.group() != "\x7f" else "\u2421", text)
    return html.escape(shown, quote=True)


def confidence_class(score: float) -> str:
    if score >= HIGH_CONFIDENCE:
        return "conf-high"
    return "conf-mid" if score >= LOW_CONFIDENCE else "conf-low"


class HtmlWriter:
    name = "html"
    suffix = ".html"
    binary = False

    def write(self, export: Export | Alignment, out: IO[Any]) -> None:
        export = as_export(export)
        page = _Page(export)
        out.write(page.head())
        out.write(page.summary())
        out.write('<main id="beads" aria-label="beads">\n')
        for number, bead in export.beads():
            out.write(page.bead(number, bead))
        out.write("</main>\n")
        out.write(page.data())
        out.write(page.foot())


class _Page:
    def __init__(self, export: Export) -> None:
        self.export = export
        self.alignment = export.alignment
        self.zh_lang = zh_language_tag(self.alignment)
        pairs = list(export.entities) if export.entities is not None else []
        self.entity_index = {id(pair): k for k, pair in enumerate(pairs)}
        self._colours: dict[int, int] = {}  # id(pair) -> colour, set per page by _pick_colours
        self.nodes: list[tuple[int, int]] = []  # where each bead starts on the grid (places an empty side)
        zh_at = en_at = 0
        for bead in self.alignment.beads:
            self.nodes.append((zh_at, en_at))
            zh_at, en_at = zh_at + len(bead.zh), en_at + len(bead.en)

    # -- page frame ----------------------------------------------------------------------------------------

    def head(self) -> str:
        alignment = self.alignment
        names = (_file_name(alignment.zh.name) or "Chinese", _file_name(alignment.en.name) or "English")
        title = f"bitext review: {names[0]} ↔ {names[1]}"
        return (
            "<!DOCTYPE html>\n"
            '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f'<meta name="generator" content="bitext {visible(str(alignment.settings.get("bitext", "")))}">\n'
            f'<meta name="bitext-signature" content="{visible(alignment.signature)}">\n'
            f'<meta name="bitext-doc-id" content="{visible(self.export.document_id)}">\n'
            f"<title>{visible(title)}</title>\n<style>\n{_asset('review.css')}</style>\n</head>\n<body>\n"
        )

    def foot(self) -> str:
        return (
            "<footer><p>Made by bitext. Settings and versions: <code>"
            f"{visible(self.alignment.signature)}</code></p></footer>\n"
            f"<script>\n{_asset('review.js')}</script>\n</body>\n</html>\n"
        )

    def data(self) -> str:
        """What the editor needs to draw and save beads, as JSON that no ``</script>`` inside a text can end."""
        alignment = self.alignment
        beads, zh_at, en_at = [], 0, 0
        for bead in alignment.beads:
            zh_end, en_end = zh_at + len(bead.zh), en_at + len(bead.en)
            beads.append([zh_at, zh_end, en_at, en_end, round(bead.score, 4), bead.status])
            zh_at, en_at = zh_end, en_end
        payload = {
            "format": CORRECTIONS_FORMAT,
            "version": CORRECTIONS_VERSION,
            "zh": _side(alignment.zh),
            "en": _side(alignment.en),
            "beads": beads,
            "zhLang": self.zh_lang,
            "low": LOW_CONFIDENCE,
            "high": HIGH_CONFIDENCE,
        }
        text = json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
        text = text.replace("<", "\\u003c").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
        return f'<script type="application/json" id="bitext-data">{text}</script>\n'

    # -- document figures and the path picture ---------------------------------------------------------------

    def summary(self) -> str:
        export, alignment = self.export, self.alignment
        beads = alignment.beads
        mean = mean_score(beads)
        bins = {"conf-high": 0, "conf-mid": 0, "conf-low": 0}
        for bead in beads:
            bins[confidence_class(bead.score)] += 1
        types = " · ".join(f"{count} × {kind}" for kind, count in bead_types(beads).items())
        written = len(export.beads())
        figures = [
            ("beads", f"{len(beads)}" + (f" ({written} written here)" if written != len(beads) else "")),
            ("by type", types or "none"),
            ("mean confidence", f"{mean:.2f}" if mean is not None else "–"),
            ("sentences", f"{len(alignment.zh)} Chinese · {len(alignment.en)} English"),
            ("flagged", self._flag_figure()),
        ]
        if export.entities is not None:
            figures.append(("entity pairs", str(len(export.entities))))
        rows = "".join(
            f"<div><dt>{visible(k)}</dt><dd>{v if k == 'flagged' else visible(v)}</dd></div>" for k, v in figures
        )
        legend = (
            f'<p class="legend"><span class="swatch conf-high"></span>≥ {HIGH_CONFIDENCE}: {bins["conf-high"]} '
            f'<span class="swatch conf-mid"></span>{LOW_CONFIDENCE}–{HIGH_CONFIDENCE}: {bins["conf-mid"]} '
            f'<span class="swatch conf-low"></span>&lt; {LOW_CONFIDENCE}: {bins["conf-low"]}</p>'
        )
        return (
            '<header class="top">\n<section class="figures">\n<h1>Alignment review</h1>\n'
            f'<p class="files"><span lang="{self.zh_lang}">{visible(alignment.zh.name or "Chinese")}</span> ↔ '
            f'<span lang="en">{visible(alignment.en.name or "English")}</span></p>\n'
            f"<dl>{rows}</dl>\n{legend}\n{self._code_buttons()}</section>\n{self.path_svg()}\n</header>\n"
            '<nav class="toolbar" aria-label="filters">'
            '<label><input type="checkbox" id="doubtful"> only doubtful beads '
            f"(flagged, or confidence &lt; {LOW_CONFIDENCE})</label>"
            '<label><input type="checkbox" id="by-confidence"> least sure first</label>'
            '<span id="shown" aria-live="polite"></span>'
            '<span id="progress" aria-live="polite"></span>'
            '<span class="keys"><kbd>j</kbd>/<kbd>k</kbd> next/previous · <kbd>d</kbd> doubtful only · '
            "<kbd>o</kbd> least sure first · click the path to jump</span>\n"
            f"{_EDIT_BAR}</nav>\n"
        )

    def _flag_figure(self) -> str:
        qa = self.export.qa
        if qa is None:
            return "QA not run"
        parts = [
            f'<span class="lvl-{level}{" zero" if not qa.count(level) else ""}">{qa.count(level)} '
            f"{level}{'s' if qa.count(level) != 1 and level != 'info' else ''}</span>"
            for level in ("error", "warning", "info")
        ]
        return f'<span id="flagged-count">{len(qa.flagged_beads)}</span> beads · ' + ", ".join(parts)

    def _code_buttons(self) -> str:
        qa = self.export.qa
        if qa is None or not qa.flags:
            return ""
        levels = {flag.code: flag.level for flag in qa.flags}
        codes = sorted(qa.by_code().items(), key=lambda item: (-item[1], item[0]))
        buttons = "".join(
            f'<button type="button" class="code lvl-{levels[code]}" data-code="{visible(code)}">'
            f"{visible(code)} <b>{count}</b></button>"
            for code, count in codes
        )
        hide = "".join(
            f'<label><input type="checkbox" class="hide-code" value="{visible(code)}"> {visible(code)}</label>'
            for code, _count in codes
        )
        return (
            f'<p class="codes" aria-label="flags by code">{buttons}</p>\n'
            f'<p class="hide-codes" aria-label="hide flags by code">hide flags: {hide}</p>\n'
        )

    def path_svg(self) -> str:
        """Each bead a segment from (first zh, first en) to (after last zh, after last en), coloured by confidence."""
        alignment = self.alignment
        width, height = max(len(alignment.zh), 1), max(len(alignment.en), 1)
        segments = []
        zh_at = en_at = 0
        for number, bead in enumerate(alignment.beads):
            zh_end, en_end = zh_at + len(bead.zh), en_at + len(bead.en)
            segments.append(
                f'<line x1="{zh_at}" y1="{en_at}" x2="{zh_end}" y2="{en_end}" '
                f'class="{confidence_class(bead.score)} st-{bead.status}" data-bead="{number}"/>'
            )
            zh_at, en_at = zh_end, en_end
        return (
            '<figure class="path"><svg id="path" role="img" aria-label="alignment path: Chinese sentence index across, '
            f'English sentence index down; click to jump to a bead" viewBox="0 0 {width} {height}" '
            'preserveAspectRatio="none">'
            f'<line class="diagonal" x1="0" y1="0" x2="{width}" y2="{height}"/>'
            + "".join(segments)
            # the axes run over sentence boundaries (0 to N); the sentences are numbered 0 to N - 1
            + f"</svg><figcaption>Chinese sentences 0–{max(len(alignment.zh) - 1, 0)} → · "
            f"English 0–{max(len(alignment.en) - 1, 0)} ↓</figcaption></figure>"
        )

    # -- one bead ---------------------------------------------------------------------------------------------

    def bead(self, number: int, bead: Bead) -> str:
        export, alignment = self.export, self.alignment
        flags = export.flags_for(number)
        pairs = export.entities_for(number)
        worst = worst_level(flags)
        doubtful = (worst in ("error", "warning")) or bead.score < LOW_CONFIDENCE or not bead.is_aligned
        codes = " ".join(sorted({flag.code for flag in flags}))
        classes = f"bead {confidence_class(bead.score)}" + (f" worst-{worst}" if worst else "")
        classes += "" if bead.is_aligned else " unaligned"
        classes += f" st-{bead.status}"
        zh_at, en_at = self.nodes[number]
        flag_data = " ".join(sorted({f"{flag.level}:{flag.code}" for flag in flags}))
        zh_start = alignment.zh.sentences[bead.zh[0]].start if bead.zh else 0
        en_start = alignment.en.sentences[bead.en[0]].start if bead.en else 0
        self._pick_colours(pairs)
        zh_marks = self._marks(pairs, number, "zh", alignment.zh_text(bead), zh_start)
        en_marks = self._marks(pairs, number, "en", alignment.en_text(bead), en_start)
        return (
            f'<article class="{classes}" id="b{number}" data-bead="{number}" data-score="{bead.score:.4f}" '
            f'data-zh="{zh_at}-{zh_at + len(bead.zh)}" data-en="{en_at}-{en_at + len(bead.en)}" '
            f'data-doubtful="{int(doubtful)}" data-codes="{visible(codes)}" data-flags="{visible(flag_data)}" '
            f'data-status="{bead.status}" tabindex="-1">'
            f'<div class="meta"><a class="num" href="#b{number}">#{number}</a>'
            f'<span class="type">{bead.type}</span><span class="score">{bead.score:.2f}</span>'
            f'<span class="status">{bead.status if bead.status != "automatic" else ""}</span></div>'
            f'<div class="zh" lang="{self.zh_lang}">{_highlight(alignment.zh_text(bead), zh_marks)}</div>'
            f'<div class="en" lang="en">{_highlight(alignment.en_text(bead), en_marks)}</div>'
            f"{_flag_list(flags)}{self._entity_list(pairs)}</article>\n"
        )

    def _entity_list(self, pairs: list[EntityPair]) -> str:
        if not pairs:
            return ""
        items = "".join(
            f'<li class="{self._entity_class(pair)}" data-ent="{self.entity_index.get(id(pair), 0)}">'
            f'<span lang="{self.zh_lang}">{visible(pair.zh)}</span> ↔ {visible(pair.en)} '
            f"<small>{visible(pair.type)}</small></li>"
            for pair in pairs
        )
        return f'<ul class="ents">{items}</ul>'

    def _entity_class(self, pair: EntityPair) -> str:
        return f"e{self._colours.get(id(pair), self.entity_index.get(id(pair), 0) % ENTITY_COLOURS)}"

    def _pick_colours(self, pairs: list[EntityPair]) -> None:
        """A pair keeps its document-wide colour unless another pair in the same bead already has it."""
        self._colours = {}
        used: set[int] = set()
        for pair in pairs:
            colour = self.entity_index.get(id(pair), 0) % ENTITY_COLOURS
            while colour in used and len(used) < ENTITY_COLOURS:
                colour = (colour + 1) % ENTITY_COLOURS
            used.add(colour)
            self._colours[id(pair)] = colour

    def _marks(self, pairs: list[EntityPair], bead: int, side: str, text: str, base: int) -> list[tuple[int, int, str]]:
        """(start, end, attributes) of every entity mention inside this bead's text, non-overlapping."""
        found: list[tuple[int, int, EntityPair]] = []
        for pair in pairs:
            mentions = [m for m in pair.mentions if m.bead == bead]
            spans = [(m.zh_start, m.zh_end) if side == "zh" else (m.en_start, m.en_end) for m in mentions]
            spans = [(s - base, e - base) for s, e in spans if 0 <= s - base < e - base <= len(text)]
            if not spans:  # no recorded mention on this side: look for the pair's written forms
                spans = list(_occurrences(text, _forms(pair, side)))
            found += [(s, e, pair) for s, e in spans]
        found.sort(key=lambda item: (item[0], -(item[1] - item[0])))
        marks, last_end = [], 0
        for start, end, pair in found:
            if start >= last_end:
                title = f"{pair.zh} ↔ {pair.en} ({pair.type}, {pair.score:.2f})"
                attributes = (
                    f'class="ent {self._entity_class(pair)}" data-ent="{self.entity_index.get(id(pair), 0)}" '
                    f'title="{visible(title)}"'
                )
                marks.append((start, end, attributes))
                last_end = end
        return marks


def _forms(pair: EntityPair, side: str) -> list[str]:
    has_han = [any("\u3400" <= ch <= "\u9fff" for ch in v) for v in pair.variants]
    if side == "zh":
        return [pair.zh] + [v for v, han in zip(pair.variants, has_han, strict=True) if han]
    return [pair.en] + [v for v, han in zip(pair.variants, has_han, strict=True) if not han and v]


def _occurrences(text: str, forms: Iterable[str]) -> Iterable[tuple[int, int]]:
    for form in sorted({f for f in forms if f}, key=len, reverse=True):
        start = text.find(form)
        while start != -1:
            yield start, start + len(form)
            start = text.find(form, start + len(form))


def _highlight(text: str, marks: list[tuple[int, int, str]]) -> str:
    pieces, cursor = [], 0
    for start, end, attributes in marks:
        pieces.append(visible(text[cursor:start]))
        pieces.append(f"<mark {attributes}>{visible(text[start:end])}</mark>")
        cursor = end
    pieces.append(visible(text[cursor:]))
    return "".join(pieces)


# "bead 23" and "beads 23–25" in a flag's message (a moved sentence names where its translation stands)
_BEAD_REFERENCE = re.compile(r"\b(beads? )(\d+)")


def _linked_beads(message: str) -> str:
    """An escaped message with each bead it names made a link to that bead (the page's #bN anchors)."""
    return _BEAD_REFERENCE.sub(lambda m: f'{m.group(1)}<a href="#b{m.group(2)}">{m.group(2)}</a>', message)


def _flag_list(flags: list[Flag]) -> str:
    if not flags:
        return ""
    items = "".join(
        f'<li class="flag lvl-{flag.level}" data-code="{visible(flag.code)}"><b>{flag.level}</b> '
        f"<code>{visible(flag.code)}</code> "
        f"{_linked_beads(visible(flag.message))}</li>"
        for flag in flags
    )
    return f'<ul class="flags">{items}</ul>'


def _side(document: Document) -> dict[str, object]:
    """A document as the editor needs it: name, fingerprint, sentence texts and the text between sentences."""
    offsets = document.sentence_offsets
    return {
        "name": document.name,
        "sha256": fingerprint(document),
        "content_sha256": content_fingerprint(document),
        "sentences": [document.text[s:e] for s, e in offsets],
        "gaps": [document.text[offsets[k][1] : offsets[k + 1][0]] for k in range(len(offsets) - 1)],
    }


_EDIT_BAR = (
    '<div class="editbar" role="toolbar" aria-label="edit the current bead">'
    '<button type="button" data-action="merge-prev" title="merge with the previous bead (M)">'
    "merge ↑ <kbd>M</kbd></button>"
    '<button type="button" data-action="merge-next" title="merge with the next bead (m)">'
    "merge ↓ <kbd>m</kbd></button>"
    '<button type="button" data-action="split" title="split: choose the cut on each side (s)">'
    "split <kbd>s</kbd></button>"
    '<button type="button" data-action="zh-first-prev" title="first Chinese sentence to the previous bead ([)">'
    "中 first ↑ <kbd>[</kbd></button>"
    '<button type="button" data-action="zh-last-next" title="last Chinese sentence to the next bead (])">'
    "中 last ↓ <kbd>]</kbd></button>"
    '<button type="button" data-action="en-first-prev" title="first English sentence to the previous bead ({)">'
    "EN first ↑ <kbd>{</kbd></button>"
    '<button type="button" data-action="en-last-next" title="last English sentence to the next bead (})">'
    "EN last ↓ <kbd>}</kbd></button>"
    '<button type="button" data-action="confirm" title="mark the bead as checked (c)">confirm <kbd>c</kbd></button>'
    '<button type="button" data-action="undo" title="undo (u, Ctrl+Z)">undo <kbd>u</kbd></button>'
    '<button type="button" data-action="redo" title="redo (r, Ctrl+Y)">redo <kbd>r</kbd></button>'
    '<button type="button" data-action="discard" class="discard" title="forget every edit kept in this browser '
    'for these documents and show the page as written">discard edits</button>'
    '<button type="button" data-action="save" class="save" title="download the corrections file (S)">'
    "Save corrections <kbd>S</kbd></button>"
    "</div>"
)


def _file_name(name: str) -> str:
    return PurePath(name).name if name else ""
