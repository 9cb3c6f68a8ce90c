"""Alignment quality when one side comes as real documents do: wrapped, with page furniture, or as DOCX/PDF/HTML.

    python benchmarks/layout.py [--scorer lexical] [--only flores] [--layouts paragraphs,wrapped]

Sets: the FLORES-200 devtest articles (the ``clean`` synthetic documents of 10 articles, each article a
paragraph), the six MAC-Dev chapters (simplified, as given; a paragraph every 6 gold beads) and the
bundled corpus (a paragraph every 4 gold beads). For each, one side is rendered as

  (a) ``paragraphs``: one paragraph a line (the baseline);
  (b) ``wrapped``: hard-wrapped at 70 columns (English) or 35 characters (Chinese), no blank lines;
  (c) ``furniture``: (b) cut into pages of 45 lines, each with a running head above, a footnote, a blank
      line and a page number below (what ``pdftotext`` gives for a book);
  (d) ``docx``, ``pdf``, ``html``, ``markdown``: written by python-docx, reportlab (A4, running head and
      page number on every page), a page with navigation, header and footer around ``<main>``, and
      Markdown source wrapped at the same widths; read back through ``bitext.inputs``;

and aligned (``bitext.align`` after ``bitext.inputs``' reading and segmentation, layout ``auto``) with the
other side as clean paragraph text, both sides segmented by bitext. Predicted sentences are mapped to the
gold sentences they overlap (gold sentences are located in the rendered or extracted text by their
characters), beads sharing a gold sentence are merged (bitext's sentences need not be the gold ones; the
baseline is scored the same way), and strict F1 is computed against the gold beads. ``text taken for furniture``
counts furniture spans that are not rendered furniture (text the alignment lost); ``furniture in beads``
counts the rendered furniture lines (running heads, footnotes, page numbers) left in a sentence's text,
so in a bead's text; ``furniture found`` the share of them marked furniture.
"""

from __future__ import annotations

import argparse
import html
import io
import sys
import time
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _synthetic as synthetic
from bitext.align import Alignment, align
from bitext.document import Document
from bitext.evaluate import evaluate_many
from bitext.inputs import read_document

WIDTH = {"en": 70, "zh": 35}
PAGE_LINES = 45
LAYOUTS = ("paragraphs", "wrapped", "furniture", "docx", "pdf", "html", "markdown")
HEAD = {"en": "A Reader of Translated Texts", "zh": "翻譯文選讀本"}
FOOTNOTE = {"en": "* The translation follows the first edition.", "zh": "* 譯文依據初版。"}


@dataclass
class Rendered:
    """A rendered side: its bytes (or text), a file name, and the furniture lines written into it."""

    name: str
    data: bytes
    furniture: list[str]


def paragraphs_of(case: synthetic.Case, side: str, every: int | None) -> list[list[int]]:
    """Gold sentence indices grouped into paragraphs: FLORES articles, or every ``every`` gold beads."""
    sentences = case.zh if side == "zh" else case.en
    breaks = case.zh_breaks if side == "zh" else case.en_breaks
    if every is None:
        starts = sorted({0, *breaks})
    else:
        starts = sorted({0} | {(bead[0] if side == "zh" else bead[1])[0] for bead in case.gold[::every]
                               if (bead[0] if side == "zh" else bead[1])})  # fmt: skip
    bounds = [*starts, len(sentences)]
    return [list(range(a, b)) for a, b in pairwise(bounds) if b > a]


def paragraph_texts(sentences: list[str], paragraphs: list[list[int]], lang: str) -> list[str]:
    joiner = "" if lang == "zh" else " "
    return [joiner.join(sentences[k] for k in paragraph) for paragraph in paragraphs]


def wrap(paragraph: str, lang: str) -> list[str]:
    """Greedy hard wrap: English at a space within 70 columns, Chinese every 35 characters."""
    width = WIDTH[lang]
    if lang == "zh":
        return [paragraph[i : i + width] for i in range(0, len(paragraph), width)]
    lines, current = [], ""
    for word in paragraph.split(" "):
        if current and len(current) + 1 + len(word) > width:
            lines.append(current)
            current = word
        else:
            current = f"{current} {word}" if current else word
    return [*lines, current] if current else lines


