"""Running a query: parse, compile, collect the top hits (cancellable), make snippets."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any, Final

from whoosh import collectors

from diplomareader.model import Hit, SearchResult
from diplomareader.search.compile import Compiler
from diplomareader.search.documents import summary_from_row, unpack_text
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
    text: str,
    *,
    sort: str = "relevance",
    limit: int = 200,
    as_you_type: bool = False,
    should_stop: Callable[[], bool] | None = None,
) -> SearchResult:
    """The SearchResult of ``text`` on ``searcher`` (never raises on a malformed query)."""
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
        total = _total(searcher, compiled.query, results, stop)
    except Cancelled:
        return _cancelled(text, compiled.understood)
    marker = Marker(compiled.marks)
    hits = []
    for rank in range(results.scored_length()):
        if rank % 16 == 15 and stop():
            return _cancelled(text, compiled.understood)
        docnum = results.docnum(rank)
        stored = searcher.stored_fields(docnum)
        snippet, marks = make_snippet(unpack_text(stored["snip"]), marker, stored.get("names", ()))
        hits.append(
            Hit(
                article=summary_from_row(stored["summary"]),
                score=float(results.score(rank) or 0.0),
                snippet=snippet,
                marks=marks,
            )
        )
    return SearchResult(
        query=text,
        hits=tuple(hits),
        total=max(total, len(hits)),
        understood=compiled.understood,
        errors=errors,
    )


def _total(searcher: Any, query: Any, results: Any, stop: Callable[[], bool]) -> int:
    """How many articles match: exact when cheap, else the index's (upper) estimate."""
    if results.has_exact_length():
        return len(results)
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
