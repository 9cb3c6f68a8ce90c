from __future__ import annotations

import subprocess
import sys
from typing import get_args

import bitext


def test_every_exported_name_resolves() -> None:
    for name in bitext.__all__:
        assert getattr(bitext, name) is not None, name


def test_align_is_the_function_even_after_submodules_load() -> None:
    code = (
        "import bitext.align.beads, bitext.formats, bitext.batch, bitext.entities, bitext;"
        "a = bitext.align('商湯宣布完成重組。', 'SenseTime completed its restructuring.');"
        "print(len(a.beads))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "1"
    assert callable(bitext.align) and bitext.align.__module__.startswith("bitext.align")


def test_the_types_public_functions_return_are_exported() -> None:
    # A user annotating their code should find every returned type on the package itself.
    assert type(bitext.detect_script("商湯")) is bitext.ScriptGuess
    assert isinstance(bitext.read_text(__file__), bitext.DecodedText)
    alignment = bitext.align("商湯宣布完成重組。", "SenseTime completed its restructuring.", scorer="lexical")
    evaluation = bitext.evaluate(alignment, alignment.pairs())
    assert type(evaluation) is bitext.Evaluation and type(evaluation.strict) is bitext.Scores
    from bitext.qa import review

    _table, report = review(alignment)
    assert type(report) is bitext.QAReport
    assert all(type(flag) is bitext.Flag for flag in report.flags)
    for name in ("ScriptGuess", "DecodedText", "Evaluation", "Scores", "QAReport", "Flag", "Embedder", "Method"):
        assert name in bitext.__all__, name


def test_the_literal_types_name_exactly_the_registered_choices() -> None:
    from bitext.align import ALIGNERS, SCORER_PRESETS, SCORERS, ScorerName

    assert set(get_args(bitext.Method)) == set(ALIGNERS)
    assert set(get_args(bitext.ScorerPreset)) == set(SCORER_PRESETS)
    assert get_args(ScorerName) == SCORERS.names()


def test_a_custom_embedder_satisfies_the_exported_protocol() -> None:
    import numpy as np

    class Constant:
        name = "constant"

        def encode(self, texts: list[str]) -> np.ndarray:
            return np.ones((len(texts), 4), dtype=np.float32) / 2

    embedder: bitext.Embedder = Constant()  # mypy checks this line; at run time the protocol is checkable
    assert isinstance(embedder, bitext.Embedder)
