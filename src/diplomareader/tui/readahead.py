"""Articles and their related quotes, fetched before they are opened and kept for a while.

Finding an article's related quotes is the slow part of opening it (tens of milliseconds at
100,000 articles, more the first time a word's postings are read). When the cursor rests on a
row of the list, the screen fetches that article and its related quotes in the background;
Enter then finds both here and the reader draws the article with its whole side panel in one
frame. The last few articles opened are kept too, so that going back is as quick.

A fetch is shared: the open of an article whose read-ahead is still running waits for it
instead of asking the index a second time. The store is used from worker threads; a lock
guards it. It holds what the index said when asked: ``clear`` empties it when the index is
reopened.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict, deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from diplomareader.model import Article, RelatedQuote

KEEP = 16
"""Articles kept (read ahead or opened), the least recently used dropped first."""
QUICK = 0.04
"""Seconds: while the last related-quote searches took no longer, an open looks an article's
related quotes up before its first frame (one frame with the whole side panel) instead of
after it (a frame sooner, the related quotes a frame later)."""
RECENT = 5
"""How many of the last related-quote searches ``quick`` looks at."""


@dataclass
class Fetch:
    """One article and its related quotes, complete once ``done`` is set."""

    article_id: str
    done: threading.Event = field(default_factory=threading.Event)
    article: Article | None = None
    related: Sequence[RelatedQuote] | None = None

    def ready(self, timeout: float = 0.0) -> bool:
        """Whether both the article and its related quotes are here (waiting ``timeout``
        seconds at most for a fetch still running); False when the fetch failed."""
        if not self.done.wait(timeout):
            return False
        return self.article is not None and self.related is not None


class ReadAhead:
    """A small store of fetched articles with their related quotes (see the module)."""

    def __init__(self, keep: int = KEEP) -> None:
        """An empty store holding ``keep`` articles at most."""
        self._keep = keep
        self._lock = threading.Lock()
        self._fetches: OrderedDict[str, Fetch] = OrderedDict()
        self._took: deque[float] = deque(maxlen=RECENT)

    def timed(
        self, related: Callable[[str], Sequence[RelatedQuote]], article_id: str
    ) -> Sequence[RelatedQuote]:
        """``related(article_id)``, remembering how long it took."""
        started = time.monotonic()
        found = related(article_id)
        self._took.append(time.monotonic() - started)
        return found

    def quick(self) -> bool:
        """Whether the last related-quote searches took ``QUICK`` seconds at most (no
        before the first one: the read-ahead of the first row soon makes one)."""
        return bool(self._took) and max(self._took) <= QUICK

    def get(self, article_id: str) -> Fetch | None:
        """The fetch of ``article_id`` (complete or running), if any."""
        with self._lock:
            fetch = self._fetches.get(article_id)
            if fetch is not None:
                self._fetches.move_to_end(article_id)
            return fetch

    def claim(self, article_id: str) -> Fetch | None:
        """A new fetch of ``article_id`` for the caller to fill in and ``finish``; None when
        the store already has one (complete or running)."""
        with self._lock:
            if article_id in self._fetches:
                return None
            fetch = self._fetches[article_id] = Fetch(article_id)
            while len(self._fetches) > self._keep:
                self._fetches.popitem(last=False)
            return fetch

    def finish(self, fetch: Fetch) -> None:
        """Mark ``fetch`` complete; one that did not get both parts is forgotten."""
        if fetch.article is None or fetch.related is None:
            with self._lock:
                if self._fetches.get(fetch.article_id) is fetch:
                    del self._fetches[fetch.article_id]
        fetch.done.set()

    def keep(self, article: Article, related: Sequence[RelatedQuote]) -> None:
        """Remember an article and its related quotes fetched elsewhere (an open)."""
        fetch = self.claim(article.id)
        if fetch is not None:
            fetch.article, fetch.related = article, related
            self.finish(fetch)

    def clear(self) -> None:
        """Forget everything (the index was reopened)."""
        with self._lock:
            self._fetches.clear()


def read_ahead(
    store: ReadAhead,
    article_id: str,
    article: Callable[[str], Article],
    related: Callable[[str], Sequence[RelatedQuote]],
    cancelled: Callable[[], bool],
) -> None:
    """Fetch ``article_id`` and its related quotes into ``store`` unless it has them.

    ``article`` and ``related`` ask the index; ``cancelled`` says the cursor moved on (checked
    between the two). A failure leaves nothing behind: the open asks again and reports it.
    """
    fetch = store.claim(article_id)
    if fetch is None:
        return
    try:
        fetch.article = article(article_id)
        if not cancelled():
            fetch.related = store.timed(related, article_id)
    except Exception:  # noqa: BLE001 - a read-ahead; the open itself reports any problem
        fetch.related = None
    finally:
        store.finish(fetch)
