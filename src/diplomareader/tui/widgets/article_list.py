"""The list pane: a virtual list of articles that draws only the rows on screen.

Each row shows an unread marker, a bookmark marker, the date, the source and the title, in
columns measured in terminal cells. Rows are drawn on demand through Textual's Line API, so
the pane costs the same with three articles or a hundred thousand.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from diplomareader.model import ArticleSummary
from diplomareader.tui.keys import CommandBindings, KeyMap
from diplomareader.tui.textlayout import fit, one_line
from diplomareader.tui.widgets.layers import LayerCache

DATE_WIDTH = 10
"""Cells of the date column (``2022-09-26``)."""
MARKS_WIDTH = 3
"""Cells of the marker column: unread, bookmarked, and a space."""


def source_width(total: int) -> int:
    """Cells given to the source column for a pane ``total`` cells wide."""
    return 10 if total < 70 else 14 if total < 110 else 20


class ArticleList(ScrollView, CommandBindings, can_focus=True):
    """The articles of the current view, one row each, with a cursor."""

    DEFAULT_CSS = """
    ArticleList {
        background: $surface;
        scrollbar-gutter: stable;
        & > .article-list--date { color: $foreground-muted; }
        & > .article-list--source { color: $text-secondary; }
        & > .article-list--unread { color: $accent; text-style: bold; }
        & > .article-list--bookmark { color: $warning; }
        & > .article-list--read { color: $foreground-muted; }
        & > .article-list--empty { color: $foreground-muted; text-style: italic; }
        & > .article-list--cursor {
            background: $block-cursor-blurred-background;
        }
        &:focus > .article-list--cursor {
            background: $block-cursor-background;
            color: $block-cursor-foreground;
        }
    }
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "article-list--date",
        "article-list--source",
        "article-list--unread",
        "article-list--bookmark",
        "article-list--read",
        "article-list--empty",
        "article-list--cursor",
    }
    """Styles of the columns, markers and cursor (themable in CSS)."""

    cursor: reactive[int] = reactive(0, always_update=True, init=False)
    """Index of the highlighted row."""

    @dataclass
    class Highlighted(Message):
        """The cursor moved to another article."""

        article: ArticleSummary
        index: int

    @dataclass
    class OpenRequested(Message):
        """The user asked to open the highlighted article."""

        article: ArticleSummary

    def __init__(self, keymap: KeyMap, *, id: str | None = None) -> None:
        """Create an empty list whose keys follow ``keymap``."""
        super().__init__(id=id)
        self.install_bindings("list", keymap)
        self._rows: Sequence[ArticleSummary] = ()
        """The articles, in display order (any sequence; only visible rows are read)."""
        self._is_read: Callable[[str], bool] = lambda _id: False
        """Whether an article id has been opened before."""
        self._is_bookmarked: Callable[[str], bool] = lambda _id: False
        """Whether an article id has a bookmark."""
        self._layers = LayerCache(self)
        self.empty_text = "No articles."
        """What the pane says when there is nothing to show."""

    @property
    def rows(self) -> Sequence[ArticleSummary]:
        """The articles shown."""
        return self._rows

    @property
    def highlighted(self) -> ArticleSummary | None:
        """The article under the cursor, if any."""
        return self._row(self.cursor)

    def _row(self, index: int) -> ArticleSummary | None:
        """Row ``index``, or None when it is out of range or cannot be read.

        Rows of a large index are read from disk as they are drawn; a damaged row must not
        take the reader down, so any error reading it shows as an unreadable row instead.
        """
        if not 0 <= index < len(self._rows):
            return None
        try:
            return self._rows[index]
        except Exception:  # noqa: BLE001 - see the docstring
            return None

    def reachable(self) -> list[int]:
        """The rows one key press can bring on screen (a page either way, the first and the
        last page), for loading ahead: rows of a large index load from disk as drawn."""
        total, height = len(self._rows), max(1, self.scrollable_content_region.height)
        top = int(self.scroll_y)
        spans = [(top - height, top + 2 * height), (0, height), (total - height, total)]
        found: set[int] = set()
        for start, end in spans:
            found.update(range(max(0, start), min(total, end)))
        return sorted(found)

    def set_rows(self, rows: Sequence[ArticleSummary], keep: str | None = None) -> None:
        """Show ``rows``; the cursor goes to the article ``keep`` if present, else the top."""
        self._rows = rows
        self.virtual_size = Size(self.size.width, len(rows))
        index = 0
        if keep is not None:
            # Only look near the top: rows of a large index load one by one from disk, and a
            # long scan would cost more than a keystroke is allowed.
            reach = 1000 if isinstance(rows, (list, tuple)) else 100
            for position in range(min(len(rows), reach)):
                if rows[position].id == keep:
                    index = position
                    break
        self.cursor = index
        self.scroll_to(y=max(0, index - self.size.height // 2), animate=False)
        self.refresh()

    def set_markers(
        self, is_read: Callable[[str], bool], is_bookmarked: Callable[[str], bool]
    ) -> None:
        """Tell the list how to decide the unread and bookmarked markers."""
        self._is_read, self._is_bookmarked = is_read, is_bookmarked
        self.refresh()

    def validate_cursor(self, cursor: int) -> int:
        """Keep the cursor on a row."""
        return max(0, min(cursor, len(self._rows) - 1))

    def watch_cursor(self, cursor: int) -> None:
        """Redraw, keep the cursor on screen and tell the screen."""
        self.refresh()
        height = self.scrollable_content_region.height or self.size.height
        if cursor < self.scroll_y:
            self.scroll_to(y=cursor, animate=False)
        elif height and cursor >= self.scroll_y + height:
            self.scroll_to(y=cursor - height + 1, animate=False)
        article = self.highlighted
        if article is not None:
            self.post_message(self.Highlighted(article, cursor))

    def action_cursor_down(self) -> None:
        """Next row."""
        self.cursor += 1

    def action_cursor_up(self) -> None:
        """Previous row."""
        self.cursor -= 1

    def action_cursor_first(self) -> None:
        """First row."""
        self.cursor = 0

    def action_cursor_last(self) -> None:
        """Last row."""
        self.cursor = len(self._rows) - 1

    def action_page_down(self) -> None:
        """One screen down."""
        self.cursor += max(1, self.scrollable_content_region.height - 1)

    def action_page_up(self) -> None:
        """One screen up."""
        self.cursor -= max(1, self.scrollable_content_region.height - 1)

    def action_open(self) -> None:
        """Ask the screen to open the highlighted article."""
        article = self.highlighted
        if article is not None:
            self.post_message(self.OpenRequested(article))

    def on_click(self, event: events.Click) -> None:
        """A click moves the cursor to the row and opens it."""
        row = int(self.scroll_y) + event.y
        if 0 <= row < len(self._rows):
            self.cursor = row
            self.action_open()

    def on_resize(self) -> None:
        """Columns depend on the width."""
        self.virtual_size = Size(self.size.width, len(self._rows))
        self.refresh()

    def render_line(self, y: int) -> Strip:
        """Draw the row at screen line ``y``."""
        width = self.scrollable_content_region.width
        index = int(self.scroll_y) + y
        base = self.rich_style
        if not self._rows:
            if y == 0:
                style = self._layers("article-list--empty")
                return Strip([Segment(fit(" " + self.empty_text, width), base + style)])
            return Strip.blank(width, base)
        if index >= len(self._rows):
            return Strip.blank(width, base)
        article = self._row(index)
        if article is None:
            style = self._layers("article-list--empty")
            return Strip(
                [Segment(fit("   (this row cannot be read from the index)", width), base + style)]
            )
        return self._render_row(article, index == self.cursor, width, base)

    def _render_row(self, article: ArticleSummary, cursor: bool, width: int, base: Style) -> Strip:
        """One row: markers, date, source, title, cut to ``width`` cells."""

        style = self._layers
        read = self._is_read(article.id)
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
            Segment(
                "★" if self._is_bookmarked(article.id) else " ",
                base + style("article-list--bookmark"),
            ),
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
