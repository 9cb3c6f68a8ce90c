"""An English adjective or people-word made from a Chinese name is no entity row (the gold's guideline):
塔斯馬尼亞 ↔ Tasmanian, 拜占庭 ↔ Byzantine, 菲律賓 ↔ Filipino; the name itself still pairs."""

from __future__ import annotations

import pytest

import bitext
from bitext.entities import pairing

ZH = "塔斯馬尼亞的魔鬼正在減少。菲律賓的漁民出海捕魚。拜占庭的建築很有名。"
EN = "The Tasmanian devil is in decline. Filipino fishermen went out to sea. Byzantine buildings are famous."


def _pairs(zh: str, en: str) -> set[tuple[str, str]]:
    return {(p.zh, p.en) for p in bitext.align_entities(bitext.align(zh, en, scorer="lexical"))}


def test_adjectives_of_names_give_no_row(monkeypatch: pytest.MonkeyPatch) -> None:
    assert _pairs(ZH, EN) == set()
    monkeypatch.setattr(pairing, "ADJECTIVE_FORMS", False)
    assert {("塔斯馬尼亞", "Tasmanian"), ("菲律賓", "Filipino"), ("拜占庭", "Byzantine")} <= _pairs(ZH, EN)


def test_the_names_themselves_still_pair() -> None:
    pairs = _pairs(
        "塔斯馬尼亞位於澳洲南方。菲律賓有七千多個島嶼。",
        "Tasmania lies south of Australia. The Philippines has over 7,000 islands.",
    )
    assert ("塔斯馬尼亞", "Tasmania") in pairs and ("菲律賓", "Philippines") in pairs


@pytest.mark.parametrize(
    ("name", "word", "expected"),
    [
        ("tasmania", "tasmanian", True),
        ("byzantium", "byzantine", True),
        ("christianity", "christian", True),
        ("islam", "islamic", True),
        ("israel", "israeli", True),
        ("tasmania", "tasmania", False),  # the name itself
        ("canada", "canal", False),  # shares three letters: another word
        ("united states", "unitedstatesian", False),  # a name of several words has no such adjective
        ("bush", "bushes", False),  # no adjective ending
    ],
)
def test_adjective_form_of(name: str, word: str, expected: bool) -> None:
    assert pairing._adjective_form_of(name, word) is expected
