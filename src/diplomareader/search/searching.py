"""Running a query: parse, compile, collect the top hits (cancellable), make snippets."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from typing import Any, Final

from whoosh import collectors

from diplomareader.model import ArticleSummary, Hit, SearchResult
from diplomareader.search.compile import Compiler
from diplomareader.search.documents import Columns
from diplomareader.search.querylang import parse_query
from diplomareader.search.snippets import Marker, make_snippet

CANCELLED: Final = "cancelled: a newer search replaced this one"
"""The only error of a search abandoned through ``should_stop``."""
EXACT_COUNT_LIMIT: Final = 20_000
"""Matches are counted exactly up to this many; beyond, the index's estimate is used."""
CHECK_EVERY: Final = 128
"""Documents between two ``should_stop`` checks."""


class Cancelled(Exception):
    """Raised inside a search when ``should_stop`` says so."""


class LazyHit(Hit):
    """A Hit whose snippet and marks are made when first read (most hits never are)."""

    def __init__(
        self,
        article: ArticleSummary,
        score: float,
        make: Callable[[], tuple[str, tuple[tuple[int, int], ...]]],
    ) -> None:
        object.__setattr__(self, "article", article)
        object.__setattr__(self, "score", score)
        object.__setattr__(self, "_make", make)

    def __getattribute__(self, name: str) -> Any:
        """Make the snippet on first access to ``snippet`` or ``marks``."""
        if name in ("snippet", "marks"):
            fields = object.__getattribute__(self, "__dict__")
            if "snippet" not in fields:
                snippet, marks = fields["_make"]()
                fields["snippet"], fields["marks"], fields["_make"] = snippet, marks, None
            return fields[name]
        return object.__getattribute__(self, name)


def snippet_maker(
    columns: Columns, lock: threading.RLock, docnum: int, marker: Marker
) -> Callable[[], tuple[str, tuple[tuple[int, int], ...]]]:
    """A function making the snippet of one hit (reads the index under ``lock``)."""

    def make() -> tuple[str, tuple[tuple[int, int], ...]]:
        with lock:
            body = columns.body(docnum)
            names = columns.names(docnum) if marker.keys else []
        return make_snippet(body, marker, names)

    return make


class StopCollector(collectors.WrappingCollector):  # type: ignore[misc]
    """Wraps a collector and raises Cancelled when ``should_stop`` returns True."""

    def __init__(self, child: Any, should_stop: Callable[[], bool]) -> None:
        super().__init__(child)
        self.should_stop = should_stop

    def matches(self) -> Iterator[int]:
        """The child's matches, checking for cancellation as they come."""
        for count, docnum in enumerate(self.child.matches(), 1):
            if count % CHECK_EVERY == 0 and self.should_stop():
                raise Cancelled
            yield docnum


def run_search(
    searcher: Any,
    columns: Columns,
    lock: threading.RLock,
    text: str,
    *,
    sort: str = "relevance",
    limit: int = 200,
    as_you_type: bool = False,
    should_stop: Callable[[], bool] | None = None,
) -> SearchResult:
    """The SearchResult of ``text`` on ``searcher`` (never raises on a malformed query).

    Hits are :class:`LazyHit`: their snippets are made when first read.
    """
    stop = should_stop or (lambda: False)
    parsed = parse_query(text)
    compiler = Compiler(searcher.reader(), as_you_type=as_you_type)
    compiled = compiler.compile(parsed)
    errors = tuple(compiled.errors)
    if compiled.query is None:
        return SearchResult(query=text, understood=compiled.understood, errors=errors)
    if stop():
        return _cancelled(text, compiled.understood)
    limit = max(1, limit)
    if sort == "date":
        inner = searcher.collector(limit=limit, sortedby="dsort", reverse=True)
    else:
        inner = searcher.collector(limit=limit)
    collector = StopCollector(inner, stop) if should_stop else inner
    try:
        searcher.search_with_collector(compiled.query, collector)
        results = collector.results()
        total = _total(searcher, compiled.query, results, limit, stop)
    except Cancelled:
        return _cancelled(text, compiled.understood)
    if stop():
        return _cancelled(text, compiled.understood)
    marker = Marker(compiled.marks)
    hits: list[Hit] = []
    for rank in range(results.scored_length()):
        if rank % 64 == 63 and stop():
            return _cancelled(text, compiled.understood)
        docnum = results.docnum(rank)
        hits.append(
            LazyHit(
                columns.summary(docnum),
                float(results.score(rank) or 0.0),
                snippet_maker(columns, lock, docnum, marker),
            )
        )
    return SearchResult(
        query=text,
        hits=tuple(hits),
        total=max(total, len(hits)),
        understood=compiled.understood,
        errors=errors,
    )


def _total(searcher: Any, query: Any, results: Any, limit: int, stop: Callable[[], bool]) -> int:
    """How many articles match: exact up to EXACT_COUNT_LIMIT, the index's estimate beyond."""
    if results.has_exact_length():
        return int(len(results))
    if results.scored_length() < limit:
        # The top-N heap never filled, so no document was skipped: all were collected.
        return int(results.scored_length())
    count = 0
    for count, _ in enumerate(searcher.docs_for_query(query), 1):
        if count % 1024 == 0 and stop():
            raise Cancelled
        if count >= EXACT_COUNT_LIMIT:
            return max(count, int(results.estimated_length()))
    return count


def _cancelled(text: str, understood: str) -> SearchResult:
    """The result of an abandoned search."""
    return SearchResult(query=text, understood=understood, errors=(CANCELLED,))
