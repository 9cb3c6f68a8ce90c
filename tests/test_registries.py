"""The one registry pattern: each step of docs/design.md's "Adding a scorer, a format, a splitter", tried once
with a toy member that is registered, used by name, and removed again."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import IO, Any, ClassVar

import numpy as np
import pytest

from bitext.align import SCORERS, align, build_scorers, model_for
from bitext.align.aligner import Model
from bitext.align.beads import Alignment
from bitext.align.weights import MODELS
from bitext.cli.main import main
from bitext.errors import AlignmentError, BitextError
from bitext.formats import WRITERS, Export, get_writer, save
from bitext.formats.base import as_export
from bitext.registry import Registry
from bitext.scorers.base import BeadType, Block, Features, RefitsOnFirstPath, Scorer, ScorerInput
from bitext.segment import SPLITTERS, get_splitter, segment, splitter_names
from bitext.segment.base import cut_at

ZH = "今天天氣很好。\n我們去公園散步。\n公園裡有很多人。\n我們很晚才回家。\n"
EN = "The weather is fine today.\nWe go for a walk in the park.\nThere are many people there.\nWe get home late.\n"


# --- the Registry itself ---------------------------------------------------------------------------------


def test_registry_keeps_order_and_names_the_known_members_when_asked_for_an_unknown_one() -> None:
    fruit: Registry[int] = Registry("fruit", {"apple": 1, "pear": 2})
    fruit.register("plum", 3)
    assert fruit.names() == ("apple", "pear", "plum")
    assert list(fruit) == ["apple", "pear", "plum"] and len(fruit) == 3
    assert fruit.get("pear") == 2 and "plum" in fruit and "kiwi" not in fruit
    with pytest.raises(BitextError, match=r"unknown fruit 'kiwi'; choose one of: apple, pear, plum"):
        fruit.get("kiwi")


def test_registry_refuses_a_second_member_under_a_taken_name_and_raises_its_familys_error() -> None:
    fruit: Registry[int] = Registry("fruit", {"apple": 1}, error=AlignmentError)
    with pytest.raises(ValueError, match="registered already"):
        fruit.register("apple", 2)
    assert fruit.get("apple") == 1
    fruit.unregister("apple")
    with pytest.raises(AlignmentError):
        fruit.get("apple")


# --- a scorer --------------------------------------------------------------------------------------------


class TwoTwoFeatures:
    """Rewards 2-2 beads, so a weight for it visibly changes the alignment; records the refit hook's call."""

    names = ("toy_two_two",)

    def __init__(self) -> None:
        self.first_path: list[tuple[int, int, int, int]] | None = None

    def block(self, block: Block, types: Sequence[BeadType]) -> np.ndarray:
        out = np.zeros((len(types), len(self.names), len(block.i)))
        for t, bead_type in enumerate(types):
            if bead_type == (2, 2):
                out[t, 0] = 1.0
        return out

    def sentence_vectors(self) -> None:
        return None

    def refit(self, path: Sequence[tuple[int, int, int, int]]) -> None:
        self.first_path = list(path)


class TwoTwoScorer:
    name = "toy"
    features: ClassVar[tuple[str, ...]] = TwoTwoFeatures.names
    prepared: ClassVar[list[TwoTwoFeatures]] = []

    def prepare(self, pair: ScorerInput) -> TwoTwoFeatures:
        features = TwoTwoFeatures()
        TwoTwoScorer.prepared.append(features)
        return features

    def settings(self) -> dict[str, Any]:
        return {"toy": "2-2 beads preferred"}


@pytest.fixture
def toy_scorer() -> Iterator[None]:
    SCORERS.register("toy", lambda _embedder: TwoTwoScorer())
    model_for.cache_clear()
    yield
    SCORERS.unregister("toy")
    model_for.cache_clear()


def test_toy_scorer_satisfies_the_protocols() -> None:
    assert isinstance(TwoTwoScorer(), Scorer)
    assert isinstance(TwoTwoFeatures(), Features) and isinstance(TwoTwoFeatures(), RefitsOnFirstPath)


@pytest.mark.usefixtures("toy_scorer")
def test_a_scorer_without_fitted_weights_is_an_error_naming_the_refit_command() -> None:
    with pytest.raises(AlignmentError) as raised:
        align(ZH, EN, scorer="length,toy", presegmented=True)
    message = str(raised.value)
    assert "toy:toy_two_two" in message
    assert "python benchmarks/align_fit.py --presets length,toy --write" in message


