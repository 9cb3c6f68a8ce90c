"""The optional C extension of the aligner's search (everything else is in pyproject.toml).

``bitext.align._search`` runs the band Viterbi, forward and backward loops in C. It is optional: where it
cannot be built (no compiler, no Python headers) setuptools warns and installs bitext without it, and
bitext.align.search runs the same loops in numpy (docs/design.md, "Search").
"""

from setuptools import Extension, setup

setup(
    ext_modules=[
        Extension("bitext.align._search", sources=["src/bitext/align/_search.c"], optional=True),
    ],
)
