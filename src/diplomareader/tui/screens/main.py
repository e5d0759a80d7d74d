"""The main screen: search box, list pane, reading pane and side panel.

The screen owns the state (the rows listed, the article open, the history, the query) and
does the work: widgets post intent-named messages up, and blocking calls to the library run
in named, exclusive thread workers, so a newer keystroke or a newer article cancels the
older one and typing never waits on the index.
"""

from __future__ import annotations

import contextlib

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Container, Vertical
from textual.reactive import Reactive
from textual.widget import Widget
from textual.worker import Worker, WorkerState, get_current_worker

from diplomareader.tui.messages import RowsReady
from diplomareader.tui.screens.main_entries import EntryActions
from diplomareader.tui.widgets.article_list import ArticleList
from diplomareader.tui.widgets.find_bar import FindBar
from diplomareader.tui.widgets.footer import KeyFooter
from diplomareader.tui.widgets.reader import Reader
from diplomareader.tui.widgets.reader_marks import query_terms
from diplomareader.tui.widgets.search_bar import SearchBar
from diplomareader.tui.widgets.side_panel import SidePanel

SEARCH_LIMIT = 500
"""Hits fetched per query; the status says when more articles match."""
WIDE = 140
"""From this many columns the three panes stand side by side."""
ROOMY = 110
"""From this many columns (below WIDE) the side panel under the list gets more room."""


