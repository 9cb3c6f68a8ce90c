"""Every export round-trips on generated alignments with hostile text, and reads back in the tools people use.

Alignments are built directly from Documents with offsets (no segmenter involved), so the generated text can
hold anything: tabs, newlines, carriage returns, ``<&>``, quotes, backslashes, control characters, astral-plane
characters, line separators, "NA".
"""

from __future__ import annotations

import csv
import io
import json
import re
from html.parser import HTMLParser
from pathlib import Path
from xml.etree import ElementTree

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bitext.align.beads import Alignment, Bead
from bitext.document import Document
from bitext.entities.model import EntityPair, EntityTable, Mention
from bitext.errors import BitextError
from bitext.formats import WRITERS, Export, get_writer, read_jsonl, read_tsv, save
from bitext.formats.html import visible
from bitext.formats.tmx import xml_safe
from bitext.formats.tsv import escape, unescape
from bitext.qa import Flag, QAReport, check

HOSTILE = [
    "\t",
    "\n",
    "\r",
    "\r\n",
    "<",
    ">",
    "&",
    '"',
    "'",
    "\\",
    "\\t",
    "\x00",
    "\x01",
    "\x0b",
    "\x1f",
    "\x7f",
    "\x85",
    "\u2028",
    "\u2029",
    "\ufeff",
    "😀",
    "𠀋",
    "]]>",
    "</script>",
    "<!--",
    "NA",
    "#",
    ",",
    "商湯",
    "SenseTime",
    "47億",
    "4.7 billion",
    "1 萬 7000",
    "百分之",
    "12:00",
    "XIV",
    "DD",
    "twenty-",
    "https://x.y/%E5",
]

sentence_text = st.lists(
    st.one_of(st.sampled_from(HOSTILE), st.text(st.characters(exclude_categories=("Cs",)), min_size=1, max_size=8)),
    min_size=1,
    max_size=6,
).map("".join)
SHAPES = [(1, 1), (1, 2), (2, 1), (1, 0), (0, 1), (2, 2), (1, 3)]
bead_shapes = st.lists(st.sampled_from(SHAPES), min_size=1, max_size=8)


def make_document(texts: list[str], lang: str, separators: list[str]) -> Document:
    """Sentences joined by whitespace separators, offsets computed exactly."""
    pieces, offsets, cursor = [], [], 0
    for number, text in enumerate(texts):
        if number:
            separator = separators[number % len(separators)]
            pieces.append(separator)
            cursor += len(separator)
        pieces.append(text)
        offsets.append((cursor, cursor + len(text)))
        cursor += len(text)
    return Document("".join(pieces), lang, tuple(offsets), name=f"{lang}<&>\t.txt")  # type: ignore[arg-type]


@st.composite
def alignments(draw: st.DrawFn) -> Alignment:
    shapes = draw(bead_shapes)
    zh_count, en_count = sum(s[0] for s in shapes), sum(s[1] for s in shapes)
    separators = draw(st.lists(st.sampled_from([" ", "\n", "\n\n", "\t", "\u3000", "\r\n"]), min_size=1, max_size=3))
    zh = make_document(draw(st.lists(sentence_text, min_size=zh_count, max_size=zh_count)), "zh", separators)
    en = make_document(draw(st.lists(sentence_text, min_size=en_count, max_size=en_count)), "en", separators)
    beads, next_zh, next_en = [], 0, 0
    for zh_n, en_n in shapes:
        score = draw(st.floats(0, 1))
        beads.append(
            Bead(tuple(range(next_zh, next_zh + zh_n)), tuple(range(next_en, next_en + en_n)), score, {"length": score})
        )
        next_zh, next_en = next_zh + zh_n, next_en + en_n
    settings = {"bitext": "test", "aligner": 'hostile\t"<x>"', "presegmented": False}
    return Alignment(zh, en, tuple(beads), settings)


def entity_table(alignment: Alignment) -> EntityTable:
    """One pair per aligned bead, taken from the first character of each side's text (hand-built table)."""
    pairs = []
    for number, bead in enumerate(alignment.beads):
        if not bead.is_aligned:
            continue
        zh_span, en_span = alignment.zh_spans(bead)[0], alignment.en_spans(bead)[0]
        mention = Mention(number, zh_span.start, zh_span.start + 1, en_span.start, en_span.start + 1)
        pairs.append(
            EntityPair(zh_span.text[:1], en_span.text[:1], "ORG", 1, 0.5, ("identical",), (number,), (mention,))
        )
    return EntityTable(tuple(pairs))


