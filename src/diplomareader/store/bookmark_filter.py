"""Filtering bookmarks as the user types: ``#tag``, ``article:ID``, ``speaker:NAME`` and words.

Every part of the query must match (AND). ``#un`` matches tags beginning with ``un`` (ignoring
case), ``article:ID`` an article id beginning with ID, ``speaker:lav`` a speaker containing
``lav``; ``orphan:`` / ``is:orphan`` keeps the bookmarks listed as orphaned; other words (or
``"quoted phrases"``) must occur in the passage, note, title, source, speaker, date or tags.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from diplomareader.store.bookmark_types import Bookmark

_TOKEN = re.compile(r'"([^"]*)"?|(\S+)')


@dataclass(frozen=True)
class BookmarkFilter:
    """A parsed filter query."""

    tags: tuple[str, ...] = ()
    articles: tuple[str, ...] = ()
    speakers: tuple[str, ...] = ()
    words: tuple[str, ...] = ()
    orphans_only: bool = False
    ids: tuple[str, ...] = field(default=())

    @property
    def empty(self) -> bool:
        """True when the filter keeps everything."""
        return (
            not (self.tags or self.articles or self.speakers or self.words or self.orphans_only)
            and not self.ids
        )


def parse_filter(query: str) -> BookmarkFilter:
    """Split a typed query into its parts (never fails; unknown prefixes are plain words)."""
    tags: list[str] = []
    articles: list[str] = []
    speakers: list[str] = []
    words: list[str] = []
    ids: list[str] = []
    orphans = False
    for match in _TOKEN.finditer(query):
        phrase, token = match.group(1), match.group(2)
        if phrase is not None:
            if phrase.strip():
                words.append(phrase.casefold())
            continue
        low = token.casefold()
        if low.startswith("#") and len(low) > 1:
            tags.append(low[1:])
        elif low.startswith(("article:", "a:")) and not low.endswith(":"):
            articles.append(low.split(":", 1)[1])
        elif low.startswith("speaker:") and low != "speaker:":
            speakers.append(low.split(":", 1)[1])
        elif low.startswith("id:") and low != "id:":
            ids.append(low[3:])
        elif low in ("is:orphan", "is:orphaned", "orphan:", "orphaned:"):
            orphans = True
        elif low != "#":
            words.append(low)
    return BookmarkFilter(
        tuple(tags), tuple(articles), tuple(speakers), tuple(words), orphans, tuple(ids)
    )


def haystack(bookmark: Bookmark) -> str:
    """The casefolded text a plain word is searched in."""
    parts = [
        bookmark.text,
        bookmark.note,
        bookmark.title,
        bookmark.source or "",
        bookmark.speaker or "",
        bookmark.date or "",
        " ".join(bookmark.tags),
    ]
    return "\n".join(parts).casefold()


def matches(
    bookmark: Bookmark, query: BookmarkFilter, is_orphan: Callable[[Bookmark], bool] | None = None
) -> bool:
    """True when ``bookmark`` satisfies every part of ``query``."""
    folded_tags = [t.casefold() for t in bookmark.tags]
    if any(not any(t.startswith(want) for t in folded_tags) for want in query.tags):
        return False
    if any(not bookmark.article_id.casefold().startswith(a) for a in query.articles):
        return False
    if any(s not in (bookmark.speaker or "").casefold() for s in query.speakers):
        return False
    if any(not bookmark.id.startswith(i) for i in query.ids):
        return False
    if query.orphans_only and not (is_orphan is not None and is_orphan(bookmark)):
        return False
    if query.words:
        text = haystack(bookmark)
        return all(word in text for word in query.words)
    return True


def filter_bookmarks(
    bookmarks: Iterable[Bookmark],
    query: str | BookmarkFilter,
    is_orphan: Callable[[Bookmark], bool] | None = None,
) -> list[Bookmark]:
    """The bookmarks matching ``query`` (a typed string or a parsed filter), order kept."""
    parsed = parse_filter(query) if isinstance(query, str) else query
    if parsed.empty:
        return list(bookmarks)
    return [b for b in bookmarks if matches(b, parsed, is_orphan)]
