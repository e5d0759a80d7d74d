"""The main screen: search box, list pane, reading pane and side panel.

The screen owns the state (the rows listed, the article open, the history, the query) and
does the work: widgets post intent-named messages up, and blocking calls to the library run
in named, exclusive thread workers, so a newer keystroke or a newer article cancels the
older one and typing never waits on the index.
"""

from __future__ import annotations

import time
from collections.abc import Sequence

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Container, Vertical
from textual.worker import Worker, WorkerState, get_current_worker

from diplomareader.model import Article, RelatedQuote
from diplomareader.store.state import Position
from diplomareader.tui.messages import ArticleReady, RelatedReady, RowsReady
from diplomareader.tui.screens.main_bookmarks import OpenPassage
from diplomareader.tui.screens.main_passages import PassageActions
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
PAINT_WAIT = 1.0
"""Seconds the related-quote search waits at most for the article's first frame."""


class MainScreen(PassageActions):
    """The reader's one main screen."""

    AUTO_FOCUS = "ArticleList"

    def __init__(self) -> None:
        """Build the screen; the bindings follow the app's key map."""
        super().__init__()
        self.install_bindings("main", self.reader_app.keymap)
        self.query_text = ""
        """The query the list shows the results of ("" lists every article)."""
        self.sort = self.reader_app.config.sort
        """``date`` or ``relevance``."""
        self.article: Article | None = None
        """The article open in the reading pane."""
        self.related: Sequence[RelatedQuote] = ()
        """Related quotes of the article open."""
        self.history: list[tuple[str, Position]] = []
        """Articles read before the current one, with where the reader was in them."""
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
        yield KeyFooter(compact=True)

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

    def _titles(self) -> None:
        """The pane titles: counts, order and the article open."""
        shown = len(self.list_view.rows)
        order = "newest first" if self.sort == "date" or not self.query_text else "by relevance"
        count = f"{shown:,}" if shown == self.total else f"{shown:,} of {self.total:,}"
        self.query_one("#list-pane").border_title = f"Articles · {count} · {order}"
        self.query_one("#reading-pane").border_title = (
            "Reading"
            if self.article is None
            else f"Reading · {len(self.history)} back"
            if self.history
            else "Reading"
        )
        self.query_one("#side-pane").border_title = self.side.counts()

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
        """Search as the user types."""
        self.run_search(event.query, as_you_type=True)

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
        self.query_text = query
        self.total = total
        current = self.list_view.highlighted
        self.list_view.empty_text = (
            "Nothing matches this query."
            if query.strip()
            else "No articles yet: add some with  diplomareader ingest PATH  then press r."
        )
        self.list_view.set_rows(rows, keep=keep or (current.id if current else None))
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

    @work(thread=True, exclusive=True, group="prepare", exit_on_error=False, name="prepare")
    def _prepare_related(self) -> None:
        """Once the list is on screen: read ahead what related quotes need, so that the first
        article opened gets them as fast as the next ones."""
        try:
            self.reader_app.library.prepare_related()
        except Exception:  # noqa: BLE001 - a read-ahead; the real call reports any problem
            return

    def action_focus_search(self) -> None:
        """Move to the search box."""
        self.set_focus(self.search_bar.input)

    def action_toggle_sort(self) -> None:
        """Switch between newest first and most relevant first."""
        self.sort = "relevance" if self.sort == "date" else "date"
        if not self.query_text.strip():
            self.notify("The list is by date; relevance applies to search results.", timeout=3)
        self.run_search(self.query_text, keep=None)

    # ----- opening articles ---------------------------------------------------------------

    @on(ArticleList.OpenRequested)
    def _open_requested(self, event: ArticleList.OpenRequested) -> None:
        """Enter (or a click) on a row opens its article."""
        self.open_article(event.article.id)

    def open_article(
        self,
        article_id: str,
        position: Position | None = None,
        reveal: tuple[int, int] | None = None,
        remember: bool = True,
        focus: bool = True,
    ) -> None:
        """Open an article (recording the current one in the history when ``remember``)."""
        if remember and self.article is not None and self.article.id != article_id:
            self.history.append((self.article.id, self.reader.position()))
        if self.article is not None:
            self.reader_app.state.set_position(self.article.id, self.reader.position())
        self._load_article(article_id, position, reveal, focus)

    @work(thread=True, exclusive=True, group="open", exit_on_error=False, name="open article")
    def _load_article(
        self,
        article_id: str,
        position: Position | None,
        reveal: tuple[int, int] | None,
        focus: bool,
    ) -> None:
        """Fetch the article and show it, then its related quotes (one thread, no hand-over).

        The related-quote search starts once the article is on screen, so that it does not
        slow the first paint down; a newer open cancels this worker, and the screen ignores
        related quotes of an article that is no longer open.
        """
        worker = get_current_worker()
        library = self.reader_app.library
        try:
            article: Article | None = library.article(article_id)
        except KeyError:
            article = None
        if worker.is_cancelled:
            return
        ready = ArticleReady(article_id, article, position, reveal, focus)
        self.post_message(ready)
        if article is None:
            return
        deadline = time.monotonic() + PAINT_WAIT
        while not ready.painted.wait(0.01):
            if worker.is_cancelled or time.monotonic() > deadline:
                break
        if worker.is_cancelled:
            return
        try:
            related = library.related_quotes(article_id)
        except Exception as error:
            if not worker.is_cancelled:
                reason = (str(error).strip().splitlines() or [type(error).__name__])[0]
                self.post_message(RelatedReady(article_id, (), problem=reason))
            raise  # reported in one line by on_worker_state_changed
        if not worker.is_cancelled:
            self.post_message(RelatedReady(article_id, related))

    @on(ArticleReady)
    def _show_article(self, event: ArticleReady) -> None:
        """Put the article in the reading pane and the side panel (related quotes follow)."""
        article, position, reveal, focus = event.article, event.position, event.reveal, event.focus
        self.call_after_refresh(event.painted.set)
        if article is None:
            self.notify(
                "That article is no longer in the index; press r to refresh.", severity="warning"
            )
            return
        app = self.reader_app
        self.article = article
        app.state.mark_read(article.id)
        if position is None:
            position = app.state.positions.get(article.id)
        self.reader.show(article, position)
        self.reader.set_bookmarks(app.bookmark_spans(article.id))
        self.side.show(article)
        self.related = ()
        if reveal is not None:
            self.call_after_refresh(self.reader.reveal, *reveal)
        if focus:
            self.set_focus(self.reader)
        self.list_view.refresh()
        self._titles()

    @on(RelatedReady)
    def _show_related(self, event: RelatedReady) -> None:
        """Fill in the related quotes if the article is still open."""
        if self.article is not None and self.article.id == event.article_id:
            self.related = event.related
            self.side.show_related(event.related, event.problem)
            self._titles()

    def action_back(self) -> None:
        """Return to the article read before, where the reader was in it."""
        if not self.history:
            self.notify("Nothing to go back to.", timeout=2)
            return
        article_id, position = self.history.pop()
        self.open_article(article_id, position=position, remember=False)

    @on(OpenPassage)
    def _open_passage(self, event: OpenPassage) -> None:
        """Open a bookmark's article at its passage."""
        self.open_article(event.article_id, reveal=(event.start, event.end))

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
        self.set_focus(self.list_view)
