"""How fast the review page's editor re-renders an edit on a long document, in headless Chromium.

    python benchmarks/editor_speed.py                   # a 5,000-bead page, 15 edits of each kind
    python benchmarks/editor_speed.py --beads 20000 --edits 5

Each edit is started the way a person starts it (a click picks the bead, then its key or toolbar button, as
events dispatched in the page) and timed with performance.now() from the event to the end of the layout it
causes (``script``: the page's handler alone; ``sync``: handler + forced layout), and to the next painted frame
(``frame``), with 150 ms between edits. The baseline in the same
run is ``j`` (move to the next bead, no edit). Printed, not asserted: a timed test would fail on a busy machine.
Needs playwright and Debian's chromium (/usr/bin/chromium); no browser is downloaded.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from bitext.align.beads import Alignment, Bead  # noqa: E402
from bitext.document import Document  # noqa: E402
from bitext.formats import Export, save  # noqa: E402
from bitext.qa import check  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"]

_TIME_EDIT = """async ([number, action]) => {
  const el = document.getElementById("b" + number);
  el.querySelector(".meta .type").click();                 // pick the bead
  const t0 = performance.now();
  if (action.startsWith("key:")) {
    document.dispatchEvent(new KeyboardEvent("keydown", { key: action.slice(4), bubbles: true }));
  } else if (action === "split") {
    document.dispatchEvent(new KeyboardEvent("keydown", { key: "s", bubbles: true }));
    document.querySelector(".split-panel").requestSubmit();  // the panel's default cut
  } else {
    document.querySelector('.editbar button[data-action="' + action + '"]').click();
  }
  const script = performance.now() - t0;
  void document.body.offsetHeight;                          // the layout the edit causes
  const sync = performance.now() - t0;
  await new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0)));
  return [script, sync, performance.now() - t0];
}"""

PAUSE_MS = 150  # between edits, as a quick person leaves at least (the far beads' numbers are written then)
ACTIONS = ["key:j", "key:m", "key:u", "key:r", "split", "en-last-next", "key:c"]


def document(lang: str, count: int) -> Document:
    if lang == "zh":
        texts = [f"第{k}句，本季收入為{k % 97}億元，較去年同期增長{k % 13}%。" for k in range(count)]
        separator = ""
    else:
        texts = [
            f"Sentence {k}: revenue was {k % 97} billion yuan, up {k % 13}% from a year earlier." for k in range(count)
        ]
        separator = " "
    offsets, pieces, cursor = [], [], 0
    for text in texts:
        if pieces:
            pieces.append(separator)
            cursor += len(separator)
        pieces.append(text)
        offsets.append((cursor, cursor + len(text)))
        cursor += len(text)
    return Document("".join(pieces), lang, tuple(offsets), name=f"{lang}.txt")  # type: ignore[arg-type]


def page_of(beads: int, folder: Path) -> Path:
    rng = random.Random(5)
    shapes = [rng.choice([(1, 1)] * 8 + [(1, 2), (2, 1)]) for _ in range(beads)]
    zh, en = document("zh", sum(s[0] for s in shapes)), document("en", sum(s[1] for s in shapes))
    result, i, j = [], 0, 0
    for di, dj in shapes:
        result.append(Bead(tuple(range(i, i + di)), tuple(range(j, j + dj)), round(rng.random(), 4)))
        i, j = i + di, j + dj
    alignment = Alignment(zh, en, tuple(result), {"bitext": "benchmark"})
    path = folder / f"page-{beads}.html"
    save(Export(alignment, qa=check(alignment)), path, "html")
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--beads", type=int, default=5000)
    parser.add_argument("--edits", type=int, default=15, help="edits of each kind")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as folder, sync_playwright() as playwright:
        path = page_of(args.beads, Path(folder))
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        started = time.perf_counter()
        page.goto(path.as_uri())
        page.wait_for_load_state("load")
        print(
            f"{args.beads} beads, {path.stat().st_size / 1e6:.1f} MB page, "
            f"loaded in {time.perf_counter() - started:.2f} s"
        )
        rng = random.Random(11)
        timings: dict[str, list[tuple[float, float, float]]] = {action: [] for action in ACTIONS}
        for _ in range(args.edits):
            for action in ACTIONS:
                count = page.locator("main#beads > article.bead").count()
                number = rng.randrange(1, count - 1)
                timings[action].append(tuple(page.evaluate(_TIME_EDIT, [number, action])))
                page.wait_for_timeout(PAUSE_MS)
        errors = page.evaluate("() => document.querySelectorAll('main#beads > article.bead').length")
        print(f"beads on the page after the edits: {errors}")
        baseline = statistics.median(sync for _, sync, _ in timings["key:j"])
        print(f"{'edit':14} {'script':>9} {'sync median':>12} {'sync p90':>9} {'frame median':>13} {'× j':>6}")
        for action, values in timings.items():
            scripts, syncs, frames = ([v[k] for v in values] for k in range(3))
            print(
                f"{action:14} {statistics.median(scripts):6.1f} ms {statistics.median(syncs):9.1f} ms "
                f"{statistics.quantiles(syncs, n=10)[-1]:6.1f} ms {statistics.median(frames):10.1f} ms "
                f"{statistics.median(syncs) / baseline:6.1f}"
            )
        print(f"load average while measuring: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
        browser.close()


if __name__ == "__main__":
    main()
