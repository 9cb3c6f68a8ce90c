"""The entity step's shortcuts change no output: each is checked against the work it saves."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pytest
import regex
from hypothesis import given
from hypothesis import strategies as st

import bitext
from bitext.entities import pairing
from bitext.entities.candidates import Candidate, _english_words, _is_sentence_initial, english_document_context
from bitext.entities.pairing import (
    BeadCandidates,
    Link,
    PairScorer,
    _link_beads,
    _mentions,
    collect_candidates,
    cooccurrence,
    learn,
    link_bead,
)
from bitext.entities.spans import _name_keys, _pieces_by_initial, initials, romanised_spans
from bitext.entities.transliteration import (
    APPROXIMATE,
    _learned_at_least,
    english_key,
    han_only,
    learned_sound,
    romanisation,
    sounds_at_least,
    transliteration,
)
from bitext.script import to_simplified
from bitext.segment import segment
from bitext.segment.words import tokenize

CORPUS = Path(__file__).resolve().parent.parent / "corpus" / "sensetime-genai"


def _corpus_alignment() -> bitext.Alignment:
    zh = (CORPUS / "zh-Hant.txt").read_text(encoding="utf-8")
    en = (CORPUS / "en.txt").read_text(encoding="utf-8")
    return bitext.align(zh, en, method="gale-church")


def _first_pass() -> tuple[list[Any], Any, dict[int, tuple[str, str]], PairScorer, list[Any]]:
    """The bundled article's candidates, co-occurrence and first linking pass (what the second pass starts from)."""
    alignment = _corpus_alignment()
    beads = collect_candidates([alignment])
    stats = cooccurrence(beads)
    text_of = {0: (alignment.zh.text, alignment.en.text)}
    first = PairScorer(stats)
    return beads, stats, text_of, first, [link_bead(bead, first, text_of) for bead in beads]


def test_beads_the_learned_names_cannot_change_link_alike_in_both_passes() -> None:
    beads, stats, text_of, _first, first_links = _first_pass()
    second = PairScorer(stats, learn(link for found in first_links for link in found))
    skipped = 0
    for bead, found in zip(beads, first_links, strict=True):
        if not any(map(second.learned_matters, bead.zh)):
            skipped += 1
            assert link_bead(bead, second, text_of) == found, bead.bead
    affected = len(beads) - skipped
    assert skipped and affected  # both kinds occur in the article, so the check is not vacuous


def _link(bead: int, zh: tuple[int, int], en: tuple[int, int]) -> Link:
    def candidate(span: tuple[int, int]) -> Candidate:
        return Candidate(span[0], span[1], "x" * (span[1] - span[0]), "x", 0, "pos:nr")

    return Link(0, bead, candidate(zh), candidate(en), 1.0, ())


_spans = st.tuples(st.integers(0, 6), st.integers(1, 4)).map(lambda s: (s[0], s[0] + s[1]))


@given(st.lists(st.tuples(st.integers(0, 3), _spans, _spans), max_size=25))
def test_a_pairs_mentions_drop_exactly_those_nested_in_another_of_their_bead(
    raw: list[tuple[int, tuple[int, int], tuple[int, int]]],
) -> None:
    links = [_link(bead, zh, en) for bead, zh, en in raw]
    spans = sorted({(bead, *zh, *en) for bead, zh, en in raw})
    # the definition, comparing every pair of mentions of the pair
    expected = [
        s
        for s in spans
        if not any(
            o != s and o[0] == s[0] and o[1] <= s[1] and s[2] <= o[2] and o[3] <= s[3] and s[4] <= o[4] for o in spans
        )
    ]
    assert [tuple(m) for m in _mention_tuples(_mentions(links))] == expected


def _mention_tuples(mentions: tuple) -> list[tuple[int, int, int, int, int]]:
    return [(m.bead, m.zh_start, m.zh_end, m.en_start, m.en_end) for m in mentions]


