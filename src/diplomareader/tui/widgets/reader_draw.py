"""Drawing one line of the reading pane: the gutter marks and the styled text.

Pure functions over the page, the marks and the cursor; the widget only turns the result
into a strip.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from rich.style import Style
from rich.text import Text

from diplomareader.model import Article
from diplomareader.tui.widgets.reader_layout import GUTTER, Page, PageLine
from diplomareader.tui.widgets.reader_marks import Marks
from diplomareader.tui.widgets.reader_selection import Selection

StyleOf = Callable[[str], Style]
"""The style of a mark by name (``quote``, ``hit``, ``cursor``...)."""


@dataclass(frozen=True)
class PageView:
    """What a line is drawn from: the article, its layout, the marks, cursor and selection."""

    article: Article
    page: Page
    marks: Marks
    cursor: int
    selection: Selection | None


def gutter(view: PageView, line: PageLine, index: int, style: StyleOf) -> Text:
    """The cells left of a text line: the cursor, then a bookmark star or a quote bar."""
    paragraph = line.paragraph
    cursor_here = paragraph == view.cursor and (
        view.selection is None or view.selection.touches(line.start, line.end)
    )
    first = index == view.page.first_line[paragraph]
    mark, mark_style = " ", Style()
    if first and view.marks.bookmarked(view.page.paragraphs[paragraph]):
        mark, mark_style = "★", style("bookmark")
    elif paragraph in view.page.quote_paragraphs or line.kind == "attribution":
        mark, mark_style = "┃", style("quote-bar")
    return Text.assemble(("▌" if cursor_here else " ", style("cursor")), (mark, mark_style), " ")


def line_text(view: PageView, line: PageLine, index: int, style: StyleOf) -> Text:
    """The text of page line ``index``, gutter included, with every mark styled."""
    if line.kind == "header" and line.rich is not None:
        return Text(" " * GUTTER) + line.rich
    if line.kind == "blank":
        return Text("")
    margin = gutter(view, line, index, style)
    if line.kind == "attribution" and line.rich is not None:
        return margin + Text(line.rich.plain, style("attribution"))
    text = Text(view.article.body[line.start : line.end])
    for start, end, name in view.marks.spans_in(line.paragraph, view.page, line.start, line.end):
        text.stylize(style(name), start - line.start, end - line.start)
    if view.selection is not None:
        sel_start, sel_end = view.selection.span
        if sel_start < line.end and sel_end > line.start:
            text.stylize(
                style("selection"),
                max(0, sel_start - line.start),
                min(line.end, sel_end) - line.start,
            )
    return margin + text
