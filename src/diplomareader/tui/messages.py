"""Messages that carry the results of the screen's background work back to it.

Workers post these instead of calling into the interface and waiting (``call_from_thread``),
so a worker goes on with its next step (related quotes after the article) while the screen
draws the first result. ``ArticleReady`` carries an event the screen sets once the article is
on screen: the worker waits for it before the related-quote search, which would otherwise
compete with the first paint for the interpreter.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass, field

from textual.message import Message

from diplomareader.model import Article, ArticleSummary, RelatedQuote, SearchResult
from diplomareader.store.state import Position


@dataclass
class RowsReady(Message):
    """The rows of a query (or of the whole index when ``query`` is empty)."""

    query: str
    rows: Sequence[ArticleSummary]
    total: int
    result: SearchResult | None
    keep: str | None
    """The article id the cursor should stay on, if it is among the rows."""


@dataclass
class ArticleReady(Message):
    """An article fetched from the index (None: it is gone)."""

    article_id: str
    article: Article | None
    position: Position | None
    reveal: tuple[int, int] | None
    focus: bool
    painted: threading.Event = field(default_factory=threading.Event)
    """Set by the screen after the frame that shows the article (or when it is not shown)."""
    related: Sequence[RelatedQuote] | None = None
    """Its related quotes when they are known already (read ahead): one frame shows all."""


@dataclass
class RelatedReady(Message):
    """Related quotes of an article."""

    article_id: str
    related: Sequence[RelatedQuote]
    problem: str | None = None
    """Why they could not be looked up (the panel says so instead of waiting forever)."""


@dataclass
class EntryCounted(Message):
    """How many articles a saved search's query matches (or why it could not be counted)."""

    query: str
    total: int | None
    problem: str | None = None
    """What in the query was not understood."""
