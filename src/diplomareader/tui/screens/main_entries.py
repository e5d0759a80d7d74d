"""Saved searches as entries of the list pane, with their counts (newsboat's query feeds).

While the list shows every article (the search box is empty), each saved search of the
config file is a row above the articles, with how many articles its query matches. A thread
worker counts them (never a key press) after the first list is on screen, again after each
index refresh, and for each saved search added. Enter on an entry runs its query; Escape in
the list (or clearing the box) comes back to every article, the cursor on that entry.
"""

from __future__ import annotations

from textual import on, work
from textual.worker import get_current_worker

from diplomareader.search import CANCELLED
from diplomareader.tui.messages import EntryCounted
from diplomareader.tui.screens.main_open import OpenActions
from diplomareader.tui.widgets.article_list import ArticleList
from diplomareader.tui.widgets.entry_rows import SearchEntry


class EntryActions(OpenActions):
    """The saved-search entries of the main screen (mixed into it)."""

    def __init__(self) -> None:
        """Nothing counted yet."""
        super().__init__()
        self.entry_counts: dict[str, tuple[int | None, str | None]] = {}
        """Per saved query: its count and what was not understood in it (last counted)."""
        self._uncounted: set[str] = set()
        """Saved queries whose count is missing or older than the index."""
        self.entry_query: str | None = None
        """The query of the entry run last (the cursor returns to it with every article)."""

    def entries_for(self, query: str) -> tuple[SearchEntry, ...]:
        """The entries the list shows with the results of ``query``: the saved searches when
        it lists every article, none for a search."""
        if query.strip():
            return ()
        entries = []
        for saved in self.reader_app.config.saved_searches:
            count, problem = self.entry_counts.get(saved.query, (None, None))
            entries.append(SearchEntry(saved.name, saved.query, count, problem))
        return tuple(entries)

    def saved_searches_changed(self) -> None:
        """A saved search was added or removed: the entries follow, new ones are counted."""
        if not self.query_text.strip():
            self.list_view.set_entries(self.entries_for(""))
        self.count_entries()

    def count_entries(self, again: bool = False) -> None:
        """Count the saved queries not counted yet (every one when ``again``: the index
        changed), in the background."""
        queries = {saved.query for saved in self.reader_app.config.saved_searches}
        self._uncounted |= queries if again else queries - self.entry_counts.keys()
        self._uncounted &= queries
        if self._uncounted:
            self._count_entries(sorted(self._uncounted))

    @work(thread=True, exclusive=True, group="entries", exit_on_error=False, name="count searches")
    def _count_entries(self, queries: list[str]) -> None:
        """Count each of ``queries`` (a newer call cancels this one and counts what is left)."""
        worker = get_current_worker()
        library = self.reader_app.library
        for query in queries:
            if worker.is_cancelled:
                return
            result = library.search(query, limit=1, should_stop=lambda: worker.is_cancelled)
            if worker.is_cancelled or CANCELLED in result.errors:
                return
            problem = "; ".join(result.errors) if result.errors else None
            self.post_message(EntryCounted(query, None if problem else result.total, problem))

    @on(EntryCounted)
    def _entry_counted(self, event: EntryCounted) -> None:
        """Show a count as it comes in."""
        self._uncounted.discard(event.query)
        self.entry_counts[event.query] = (event.total, event.problem)
        if not self.query_text.strip():
            self.list_view.set_entries(self.entries_for(""))

    @on(ArticleList.EntryHighlighted)
    def _entry_highlighted(self) -> None:
        """The cursor is on an entry: nothing to read ahead."""
        if self._rest is not None:
            self._rest.stop()
            self._rest = None

    @on(ArticleList.EntryChosen)
    def _entry_chosen(self, event: ArticleList.EntryChosen) -> None:
        """Enter on an entry: its query goes in the search box, the list shows its results."""
        self.entry_query = event.entry.query
        self.search_bar.set_value(event.entry.query)
        self.set_focus(self.list_view)

    def reload_saved_searches(self) -> None:
        """Take in saved searches written to the config file meanwhile (by hand or by another
        copy of the reader)."""
        if self.reader_app.reload_saved_searches():
            self.saved_searches_changed()

    def back_to_all(self) -> bool:
        """Escape in the list: clear the search, back to every article and the entries
        (False when there was no search to leave)."""
        if not self.search_bar.value.strip():
            return False
        self.search_bar.set_value("")
        return True