def full_export(alignment: Alignment, **kwargs) -> Export:
    entities = entity_table(alignment)
    return Export(alignment, entities=entities, qa=check(alignment, entities), **kwargs)


def written(export: Export, name: str) -> str:
    out = io.StringIO()
    get_writer(name).write(export, out)
    return out.getvalue()


# ---------------------------------------------------------------------------------------------------------
# TSV


@given(st.text(st.characters(exclude_categories=("Cs",))))
def test_tsv_escape_round_trips_and_leaves_no_line_or_column_break(text: str) -> None:
    escaped = escape(text)
    assert unescape(escaped) == text
    assert not set(escaped) & {"\t", "\n", "\r"}


@given(alignments())
def test_tsv_round_trips_through_read_tsv(alignment: Alignment) -> None:
    export = full_export(alignment)
    data = read_tsv(io.StringIO(written(export, "tsv")))
    expected = export.records()
    assert len(data.records) == len(expected)
    for got, want in zip(data.records, expected, strict=True):
        assert (got.zh, got.en, got.type, got.zh_ids, got.en_ids, got.doc_id, got.bead, got.flags, got.entities) == (
            want.zh,
            want.en,
            want.type,
            want.zh_ids,
            want.en_ids,
            want.doc_id,
            want.bead,
            want.flags,
            want.entities,
        )
        assert got.score == pytest.approx(want.score, abs=5e-5)


@given(alignments())
def test_tsv_reads_back_exactly_with_the_documented_pandas_call(alignment: Alignment) -> None:
    pd = pytest.importorskip("pandas")
    export = full_export(alignment)
    text = written(export, "tsv")
    # The call docs/guide-data-team.md gives, verbatim:
    df = pd.read_csv(io.StringIO(text), sep="\t", quoting=csv.QUOTE_NONE, dtype=str, keep_default_na=False)
    df["zh"] = df["zh"].map(unescape)
    df["en"] = df["en"].map(unescape)
    records = export.records()
    assert list(df["zh"]) == [r.zh for r in records]
    assert list(df["en"]) == [r.en for r in records]
    assert list(df["type"]) == [r.type for r in records]
    assert list(df["bead"].astype(int)) == [r.bead for r in records]


@given(alignments())
def test_tsv_reads_back_exactly_with_the_csv_module(alignment: Alignment) -> None:
    export = full_export(alignment)
    rows = list(csv.reader(io.StringIO(written(export, "tsv"), newline=""), delimiter="\t", quoting=csv.QUOTE_NONE))
    assert rows[0][:2] == ["zh", "en"]
    assert [unescape(row[0]) for row in rows[1:]] == [r.zh for r in export.records()]
    assert [unescape(row[1]) for row in rows[1:]] == [r.en for r in export.records()]


def test_tsv_cell_starting_with_a_quote_survives_pandas() -> None:
    pd = pytest.importorskip("pandas")
    zh = make_document(["「他說」", '"引號"開頭'], "zh", [" "])
    en = make_document(['"He said"', '"Quoted" start\tand a tab'], "en", [" "])
    alignment = Alignment(zh, en, (Bead((0,), (0,), 0.9), Bead((1,), (1,), 0.8)))
    text = written(Export(alignment), "tsv")
    df = pd.read_csv(io.StringIO(text), sep="\t", quoting=csv.QUOTE_NONE, dtype=str, keep_default_na=False)
    assert list(df["en"].map(unescape)) == ['"He said"', '"Quoted" start\tand a tab']
    assert list(df["zh"]) == ["「他說」", '"引號"開頭']


def test_tsv_sidecar_records_signature_and_read_tsv_returns_it(tmp_path: Path) -> None:
    alignment = _small_alignment()
    path = tmp_path / "out.tsv"
    save(Export(alignment, qa=check(alignment)), path, "tsv")
    meta = json.loads((tmp_path / "out.tsv.meta.json").read_text(encoding="utf-8"))
    assert meta["signature"] == alignment.signature
    assert meta["columns"][:2] == ["zh", "en"]
    assert read_tsv(path).metadata["signature"] == alignment.signature
    assert path.read_text(encoding="utf-8").split("\n")[0].split("\t")[:2] == ["zh", "en"]


