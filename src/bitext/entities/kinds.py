"""Person or place? Votes from the words around a mention, on both sides.

The tagger's and the gazetteer's votes say what a name usually is, not what it is here: jieba tags
布希 (Bush), 莫瑞 (Murray) as personal names but GeoNames lists towns called Bush and Murray; 沙瑞山
(Sha Ruishan) and 孫中山 (Sun Yat-sen) end in 山, a mountain's designator; transliterated places
(烏波盧 Upolu, 科查莫 Cochamó) are tagged as people. The text around a mention is what a reader
uses: a person says, tells, asks (Sha said; 沙瑞山說), has a title after the name (孫中山先生, 沙瑞山博士);
a place has a preposition of place before it (in, near, north-northeast of Dillon; 位於) or a
place's designator after it (the island of Upolu, Cochamó Valley; 烏波盧島, 科查莫谷).

Each cue found beside a mention is a vote of CUE_WEIGHT for its type, at most one per side.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

import regex

from bitext.entities.candidates import Candidate
from bitext.entities.model import EntityType

# More than a designator ending's vote (2, with 1 more for its hint): 孫中山先生 ends in 山 but is a person.
CUE_WEIGHT = 3
_WINDOW = 40

_PERSON_VERBS = (
    "said says say told tells asked asks replied answered added explained announced stated wrote argued "
    "believed believes thought thinks knew felt smiled laughed grinned nodded sighed shouted cried whispered "
    "interrupted insisted recalled commented admitted noted claimed remembered realised realized noticed "
    "decided wanted hoped resigned died married stared glanced looked paced typed wiped frowned shrugged "
    "muttered murmured exclaimed snapped won lost received served scored beat defeated"
)
_EN_PERSON_AFTER = regex.compile(rf"^['’]?\s*,?\s*(?:{'|'.join(_PERSON_VERBS.split())})\b")
# Any verb in the past tense after the name (Liggins began, Carpanedo competed): a person, unless the
# name is a place GeoNames knows (a city may host or announce).
_EN_ACTS_AFTER = regex.compile(
    r"^\s+(?!(?:based|located|situated|called|named|used|bed|red|shed)\b)(?:\p{Ll}+ed|began|ran|went|came|"
    r"became|took|gave|made|met|wrote|spoke|saw|left|led|fought|grew|chose|drove|flew|fell|sang|swam|threw|rode)\b"
)
_EN_PLACE_BEFORE = regex.compile(
    r"\b(?:in|near|across|throughout|into|around|towards?|via|island of|(?:north|south|east|west)[\w-]* of)"
    r"\s+(?:the\s+)?$",
    regex.IGNORECASE,
)
_EN_PLACE_AFTER = regex.compile(
    r"^\s+(?:Valley|Sea|Mountains?|River|Island|Islands|Lake|Bay|Peninsula|Glacier|Range|Province|County|"
    r"District|Canyon|Desert|Strait|Gulf|Coast|Plateau|Basin|Delta)\b"
)
# After a person's name: a title or a verb of speech or gesture (simplified Chinese).
_ZH_PERSON_AFTER = regex.compile(
    r"^(?:先生|女士|小姐|太太|夫人|博士|教授|老师|医生|总统|总理|首相|议员|部长|主席|同志|"
    r"说|表示|指出|告诉|问|答|笑|叹|摇头|点头|认为|宣布|回答|解释|强调)"
)
# Before a place: a verb of location or movement; after it: a designator or a compass direction.
_ZH_PLACE_BEFORE = regex.compile(r"(?:位于|前往|抵达|来自|住在|飞往|途经)$")
_ZH_PLACE_AFTER = regex.compile(
    r"^(?:岛|群岛|山脉|谷|河|湖|海|湾|半岛|冰川|省|县|州|镇|村|境内|附近|以[东南西北]|[东南西北]{1,3}(?:方|部|边))"
)


def _is_place(en: str) -> bool:
    from bitext.resources.places import load_places

    return load_places().is_place(en)


def context_votes(zh: Candidate, en: Candidate, zh_text: str, en_text: str) -> Counter[EntityType]:
    """PER/LOC votes from the words beside one linked mention pair."""
    from bitext.script import to_simplified

    votes: Counter[EntityType] = Counter()
    if zh.source not in ("latin", "ticker"):
        before = to_simplified(zh_text[max(0, zh.start - 4) : zh.start])
        after = to_simplified(zh_text[zh.end : zh.end + 4])
        if _ZH_PERSON_AFTER.match(after):
            votes["PER"] += CUE_WEIGHT
        elif _ZH_PLACE_AFTER.match(after) or _ZH_PLACE_BEFORE.search(before):
            votes["LOC"] += CUE_WEIGHT
    before = en_text[max(0, en.start - _WINDOW) : en.start]
    after = en_text[en.end : en.end + _WINDOW]
    if _EN_PERSON_AFTER.match(after) or (_EN_ACTS_AFTER.match(after) and not _is_place(en.key)):
        votes["PER"] += CUE_WEIGHT
    elif _EN_PLACE_AFTER.match(after) or _EN_PLACE_BEFORE.search(before):
        votes["LOC"] += CUE_WEIGHT
    return votes


# Words before a capitalised word that make a place's name, not a given name (New York, Port Said).
_PLACE_PREFIXES = frozenset(
    "new north south east west northern southern eastern western upper lower great greater saint st san santa "
    "port fort mount mt lake cape little old central".split()
)
_PAIR_OF_NAMES = regex.compile(r"(?<![\p{L}.])(\p{Lu}\p{Ll}+)[ ](\p{Lu}\p{Ll}+(?:['’-]\p{Lu}?\p{Ll}+)?)\b")
_CITATION = regex.compile(
    r"(\p{Lu}\p{Ll}+(?:\p{Lu}\p{Ll}+)?)(?:\s+(?:and|&)\s+(\p{Lu}\p{L}+))?(?:\s+et al\.?)?,?\s+\(?\d{4}\b"
)


def surnames_in(en_text: str) -> frozenset[str]:
    """English words the document writes after a given name (Graham Liggins → Liggins) or cites with a
    year (Oravec, 2002): a one-word name among them is a person's surname."""
    from bitext.entities.lexicon import TITLES, is_common_english_word
    from bitext.resources.places import load_places

    places = load_places()
    found = set()
    for match in _PAIR_OF_NAMES.finditer(en_text):
        given, surname = match.groups()
        folded = given.casefold()
        # a country before a name is no given name (China Daily); a town may be (Graham Liggins)
        if folded in _PLACE_PREFIXES or folded in TITLES or is_common_english_word(given) or places.is_region(given):
            continue
        found.add(surname)
    # both authors of "Larson and LaFasto, 1989" are people
    found.update(name for match in _CITATION.finditer(en_text) for name in match.groups() if name)
    return frozenset(found)


