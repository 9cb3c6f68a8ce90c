"""Rules from the fourth news set (fresh14, issue 13): a Latin original in brackets after the whole Chinese
name, when that name is a dotted transcription of several words, a title in 《》 or a translated name.
Without them the Latin copy inside the brackets pairs with the English as an "identical" row."""

from __future__ import annotations

import pytest

from bitext.entities import foreign_names, spans
from test_entities_signals import table


def _pairs(zh: str, en: str) -> set[tuple[str, str]]:
    return {(p.zh, p.en) for p in table(zh, en)}


def test_a_dotted_transcription_of_several_words_before_its_original() -> None:
    pairs = _pairs(
        "記者把這位新秀比作“年輕版的約瑟夫·高登·萊維特 (Joseph Gorgon Levitt)”。",
        "Reporters compared the rookie to a 'young Joseph Gorgon Levitt.'",
    )
    assert ("約瑟夫·高登·萊維特", "Joseph Gorgon Levitt") in pairs, pairs
    assert ("Joseph Gorgon Levitt", "Joseph Gorgon Levitt") not in pairs, pairs


def test_the_first_part_of_a_dotted_name_starts_at_its_sound_not_at_the_word_before() -> None:
    pairs = _pairs(
        "她和演員瑪麗安·科特 (Marianne Cotter) 長得很像。",
        "She looks a lot like actress Marianne Cotter.",
    )
    assert ("瑪麗安·科特", "Marianne Cotter") in pairs, pairs


def test_a_title_in_marks_before_its_original() -> None:
    pairs = _pairs(
        "他主演了電視劇《絕命毒師》(Breaking Bad)。",
        "He starred in the TV series Breaking Bad.",
    )
    assert ("絕命毒師", "Breaking Bad") in pairs, pairs


def test_a_translated_name_of_several_words_before_its_original() -> None:
    pairs = _pairs(
        "我們請教了倫敦的馬伽術聯盟 (Krav Maga Federation) 教練。",
        "We spoke to a coach of the London-based Krav Maga Federation.",
    )
    assert ("馬伽術聯盟", "Krav Maga Federation") in pairs, pairs


def test_the_bracket_says_where_a_dotted_name_ends() -> None:
    # 喬納森·戈登·萊維 sounds as well as the whole name; only the bracket says the name ends after 特
    pairs = _pairs(
        "記者把這位新秀比作“年輕版的喬納森·戈登·萊維特 (Jonathan Gordon Levitt)”。",
        "Reporters compared the rookie to a 'young Jonathan Gordon Levitt.'",
    )
    assert ("喬納森·戈登·萊維特", "Jonathan Gordon Levitt") in pairs, pairs


@pytest.mark.parametrize(("module", "switch"), [(spans, "WHOLE_BRACKETED_NAMES"), (foreign_names, "BRACKET_ENDS_NAME")])
def test_off_the_latin_copy_is_the_row(monkeypatch: pytest.MonkeyPatch, module: object, switch: str) -> None:
    monkeypatch.setattr(module, switch, False)
    pairs = _pairs(
        "記者把這位新秀比作“年輕版的喬納森·戈登·萊維特 (Jonathan Gordon Levitt)”。",
        "Reporters compared the rookie to a 'young Jonathan Gordon Levitt.'",
    )
    assert ("Jonathan Gordon Levitt", "Jonathan Gordon Levitt") in pairs, pairs
