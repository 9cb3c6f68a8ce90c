"""English sentence splitting with rules for abbreviations, initials, decimals, money and tickers.

A boundary needs terminal punctuation followed by whitespace and something that can start a
sentence (a capital, a digit, an opening quote or bracket, a Chinese character). Decimals
(``4.7``), money (``HK$5.78``) and tickers (``0020.HK``) never have whitespace after their period,
so they are never candidates. What remains ambiguous is the period after an abbreviation or an
initial; those are decided from the word before and the word after.

Every decision looks only at the text from the start of the current sentence to a few words past
the candidate, so splitting a sentence on its own gives that same sentence back.
"""

from __future__ import annotations

import regex

from bitext.segment.base import cut_at

# Abbreviations that are usually *inside* a sentence even when the next word is capitalised.
_NEVER_FINAL = frozenset(
    "mr mrs ms messrs dr prof sr jr st mt ft gen col lt sgt capt cmdr adm gov sen rep rev hon pres supt insp".split()
)
# Abbreviations that can end a sentence; a period after them ends one only before a typical opener.
_ABBREVIATIONS = frozenset(
    """
    inc co corp ltd llc plc bros dept univ assn est intl
    vs al approx cf ca eds op
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
    """.split()
)
# Abbreviations of a following number: "No. 5", "Vol. 3", "Fig. 2", "pp. 10".
_BEFORE_NUMBER = frozenset("no nos vol vols fig figs pp p eq art sec ch".split())
# Words that start many sentences; after an abbreviation or an initial, they signal a real end.
_OPENERS = frozenset(
    "the a an this that these those it its he she they we i you his her their our my there here "
    "but and in on at as if when while since after before although however so yet for by with from "
    "what who how why where one some many most all no not".split()
)
# Verbs of a dialogue tag: '"Why?" Wang asked.' keeps the tag in the quoted sentence.
_SPEECH_VERBS = frozenset(
    "said says asked asks replied replies added adds cried shouted exclaimed whispered muttered answered "
    "protested snapped continued interrupted yelled called told tells wondered demanded insisted".split()
)

_CLOSERS = "'\"’”)\\]」』）】》"
_OPENING = "'\"‘“(\\[「『（"
# Candidates: terminal punctuation (then closers) before whitespace; interrupted speech ("—' 'You");
# full-width terminal punctuation of a Chinese sentence quoted in English text.
_CANDIDATE = regex.compile(
    rf"[.!?…]+[{_CLOSERS}]*(?=\s)"
    rf"|(?:—|–|--)['\"’”](?=\s+[{_OPENING}])"
    rf"|[。！？]+[{_CLOSERS}]*"
)
# Footnote markers a line of a footnote block begins with ("the Region.\n*For entry …").
_FOOTNOTE_MARKS = "*†‡§¶¹²³⁴⁵⁶⁷⁸⁹⁰"
_SENTENCE_START = regex.compile(rf"\s*[{_OPENING}]*\p{{Han}}|\s+[{_OPENING}{_FOOTNOTE_MARKS}]*[\p{{Lu}}\p{{N}}]")
# The label of a numbered list item or heading ("1.", "b.", "iv."): the whole sentence so far.
_LIST_LABEL = regex.compile(r"\d{1,3}|\p{L}|[ivxlcIVXLC]{1,6}")
_NEXT_WORD = regex.compile(rf"\s*[{_OPENING}]*([\p{{L}}\p{{N}}]+)")
_SPEECH_TAG = regex.compile(r"\s+([\p{Lu}][\p{L}'’-]*)\s+(?:[\p{Lu}][\p{L}'’-]*\s+)?(\p{Ll}+)")
_PRONOUNS = frozenset("i he she it we they you this that".split())
_TOKEN_END = regex.compile(r"\S+$")
_LONGEST_TOKEN = 40  # enough for any abbreviation, acronym or initial the rules look for
_DOTTED_ACRONYM = regex.compile(r"(?:\p{L}\.)+\p{L}\.?")


class EnglishSplitter:
    name = "en-rules"

    def split(self, text: str, start: int, end: int) -> list[tuple[int, int]]:
        boundaries: list[int] = []
        sentence_start = start
        for match in _CANDIDATE.finditer(text, start, end):
            if ends_sentence(text, match.start(), match.end(), sentence_start, end):
                boundaries.append(match.end())
                sentence_start = match.end()
        return cut_at(text, start, end, boundaries)


def ends_sentence(text: str, start: int, end: int, sentence_start: int, limit: int) -> bool:
    """Whether the punctuation ``text[start:end]`` (with its closers) ends an English sentence.

    Looks back no further than ``sentence_start`` and forward no further than ``limit``. Also used
    by the Chinese splitter for Latin text inside Chinese.
    """
    if not _SENTENCE_START.match(text, end, limit):
        return False
    punctuation = text[start:end]
    if punctuation[0] in "—–-":
        return True  # interrupted speech followed by a new quotation
    if punctuation[0] in "。！？…" or punctuation.startswith(".."):
        return True
    if punctuation[0] in "!?":
        return not _is_dialogue_tag(text, end, limit, punctuation)
    return not _is_abbreviation_period(text, start, end, sentence_start, limit)


def _is_dialogue_tag(text: str, end: int, limit: int, punctuation: str) -> bool:
    """'"Can you print it?" Wang asked.': a question or exclamation in quotes, then its tag."""
    if not any(ch in "'\"’”" for ch in punctuation):
        return False
    found = _SPEECH_TAG.match(text, end, limit)
    if not found or found.group(2) not in _SPEECH_VERBS:
        return False
    # A tag's pronoun is written in lower case ('"Why?" he asked.'); "He" starts a new sentence.
    return found.group(1).lower() not in _PRONOUNS


def _is_abbreviation_period(text: str, start: int, end: int, sentence_start: int, limit: int) -> bool:
    token = _token_before(text, start, sentence_start)
    word = token.lower().rstrip(".")
    following = _next_word(text, end, limit)
    closed_by_quote = any(ch in "'\"’”" for ch in text[start:end])
    if word in _NEVER_FINAL:
        return True
    if _LIST_LABEL.fullmatch(token) and text[sentence_start:start].strip() == token:
        return True  # "1. You modify files.": a list label, not a sentence
    if word in _BEFORE_NUMBER:
        return following[:1].isdigit()
    if closed_by_quote:
        return False  # 'He works at Apple Inc." Then …': the quotation closes the sentence
    if word in _ABBREVIATIONS or _DOTTED_ACRONYM.fullmatch(token) or _is_initial(token):
        return following.lower() not in _OPENERS
    return False


def _token_before(text: str, start: int, sentence_start: int) -> str:
    """The whitespace-delimited token before ``start`` (within the sentence), without opening marks."""
    found = _TOKEN_END.search(text, max(sentence_start, start - _LONGEST_TOKEN), start)
    return found.group().lstrip(_OPENING) if found else ""


def _is_initial(token: str) -> bool:
    """ "J" in "J. K. Rowling" or "K" in "J.K. Rowling"; not "G" in "Super-G" nor "K" in "2.7K"."""
    return len(token) == 1 and token.isalpha() and token.isupper()


def _next_word(text: str, start: int, limit: int) -> str:
    found = _NEXT_WORD.match(text, start, limit)
    return found.group(1) if found else ""
