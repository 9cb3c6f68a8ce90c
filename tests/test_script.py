"""Script conversion (OpenCC) and detection: every config, what round trips really restore, the simplified
copy's guarantees (length, idempotence, offsets), and detection on real text."""

from __future__ import annotations

import csv
import unicodedata
from pathlib import Path

import opencc
import pytest
from hypothesis import given
from hypothesis import strategies as st

from bitext.errors import BitextError
from bitext.script import CONFIGS, convert, detect_script, simplify_char, to_simplified

CORPUS_TEXT = (Path(__file__).resolve().parents[1] / "corpus/sensetime-genai/zh-Hant.txt").read_text(encoding="utf-8")

# One case per configuration, taken from OpenCC's own test suite (test/testcases/testcases.json),
# so the expectations are the OpenCC project's, not this code's.
OPENCC_CASES = {
    "s2t": ("新的理论被发现了。", "新的理論被發現了。"),
    "t2s": ("賽後復盤 覆盤難照", "赛后复盘 覆盘难照"),
    "s2tw": ("着装污染虚伪发泄棱柱群众里面", "著裝汙染虛偽發洩稜柱群眾裡面"),
    "tw2s": ("著裝著作汙染虛偽發洩稜柱群眾裡面", "着装著作污染虚伪发泄棱柱群众里面"),
    "s2hk": ("为了核实这说法", "為了核實這説法"),
    "hk2s": ("虛偽歎息", "虚伪叹息"),
    "s2twp": ("鼠标里面的硅二极管坏了，导致光标分辨率降低。", "滑鼠裡面的矽二極體壞了，導致游標解析度降低。"),
    "tw2sp": ("滑鼠裡面的矽二極體壞了，導致游標解析度降低。", "鼠标里面的硅二极管坏了，导致光标分辨率降低。"),
    "s2hkp": ("舒芙蕾 梳芙厘", "梳芙厘 梳芙厘"),
    "hk2sp": ("機會率不大", "概率不大"),
    "t2tw": ("幺麼小丑 小丑丫鬟", "么麼小丑 小丑丫鬟"),
    "tw2t": ("在廚房裡做手擀麵", "在廚房裏做手擀麪"),
    "t2hk": ("爲了覈實這說法", "為了核實這説法"),
    "hk2t": ("為賦新詞強説愁", "爲賦新詞強說愁"),
    "t2jp": ("橫濱 絲魚川 伊豫國", "横浜 糸魚川 伊予国"),
    "jp2t": ("旧字体歴史仮名遣 新字体現代仮名遣", "舊字體歷史假名遣 新字體現代假名遣"),
}


def installed_configs() -> set[str]:
    share = Path(opencc.__file__).parent / "clib" / "share" / "opencc"
    return {path.stem for path in share.glob("*.json")}


# --- Conversion -------------------------------------------------------------------------------------


def test_configs_are_exactly_those_the_installed_opencc_ships() -> None:
    assert set(CONFIGS) == installed_configs()
    assert len(CONFIGS) == len(set(CONFIGS))


def test_every_config_has_a_sample() -> None:
    assert set(OPENCC_CASES) == set(CONFIGS)


@pytest.mark.parametrize("config", CONFIGS)
def test_every_config_converts_a_known_sample(config: str) -> None:
    source, expected = OPENCC_CASES[config]
    assert convert(source, config) == expected


def test_config_may_be_named_with_its_json_file() -> None:
    assert convert("汉字", "s2t.json") == "漢字"


def test_unknown_config_is_a_one_line_user_error() -> None:
    with pytest.raises(BitextError, match="unknown OpenCC config 'x2y'; choose one of: s2t, t2s") as caught:
        convert("汉字", "x2y")
    assert "\n" not in str(caught.value)


def test_phrase_configs_may_change_the_length() -> None:
    # Why to_simplified uses t2s and never tw2sp/hk2sp: regional phrase conversion rewrites words.
    assert len(convert("機會率不大", "hk2sp")) != len("機會率不大")


# --- What round trips really restore (measured on real data; see docs/design.md) ------------------


def flores(shared_data: Path, column: str) -> list[str]:
    with open(shared_data / "flores200-devtest" / "devtest_docs.tsv", encoding="utf-8", newline="") as handle:
        return [row[column] for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)]


