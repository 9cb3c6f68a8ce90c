"""Corrections files: what the review page saves, applied by ``bitext.align(..., corrections=)`` and ``--corrections``.

The property test edits an automatic alignment the way the page does (merge with the next bead, split at a cut on
each side, move an edge sentence to the neighbour, confirm) and checks what any corrections file must give."""

from __future__ import annotations

import json
import warnings
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import bitext
from bitext.align.beads import Bead, check_beads
from bitext.cli.main import main
from bitext.corrections import (
    Corrections,
    CorrectionsWarning,
    corrections_for,
    fingerprint,
    parse_corrections,
    read_corrections,
)
from bitext.errors import InputError
from bitext.formats import read_jsonl, read_parquet, read_tsv
from bitext.inputs import read_document
from bitext.segment import segment
from test_formats import make_document

ZH = [f"第{k}句說的是{'很長的事情，' * (k % 4)}收入{k}億元。" for k in range(14)]
EN = [f"Sentence {k} says {'a long story, ' * (k % 4)}revenue was {k} billion yuan." for k in range(14)]


def documents(zh: list[str] = ZH, en: list[str] = EN) -> tuple[bitext.Document, bitext.Document]:
    return make_document(zh, "zh", [""]), make_document(en, "en", [" "])


# -- the page's edits, on (zh ids, en ids, status) beads --------------------------------------------------------


def _edited(zh: tuple[int, ...], en: tuple[int, ...]) -> Bead:
    return Bead(zh, en, 1.0, {}, "edited")


def merge(beads: list[Bead], k: int) -> list[Bead]:
    if k + 1 >= len(beads):
        return beads
    a, b = beads[k], beads[k + 1]
    return [*beads[:k], _edited(a.zh + b.zh, a.en + b.en), *beads[k + 2 :]]


def split(beads: list[Bead], k: int, zh_cut: int, en_cut: int) -> list[Bead]:
    b = beads[k]
    zh_cut, en_cut = zh_cut % (len(b.zh) + 1), en_cut % (len(b.en) + 1)
    first, second = (b.zh[:zh_cut], b.en[:en_cut]), (b.zh[zh_cut:], b.en[en_cut:])
    if not (first[0] or first[1]) or not (second[0] or second[1]):
        return beads
    return [*beads[:k], _edited(*first), _edited(*second), *beads[k + 1 :]]


def move_last(beads: list[Bead], k: int, side: str) -> list[Bead]:
    """The last sentence of one side of bead k goes to the start of bead k + 1 (an emptied bead goes away)."""
    if k + 1 >= len(beads) or not getattr(beads[k], side):
        return beads
    a, b = beads[k], beads[k + 1]
    if side == "zh":
        new_a, new_b = (a.zh[:-1], a.en), (a.zh[-1:] + b.zh, b.en)
    else:
        new_a, new_b = (a.zh, a.en[:-1]), (b.zh, a.en[-1:] + b.en)
    moved = [_edited(*new_b)] if not (new_a[0] or new_a[1]) else [_edited(*new_a), _edited(*new_b)]
    return beads[:k] + moved + beads[k + 2 :]


def confirm(beads: list[Bead], k: int) -> list[Bead]:
    b = beads[k]
    return beads if b.status == "edited" else [*beads[:k], Bead(b.zh, b.en, b.score, {}, "confirmed"), *beads[k + 1 :]]


edits = st.lists(
    st.tuples(
        st.sampled_from(["merge", "split", "move-zh", "move-en", "confirm"]),
        st.integers(0, 40),
        st.integers(0, 5),
        st.integers(0, 5),
    ),
    max_size=12,
)


def apply_edits(beads: list[Bead], steps: list[tuple[str, int, int, int]]) -> list[Bead]:
    for kind, k, a, b in steps:
        k %= len(beads)
        if kind == "merge":
            beads = merge(beads, k)
        elif kind == "split":
            beads = split(beads, k, a, b)
        elif kind == "confirm":
            beads = confirm(beads, k)
        else:
            beads = move_last(beads, k, kind[-2:])
    return beads


def as_saved(corrections: Corrections) -> Corrections:
    """Through the file's JSON and back, as the page's download is read."""
    return parse_corrections(json.loads(json.dumps(corrections.to_json(), ensure_ascii=False)))


