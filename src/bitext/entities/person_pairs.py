"""Last-resort pairs of people whose two sides give different parts of the name.

* *An English given name before the Chinese surname* (Kiwi Chow ↔ 周冠威, Clara Law ↔ 羅卓瑤, Isaac Chen
  ↔ 陳鎮川): Hong Kong and Taiwan news write a Chinese person by an English given name and the surname's
  romanisation only, so only the surname can be compared. A surname is weak evidence (many people share
  it), so the pair is made only one-to-one: after competitive linking, an unlinked two-word English name
  whose last word is a romanisation (pinyin, Wade–Giles, Hong Kong or Macao Cantonese) of the first
  character of exactly one unlinked Chinese personal name of the bead (jieba's nr tag, two or three
  characters), and that Chinese name answers no other English name.
* *A foreign surname alone in the Chinese* (戴紐斯女士 ↔ Sara Danius): the Chinese gives the surname's
  transliteration, the English the whole name; the surname matched by sound (skeleton or learned
  spellings, ≥ 0.7) with the English name's last word, one-to-one in the bead as above; not when the
  English is a romanised Chinese name (Wang Xi-feng: 昭君 sounds like Xi-feng to the learned spellings).

* *A Korean name* (Park Byeong-seug ↔ 朴炳錫, Kim Yong-gwon ↔ 金英權): the surname in its Korean spelling
  (a closed table of the commonest surnames: Park 朴, Kim 金, Lee 李, Choi 崔 …), then a hyphenated given
  name, or in Western order the given name's two syllables as two words and the surname last (Jong Seork
  Park ↔ 朴宗石), against a Chinese personal name of two or three characters starting with that surname's
  character; one-to-one in the bead as above. No reading of the given name is compared: the registry has
  no permissively licensed hanja reader (design.md, Korean readings).

Both score the acceptance threshold (below every dictionary or full reading signal) and are PER.
"""

from __future__ import annotations

from collections.abc import Sequence

import regex

from bitext.entities.candidates import Candidate
from bitext.entities.lexicon import EN_DESIGNATORS, PINYIN_SYLLABLE, TITLES, is_common_english_word
from bitext.entities.transliteration import transliteration
from bitext.resources.places import load_places

_HAN_NAME = regex.compile(r"\p{Han}{2,4}")
_EN_WORD = regex.compile(r"\p{Lu}[\p{Ll}]+(?:-\p{Ll}+)?")
_CAPITALS_SURNAME = regex.compile(r"\p{Lu}{2,}")
_ROMANISED = frozenset({"pinyin", "wade-giles", "cantonese"})
_BY_SOUND = frozenset({"skeleton", "learned"})
SOUND_FLOOR = 0.7
# a word spelt wholly in pinyin syllables (Wang, Xifeng): a Chinese name, not a foreign one
_PINYIN_WORD = regex.compile(PINYIN_SYLLABLE + "{1,3}")


def _chinese_romanised(words: Sequence[str]) -> bool:
    """Wang Xi-feng, Sha Ruishan: every word pinyin, or a hyphen inside one (Wade–Giles, Cantonese)."""
    return any("-" in w for w in words) or all(_PINYIN_WORD.fullmatch(w.casefold()) for w in words)


# Korean spellings of the commonest Korean surnames and their (simplified) characters.
_KOREAN_SURNAMES: dict[str, str] = {
    "kim": "金", "gim": "金", "lee": "李", "yi": "李", "rhee": "李", "ri": "李", "park": "朴", "pak": "朴",
    "bak": "朴", "choi": "崔", "choe": "崔", "jung": "郑丁", "jeong": "郑丁", "chung": "郑丁", "kang": "姜",
    "gang": "姜", "cho": "赵曹", "jo": "赵曹", "yoon": "尹", "yun": "尹", "jang": "张", "lim": "林", "im": "林",
    "han": "韩", "oh": "吴", "seo": "徐", "suh": "徐", "shin": "申", "kwon": "权", "gwon": "权", "hwang": "黄",
    "ahn": "安", "song": "宋", "yoo": "柳刘俞", "ryu": "柳", "hong": "洪", "moon": "文", "mun": "文",
    "bae": "裴", "baek": "白", "paek": "白", "ko": "高", "nam": "南", "roh": "卢", "noh": "卢", "ha": "河",
    "kwak": "郭", "jeon": "全", "chun": "全千", "son": "孙", "yang": "梁杨", "ban": "潘", "koo": "具",
    "min": "闵", "won": "元", "sung": "成", "seong": "成", "cha": "车", "woo": "禹", "hyun": "玄",
    "eom": "严", "bang": "方", "heo": "许", "hur": "许", "shim": "沈", "byun": "卞边", "seok": "石",
    "choo": "秋",
}  # fmt: skip
_KOREAN_GIVEN = regex.compile(r"\p{Lu}\p{Ll}+-\p{Ll}+")