def test_min_score_and_drop_unaligned_keep_bead_numbers() -> None:
    alignment = _small_alignment()
    export = Export(alignment, min_score=0.5)
    assert [r.bead for r in read_tsv(io.StringIO(written(export, "tsv"))).records] == [0, 2]
    export = Export(alignment, drop_unaligned=True)
    assert [r.bead for r in read_tsv(io.StringIO(written(export, "tsv"))).records] == [0, 1, 2]


def _small_alignment() -> Alignment:
    zh = make_document(["商湯收入47億元。", "第二句。", "第三句。"], "zh", [""])
    en = make_document(["SenseTime earned 4.5 billion yuan.", "Second.", "Third.", "Extra."], "en", [" "])
    beads = (Bead((0,), (0,), 0.9), Bead((1,), (1,), 0.3), Bead((2,), (2,), 0.7), Bead((), (3,), 0.0))
    return Alignment(zh, en, beads, {"bitext": "test", "aligner": "hand"})


# ---------------------------------------------------------------------------------------------------------
# JSONL


@given(alignments())
def test_jsonl_round_trips_with_spans_flags_and_entities(alignment: Alignment) -> None:
    export = full_export(alignment)
    text = written(export, "jsonl")
    assert text.count("\n") == len(alignment.beads) + 1  # one header, one line per bead, no stray line breaks
    assert all(sep not in text for sep in ("\u2028", "\u2029", "\x85"))
    data = read_jsonl(io.StringIO(text))
    assert data.records == export.records()
    assert data.metadata["signature"] == alignment.signature
    for line in text.splitlines()[1:]:
        record = json.loads(line)
        assert [alignment.zh.text[s:e] for s, e in record["zh_spans"]] == [
            alignment.zh.sentences[i].text for i in record["zh_ids"]
        ]
        for entity in record["entities"]:
            for mention in entity["mentions"]:
                assert alignment.zh.text[slice(*mention["zh"])] == entity["zh"]
                assert alignment.en.text[slice(*mention["en"])] == entity["en"]
        assert {f["code"] for f in record["flags"]} == {f.code for f in export.flags_for(record["bead"])}


# ---------------------------------------------------------------------------------------------------------
# TMX


@given(alignments())
def test_tmx_reads_back_with_translate_toolkit(alignment: Alignment) -> None:
    tmx = pytest.importorskip("translate.storage.tmx")
    export = full_export(alignment)
    text = written(export, "tmx")
    store = tmx.tmxfile.parsestring(text.encode("utf-8"))
    aligned = [(n, b) for n, b in export.beads() if b.is_aligned]
    assert len(store.units) == len(aligned)
    for unit, (_, bead) in zip(store.units, aligned, strict=True):
        assert unit.source == xml_safe(export.zh_text(bead))
        assert unit.target == xml_safe(export.en_text(bead))


@given(alignments())
def test_tmx_is_well_formed_and_carries_scores_and_signature(alignment: Alignment) -> None:
    export = full_export(alignment)
    root = ElementTree.fromstring(written(export, "tmx").encode("utf-8"))
    assert root.get("version") == "1.4"
    header = root.find("header")
    assert header is not None
    props = {p.get("type"): p.text or "" for p in header.findall("prop")}
    assert props["x-bitext-signature"] == xml_safe(alignment.signature)
    for tu in root.iter("tu"):
        bead = alignment.beads[int(tu.get("tuid", "-1"))]
        unit_props = {p.get("type"): p.text for p in tu.findall("prop")}
        assert float(unit_props["x-bitext-score"] or "nan") == pytest.approx(bead.score, abs=5e-5)
        langs = [tuv.get("{http://www.w3.org/XML/1998/namespace}lang") for tuv in tu.findall("tuv")]
        assert langs[1] == "en" and langs[0] in ("zh-Hant", "zh-Hans", "zh")
        seg = tu.find("tuv/seg")
        assert seg is not None and (seg.text or "") == xml_safe(export.zh_text(bead))


def test_tmx_srclang_follows_the_script() -> None:
    for text, tag in (("這是繁體中文的句子，說明語言。", "zh-Hant"), ("这是简体中文的句子，说明语言。", "zh-Hans")):
        zh = make_document([text], "zh", [" "])
        en = make_document(["A sentence."], "en", [" "])
        out = written(Export(Alignment(zh, en, (Bead((0,), (0,), 1.0),))), "tmx")
        assert f'srclang="{tag}"' in out and f'xml:lang="{tag}"' in out


# ---------------------------------------------------------------------------------------------------------
# Parquet


