"""Entity alignment: examples on the bundled corpus and on small texts, and the invariants every
table must keep (mentions inside their beads, order of unrelated documents irrelevant)."""

from __future__ import annotations

import csv
from functools import cache

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import bitext
from bitext.align import Alignment, Bead
from bitext.entities import EntityPair, EntityTable, align_entities, align_entities_corpus
from bitext.formats.vecalign import parse_alignment
from bitext.segment import segment
from conftest import CORPUS


def one_to_one(zh_lines: list[str], en_lines: list[str]) -> Alignment:
    zh = segment("\n".join(zh_lines), "zh", presegmented=True)
    en = segment("\n".join(en_lines), "en", presegmented=True)
    return Alignment(zh, en, tuple(Bead((i,), (i,)) for i in range(len(zh_lines))))


@cache
def gold_alignment() -> Alignment:
    zh = segment((CORPUS / "zh-Hant.sentences.txt").read_text(encoding="utf-8"), "zh", presegmented=True)
    en = segment((CORPUS / "en.sentences.txt").read_text(encoding="utf-8"), "en", presegmented=True)
    beads = tuple(Bead(tuple(z), tuple(e)) for z, e in parse_alignment((CORPUS / "gold.align").read_text()))
    return Alignment(zh, en, beads)


@cache
def bundled_table() -> EntityTable:
    return align_entities(gold_alignment())


def find(table: EntityTable, zh: str, en: str) -> EntityPair:
    for pair in table:
        if pair.en == en and (pair.zh == zh or zh in pair.variants):
            return pair
    raise AssertionError(f"{zh} ↔ {en} not found in {[(p.zh, p.en) for p in table]}")


# ---------------------------------------------------------------- the bundled article


@pytest.mark.parametrize(
    ("zh", "en", "kind"),
    [
        ("徐立", "Xu Li", "PER"),
        ("湯曉鷗", "Tang Xiaoou", "PER"),
        ("新疆", "Xinjiang", "LOC"),
        ("商湯", "SenseTime", "ORG"),
        ("港交所", "Hong Kong Stock Exchange", "ORG"),
        ("香港中文大學", "Chinese University of Hong Kong", "ORG"),
    ],
)
def test_bundled_examples(zh: str, en: str, kind: str) -> None:
    pair = find(bundled_table(), zh, en)
    assert pair.type == kind
    assert pair.evidence


def test_sensetime_variants_map_to_one_pair() -> None:
    pair = find(bundled_table(), "商湯", "SenseTime")
    assert pair.zh == "商湯"
    assert {"商湯", "商湯科技", "商湯集團"} <= set(pair.variants)
    # the brand has no phonetic or dictionary link from 商湯 alone: co-occurrence finds it
    assert any(e.startswith("cooccurrence:") for e in pair.evidence)
    assert pair.count >= 15
    assert len([p for p in bundled_table() if p.en == "SenseTime"]) == 1


def test_dictionary_trap_is_not_taken() -> None:
    """CC-CEDICT glosses 商湯 alone as the ancient king Shang Tang: a hint, never a verdict."""
    assert not [p for p in bundled_table() if "Shang" in p.en or p.en == "Tang"]


def test_romanised_names_carry_their_system() -> None:
    assert "pinyin:xu li=1.00" in find(bundled_table(), "徐立", "Xu Li").evidence


def test_full_company_name_is_its_own_pair_anchored_by_the_ticker() -> None:
    pair = find(bundled_table(), "商湯集團股份有限公司", "SenseTime Group Co., Ltd.")
    assert "ticker:0020.HK" in pair.evidence
    assert not [p for p in bundled_table() if p.en == "0020.HK"]  # a ticker anchors, it is not an entity


def test_identical_latin_names() -> None:
    for name in ("OpenAI", "ChatGPT", "Oxford Intelligence"):
        assert "identical" in find(bundled_table(), name, name).evidence


def test_terms_defined_by_a_lowercase_long_form_are_not_names() -> None:
    """ "generative artificial intelligence (GenAI)": GenAI is a term, though identical on both sides."""
    assert not [p for p in bundled_table() if p.en in ("GenAI", "AI")]


