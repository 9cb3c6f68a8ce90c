"""Which layout ``auto`` detects: texts one paragraph a line must stay ``lines``, wrapped ones ``wrapped``.

    python benchmarks/layout_detection.py

Sets: the 42 gold statutes and government texts (``benchmarks/data/entities/docs/``, one paragraph a line)
as given, and wrapped as a user copying from a page has them (Chinese cut every 35 characters, English
wrapped at 70 columns; paragraphs then separated by nothing or by a blank line), for which the sentences
must also be those of the text as given; and the layout benchmark's (a) paragraph and (b) wrapped
renderings of FLORES, MAC-Dev and the corpus (``benchmarks/layout.py``).
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _synthetic as synthetic
import layout as rendering
from bitext.segment import segment

STATUTES = Path(__file__).resolve().parent / "data" / "entities" / "docs"


def wrapped(text: str, lang: str, between: str) -> str:
    paragraphs = [p for p in text.splitlines() if p.strip()]
    if lang == "zh":
        return between.join("\n".join(p[i : i + 35] for i in range(0, len(p), 35)) for p in paragraphs)
    return between.join("\n".join(rendering.wrap(p, "en")) for p in paragraphs)


def bare(sentences: list[str]) -> list[str]:
    return ["".join(s.split()) for s in sentences]


def main() -> int:
    print("| set | side | text | detected lines | detected wrapped | sentences as given | files |")
    print("|---|---|---|---:|---:|---:|---:|")
    for lang in ("zh", "en"):
        paths = sorted(STATUTES.glob(f"*.{lang}.txt"))
        texts = {path.name: path.read_text(encoding="utf-8") for path in paths}
        given = {name: segment(text, lang) for name, text in texts.items()}
        layouts = Counter(document.layout for document in given.values())
        print(
            f"| statutes | {lang} | as given | {layouts['lines (detected)']} | {layouts['wrapped (detected)']} "
            f"| – | {len(paths)} |"
        )
        for between, label in (("\n", "wrapped"), ("\n\n", "wrapped, blank lines")):
            layouts, same, missed = Counter(), 0, []
            for name, text in texts.items():
                document = segment(wrapped(text, lang, between), lang)
                layouts[document.layout] += 1
                if bare(document.sentence_texts()) == bare(given[name].sentence_texts()):
                    same += 1
                if document.layout != "wrapped (detected)":
                    missed.append(name)
            note = f" (lines: {', '.join(missed)})" if missed else ""
            print(
                f"| statutes | {lang} | {label}{note} | {layouts['lines (detected)']} | "
                f"{layouts['wrapped (detected)']} | {same} | {len(paths)} |"
            )
    sets = {
        "flores": (synthetic.synthetic("clean"), None),
        "mac-dev": (synthetic.mac_dev(), 6),
        "corpus": ([synthetic.corpus_case()], 4),
    }
    for name, (cases, every) in sets.items():
        for lang in ("zh", "en"):
            for layout in ("paragraphs", "wrapped"):
                layouts = Counter()
                for case in cases:
                    sentences = case.zh if lang == "zh" else case.en
                    texts_ = rendering.paragraph_texts(sentences, rendering.paragraphs_of(case, lang, every), lang)
                    text = rendering.render(texts_, lang, layout).data.decode()
                    layouts[segment(text, lang).layout] += 1  # type: ignore[arg-type]
                print(
                    f"| {name} | {lang} | ({'a' if layout == 'paragraphs' else 'b'}) {layout} | "
                    f"{layouts['lines (detected)']} | {layouts['wrapped (detected)']} | – | {len(cases)} |"
                )
    return 0


if __name__ == "__main__":
    sys.exit(main())
