from __future__ import annotations

import subprocess
import sys

import bitext


def test_every_exported_name_resolves() -> None:
    for name in bitext.__all__:
        assert getattr(bitext, name) is not None, name


def test_unknown_name_is_an_attribute_error() -> None:
    try:
        bitext.no_such_thing  # noqa: B018
    except AttributeError as error:
        assert "no_such_thing" in str(error)
    else:
        raise AssertionError("expected AttributeError")


def test_importing_bitext_does_not_load_the_aligner() -> None:
    code = "import sys, bitext; print('bitext.align' in sys.modules, 'rjieba' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "False"]


def test_all_lists_exactly_the_lazy_exports() -> None:
    assert set(bitext.__all__) - {"__version__"} == set(bitext._EXPORTS)
