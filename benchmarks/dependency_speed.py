"""Why opencc (official binding) and rjieba: same output as the alternatives, and how much faster.

    python benchmarks/dependency_speed.py                      # both comparisons
    python benchmarks/dependency_speed.py --skip-opencc         # rjieba vs jieba only

opencc and opencc-python-reimplemented install the same module name (``opencc``), so they never share an
environment: the reimplementation goes into a throwaway venv under /tmp (created on first use with pip,
or pass --reimplemented-python), and the same worker code runs in both interpreters as subprocesses.
rjieba is compared with jieba (a test-only dependency) in this process. Texts: FLORES-200 devtest
(zho_Hant, zho_Hans), MAC-Dev (simplified) and the bundled corpus. Prints ratios (machines are noisy:
best of several rounds).
"""

from __future__ import annotations

import argparse
import csv
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
THROWAWAY_VENV = Path(tempfile.gettempdir()) / "bitext-bench-opencc-reimplemented"
ROUNDS = 5

# Runs inside each interpreter: load a converter per config, convert every text, time both.
WORKER = r"""
import json, sys, time
import opencc
job = json.load(open(sys.argv[1], encoding="utf-8"))
rounds = job["rounds"]
result = {}
for config, texts in job["texts"].items():
    started = time.perf_counter()
    converter = opencc.OpenCC(config)
    load = time.perf_counter() - started
    best = float("inf")
    for _ in range(rounds):
        started = time.perf_counter()
        outputs = [converter.convert(text) for text in texts]
        best = min(best, time.perf_counter() - started)
    result[config] = {"load": load, "convert": best, "outputs": outputs}
json.dump(result, open(sys.argv[2], "w", encoding="utf-8"), ensure_ascii=False)
"""