def test_bundled_precision_and_recall_against_the_gold_list() -> None:
    with (CORPUS / "entities.tsv").open(encoding="utf-8") as handle:
        gold = [(row["zh"], row["en"]) for row in csv.DictReader(handle, delimiter="\t")]
    pairs = list(bundled_table())

    def hit(pair: EntityPair, zh: str, en: str) -> bool:
        return pair.en == en and (pair.zh == zh or zh in pair.variants)

    recall = sum(any(hit(p, zh, en) for p in pairs) for zh, en in gold) / len(gold)
    precision = sum(any(hit(p, zh, en) for zh, en in gold) for p in pairs) / len(pairs)
    assert recall >= 0.9
    assert precision >= 0.9


def test_alignment_from_the_default_pipeline_finds_the_brand() -> None:
    zh = (CORPUS / "zh-Hant.txt").read_text(encoding="utf-8")
    en = (CORPUS / "en.txt").read_text(encoding="utf-8")
    table = bitext.align_entities(bitext.align(zh, en, method="gale-church"))
    assert find(table, "商湯", "SenseTime").count >= 10


# ---------------------------------------------------------------- small texts


@pytest.mark.parametrize(
    ("zh", "en", "zh_name", "en_name", "system"),
    [
        (
            "李嘉誠昨日在香港出席活動。",
            "Li Ka-shing attended an event in Hong Kong yesterday.",
            "李嘉誠",
            "Li Ka-shing",
            "cantonese",
        ),
        ("蔡英文今天發表談話。", "Tsai Ing-wen made a statement today.", "蔡英文", "Tsai Ing-wen", "wade-giles"),
        ("曾蔭權出席了會議。", "Donald Tsang attended the meeting.", "曾蔭權", "Donald Tsang", None),
    ],
)
def test_romanisation_systems(zh: str, en: str, zh_name: str, en_name: str, system: str | None) -> None:
    table = align_entities(one_to_one([zh], [en]))
    if system is None:
        # an English given name plus a Cantonese surname (Donald Tsang): not a romanisation of the
        # whole name, so nothing may be claimed from it alone
        assert all(not e.startswith(("cantonese:", "pinyin:")) or p.zh != zh_name for p in table for e in p.evidence)
        return
    pair = find(table, zh_name, en_name)
    assert any(e.startswith(system + ":") for e in pair.evidence)
    assert pair.type == "PER"


def test_foreign_name_written_in_chinese() -> None:
    table = align_entities(
        one_to_one(
            ["委員會常任秘書莎拉．戴紐斯週一公開表示，已放棄嘗試聯繫巴布．狄倫。"],
            [
                "Sara Danius, permanent secretary of the committee, said on Monday it had given up trying to reach "
                "Bob Dylan."
            ],
        )
    )
    assert find(table, "莎拉．戴紐斯", "Sara Danius")
    assert find(table, "巴布．狄倫", "Bob Dylan")
    assert not [p for p in table if p.en == "Monday"]


def test_no_pair_without_evidence() -> None:
    """Two unrelated names alone in a bead are not paired just because they are alone."""
    table = align_entities(one_to_one(["王小明去了學校。"], ["Peter went to school."]))
    assert len(table) == 0


def test_unaligned_beads_give_nothing() -> None:
    zh = segment("徐立說話。\n", "zh", presegmented=True)
    en = segment("Xu Li spoke.\n", "en", presegmented=True)
    table = align_entities(Alignment(zh, en, (Bead((0,), ()), Bead((), (0,)))))
    assert len(table) == 0


# ---------------------------------------------------------------- invariants

NAMES = [
    ("徐立", "Xu Li"),
    ("湯曉鷗", "Tang Xiaoou"),
    ("新疆", "Xinjiang"),
    ("李嘉誠", "Li Ka-shing"),
    ("蔡英文", "Tsai Ing-wen"),
    ("香港", "Hong Kong"),
    ("瑞典", "Sweden"),
    ("OpenAI", "OpenAI"),
    ("牛津大學", "University of Oxford"),
    ("加拿大", "Canada"),
    ("王小明", "Peter"),
]
FILLERS = [("今天說", "said today"), ("與", "met"), ("在", "was in"), ("宣布了計劃", "announced a plan")]


