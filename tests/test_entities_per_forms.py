"""People's forms in news: a surname used alone is the full name's row, not a row of its own."""

from __future__ import annotations

from bitext.entities.pairing import _same_entity
from test_entities_signals import table


def test_an_unseparated_foreign_name_and_its_surname_are_one_row() -> None:
    zh = "盧彥勳打敗美國選手安迪羅迪克。羅迪克前年輸給費德勒。"
    en = "Lu Yen-hsun defeated American Andy Roddick. Roddick had lost to Federer the year before."
    rows = [(p.zh, p.en) for p in table(zh, en)]
    assert ("安迪羅迪克", "Andy Roddick") in rows
    assert ("羅迪克", "Roddick") not in rows
    assert _same_entity(("伍茲", "Woods"), ("老虎伍茲", "Tiger Woods"))


def test_a_place_is_not_the_surname_of_a_person_named_after_it() -> None:
    assert not _same_entity(("華盛頓", "Washington"), ("喬治華盛頓", "George Washington"))
    assert not _same_entity(("牛津", "Oxford"), ("牛津大學", "University of Oxford"))
    assert not _same_entity(("迪克", "Dick"), ("羅迪克", "Roddick"))  # the English is no shorter name