def load_texts() -> dict[str, list[str]]:
    columns: dict[str, list[str]] = {"zho_Hant": [], "zho_Hans": []}
    with open(DATA / "flores200-devtest" / "devtest_docs.tsv", encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            for column, texts in columns.items():
                texts.append(row[column])
    macdev = [path.read_text(encoding="utf-8") for path in sorted((DATA / "mac-dev" / "zh").iterdir())]
    corpus = (ROOT / "corpus" / "sensetime-genai" / "zh-Hant.txt").read_text(encoding="utf-8")
    return {"traditional": [*columns["zho_Hant"], corpus], "simplified": [*columns["zho_Hans"], *macdev]}


def reimplemented_python(given: str | None) -> Path:
    if given:
        return Path(given)
    python = THROWAWAY_VENV / "bin" / "python"
    if not python.exists():
        print(f"creating {THROWAWAY_VENV} with opencc-python-reimplemented (once)", file=sys.stderr)
        subprocess.run([sys.executable, "-m", "venv", str(THROWAWAY_VENV)], check=True)
        subprocess.run([str(python), "-m", "pip", "install", "-q", "opencc-python-reimplemented"], check=True)
    return python


def run_worker(python: Path | str, job: dict[str, object]) -> dict[str, dict[str, object]]:
    with tempfile.TemporaryDirectory() as folder:
        job_path, out_path = Path(folder) / "job.json", Path(folder) / "out.json"
        job_path.write_text(json.dumps(job, ensure_ascii=False), encoding="utf-8")
        subprocess.run([str(python), "-c", WORKER, str(job_path), str(out_path)], check=True, cwd=folder)
        return json.loads(out_path.read_text(encoding="utf-8"))


def compare_opencc(python: Path) -> None:
    texts = load_texts()
    job = {
        "rounds": ROUNDS,
        "texts": {
            "t2s": texts["traditional"],
            "s2t": texts["simplified"],
            "s2tw": texts["simplified"],
            "s2hk": texts["simplified"],
            "tw2sp": texts["traditional"],
        },
    }
    characters = {config: sum(map(len, batch)) for config, batch in job["texts"].items()}
    official = run_worker(sys.executable, job)
    port = run_worker(python, job)
    version = (
        subprocess.run(
            [str(python), "-m", "pip", "show", "opencc-python-reimplemented"], capture_output=True, text=True
        )
        .stdout.split("Version: ")[-1]
        .split()[0]
    )
    print(f"== opencc (official binding, this env) vs opencc-python-reimplemented {version} ({python})")
    print(f"{'config':8}{'chars':>10}{'official':>12}{'reimpl.':>12}{'speed-up':>10}{'load (ms)':>20}  identical texts")
    for config in job["texts"]:
        a, b = official[config], port[config]
        same = sum(x == y for x, y in zip(a["outputs"], b["outputs"], strict=True))
        loads = f"{a['load'] * 1000:.0f} / {b['load'] * 1000:.0f}"
        print(
            f"{config:8}{characters[config]:>10}{a['convert']:>11.3f}s{b['convert']:>11.3f}s"
            f"{b['convert'] / a['convert']:>9.1f}x{loads:>20}  {same}/{len(a['outputs'])}"
        )
        for x, y in zip(a["outputs"], b["outputs"], strict=True):
            if x != y:
                diff = next(i for i, (p, q) in enumerate(zip(x, y, strict=False)) if p != q) if len(x) == len(y) else 0
                print(
                    f"    first difference: official {x[diff : diff + 12]!r} vs reimplemented {y[diff : diff + 12]!r}"
                )
                break


def spans(tokens: list[str]) -> set[tuple[int, int]]:
    result, offset = set(), 0
    for token in tokens:
        result.add((offset, offset + len(token)))
        offset += len(token)
    return result


def agreement(reference: list[list[str]], candidate: list[list[str]], keep: object = None) -> float:
    """Share of token spans the two agree on (|A ∩ B| / |A ∪ B| over all texts); ``keep`` filters tokens."""
    shared = union = 0
    for ref, cand in zip(reference, candidate, strict=True):
        a, b = spans(ref), spans(cand)
        if keep is not None:
            text = "".join(ref)
            a = {span for span in a if keep(text[span[0] : span[1]])}  # type: ignore[operator]
            b = {span for span in b if keep(text[span[0] : span[1]])}  # type: ignore[operator]
        shared += len(a & b)
        union += len(a | b)
    return shared / union if union else 1.0


def has_han(token: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in token)


def load_seconds(code: str) -> float:
    """Import and first use in a fresh interpreter: what a CLI run pays."""
    timer = f"import time; t = time.perf_counter(); {code}; print(time.perf_counter() - t)"
    return min(
        float(subprocess.run([sys.executable, "-c", timer], capture_output=True, text=True, check=True).stdout)
        for _ in range(3)
    )


def compare_jieba() -> None:
    import jieba
    import jieba.posseg
    import rjieba

    from bitext.script import to_simplified

    texts = load_texts()
    documents = [to_simplified(text) for text in texts["traditional"]] + texts["simplified"]
    characters = sum(map(len, documents))
    jieba.setLogLevel(60)
    jieba.initialize()

    def best(function: object) -> tuple[float, list[list[str]]]:
        fastest, outputs = float("inf"), []
        for _ in range(ROUNDS):
            started = time.perf_counter()
            outputs = [function(text) for text in documents]  # type: ignore[operator]
            fastest = min(fastest, time.perf_counter() - started)
        return fastest, outputs

    print(f"== rjieba vs jieba on {len(documents)} simplified texts ({characters} characters)")
    print(f"{'':14}{'jieba':>9}{'rjieba':>9}{'speed-up':>10}{'same texts':>12}{'same spans':>12}{'Han words':>11}")
    for name, slow, fast in (
        ("cut", jieba.lcut, rjieba.cut),
        ("cut, no HMM", lambda t: jieba.lcut(t, HMM=False), lambda t: rjieba.cut(t, hmm=False)),
        ("tag (words)", lambda t: [p.word for p in jieba.posseg.lcut(t)], lambda t: [w for w, _ in rjieba.tag(t)]),
    ):
        slow_time, slow_out = best(slow)
        fast_time, fast_out = best(fast)
        same = sum(a == b for a, b in zip(slow_out, fast_out, strict=True))
        print(
            f"{name:14}{slow_time:>8.3f}s{fast_time:>8.3f}s{slow_time / fast_time:>9.1f}x{same:>7}/{len(documents)}"
            f"{agreement(slow_out, fast_out):>12.4f}{agreement(slow_out, fast_out, has_han):>11.4f}"
        )
    tagged_slow = [[(p.word, p.flag) for p in jieba.posseg.lcut(t)] for t in documents]
    tagged_fast = [list(map(tuple, rjieba.tag(t))) for t in documents]
    same_words = same_tags = 0
    for slow_tags, fast_tags in zip(tagged_slow, tagged_fast, strict=True):
        fast_spans = {}
        offset = 0
        for word, tag in fast_tags:
            fast_spans[(offset, offset + len(word))] = tag
            offset += len(word)
        offset = 0
        for word, tag in slow_tags:
            span = (offset, offset + len(word))
            offset += len(word)
            if span in fast_spans:
                same_words += 1
                same_tags += fast_spans[span] == tag
    print(f"tags where both cut the same word: {same_tags}/{same_words} = {same_tags / same_words:.4f} equal")
    jieba_load = load_seconds("import jieba; jieba.setLogLevel(60); jieba.lcut('预热')")
    rjieba_load = load_seconds("import rjieba; rjieba.cut('预热')")
    print(f"import + first cut in a fresh interpreter: jieba {jieba_load:.2f}s, rjieba {rjieba_load:.2f}s")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reimplemented-python", help="a python with opencc-python-reimplemented installed")
    parser.add_argument("--skip-opencc", action="store_true")
    parser.add_argument("--skip-jieba", action="store_true")
    args = parser.parse_args()
    if not DATA.is_dir():
        print(f"{DATA} is not present", file=sys.stderr)
        return 1
    if not args.skip_opencc:
        compare_opencc(reimplemented_python(args.reimplemented_python))
        print()
    if not args.skip_jieba:
        compare_jieba()
    return 0


if __name__ == "__main__":
    sys.exit(main())
