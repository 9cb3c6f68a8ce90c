"""The bundled parallel corpus: its files agree with the seed, the segmenter and each other."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bitext.segment import segment

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus" / "sensetime-genai"
SEED = ROOT.parent / "shared" / "seeds" / "000_e360d4e0eb09aa2a.txt"
BEAD = re.compile(r"^\[(\d+(?:,\d+)*)?\]:\[(\d+(?:,\d+)*)?\]$")

# English-only lines (the site's translation note and page chrome): no Chinese counterpart.
# Each entry is the start of exactly one line of en.sentences.txt.
BOILERPLATE = (
    'This article "Completed restructuring and transformation strategy-SenseTime entered into generative',
    '"完成重組轉變策略-商湯進軍生成式人工智能',
    "Original Chinese article at:",
    "https://thebambooworks.com/zh/",
    "要查看或添加评论,请登录",
    "Coun Jurgen的更多文章",
)


def _text(name: str) -> str:
    return (CORPUS / name).read_text(encoding="utf-8")


def _sentence_lines(name: str) -> list[str]:
    raw = _text(name)
    assert raw.endswith("\n"), f"{name} should end with a newline"
    return raw[:-1].split("\n")


def _beads() -> list[tuple[list[int], list[int]]]:
    beads = []
    for line in _text("gold.align").splitlines():
        found = BEAD.match(line)
        assert found, f"malformed bead {line!r}"
        beads.append(tuple([int(i) for i in group.split(",")] if group else [] for group in found.groups()))
    return beads


@pytest.mark.skipif(not SEED.exists(), reason="shared seed files are not available")
def test_english_is_the_seed_byte_for_byte() -> None:
    assert (CORPUS / "en.txt").read_bytes() == SEED.read_bytes()


@pytest.mark.parametrize("name", ["zh-Hant.sentences.txt", "en.sentences.txt"])
def test_sentence_files_have_no_blank_lines(name: str) -> None:
    lines = _sentence_lines(name)
    assert lines
    assert all(line.strip() for line in lines)
    assert all(line == line.strip() for line in lines)


def test_gold_is_monotone_and_covers_both_sides_exactly_once() -> None:
    n_zh = len(_sentence_lines("zh-Hant.sentences.txt"))
    n_en = len(_sentence_lines("en.sentences.txt"))
    next_zh = next_en = 0
    for zh, en in _beads():
        assert zh or en, "empty bead"
        assert zh == list(range(next_zh, next_zh + len(zh)))
        assert en == list(range(next_en, next_en + len(en)))
        next_zh += len(zh)
        next_en += len(en)
    assert (next_zh, next_en) == (n_zh, n_en)


def test_gold_has_the_expected_mix_of_bead_types() -> None:
    kinds: dict[tuple[int, int], int] = {}
    for zh, en in _beads():
        kinds[len(zh), len(en)] = kinds.get((len(zh), len(en)), 0) + 1
    # Mostly 1-1, with real merges and splits, and the English-only tail as insertions.
    assert kinds[1, 1] > len(_beads()) / 2
    assert kinds.get((1, 2), 0) >= 3
    assert kinds.get((2, 1), 0) >= 1
    assert kinds.get((0, 1), 0) == len(BOILERPLATE)


def test_english_boilerplate_is_unaligned() -> None:
    en = _sentence_lines("en.sentences.txt")
    bead_of = {i: (zh, ens) for zh, ens in _beads() for i in ens}
    for marker in BOILERPLATE:
        matches = [i for i, line in enumerate(en) if line.startswith(marker)]
        assert len(matches) == 1, f"boilerplate line not found once: {marker!r}"
        zh, ens = bead_of[matches[0]]
        assert zh == [] and ens == [matches[0]], f"{marker!r} should be a 0-1 bead"


def test_chinese_has_no_boilerplate_counterpart() -> None:
    zh = _text("zh-Hant.txt")
    for marker in ("thebambooworks", "Original Chinese article", "请登录", "Coun Jurgen"):
        assert marker not in zh


def test_entities_occur_on_their_side() -> None:
    zh, en = _text("zh-Hant.txt"), _text("en.txt")
    rows = [line.split("\t") for line in _text("entities.tsv").splitlines()]
    assert rows[0] == ["zh", "en", "type"]
    assert len(rows) > 10
    for row in rows[1:]:
        assert len(row) == 3, row
        zh_form, en_form, kind = row
        assert kind in {"PER", "ORG", "LOC", "MISC"}, row
        assert zh_form in zh, f"{zh_form!r} not in zh-Hant.txt"
        assert en_form in en, f"{en_form!r} not in en.txt"


@pytest.mark.parametrize(
    ("raw", "sentences", "lang"),
    [
        ("zh-Hant.txt", "zh-Hant.sentences.txt", "zh"),
        ("en.txt", "en.sentences.txt", "en"),
    ],
)
def test_segmenter_reproduces_sentence_files(raw: str, sentences: str, lang: str) -> None:
    document = segment(_text(raw), lang)
    assert [s.text for s in document.sentences] == _sentence_lines(sentences)


def test_paragraph_structure_matches() -> None:
    zh_paragraphs = [p for p in _text("zh-Hant.txt").split("\n\n") if p.strip()]
    en_paragraphs = [p for p in _text("en.txt").split("\n\n") if p.strip()]
    # English adds six boilerplate paragraphs; Chinese has the subheading as its own paragraph.
    assert len(zh_paragraphs) == len(en_paragraphs) - len(BOILERPLATE) + 1
    assert all("\n" not in p.strip() for p in zh_paragraphs)


def test_chinese_is_traditional() -> None:
    from bitext.script import detect_script

    assert detect_script(_text("zh-Hant.txt")).script == "traditional"