def korean_surname_last(words: Sequence[str]) -> bool:
    """Jong Seork Park: a Korean name in Western order, the given name's two syllables as two words (no
    English word among them) and a Korean surname last."""
    return (
        len(words) == 3
        and words[2].casefold() in _KOREAN_SURNAMES
        and all(regex.fullmatch(r"\p{Lu}\p{Ll}{1,5}", w) and not is_common_english_word(w) for w in words[:2])
    )


def _free(candidate: Candidate, taken: Sequence[Candidate]) -> bool:
    return not any(candidate.overlaps(other) for other in taken)


def _personal_en(en: Candidate) -> list[str] | None:
    """The words of an English name of two or more plain capitalised words that is no place, body or
    title ("Kiwi Chow", "Sara Danius"; not "Hong Kong", "Fox News")."""
    words = en.key.split()
    if len(words) >= 2 and _CAPITALS_SURNAME.fullmatch(words[-1]) and all(_EN_WORD.fullmatch(w) for w in words[:-1]):
        words[-1] = words[-1].capitalize()  # Hansard's surname in capitals: "Mr James TO", "Ms Emily LAU"
    if len(words) < 2 or not all(_EN_WORD.fullmatch(w) for w in words):
        return None
    if len(words) == 2 and words[0].casefold() in _KOREAN_SURNAMES and _KOREAN_GIVEN.fullmatch(words[1]):
        return words  # Park Byeong-seug: a Korean surname, though "park" is a place's designator
    if korean_surname_last(words):
        return words  # Jong Seork Park: the given name's two syllables, then the surname
    if any(w.casefold() in TITLES for w in words[:-1]) or any(w.casefold() in EN_DESIGNATORS for w in words[:-1]):
        return None
    if (words[-1].casefold() in EN_DESIGNATORS or words[-1].casefold() in TITLES) and (
        len(words) != 2 or is_common_english_word(words[0])
    ):
        return None  # Company Law, Basic Law; but Clara Law (a given name and the surname 羅 Law)
    places = load_places()
    if places.is_place(en.key) or any(places.is_region(w) for w in words):
        return None
    return words


def _one_to_one(options: dict[int, list[int]]) -> list[tuple[int, int]]:
    pairs = []
    for j, found in options.items():
        if len(found) == 1 and [k for k, others in options.items() if found[0] in others] == [j]:
            pairs.append((found[0], j))
    return pairs