@pytest.mark.usefixtures("toy_scorer")
def test_a_registered_scorer_with_weights_is_used_by_name(monkeypatch: pytest.MonkeyPatch) -> None:
    plain = align(ZH, EN, scorer="length", presegmented=True)
    assert [(len(b.zh), len(b.en)) for b in plain.beads] == [(1, 1)] * 4
    length = MODELS["length"]
    fitted = Model({**length.weights, "toy_two_two": 50.0}, length.bias, name="fitted:length+toy")
    monkeypatch.setitem(MODELS, "length+toy", fitted)
    TwoTwoScorer.prepared.clear()
    # The set's order is registration order, whatever order the user names them in.
    toy = align(ZH, EN, scorer="toy,length", presegmented=True)
    assert [(len(b.zh), len(b.en)) for b in toy.beads] == [(2, 2), (2, 2)]
    assert toy.settings["model_weights"] == "fitted:length+toy"
    assert "toy_two_two=50" in toy.settings["weights"] and toy.settings["toy"] == "2-2 beads preferred"
    # The optional refit hook got the first pass's path, which covers both documents.
    (features,) = TwoTwoScorer.prepared
    assert features.first_path and features.first_path[-1][1] == 4 and features.first_path[-1][3] == 4


@pytest.mark.usefixtures("toy_scorer")
def test_an_unknown_scorer_name_lists_the_registered_ones_including_a_new_one() -> None:
    with pytest.raises(AlignmentError, match=r"punctuation, toy"):
        align(ZH, EN, scorer="telepathy", presegmented=True)


def test_every_shipped_model_weighs_every_feature_of_its_scorer_set() -> None:
    for key, model in MODELS.items():
        features = {feature for scorer in build_scorers(key.split("+")) for feature in scorer.features}
        assert features == set(model.weights), key


@pytest.mark.parametrize("name", [name for name in SCORERS if name != "embedding"])
def test_a_scorer_declares_the_features_its_views_return(name: str) -> None:
    (scorer,) = build_scorers([name])
    zh, en = segment(ZH, "zh", presegmented=True), segment(EN, "en", presegmented=True)
    assert scorer.prepare(ScorerInput(zh, en)).names == scorer.features


# --- a format --------------------------------------------------------------------------------------------


class ArrowWriter:
    name = "arrow"
    suffix = ".arrow"
    binary = False

    def write(self, export: Export | Alignment, out: IO[Any]) -> None:
        for _number, bead in as_export(export).beads():
            out.write(f"{' '.join(map(str, bead.zh))} -> {' '.join(map(str, bead.en))}\n")


@pytest.fixture
def toy_format() -> Iterator[None]:
    WRITERS.register("arrow", ArrowWriter)
    yield
    WRITERS.unregister("arrow")


@pytest.mark.usefixtures("toy_format")
def test_a_registered_format_is_written_by_save_and_offered_by_the_cli(tmp_path: Path) -> None:
    alignment = align(ZH, EN, method="gale-church", presegmented=True)
    save(alignment, tmp_path / "api.arrow", "arrow")
    assert (tmp_path / "api.arrow").read_text(encoding="utf-8").splitlines() == ["0 -> 0", "1 -> 1", "2 -> 2", "3 -> 3"]
    (tmp_path / "zh.txt").write_text(ZH, encoding="utf-8")
    (tmp_path / "en.txt").write_text(EN, encoding="utf-8")
    inputs = [str(tmp_path / "zh.txt"), str(tmp_path / "en.txt")]
    options = ["--presegmented", "--method", "gale-church", "--format", "arrow", "-o", str(tmp_path / "cli.arrow")]
    status = main(["align", *inputs, *options, "-q"])
    assert status == 0
    assert (tmp_path / "cli.arrow").read_text(encoding="utf-8") == (tmp_path / "api.arrow").read_text(encoding="utf-8")


def test_an_unknown_format_lists_the_known_ones() -> None:
    with pytest.raises(BitextError, match=r"unknown format 'arrow'; choose one of: tsv, jsonl"):
        get_writer("arrow")


# --- a sentence splitter ---------------------------------------------------------------------------------


class CommaSplitter:
    """Cuts after every comma: visibly different from the rules splitter."""

    name = "comma"

    def split(self, text: str, start: int, end: int) -> list[tuple[int, int]]:
        return cut_at(text, start, end, [k + 1 for k in range(start, end) if text[k] == ","])


@pytest.fixture
def toy_splitter() -> Iterator[None]:
    SPLITTERS["en"].register("comma", f"{__name__}:CommaSplitter")
    get_splitter.cache_clear()
    yield
    SPLITTERS["en"].unregister("comma")
    get_splitter.cache_clear()


@pytest.mark.usefixtures("toy_splitter")
def test_a_registered_splitter_is_used_by_name() -> None:
    assert splitter_names("en")[-1] == "comma"
    text = "One, two, three. Four."
    assert segment(text, "en").sentence_texts() == ["One, two, three.", "Four."]
    assert segment(text, "en", splitter="comma").sentence_texts() == ["One,", "two,", "three. Four."]


def test_an_unknown_splitter_lists_the_known_ones() -> None:
    with pytest.raises(BitextError, match=r"unknown en sentence splitter 'comma'; choose one of: rules, nupunkt"):
        get_splitter("en", "comma")