@given(alignments())
def test_parquet_round_trips(alignment: Alignment) -> None:
    pytest.importorskip("pyarrow")
    from bitext.formats.parquet import read_parquet

    export = full_export(alignment)
    buffer = io.BytesIO()
    get_writer("parquet").write(export, buffer)
    buffer.seek(0)
    data = read_parquet(buffer)
    assert data.records == export.records()
    assert data.metadata["signature"] == alignment.signature


def test_parquet_loads_in_pandas_with_spans(tmp_path: Path) -> None:
    pd = pytest.importorskip("pandas")
    pytest.importorskip("pyarrow")
    alignment = _small_alignment()
    save(Export(alignment, qa=check(alignment)), tmp_path / "x.parquet", "parquet")
    df = pd.read_parquet(tmp_path / "x.parquet")
    assert list(df["en"]) == [alignment.en_text(b) for b in alignment.beads]
    first = df["zh_spans"][0][0]
    assert alignment.zh.text[first["start"] : first["end"]] == alignment.zh_text(alignment.beads[0])
    assert "number-mismatch" in [f["code"] for f in df["flags"][0]]


def test_parquet_without_pyarrow_is_a_one_line_error(monkeypatch: pytest.MonkeyPatch) -> None:
    import builtins

    real_import = builtins.__import__

    def no_pyarrow(name: str, *args, **kwargs):  # type: ignore[no-untyped-def]
        if name.startswith("pyarrow"):
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_pyarrow)
    with pytest.raises(BitextError, match=r"pip install 'bitext\[parquet\]'"):
        get_writer("parquet").write(Export(_small_alignment()), io.BytesIO())


# ---------------------------------------------------------------------------------------------------------
# HTML (structure and escaping; the browser tests are in test_html_browser.py)


class _CellText(HTMLParser):
    """Collects the text of every <div class="zh"> and <div class="en"> and every tag/attribute seen."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.cells: dict[str, list[str]] = {"zh": [], "en": []}
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self._open: str | None = None
        self._depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        self.tags.append((tag, attributes))
        if self._open:
            self._depth += 1
        elif tag == "div" and attributes.get("class") in ("zh", "en"):
            self._open, self._depth = attributes["class"], 0
            self.cells[self._open].append("")

    def handle_endtag(self, tag: str) -> None:
        if self._open:
            if self._depth == 0:
                self._open = None
            else:
                self._depth -= 1

    def handle_data(self, data: str) -> None:
        if self._open:
            self.cells[self._open][-1] += data


@given(alignments())
def test_html_shows_every_text_exactly_and_runs_no_injected_markup(alignment: Alignment) -> None:
    export = full_export(alignment)
    page = written(export, "html")
    parser = _CellText()
    parser.feed(page)
    shown = [b for _, b in export.beads()]
    assert parser.cells["zh"] == [_as_shown(alignment.zh_text(b)) for b in shown]
    assert parser.cells["en"] == [_as_shown(alignment.en_text(b)) for b in shown]
    scripts = [attributes for tag, attributes in parser.tags if tag == "script"]
    assert [a.get("type") for a in scripts] == ["application/json", None]  # the editor's data and ours, only
    data = json.loads(re.search(r'<script type="application/json" id="bitext-data">(.*?)</script>', page, re.S)[1])
    assert data["zh"]["sentences"] == [s.text for s in alignment.zh.sentences]  # no text ends the data block
    assert data["en"]["sentences"] == [s.text for s in alignment.en.sentences]
    for _tag, attributes in parser.tags:
        for key in ("href", "src"):
            assert attributes.get(key) is None or str(attributes[key]).startswith("#")


def _as_shown(text: str) -> str:
    """What a browser shows for ``text``: the control pictures :func:`visible` substitutes, \\r\\n parsed as \\n."""
    import html as html_module

    return html_module.unescape(visible(text)).replace("\r\n", "\n").replace("\r", "\n")


def test_html_is_self_contained_and_light_for_2000_beads() -> None:
    sentences = [f"第{k}句，收入{k}億元。" for k in range(2000)]
    english = [f"Sentence {k}: revenue was {k / 10} billion yuan." for k in range(2000)]
    zh = make_document(sentences, "zh", [""])
    en = make_document(english, "en", [" "])
    beads = tuple(Bead((k,), (k,), (k % 10) / 10) for k in range(2000))
    alignment = Alignment(zh, en, beads, {"bitext": "test"})
    page = written(Export(alignment, qa=check(alignment)), "html")
    assert page.count('<article class="bead') == 2000
    assert page.count("<line ") == 2001  # one segment per bead plus the diagonal
    text_bytes = len(zh.text.encode()) + len(en.text.encode())
    # The texts are there twice: in the beads, and in the editor's data (to draw an edited bead).
    assert len(page.encode()) < 2 * text_bytes + 2000 * 900, "markup per bead grew beyond ~0.9 kB"
    assert not re.search(r"""(?:src|href)=["'](?!#)""", page)
    assert "http://" not in page and "https://" not in page


