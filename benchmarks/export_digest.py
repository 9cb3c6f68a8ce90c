"""Digests of what users get from the entity and QA steps, to show that a speed change left it exactly as it was.

    PYTHONPATH=src python benchmarks/export_digest.py > after.txt
    PYTHONPATH=/path/to/old/src python benchmarks/export_digest.py > before.txt
    diff before.txt after.txt                       # no output: identical to the bit

(benchmarks/output_digest.py does the same for the sentence aligner's lattice and beads.)

For each document, one line per output: the SHA-256 of ``bitext align ZH EN --scorer lexical -o out.tsv``
(the TSV and its ``.meta.json`` sidecar, with entities and QA flags), of ``-o out.jsonl`` (and its sidecar),
of ``bitext entities ZH EN`` (default aligner; ``--no-default`` skips it) and of ``bitext entities``'s TSV
writer on the lexical alignment (``align_entities`` through the API). Every command runs in this one process
through ``bitext.cli.main``, so caches kept between documents are exercised too; the inputs are written to
the same relative names (``zh.txt``, ``en.txt``) so the sidecar's document id does not depend on a temporary
folder. Documents: the bundled corpus, the entity gold's DEV documents (flores, mac, corpus, legal; the TEST
part is skipped), the six MAC-Dev chapters, and the 10,000-sentence news document of
``entity_quality.py cli-cost`` (FLORES devtest documents joined, cycled, a blank line between sentences).
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import io
import os
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from entity_gold import SOURCES, Resolver, find_data, load_gold
from entity_quality import flores_documents


def documents(data: Path, sentences: int) -> Iterator[tuple[str, str, str]]:
    root = Path(__file__).resolve().parents[1]
    corpus = root / "corpus" / "sensetime-genai"
    yield (
        "corpus",
        (corpus / "zh-Hant.txt").read_text(encoding="utf-8"),
        (corpus / "en.txt").read_text(encoding="utf-8"),
    )
    resolver = Resolver(data)
    for doc_id in load_gold(Path(__file__).resolve().parent / "data" / "entities", SOURCES, "dev"):
        zh, en = resolver.texts(doc_id)
        yield f"gold-dev:{doc_id}", zh, en
    for chapter in sorted(p.name for p in (data / "mac-dev" / "zh").iterdir()):
        zh, en = resolver.texts(f"mac:{chapter}")
        yield f"mac-dev:{chapter}", zh, en
    if sentences:
        lines: list[tuple[str, str]] = []
        for _, zh_lines, en_lines in flores_documents(data):
            lines.extend(zip(zh_lines, en_lines, strict=True))
        lines = (lines * (sentences // len(lines) + 1))[:sentences]
        yield (
            f"news-{sentences}",
            "\n\n".join(z for z, _ in lines),
            "\n\n".join(e for _, e in lines),
        )


def file_digest(*paths: Path) -> str:
    sha = hashlib.sha256()
    for path in paths:
        sha.update(path.name.encode() + b"\0")
        sha.update(path.read_bytes() if path.exists() else b"(absent)")
        sha.update(b"\0")
    return sha.hexdigest()[:24]


def run_cli(argv: list[str]) -> None:
    from bitext.cli.main import main

    with contextlib.redirect_stderr(io.StringIO()):
        status = main(argv)
    if status != 0:
        raise SystemExit(f"bitext {' '.join(argv)} exited {status}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=None)
    parser.add_argument("--sentences", type=int, default=10_000, help="the long news document (0: skip)")
    parser.add_argument("--no-default", action="store_true", help="skip `bitext entities` with the default aligner")
    parser.add_argument("--only", default="", help="only documents whose name holds this")
    args = parser.parse_args()
    data = args.data or find_data()
    if data is None:
        raise SystemExit("the shared data folder is not found (pass --data)")
    import bitext
    from bitext.cli.entities_cmd import write_tsv
    from bitext.entities import align_entities

    old = Path.cwd()
    with tempfile.TemporaryDirectory() as tmp:
        os.chdir(tmp)
        try:
            for name, zh, en in documents(data, args.sentences):
                if args.only and args.only not in name:
                    continue
                Path("zh.txt").write_text(zh, encoding="utf-8")
                Path("en.txt").write_text(en, encoding="utf-8")
                parts = []
                for suffix in ("tsv", "jsonl"):
                    out = Path(f"out.{suffix}")
                    meta = Path(f"out.{suffix}.meta.json")
                    run_cli(["align", "zh.txt", "en.txt", "--scorer", "lexical", "-q", "-o", str(out)])
                    parts.append(f"{suffix}={file_digest(out, meta)}")
                    out.unlink()
                    meta.unlink(missing_ok=True)
                if not args.no_default and not name.startswith("news-"):
                    run_cli(["entities", "zh.txt", "en.txt", "-q", "-o", "entities.tsv"])
                    parts.append(f"entities={file_digest(Path('entities.tsv'))}")
                buffer = io.StringIO()
                write_tsv(align_entities(bitext.align(zh, en, scorer="lexical")), buffer)
                parts.append(f"entities-lexical={hashlib.sha256(buffer.getvalue().encode()).hexdigest()[:24]}")
                print(name, *parts, flush=True)
        finally:
            os.chdir(old)
    return 0


if __name__ == "__main__":
    sys.exit(main())
