"""People named by surname and title (王夫人 ↔ Lady Wang, 賈母 ↔ Grandmother Jia, 海老公 ↔ Old Hai).

Novels and memoirs name many people by a surname with a title or a kinship word, on both sides:
王夫人 is "Lady Wang", 周大娘 "Mrs Zhou", 海老公 "Old Hai", 老吳 "Wu" or "Old Wu". jieba tags most of
these as personal names, but no signal pairs them: the whole string is no romanisation, and one
syllable is too little to go on alone. Here the Chinese must be a surname character with a title
before or after it, and the English the same surname spelt exactly (pinyin, Wade–Giles or
Cantonese) after English title words that translate the Chinese title.
"""

from __future__ import annotations

import regex

from bitext.resources.names import readings

# Chinese title (simplified) → English words that translate it.
_AFTER = {
    "夫人": ("lady", "madam", "mrs"),
    "太太": ("mrs", "madam", "lady"),
    "大娘": ("mrs", "aunt", "auntie"),
    "大妈": ("mrs", "aunt", "auntie"),
    "大爷": ("master", "uncle"),
    "少爷": ("master", "young"),
    "先生": ("mr", "mister", "master"),
    "小姐": ("miss",),
    "老师": ("professor", "teacher", "master"),
    "教授": ("professor", "prof"),
    "博士": ("dr", "doctor"),
    "母": ("grandmother", "granny", "lady", "dowager"),
    "奶奶": ("grandmother", "granny", "grandma"),
    "爷爷": ("grandfather", "grandpa"),
    "老公": ("old",),
    "公公": ("old", "eunuch"),
    "嫂": ("sister", "mrs"),
    "大哥": ("brother",),
    "老爷": ("sir", "master", "lord"),
}
_BEFORE = {"老": ("old",), "小": ("little", "young"), "阿": ()}
# A title on both sides and a surname spelt exactly. The bare surname ("Sha" for 沙博士) is no match:
# it is usually another form of someone named in full (沙瑞山 ↔ Sha Ruishan), and one syllable is
# too little to tell which (dev gold: 4 wrong rows of 4 in the MAC-Dev chapters).
WITH_TITLE = 0.85
_WORD = regex.compile(r"\p{L}+(?:[-'’]\p{L}+)*")


def split_chinese(zh: str) -> tuple[str, tuple[str, ...]] | None:
    """(surname, English words for the title) of a titled surname, or None."""
    for title, english in _AFTER.items():
        if len(zh) == len(title) + 1 and zh.endswith(title):
            return zh[0], english
    if len(zh) == 2 and zh[0] in _BEFORE:
        return zh[1], _BEFORE[zh[0]]
    return None


def _spells(surname: str, word: str) -> bool:
    key = "".join(ch for ch in word.lower() if "a" <= ch <= "z")
    return any(
        "".join(reading) == key
        for system in ("pinyin", "wade-giles", "cantonese")
        for reading in readings(surname, system)
    )


def titled_surname_match(zh: str, en: str) -> tuple[str, float] | None:
    """(evidence, score) when ``zh`` (simplified) is a surname with a title and ``en`` spells that surname."""
    parts = split_chinese(zh)
    words = _WORD.findall(en)
    if parts is None or not 1 <= len(words) <= 3:
        return None
    surname, titles = parts
    if not _spells(surname, words[-1]):
        return None
    before = [w.casefold().rstrip(".") for w in words[:-1]]
    if not before or not all(w in titles for w in before):
        return None  # "Sir Wang": other words than the title's; "Wang": no title
    return f"titled-surname:{zh}={words[-1].casefold()}", WITH_TITLE


# Score of a surname written with an office title after it (蔡總統 ↔ President Tsai, 陳部長 ↔ Minister Chen):
# the Chinese title makes the lone character a person's surname; the English spells it exactly.
WITH_OFFICE = 0.85


def office_surname_match(surname: str, en: str) -> tuple[str, float] | None:
    """(evidence, score) when the one English word ``en`` spells ``surname`` (simplified) exactly in pinyin,
    Wade–Giles or Cantonese; for a surname the Chinese writes before an office title."""
    words = _WORD.findall(en)
    if len(surname) != 1 or len(words) != 1 or words[0] != en or not _spells(surname, en):
        return None
    return f"titled-office:{surname}={en.casefold()}", WITH_OFFICE
