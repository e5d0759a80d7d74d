"""The reading pane's page: an article laid out into screen lines for a given width.

Pure layout, no Textual: the header lines, each paragraph wrapped in terminal cells, a line
naming the speaker after each paragraph where a quote ends, and a blank line between
paragraphs. Every text line keeps the body offsets it shows, so that a quote, an entity or a
search hit can be found on screen, and a paragraph under the cursor maps back to the body.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Final, Literal

from rich.console import Console
from rich.text import Text

from diplomareader.model import Article, Quote
from diplomareader.tui.textlayout import wrap

GUTTER: Final = 3
"""Cells left of the text: cursor marker, quote bar or bookmark star, and a space."""
MEASURE: Final = 96
"""The longest line of text, in cells: longer lines are hard to read on wide terminals."""

LineKind = Literal["header", "text", "blank", "attribution"]
"""What a screen line shows."""


@dataclass(frozen=True)
class PageLine:
    """One screen line of the page."""

    kind: LineKind
    paragraph: int = -1
    """Index of the paragraph the line belongs to (-1 for header and blank lines)."""
    start: int = 0
    """Body offset of the first character shown (text lines)."""
    end: int = 0
    """Body offset just after the last character shown (text lines)."""
    rich: Text | None = None
    """The prepared text of header and attribution lines."""


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of the body with its offsets."""

    start: int
    end: int


@dataclass
class Page:
    """An article laid out for one width."""

    lines: list[PageLine] = field(default_factory=list)
    paragraphs: list[Paragraph] = field(default_factory=list)
    first_line: list[int] = field(default_factory=list)
    """Index of the first screen line of each paragraph."""
    last_line: list[int] = field(default_factory=list)
    """Index of the last screen line of each paragraph (its attribution line included)."""
    quote_paragraphs: set[int] = field(default_factory=set)
    """Paragraphs that hold (part of) a quote: drawn with a bar in the gutter."""
    _text_starts: list[int] = field(default_factory=list)
    _text_lines: list[int] = field(default_factory=list)

    def line_of_offset(self, offset: int) -> int:
        """The screen line showing body ``offset`` (the nearest text line before it)."""
        if not self._text_starts:
            return 0
        index = max(0, bisect.bisect_right(self._text_starts, offset) - 1)
        return self._text_lines[index]

    def paragraph_of_offset(self, offset: int) -> int:
        """Index of the paragraph holding body ``offset`` (or the nearest one before it)."""
        starts = [p.start for p in self.paragraphs]
        return max(0, bisect.bisect_right(starts, offset) - 1)

    def paragraph_at_line(self, line: int) -> int:
        """Index of the paragraph shown at screen ``line`` (or the next one below it)."""
        for index, first in enumerate(self.first_line):
            if first >= line or self.last_line[index] >= line:
                return index
        return max(0, len(self.paragraphs) - 1)


def attribution(quotes: Sequence[Quote]) -> str:
    """The line under a paragraph naming who spoke the quotes that end in it."""
    names: list[str] = []
    for quote in quotes:
        name = quote.speaker or quote.speaker_mention or "unattributed"
        if name not in names:
            names.append(name)
    return "— " + "; ".join(names)


def layout_page(article: Article, width: int, header: Sequence[Text]) -> Page:
    """Lay ``article`` out for a pane ``width`` cells wide, under the ``header`` lines.

    The first header line (the title) wraps; the others are cut to one line each.
    """
    text_width = max(10, min(MEASURE, width - GUTTER - 1))
    page = Page()
    for number, line in enumerate(header):
        if number == 0:  # the title wraps; the other header lines keep to one line each
            for part in line.wrap(_console(), text_width):
                page.lines.append(PageLine("header", rich=part))
        else:
            cut = line.copy()
            cut.truncate(text_width, overflow="ellipsis")
            page.lines.append(PageLine("header", rich=cut))
    page.lines.append(PageLine("blank"))
    quotes = sorted(article.quotes, key=lambda q: q.start)
    for index, (start, end, text) in enumerate(article.paragraphs()):
        if index:
            page.lines.append(PageLine("blank"))
        page.paragraphs.append(Paragraph(start, end))
        page.first_line.append(len(page.lines))
        for line_start, line_end in wrap(text, text_width, offset=start):
            page._text_starts.append(line_start)
            page._text_lines.append(len(page.lines))
            page.lines.append(PageLine("text", index, line_start, line_end))
        if any(q.start < end and q.end > start for q in quotes):
            page.quote_paragraphs.add(index)
        ending = [q for q in quotes if start < q.end <= end + 1]
        if ending:
            page.lines.append(PageLine("attribution", index, rich=Text(attribution(ending))))
        page.last_line.append(len(page.lines) - 1)
    return page


@cache
def _console() -> Console:
    """A console for wrapping header text."""
    return Console(width=400, color_system=None, legacy_windows=False)
