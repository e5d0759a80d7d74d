"""Saved searches as rows of the list pane (like newsboat's query feeds).

When the list shows every article, each saved search is one row above the articles: a search
sign, its name, its query and how many articles match (counted in the background). The rows
are drawn here, apart from the article rows, so that the two never get mixed up.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual.strip import Strip

from diplomareader.tui.textlayout import fit, one_line, truncate

SIGN = "⌕"
"""Marks a saved-search row (in the marker column of the article rows)."""


@dataclass(frozen=True)
class SearchEntry:
    """A saved search shown as a row, with its count when known."""

    name: str
    query: str
    count: int | None = None
    """Articles matching the query; None while it is being counted."""
    problem: str | None = None
    """What in the query was not understood (its count is then meaningless)."""

    def count_text(self) -> str:
        """``12 articles``, ``1 article``, ``counting…`` or ``query not understood``."""
        if self.problem is not None:
            return "query not understood"
        if self.count is None:
            return "counting…"
        return f"{self.count:,} article" + ("" if self.count == 1 else "s")


def render_entry(
    entry: SearchEntry,
    cursor: bool,
    width: int,
    base: Style,
    layer: Callable[[str], Style],
) -> Strip:
    """One row: the sign, the name, the query and, at the right, the count; ``width`` cells.

    ``layer`` gives the styles of the list's component classes (``article-list--entry``,
    ``article-list--entry-query``, ``article-list--entry-count``, ``article-list--cursor``).
    """
    if cursor:
        base = base + layer("article-list--cursor")
        name_style = query_style = count_style = base
    else:
        name_style = base + layer("article-list--entry")
        query_style = base + layer("article-list--entry-query")
        count_style = base + layer("article-list--entry-count")
    count = f"  {entry.count_text()} "
    if cell_len(count) > width // 2:
        count = ""
    room = max(0, width - 3 - cell_len(count))
    name = truncate(one_line(entry.name), max(1, room * 2 // 3))
    query = fit("  " + one_line(entry.query), max(0, room - cell_len(name)))
    segments = [
        Segment(f" {SIGN} ", name_style),
        Segment(name, name_style),
        Segment(query, query_style),
        Segment(count, count_style),
    ]
    return Strip(segments).crop_extend(0, width, base)