def test_romanised_pieces_are_every_run_from_a_word_start_that_can_start_like_the_name() -> None:
    text = "陳清揚說，徐立與李嘉誠在香港會面，蔡英文也在。"
    tokens = tokenize(text)
    simplified = to_simplified(text)  # pieces are simplified, offsets the original's (one to one)
    starts, ends = {t.start for t in tokens}, {t.end for t in tokens}
    letters = {"c", "x", "l", "t"}
    found = _pieces_by_initial(tokens, text, letters)
    for letter in letters:
        # every piece of 2-4 Han characters that starts on a word boundary and ends on one (or, of
        # three characters or more, inside a word, so flagged), whose first character can be read
        # with this initial, in text order (the text has no line breaks)
        expected = [
            (start, start + length, simplified[start : start + length], start + length not in ends)
            for start in range(len(text))
            for length in (2, 3, 4)
            if start in starts
            and (start + length in ends or length >= 3)
            and all("\u4e00" <= ch <= "\u9fff" for ch in text[start : start + length])
            and letter in initials(simplified[start])
        ]
        assert found.get(letter, []) == expected, letter
    english = [Candidate(0, 11, "Chen Qingyang", "Chen Qingyang", 0, "capitalised")]
    assert _name_keys(english[0]) == ["chenqingyang"]
    assert [c.text for c in romanised_spans(tokens, text, english, 0)] == ["陳清揚"]


def test_a_learned_name_before_a_designator_makes_the_learned_names_matter() -> None:
    # a core of nine characters: longer than the parts composed_match reads, so only the designated
    # place's reading of the learned names (the name before 山) can see it
    core = "喔" * 9
    zh = Candidate(0, 10, core + "山", core + "山", 0, "pos:ns")
    en = Candidate(0, 14, "Zzyzx Mountain", "Zzyzx Mountain", 0, "capitalised")
    stats = cooccurrence([])
    without, learned = PairScorer(stats), PairScorer(stats, {core: ("Zzyzx", 0.9)})
    assert learned.signals(zh, en) != without.signals(zh, en)
    assert learned.learned_matters(zh)
    assert not PairScorer(stats, {"嗯" * 9: ("Zzyzx", 0.9)}).learned_matters(zh)