def macdev(shared_data: Path) -> list[str]:
    lines = []
    for path in sorted((shared_data / "mac-dev" / "zh").iterdir()):
        lines += [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return lines


def share_restored(texts: list[str], there: str, back: str) -> float:
    return sum(convert(convert(text, there), back) == text for text in texts) / len(texts)


def test_t2s_after_s2t_restores_about_98_percent_of_simplified_sentences_not_all(shared_data: Path) -> None:
    simplified = flores(shared_data, "zho_Hans") + macdev(shared_data)
    assert 0.97 <= share_restored(simplified, "s2t", "t2s") < 1.0  # measured 0.981 (2428 of 2475)
    # One simplified form, two traditional ones, and t2s does not map back: 想象 → 想像 → 想像.
    assert convert(convert("想象", "s2t"), "t2s") == "想像"


def test_s2t_after_t2s_loses_taiwan_forms_in_a_third_of_sentences(shared_data: Path) -> None:
    traditional = flores(shared_data, "zho_Hant")
    assert 0.55 <= share_restored(traditional, "t2s", "s2t") <= 0.75  # measured 0.638: OpenCC standard ≠ Taiwan
    assert 0.88 <= share_restored(traditional, "tw2s", "s2tw") < 1.0  # measured 0.910 with the Taiwan pair
    assert convert(convert("裡面", "t2s"), "s2t") == "裏面"  # Taiwan 裡 comes back as OpenCC's standard 裏


def test_t2s_leaves_simplified_text_unchanged(shared_data: Path) -> None:
    simplified = flores(shared_data, "zho_Hans") + macdev(shared_data)
    assert [text for text in simplified if convert(text, "t2s") != text] == []


# --- The simplified copy: same length, idempotent, offsets into the original --------------------------

# Han characters from every block, compatibility ideographs, and everything else that can be in text.
HAN_BLOCKS = st.one_of(
    st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF),
    st.characters(min_codepoint=0x3400, max_codepoint=0x4DBF),
    st.characters(min_codepoint=0xF900, max_codepoint=0xFAFF),
    st.characters(min_codepoint=0x20000, max_codepoint=0x3134F),
    st.sampled_from(sorted(set(CORPUS_TEXT))),
)
ANY_TEXT = st.text(st.one_of(HAN_BLOCKS, st.characters(exclude_categories=("Cs",))), max_size=60)


def is_ideograph(ch: str) -> bool:
    name = unicodedata.name(ch, "")
    return "IDEOGRAPH" in name or name.startswith(("CJK", "KANGXI"))


@given(ANY_TEXT)
def test_to_simplified_always_preserves_length(text: str) -> None:
    assert len(to_simplified(text)) == len(text)


@given(ANY_TEXT)
def test_to_simplified_is_idempotent(text: str) -> None:
    once = to_simplified(text)
    assert to_simplified(once) == once


def test_every_han_character_simplifies_to_a_fixed_point() -> None:
    every = "\n".join(chr(code) for code in [*range(0x3400, 0x4DC0), *range(0x4E00, 0xA000), *range(0x20000, 0x2A6E0)])
    once = to_simplified(every)
    assert len(once) == len(every)
    assert to_simplified(once) == once


def test_to_simplified_follows_a_two_step_chain_to_its_end() -> None:
    # t2s alone is not idempotent here: 薴 → 苧, and 苧 → 苎.
    assert convert("薴", "t2s") == "苧" and convert("苧", "t2s") == "苎"
    assert to_simplified("薴麻") == to_simplified(to_simplified("薴麻")) == "苎麻"


@given(ANY_TEXT)
def test_to_simplified_changes_only_ideographs_and_keeps_them_in_place(text: str) -> None:
    simplified = to_simplified(text)
    for original, copy in zip(text, simplified, strict=True):
        if not is_ideograph(original):
            assert copy == original
        else:
            assert is_ideograph(copy)


@given(st.data())
def test_simplifying_a_slice_equals_slicing_the_simplified_text(data: st.DataObject) -> None:
    """Offsets into the copy index the same characters: cut the corpus anywhere outside a Han run (at
    punctuation, spaces, Latin) and the two pieces simplify exactly as the whole does there."""
    cuts = [i for i, ch in enumerate(CORPUS_TEXT) if not is_ideograph(ch)]
    start = data.draw(st.sampled_from(cuts))
    end = data.draw(st.sampled_from([cut for cut in cuts if cut > start] or [len(CORPUS_TEXT)]))
    assert to_simplified(CORPUS_TEXT[start:end]) == to_simplified(CORPUS_TEXT)[start:end]


def test_simplified_copy_matches_character_by_character_conversion_almost_everywhere() -> None:
    """Where whole-text conversion differs from converting each character alone, it is a phrase choice
    for the same character (e.g. 畫 → 划 in 計畫 but 画 alone), never a shifted position."""
    simplified = to_simplified(CORPUS_TEXT)
    differing = [
        (original, copy)
        for original, copy in zip(CORPUS_TEXT, simplified, strict=True)
        if copy != simplify_char(original)
    ]
    assert len(differing) <= 0.001 * len(CORPUS_TEXT)
    for original, copy in differing:
        assert convert(copy, "s2t") == original or convert(original, "t2s") != original


# --- Script detection --------------------------------------------------------------------------------


def test_the_hong_kong_corpus_is_traditional() -> None:
    guess = detect_script(CORPUS_TEXT)
    assert guess.script == "traditional"
    assert guess.confidence > 0.99
    assert guess.simplified_chars == 0


def test_its_simplified_copy_is_simplified() -> None:
    guess = detect_script(to_simplified(CORPUS_TEXT))
    assert guess.script == "simplified"
    assert guess.confidence > 0.99
    assert guess.traditional_chars == 0