def render(texts: list[str], lang: str, layout: str) -> Rendered:
    if layout == "paragraphs":
        return Rendered("side.txt", ("\n".join(texts) + "\n").encode(), [])
    if layout == "wrapped":
        return Rendered("side.txt", ("\n".join(line for t in texts for line in wrap(t, lang)) + "\n").encode(), [])
    if layout == "furniture":
        return _with_furniture([line for t in texts for line in wrap(t, lang)], lang)
    if layout == "markdown":
        source = "\n\n".join("\n".join(wrap(t, lang)) for t in texts) + "\n"
        return Rendered("side.md", source.encode(), [])
    if layout == "html":
        nav = "<nav><ul><li><a href='/'>Home</a></li><li><a href='/zh'>中文</a></li></ul></nav>"
        body = "".join(f"<p>{html.escape(t)}</p>\n" for t in texts)
        page = f"<!doctype html><html><head><meta charset='utf-8'><title>{HEAD[lang]}</title></head><body>"
        page += f"<header>{HEAD[lang]}</header>{nav}<main>{body}</main><footer>© 2024</footer></body></html>"
        return Rendered("side.html", page.encode(), [])
    if layout == "docx":
        import docx

        document = docx.Document()
        for t in texts:
            document.add_paragraph(t)
        out = io.BytesIO()
        document.save(out)
        return Rendered("side.docx", out.getvalue(), [])
    if layout == "pdf":
        return _pdf(texts, lang)
    raise ValueError(layout)


def _with_furniture(lines: list[str], lang: str) -> Rendered:
    out: list[str] = []
    furniture: list[str] = []
    for page, start in enumerate(range(0, len(lines), PAGE_LINES), 1):
        out.append(HEAD[lang])
        out.extend(lines[start : start + PAGE_LINES])
        out.extend([FOOTNOTE[lang], "", str(page), ""])
        furniture.extend([HEAD[lang], FOOTNOTE[lang], str(page)])
    return Rendered("side.txt", ("\n".join(out) + "\n").encode(), furniture)


def _pdf(texts: list[str], lang: str) -> Rendered:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    font = "Times-Roman"
    if lang == "zh":
        pdfmetrics.registerFont(UnicodeCIDFont("MSung-Light"))
        font = "MSung-Light"
    pages: list[str] = []

    def furniture(canvas, document) -> None:
        canvas.saveState()
        canvas.setFont(font, 9)
        canvas.drawString(72, A4[1] - 50, HEAD[lang])
        canvas.drawCentredString(A4[0] / 2, 40, str(document.page))
        pages.append(str(document.page))
        canvas.restoreState()

    style = ParagraphStyle("body", fontName=font, fontSize=11, leading=15, wordWrap="CJK" if lang == "zh" else None)
    out = io.BytesIO()
    SimpleDocTemplate(out, pagesize=A4).build(
        [Paragraph(html.escape(t), style) for t in texts], onFirstPage=furniture, onLaterPages=furniture
    )
    return Rendered("side.pdf", out.getvalue(), [line for page in pages for line in (HEAD[lang], page)])


# --- Scoring ------------------------------------------------------------------------------------------


def locate(text: str, sentences: list[str]) -> list[tuple[int, int] | None]:
    """Where each gold sentence lies in ``text``, matching non-space characters in order; characters the
    rendering added (furniture, list labels) are skipped, characters it lost are tolerated."""
    positions = [k for k, ch in enumerate(text) if not ch.isspace()]
    stream = "".join(text[k] for k in positions)
    spans: list[tuple[int, int] | None] = []
    cursor = 0
    for sentence in sentences:
        chars = "".join(sentence.split())
        first = last = None
        for ch in chars:
            found = stream.find(ch, cursor, cursor + 400)
            if found < 0:
                continue
            first = found if first is None else first
            last, cursor = found, found + 1
        spans.append(None if first is None else (positions[first], positions[last] + 1))
    return spans


def gold_ids(document: Document, spans: list[tuple[int, int] | None]) -> list[set[int]]:
    """For each of the document's sentences, the gold sentences it overlaps."""
    result = []
    for sentence in document.sentences:
        result.append(
            {k for k, span in enumerate(spans) if span and span[0] < sentence.end and sentence.start < span[1]}
        )
    return result


def merged_beads(
    alignment: Alignment, zh_ids: list[set[int]], en_ids: list[set[int]]
) -> list[tuple[list[int], list[int]]]:
    """Predicted beads in gold sentence ids; beads sharing a gold sentence are merged."""
    beads = [
        ({k for i in bead.zh for k in zh_ids[i]}, {k for i in bead.en for k in en_ids[i]}) for bead in alignment.beads
    ]
    merged: list[tuple[set[int], set[int]]] = []
    for zh, en in beads:
        if not zh and not en:
            continue
        if merged and (zh & merged[-1][0] or en & merged[-1][1]):
            merged[-1][0].update(zh)
            merged[-1][1].update(en)
        else:
            merged.append((set(zh), set(en)))
    return [(sorted(zh), sorted(en)) for zh, en in merged]


