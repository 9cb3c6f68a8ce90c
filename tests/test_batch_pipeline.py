"""The data pipeline as a data team meets it: one settings record whichever way a batch is started, Parquet
corpora in fixed-size row groups with their provenance, combined JSONL read back per document."""

from __future__ import annotations

import io
import json
from contextlib import redirect_stdout
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from batch_support import corpus
from bitext.batch import BatchOptions, ManifestFile, run_batch
from bitext.batch import combine as combine_module
from bitext.cli import batch_cmd
from bitext.cli.main import build_parser, main
from bitext.errors import BitextError
from bitext.formats import read_jsonl

pq = pytest.importorskip("pyarrow.parquet")

FAST = BatchOptions(align={"method": "gale-church"}, entities=False)
FAST_CLI = ["--method", "gale-church", "--no-entities", "-q", "-j", "0"]


def cli_options(*arguments: str) -> BatchOptions:
    args = build_parser().parse_args(["batch", "manifest.tsv", "-o", "out", *arguments])
    return batch_cmd.batch_options(args)


# ---------------------------------------------------------------------------------------------------------
# One settings record


def test_defaults_are_recorded_the_same_by_the_cli_and_the_api() -> None:
    assert cli_options().settings() == BatchOptions().settings()
    assert BatchOptions().settings()["align"]["method"] == "bitext"  # defaults are filled in, not left out
    assert BatchOptions().settings()["align"]["scorer"] == "all"


@settings(max_examples=40, deadline=None)
@given(
    format=st.sampled_from(["tsv", "jsonl", "parquet", "tmx"]),
    method=st.sampled_from([None, "bitext", "gale-church"]),
    scorer=st.sampled_from([None, "all", "lexical", "length,anchors"]),
    presegmented=st.booleans(),
    min_score=st.sampled_from([None, 0.0, 0.5]),
    drop_unaligned=st.booleans(),
    entities=st.booleans(),
)
def test_equal_options_give_equal_settings_from_the_cli_and_the_api(
    format: str,
    method: str | None,
    scorer: str | None,
    presegmented: bool,
    min_score: float | None,
    drop_unaligned: bool,
    entities: bool,
) -> None:
    arguments = ["--format", format]
    align_options: dict[str, object] = {}
    if method is not None:
        arguments += ["--method", method]
        align_options["method"] = method
    if scorer is not None:
        arguments += ["--scorer", scorer]
        align_options["scorer"] = scorer
    arguments += ["--presegmented"] * presegmented + ["--drop-unaligned"] * drop_unaligned
    arguments += [] if entities else ["--no-entities"]
    arguments += [] if min_score is None else ["--min-score", str(min_score)]
    api = BatchOptions(format, presegmented, None, align_options, min_score, drop_unaligned, entities)
    assert cli_options(*arguments).settings() == api.settings()


def test_a_run_started_from_python_resumes_from_the_cli_with_the_same_bytes(tmp_path: Path) -> None:
    manifest = corpus(tmp_path, [[0, 1], [2], [3, 4]])
    run_batch(
        ManifestFile(manifest),
        tmp_path / "out",
        BatchOptions(format="parquet", align={"method": "gale-church"}, entities=False),
        jobs=0,
    )
    before = (tmp_path / "out" / "corpus.parquet").read_bytes()
    (tmp_path / "out" / "corpus.parquet").unlink()
    assert main(["batch", str(manifest), "-o", str(tmp_path / "out"), "--format", "parquet", *FAST_CLI]) == 0
    assert (tmp_path / "out" / "corpus.parquet").read_bytes() == before
    report = (tmp_path / "out" / "report.tsv").read_text(encoding="utf-8")
    assert report.count("\tok\t") == 3