@pytest.mark.parametrize("separator", ["\n\n", "\n"])
def test_beads_repeating_an_earlier_beads_context_get_the_candidates_and_links_a_search_finds(
    monkeypatch: pytest.MonkeyPatch, separator: str
) -> None:
    zh_paragraphs = (CORPUS / "zh-Hant.txt").read_text(encoding="utf-8").split("\n")
    en_paragraphs = (CORPUS / "en.txt").read_text(encoding="utf-8").split("\n")
    # the article twice in order (its beads repeat with their neighbours), then its first half
    # reversed (the same sentences beside other paragraphs), one paragraph a line, blank lines between
    # or not
    zh = separator.join(zh_paragraphs * 2 + zh_paragraphs[: len(zh_paragraphs) // 2][::-1])
    en = separator.join(en_paragraphs * 2 + en_paragraphs[: len(en_paragraphs) // 2][::-1])
    alignment = bitext.align(zh, en, method="gale-church")
    text_of = {0: (alignment.zh.text, alignment.en.text)}

    def linked() -> tuple[list[BeadCandidates], list[list[Link]]]:
        beads = collect_candidates([alignment])
        return beads, _link_beads(beads, PairScorer(cooccurrence(beads)), text_of)

    beads, links = linked()
    monkeypatch.setattr(pairing, "MEMO", False)
    searched, searched_links = linked()
    twins = [b for b in beads if b.twin is not None]
    assert twins and len(twins) < len(beads) / 2  # some beads repeat, the first copy of each is searched
    assert all(s.twin is None for s in searched)
    for bead, search in zip(beads, searched, strict=True):
        assert bead.placed() == (search.zh, search.en, search.bodies), bead.bead
    assert links == searched_links
    assert any(links[beads.index(b)] for b in twins)  # moved links, not only empty ones
    monkeypatch.setattr(pairing, "MEMO", True)
    with_memo = bitext.align_entities(alignment)
    monkeypatch.setattr(pairing, "MEMO", False)
    assert bitext.align_entities(alignment) == with_memo


_NAMES_ZH = "陳清揚徐立李嘉誠蔡英文潘國濂哈利法克斯戴紐斯布里辛斯基利雲斯頓香港"
_NAMES_EN = ["chen", "qingyang", "xuli", "likashing", "tsai", "ingwen", "poon", "halifax", "danius", "livingston"]


@given(
    st.integers(0, len(_NAMES_ZH) - 2),
    st.integers(2, 4),
    st.one_of(st.sampled_from(_NAMES_EN), st.text("abcdefghiklmnoprstuwxyz", min_size=1, max_size=10)),
    st.sampled_from([0.75, 0.8, 0.9, 1.0]),
)
def test_a_romanisation_is_the_transliteration_when_that_is_a_romanisation_above_the_floor(
    start: int, length: int, key: str, floor: float
) -> None:
    piece = _NAMES_ZH[start : start + length]
    match = transliteration(piece, key)
    expected = match if match is not None and match.system not in APPROXIMATE and match.score >= floor else None
    assert romanisation(piece, key, floor) == expected


def test_a_romanisation_is_a_spelling_and_a_sound_alike_is_none() -> None:
    assert romanisation("徐立", "xuli", 0.9) == transliteration("徐立", "xuli")
    sound_alike = transliteration("哈利法克斯", "halifax")
    assert sound_alike is not None and sound_alike.system in APPROXIMATE and sound_alike.score >= 0.7
    assert romanisation("哈利法克斯", "halifax", 0.7) is None


_SENTENCES = [
    "SenseTime said on Monday that Xu Li will lead it.",
    "The company, SenseTime, grew.",
    "“Hong Kong” is where it started (2014).",
    "2. If the Legislative Yuan agrees, the Act applies.",
    "it rained in Taipei and Taichung.",
]


@given(st.lists(st.sampled_from(_SENTENCES), min_size=1, max_size=8))
def test_the_document_context_reads_a_repeated_sentence_once_and_finds_what_reading_all_finds(
    sentences: list[str],
) -> None:
    doc = segment("\n".join(sentences), "en", presegmented=True)
    every = [_english_words(doc.text, span.start, span.end) for span in doc.sentences]
    # the definition over every sentence, repeats included: words capitalised after a sentence's
    # first word (after an item's number, its second: "2. If"), and a first word capitalised where
    # something other than an opener comes before it
    expected = {
        word.folded
        for span, words in zip(doc.sentences, every, strict=True)
        for k, word in enumerate(words)
        if word.text[0].isupper()
        and (k > 0 or not _is_sentence_initial(doc.text, span.start, word))
        and not (k == 1 and words[0].text[0].isdigit() and _is_sentence_initial(doc.text, span.start, word))
    }
    capitalised, _ = english_document_context(doc)
    assert capitalised == expected
    assert english_document_context(doc, every) == english_document_context(doc)


@given(
    st.integers(0, len(_NAMES_ZH) - 2),
    st.integers(1, 6),
    st.one_of(
        st.sampled_from([*_NAMES_EN, "Xu Li", "Steven Poon Kwok-lim", "Burkina Faso"]),
        st.text("abcdefghiklmnoprstuwxyz", min_size=1, max_size=12),
    ),
    st.sampled_from([0.5, 0.7, 0.75, 0.8, 0.9, 0.95]),
)
def test_sounding_at_least_a_floor_is_the_transliteration_scoring_it(
    start: int, length: int, en: str, floor: float
) -> None:
    zh = _NAMES_ZH[start : start + length]
    match = transliteration(zh, en)
    assert sounds_at_least(zh, en, floor) == (match is not None and match.score >= floor)
    han, key = han_only(zh), english_key(en)
    learned = learned_sound(han, key)
    assert _learned_at_least(han, key, floor) == (learned is not None and learned.score >= floor)


def test_a_composed_match_rejected_by_the_cover_bound_is_none_without_it(monkeypatch: pytest.MonkeyPatch) -> None:
    # every Chinese key against every English key of its bead, on the bundled article (as linking scores them)
    from bitext.entities import dictionary

    beads = collect_candidates([_corpus_alignment()])
    pairs = sorted({(zh.key, en.key) for bead in beads for zh in bead.zh for en in bead.en})
    bounded = [dictionary.composed_match(zh, en) for zh, en in pairs]
    rejected = 0
    original = dictionary._may_cover

    def counted(*args: object) -> bool:
        nonlocal rejected
        covered = original(*args)  # type: ignore[arg-type]
        rejected += not covered
        return covered

    monkeypatch.setattr(dictionary, "_may_cover", counted)
    assert [dictionary.composed_match(zh, en) for zh, en in pairs] == bounded
    assert rejected > 0  # the bound does decide some pairs
    monkeypatch.setattr(dictionary, "_may_cover", lambda *args: True)
    assert [dictionary.composed_match(zh, en) for zh, en in pairs] == bounded
    assert sum(found is not None for found in bounded) >= 3  # and composed matches are among them


def test_a_repeated_bead_whose_twin_keeps_its_first_links_keeps_its_own_in_the_second_pass() -> None:
    zh_paragraphs = (CORPUS / "zh-Hant.txt").read_text(encoding="utf-8").split("\n")
    en_paragraphs = (CORPUS / "en.txt").read_text(encoding="utf-8").split("\n")
    alignment = bitext.align("\n".join(zh_paragraphs * 3), "\n".join(en_paragraphs * 3), method="gale-church")
    text_of = {0: (alignment.zh.text, alignment.en.text)}
    beads = collect_candidates([alignment])
    stats = cooccurrence(beads)
    first_links = _link_beads(beads, PairScorer(stats), text_of)
    second = PairScorer(stats, learn(link for found in first_links for link in found))
    # the work itself: every searched bead linked again, every repeated one its twin's links moved
    expected: list[list[Link]] = []
    for bead in beads:
        if bead.twin is None:
            expected.append(link_bead(bead, second, text_of))
        else:
            twin, zh_shift, en_shift = bead.twin
            expected.append(
                [
                    Link(
                        bead.document,
                        bead.bead,
                        pairing._shifted(k.zh, zh_shift),
                        pairing._shifted(k.en, en_shift),
                        k.score,
                        k.evidence,
                    )
                    for k in expected[twin]
                ]
            )
    found = _link_beads(beads, second, text_of, first_links)
    assert found == expected
    kept = [n for n, bead in enumerate(beads) if bead.twin is not None and found[n] is first_links[n]]
    assert kept and any(found[n] for n in kept)  # the shortcut is taken, for beads with links


@given(st.text(alphabet="ab-Zz9 (.)X\n", max_size=60))
def test_defined_terms_are_found_searching_before_brackets_only_as_scanning_the_whole_text(text: str) -> None:
    from bitext.entities.candidates import _DEFINED_TERM, _defined_terms

    def spans(matches: Iterable[regex.Match[str]]) -> list[tuple[tuple[int, int], tuple[str | Any, ...]]]:
        return [(m.span(), m.groups()) for m in matches]

    assert spans(_defined_terms(text)) == spans(_DEFINED_TERM.finditer(text))


def test_defined_terms_of_a_text_with_several_are_every_one_scanning_finds() -> None:
    from bitext.entities.candidates import _DEFINED_TERM, _defined_terms

    text = (
        "We use generative artificial intelligence (GenAI) and large language models (LLMs). The Agency (EPA) "
        "and a well-known (WK) x (Y) tool. Xabc def (AB), then six words of lower case here (SW)(T) and "
        "ärger über (ÄÜ) and Ab cd (CD)"
    )
    found = [(m.span(), m.groups()) for m in _defined_terms(text)]
    assert found == [(m.span(), m.groups()) for m in _DEFINED_TERM.finditer(text)]
    assert len(found) >= 5


def test_the_second_pass_takes_the_first_passs_signals_only_where_the_learned_names_cannot_change_them() -> None:
    beads, stats, text_of, first, first_links = _first_pass()
    learned = learn(link for found in first_links for link in found)
    assert learned
    fresh = PairScorer(stats, learned)
    taking = PairScorer(stats, learned, earlier=first)
    assert [link_bead(bead, taking, text_of) for bead in beads] == [link_bead(bead, fresh, text_of) for bead in beads]
    assert taking._cache == fresh._cache
    taken = [key for key, found in taking._cache.items() if found and found is first._cache.get(key)]
    assert taken  # signals taken from the first pass, not made again
    made = [key for key, found in taking._cache.items() if key in first._cache and found is not first._cache[key]]
    assert made  # and signals of candidates the learned names matter to made anew


def test_entity_flags_made_once_per_repeated_bead_are_those_each_bead_gets_alone() -> None:
    from bitext.qa import entity_check as check

    zh_paragraphs = (CORPUS / "zh-Hant.txt").read_text(encoding="utf-8").split("\n")
    en_paragraphs = (CORPUS / "en.txt").read_text(encoding="utf-8").split("\n")
    alignment = bitext.align("\n".join(zh_paragraphs * 2), "\n".join(en_paragraphs * 2), method="gale-church")
    table = bitext.align_entities(alignment)
    # each bead on its own, as the check read beads before repeated ones shared their messages
    entities = check.build_entities(table)
    check._add_defined_acronyms(entities, alignment.en.text)
    index = check._FormIndex(entities)
    seen = [
        (n, index.scan(alignment.zh_text(bead), alignment.en_text(bead)))
        for n, bead in enumerate(alignment.beads)
        if bead.is_aligned
    ]
    expected = check._expected(seen)
    alone = []
    for number, (zh, en) in seen:
        zh_text = alignment.zh_text(alignment.beads[number])
        for eid, form in zh.strict.items():
            if eid not in en.present and expected[eid, "zh", form]:
                alone.append((number, form, entities[eid].zh_triggers[form]))
        for eid, form in en.strict.items():
            if (
                eid not in zh.present
                and expected[eid, "en", form]
                and not check._named_otherwise(entities[eid], zh_text)
            ):
                alone.append((number, form, entities[eid].en_triggers[form]))
    flags = check.entity_flags(alignment, table)
    assert [(f.bead, f.code) for f in flags] == [(number, "entity-missing") for number, _, _ in alone]
    assert all(form in f.message and trigger in f.message for f, (_, form, trigger) in zip(flags, alone, strict=True))
    repeated = {f.message for f in flags if f.bead < len(alignment.beads) // 2} & {
        f.message for f in flags if f.bead >= len(alignment.beads) // 2
    }
    assert repeated  # flags in both copies of the article


@given(
    st.text(alphabet="Ab '’s\n.", max_size=12),
    st.sampled_from(["Iran hostage crisis", "Mau movement", "Kong’s movement"]),
)
def test_event_phrases_read_an_owners_ending_in_place_as_in_the_rest_of_the_text(before: str, name: str) -> None:
    from bitext.entities import events

    text = f"{before}The {name}s {before}"
    for at in range(len(text) + 1):
        assert bool(events._OWNER_AFTER.match(text, at)) == bool(regex.match(r"['’]s\b", text[at:]))


def _abbreviated_offsets_reading_everything(word: str) -> tuple[int, ...]:
    """abbreviated_places.abbreviated_offsets as it was before its early return: both characters' countries
    and the word's glosses read whatever the first character is."""
    from bitext.entities import abbreviated_places as ap
    from bitext.entities.dictionary import gloss_heads
    from bitext.resources.cedict import load_cedict

    if len(word) != 2:
        return ()
    entries = load_cedict().lookup(word)
    if any(not entry.is_proper_noun for entry in entries):
        return ()
    first, second = ap.countries_of(word[0]), ap.countries_of(word[1]) if word[1] != "方" else frozenset()
    if entries and not ap._glossed_as_countries(gloss_heads(word), first | second):
        return ()
    if first and word[1] == "方":
        return (0,)
    if first and second:
        return (0, 1)
    return ()


def test_a_compound_of_country_abbreviations_is_found_as_reading_both_characters_finds_it() -> None:
    from bitext.entities.abbreviated_places import abbreviated_offsets

    # countries' abbreviations, the side 方, characters glossed with no country, and the article's characters
    characters = "中俄哈歐欧美德波斯英法日韓韩方台港澳蒙藏華京外國"
    characters += "".join(dict.fromkeys(to_simplified((CORPUS / "zh-Hant.txt").read_text(encoding="utf-8")[:400])))
    words = [a + b for a in characters for b in characters if "\u4e00" <= a <= "\u9fff" and "\u4e00" <= b <= "\u9fff"]
    found = {word: abbreviated_offsets(word) for word in words}
    assert found == {word: _abbreviated_offsets_reading_everything(word) for word in words}
    assert found["中俄"] == (0, 1) and found["中方"] == (0,) and found["波斯"] == ()  # the module's examples
    assert sum(map(bool, found.values())) >= 5  # the comparison covers compounds that are found


def _covered_per_name(token: str, stems: list[str]) -> set[int]:
    """spans._covered as it was: the word's vocabulary made again for every English name."""
    from bitext.entities.dictionary import covers, gloss_words
    from bitext.entities.institutions import institution_glosses
    from bitext.entities.spans import _ENDINGS, abbreviations_covered

    vocabulary = gloss_words(token)
    if not vocabulary and len(token) >= 3:
        halves = [
            gloss_words(token[:cut]) | gloss_words(token[cut:])
            for cut in range(2, len(token) - 1)
            if gloss_words(token[:cut]) and gloss_words(token[cut:])
        ]
        if not halves and len(token) == 3 and institution_glosses(token[2:]):
            halves = [gloss_words(token[:2]) | gloss_words(token[2:])]
        if halves:
            vocabulary = halves[0]
    if not vocabulary and len(token) == 2:
        return abbreviations_covered(token, stems)
    if not vocabulary and len(token) >= 3:
        ending = next((e for e in _ENDINGS if token.endswith(e) and len(token) > len(e)), "")
        if ending:
            vocabulary = gloss_words(token[: -len(ending)])
    return {i for i, s in enumerate(stems) if covers(vocabulary, s)}


def test_the_english_words_a_chinese_word_covers_are_those_reading_its_vocabulary_per_name_finds() -> None:
    from bitext.entities.dictionary import stem
    from bitext.entities.spans import _covered

    zh = to_simplified((CORPUS / "zh-Hant.txt").read_text(encoding="utf-8"))
    han = "".join(ch for ch in zh if "\u4e00" <= ch <= "\u9fff")[:600]
    # every piece of one to four characters, and the words whose vocabulary comes another way: parts (紧急命令,
    # 电玩展), abbreviations (蒙藏), an ending after an unknown word (医疗法, 调查局)
    tokens = {han[i : i + n] for n in range(1, 5) for i in range(len(han) - n + 1)}
    tokens |= {"紧急命令", "电玩展", "蒙藏", "医疗法", "关税法", "调查局", "法务部调查局"}
    en = (CORPUS / "en.txt").read_text(encoding="utf-8")
    words = sorted({w.lower() for w in regex.findall(r"\p{Lu}\p{L}+", en)})
    names = [words[i : i + 4] for i in range(0, len(words), 4)] + [["mongolian", "tibetan", "affair", "commission"]]
    hits = 0
    for name in names:
        stems = [stem(w) for w in name]
        for token in sorted(tokens):
            covered = _covered(token, stems)
            assert covered == _covered_per_name(token, stems), (token, name)
            hits += bool(covered)
    assert hits >= 20  # the comparison covers words that do cover something


def test_a_composed_match_compares_by_sound_only_the_words_it_may_place_and_finds_what_comparing_all_finds(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # every Chinese key against every English key of its bead, on the bundled article, plus named bodies
    # whose parts are answered partly by sound (威斯敏斯特 of Westminster) and partly by gloss
    from bitext.entities import dictionary

    beads = collect_candidates([_corpus_alignment()])
    pairs = sorted({(zh.key, en.key) for bead in beads for zh in bead.zh for en in bead.en})
    pairs += [("威斯敏斯特裁判法院", "Westminster Magistrates Court")]
    pairs += [("加州大学洛杉矶分校", "University of California")]
    pairs += [("商汤科技集团", "SenseTime Group"), ("全球环境基金", "Global Environment Facility")]
    narrowed = [dictionary.composed_match(zh, en) for zh, en in pairs]
    skipped = 0
    narrowing = dictionary._words_a_part_may_sound

    def every_word(zh: str, words: list[str], pieces: object, given: set[int]) -> list[str]:
        nonlocal skipped
        skipped += sum(not word for word in narrowing(zh, words, pieces, given))  # type: ignore[arg-type]
        return words

    monkeypatch.setattr(dictionary, "_words_a_part_may_sound", every_word)
    assert [dictionary.composed_match(zh, en) for zh, en in pairs] == narrowed
    assert skipped >= 10  # the narrowing does leave words out
    assert sum(found is not None for found in narrowed) >= 3  # and composed matches are among the pairs