@st.composite
def sentence_pairs(draw: st.DrawFn) -> tuple[str, str]:
    names = draw(st.lists(st.sampled_from(NAMES), min_size=1, max_size=3))
    filler_zh, filler_en = draw(st.sampled_from(FILLERS))
    zh = filler_zh.join(n[0] for n in names) + "。"
    en = f" {filler_en} ".join(n[1] for n in names) + "."
    return zh, en


@st.composite
def documents(draw: st.DrawFn) -> Alignment:
    """A document of 1-4 sentence pairs, grouped into random 1-1 / 2-1 / 1-2 / 1-0 / 0-1 beads."""
    pairs = draw(st.lists(sentence_pairs(), min_size=1, max_size=4))
    zh = segment("\n".join(p[0] for p in pairs), "zh", presegmented=True)
    en = segment("\n".join(p[1] for p in pairs), "en", presegmented=True)
    beads, i, j = [], 0, 0
    while i < len(pairs) or j < len(pairs):
        shape = draw(st.sampled_from([(1, 1), (2, 1), (1, 2), (1, 0), (0, 1)]))
        take_zh = min(shape[0], len(pairs) - i)
        take_en = min(shape[1], len(pairs) - j)
        if take_zh == take_en == 0:
            take_zh, take_en = min(1, len(pairs) - i), min(1, len(pairs) - j)
        beads.append(Bead(tuple(range(i, i + take_zh)), tuple(range(j, j + take_en))))
        i, j = i + take_zh, j + take_en
    return Alignment(zh, en, tuple(beads))


def _bead_bounds(alignment: Alignment, number: int) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    bead = alignment.beads[number]
    return ([(s.start, s.end) for s in alignment.zh_spans(bead)], [(s.start, s.end) for s in alignment.en_spans(bead)])


@settings(deadline=None)
@given(documents())
def test_mentions_lie_inside_their_beads(alignment: Alignment) -> None:
    for pair in align_entities(alignment):
        assert pair.count == len(pair.mentions) > 0
        assert set(pair.beads) == {m.bead for m in pair.mentions}
        for mention in pair.mentions:
            zh_spans, en_spans = _bead_bounds(alignment, mention.bead)
            assert any(s <= mention.zh_start < mention.zh_end <= e for s, e in zh_spans)
            assert any(s <= mention.en_start < mention.en_end <= e for s, e in en_spans)
            assert alignment.zh.text[mention.zh_start : mention.zh_end] in pair.variants
            assert alignment.en.text[mention.en_start : mention.en_end] in pair.en_variants


@settings(deadline=None, max_examples=25)
@given(st.lists(documents(), min_size=2, max_size=4), st.randoms(use_true_random=False))
def test_tables_do_not_depend_on_the_order_of_other_documents(alignments: list[Alignment], rng) -> None:
    order = list(range(len(alignments)))
    rng.shuffle(order)
    tables = align_entities_corpus(alignments)
    shuffled = align_entities_corpus([alignments[i] for i in order])
    for position, original in enumerate(order):
        assert shuffled[position].pairs == tables[original].pairs


def test_settings_name_the_method() -> None:
    assert bundled_table().settings["entities"].startswith("entities-")


def test_sentence_anchors_come_from_rare_pairs_only() -> None:
    from bitext.entities.anchors import sentence_anchors

    alignment = gold_alignment()
    anchors = sentence_anchors(alignment.zh, alignment.en, bundled_table())
    assert anchors
    assert not [a for a in anchors if a.en == "SenseTime"]  # in every other sentence: pins nothing
    for anchor in anchors:
        assert (
            anchor.zh in alignment.zh.sentences[anchor.zh_sentence].text
            or anchor.zh in find(bundled_table(), anchor.zh, anchor.en).variants
        )
        assert 0 < anchor.weight <= 1
    # 徐立 / Xu Li is in three sentences on each side: all nine pairings are proposed, weight 1/9
    # each, and the three true ones (the gold beads) are among them
    xu = {(a.zh_sentence, a.en_sentence): a.weight for a in anchors if a.en == "Xu Li"}
    gold_links = {(i, j) for bead in alignment.beads for i in bead.zh for j in bead.en}
    true_links = {link for link in xu if link in gold_links}
    assert len(xu) == 9 and all(abs(w - 1 / 9) < 1e-9 for w in xu.values())
    assert len(true_links) == 3
