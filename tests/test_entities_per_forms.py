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


def test_a_separated_name_does_not_run_into_the_verb_after_it() -> None:
    # jieba: 塔克|．|卡尔森|问/n|到/v; the skeleton (capped) scores 卡爾森 and 卡爾森問 alike for Carlson
    zh = "曾是世界排名第一的諾曼被主播塔克．卡爾森問到，伍茲是否參加。"
    en = "Former world No. 1 Norman was asked by Tucker Carlson if Woods would join."
    rows = [(p.zh, p.en) for p in table(zh, en)]
    assert ("塔克．卡爾森", "Tucker Carlson") in rows
    assert ("塔克．卡爾森問", "Tucker Carlson") not in rows
    # the start is kept: a given name's reading can tie with a piece of it (雷格 of 格雷格 for Greg)
    rows = [(p.zh, p.en) for p in table("執行長格雷格．諾曼表示", "CEO Greg Norman said")]
    assert ("格雷格．諾曼", "Greg Norman") in rows