@pytest.mark.parametrize(
    "text",
    [
        "山峰很高。",  # s2t gives 峯, but 峰 is the normal Hong Kong and Taiwan form
        "群眾在溫泉旁吃飯，睡在床上。",  # 群 (s2t: 羣), 吃 (喫), 床 (牀), 温/溫: ordinary traditional forms
        "他的祕書和秘書",
    ],
)
def test_characters_in_normal_traditional_use_are_not_simplified_evidence(text: str) -> None:
    assert detect_script(text).simplified_chars == 0
    assert detect_script(text).script in ("traditional", "none")


def test_shared_forms_are_weak_evidence() -> None:
    # 后 is simplified for 後 but also traditional (皇后): alone it decides little.
    alone = detect_script("皇后")
    assert alone.script == "simplified" and alone.confidence < 0.6
    # Counted fully, 后 and 里 would make this traditional sentence "mixed" (4 against 2); at a quarter each
    # the four traditional-only characters (說這條長) carry it.
    guess = detect_script("皇后說這條路有五公里長。")
    assert (guess.script, guess.traditional_chars, guess.simplified_chars) == ("traditional", 4, 2)


def test_mixed_and_none() -> None:
    assert detect_script("这是简体字。這是繁體字。").script == "mixed"
    english = detect_script("No Chinese here at all.")
    assert (english.script, english.confidence, english.han_chars) == ("none", 1.0, 0)
    assert detect_script("中文").script == "none"  # the same in both scripts: no evidence


def test_confidence_grows_with_evidence() -> None:
    short = detect_script("說")
    longer = detect_script("他說這個問題會在會議上討論。")
    assert short.script == longer.script == "traditional"
    assert 0.5 < short.confidence < longer.confidence <= 1.0


@given(st.data())
def test_real_passages_are_never_called_the_other_script(data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(CORPUS_TEXT) - 2))
    passage = CORPUS_TEXT[start : start + data.draw(st.integers(2, 200))]
    assert detect_script(passage).script in ("traditional", "none")
    assert detect_script(to_simplified(passage)).script in ("simplified", "none")
    assert detect_script(convert(to_simplified(passage), "s2hk")).script in ("traditional", "none")


def test_flores_documents_and_sentences_are_all_called_right(shared_data: Path) -> None:
    """Measured in benchmarks/script_detection.py: every FLORES sentence, Taiwan-style zho_Hant and zho_Hans."""
    for column, expected in (("zho_Hant", "traditional"), ("zho_Hans", "simplified")):
        wrong = [text for text in flores(shared_data, column) if detect_script(text).script != expected]
        assert wrong == []


def test_macdev_in_every_script_is_never_called_the_other_one(shared_data: Path) -> None:
    sentences = macdev(shared_data)
    for config, expected in (
        (None, "simplified"),
        ("s2t", "traditional"),
        ("s2hk", "traditional"),
        ("s2tw", "traditional"),
    ):
        texts = [convert(s, config) if config else s for s in sentences]
        verdicts = [detect_script(text).script for text in texts]
        assert set(verdicts) <= {expected, "none"}, config
        assert verdicts.count(expected) >= 0.97 * len(texts)  # the rest hold no distinctive character


def test_the_cached_one_character_conversions_are_opencc_s_own() -> None:
    """Every 89th character of the table's domain and the characters of simplified and traditional text: the
    table's answer is what a fresh OpenCC converter gives the character alone (itself when that is longer)."""
    from bitext import script

    table = script.single_char_conversions()
    points = [p for low, high in script.CHAR_DOMAIN for p in range(low, high + 1, 89)]
    sample = {chr(p) for p in points} | set("们说后里干峰温诚乌陈鸡說們後衞皇后公里𠀀㐀·a1")
    for config in script.TABULATED_CONFIGS:
        converter = opencc.OpenCC(config)
        for ch in sorted(sample):
            alone = converter.convert(ch)
            assert table[config].get(ch, ch) == (alone if len(alone) == 1 else ch), (config, ch)
    assert table["s2t"]["们"] == "們" and table["s2t"]["说"] == "說"


def test_script_detection_makes_no_opencc_converter_but_t2s(monkeypatch: pytest.MonkeyPatch) -> None:
    """Simplified evidence is read from the cached table: s2t, s2tw and s2hk converters are not made."""
    from bitext import script

    script.single_char_conversions()  # built or read before watching
    made: list[str] = []
    original = script._converter.__wrapped__

    def watched(config: str) -> opencc.OpenCC:
        made.append(config)
        return original(config)

    monkeypatch.setattr(script, "_converter", watched)
    script._convert_char.cache_clear()
    script._simplified_weight.cache_clear()
    script._traditional_only.cache_clear()
    script.simplify_char.cache_clear()
    try:
        assert detect_script("我们说后来的公里数").script == "simplified"
        assert set(made) <= {"t2s"}
    finally:
        script._convert_char.cache_clear()
        script._simplified_weight.cache_clear()
        script._traditional_only.cache_clear()
        script.simplify_char.cache_clear()


def test_a_character_outside_the_table_is_converted_when_asked() -> None:
    from bitext import script

    assert not script.in_char_domain("\U0001f600") and not script.in_char_domain("們們")
    assert script._convert_char("\U0001f600", "s2t") == "\U0001f600"
    assert script._convert_char("们", "s2t") == "們"
