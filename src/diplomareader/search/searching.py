"""Running a query: parse, compile, collect the top hits (cancellable), make snippets."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any, Final

from diplomareader.model import ArticleSummary, Hit, SearchResult
from diplomareader.search.compile import Compiler
from diplomareader.search.documents import Columns
from diplomareader.search.engine import Cancelled
from diplomareader.search.querylang import parse_query
from diplomareader.search.snippets import Marker, make_snippet

CANCELLED: Final = "cancelled: a newer search replaced this one"
"""The only error of a search abandoned through ``should_stop``."""


class LazyHit(Hit):
    """A Hit whose snippet and marks are made when first read (most hits never are)."""

    def __init__(
        self,
        article: ArticleSummary,
        score: float,
        source: tuple[Columns, threading.RLock, int, Marker],
    ) -> None:
        # One attribute at a time: the instance keeps no dictionary of its own until a
        # snippet is made (fewer objects for the garbage collector to follow).
        setattr_ = object.__setattr__
        setattr_(self, "article", article)
        setattr_(self, "score", score)
        setattr_(self, "_source", source)

    def __getattribute__(self, name: str) -> Any:
        """Make the snippet on first access to ``snippet`` or ``marks``."""
        if name in ("snippet", "marks"):
            fields = object.__getattribute__(self, "__dict__")
            if "snippet" not in fields:
                columns, lock, docnum, marker = fields["_source"]
                try:
                    with lock:
                        body = columns.body(docnum)
                        names = columns.names(docnum) if marker.keys else []
                except Exception:  # noqa: BLE001 - the library was closed: no snippet
                    body, names = "", []
                fields["snippet"], fields["marks"] = make_snippet(body, marker, names)
            return fields[name]
        return object.__getattribute__(self, name)


def run_search(
    view: Any,
    lock: threading.RLock,
    text: str,
    *,
    sort: str = "relevance",
    limit: int = 200,
    as_you_type: bool = False,
    should_stop: Callable[[], bool] | None = None,
) -> SearchResult:
    """The SearchResult of ``text`` on one index view (never raises on a malformed query).

    Hits are :class:`LazyHit`: their snippets are made when first read.
    """
    stop = should_stop or (lambda: False)
    parsed = parse_query(text)
    compiler = Compiler(view.engine.lexicon, as_you_type=as_you_type)
    compiled = compiler.compile(parsed)
    errors = tuple(compiled.errors)
    if compiled.query is None:
        return SearchResult(query=text, understood=compiled.understood, errors=errors)
    limit = max(1, limit)
    engine = view.engine
    try:
        matches = engine.docs(compiled.query, stop)
        if sort == "date":
            ranked = [(0.0, d) for d in engine.newest(matches, len(matches), limit)]
        else:
            ranked = engine.best(compiled.query, matches, limit, stop)
        if stop():
            raise Cancelled
    except Cancelled:
        return _cancelled(text, compiled.understood)
    marker = Marker(compiled.marks)
    columns = view.columns
    summary = columns.summary
    hits: list[Hit] = [
        LazyHit(summary(d), score, (columns, lock, d, marker)) for score, d in ranked
    ]
    return SearchResult(
        query=text,
        hits=tuple(hits),
        total=len(matches),
        understood=compiled.understood,
        errors=errors,
    )


def _cancelled(text: str, understood: str) -> SearchResult:
    """The result of an abandoned search."""
    return SearchResult(query=text, understood=understood, errors=(CANCELLED,))