def test_the_resume_error_names_the_way_to_restart_in_each_interface(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    manifest = corpus(tmp_path, [[0]])
    run_batch(ManifestFile(manifest), tmp_path / "out", FAST, jobs=0)
    with pytest.raises(BitextError, match=r"restart=True") as caught:
        run_batch(
            ManifestFile(manifest),
            tmp_path / "out",
            BatchOptions(format="jsonl", align={"method": "gale-church"}),
            jobs=0,
        )
    assert "--restart" not in str(caught.value)
    assert main(["batch", str(manifest), "-o", str(tmp_path / "out"), "--format", "jsonl", *FAST_CLI]) == 2
    error = capsys.readouterr().err
    assert "--restart" in error and "restart=True" not in error


def test_batch_help_says_parquet_is_combined_too() -> None:
    out = io.StringIO()
    with redirect_stdout(out), pytest.raises(SystemExit):
        main(["batch", "--help"])
    text = " ".join(out.getvalue().split())
    assert "tsv, jsonl or parquet: one combined corpus file" in text


# ---------------------------------------------------------------------------------------------------------
# Parquet corpora


def test_parquet_corpus_is_written_in_fixed_row_groups_across_documents(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(combine_module, "ROW_GROUP_ROWS", 4)
    documents = [[0, 1, 2], [3], [4, 5], [6, 7, 0], [1], [2, 3, 4, 5, 6]]
    manifest = corpus(tmp_path, documents)
    options = BatchOptions(format="parquet", align={"method": "gale-church"}, entities=False)
    run_batch(ManifestFile(manifest), tmp_path / "out", options, jobs=0)
    path = tmp_path / "out" / "corpus.parquet"
    parts = [pq.read_table(tmp_path / "out" / "documents" / f"d{k}.parquet") for k in range(len(documents))]
    rows = sum(part.num_rows for part in parts)
    groups = [pq.ParquetFile(path).metadata.row_group(i).num_rows for i in range(pq.ParquetFile(path).num_row_groups)]
    assert groups == [4] * (rows // 4) + ([rows % 4] if rows % 4 else [])
    assert len(groups) < len(documents) or rows <= len(documents)  # not one group per document
    table = pq.read_table(path)
    assert table.to_pylist() == [row for part in parts for row in part.to_pylist()]  # manifest order, all rows


def test_every_parquet_carries_the_signature_and_the_settings(tmp_path: Path) -> None:
    manifest = corpus(tmp_path, [[0, 1], [2]])
    options = BatchOptions(format="parquet", align={"method": "gale-church"}, entities=False)
    run_batch(ManifestFile(manifest), tmp_path / "out", options, jobs=0)
    combined = json.loads(pq.read_schema(tmp_path / "out" / "corpus.parquet").metadata[b"bitext"])
    document = json.loads(pq.read_schema(tmp_path / "out" / "documents" / "d0.parquet").metadata[b"bitext"])
    assert combined["signature"] == document["signature"] and "aligner:gale-church" in combined["signature"]
    assert combined["settings"] == options.settings()
    assert document["settings"]["aligner"] == "gale-church"


# ---------------------------------------------------------------------------------------------------------
# Combined JSONL, folder mode


def test_read_jsonl_keeps_every_documents_header(tmp_path: Path) -> None:
    manifest = corpus(tmp_path, [[0, 1], [2], [3, 4, 5]])
    options = BatchOptions(format="jsonl", align={"method": "gale-church"}, entities=False)
    run_batch(ManifestFile(manifest), tmp_path / "out", options, jobs=0)
    data = read_jsonl(tmp_path / "out" / "corpus.jsonl")
    assert [header["doc_id"] for header in data.headers] == ["d0", "d1", "d2"]
    assert data.metadata == data.headers[0]
    for doc_id in ("d0", "d1", "d2"):
        header = data.header_for(doc_id)
        assert header is not None
        assert header["beads"] == sum(record.doc_id == doc_id for record in data.records)
    assert data.header_for("nope") is None


def test_folder_mode_doc_ids_leave_out_txt(tmp_path: Path) -> None:
    corpus(tmp_path, [[0], [1]])
    out = tmp_path / "out"
    assert main(["batch", str(tmp_path / "zh"), str(tmp_path / "en"), "-o", str(out), *FAST_CLI]) == 0
    report = (out / "report.tsv").read_text(encoding="utf-8").splitlines()
    assert [line.split("\t")[0] for line in report[1:]] == ["d0", "d1"]
    assert sorted(p.name for p in (out / "documents").iterdir()) == ["d0.tsv", "d1.tsv"]


def test_a_splitter_in_the_batch_options_is_used_as_align_uses_it(tmp_path: Path) -> None:
    (tmp_path / "zh.txt").write_text("商湯今日公布業績；收入增長百分之十。公司表示前景樂觀。\n", encoding="utf-8")
    (tmp_path / "en.txt").write_text("SenseTime reported results today. Revenue grew. The outlook is good.\n")
    (tmp_path / "manifest.tsv").write_text("d1\tzh.txt\ten.txt\n", encoding="utf-8")
    splitter = {"zh": "rules-semicolon"}
    options = BatchOptions(format="jsonl", align={"scorer": "lexical", "splitter": splitter}, entities=False)
    summary = run_batch(ManifestFile(tmp_path / "manifest.tsv"), tmp_path / "out", options, jobs=0)
    assert summary.ok == 1
    data = read_jsonl(tmp_path / "out" / "corpus.jsonl")
    assert data.metadata["zh"]["sentences"] == 3  # split at the semicolon
    assert data.metadata["zh"]["name"] == str(tmp_path / "zh.txt")
    assert data.metadata["settings"]["splitter"] == "zh=rules-semicolon,en=default"
    assert options.settings()["align"]["splitter"] == splitter