def check_result(result: bitext.Alignment, edited: list[Bead]) -> None:
    check_beads(result.beads, len(result.zh), len(result.en))  # monotone, every sentence exactly once
    kept = {(b.zh, b.en, b.status) for b in result.beads}
    for bead in edited:
        if bead.status != "automatic":
            assert (bead.zh, bead.en, bead.status) in kept
    assert {b.status for b in result.beads} <= {"automatic", "edited", "confirmed"}


@settings(max_examples=60, deadline=None)
@given(
    st.integers(1, 14),
    st.integers(1, 14),
    edits,
)
def test_any_sequence_of_page_edits_is_kept_and_the_rest_covered_gale_church(
    zh_n: int, en_n: int, steps: list[tuple[str, int, int, int]]
) -> None:
    zh, en = documents(ZH[:zh_n], EN[:en_n])
    automatic = bitext.align(zh, en, method="gale-church")
    edited = apply_edits(list(automatic.beads), steps)
    result = bitext.align(zh, en, method="gale-church", corrections=as_saved(corrections_for(zh, en, edited)))
    check_result(result, edited)


@settings(max_examples=15, deadline=None)
@given(edits)
def test_any_sequence_of_page_edits_is_kept_and_the_rest_covered_bitext(steps: list[tuple[str, int, int, int]]) -> None:
    zh, en = documents()
    automatic = bitext.align(zh, en, scorer="lexical")
    edited = apply_edits(list(automatic.beads), steps)
    result = bitext.align(zh, en, scorer="lexical", corrections=as_saved(corrections_for(zh, en, edited)))
    check_result(result, edited)


def test_fixed_beads_are_kept_and_untouched_stretches_come_out_as_before() -> None:
    zh, en = documents()
    automatic = bitext.align(zh, en, scorer="lexical")
    assert [b.type for b in automatic.beads] == ["1-1"] * 14
    edited = merge(list(automatic.beads), 3)  # a 2-2 bead a person made
    edited = confirm(edited, 8)
    result = bitext.align(zh, en, scorer="lexical", corrections=corrections_for(zh, en, edited))
    assert [(b.zh, b.en) for b in result.beads] == [(b.zh, b.en) for b in edited]
    assert [b.status for b in result.beads].count("automatic") == len(edited) - 2
    assert result.beads[3].status == "edited" and result.beads[3].score == 1.0
    assert result.beads[8].status == "confirmed"
    assert result.settings["corrections"] == "2 beads kept"


def test_corrections_file_round_trips_through_json(tmp_path: Path) -> None:
    zh, en = documents()
    edited = split(merge(list(bitext.align(zh, en, method="gale-church").beads), 0), 0, 1, 0)
    corrections = corrections_for(zh, en, edited, saved="2026-12-07T03:00:00+00:00")
    path = tmp_path / "c.json"
    path.write_text(json.dumps(corrections.to_json()), encoding="utf-8")
    assert read_corrections(path) == corrections
    assert corrections.beads[0].zh == (0,) and corrections.beads[0].en == ()
    assert corrections.beads[1].at == (1, 0) and corrections.beads[1].en == (0, 1)
    assert corrections.zh_sha256 == fingerprint(zh)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d.update(format="other"), "format"),
        (lambda d: d.update(version=9), "version 9"),
        (lambda d: d["zh"].pop("sha256"), "sha256"),
        (lambda d: d["beads"][0].update(zh=[0, 2]), "consecutive"),
        (lambda d: d["beads"][0].update(status="maybe"), "status"),
        (lambda d: d["beads"][0].update(at=[5, 0]), "start"),
        (lambda d: d["beads"][0].update(zh=[], en=[]), "empty"),
    ],
)
def test_a_malformed_file_is_one_input_error(change, message: str) -> None:  # type: ignore[no-untyped-def]
    zh, en = documents()
    data = corrections_for(zh, en, [Bead((0,), (0,), 1.0, {}, "confirmed")]).to_json()
    change(data)
    with pytest.raises(InputError, match=message):
        parse_corrections(data)


