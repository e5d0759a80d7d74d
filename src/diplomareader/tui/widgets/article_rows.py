"""The article rows of the list pane: markers, date, source and title in cell-measured columns.

A pure drawing function (the list widget decides which rows are on screen): each row shows an
unread marker, a bookmark marker, the date, the source and the title, cut and padded to
terminal cells so that Chinese, Arabic and emoji titles keep the columns straight.
"""

from __future__ import annotations

from collections.abc import Callable

from rich.segment import Segment
from rich.style import Style
from textual.strip import Strip

from diplomareader.model import ArticleSummary
from diplomareader.tui.textlayout import fit, one_line

DATE_WIDTH = 10
"""Cells of the date column (``2022-09-26``)."""
MARKS_WIDTH = 3
"""Cells of the marker column: unread, bookmarked, and a space."""


def source_width(total: int) -> int:
    """Cells given to the source column for a pane ``total`` cells wide."""
    return 10 if total < 70 else 14 if total < 110 else 20


def render_article(
    article: ArticleSummary,
    cursor: bool,
    width: int,
    base: Style,
    style: Callable[[str], Style],
    *,
    read: bool,
    bookmarked: bool,
) -> Strip:
    """One row: markers, date, source, title, cut to ``width`` cells.

    ``style`` gives the list's component-class layers (``article-list--date``, ``--source``,
    ``--read``, ``--unread``, ``--bookmark``, ``--cursor``).
    """
    if cursor:
        # On the cursor row every column takes the cursor's colours, so it reads in any theme.
        base = base + style("article-list--cursor")
        date_style = source_style = title_style = base
    else:
        date_style = base + style("article-list--date")
        source_style = base + style("article-list--source")
        title_style = base + style("article-list--read") if read else base
    marks = [
        Segment(" " if read else "●", base + style("article-list--unread")),
        Segment("★" if bookmarked else " ", base + style("article-list--bookmark")),
        Segment(" ", base),
    ]
    date = article.date.isoformat() if article.date else ""
    src_width = source_width(width)
    title_width = max(0, width - MARKS_WIDTH - DATE_WIDTH - 1 - src_width - 1)
    segments = [
        *marks,
        Segment(fit(date, DATE_WIDTH) + " ", date_style),
        Segment(fit(one_line(article.source or ""), src_width) + " ", source_style),
        Segment(fit(one_line(article.title), title_width), title_style),
    ]
    return Strip(segments).crop_extend(0, width, base)
