"""How many edits it takes to fix each MAC-Dev chapter in the review page, against the number of wrong beads.

    python benchmarks/editor_actions.py                     # all six chapters, the default aligner
    python benchmarks/editor_actions.py --chapters 006 --scorer lexical

For each chapter: ``bitext align --format html`` writes the page; a scripted translator (tests/editor_session.py)
fixes every bead that differs from the gold using only the page's controls (a click to pick a bead, then its
keys or toolbar buttons) and saves the corrections file; ``bitext align --corrections`` then aligns again and the
result is scored against the gold (strict F1 must be 1.000). Needs playwright and /usr/bin/chromium.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT / "tests")]

from bitext.cli.main import main as bitext  # noqa: E402
from bitext.evaluate import evaluate  # noqa: E402
from bitext.formats import read_alignment  # noqa: E402
from editor_session import Session, shapes_of  # noqa: E402

DATA = ROOT.parent / "shared" / "data" / "mac-dev"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chapters", nargs="*", default=["001", "002", "003", "004", "005", "006"])
    parser.add_argument("--scorer", default="all")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    print(f"{'chapter':8} {'beads':>6} {'wrong':>6} {'actions':>8}  {'by kind':40} {'F1 before':>9} {'F1 after':>9}")
    totals = [0, 0]
    with tempfile.TemporaryDirectory() as folder, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        for chapter in args.chapters:
            zh, en, gold_path = DATA / "zh" / chapter, DATA / "en" / chapter, DATA / "gold" / f"{chapter}.align"
            common = [str(zh), str(en), "--presegmented", "-q", "--scorer", args.scorer]
            page_path, before, after = (
                Path(folder) / f"{chapter}{suffix}" for suffix in (".html", ".align", "-fixed.align")
            )
            bitext(["align", *common, "--format", "html", "-o", str(page_path)])
            bitext(["align", *common, "--format", "align", "-o", str(before)])
            gold = [(tuple(z), tuple(e)) for z, e in read_alignment(gold_path)]
            automatic = [(tuple(z), tuple(e)) for z, e in read_alignment(before)]
            wrong = len(set(automatic) - set(gold))
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.goto(page_path.as_uri())
            session = Session(page)
            started = time.perf_counter()
            actions = session.fix(shapes_of(gold))
            with page.expect_download() as download:
                page.click('.editbar button[data-action="save"]')
            corrections = Path(folder) / f"{chapter}.corrections.json"
            download.value.save_as(corrections)
            page.close()
            bitext(["align", *common, "--corrections", str(corrections), "--format", "align", "-o", str(after)])
            fixed = read_alignment(after)
            kinds = ", ".join(f"{count} {kind}" for kind, count in sorted(session.actions.items()))
            print(
                f"{chapter:8} {len(automatic):6d} {wrong:6d} {actions:8d}  {kinds:40} "
                f"{evaluate(gold, automatic).strict.f1:9.3f} {evaluate(gold, fixed).strict.f1:9.3f}"
                f"   ({time.perf_counter() - started:.0f} s in the page)"
            )
            totals[0] += wrong
            totals[1] += actions
        browser.close()
    print(
        f"{'all':8} {'':6} {totals[0]:6d} {totals[1]:8d}  ({totals[1] / max(totals[0], 1):.2f} actions per wrong bead)"
    )


if __name__ == "__main__":
    main()