class MainScreen(EntryActions):
    """The reader's one main screen."""

    AUTO_FOCUS = "ArticleList"

    focused: Reactive[Widget | None] = Reactive(None, repaint=False)
    """The focused widget. Textual's screen repaints all of itself when the focus moves;
    here the panes whose look depends on the focus (borders, cursors, the key bar) redraw
    themselves, and the rest of the screen stays as drawn (one open or Escape costs one
    frame of three panes instead of the whole terminal)."""

    def __init__(self) -> None:
        """Build the screen; the bindings follow the app's key map."""
        super().__init__()
        self.install_bindings("main", self.reader_app.keymap)
        self.query_text = ""
        """The query the list shows the results of ("" lists every article)."""
        self.sort = self.reader_app.config.sort
        """``date`` or ``relevance``."""
        self.total = 0
        """How many articles match the current view."""
        self._prepared = False
        """Whether the related-quote read-ahead was started."""

    # ----- layout -------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        """Search box, the three panes and the footer."""
        keymap = self.reader_app.keymap
        yield SearchBar()
        with Container(id="panes"):
            with Vertical(id="list-pane", classes="pane"):
                yield ArticleList(keymap, id="list")
            with Vertical(id="reading-pane", classes="pane"):
                yield Reader(keymap, id="reader")
                yield FindBar()
            with Vertical(id="side-pane", classes="pane"):
                yield SidePanel(keymap, id="side")
        yield KeyFooter()

    def on_mount(self) -> None:
        """Wire the markers, set the layout and load the list."""
        app = self.reader_app
        self.list_view.set_markers(app.state.read.__contains__, app.bookmarked_ids.__contains__)
        self.set_class(not app.config.side_panel, "-side-hidden")
        self.search_bar.set_recent(app.state.recent)
        self._titles()
        self.reader.show(None)
        self.side.show(None)
        self.run_search("")
        # Keep what the reader remembers on disk now and then, not only at a clean exit.
        self.set_interval(60, self._save_state)

    def _save_state(self) -> None:
        """Note where the reader is in the open article and write the state file."""
        if self.article is not None:
            self.reader_app.state.set_position(self.article.id, self.reader.position())
        self.reader_app.save_state()

    @on(Reader.CursorMoved)
    def _cursor_moved(self) -> None:
        """Remember the position as the reader moves, so that a quit keeps it."""
        if self.article is not None:
            self.reader_app.state.set_position(self.article.id, self.reader.position())

    def on_resize(self) -> None:
        """Wide: the side panel down the right. Narrow: the list across the top."""
        wide = self.size.width >= WIDE
        self.set_class(ROOMY <= self.size.width < WIDE, "-roomy")
        if wide == self.has_class("-wide"):
            return
        self.set_class(wide, "-wide")
        # Grid cells fill in DOM order: the side panel comes second when it spans two rows.
        panes = self.query_one("#panes")
        side = self.query_one("#side-pane")
        anchor = self.query_one("#list-pane" if wide else "#reading-pane")
        panes.move_child(side, after=anchor)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """A background task that failed is reported in one line; the reader carries on."""
        if event.state == WorkerState.ERROR and event.worker.error is not None:
            error = event.worker.error
            lines = str(error).strip().splitlines()
            reason = lines[0] if lines else type(error).__name__
            self.notify(
                f"{event.worker.name}: {reason}", title="Could not finish", severity="error"
            )

    # ----- search and the list ------------------------------------------------------------

    @on(SearchBar.Changed)
    def _query_changed(self, event: SearchBar.Changed) -> None:
        """Search as the user types (a query put in the box whole is searched as such)."""
        self.run_search(event.query, as_you_type=event.as_you_type)

    @on(SearchBar.Submitted)
    def _query_submitted(self, event: SearchBar.Submitted) -> None:
        """Keep the query and go to the list."""
        self.reader_app.state.remember_query(event.query)
        self.search_bar.set_recent(self.reader_app.state.recent)
        self.set_focus(self.list_view)

    @on(SearchBar.Leave)
    def _leave_search(self) -> None:
        """Escape in an empty search box."""
        self.set_focus(self.list_view)

    @work(thread=True, exclusive=True, group="search", exit_on_error=False, name="search")
    def run_search(self, query: str, as_you_type: bool = False, keep: str | None = None) -> None:
        """Query the index (or list every article) and show the results."""
        worker = get_current_worker()
        library = self.reader_app.library
        if not query.strip():
            rows = library.list_articles(sort="date")
            if not worker.is_cancelled:
                self.post_message(RowsReady(query, rows, len(rows), None, keep))
            return
        result = library.search(
            query,
            sort=self.sort,
            limit=SEARCH_LIMIT,
            as_you_type=as_you_type,
            should_stop=lambda: worker.is_cancelled,
        )
        if not worker.is_cancelled:
            rows = [hit.article for hit in result.hits]
            self.post_message(RowsReady(query, rows, result.total, result, keep))

    @on(RowsReady)
    def _show_rows(self, event: RowsReady) -> None:
        """Put search results (or the whole list) in the list pane and say what was found."""
        query, rows, total, result, keep = (
            event.query,
            event.rows,
            event.total,
            event.result,
            event.keep,
        )
        left = self.query_text
        self.query_text = query
        self.total = total
        current = self.list_view.highlighted
        self.list_view.empty_text = (
            "Nothing matches this query."
            if query.strip()
            else "No articles yet: add some with  diplomareader ingest PATH  then press r."
        )
        # Back from the results of an entry: the cursor goes back to that entry.
        entry = left if left.strip() and left == self.entry_query and not query.strip() else None
        self.list_view.set_rows(
            rows,
            keep=keep or (current.id if current else None),
            entries=self.entries_for(query),
            at_entry=entry,
        )
        self.reader.set_terms(query_terms(query))
        if result is not None and result.errors:
            self.search_bar.set_status("not understood: " + "; ".join(result.errors), error=True)
        elif result is not None:
            self.search_bar.set_status(
                f"{total:,} found" + (f" · {result.understood}" if result.understood else "")
            )
        else:
            self.search_bar.set_status(f"{total:,} articles")
        self._titles()
        if not self._prepared:
            self._prepared = True
            self.call_after_refresh(self._prepare_related)
            self.call_after_refresh(self.count_entries)

    @work(thread=True, exclusive=True, group="prepare", exit_on_error=False, name="prepare")
    def _prepare_related(self) -> None:
        """Once the list is on screen: read ahead what related quotes need, so that the first
        article opened gets them as fast as the next ones."""
        with contextlib.suppress(Exception):  # a read-ahead; the real call reports problems
            self.reader_app.library.prepare_related()
        heap = self.reader_app.heap
        if heap is not None:
            heap.settle()

    def action_focus_search(self) -> None:
        """Move to the search box."""
        self.set_focus(self.search_bar.input)

    def action_toggle_sort(self) -> None:
        """Switch between newest first and most relevant first."""
        self.sort = "relevance" if self.sort == "date" else "date"
        if not self.query_text.strip():
            self.notify("The list is by date; relevance applies to search results.", timeout=3)
        self.run_search(self.query_text, keep=None)

    # ----- the side panel -----------------------------------------------------------------

    @on(SidePanel.QuoteChosen)
    def _quote_chosen(self, event: SidePanel.QuoteChosen) -> None:
        """Scroll the reading pane to the quote."""
        self.reader.reveal(event.quote.start, event.quote.end)

    @on(SidePanel.EntityChosen)
    def _entity_chosen(self, event: SidePanel.EntityChosen) -> None:
        """Search for the entity."""
        self.search_bar.set_value(event.query)
        self.reader_app.state.remember_query(event.query)
        self.set_focus(self.list_view)

    @on(SidePanel.RelatedChosen)
    def _related_chosen(self, event: SidePanel.RelatedChosen) -> None:
        """Open the related quote's article at the quote."""
        quote = event.related.quote
        self.open_article(event.related.article.id, reveal=(quote.start, quote.end))

    # ----- panes --------------------------------------------------------------------------

    def _panes(self) -> list[ArticleList | Reader | SidePanel]:
        """The panes Tab moves between (the side panel only when shown)."""
        panes: list[ArticleList | Reader | SidePanel] = [self.list_view, self.reader]
        if not self.has_class("-side-hidden"):
            panes.append(self.side)
        return panes

    def _step_pane(self, step: int) -> None:
        """Focus the next (or previous) pane."""
        panes = self._panes()
        focused = self.focused
        index = next((i for i, p in enumerate(panes) if p is focused), -1 if step > 0 else 0)
        self.set_focus(panes[(index + step) % len(panes)])

    def action_next_pane(self) -> None:
        """Tab: the next pane."""
        self._step_pane(1)

    def action_previous_pane(self) -> None:
        """Shift+Tab: the previous pane."""
        self._step_pane(-1)

    def action_toggle_side_panel(self) -> None:
        """Show or hide the side panel (remembered in the config)."""
        hidden = not self.has_class("-side-hidden")
        self.set_class(hidden, "-side-hidden")
        if hidden and self.focused is self.side:
            self.set_focus(self.reader)
        self.reader_app.remember_setting(side_panel=not hidden)

    def action_refresh(self) -> None:
        """Reopen the index to see articles added by an ingest since the reader started."""
        self._refresh_index()

    @work(thread=True, exclusive=True, group="refresh", exit_on_error=False, name="refresh")
    def _refresh_index(self) -> None:
        """Reopen the index, then run the current query again."""
        library = self.reader_app.library
        before = library.count()
        library.refresh()
        after = library.count()
        self.app.call_from_thread(self._refreshed, before, after)

    def _refreshed(self, before: int, after: int) -> None:
        """Say what the refresh found and show the list again."""
        self.reader_app.reload_bookmarks()
        self.reload_saved_searches()
        self.count_entries(again=True)
        self.fetched.clear()
        change = after - before
        self.notify(
            f"{after:,} articles ({change:+,})." if change else f"{after:,} articles; nothing new.",
            title="Index reopened",
            timeout=4,
        )
        current = self.list_view.highlighted
        self.run_search(self.query_text, keep=current.id if current else None)

    def action_escape(self) -> None:
        """Escape: end a selection, close the find bar, or go back to the list."""
        if self.reader.cancel_selection():
            return
        if self.find_bar.close():
            self.set_focus(self.reader)
            return
        if self.focused is self.list_view and self.back_to_all():
            return
        self.set_focus(self.list_view)
