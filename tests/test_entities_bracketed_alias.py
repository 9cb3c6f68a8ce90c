"""An acronym in brackets after a name on both sides is that name's abbreviation: one row."""

from __future__ import annotations

from test_entities_signals import table


def test_a_bracketed_acronym_joins_the_name_before_it() -> None:
    # CEP abbreviates the French name (Conseil Électoral Provisoire): its letters are not the English initials
    zh = "馬德立昨日在由九名委員組成的臨時選舉委員會 (CEP) 中宣誓。"
    en = "Martelly swore in a new Provisional Electoral Council (CEP) of nine members yesterday."
    rows = {(p.zh, p.en): p for p in table(zh, en)}
    assert ("CEP", "CEP") not in rows
    council = rows["臨時選舉委員會", "Provisional Electoral Council"]
    assert "CEP" in council.en_variants
    assert "CEP" in council.variants


def test_an_acronym_not_in_brackets_after_the_name_stays_its_own_row() -> None:
    zh = "臨時選舉委員會宣誓就職。CEP 明日開會。"
    en = "The Provisional Electoral Council was sworn in. CEP meets tomorrow."
    rows = [(p.zh, p.en) for p in table(zh, en)]
    assert ("CEP", "CEP") in rows
