"""Opening articles on the main screen: the article first, or with its related quotes when
they were read ahead, and the history of articles read.

The open runs in one named, exclusive thread worker: it fetches the article and, while
related-quote searches are quick (a few milliseconds on an index with postings mirrors), its
related quotes, and posts both for one frame. When they are slow it posts the article, waits
for the frame that shows it, then looks its related quotes up (a newer open cancels it, and
related quotes of an article no longer open are dropped). While the list's cursor rests on a
row, another worker reads that row's article and related quotes ahead (``tui.readahead``), so
that Enter finds both ready.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Sequence
from functools import partial

from textual import on, work
from textual.timer import Timer
from textual.worker import get_current_worker

from diplomareader.model import Article, RelatedQuote
from diplomareader.store.config import SortOrder
from diplomareader.store.state import Position
from diplomareader.tui.messages import ArticleReady, RelatedReady
from diplomareader.tui.readahead import ReadAhead, read_ahead
from diplomareader.tui.screens.main_bookmarks import OpenPassage
from diplomareader.tui.screens.main_passages import PassageActions
from diplomareader.tui.widgets.article_list import ArticleList

PAINT_WAIT = 1.0
"""Seconds the related-quote search waits at most for the article's first frame."""
REST = 0.15
"""Seconds the list's cursor rests on a row before its article is read ahead."""
JOIN_WAIT = 0.05
"""Seconds an open waits for a read-ahead of the same article under way before it draws the
article alone (its related quotes follow when the read-ahead ends)."""


class OpenActions(PassageActions):
    """Opening articles, reading them ahead, going back; and the pane titles."""

    sort: SortOrder
    """``date`` or ``relevance`` (set by the screen)."""
    total: int
    """How many articles match the current view (set by the screen)."""

    def __init__(self) -> None:
        """No article open, nothing read ahead."""
        super().__init__()
        self.article: Article | None = None
        """The article open in the reading pane."""
        self.related: Sequence[RelatedQuote] = ()
        """Related quotes of the article open."""
        self.history: list[tuple[str, Position]] = []
        """Articles read before the current one, with where the reader was in them."""
        self.fetched = ReadAhead()
        """Articles with their related quotes, read ahead or opened before."""
        self._rest: Timer | None = None
        """Runs the read-ahead of the row under the cursor once it rests there."""

    def _titles(self, new_article: bool = False) -> None:
        """The pane titles: counts, order and the article open (the side panel's is drawn
        again for a ``new_article`` even when it reads the same)."""
        shown = len(self.list_view.rows)
        order = "newest first" if self.sort == "date" or not self.query_text else "by relevance"
        count = f"{shown:,}" if shown == self.total else f"{shown:,} of {self.total:,}"
        back = f"Reading · {len(self.history)} back" if self.article and self.history else "Reading"
        for pane, title in (
            ("#list-pane", f"Articles · {count} · {order}"),
            ("#reading-pane", back),
            ("#side-pane", self.side.counts()),
        ):
            widget = self.query_one(pane)
            # Setting a title repaints the whole pane, even when it says the same.
            if widget.border_title != title or (new_article and pane == "#side-pane"):
                widget.border_title = title

    @on(ArticleList.Highlighted)
    def _row_highlighted(self, event: ArticleList.Highlighted) -> None:
        """Read the row's article ahead once the cursor rests on it."""
        if self._rest is not None:
            self._rest.stop()
        self._rest = self.set_timer(REST, partial(self._rested, event.article.id))

    def _rested(self, article_id: str) -> None:
        """The cursor rested on ``article_id``: fetch it and its related quotes, unless the
        list is not where the user is (typing a query) or they are here already."""
        self._rest = None
        if self.focused is not self.list_view or self.fetched.get(article_id) is not None:
            return
        under = self.list_view.highlighted
        if under is None or under.id != article_id:
            return  # the cursor moved on (to an entry, or the list changed)
        if self.article is not None and self.article.id == article_id:
            return
        self._read_ahead(article_id, self.list_view.rows, self.list_view.reachable())

    @work(thread=True, exclusive=True, group="readahead", exit_on_error=False, name="read ahead")
    def _read_ahead(self, article_id: str, rows: Sequence[object], reachable: list[int]) -> None:
        """Fetch an article and its related quotes into ``fetched`` (a newer rest cancels).

        The list rows a key press can show are loaded first: the related-quote search holds
        the index for a while, and a key that needed a row from it meanwhile would wait.
        """
        worker = get_current_worker()
        library = self.reader_app.library
        for index in reachable:
            if worker.is_cancelled:
                return
            with contextlib.suppress(Exception):  # a row that cannot be read shows as such
                rows[index]
        read_ahead(
            self.fetched,
            article_id,
            library.article,
            library.related_quotes,
            lambda: worker.is_cancelled,
        )

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
        if self._rest is not None:
            self._rest.stop()
            self._rest = None
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
        """Fetch the article and show it with its related quotes (one thread, no hand-over).

        While related-quote searches are quick (``ReadAhead.quick``) both come in one frame.
        Otherwise the search starts once the article is on screen, so that it does not slow
        the first paint down. A newer open cancels this worker, and the screen ignores
        related quotes of an article that is no longer open.
        """
        worker = get_current_worker()
        library = self.reader_app.library
        fetch = self.fetched.get(article_id)
        if fetch is not None and fetch.ready(0.0 if fetch.done.is_set() else JOIN_WAIT):
            # Read ahead: the article and its related quotes in one frame.
            if not worker.is_cancelled:
                self.post_message(
                    ArticleReady(
                        article_id, fetch.article, position, reveal, focus, related=fetch.related
                    )
                )
            return
        try:
            article = fetch.article if fetch is not None and fetch.article else None
            article = article or library.article(article_id)
        except KeyError:
            article = None
        if worker.is_cancelled:
            return
        if article is not None and fetch is None and self.fetched.quick():
            # Related quotes come quickly: draw them with the article, in one frame.
            with contextlib.suppress(Exception):  # asked again below, and reported there
                related = self.fetched.timed(library.related_quotes, article_id)
                self.fetched.keep(article, related)
                if not worker.is_cancelled:
                    self.post_message(
                        ArticleReady(article_id, article, position, reveal, focus, related=related)
                    )
                return
        ready = ArticleReady(article_id, article, position, reveal, focus)
        self.post_message(ready)
        if article is None:
            return
        deadline = time.monotonic() + PAINT_WAIT
        while not ready.painted.wait(0.01):
            if worker.is_cancelled or time.monotonic() > deadline:
                break
        while fetch is not None and not fetch.done.wait(0.05) and not worker.is_cancelled:
            pass  # a read-ahead of this article is under way: its answer is on its way
        if worker.is_cancelled:
            return
        if fetch is not None and fetch.ready() and fetch.related is not None:
            related = fetch.related
        else:
            try:
                related = self.fetched.timed(library.related_quotes, article_id)
            except Exception as error:
                if not worker.is_cancelled:
                    reason = (str(error).strip().splitlines() or [type(error).__name__])[0]
                    self.post_message(RelatedReady(article_id, (), problem=reason))
                raise  # reported in one line by on_worker_state_changed
            self.fetched.keep(article, related)
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
        self.side.show(article, event.related)
        self.related = event.related or ()
        if reveal is not None:
            self.call_after_refresh(self.reader.reveal, *reveal)
        if focus:
            self.set_focus(self.reader)
        self.list_view.refresh()
        self._titles(new_article=True)

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
