"""Places listed together co-occur as much as the right pairs: a reading or the dictionary goes first
in competitive linking, and a name whose counterpart another row holds by other evidence is not
paired by co-occurrence alone (the shape of 馬祖 ↔ Kinmen beside 金門 ↔ Kinmen; names here made up)."""

from __future__ import annotations

from bitext.entities.candidates import Candidate
from bitext.entities.model import EntityPair
from bitext.entities.pairing import BeadCandidates, _without_taken_cooccurrence, link_bead


def pair(zh: str, en: str, *evidence: str) -> EntityPair:
    return EntityPair(zh=zh, en=en, type="LOC", count=1, score=0.85, evidence=evidence, beads=(0,))


def test_a_cooccurrence_only_row_whose_name_is_taken_is_dropped() -> None:
    rows = [
        pair("甲島", "Alpha", "pinyin:jia dao=0.90"),
        pair("乙島", "Beta", "learned:be|ta=0.80"),
        pair("乙島", "Alpha", "cooccurrence:dice=0.90,n=9"),  # Alpha is 甲島's
        pair("甲島", "Mainland Area", "cooccurrence:dice=0.70,n=5"),  # 甲島 is Alpha's
        pair("丙港", "Gamma", "cooccurrence:dice=0.95,n=4"),  # nothing else names them: kept
    ]
    kept = {(p.zh, p.en) for p in _without_taken_cooccurrence(rows)}
    assert kept == {("甲島", "Alpha"), ("乙島", "Beta"), ("丙港", "Gamma")}


class _Signals:
    def __init__(self, table: dict[tuple[str, str], tuple[tuple[str, float], ...]]) -> None:
        self.table = table

    def signals(self, zh: Candidate, en: Candidate) -> tuple[tuple[str, float], ...]:
        return self.table.get((zh.key, en.key), ())


def test_a_reading_links_before_cooccurrence_alone() -> None:
    zh_text, en_text = "乙島甲島", "Alpha"
    second = Candidate(0, 2, "乙島", "乙島", 0, "pos:ns")
    first = Candidate(2, 4, "甲島", "甲島", 0, "pos:ns")
    alpha = Candidate(0, 5, "Alpha", "Alpha", 0, "capitalised")
    scorer = _Signals(
        {
            ("乙島", "Alpha"): (("cooccurrence:dice=0.90,n=9", 0.85),),
            ("甲島", "Alpha"): (("pinyin:jia dao=0.82", 0.82),),
        }
    )
    bead = BeadCandidates(0, 0, [second, first], [alpha])
    links = link_bead(bead, scorer, {0: (zh_text, en_text)})  # type: ignore[arg-type]
    assert [(link.zh.key, link.en.key) for link in links] == [("甲島", "Alpha")]
