"""The reading pane: one article with its header, marks, a paragraph cursor and a selection.

The page is laid out once per article and width (``reader_layout``) and drawn line by line
through Textual's Line API. On top of the text it marks the search terms, the hits of a find
inside the article, quotes (with a bar in the gutter and the speaker under the paragraph),
entity mentions, bookmarked paragraphs, and the target of the last jump.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from diplomareader.model import Article
from diplomareader.store.state import Position
from diplomareader.tui.keys import CommandBindings, KeyMap
from diplomareader.tui.widgets.layers import LayerCache
from diplomareader.tui.widgets.reader_draw import PageView, line_text
from diplomareader.tui.widgets.reader_layout import Page, PageLine, layout_page
from diplomareader.tui.widgets.reader_marks import Marks, Span, article_header
from diplomareader.tui.widgets.reader_selection import Selection


class Reader(ScrollView, CommandBindings, can_focus=True):
    """Shows one article; the cursor is a paragraph, the selection a run of sentences."""

    DEFAULT_CSS = """
    Reader {
        background: $surface;
        scrollbar-gutter: stable;
        & > .reader--title { text-style: bold; color: $foreground; }
        & > .reader--meta { color: $text-secondary; }
        & > .reader--url { color: $text-primary; text-style: underline; }
        & > .reader--report { color: $foreground-muted; text-style: italic; }
        & > .reader--empty { color: $foreground-muted; text-style: italic; }
        & > .reader--cursor { color: $accent 50%; }
        &:focus > .reader--cursor { color: $accent; }
        & > .reader--quote { color: $text-primary; text-style: italic; }
        & > .reader--quote-bar { color: $primary; }
        & > .reader--attribution { color: $text-primary; text-style: bold; }
        & > .reader--bookmark { color: $text-warning; }
        & > .reader--person { text-style: underline; }
        & > .reader--organization { text-style: underline; }
        & > .reader--place { text-style: underline; }
        & > .reader--hit { background: $warning 40%; }
        & > .reader--find { background: $success 40%; }
        & > .reader--target { background: $accent 45%; text-style: bold; }
        & > .reader--selection { background: $primary 35%; }
    }
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "reader--title",
        "reader--meta",
        "reader--url",
        "reader--report",
        "reader--empty",
        "reader--cursor",
        "reader--quote",
        "reader--quote-bar",
        "reader--attribution",
        "reader--bookmark",
        "reader--person",
        "reader--organization",
        "reader--place",
        "reader--hit",
        "reader--find",
        "reader--target",
        "reader--selection",
    }
    """Styles of every mark on the page (themable in CSS)."""

    @dataclass
    class CursorMoved(Message):
        """The paragraph cursor moved (the side panel and the status follow)."""

        paragraph: int

    @dataclass
    class FindRequested(Message):
        """The user asked to find text in the article."""

    @dataclass
    class SelectionChanged(Message):
        """Selection mode started, ended, or its extent changed (None: no selection)."""

        selection: Selection | None

    def __init__(self, keymap: KeyMap, *, id: str | None = None) -> None:
        """Create an empty reading pane whose keys follow ``keymap``."""
        super().__init__(id=id)
        self.install_bindings("reader", keymap)
        self.article: Article | None = None
        """The article shown."""
        self.marks = Marks()
        """Search terms, find text, bookmarks and the jump target marked on the page."""
        self.cursor = 0
        """Index of the paragraph under the cursor."""
        self._selection: Selection | None = None
        self._page = Page()
        self._page_width = 0
        self._pending: Position | None = None
        """A position to restore once the pane has a size."""
        self._layers = LayerCache(self)

    @property
    def selection(self) -> Selection | None:
        """The selection, while selection mode is on."""
        return self._selection

    @selection.setter
    def selection(self, selection: Selection | None) -> None:
        """Change the selection and tell the screen (which shows its extent)."""
        if selection != self._selection:
            self._selection = selection
            self.post_message(self.SelectionChanged(selection))

    # ----- showing an article -------------------------------------------------------------

    def show(self, article: Article | None, position: Position | None = None) -> None:
        """Show ``article`` at ``position`` (the top when None)."""
        self.article = article
        self.selection = None
        self.marks.reset_for(article)
        self.cursor = position.paragraph if position else 0
        self._page_width = 0
        self._pending = position or Position()
        self._relayout()

    def _relayout(self) -> None:
        """Lay the page out again for the current width and restore the position."""
        width = self.scrollable_content_region.width
        if width <= 0:
            return
        if self.article is None:
            self._page = Page()
        elif width != self._page_width:
            header = article_header(self.article, self._style)
            self._page = layout_page(self.article, width, header)
        self._page_width = width
        self.virtual_size = Size(width, len(self._page.lines))
        self.cursor = max(0, min(self.cursor, len(self._page.paragraphs) - 1))
        if self._pending is not None:
            target = self._pending.scroll
            self._pending = None
            self.scroll_to(y=target, animate=False, immediate=True)
            if target == 0 and self.cursor:
                self._reveal_paragraph(self.cursor)
        self.refresh()

    def on_resize(self) -> None:
        """A new width means a new layout."""
        first = self.cursor
        self._relayout()
        self._reveal_paragraph(first)

    def position(self) -> Position:
        """Where the reader is, to come back to later."""
        return Position(self.cursor, int(self.scroll_y))

    @property
    def page(self) -> Page:
        """The current layout (for tests and for the screen's jumps)."""
        return self._page

    # ----- marks --------------------------------------------------------------------------

    def set_terms(self, terms: Sequence[str]) -> None:
        """Mark ``terms`` (from the search box) in the body."""
        self.marks.set_terms(terms)
        self.refresh()

    def set_find(self, text: str) -> int:
        """Mark ``text`` found in the body; returns the number of hits."""
        count = self.marks.set_find(text)
        self.refresh()
        return count

    def set_bookmarks(self, spans: Sequence[Span]) -> None:
        """Mark the bookmarked passages (a star in the gutter)."""
        self.marks.bookmarks = list(spans)
        self.refresh()

    def reveal(self, start: int, end: int) -> None:
        """Scroll to the body range ``start:end``, mark it and put the cursor on it."""
        self.marks.target = (start, end)
        if self._page.paragraphs:
            self.cursor = self._page.paragraph_of_offset(start)
        line = self._page.line_of_offset(start)
        height = self.scrollable_content_region.height
        if not (self.scroll_y <= line < self.scroll_y + height - 1):
            self.scroll_to(y=max(0, line - height // 3), animate=False, immediate=True)
        self.post_message(self.CursorMoved(self.cursor))
        self.refresh()

    def jump(self, spans: Sequence[Span], forward: bool) -> int | None:
        """Reveal the next (or previous) of ``spans`` after the current target; its index."""
        if not spans:
            return None
        # Spans compare as (start, end), so nested spans with one start are each visited.
        here = self.marks.target if self.marks.target else self._cursor_offset(forward)
        order = range(len(spans)) if forward else range(len(spans) - 1, -1, -1)
        for index in order:
            span = (spans[index][0], spans[index][1])
            if (forward and span > here) or (not forward and span < here):
                self.reveal(*spans[index])
                return index
        index = 0 if forward else len(spans) - 1  # wrap around
        self.reveal(*spans[index])
        return index

    def _cursor_offset(self, forward: bool) -> Span:
        """A span just before (or after) the cursor paragraph, to search from."""
        if not self._page.paragraphs:
            return (-1, -1)
        paragraph = self._page.paragraphs[self.cursor]
        return (paragraph.start - 1, sys.maxsize) if forward else (paragraph.end + 1, -1)

    # ----- the passage under the cursor ---------------------------------------------------

    def passage(self) -> Span | None:
        """The selection, or else the paragraph under the cursor, as body offsets."""
        if self.article is None or not self._page.paragraphs:
            return None
        if self.selection is not None:
            return self.selection.span
        paragraph = self._page.paragraphs[self.cursor]
        return paragraph.start, paragraph.end

    # ----- movement -----------------------------------------------------------------------

    def _set_cursor(self, paragraph: int) -> None:
        """Move the cursor to ``paragraph`` (clamped), show it and tell the screen."""
        if not self._page.paragraphs:
            return
        self.cursor = max(0, min(paragraph, len(self._page.paragraphs) - 1))
        self.marks.target = None
        self.post_message(self.CursorMoved(self.cursor))
        self.refresh()

    def _reveal_paragraph(self, paragraph: int, from_below: bool = False) -> None:
        """Scroll the least so that ``paragraph`` is on screen (its start, or its end)."""
        if not self._page.paragraphs or paragraph >= len(self._page.first_line):
            return
        first, last = self._page.first_line[paragraph], self._page.last_line[paragraph]
        if paragraph == 0:
            first = 0  # show the header with the first paragraph
        height = self.scrollable_content_region.height
        top = int(self.scroll_y)
        if last - first + 1 > height:
            target = last - height + 1 if from_below else first
        elif first < top:
            target = first
        elif last >= top + height:
            target = last - height + 1
        else:
            return
        self.scroll_to(y=max(0, target), animate=False, immediate=True)

    def action_cursor_down(self) -> None:
        """Next paragraph, after scrolling through a long one; extends a selection."""
        if self.selection is not None:
            self.selection = self.selection.extend_paragraph(self._page.paragraphs)
            self._reveal_offset(self.selection.end)
            self.refresh()
            return
        if not self._page.paragraphs:
            self.scroll_down(animate=False)
            return
        last = self._page.last_line[self.cursor]
        height = self.scrollable_content_region.height
        bottom = int(self.scroll_y) + height - 1
        if last > bottom:
            self.scroll_to(y=self.scroll_y + max(1, height // 2), animate=False, immediate=True)
            return
        if self.cursor + 1 < len(self._page.paragraphs):
            self._set_cursor(self.cursor + 1)
            self._reveal_paragraph(self.cursor)
        else:
            self.scroll_end(animate=False, immediate=True)

    def action_cursor_up(self) -> None:
        """Previous paragraph, after scrolling back through a long one; shrinks a selection."""
        if self.selection is not None:
            self.selection = self.selection.shrink_paragraph(self._page.paragraphs)
            self._reveal_offset(self.selection.end)
            self.refresh()
            return
        if not self._page.paragraphs:
            self.scroll_up(animate=False)
            return
        first = 0 if self.cursor == 0 else self._page.first_line[self.cursor]
        height = self.scrollable_content_region.height
        if first < self.scroll_y:
            self.scroll_to(
                y=max(0, self.scroll_y - max(1, height // 2)), animate=False, immediate=True
            )
            return
        if self.cursor > 0:
            self._set_cursor(self.cursor - 1)
            self._reveal_paragraph(self.cursor, from_below=True)

    def action_cursor_first(self) -> None:
        """Start of the article."""
        self._set_cursor(0)
        self.scroll_home(animate=False, immediate=True)

    def action_cursor_last(self) -> None:
        """End of the article."""
        self._set_cursor(len(self._page.paragraphs) - 1)
        self.scroll_end(animate=False, immediate=True)

    def action_page_down(self) -> None:
        """One page down; the cursor follows to the top paragraph on screen."""
        self.scroll_page_down(animate=False)
        self.call_after_refresh(self._follow_view)

    def action_page_up(self) -> None:
        """One page up; the cursor follows."""
        self.scroll_page_up(animate=False)
        self.call_after_refresh(self._follow_view)

    def _follow_view(self) -> None:
        """Put the cursor on the first paragraph on screen if it scrolled out of sight."""
        if not self._page.paragraphs:
            return
        top = int(self.scroll_y)
        bottom = top + self.scrollable_content_region.height - 1
        first, last = self._page.first_line[self.cursor], self._page.last_line[self.cursor]
        if last < top or first > bottom:
            self._set_cursor(self._page.paragraph_at_line(top))

    def _reveal_offset(self, offset: int) -> None:
        """Scroll so that body ``offset`` is on screen."""
        line = self._page.line_of_offset(max(0, offset - 1))
        height = self.scrollable_content_region.height
        if line < self.scroll_y:
            self.scroll_to(y=line, animate=False, immediate=True)
        elif line >= self.scroll_y + height:
            self.scroll_to(y=line - height + 1, animate=False, immediate=True)

    def on_mouse_scroll_down(self) -> None:
        """After the wheel scrolled, keep the cursor on screen."""
        self.call_after_refresh(self._follow_view)

    def on_mouse_scroll_up(self) -> None:
        """After the wheel scrolled, keep the cursor on screen."""
        self.call_after_refresh(self._follow_view)

    def on_click(self, event: events.Click) -> None:
        """A click puts the cursor on the paragraph clicked."""
        line = int(self.scroll_y) + event.y
        if 0 <= line < len(self._page.lines) and self._page.lines[line].paragraph >= 0:
            self._set_cursor(self._page.lines[line].paragraph)

    # ----- selection and find -------------------------------------------------------------

    def action_toggle_select(self) -> None:
        """Start a selection from the cursor paragraph, or end it."""
        if self.selection is not None or not self._page.paragraphs:
            self.selection = None
        else:
            paragraph = self._page.paragraphs[self.cursor]
            assert self.article is not None
            self.selection = Selection.of_paragraph(
                self.article.body, paragraph.start, paragraph.end
            )
        self.refresh()

    def cancel_selection(self) -> bool:
        """End selection mode; True when there was a selection."""
        had = self.selection is not None
        self.selection = None
        self.refresh()
        return had

    def action_extend_sentence(self) -> None:
        """Take in the next sentence."""
        if self.selection is not None:
            self.selection = self.selection.extend_sentence()
            self._reveal_offset(self.selection.end)
            self.refresh()

    def action_shrink_sentence(self) -> None:
        """Give back the last sentence."""
        if self.selection is not None:
            self.selection = self.selection.shrink_sentence()
            self.refresh()

    def action_start_later(self) -> None:
        """Drop the first sentence of the selection."""
        if self.selection is not None:
            self.selection = self.selection.start_later()
            self.refresh()

    def action_start_earlier(self) -> None:
        """Take in the sentence before the selection."""
        if self.selection is not None:
            self.selection = self.selection.start_earlier()
            self._reveal_offset(self.selection.start + 1)
            self.refresh()

    def action_find(self) -> None:
        """Ask for text to find in the article."""
        self.post_message(self.FindRequested())

    # ----- drawing ------------------------------------------------------------------------

    def _style(self, name: str) -> Style:
        """The layer of component class ``reader--name``."""
        return self._layers(f"reader--{name}")

    def render_line(self, y: int) -> Strip:
        """Draw screen line ``y``."""
        width = self.scrollable_content_region.width
        base = self.rich_style
        index = int(self.scroll_y) + y
        if self.article is None:
            if y == 1:
                empty = "  Select an article in the list and press Enter."
                return Strip([Segment(empty, base + self._style("empty"))]).crop_extend(
                    0, width, base
                )
            return Strip.blank(width, base)
        if index >= len(self._page.lines):
            return Strip.blank(width, base)
        line = self._page.lines[index]
        rendered = self._line_text(line, index).render(self.app.console)
        # The pane's own style goes underneath every mark (background included).
        segments = list(Segment.apply_style(rendered, style=base))
        return Strip(segments).crop_extend(0, width, base).simplify()

    def _line_text(self, line: PageLine, index: int) -> Text:
        """The rich text of one page line, gutter included."""
        if self.article is None:
            return Text("")
        view = PageView(self.article, self._page, self.marks, self.cursor, self.selection)
        return line_text(view, line, index, self._style)