def test_html_path_caption_numbers_the_sentences_from_0_to_the_last() -> None:
    # A user trial (Taiwan's Administrative Procedure Act, 778 Chinese and 753 English sentences): the caption said
    # "Chinese sentences 0–778 · English 0–753", one more sentence on each side than the page's own counts.
    zh = make_document(["一。", "二。", "三。"], "zh", [""])
    en = make_document(["One.", "Two."], "en", [" "])
    alignment = Alignment(zh, en, (Bead((0, 1), (0,), 0.9), Bead((2,), (1,), 0.9)), {"bitext": "test"})
    page = written(Export(alignment, qa=check(alignment)), "html")
    assert "Chinese sentences 0–2 → · English 0–1 ↓" in page


def test_html_document_figures() -> None:
    alignment = _small_alignment()
    page = written(Export(alignment, qa=check(alignment)), "html")
    assert "2 × 1-1" not in page and "3 × 1-1" in page and "1 × 0-1" in page
    assert f"{(0.9 + 0.3 + 0.7 + 0.0) / 4:.2f}" in page
    assert 'id="flagged-count">' in page


# ---------------------------------------------------------------------------------------------------------
# Registry and files


def test_every_format_is_registered_and_unknown_is_a_user_error() -> None:
    assert {"tsv", "jsonl", "tmx", "html", "parquet", "align"} <= set(WRITERS)
    with pytest.raises(BitextError, match="unknown format"):
        get_writer("docx")


def test_save_leaves_no_partial_file_on_error(tmp_path: Path) -> None:
    class Broken(Export):
        def records(self):  # type: ignore[no-untyped-def]
            raise RuntimeError("boom")

    with pytest.raises(RuntimeError):
        save(Broken(_small_alignment()), tmp_path / "x.tsv", "tsv")
    assert list(tmp_path.iterdir()) == []


def test_flags_from_a_hand_built_report_reach_every_format() -> None:
    alignment = _small_alignment()
    report = QAReport((Flag(1, "error", "hand-made", 'a <"message"> & more'),), len(alignment.beads))
    export = Export(alignment, qa=report)
    assert "error:hand-made" in written(export, "tsv")
    assert json.loads(written(export, "jsonl").splitlines()[2])["flags"][0]["message"] == 'a <"message"> & more'
    assert '<prop type="x-bitext-flag">error:hand-made</prop>' in written(export, "tmx")
    assert "a &lt;&quot;message&quot;&gt; &amp; more" in written(export, "html")


def test_html_gives_two_pairs_in_one_bead_different_colours() -> None:
    zh = make_document(["甲乙", "丙丁戊己庚辛壬癸子"], "zh", [" "])
    en = make_document(["a b", "c d e f g h i j k"], "en", [" "])
    alignment = Alignment(zh, en, (Bead((0,), (0,), 1.0), Bead((1,), (1,), 1.0)))
    # pairs 0 and 10 (same colour by number: 10 colours) share bead 0; pairs 1-9 are in bead 1
    offsets = {0: (0, 0), 10: (1, 2)} | {k: (2 + k, 2 + 2 * k) for k in range(1, 10)}
    pairs = tuple(
        EntityPair(
            zh.text[z],
            en.text[e],
            "MISC",
            1,
            1.0,
            (),
            (0 if k in (0, 10) else 1,),
            (Mention(0 if k in (0, 10) else 1, z, z + 1, e, e + 1),),
        )
        for k, (z, e) in sorted(offsets.items())
    )
    page = written(Export(alignment, entities=EntityTable(pairs)), "html")
    bead0 = page[page.index('id="b0"') : page.index('id="b1"')]
    marks = re.findall(r'<mark class="ent (e\d)" data-ent="(\d+)"', bead0)
    colours = {ent: cls for cls, ent in marks}
    assert set(colours) == {"0", "10"} and colours["0"] != colours["10"]
    assert marks[:2] == marks[2:]  # each pair has the same colour on both sides
