"""Sentence splitters by language and name, so users and the benchmark can pick one.

Each member lives in its own module and is imported only when first asked for (pySBD and nupunkt
cost import time that a user of the default never needs to pay).
"""

from __future__ import annotations

from functools import cache
from importlib import import_module

from bitext.document import Lang
from bitext.errors import BitextError
from bitext.registry import Registry
from bitext.segment.base import SentenceSplitter

# lang -> name -> "module:class"; the first entry of each language is its default.
SPLITTERS: dict[str, Registry[str]] = {
    "en": Registry(
        "en sentence splitter",
        {
            "rules": "bitext.segment.en:EnglishSplitter",
            "nupunkt": "bitext.segment.en_nupunkt:NupunktSplitter",
            "pysbd": "bitext.segment.en_pysbd:PysbdSplitter",
        },
    ),
    "zh": Registry(
        "zh sentence splitter",
        {
            "rules": "bitext.segment.zh:ChineseSplitter",
            "rules-semicolon": "bitext.segment.zh:ChineseSemicolonSplitter",
            "pysbd": "bitext.segment.zh_pysbd:PysbdChineseSplitter",
        },
    ),
}


def splitter_names(lang: Lang) -> tuple[str, ...]:
    """Names of the splitters available for ``lang``, the default first."""
    _check_lang(lang)
    return tuple(SPLITTERS[lang])


def default_splitter_name(lang: Lang) -> str:
    return splitter_names(lang)[0]


@cache
def get_splitter(lang: Lang, name: str = "") -> SentenceSplitter:
    """The splitter called ``name`` for ``lang`` (its default when ``name`` is empty), built once."""
    _check_lang(lang)
    name = name or default_splitter_name(lang)
    module_name, class_name = SPLITTERS[lang].get(name).split(":")
    try:
        module = import_module(module_name)
    except ModuleNotFoundError as missing:
        raise BitextError(
            f"the {lang} sentence splitter {name!r} needs the package {missing.name!r}: "
            "pip install 'bitext[segmenters]'"
        ) from None
    splitter: SentenceSplitter = getattr(module, class_name)()
    return splitter


def _check_lang(lang: str) -> None:
    if lang not in SPLITTERS:
        raise BitextError(f"unknown language {lang!r}; bitext segments 'zh' and 'en'")
