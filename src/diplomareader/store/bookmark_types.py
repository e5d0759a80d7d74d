"""The Bookmark value and the helpers that make one from an article passage.

Re-exported by ``diplomareader.store.bookmarks`` (import from there).
"""

from __future__ import annotations

import datetime as dt
import functools
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from diplomareader.model import Article, InputError, paragraph_spans
from diplomareader.store.anchor import context, text_hash


def now_iso() -> str:
    """The current UTC time as ISO 8601 with milliseconds and a ``Z``."""
    return dt.datetime.now(dt.UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


@functools.lru_cache(maxsize=1 << 16)
def parse_time(value: str) -> dt.datetime:
    """An ISO time written by ``now_iso`` (or by hand) as an aware UTC datetime.

    Unreadable values sort first (the epoch), so they never win a merge.
    """
    try:
        parsed = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return dt.datetime.fromtimestamp(0, dt.UTC)
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.UTC)


def new_id() -> str:
    """A fresh bookmark id: 12 random hex digits (unique across processes in practice)."""
    return uuid.uuid4().hex[:12]


def normalize_tags(tags: Iterable[str] | str) -> tuple[str, ...]:
    """Tags as typed (``"#un, ukraine  Peace talks"`` or a list): no ``#``, no blanks, each once.

    Commas and whitespace separate tags in a string; case is kept, duplicates are found
    ignoring case.
    """
    if isinstance(tags, str):
        tags = tags.replace(",", " ").split()
    out: list[str] = []
    seen: set[str] = set()
    for raw in tags:
        tag = "-".join(str(raw).strip().lstrip("#").split())
        if tag and tag.casefold() not in seen:
            seen.add(tag.casefold())
            out.append(tag)
    return tuple(out)


@dataclass(frozen=True)
class Bookmark:
    """A bookmarked passage of an article with the user's note and tags."""

    id: str
    article_id: str
    article_path: str
    title: str
    text: str
    """The exact passage: ``body[start:end]`` of the body it was taken from."""
    start: int
    end: int
    prefix: str = ""
    """Up to CONTEXT_CHARS characters of the body before the passage."""
    suffix: str = ""
    """Up to CONTEXT_CHARS characters of the body after the passage."""
    article_hash: str = ""
    """``anchor.text_hash`` of the body the passage was taken from."""
    source: str | None = None
    date: str | None = None
    """The article's date, ``YYYY-MM-DD``."""
    author: str | None = None
    url: str | None = None
    speaker: str | None = None
    """Who said it, when the passage is a quote."""
    note: str = ""
    tags: tuple[str, ...] = ()
    created: str = field(default_factory=now_iso)
    """ISO 8601 UTC time of creation."""
    modified: str = field(default_factory=now_iso)
    """ISO 8601 UTC time of the last change (newest wins when two processes changed it)."""

    def edited(self, *, note: str | None = None, tags: Iterable[str] | None = None) -> Bookmark:
        """A copy with a new note and/or tags and a fresh ``modified`` time."""
        return replace(
            self,
            note=self.note if note is None else note,
            tags=self.tags if tags is None else normalize_tags(tags),
            modified=now_iso(),
        )

    def citation(self) -> str:
        """``Speaker, "Title", Source, Date, URL`` -- the parts that are known."""
        parts = [self.speaker] if self.speaker else []
        parts.append(f"\u201c{self.title}\u201d")
        parts += [p for p in (self.source, self.date, self.url) if p]
        return ", ".join(parts)

    def matches_passage(self, article_id: str, start: int, end: int) -> bool:
        """True when this bookmark is the passage ``start:end`` of that article."""
        return (self.article_id, self.start, self.end) == (article_id, start, end)


def make_bookmark(
    article: Article,
    start: int,
    end: int,
    *,
    speaker: str | None = None,
    note: str = "",
    tags: Iterable[str] | str = (),
) -> Bookmark:
    """A bookmark of ``article.body[start:end]`` (surrounding whitespace trimmed).

    Raises InputError when the span is empty or outside the body.
    """
    body = article.body
    if not 0 <= start < end <= len(body):
        raise InputError(f"cannot bookmark {start}:{end}: outside the article's text")
    while start < end and body[start].isspace():
        start += 1
    while end > start and body[end - 1].isspace():
        end -= 1
    if start == end:
        raise InputError("cannot bookmark an empty passage")
    prefix, suffix = context(body, start, end)
    stamp = now_iso()
    return Bookmark(
        id=new_id(),
        article_id=article.id,
        article_path=str(article.path),
        title=article.title,
        text=body[start:end],
        start=start,
        end=end,
        prefix=prefix,
        suffix=suffix,
        article_hash=text_hash(body),
        source=article.source,
        date=article.date.isoformat() if article.date else None,
        author=article.author,
        url=article.url,
        speaker=speaker,
        note=note,
        tags=normalize_tags(tags),
        created=stamp,
        modified=stamp,
    )


def paragraph_at(body: str, offset: int) -> tuple[int, int]:
    """``(start, end)`` of the paragraph containing ``offset`` (or the nearest one after it).

    Raises InputError for a body without text.
    """
    last: tuple[int, int] | None = None
    for start, end, _text in paragraph_spans(body):
        last = (start, end)
        if offset < end:
            return start, end
    if last is None:
        raise InputError("the article has no text to bookmark")
    return last


def make_paragraph_bookmark(
    article: Article, offset: int, *, note: str = "", tags: Iterable[str] | str = ()
) -> Bookmark:
    """A bookmark of the paragraph under ``offset`` (the ``b`` key), with the speaker of a quote
    that covers most of it."""
    start, end = paragraph_at(article.body, offset)
    speaker = None
    for quote in article.quotes:
        overlap = min(end, quote.end) - max(start, quote.start)
        if quote.speaker and overlap * 2 >= quote.end - quote.start:
            speaker = quote.speaker
            break
    return make_bookmark(article, start, end, speaker=speaker, note=note, tags=tags)


def default_path(path: str | Path | None) -> Path:
    """``path`` when given, else the bookmarks file of ``store.locations``."""
    if path is not None:
        return Path(path).expanduser()
    from diplomareader.store.locations import bookmarks_file

    return bookmarks_file()
