"""Messages that carry the results of the screen's background work back to it.

Workers post these instead of calling into the interface and waiting (``call_from_thread``),
so a worker goes on with its next step (related quotes after the article) while the screen
draws the first result.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

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


@dataclass
class RelatedReady(Message):
    """Related quotes of an article."""

    article_id: str
    related: Sequence[RelatedQuote]
