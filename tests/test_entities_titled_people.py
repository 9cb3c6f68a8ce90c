"""People named by a title and surname, or with a verb glued before them: the English keeps "Lady
Wang" as a candidate for 王夫人; a titled surname joins the one full name of that surname in the
document (as Holt joins Gary Holt) and stays apart when the document has two; jieba's 叫|曉峰
("called Xiaofeng") yields the name after the verb."""

from __future__ import annotations

from bitext.entities import align_entities
from bitext.entities.candidates import chinese_candidates
from bitext.segment import segment
from test_entities import one_to_one
from test_entities_institutions import english


def test_a_courtesy_title_and_surname_is_a_candidate_too() -> None:
    found = english("Then Lady Wang came in.")
    assert "Lady Wang" in found and "Wang" in found


def test_a_verb_glued_before_a_name_is_cut() -> None:
    doc = segment("人們都叫曉峰的。", "zh", presegmented=True)
    assert "曉峰" in [c.text for c in chinese_candidates(doc, 0)]
    zh, en = "人們都叫曉峰的。", 'Everyone called him "Xiaofeng".'
    assert ("曉峰", "Xiaofeng") in {(p.zh, p.en) for p in align_entities(one_to_one([zh], [en]))}


def test_a_titled_surname_joins_the_one_full_name() -> None:
    zhs = ["林濤走進實驗室。", "林先生，請坐。"]
    ens = ["Lin Tao walked into the lab.", "Mr. Lin, please sit down."]
    rows = list(align_entities(one_to_one(zhs, ens)))
    assert [(p.zh, p.en) for p in rows] == [("林濤", "Lin Tao")]
    assert "林先生" in rows[0].variants and "Mr. Lin" in rows[0].en_variants
    assert rows[0].count == 2


def test_a_titled_surname_stays_apart_beside_two_full_names() -> None:
    zhs = ["林濤走進實驗室，林海跟在後面。", "林先生，請坐。"]
    ens = ["Lin Tao walked into the lab, Lin Hai behind him.", "Mr. Lin, please sit down."]
    rows = {(p.zh, p.en) for p in align_entities(one_to_one(zhs, ens))}
    assert ("林先生", "Mr. Lin") in rows
    assert {("林濤", "Lin Tao"), ("林海", "Lin Hai")} <= rows


def test_hansard_honourable_is_a_title_and_honours_are_no_names() -> None:
    # a Hong Kong Hansard attendance list: "THE HONOURABLE" opens the name, G.B.S. and J.P. follow it
    zhs = ["黃成智議員", "葉劉淑儀議員, G.B.S., J.P."]
    ens = ["THE HONOURABLE WONG SING-CHI", "THE HONOURABLE MRS REGINA IP LAU SUK-YEE, G.B.S., J.P."]
    rows = {(p.zh, p.en) for p in align_entities(one_to_one(zhs, ens))}
    assert ("黃成智", "WONG SING-CHI") in rows
    assert ("葉劉淑儀", "REGINA IP LAU SUK-YEE") in rows
    assert not {en for _, en in rows} & {"G.B.S.", "J.P.", "G.B.S", "J.P"}
    assert not any("HONOURABLE" in en for _, en in rows)


def test_honour_letters_alone_are_no_candidates_but_names_with_them_are() -> None:
    found = english("Mr Alan Leong, S.C., and J.P. Morgan met the GBS holders.")
    assert "S.C." not in found and "GBS" not in found
    assert "J.P. Morgan" in found
