"""One row per person across spellings with and without the name dot, and a translated name before its
original in brackets (issue 13, FLORES: 拉克辛 / 拉卡．辛 ↔ Lakkha Singh; 維基新聞 (Wikinews))."""

from __future__ import annotations

from bitext.entities import align_entities
from test_entities import one_to_one
from test_entities_signals import table


def test_spellings_with_and_without_the_dot_are_one_row() -> None:
    rows = align_entities(
        one_to_one(
            ["然後由彼得．萊恩領銜帶唱。", "彼德萊恩也獻唱了一首歌。"],
            ["Then, Peter Ryan took the lead in singing.", "Peter Ryan sang a song as well."],
        )
    )
    ryan = [p for p in rows if p.en == "Peter Ryan"]
    assert len(ryan) == 1, [(p.zh, p.en) for p in rows]
    assert {"彼得．萊恩", "彼德萊恩"} <= set(ryan[0].variants)


def test_a_translated_name_before_its_original_in_brackets() -> None:
    # 新聞 is translated ("news"), so no sound says where the name starts (維基導遊 sounds enough like Wikivoyage)
    rows = table("他在維基新聞 (Wikinews) 上寫了一篇報導。", "He wrote a report on Wikinews.")
    assert ("維基新聞", "Wikinews") in {(p.zh, p.en) for p in rows}, [(p.zh, p.en) for p in rows]
