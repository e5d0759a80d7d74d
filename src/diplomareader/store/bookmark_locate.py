"""Re-anchoring bookmarks against the current corpus: which passages are still there, where,
and which are orphaned (their article changed beyond recognition or left the index).

The current body of an article comes from a ``BodyOf`` callable, so the same code serves the
TUI (the open ``Library``), the CLI (an index folder, or the article files themselves) and the
tests. Orphans are reported, never dropped.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace
from pathlib import Path
from typing import Any, Protocol

from diplomareader.model import InputError
from diplomareader.store.anchor import Anchored, Orphaned, context, reanchor, text_hash
from diplomareader.store.bookmark_types import Bookmark, now_iso

BodyOf = Callable[[Bookmark], str | None]
"""The current body of a bookmark's article, or None when the article is gone."""

GONE = "the article is no longer in the corpus"


def locate(bookmark: Bookmark, body: str | None) -> Anchored | Orphaned:
    """Where the passage is in ``body`` now (None: the article is gone)."""
    if body is None:
        return Orphaned(GONE)
    return reanchor(bookmark, body)


def locate_all(bookmarks: Iterable[Bookmark], body_of: BodyOf) -> dict[str, Anchored | Orphaned]:
    """Re-anchor every bookmark; each article's body is fetched once."""
    bodies: dict[str, str | None] = {}
    found: dict[str, Anchored | Orphaned] = {}
    for bookmark in bookmarks:
        if bookmark.article_id not in bodies:
            try:
                bodies[bookmark.article_id] = body_of(bookmark)
            except (InputError, OSError, LookupError) as error:
                found[bookmark.id] = Orphaned(f"cannot read the article: {error}")
                continue
        found[bookmark.id] = locate(bookmark, bodies[bookmark.article_id])
    return found


def cached(body_of: BodyOf) -> BodyOf:
    """``body_of`` fetching each article's body once (errors are not cached)."""
    bodies: dict[str, str | None] = {}

    def fetch(bookmark: Bookmark) -> str | None:
        """The body, from the cache when it was fetched before."""
        if bookmark.article_id not in bodies:
            bodies[bookmark.article_id] = body_of(bookmark)
        return bodies[bookmark.article_id]

    return fetch


def relocated(
    bookmark: Bookmark, anchor: Anchored, body: str, article_id: str | None = None
) -> Bookmark:
    """The bookmark moved to where it was found: offsets, text, context and hash updated
    (and its article's id, when the article now has another: ``article_id``)."""
    prefix, suffix = context(body, anchor.start, anchor.end)
    return replace(
        bookmark,
        article_id=article_id or bookmark.article_id,
        start=anchor.start,
        end=anchor.end,
        text=body[anchor.start : anchor.end],
        prefix=prefix,
        suffix=suffix,
        article_hash=text_hash(body),
        modified=now_iso(),
    )


class ArticleSource(Protocol):
    """Anything with ``article(id)`` returning an Article (``diplomareader.search.Library``)."""

    def article(self, article_id: str) -> Any:
        """The current article with that id (None or KeyError when it is not there)."""


class LibraryBodies:
    """Bodies from an open ``diplomareader.search.Library`` (``library.article(id)``).

    Article ids come from the files' locations, so moving or renaming the corpus folder and
    ingesting it again gives every article a new id. A bookmark whose article id is no longer
    indexed is matched to the indexed article with the same file name and the same title
    (when exactly one has both), so that its passage is found there instead of orphaned.
    """

    def __init__(self, library: ArticleSource) -> None:
        """Bodies of ``library``'s articles (the file-name table is built on first need)."""
        self._library = library
        self._by_name: dict[tuple[str, str], str | None] | None = None

    def __call__(self, bookmark: Bookmark) -> str | None:
        """The indexed body of the bookmark's article, None when it is not in the index."""
        found = self._article(bookmark.article_id)
        if found is None:
            moved = self._moved(bookmark)
            found = self._article(moved) if moved is not None else None
        body = getattr(found, "body", None)
        return body if isinstance(body, str) else None

    def article_id(self, bookmark: Bookmark) -> str | None:
        """The id the bookmark's article has in the index now (None: not there)."""
        if self._article(bookmark.article_id) is not None:
            return bookmark.article_id
        return self._moved(bookmark)

    def _moved(self, bookmark: Bookmark) -> str | None:
        """The id of the one indexed article with the bookmark's file name and title."""
        if not bookmark.article_path:
            return None
        return self._names().get((_file_name(bookmark.article_path), bookmark.title))

    def _article(self, article_id: str) -> Any:
        try:
            return self._library.article(article_id)
        except (KeyError, LookupError):
            return None

    def _names(self) -> dict[tuple[str, str], str | None]:
        """(file name, title) -> the one indexed article with both (None when several)."""
        if self._by_name is None:
            listing = getattr(self._library, "list_articles", None)
            table: dict[tuple[str, str], str | None] = {}
            for summary in listing() if callable(listing) else ():
                key = (_file_name(summary.path), summary.title)
                table[key] = summary.id if key not in table else None
            self._by_name = table
        return self._by_name


def _file_name(path: str) -> str:
    """The last part of a path written on any system."""
    return path.replace("\\", "/").rsplit("/", 1)[-1]


def library_body_of(library: ArticleSource) -> LibraryBodies:
    """Bodies from an open ``diplomareader.search.Library`` (see ``LibraryBodies``)."""
    return LibraryBodies(library)


def file_body_of() -> BodyOf:
    """Bodies obtained by running the pipeline again on each article's file."""
    from diplomareader.pipeline import parse_file

    def body_of(bookmark: Bookmark) -> str | None:
        """The freshly cleaned body of the bookmark's file, None when the file is gone."""
        if not bookmark.article_path or not Path(bookmark.article_path).exists():
            return None
        return parse_file(bookmark.article_path).body

    return body_of
