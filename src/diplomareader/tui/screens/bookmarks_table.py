"""A virtual table of bookmarks: only the visible rows are drawn, so filtering and scrolling
stay fast with tens of thousands of bookmarks (a DataTable builds every row up front).

Keys: up/down or k/j, PageUp/PageDown, Home/End or g/G, Enter selects; a click highlights, a
click on the highlighted row selects.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.segment import Segment
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from diplomareader.store.anchor import Anchored, Orphaned
from diplomareader.store.bookmarks import Bookmark
from diplomareader.tui.screens.bookmarks_rows import Column, cells

GAP = 2
"""Cells between two columns."""


def header_text(columns: Sequence[Column]) -> Text:
    """The column headings, laid out like the rows."""
    out = Text(no_wrap=True)
    for col in columns:
        out.append(col.label.ljust(col.width)[: col.width] + " " * GAP)
    return out


class BookmarkTable(ScrollView, can_focus=True):
    """Rows of bookmarks with a cursor; posts ``Highlighted`` and ``Selected``."""

    DEFAULT_CSS = """
    BookmarkTable { background: $surface; }
    BookmarkTable > .bookmark-table--cursor { background: $accent 40%; text-style: bold; }
    BookmarkTable:focus > .bookmark-table--cursor { background: $accent; color: $text; }
    BookmarkTable > .bookmark-table--stripe { background: $boost; }
    """
    COMPONENT_CLASSES: ClassVar[set[str]] = {"bookmark-table--cursor", "bookmark-table--stripe"}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up,k", "move(-1)", "Up", show=False),
        Binding("down,j", "move(1)", "Down", show=False),
        Binding("pageup", "page(-1)", "Page up", show=False),
        Binding("pagedown", "page(1)", "Page down", show=False),
        Binding("home,g", "jump(0)", "Top", show=False),
        Binding("end,G", "jump(-1)", "Bottom", show=False),
        Binding("enter", "select", "Open", show=False),
    ]

    cursor: reactive[int] = reactive(0, init=False)
    """Index of the highlighted row."""

    class Highlighted(Message):
        """The cursor moved to another row (``index``; -1 when the table is empty)."""

        def __init__(self, table: BookmarkTable, index: int) -> None:
            """A highlight of row ``index``."""
            super().__init__()
            self.table = table
            self.index = index

        @property
        def control(self) -> BookmarkTable:
            """The table that sent it."""
            return self.table

    class Selected(Message):
        """Enter (or a click on the highlighted row) on row ``index``."""

        def __init__(self, table: BookmarkTable, index: int) -> None:
            """A selection of row ``index``."""
            super().__init__()
            self.table = table
            self.index = index

        @property
        def control(self) -> BookmarkTable:
            """The table that sent it."""
            return self.table

    def __init__(self, *, id: str | None = None) -> None:
        """An empty table; fill it with ``set_rows``."""
        super().__init__(id=id)
        self.rows: list[Bookmark] = []
        self._status: dict[str, Anchored | Orphaned] = {}
        self._columns: list[Column] = []
        self._cache: dict[str, tuple[Bookmark, object, list[Segment]]] = {}

    def set_rows(
        self,
        rows: Sequence[Bookmark],
        status: dict[str, Anchored | Orphaned],
        columns: Sequence[Column],
        cursor: int = 0,
    ) -> None:
        """Show ``rows`` (only the visible ones are drawn) with the cursor on ``cursor``."""
        if list(columns) != self._columns:
            self._cache.clear()
        self.rows = list(rows)
        self._status = status
        self._columns = list(columns)
        width = sum(c.width + GAP for c in self._columns)
        self.virtual_size = Size(width, len(self.rows))
        new_cursor = max(0, min(cursor, len(self.rows) - 1))
        if new_cursor == self.cursor:
            self.post_message(self.Highlighted(self, new_cursor if self.rows else -1))
        self.cursor = new_cursor
        self._scroll_to_cursor()
        self.refresh()

    def _segments(self, bookmark: Bookmark) -> list[Segment]:
        """The row of ``bookmark`` as segments (cached until it or its status changes)."""
        found = self._status.get(bookmark.id)
        hit = self._cache.get(bookmark.id)
        if hit is not None and hit[0] is bookmark and hit[1] is found:
            return hit[2]
        line = Text(no_wrap=True)
        for col, cell in zip(self._columns, cells(bookmark, found, self._columns), strict=True):
            cell.pad_right(col.width - cell.cell_len)
            line.append_text(cell)
            line.append(" " * GAP)
        segments = list(line.render(self.app.console))
        self._cache[bookmark.id] = (bookmark, found, segments)
        return segments

    def render_line(self, y: int) -> Strip:
        """Draw the row at screen line ``y``."""
        scroll_x, scroll_y = self.scroll_offset
        index = scroll_y + y
        width = self.size.width
        base = self.rich_style
        if index >= len(self.rows):
            return Strip.blank(width, base)
        style = base
        if index == self.cursor:
            style = base + self.get_component_rich_style("bookmark-table--cursor")
        elif index % 2:
            style = base + self.get_component_rich_style("bookmark-table--stripe")
        segments = Segment.apply_style(self._segments(self.rows[index]), style)
        strip = Strip(list(segments))
        return strip.crop_extend(scroll_x, scroll_x + width, style)

    def watch_cursor(self, old: int, new: int) -> None:
        """Redraw the two rows and tell the screen."""
        self._scroll_to_cursor()
        self.refresh()
        self.post_message(self.Highlighted(self, new if self.rows else -1))

    def _scroll_to_cursor(self) -> None:
        """Keep the cursor row visible."""
        if self.rows:
            self.scroll_to_region(
                Region(0, self.cursor, 1, 1), animate=False, force=True, immediate=True
            )

    def action_move(self, step: int) -> None:
        """Move the cursor by ``step`` rows."""
        if self.rows:
            self.cursor = max(0, min(len(self.rows) - 1, self.cursor + step))

    def action_page(self, direction: int) -> None:
        """Move by a screenful."""
        self.action_move(direction * max(1, self.size.height - 1))

    def action_jump(self, index: int) -> None:
        """To the first (0) or last (-1) row."""
        if self.rows:
            self.cursor = 0 if index == 0 else len(self.rows) - 1

    def action_select(self) -> None:
        """Enter: select the highlighted row."""
        if self.rows:
            self.post_message(self.Selected(self, self.cursor))

    def on_click(self, event: events.Click) -> None:
        """Highlight the clicked row; a click on the highlighted row selects it."""
        index = self.scroll_offset.y + event.y
        if 0 <= index < len(self.rows):
            if index == self.cursor:
                self.post_message(self.Selected(self, index))
            self.cursor = index
        self.focus()