def person_pairs(
    zh_candidates: Sequence[Candidate],
    en_candidates: Sequence[Candidate],
    linked: Sequence[tuple[Candidate, Candidate]],
) -> list[tuple[Candidate, Candidate, str]]:
    """(zh, en, evidence) for the unlinked people of one bead paired by a part of the name."""
    linked_zh = [zh for zh, _ in linked]
    linked_en = [en for _, en in linked]
    free_en = [(en, words) for en in en_candidates if _free(en, linked_en) for words in [_personal_en(en)] if words]
    surnames_alone = [en for en in en_candidates if _free(en, linked_en) and _surname_alone(en)]
    if not free_en and not surnames_alone:
        return []
    people = [
        zh
        for zh in zh_candidates
        if _free(zh, linked_zh) and _HAN_NAME.fullmatch(zh.key) and zh.source.startswith(("pos:nr", "surname"))
    ]
    # a piece of a longer personal name is that name (梁家 of 梁家傑, which jieba cut as 梁家|傑)
    free_zh = [zh for zh in people if not any(o.contains(zh) and len(o.key) > len(zh.key) for o in people)]
    found: list[tuple[Candidate, Candidate, str]] = []
    # an English given name before the Chinese surname: a two-word English name, a Chinese name of 2-3
    surnames: dict[int, list[int]] = {}
    labels: dict[tuple[int, int], str] = {}
    for j, (_, words) in enumerate(free_en):
        if len(words) != 2:
            continue
        for i, zh in enumerate(free_zh):
            if len(zh.key) > 3:
                continue
            match = transliteration(zh.key[0], words[1])
            if match is not None and match.system in _ROMANISED and match.score >= 1.0:
                surnames.setdefault(j, []).append(i)
                labels[i, j] = f"given+surname:{match.system}:{match.spelling}"
    for i, j in _one_to_one(surnames):
        found.append((free_zh[i], free_en[j][0], labels[i, j]))
    # a Korean name: the surname in its Korean spelling, a hyphenated given name
    korean: dict[int, list[int]] = {}
    for j, (en, words) in enumerate(free_en):
        if any(en is e for _, e, _ in found):
            continue
        if len(words) == 2 and _KOREAN_GIVEN.fullmatch(words[1]):
            characters = _KOREAN_SURNAMES.get(words[0].casefold(), "")
        elif korean_surname_last(words):
            characters = _KOREAN_SURNAMES[words[2].casefold()]
        else:
            continue
        for i, zh in enumerate(free_zh):
            if characters and len(zh.key) <= 3 and zh.key[0] in characters and all(zh is not z for z, _, _ in found):
                korean.setdefault(j, []).append(i)
                labels[i, j] = f"korean-surname:{words[0].casefold()}"
    for i, j in _one_to_one(korean):
        found.append((free_zh[i], free_en[j][0], labels[i, j]))
    # a foreign surname alone in the Chinese, the whole name in the English
    used_zh = {id(zh) for zh, _, _ in found}
    used_en = {id(en) for _, en, _ in found}
    sounds: dict[int, list[int]] = {}
    for j, (en, words) in enumerate(free_en):
        if id(en) in used_en or _chinese_romanised(words):
            continue
        for i, zh in enumerate(free_zh):
            if id(zh) in used_zh:
                continue
            match = transliteration(zh.key, words[-1])
            if match is not None and match.system in _BY_SOUND and match.score >= SOUND_FLOOR:
                sounds.setdefault(j, []).append(i)
                labels[i, j] = f"surname-only:{match.evidence}"
    for i, j in _one_to_one(sounds):
        found.append((free_zh[i], free_en[j][0], labels[i, j]))
    # a Chinese person by the surname alone in the English (胡錦濤 ↔ "Hu said"): the surname's pinyin, a
    # three-character name, one-to-one in the bead
    used_zh = {id(zh) for zh, _, _ in found}
    alone: dict[int, list[int]] = {}
    for j, en in enumerate(surnames_alone):
        for i, zh in enumerate(free_zh):
            if id(zh) in used_zh or len(zh.key) != 3 or zh.key[-1] in _KINSHIP:
                continue
            match = transliteration(zh.key[0], en.key)
            if match is not None and match.system == "pinyin" and match.score >= 1.0:
                alone.setdefault(j, []).append(i)
                labels[i, -1 - j] = f"surname-alone:pinyin:{match.spelling}"
    for i, j in _one_to_one(alone):
        found.append((free_zh[i], surnames_alone[j], labels[i, -1 - j]))
    return found


# A three-character "name" ending in a kinship term is a form of address (溫家哥 "brother of the Wen family"),
# not a surname and a given name.
_KINSHIP = frozenset("哥姐兄弟叔伯嫂爷娘婆妹")


def _surname_alone(en: Candidate) -> bool:
    """One capitalised word of two to five letters that is no common English word nor a place (Hu, Xi)."""
    return (
        bool(regex.fullmatch(r"\p{Lu}\p{Ll}{1,4}", en.key))
        and not is_common_english_word(en.key)
        and not load_places().is_place(en.key)
    )