def furniture_outcome(document: Document, rendered: Rendered) -> tuple[int, int]:
    """(rendered furniture lines left in a sentence's text, rendered furniture lines marked furniture).

    A furniture span is in no sentence's text (a sentence running across a page break leaves it out),
    so a line is either found or leaked; both are counted from the document to check that."""
    leaked = found = 0
    wanted = set(rendered.furniture)
    for start, line in _line_spans(document.text):
        if line not in wanted:
            continue
        end = start + len(line)
        if any(f_start <= start and end <= f_end for f_start, f_end in document.furniture_offsets):
            found += 1
        elif any(
            line in sentence.text for sentence in document.sentences if sentence.start < end and start < sentence.end
        ):
            leaked += 1
    return leaked, found


def _line_spans(text: str) -> list[tuple[int, str]]:
    spans, cursor = [], 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            spans.append((cursor + line.index(stripped), stripped))
        cursor += len(line) + 1
    return spans


def run_set(cases: list[synthetic.Case], every: int | None, layout: str, side: str, scorer: str) -> dict:
    pairs = []
    leaked = found = total = false = 0
    started = time.perf_counter()
    for case in cases:
        docs = {}
        for lang in ("zh", "en"):
            sentences = case.zh if lang == "zh" else case.en
            texts = paragraph_texts(sentences, paragraphs_of(case, lang, every), lang)
            rendered = render(texts, lang, layout if lang == side else "paragraphs")
            document = read_document(rendered.name, lang, data=rendered.data)  # type: ignore[arg-type]
            docs[lang] = (document, gold_ids(document, locate(document.text, sentences)))
            if lang == side:
                lost, kept = furniture_outcome(document, rendered)
                leaked, found = leaked + lost, found + kept
                wanted = set(rendered.furniture)
                false += sum(1 for span in document.furniture if span.text not in wanted)
                total += len([line for line in _line_spans(document.text) if line[1] in set(rendered.furniture)])
        alignment = align(docs["zh"][0], docs["en"][0], scorer=scorer)
        pairs.append((case.gold, merged_beads(alignment, docs["zh"][1], docs["en"][1])))
    result = evaluate_many(pairs)
    return {
        "f1": result.strict.f1,
        "leaked": leaked,
        "found": found,
        "total": total,
        "false": false,
        "seconds": time.perf_counter() - started,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--scorer", default="lexical")
    parser.add_argument("--only", default="", help="comma-separated sets: flores, mac-dev, corpus")
    parser.add_argument("--layouts", default=",".join(LAYOUTS))
    parser.add_argument("--sides", default="zh,en", help="which side is rendered (the other is clean paragraphs)")
    args = parser.parse_args()
    sets = {
        "flores": (synthetic.synthetic("clean"), None),
        "mac-dev": (synthetic.mac_dev(), 6),
        "corpus": ([synthetic.corpus_case()], 4),
    }
    chosen = [name for name in sets if not args.only or name in args.only.split(",")]
    print(f"scorer: {args.scorer}; strict F1 after mapping to gold sentences (see the docstring)\n")
    print(
        "| set | rendered side | layout | strict F1 | vs (a) | furniture in beads | furniture found "
        + "| text taken for furniture | s |"
    )
    print("|---|---|---|---:|---:|---:|---:|---:|---:|")
    for name in chosen:
        cases, every = sets[name]
        for side in args.sides.split(","):
            baseline = None
            for layout in args.layouts.split(","):
                result = run_set(cases, every, layout, side, args.scorer)
                baseline = result["f1"] if layout == "paragraphs" else baseline
                delta = f"{result['f1'] - baseline:+.3f}" if baseline is not None else "–"
                total = result["total"]
                found = f"{result['found']}/{total}" if total else "–"
                leaked = str(result["leaked"]) if total else "–"
                print(
                    f"| {name} | {side} | {layout} | {result['f1']:.3f} | {delta} | {leaked} | {found} | "
                    f"{result['false']} | {result['seconds']:.0f} |",
                    flush=True,
                )
    return 0


if __name__ == "__main__":
    sys.exit(main())
