from __future__ import annotations

import subprocess
import sys

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
