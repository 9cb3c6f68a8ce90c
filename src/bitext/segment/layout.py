"""Page layout of plain text: which line breaks are inside a paragraph, and which lines are page furniture.

Text as people have it is rarely one paragraph a line. Copying from a PDF or running ``pdftotext``
gives hard-wrapped lines (~70 characters in English, ~35 in Chinese) and, between pages, page numbers,
running heads and feet and footnote blocks. The layout reader decides, on the text as read and without
changing a character of it:

- **paragraphs**: ``lines`` (each non-blank line), ``paragraphs`` (blocks between blank lines) or
  ``wrapped`` (blocks cut also before an indented line, a list or heading label after a complete line,
  after a short line that ends a sentence, and around a heading on its own line); ``auto`` chooses
  ``wrapped`` when the line widths say so (see :func:`wrap_width`) and ``lines`` otherwise. Inside a
  paragraph a line break is whitespace to the sentence splitters, so an English line break counts as a
  space and a Chinese one as nothing (the splitters never need a space between Chinese sentences);
- **furniture**: page numbers alone on a line (a run of increasing numbers at least a page apart, or
  next to a form feed), running heads and feet (the same line, digits aside, next to three or more page
  breaks) and footnote blocks (lines from a footnote marker down to a page break). Furniture lines are
  transparent to paragraphs: a paragraph broken by a page continues after it.

Every offset indexes the text as read; furniture is listed as spans, never dropped.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import pairwise

import regex

from bitext.segment.base import strip_span
from bitext.segment.labels import HEADING_LABEL, LINE_LABEL, item_number

LAYOUTS = ("auto", "lines", "paragraphs", "wrapped")

# Characters a line ends with when its last sentence is complete.
# ︰ (U+FE30) and ﹕ (U+FE55) are colons too: Taiwan's statutes write "下列情形之一者︰" before their items.
FINAL_MARKS = tuple("。！？；…!?.:：︰﹕」』”\"')）")
_MIN_WRAP_COLUMNS = 50  # hard wraps are at 60-80 columns; subtitles and lists are narrower
_MIN_NARROW_COLUMNS = 12  # narrower text is wrapped only by the strict test of _narrow_width …
_MIN_STRICT_COLUMNS = 30  # … which, narrower than this or short, also asks for blocks ending with a stop, …
_MIN_NARROW_LINES = 10  # … which needs this many full lines, …
_SHORT_FULL_SHARE = 0.75  # … or, in a short text, this share of its inner lines full (and _MIN_WRAPPED_LINES)
_MIN_WRAPPED_LINES = 3  # fewer lines are no evidence of wrapping (a title over a sentence is not)
_FIXED_SLACK = 2  # a line of Chinese cut every N characters ends its paragraph at N - 2 characters or fewer
_MIN_FIXED_CHARS = 8  # Chinese cut every N characters may be narrower than _MIN_WRAP_COLUMNS, but not this narrow
_MIN_FIXED_WIDTH_LINES = 2  # but two, of exactly the same length and the longest, are (see _fixed_width)
_NEAR_WIDTH = 0.8  # a wrapped line fills at least this share of the width (words are short)
# The wrap width is the first of these percentiles of line widths that shows wrapping (see wrap_width).
_WIDTH_PERCENTILES = (0.75, 0.9)
_TITLE_WIDTH = 0.6  # a heading or title line is shorter than this share of the width
_BASE_INDENT_SHARE = 0.05  # continuation lines are at least this share of a wrapped text's lines (see _base_indent)
_CHINESE_SHORT = 0.5  # a Chinese line shorter than this share, not ending in a comma, ends a paragraph
_WIDE_RUN = regex.compile(r"[\p{East_Asian_Width=Wide}\p{East_Asian_Width=Fullwidth}]+")
_HAN = regex.compile(r"\p{Han}")
_LATIN = regex.compile(r"\p{Latin}")
_WORD_HYPHENATED = regex.compile(r"\p{L}[-\u00ad]$")  # see bitext.segment.hyphens

# Page furniture. A bare number has at most three digits: a year alone on a line (a narrow column's
# "2021") is not a page.
_MIN_LINES_ABOVE_PAGE_NUMBER = 3
_PAGE_NUMBER = regex.compile(
    r"\s*(?:[-–—]\s*)?(?:(?P<n>\d{1,3})|page\s+(?P<n>\d{1,4})(?:\s+of\s+\d{1,4})?|第\s*(?P<n>\d{1,4})\s*[頁页]"
    r"|(?P<n>\d{1,4})\s*/\s*\d{1,4})(?:\s*[-–—])?\s*",
    regex.IGNORECASE,
)
_MIN_PAGE_LINES = 8  # page numbers stand at least this many lines apart
_MIN_LAST_PAGE_LINES = 3  # but the last page (the document's last line a page number) may be short
_MAX_PAGE_STEP = 10  # and their numbers rise by at most this much between two found
_PAGE_WINDOW = 50  # a page number follows one of the 50 number-only lines before it (a table of numbers
# would otherwise make the search quadratic)
_MIN_PAGE_NUMBERS = 3  # without form feeds, this many make a run of page numbers (two, with a running head)
_PAGE_EVENNESS = 0.5  # lines per page vary by less than this share of the median (the last page is short)
_NEAR_BREAK = 2  # running heads and feet stand within this many lines of a page break
_EDGE_LINES = 3  # with form feeds: page numbers, heads and feet are among a page's first or last lines
_MIN_RUNNING = 3  # a running head or foot repeats next to at least this many page breaks
_MAX_RUNNING_CHARS = 100
_SENTENCE_END = tuple(".。!?！？")
_FOOTNOTE_MARKER = regex.compile(
    r"\s*(?:\*{1,3}|[†‡§¶]|[¹²³⁴⁵⁶⁷⁸⁹⁰]+|\[\d{1,3}\]|[註注]\s*[\d一二三四五六七八九十]*\s*[:：.．]?)\s*\S"
)
_MAX_FOOTNOTE_LINES = 12  # a footnote block is at most this many lines above its page break
# What a browser prints in a page's margins (Chromium: date and time over the title, the address and
# "page/pages" under the text): furniture by its form, even on a one-page text, where nothing repeats.
_PRINT_HEAD = regex.compile(
    r"\s*\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4},?\s+(?:[上下]午\s*)?\d{1,2}:\d{2}(?:\s*[AaPp]\.?[Mm]\.?)?(?:\s+(?P<title>\S.*))?"
)
_PRINT_FOOT = regex.compile(r"\s*(?:https?|file)://\S+(?:\s+\S+)*?\s+\d{1,4}\s*/\s*\d{1,4}\s*")
_PRINT_EDGE_LINES = 2  # looked for among a page's first and last two non-blank lines


@dataclass(frozen=True)
class Layout:
    """Paragraph and furniture offsets of a text, and the layout that produced them."""

    mode: str
    detected: bool
    paragraphs: tuple[tuple[int, int], ...]
    furniture: tuple[tuple[int, int], ...]

    @property
    def description(self) -> str:
        """``"wrapped (detected)"`` when ``auto`` chose, else the mode asked for: recorded in settings."""
        return f"{self.mode} (detected)" if self.detected else self.mode


# ``ends_sentence(start, end)``: whether the splitter cuts ``text[start:end]`` right at ``cut``.
SentenceEnd = Callable[[int, int, int], bool]


def analyse(
    text: str,
    lang: str = "",
    layout: str = "auto",
    ends_sentence: SentenceEnd | None = None,
    known_furniture: Sequence[tuple[int, int]] = (),
) -> Layout:
    """Paragraphs and furniture of ``text`` under ``layout`` (one of :data:`LAYOUTS`).

    ``lang`` ("zh"/"en") picks the rules for short lines (guessed from the text when empty);
    ``ends_sentence(start, end, cut)`` tells whether the sentence splitter cuts ``text[start:end]``
    at ``cut`` (used to end a wrapped paragraph after a short line that ends a sentence).
    ``known_furniture``: spans a format marked as furniture; the lines they touch are furniture.
    """
    if layout not in LAYOUTS:
        raise ValueError(f"unknown layout {layout!r}; choose one of: {', '.join(LAYOUTS)}")
    lines = raw_lines(text)
    furniture_lines = find_furniture(text, lines) | _lines_touching(lines, known_furniture)
    body = [i for i in range(len(lines)) if i not in furniture_lines]
    mode, detected = layout, False
    if layout == "auto":
        mode = "wrapped" if wrap_width(text, [lines[i] for i in body]) is not None else "lines"
        detected = True
    if mode == "lines":
        paragraphs = [span for i in body if (span := strip_span(text, *lines[i])) is not None]
    else:
        lang = lang or _guess_lang(text)
        paragraphs = _blocks(text, lines, body, mode, lang, ends_sentence)
    furniture = [span for i in sorted(furniture_lines) if (span := strip_span(text, *lines[i])) is not None]
    return Layout(mode, detected, tuple(paragraphs), tuple(furniture))


def _lines_touching(lines: list[tuple[int, int]], spans: Sequence[tuple[int, int]]) -> set[int]:
    starts = [start for start, _end in lines]
    found: set[int] = set()
    for start, end in spans:
        first = bisect_right(starts, start) - 1
        last = bisect_right(starts, max(start, end - 1)) - 1
        found.update(range(max(first, 0), last + 1))
    return found


def raw_lines(text: str) -> list[tuple[int, int]]:
    spans = []
    cursor = 0
    for line in text.split("\n"):
        spans.append((cursor, cursor + len(line)))
        cursor += len(line) + 1
    return spans


def columns(line: str) -> int:
    """Display width: CJK characters take two columns, as in the editor that wrapped the text."""
    return len(line) + sum(map(len, _WIDE_RUN.findall(line)))


def wrap_width(text: str, lines: list[tuple[int, int]]) -> int | None:
    """The width (in display columns) a hard-wrapped text is wrapped at, or ``None`` if it is not.

    Among the lines that reach close to the width and are followed by another line of the same block,
    most end mid-sentence when the text is wrapped; when each line is a paragraph they end with a full
    stop. A line followed by a list or heading label is no evidence either way (a list item or a clause
    need not end with a stop; a wrapper rarely puts a label at a line's start). The width is tried at the
    75th percentile of line widths (a wrapped text's lines cluster just under it; a URL or a line of
    Chinese, two columns a character, may stand out above it), then at the 90th: in a short document or
    a statute most lines are a paragraph's short last line, a heading or a one-line clause, so the 75th
    percentile falls on them. Subtitles and lists are too narrow to count.
    """
    if len(lines) <= _MIN_WRAPPED_LINES:
        return None
    contents = [text[start:end].strip() for start, end in lines]
    widths = sorted(columns(content) for content in contents if content)
    for percentile in _WIDTH_PERCENTILES:
        width = widths[min(len(widths) - 1, int(percentile * len(widths)))] if widths else 0
        if width < _MIN_WRAP_COLUMNS:
            continue
        long_inner = [
            content
            for content, following in pairwise(contents)
            if content and following and columns(content) >= _NEAR_WIDTH * width and not LINE_LABEL.match(following)
        ]
        wrapped = [content for content in long_inner if not content.endswith(FINAL_MARKS)]
        if len(wrapped) >= _MIN_WRAPPED_LINES and 2 * len(wrapped) > len(long_inner):
            return width
    return _fixed_width(contents) or _narrow_fixed_width(contents) or _narrow_width(contents, widths)


def _narrow_width(contents: list[str], widths: list[int]) -> int | None:
    """The width of text wrapped in a column narrower than _MIN_WRAP_COLUMNS (a two-column PDF's 40-50 columns,
    ``fold -s -w 45``, a phone's 20-30), where a wrapper leaves its mark on nearly every line: of the lines
    followed by another of the same block, a majority (and _MIN_NARROW_LINES, or in a short text three quarters
    and _MIN_WRAPPED_LINES) end mid-sentence with no room left for the next line's first word, and most of those
    are followed by a line going on in lower case. Subtitles and lists break where the writer chose, mostly with
    room to spare; verse lines, as full, start with a capital. The width may fall under 20 columns for text
    wrapped at 20 (long words leave lines short), hence _MIN_NARROW_COLUMNS of 12."""
    pairs = [(content, following) for content, following in pairwise(contents) if content and following]
    if len(pairs) < _MIN_WRAPPED_LINES:
        return None
    for percentile in _WIDTH_PERCENTILES:
        width = widths[min(len(widths) - 1, int(percentile * len(widths)))]
        if not _MIN_NARROW_COLUMNS <= width < _MIN_WRAP_COLUMNS:
            continue
        full = [
            following
            for content, following in pairs
            if not content.endswith(FINAL_MARKS)
            and not LINE_LABEL.match(following)
            and columns(content) + 1 + columns(following.split(None, 1)[0]) > width
        ]
        # a wrapped English sentence goes on in lower case; a line of verse starts with a capital
        going_on = sum(following[:1].islower() for following in full)
        # A short text (a paragraph of 9 lines) has fewer than _MIN_NARROW_LINES inner lines: then nearly all
        # must be full, three at least.
        enough = len(full) >= _MIN_NARROW_LINES or (
            len(full) >= _MIN_WRAPPED_LINES and len(full) >= _SHORT_FULL_SHARE * len(pairs)
        )
        if not (enough and 2 * len(full) > len(pairs) and 2 * going_on > len(full)):
            continue
        # Under 30 columns or in a short text, a list of lower-case items ("strawberry jam" | "blueberry
        # muffins") passes too: wrapped paragraphs end with a sentence, most of the multi-line blocks do.
        if (width < _MIN_STRICT_COLUMNS or len(full) < _MIN_NARROW_LINES) and not _blocks_end_sentences(contents):
            continue
        return width
    return None


def _blocks_end_sentences(contents: list[str]) -> bool:
    """Whether half the blocks of two lines or more (between blank lines), or more, end with a sentence-final mark."""
    ends: list[bool] = []
    size, last = 0, ""
    for content in [*contents, ""]:
        if content:
            size += 1
            last = content
        else:
            if size >= 2:
                ends.append(last.endswith(FINAL_MARKS))
            size = 0
    return 2 * sum(ends) >= len(ends) > 0


def _narrow_fixed_width(contents: list[str]) -> int | None:
    """The width of Chinese cut every N characters in a column too narrow for the percentiles (a two-column
    PDF's 20 characters, 40 columns): most of its non-blank lines have exactly N characters (see
    :func:`_fixed_length`, which a list of subtitles or of short items does not pass), and most of those
    followed by a line of the same block that is no label end mid-sentence."""
    fixed = _fixed_length(contents)
    if fixed is None or fixed < _MIN_FIXED_CHARS:
        return None
    full_inner = [
        content
        for content, following in pairwise(contents)
        if len(content) == fixed and following and not LINE_LABEL.match(following)
    ]
    wrapped = [content for content in full_inner if not content.endswith(FINAL_MARKS)]
    if len(wrapped) >= _MIN_WRAPPED_LINES and 2 * len(wrapped) > len(full_inner):
        return columns(max((content for content in contents if len(content) == fixed), key=columns))
    return None


def _fixed_width(contents: list[str]) -> int | None:
    """The width of a text cut every N characters (Chinese copied from a page) that has too few full lines
    for the percentiles: its longest lines, two or more, all of exactly N characters and all ending
    mid-sentence before a line that is no label. In text one paragraph a line the longest lines differ
    in length, and a paragraph ends with a stop."""
    longest = max((len(content) for content in contents), default=0)
    if not longest or columns(max(contents, key=len)) < _MIN_WRAP_COLUMNS:
        return None
    at_longest = [(k, content) for k, content in enumerate(contents) if len(content) == longest]
    if len(at_longest) < _MIN_FIXED_WIDTH_LINES:
        return None
    for k, content in at_longest:
        following = contents[k + 1] if k + 1 < len(contents) else ""
        if content.endswith(FINAL_MARKS) or not following or LINE_LABEL.match(following):
            return None
    return columns(max(contents, key=len))


def _width(contents: list[str]) -> int | None:
    widths = sorted(columns(content) for content in contents if content)
    return widths[min(len(widths) - 1, int(_WIDTH_PERCENTILES[0] * len(widths)))] if widths else None


def _fixed_length(contents: list[str]) -> int | None:
    """The number of characters Chinese text is cut at when most of its full lines have exactly that many
    (an editor's or a page's hard wrap of CJK text), else ``None``: three lines of the longest length at
    least, and twice as many as lines just shorter (80% of it or more: the paragraphs' last lines that
    happen to be long), and no more full lines when counted in display columns (then the text is wrapped
    by columns, and a line with digits holds more characters than one without)."""
    # A line cut after a space keeps it at its end ("…牛津大學的Oxford " | "Intelligence…"): full with it.
    sized = [(len(content.rstrip()), len(content.rstrip("\r\n"))) for content in contents if content.strip()]
    if not sized:
        return None
    longest = max(length for length, _ in sized)
    full = sum(longest in (length, raw) for length, raw in sized)
    near = sum(_NEAR_WIDTH * longest <= length < longest and raw != longest for length, raw in sized)
    if full < _MIN_WRAPPED_LINES or full < 2 * near:
        return None
    # Wrapped by display columns instead (an editor's soft limit): digits and Latin letters take one column,
    # so full lines differ in characters but not in columns (one column short when a two-column character
    # did not fit). Pure Chinese cut either way gives as many full lines by both counts.
    widths = [columns(content.rstrip()) for content in contents if content.strip()]
    widest = max(widths)
    full_by_columns = sum(width >= widest - 1 for width in widths)
    return None if full_by_columns > full else longest


def _guess_lang(text: str) -> str:
    return "zh" if len(_HAN.findall(text, 0, 5000)) >= len(_LATIN.findall(text, 0, 5000)) else "en"


# --- Paragraphs ---------------------------------------------------------------------------------------


def _blocks(
    text: str,
    lines: list[tuple[int, int]],
    body: list[int],
    mode: str,
    lang: str,
    ends_sentence: SentenceEnd | None,
) -> list[tuple[int, int]]:
    """Paragraphs of the ``paragraphs`` and ``wrapped`` modes; furniture lines are skipped, not breaks."""
    contents = {i: text[lines[i][0] : lines[i][1]] for i in body}
    width = _width([contents[i].strip() for i in body]) or 1
    # Indentation counts: a tool cutting every N characters counts it too.
    fixed = _fixed_length([contents[i] for i in body]) if lang == "zh" else None
    nonblank = [content for content in contents.values() if content.strip()]
    base_indent = _base_indent(nonblank)
    paragraphs: list[tuple[int, int]] = []
    current: list[int] = []

    def close() -> None:
        if current:
            span = strip_span(text, lines[current[0]][0], lines[current[-1]][1])
            if span is not None:
                paragraphs.append(span)
        current.clear()

    beside_furniture = _blank_lines_beside_furniture(text, lines, body)
    # The next non-blank body line after each position, found once (a scan per line is quadratic).
    next_nonblank: list[int | None] = [None] * len(body)
    upcoming: int | None = None
    for position in range(len(body) - 1, -1, -1):
        next_nonblank[position] = upcoming
        if contents[body[position]].strip():
            upcoming = body[position]
    last_item: tuple[str, int] | None = None  # the style and number of the last numbered line seen
    for position, i in enumerate(body):
        content = contents[i]
        stripped = content.strip()
        if not stripped:
            if i not in beside_furniture:
                close()
            continue
        if current:
            previous = contents[current[-1]].strip()
            # An item of a list ends with a semicolon ("…protection mechanisms;" | "3. assisting…").
            # A line holding all N characters of a text cut every N is full whatever its columns (a Latin letter
            # takes one): "…騎師戴圖理 (Frankie Dettor" | "i) 在紐馬基特…" continues, no list item after a short line.
            cut = _cut_at_fixed(contents[current[-1]], fixed)
            complete = previous.endswith((*FINAL_MARKS, ";")) or (not cut and columns(previous) < _NEAR_WIDTH * width)
            if not complete and _is_heading(stripped, width):
                # "Chapter X. Powers of the Central and Local Governments" | "Article 107": the line above
                # had room for the heading's first word, so the writer, not the wrapper, broke it there.
                first_word = stripped[:1] if lang == "zh" else stripped.split(None, 1)[0]
                complete = columns(previous) + (lang != "zh") + columns(first_word) <= width
            # After such a line a space opening the next is the text's own ("…的Oxford" | " Intelligence"), unless
            # the line ends a sentence (then it is still an indent)
            indented = _indent(content) > base_indent and not (cut and not previous.endswith(FINAL_MARKS))
            if (complete and LINE_LABEL.match(stripped)) or (mode == "wrapped" and indented):
                close()  # a list item or heading after a complete line, or an indented first line
        item = item_number(stripped)
        if current and item and last_item and item[0] == last_item[0] and item[1] == last_item[1] + 1:
            # The next item of a list ("4. Department of North American Affairs, consisting of five
            # sections" | "5. Department of …"), even after a full line with no stop: items need none.
            close()
        last_item = item or last_item
        current.append(i)
        following_index = next_nonblank[position]
        following = contents[following_index].strip() if following_index is not None else None
        if _is_heading(stripped, width) or (
            mode == "wrapped"
            and _ends_paragraph(
                text,
                lines,
                i,
                following_index,
                stripped,
                following,
                width,
                lang,
                ends_sentence,
                len(current) == 1,
                None if fixed is None else len(content.rstrip()) <= fixed - _FIXED_SLACK,
            )
        ):
            close()
    close()
    return paragraphs


def _blank_lines_beside_furniture(text: str, lines: list[tuple[int, int]], body: list[int]) -> set[int]:
    """Blank lines with furniture as their nearest non-blank neighbour on either side: the space around a
    page number or footnote block, not the end of a paragraph (a paragraph runs on across a page)."""
    body_set = set(body)
    blank = {i for i in body if not text[lines[i][0] : lines[i][1]].strip()}
    found: set[int] = set()
    for i in blank:
        for step in (-1, 1):
            j = i + step
            while j in blank:
                j += step
            if 0 <= j < len(lines) and j not in body_set:
                found.add(i)
    return found


def _is_heading(line: str, width: int) -> bool:
    """第一條, Article 1, Chapter II Fundamental Rights: a heading label on a short line of its own."""
    return bool(HEADING_LABEL.match(line)) and columns(line) < _TITLE_WIDTH * max(width, _MIN_WRAP_COLUMNS)


def _ends_paragraph(
    text: str,
    lines: list[tuple[int, int]],
    index: int,
    following_index: int | None,
    line: str,
    following: str | None,
    width: int,
    lang: str,
    ends_sentence: SentenceEnd | None,
    alone: bool,
    short_of_fixed: bool | None = None,
) -> bool:
    """Whether a wrapped paragraph ends after this line, which stops short of the width.

    Inside a paragraph (not ``alone``) a wrapper leaves a line short only when the next word would not
    fit: a short line that had room for it was ended by the writer. A paragraph's first line (``alone``)
    may be short for other reasons (an indent, a drop capital: "The Tao that can be trodden is not the
    enduring and" | "unchanging Tao."), so it ends the paragraph only when it ends a sentence (as the
    splitter decides with the next line in view) or is a title. The room is measured against the wrap
    width found (the 75th percentile of the lines), which errs towards continuing the paragraph.
    ``short_of_fixed``: for Chinese cut every N characters (see :func:`_fixed_length`), whether the line
    has N - 2 characters or fewer, which decides, first line or not.
    """
    if following is None or following_index is None:
        return True
    if short_of_fixed is not None:
        # Chinese cut every N characters (by a tool counting characters, as Python's textwrap does): inside
        # a paragraph every line has N, or one fewer where a line may not open with a punctuation mark,
        # whatever its share of half-width digits and Latin letters; a shorter one is a paragraph's last.
        return short_of_fixed
    if columns(line) >= _NEAR_WIDTH * width or (_WORD_HYPHENATED.search(line) and following[:1].islower()):
        return False  # a full line, or a word hyphenated across the break ("commu-" | "nity is")
    next_word = following[:1] if lang == "zh" else following.split(None, 1)[0]
    next_word_fitted = columns(line) + (lang != "zh") + columns(next_word) <= width
    if not alone:
        return next_word_fitted
    if lang != "zh" and not next_word_fitted:
        # A first line that had no room for the next word was filled by the wrapper, whatever it looks like
        # ("Since OpenAI launched" | "ChatGPT at the end of 2022," at 28 columns is no title).
        return False
    if line.endswith(FINAL_MARKS):
        if ends_sentence is None:
            return True
        line_end = strip_span(text, *lines[index])
        assert line_end is not None
        if ends_sentence(lines[index][0], lines[following_index][1], line_end[1]):
            return True
        if lang == "zh":
            return False
        # Not a sentence's end, but an English title may end with a bracket ("Constitution of the Republic
        # of China (Taiwan)" over the preamble): the title test below decides.
    if lang == "zh":
        return columns(line) < _CHINESE_SHORT * width and not line.endswith(("，", "、", ",", "；", "："))
    # English: a short first line that does not end a sentence ends the paragraph only as a title ("The
    # Way of Heaven" over the text).
    return following[:1].isupper() and _title_like(line)


# A title never ends with these (a clause or a phrase going on does: "Since 2022," | "SenseTime has").
_CONTINUING = (",", ";", "-", "–", "—", "(", "/", "&")
_CONTINUING_WORDS = frozenset("and or of the a an to in for with by on at from as that".split())


def _title_like(line: str) -> bool:
    if line.endswith(_CONTINUING) or line.rsplit(None, 1)[-1].lower() in _CONTINUING_WORDS:
        return False
    words = [word for word in regex.findall(r"\p{L}+", line) if len(word) >= 4]
    if not words:
        return not line[-1:].islower()
    return sum(word[0].isupper() for word in words) >= 0.6 * len(words)


def _cut_at_fixed(line: str, fixed: int | None) -> bool:
    """Whether ``line`` of a Chinese text cut every ``fixed`` characters holds all of them (the cut, not the
    writer, ended it)."""
    return fixed is not None and len(line.rstrip("\r\n")) == fixed


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())


def _base_indent(lines: list[str]) -> int:
    """The indent of a paragraph's continuation lines: the least indent that at least _BASE_INDENT_SHARE of the
    lines (and two) share, else the least. A few stray lines further left (a page's date that ``pdftotext
    -layout`` put below the page's first line, unindented) must not make every other line an indented
    paragraph start: a Chromium PDF of Taiwan's Personal Data Protection Act was read a line a paragraph."""
    indents = Counter(_indent(line) for line in lines)
    floor = max(2, _BASE_INDENT_SHARE * len(lines))
    return min((indent for indent, count in indents.items() if count >= floor), default=min(indents, default=0))


# --- Furniture ----------------------------------------------------------------------------------------


def find_furniture(text: str, lines: list[tuple[int, int]]) -> set[int]:
    """Indices of the lines that are page furniture: page numbers, running heads and feet, footnotes."""
    contents = [text[start:end] for start, end in lines]
    feeds = [i for i, content in enumerate(contents) if "\f" in content]
    if feeds:
        furniture = _paged_furniture(contents, feeds)
        page_ends = {*feeds, len(contents)}
    else:
        page_numbers = _page_number_lines(contents)
        if not page_numbers:
            return _last_page_number(contents) | _print_margins(contents, feeds)
        # The document's start and end are page edges too (the first page's head has no break above).
        edges = [-1, *sorted(page_numbers), len(contents)]
        running = _running_lines(contents, edges, page_numbers, _MIN_RUNNING)
        if len(page_numbers) < _MIN_PAGE_NUMBERS:
            # Two numbers alone are pages only with a running head or foot beside both.
            running = _running_lines(contents, edges, page_numbers, 2)
            if not running:
                return set()
        furniture = page_numbers | running
        page_ends = page_numbers
    furniture |= _footnote_lines(contents, page_ends, furniture)
    return {i for i in furniture if contents[i].strip()} | _print_margins(contents, feeds)


def _print_margins(contents: list[str], feeds: list[int]) -> set[int]:
    """A browser's print head (``12/7/26, 4:00 AM  Title``) among each page's first lines and its foot
    (``file:///…/page.html  1/9``) among the last: their form says what they are, so one page is enough. A
    head that ends like a sentence is text ("7/4/2023, 10:00 AM: the meeting opened."). ``pdftotext -layout``
    sometimes splits a head: the title on the page's first line, the date alone a line or two below (after
    the page's first line of text); the date alone is then furniture among the first three lines, and so is a
    line of that page's top that is a title found in the other pages' heads."""
    found: set[int] = set()
    titles: set[str] = set()
    split_tops: list[list[int]] = []
    for first, end in _page_ranges(contents, feeds) if feeds else [(0, len(contents))]:
        top = _page_edge(contents, first, end, 1, set())[: _PRINT_EDGE_LINES + 1]
        for rank, i in enumerate(top):
            line = contents[i].replace("\f", "")
            key = " ".join(line.split())
            head = _PRINT_HEAD.fullmatch(line)
            if head is None or len(key) > _MAX_RUNNING_CHARS or key.endswith(_SENTENCE_END):
                continue
            if head.group("title"):
                if rank < _PRINT_EDGE_LINES:
                    found.add(i)
                    titles.add(" ".join(head.group("title").split()))
            else:
                found.add(i)
                split_tops.append(top[:rank])
        bottom = _page_edge(contents, first, end, -1, set())[:_PRINT_EDGE_LINES]
        found.update(i for i in bottom if _PRINT_FOOT.fullmatch(contents[i].replace("\f", "")))
    for top in split_tops:
        found.update(i for i in top if " ".join(contents[i].replace("\f", "").split()) in titles)
    return found


def _last_page_number(contents: list[str]) -> set[int]:
    """A one-page text's page number: its last non-blank line, a bare number (or "Page 1"), with the
    footnote block above it. (Its running head cannot be told from a title and stays text.)"""
    last = next((i for i in range(len(contents) - 1, -1, -1) if contents[i].strip()), None)
    # A number under a line or two of text is more likely part of the text (a list, a score) than the
    # number of its page: a page has some lines on it.
    lines_above = sum(1 for line in contents[: last or 0] if line.strip())
    if last is None or lines_above < _MIN_LINES_ABOVE_PAGE_NUMBER or not _PAGE_NUMBER.fullmatch(contents[last]):
        return set()
    return {last} | _footnote_lines(contents, {last}, set())


def _paged_furniture(contents: list[str], feeds: list[int]) -> set[int]:
    """With a form feed between pages (PDF text, ``pdftotext``): page numbers are lines at a page's top or
    bottom whose number is the page's index plus one same offset on two or more pages; running heads and
    feet are lines at the same place from the top or bottom of half the pages or more (two at least)."""
    pages = [(first, end) for first, end in _page_ranges(contents, feeds) if any(map(str.strip, contents[first:end]))]
    numbered: dict[int, set[int]] = {}
    for index, (first, end) in enumerate(pages):
        for i in _page_edge(contents, first, end, 1, set()) + _page_edge(contents, first, end, -1, set()):
            found = _PAGE_NUMBER.fullmatch(contents[i])
            if found:
                numbered.setdefault(int(found.group("n")) - index, set()).add(i)
    page_numbers = max(numbered.values(), key=len, default=set())
    if len(page_numbers) < 2:
        page_numbers = set()
    places: dict[tuple[int, int, str], set[int]] = {}
    for first, end in pages:
        for step in (1, -1):
            for rank, i in enumerate(_page_edge(contents, first, end, step, page_numbers)):
                key = _key(contents[i])
                if len(key) <= _MAX_RUNNING_CHARS:
                    places.setdefault((step, rank, key), set()).add(i)
    least = max(2, (len(pages) + 1) // 2)
    running = {i for found in places.values() if _running(contents, found, least, len(pages)) for i in found}
    return page_numbers | running


def _page_ranges(contents: list[str], feeds: list[int]) -> list[tuple[int, int]]:
    """Each page's lines as ``(first, end)``. pdftotext ends a page with a form feed and no newline, so a
    feed line with text after the feed ("\\fRUNNING HEAD") is the next page's first line; a feed line with
    nothing after it ends its page."""
    ranges = []
    first = 0
    for i in feeds:
        if contents[i].rpartition("\f")[2].strip():
            ranges.append((first, i))
            first = i
        else:
            ranges.append((first, i + 1 if contents[i].strip() else i))
            first = i + 1
    ranges.append((first, len(contents)))
    return ranges


def _page_edge(contents: list[str], first: int, end: int, step: int, skip: set[int]) -> list[int]:
    """Up to ``_EDGE_LINES`` non-blank lines of the page ``first..end`` from its top (``step`` 1) or bottom."""
    order = range(first, end) if step == 1 else range(end - 1, first - 1, -1)
    return [i for i in order if contents[i].strip() and i not in skip][:_EDGE_LINES]


def _page_number_lines(contents: list[str]) -> set[int]:
    """The longest run of lines holding only a number (or "Page 3", "第3頁", "- 3 -") whose numbers rise,
    a page apart or more and evenly (the lines per page number vary by less than half): section numbers
    on their own lines come at uneven distances."""
    candidates = []
    for i, content in enumerate(contents):
        found = _PAGE_NUMBER.fullmatch(content) if content.strip() else None
        if found:
            candidates.append((i, int(found.group("n"))))
    if len(candidates) < 2:
        return set()
    best = [1] * len(candidates)
    previous = [-1] * len(candidates)
    last_line = max(i for i, content in enumerate(contents) if content.strip())
    for j, (line_j, number_j) in enumerate(candidates):
        # The last page may be short: the document's last line needs only stand apart from the one before.
        least_gap = _MIN_LAST_PAGE_LINES if line_j == last_line else _MIN_PAGE_LINES
        for i in range(max(0, j - _PAGE_WINDOW), j):
            line_i, number_i = candidates[i]
            if line_j - line_i >= least_gap and 0 < number_j - number_i <= _MAX_PAGE_STEP and best[i] + 1 > best[j]:
                best[j], previous[j] = best[i] + 1, i
    end = max(range(len(candidates)), key=lambda k: best[k])
    chain: list[tuple[int, int]] = []
    while end >= 0:
        chain.append(candidates[end])
        end = previous[end]
    chain.reverse()
    if len(chain) < 2:
        return set()
    ends_document = chain[-1][0] == last_line
    per_page = sorted((b[0] - a[0]) / (b[1] - a[1]) for a, b in pairwise(chain[:-1] if ends_document else chain))
    if not per_page:
        return {line for line, _number in chain}
    median = per_page[len(per_page) // 2]
    if len(per_page) > 1 and (
        per_page[0] < (1 - _PAGE_EVENNESS) * median or per_page[-1] > (1 + _PAGE_EVENNESS) * median
    ):
        return set()
    return {line for line, _number in chain}


def _running(contents: list[str], found: set[int], least: int, pages: int) -> bool:
    """Whether lines repeated at one place of ``least`` or more pages are a running head or foot. A line that
    ends like a sentence must repeat on three quarters of the pages (and three at least): a statute repeats
    whole sentences, and a template ("Sentence 1 of part 2.") repeats its shape, but not on every page."""
    if len(found) < least:
        return False
    if not contents[next(iter(found))].strip().endswith(_SENTENCE_END):
        return True
    return len(found) >= max(_MIN_RUNNING, 0.75 * pages)


def _key(content: str) -> str:
    return regex.sub(r"\d+", "#", " ".join(content.split()))


def _near(contents: list[str], position: int, step: int, skip: set[int], count: int = 0) -> list[int]:
    """Up to ``count`` (``_NEAR_BREAK``) non-blank lines from ``position`` in direction ``step``, skipping
    ``skip``, not past a form feed."""
    found: list[int] = []
    i = position + step
    while 0 <= i < len(contents) and len(found) < (count or _NEAR_BREAK) and "\f" not in contents[i]:
        if contents[i].strip() and i not in skip:
            found.append(i)
        i += step
    return found


def _running_lines(contents: list[str], breaks: list[int], page_numbers: set[int], least: int) -> set[int]:
    """Lines at the same place next to page breaks (first after, last before…) that repeat, digits aside,
    at three or more of them. Body text repeats too (statutes repeat whole sentences), but not at the
    same place on three pages."""
    near: dict[tuple[int, int, str], set[int]] = {}
    for position in breaks:
        for step in (-1, 1):
            for rank, i in enumerate(_near(contents, position, step, page_numbers)):
                key = _key(contents[i])
                if len(key) <= _MAX_RUNNING_CHARS:
                    near.setdefault((step, rank, key), set()).add(i)
    return {i for found in near.values() if _running(contents, found, least, len(breaks)) for i in found}


def _footnote_lines(contents: list[str], page_ends: set[int], furniture: set[int]) -> set[int]:
    """Footnote blocks: from the topmost line opening with a footnote marker among the last lines above a
    page's end (its page number or form feed), down to it (the footnote's continuation lines included)."""
    found: set[int] = set()
    for position in sorted(page_ends):
        above: list[int] = []
        i = position - 1
        while i >= 0 and len(above) < _MAX_FOOTNOTE_LINES and i not in page_ends:
            if contents[i].strip() and i not in furniture:
                above.append(i)
            i -= 1
        markers = [i for i in above if _FOOTNOTE_MARKER.match(contents[i])]
        if markers:
            top = min(markers)
            found.update(i for i in above if i >= top)
    return found
