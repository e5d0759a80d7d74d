"""The list pane: a virtual list of articles that draws only the rows on screen.

Each row shows an unread marker, a bookmark marker, the date, the source and the title, in
columns measured in terminal cells (drawn by ``widgets.article_rows``). Rows are drawn on
demand through Textual's Line API, so the pane costs the same with three articles or a
hundred thousand.

Above the articles the list can show entries: saved searches with their counts
(``widgets.entry_rows``), like newsboat's query feeds. The cursor runs through entries and
articles alike (its index counts the entries first); ``highlighted`` is only ever an
article, ``highlighted_entry`` only ever an entry, and Enter on an entry asks for its query
(``EntryChosen``) instead of opening anything.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import ClassVar

from rich.segment import Segment
from textual import events
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from diplomareader.model import ArticleSummary
from diplomareader.tui.keys import CommandBindings, KeyMap
from diplomareader.tui.textlayout import fit
from diplomareader.tui.widgets.article_rows import render_article
from diplomareader.tui.widgets.entry_rows import SearchEntry, render_entry
from diplomareader.tui.widgets.layers import LayerCache


class ArticleList(ScrollView, CommandBindings, can_focus=True):
    """The articles of the current view, one row each, under the entries, with a cursor."""

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
        & > .article-list--entry { color: $text-primary; text-style: bold; }
        & > .article-list--entry-query { color: $foreground-muted; }
        & > .article-list--entry-count { color: $text-accent; }
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
        "article-list--entry",
        "article-list--entry-query",
        "article-list--entry-count",
        "article-list--cursor",
    }
    """Styles of the columns, markers, entries and cursor (themable in CSS)."""

    cursor: reactive[int] = reactive(0, always_update=True, init=False)
    """Index of the highlighted row (entries first, then articles)."""

    @dataclass
    class Highlighted(Message):
        """The cursor moved to another article."""

        article: ArticleSummary
        index: int

    @dataclass
    class OpenRequested(Message):
        """The user asked to open the highlighted article."""

        article: ArticleSummary

    @dataclass
    class EntryHighlighted(Message):
        """The cursor moved to an entry (a saved search)."""

        entry: SearchEntry
        index: int

    @dataclass
    class EntryChosen(Message):
        """Enter (or a click) on an entry: the user wants its query run."""

        entry: SearchEntry

    def __init__(self, keymap: KeyMap, *, id: str | None = None) -> None:
        """Create an empty list whose keys follow ``keymap``."""
        super().__init__(id=id)
        self.install_bindings("list", keymap)
        self._rows: Sequence[ArticleSummary] = ()
        """The articles, in display order (any sequence; only visible rows are read)."""
        self._entries: tuple[SearchEntry, ...] = ()
        """The entries above the articles (saved searches), in display order."""
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
    def entries(self) -> tuple[SearchEntry, ...]:
        """The entries shown above the articles."""
        return self._entries

    @property
    def highlighted(self) -> ArticleSummary | None:
        """The article under the cursor (None on an entry or in an empty list)."""
        return self._row(self.cursor - len(self._entries))

    @property
    def highlighted_entry(self) -> SearchEntry | None:
        """The entry under the cursor (None on an article)."""
        if 0 <= self.cursor < len(self._entries):
            return self._entries[self.cursor]
        return None

    def _lines(self) -> int:
        """Rows of the list: the entries and the articles."""
        return len(self._entries) + len(self._rows)

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
        """The articles (indices of ``rows``) one key press can bring on screen (a page either
        way, the first and the last page), for loading ahead: rows of a large index load
        from disk as drawn."""
        skip, total = len(self._entries), self._lines()
        height = max(1, self.scrollable_content_region.height)
        top = int(self.scroll_y)
        spans = [(top - height, top + 2 * height), (0, height), (total - height, total)]
        found: set[int] = set()
        for start, end in spans:
            found.update(line - skip for line in range(max(skip, start), min(total, end)))
        return sorted(found)

    def set_rows(
        self,
        rows: Sequence[ArticleSummary],
        keep: str | None = None,
        *,
        entries: Sequence[SearchEntry] | None = None,
        at_entry: str | None = None,
    ) -> None:
        """Show ``rows`` (under ``entries`` when given; the entries shown stay otherwise).

        The cursor goes to the entry whose query is ``at_entry`` if there is one, else to
        the article ``keep`` if present, else to the first article.
        """
        self._rows = rows
        if entries is not None:
            self._entries = tuple(entries)
        skip = len(self._entries)
        self.virtual_size = Size(self.size.width, self._lines())
        queries = [entry.query for entry in self._entries]
        cursor = skip
        if at_entry is not None and at_entry in queries:
            cursor = queries.index(at_entry)
        elif keep is not None:
            # Only look near the top: rows of a large index load one by one from disk, and a
            # long scan would cost more than a keystroke is allowed.
            reach = 1000 if isinstance(rows, (list, tuple)) else 100
            for position in range(min(len(rows), reach)):
                if rows[position].id == keep:
                    cursor = skip + position
                    break
        self.cursor = cursor
        self.scroll_to(y=max(0, cursor - self.size.height // 2), animate=False)
        self.refresh()

    def set_entries(self, entries: Sequence[SearchEntry]) -> None:
        """Show ``entries`` above the articles; the cursor stays on its article, or on its
        entry (found by name) when that is still there."""
        old_skip, on_entry = len(self._entries), self.highlighted_entry
        self._entries = tuple(entries)
        skip = len(self._entries)
        self.virtual_size = Size(self.size.width, self._lines())
        if self.cursor >= old_skip:
            cursor = self.cursor - old_skip + skip
        else:
            names = [entry.name for entry in self._entries]
            name = on_entry.name if on_entry is not None else None
            cursor = names.index(name) if name in names else min(self.cursor, skip)
        if skip != old_skip:
            self.scroll_to(y=max(0, int(self.scroll_y) + skip - old_skip), animate=False)
        if cursor != self.cursor or (on_entry is not None and cursor >= skip):
            self.cursor = cursor  # tells the screen what is under the cursor now
        self.refresh()

    def set_markers(
        self, is_read: Callable[[str], bool], is_bookmarked: Callable[[str], bool]
    ) -> None:
        """Tell the list how to decide the unread and bookmarked markers."""
        self._is_read, self._is_bookmarked = is_read, is_bookmarked
        self.refresh()

    def validate_cursor(self, cursor: int) -> int:
        """Keep the cursor on a row."""
        return max(0, min(cursor, self._lines() - 1))

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
            return
        entry = self.highlighted_entry
        if entry is not None:
            self.post_message(self.EntryHighlighted(entry, cursor))

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
        self.cursor = self._lines() - 1

    def action_page_down(self) -> None:
        """One screen down."""
        self.cursor += max(1, self.scrollable_content_region.height - 1)

    def action_page_up(self) -> None:
        """One screen up."""
        self.cursor -= max(1, self.scrollable_content_region.height - 1)

    def action_open(self) -> None:
        """Ask the screen to open the highlighted article, or to run the entry's query."""
        article = self.highlighted
        if article is not None:
            self.post_message(self.OpenRequested(article))
            return
        entry = self.highlighted_entry
        if entry is not None:
            self.post_message(self.EntryChosen(entry))

    def on_click(self, event: events.Click) -> None:
        """A click moves the cursor to the row and opens it."""
        row = int(self.scroll_y) + event.y
        if 0 <= row < self._lines():
            self.cursor = row
            self.action_open()

    def on_resize(self) -> None:
        """Columns depend on the width."""
        self.virtual_size = Size(self.size.width, self._lines())
        self.refresh()

    def render_line(self, y: int) -> Strip:
        """Draw the row at screen line ``y``."""
        width = self.scrollable_content_region.width
        line = int(self.scroll_y) + y
        base = self.rich_style
        skip = len(self._entries)
        if line < skip:
            return render_entry(self._entries[line], line == self.cursor, width, base, self._layers)
        index = line - skip
        if not self._rows:
            if index == 0:
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
        return render_article(
            article,
            line == self.cursor,
            width,
            base,
            self._layers,
            read=self._is_read(article.id),
            bookmarked=self._is_bookmarked(article.id),
        )