@dataclass(frozen=True)
class DocumentText:
    """One document's two texts, with what the type votes read from the whole document (once per
    document: the surnames scan reads all of its English)."""

    zh: str
    en: str
    surnames: frozenset[str]

    @classmethod
    def of(cls, zh: str, en: str) -> DocumentText:
        return cls(zh, en, surnames_in(en))


def document_votes(en_keys: Iterable[str], surnames: frozenset[str]) -> Counter[EntityType]:
    """A one-word English name the document also gives with a given name before it, or cites with a
    year, is a person (CUE_WEIGHT)."""
    votes: Counter[EntityType] = Counter()
    if any(" " not in key and key in surnames for key in en_keys):
        votes["PER"] += CUE_WEIGHT
    return votes


# Nouns after a name that make it a term named after someone or something (Rossby number, Doppler
# effect, Morse code, Minoan civilization, Roman numerals): the entity gold's guideline lists
# scientific terms named after people as no entity, and such adjectives are no place.
_TERM_AFTER = regex.compile(
    r"['’]?s?\s+(?:number|numbers|effect|code|equation|equations|principle|constant|scale|syndrome|numerals|"
    r"script|alphabet|civilization|civilisation|shift|distribution|theorem|law|laws|limit|radiation|"
    r"coefficient|diagram|test|method|model|cycle|unit|units|period)\b"
)