def test_other_documents_are_refused() -> None:
    zh, en = documents()
    corrections = corrections_for(zh, en, [Bead((0,), (0,), 1.0, {}, "confirmed")])
    other_zh, _ = documents(ZH[:13], EN)
    with pytest.raises(InputError, match="another Chinese document"):
        bitext.align(other_zh, en, method="gale-church", corrections=corrections)


def test_a_file_saved_on_the_text_fits_the_same_text_read_from_a_docx(tmp_path: Path) -> None:
    docx = pytest.importorskip("docx")
    corpus = Path(__file__).resolve().parents[1] / "corpus" / "sensetime-genai"
    sides = {}
    for lang, name in (("zh", "zh-Hant.txt"), ("en", "en.txt")):
        text = (corpus / name).read_text(encoding="utf-8")
        document = docx.Document()
        for paragraph in text.split("\n\n"):
            document.add_paragraph(paragraph.strip())
        document.save(tmp_path / f"{lang}.docx")
        sides[lang] = (read_document(corpus / name, lang), read_document(tmp_path / f"{lang}.docx", lang))
    (zh_txt, zh_docx), (en_txt, en_docx) = sides["zh"], sides["en"]
    assert zh_txt.text != zh_docx.text  # the DOCX's paragraphs are joined differently: another raw fingerprint
    automatic = bitext.align(zh_txt, en_txt, scorer="lexical")
    edited = confirm(merge(list(automatic.beads), 5), 9)
    path = tmp_path / "corrections.json"
    path.write_text(json.dumps(corrections_for(zh_txt, en_txt, edited).to_json()), encoding="utf-8")
    result = bitext.align(zh_docx, en_docx, scorer="lexical", corrections=read_corrections(path))
    kept = [(b.zh, b.en, b.status) for b in result.beads if b.status != "automatic"]
    assert kept == [(b.zh, b.en, b.status) for b in edited if b.status != "automatic"]


def test_a_file_without_a_content_fingerprint_still_needs_the_exact_text() -> None:
    # Files saved before content_sha256 existed name documents by their raw text only.
    zh, en = documents()
    data = corrections_for(zh, en, [Bead((0,), (0,), 1.0, {}, "confirmed")]).to_json()
    del data["zh"]["content_sha256"], data["en"]["content_sha256"]
    spaced, _ = documents([sentence + " " for sentence in ZH], EN)
    with pytest.raises(InputError, match="another Chinese document"):
        bitext.align(spaced, en, method="gale-church", corrections=parse_corrections(data))
    assert len(bitext.align(zh, en, method="gale-church", corrections=parse_corrections(data)).beads) == len(ZH)


def test_a_re_segmented_document_keeps_the_beads_whose_texts_still_exist() -> None:
    zh_text = "".join(ZH[:6])
    en_text = " ".join(EN[:6])
    zh, en = segment(zh_text, "zh"), segment(en_text, "en")
    assert len(zh) == 6 and len(en) == 6
    beads = [Bead((0, 1), (0, 1), 1.0, {}, "edited"), Bead((2,), (2,), 1.0, {}, "automatic")]
    beads += [Bead((3,), (3,), 1.0, {}, "confirmed"), Bead((4, 5), (4, 5), 1.0, {}, "edited")]
    corrections = corrections_for(zh, en, beads)
    # The same texts split otherwise: sentences 3 and 4 of the English become one line.
    lines = [*EN[:3], EN[3] + " " + EN[4], EN[5]]
    en_again = make_document(lines, "en", [" "])
    assert en_again.text == en.text
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", CorrectionsWarning)
        result = bitext.align(zh, en_again, method="gale-church", corrections=corrections)
    check_beads(result.beads, 6, 5)
    kept = [(b.zh, b.en) for b in result.beads if b.status != "automatic"]
    assert kept == [((0, 1), (0, 1))]  # its texts are still sentences 0 and 1 on both sides
    messages = sorted(str(w.message) for w in caught)
    assert len(messages) == 2  # the others' English sentences were joined into one: said, not silently dropped
    assert "bead 1 (confirmed) left out: its English sentences' texts" in messages[0]
    assert "bead 2 (edited) left out: its English sentences' texts" in messages[1]


