"""Main-screen actions on passages: which passage is meant, bookmarking it, the bookmarks screen.

The passage is the quote highlighted in the side panel when the panel has the focus;
otherwise the selection in the reading pane, or else the paragraph under its cursor.
Bookmarks are written through the bookmarks store (``diplomareader.store.bookmarks``).
"""

from __future__ import annotations

from dataclasses import dataclass

from textual import work
from textual.message import Message

from diplomareader.model import Article, InputError, Quote, RelatedQuote
from diplomareader.store.bookmarks import Bookmark, StoreError
from diplomareader.tui.screens.main_parts import MainParts
from diplomareader.tui.textlayout import truncate


@dataclass(frozen=True)
class Passage:
    """A passage of an article, with what a citation needs."""

    article_id: str
    title: str
    text: str
    start: int
    end: int
    source: str | None = None
    date: str | None = None
    url: str | None = None
    speaker: str | None = None
    article: Article | None = None
    """The whole article when it is at hand (the one open); None for a related quote."""


def passage_of(article: Article, start: int, end: int, speaker: str | None = None) -> Passage:
    """The passage ``start:end`` of ``article``."""
    return Passage(
        article.id,
        article.title,
        article.body[start:end],
        start,
        end,
        article.source,
        article.date.isoformat() if article.date else None,
        article.url,
        speaker,
        article,
    )


def passage_of_related(related: RelatedQuote) -> Passage:
    """The passage of a related quote (its article is not loaded)."""
    summary, quote = related.article, related.quote
    return Passage(
        summary.id,
        summary.title,
        quote.text,
        quote.start,
        quote.end,
        summary.source,
        summary.date.isoformat() if summary.date else None,
        None,
        quote.speaker,
    )


class BookmarkActions(MainParts):
    """Bookmarking from the main screen (mixed into it)."""

    def current_passage(self) -> Passage | None:
        """The passage the user means (see the module docstring)."""
        if self.focused is self.side:
            chosen = self.side.chosen()
            if isinstance(chosen, Quote) and self.article is not None:
                return passage_of(self.article, chosen.start, chosen.end, chosen.speaker)
            if isinstance(chosen, RelatedQuote):
                return passage_of_related(chosen)
        span = self.reader.passage()
        if span is None or self.article is None:
            return None
        return passage_of(self.article, *span, speaker=self._speaker_of(*span))

    def _speaker_of(self, start: int, end: int) -> str | None:
        """The speaker when the passage is (within) one quote."""
        if self.article is None:
            return None
        speakers = {q.speaker for q in self.article.quotes if q.start < end and q.end > start}
        return speakers.pop() if len(speakers) == 1 else None

    def action_bookmark(self) -> None:
        """``b``: bookmark the passage; on a bookmarked passage, edit its note and tags."""
        passage = self.current_passage()
        if passage is None:
            self.notify("Open an article first.", timeout=2)
            return
        if passage.article is None:
            self._bookmark_elsewhere(passage)
            return
        self._bookmark(passage.article, passage)

    @work(thread=True, group="bookmark", exit_on_error=False, name="bookmark related quote")
    def _bookmark_elsewhere(self, passage: Passage) -> None:
        """Load the article of a related quote, then bookmark the quote."""
        try:
            article = self.reader_app.library.article(passage.article_id)
        except KeyError:
            self.app.call_from_thread(self.notify, "That article is gone from the index.")
            return
        self.app.call_from_thread(self._bookmark, article, passage)

    def _bookmark(self, article: Article, passage: Passage) -> None:
        """Add the bookmark (or edit the existing one) and update the marks."""
        store = self.reader_app.bookmarks
        existing = store.find_passage(article.id, passage.start, passage.end)
        if existing is not None:
            self.edit_bookmark(existing)
            return
        try:
            bookmark = store.add_passage(
                article, passage.start, passage.end, speaker=passage.speaker
            )
        except StoreError as error:  # the file cannot be written; the store keeps the bookmark
            held = store.find_passage(article.id, passage.start, passage.end)
            if held is None:
                self.notify(str(error), title="Not bookmarked", severity="error")
                return
            self.reader.cancel_selection()
            self.bookmarks_changed()
            self.notify(
                f"{error}. It is kept and saved with your next change or when you quit.",
                title="Bookmark not saved yet",
                severity="warning",
                timeout=10,
            )
            return
        except InputError as error:
            self.notify(str(error), title="Not bookmarked", severity="error")
            return
        self.reader.cancel_selection()
        self.bookmarks_changed()
        words = len(bookmark.text.split())
        self.notify(
            f"{words} words of “{truncate(article.title, 40)}”. Press b again for a note and tags.",
            title="Bookmarked",
            timeout=4,
        )

    def edit_bookmark(self, bookmark: Bookmark) -> None:
        """Ask for a new note and tags of ``bookmark``."""
        from diplomareader.tui.screens.bookmarks_dialogs import EditBookmarkScreen

        def edited(result: tuple[str, str] | None) -> None:
            if result is None:
                return
            note, tags = result
            try:
                self.reader_app.bookmarks.update(bookmark.id, note=note, tags=tags)
            except (KeyError, StoreError) as error:
                self.notify(str(error), title="Not saved", severity="error")
                return
            self.notify("Note and tags saved.", timeout=2)

        self.app.push_screen(EditBookmarkScreen(bookmark), edited)

    def bookmarks_changed(self) -> None:
        """Redraw the bookmark markers of the list and the reading pane."""
        app = self.reader_app
        app.refresh_bookmark_ids()
        if self.article is not None:
            self.reader.set_bookmarks(app.bookmark_spans(self.article.id))
        self.list_view.refresh()

    def action_show_bookmarks(self) -> None:
        """``B``: the bookmarks screen; opening a bookmark opens its article at the passage."""
        from diplomareader.tui.screens.bookmarks import BookmarksScreen

        def opened(bookmark: Bookmark | None) -> None:
            self.bookmarks_changed()
            if bookmark is not None:
                self.open_bookmark(bookmark)

        self.app.push_screen(
            BookmarksScreen(self.reader_app.bookmarks, self.reader_app.library), opened
        )

    def open_bookmark(self, bookmark: Bookmark) -> None:
        """Open the bookmark's article at its passage (where the bookmarks screen found it)."""
        self.post_message(OpenPassage(bookmark.article_id, bookmark.start, bookmark.end))


@dataclass
class OpenPassage(Message):
    """Open an article at a passage (a bookmark chosen on the bookmarks screen)."""

    article_id: str
    start: int
    end: int