def term_use(en_text: str, start: int, end: int) -> bool:
    """The English name at ``[start, end)`` is followed by a term's noun (Rossby number)."""
    return " " not in en_text[start:end].strip() and bool(_TERM_AFTER.match(en_text, end, end + 40))


# A name left in Latin letters on both sides that nothing else types, by its shape alone (news: CNN,
# TSA, WADA, NCAA; Frank Galicia, Briony May Smith): an acronym of capitals is a body far more often
# than a product (fresh sets: 20 bodies, 2 products among such rows); two or three capitalised words
# whose last is no common English word are a person's given name and surname (12 people, no other
# type among such rows that ends in an uncommon word except Help Refugees and Bullocks Wilshire).
_ACRONYM = regex.compile(r"\p{Lu}{2,5}")
_NAME_WORD = regex.compile(r"(?:Mc|Mac|La|Le|De|Di|Da|Du|Van|Von|O['’])?\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?")


# A made thing's noun beside an acronym makes it a product or an instrument, not a body (COBE衛星,
# 探測衛星COBE, "the APS family of formats", APS 先進攝影系統格式).
_ZH_THING = "(?:卫星|探测器|望远镜|系统|格式|手机|软件|芯片|相机|飞船|火箭|导弹)"
_EN_THING = (
    r"(?:satellites?|probes?|telescopes?|systems?|formats?|family|phones?|software|chips?|cameras?|"
    r"spacecraft|rockets?|missiles?|devices?)"
)


def _thing_beside(key: str, document: DocumentText) -> bool:
    from bitext.script import to_simplified

    word = regex.escape(key)
    zh = to_simplified(document.zh)
    if regex.search(rf"{_ZH_THING}\s*{word}|{word}\s*(?:\p{{Han}}{{0,6}}){_ZH_THING}", zh):
        return True
    return bool(regex.search(rf"\b{word}\s+(?:\w+\s+)?(?:of\s+)?{_EN_THING}\b", document.en))


def latin_shape_type(en_key: str, document: DocumentText | None = None) -> EntityType | None:
    """ORG for an acronym of 2-5 capitals (unless a made thing's noun stands beside it in the document),
    PER for 2-3 name-shaped words ending in an uncommon word."""
    from bitext.entities.lexicon import is_common_english_word
    from bitext.resources.places import load_places

    if _ACRONYM.fullmatch(en_key):
        return None if document is not None and _thing_beside(en_key, document) else "ORG"
    words = en_key.split(" ")
    if not 2 <= len(words) <= 3 or not all(_NAME_WORD.fullmatch(word) for word in words):
        return None
    if is_common_english_word(words[-1]) or load_places().is_place(en_key):
        return None
    return "PER"


# A person's title or honorific written inside the name (習近平同志 ↔ Comrade Xi Jinping, 王先生): the
# name is a person's whatever the tagger or a gazetteer says of the rest.
_ZH_TITLE_END = regex.compile(r"(?:先生|女士|小姐|太太|夫人|博士|教授|同志|总统|总理|首相|议员|部长|主席)$")
_EN_HONORIFIC = regex.compile(r"^(?:Mr|Mrs|Ms|Miss|Dr|Comrade|Sir|Dame|Madam|Madame)\.? \p{Lu}")


def titled_in_name(zh_key: str, en_key: str) -> bool:
    """The Chinese ends in a person's title (longer than the title) or the English opens with an honorific."""
    from bitext.script import to_simplified

    zh = to_simplified(zh_key)
    title = _ZH_TITLE_END.search(zh)
    return bool(title and title.start() >= 2) or bool(_EN_HONORIFIC.match(en_key))