def test_cli_applies_corrections_and_marks_every_bead(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "zh.txt").write_text("\n".join(ZH) + "\n", encoding="utf-8")
    (tmp_path / "en.txt").write_text("\n".join(EN) + "\n", encoding="utf-8")
    args = [str(tmp_path / "zh.txt"), str(tmp_path / "en.txt"), "--presegmented", "--scorer", "lexical", "-q"]
    assert main(["align", *args, "--format", "jsonl", "-o", str(tmp_path / "auto.jsonl")]) == 0
    records = read_jsonl(tmp_path / "auto.jsonl").records
    assert {r.status for r in records} == {"automatic"}
    zh, en = (
        segment((tmp_path / f).read_text(encoding="utf-8"), lang, presegmented=True)
        for f, lang in [("zh.txt", "zh"), ("en.txt", "en")]
    )
    beads = [Bead(r.zh_ids, r.en_ids, r.score) for r in records]
    edited = confirm(merge(beads, 5), 0)
    (tmp_path / "c.json").write_text(json.dumps(corrections_for(zh, en, edited).to_json()), encoding="utf-8")
    for fmt in ("tsv", "jsonl", "tmx", "html", "parquet"):
        out = tmp_path / f"fixed.{fmt}"
        assert main(["align", *args, "--corrections", str(tmp_path / "c.json"), "--format", fmt, "-o", str(out)]) == 0
    tsv = read_tsv(tmp_path / "fixed.tsv").records
    assert [r.status for r in tsv][:7] == [
        "confirmed",
        "automatic",
        "automatic",
        "automatic",
        "automatic",
        "edited",
        "automatic",
    ]
    assert tsv[5].zh_ids == (5, 6)
    assert [r.status for r in read_jsonl(tmp_path / "fixed.jsonl").records] == [r.status for r in tsv]
    assert [r.status for r in read_parquet(tmp_path / "fixed.parquet").records] == [r.status for r in tsv]
    tmx = (tmp_path / "fixed.tmx").read_text(encoding="utf-8")
    assert tmx.count('<prop type="x-bitext-status">edited</prop>') == 1
    assert tmx.count('<prop type="x-bitext-status">confirmed</prop>') == 1
    html = (tmp_path / "fixed.html").read_text(encoding="utf-8")
    assert html.count('data-status="edited"') == 1 and html.count('data-status="confirmed"') == 1


def test_cli_refuses_other_documents_and_malformed_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "zh.txt").write_text("\n".join(ZH) + "\n", encoding="utf-8")
    (tmp_path / "en.txt").write_text("\n".join(EN) + "\n", encoding="utf-8")
    zh, en = documents(ZH[:3], EN[:3])
    (tmp_path / "other.json").write_text(
        json.dumps(corrections_for(zh, en, [Bead((0,), (0,), 1.0, {}, "confirmed")]).to_json()), encoding="utf-8"
    )
    (tmp_path / "bad.json").write_text("{not json", encoding="utf-8")
    args = ["align", str(tmp_path / "zh.txt"), str(tmp_path / "en.txt"), "--method", "gale-church", "-q"]
    for name, expected in (("other.json", "another Chinese document"), ("bad.json", "not a corrections file")):
        capsys.readouterr()
        assert main([*args, "--corrections", str(tmp_path / name)]) == 2
        err = capsys.readouterr().err
        assert expected in err and err.count("\n") == 1 and "Traceback" not in err


def test_a_fixed_bead_far_from_the_automatic_path_is_reached() -> None:
    """The band of the search is widened to every fixed bead's corners, however far from the first path."""
    zh_texts = [f"第{k}句說的是收入{k}億元。" for k in range(120)]
    en_texts = [f"Sentence {k} says revenue was {k} billion yuan." for k in range(120)]
    zh, en = documents(zh_texts, en_texts)
    far = Bead((10,), (100, 101), 1.0, {}, "edited")  # nowhere near the diagonal the aligner follows
    corrections = corrections_for(zh, en, [Bead(tuple(range(10)), (), 0.0), far, Bead(tuple(range(11, 120)), (), 0.0)])
    assert [b.zh for b in corrections.beads] == [(10,)]
    result = bitext.align(zh, en, scorer="lexical", corrections=corrections)
    check_result(result, [far])
    assert result.beads[0].zh == (0,) and result.beads[0].en[:1] == (0,)  # the gap before it is searched, not skipped
