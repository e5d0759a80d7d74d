"""``Library``: the one object the reader and the command line hold on an index folder."""

from __future__ import annotations

import os
import threading
from array import array
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any, Literal, overload

from diplomareader.model import Article, ArticleSummary, InputError, RelatedQuote, SearchResult
from diplomareader.search import residency, storage
from diplomareader.search.documents import Columns
from diplomareader.search.engine import Engine, load_dates
from diplomareader.search.indexer import (
    COMMIT_SECONDS,
    IngestProgress,
    IngestReport,
    run_ingest,
)
from diplomareader.search.mirror import Mirrors
from diplomareader.search.related import find_related, prepare
from diplomareader.search.scanning import walk
from diplomareader.search.searching import run_search
from diplomareader.search.state import load_manifest
from diplomareader.search.workers import Parser, file_hash

SortOrder = Literal["date", "title"]


class View:
    """One commit of an index: its searcher, byte columns and search engine."""

    def __init__(
        self, searcher: Any, *, dated: bool = True, mirrors_in: Path | None = None
    ) -> None:
        self.searcher = searcher
        self.reader = searcher.reader()
        self.columns = Columns(self.reader)
        dates = (
            load_dates(self.reader) if dated else array("I", bytes(4 * self.reader.doc_count_all()))
        )
        self.engine = Engine(self.reader, dates)
        self.orders: dict[str, list[int]] = {}
        self.mirrors = Mirrors(mirrors_in, self.engine.leaves) if mirrors_in else None
        """The postings mirrors of the segments (``search.mirror``), for the quote index."""

    def order(self, sort: SortOrder) -> Sequence[int]:
        """Document numbers of all live articles in list order."""
        if sort == "date":
            return self.engine.date_order()
        found = self.orders.get(sort)
        if found is None:
            titles = self.columns("tsort")
            dates = self.engine.dates
            found = sorted(self.engine.live(), key=lambda d: (titles[d], -dates[d]))
            self.orders[sort] = found
        return found


class ArticleList(Sequence[ArticleSummary]):
    """Summaries of all articles in a fixed order, loaded row by row on demand."""

    def __init__(self, columns: Columns, order: Sequence[int], lock: threading.RLock) -> None:
        self._columns = columns
        self._order = order
        self._lock = lock
        self._cache: dict[int, ArticleSummary] = {}

    def __len__(self) -> int:
        """Number of articles."""
        return len(self._order)

    @overload
    def __getitem__(self, index: int) -> ArticleSummary: ...

    @overload
    def __getitem__(self, index: slice) -> list[ArticleSummary]: ...

    def __getitem__(self, index: int | slice) -> ArticleSummary | list[ArticleSummary]:
        """The summary at ``index`` (or a list for a slice)."""
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self._order)))]
        docnum = self._order[index]
        row = self._cache.get(docnum)
        if row is None:
            with self._lock:
                row = self._columns.summary(docnum)
            if len(self._cache) > 5000:
                self._cache.clear()
            self._cache[docnum] = row
        return row

    def __iter__(self) -> Iterator[ArticleSummary]:
        """Every summary in order (loads them all; prefer indexing for large lists)."""
        for i in range(len(self._order)):
            yield self[i]


class Library:
    """An index folder of articles: ingest, list, search, open and relate.

    Thread-safe: every method takes one internal lock, and a search that is told to stop
    (``should_stop``) gives the lock up quickly.
    """

    def __init__(self, index_dir: str | Path) -> None:
        """Open the index in ``index_dir``, creating it when the folder is missing or empty.

        Raises InputError (one line) when the folder cannot be created or read, holds other
        files, or was made by another version (run ``ingest`` to rebuild it then).
        """
        self.path = Path(index_dir)
        self._lock = threading.RLock()
        self._aix, self._qix = storage.open_indexes(
            self.path, create_missing=True, rebuild_old=False
        )
        self._view = View(self._aix.searcher())
        self._quotes_view: View | None = None
        self._closed = False

    # -- life cycle --------------------------------------------------------------------

    def close(self) -> None:
        """Release the index files."""
        with self._lock:
            if self._closed:
                return
            self._closed = True
            self._view.searcher.close()
            if self._quotes_view is not None:
                self._quotes_view.searcher.close()

    def __enter__(self) -> Library:
        """Use as a context manager."""
        return self

    def __exit__(self, *exc: object) -> None:
        """Close on leaving the block."""
        self.close()

    def refresh(self) -> bool:
        """See articles committed by other processes since opening; True when anything changed."""
        with self._lock:
            self._check_open()
            fresh = _refreshed(self._aix, self._view.searcher)
            changed = fresh is not self._view.searcher
            if changed:
                self._view = View(fresh)
            if self._quotes_view is not None:
                searcher = _refreshed(self._qix, self._quotes_view.searcher)
                if searcher is not self._quotes_view.searcher:
                    self._quotes_view = View(searcher, dated=False, mirrors_in=self.path)
            return changed

    def _check_open(self) -> None:
        """Refuse use after close."""
        if self._closed:
            raise InputError(f"the index in {self.path} is closed")

    def _trim(self) -> None:
        """Hand back mapped index pages once they pass the budget (see ``residency``)."""
        readers = [self._view.reader]
        if self._quotes_view is not None:
            readers.append(self._quotes_view.reader)
        residency.trim(readers)

    def _quotes(self) -> View:
        """The quote index (opened on first use)."""
        if self._quotes_view is None:
            self._quotes_view = View(self._qix.searcher(), dated=False, mirrors_in=self.path)
        return self._quotes_view

    # -- ingest ------------------------------------------------------------------------

    def ingest(
        self,
        paths: Sequence[str],
        *,
        progress: Callable[[IngestProgress], None] | None = None,
        workers: int | None = None,
        parser: Parser | None = None,
        commit_seconds: float | None = None,
    ) -> IngestReport:
        """Add or update the articles of ``paths`` (files or folders, recursively).

        Only new or changed files are processed (by size and time, then content hash);
        articles of files deleted under the given folders are removed. A file that cannot
        be read becomes one line in ``report.errors``; the run goes on. ``parser`` replaces
        the pipeline (tests, benchmarks); ``commit_seconds`` is the longest time between
        two commits (default 60 s). Raises InputError when the index cannot be
        written (read-only folder, disk full: the index keeps its last complete state).
        """
        self._check_open()
        if storage.folder_state(self.path) == "old":
            storage.create(self.path)
            self._aix, self._qix = storage.open_indexes(
                self.path, create_missing=True, rebuild_old=False
            )
        report = run_ingest(
            self.path,
            self._aix,
            self._qix,
            paths,
            progress=progress,
            workers=workers,
            parser=parser,
            commit_seconds=COMMIT_SECONDS if commit_seconds is None else commit_seconds,
        )
        self.refresh()
        return report

    def needs_update(self, corpus_dir: str | Path) -> bool:
        """Whether files under ``corpus_dir`` were added, changed or removed since ingest,
        or the quote index lacks postings mirrors (made by an older version, or an ingest
        was killed before writing them): an ingest writes them."""
        manifest = load_manifest(self.path)
        with self._lock:
            self._check_open()
            mirrors = self._quotes().mirrors
            if mirrors is not None and mirrors.lacking and os.path.isdir(corpus_dir):
                return True
            if manifest is None or manifest.generations != storage.generations(
                self._aix, self._qix
            ):
                from diplomareader.search.manifest_repair import files_from_index

                files = files_from_index(self._aix)
                failed = manifest.failed if manifest else {}
            else:
                files, failed = manifest.files, manifest.failed
        folder = os.path.realpath(corpus_dir)
        if not os.path.isdir(folder):
            return False
        seen: set[str] = set()
        for found in walk([str(corpus_dir)]):
            if found.error:
                continue
            seen.add(found.aid)
            record = files.get(found.aid)
            stat = (found.size, found.mtime_ns)
            if record and (record.size, record.mtime_ns) == stat:
                continue
            bad = failed.get(found.real)
            if bad and (bad.size, bad.mtime_ns) == stat:
                continue
            if record and record.size == found.size and _same_hash(found.path, record.hash):
                continue
            return True
        prefix = folder.rstrip(os.sep) + os.sep
        return any(r.real.startswith(prefix) and aid not in seen for aid, r in files.items())

    # -- reading -----------------------------------------------------------------------

    def count(self) -> int:
        """Number of articles in the index."""
        with self._lock:
            self._check_open()
            return int(self._view.searcher.doc_count())

    def list_articles(self, *, sort: SortOrder = "date") -> Sequence[ArticleSummary]:
        """Every article, newest first (undated last) or by title; rows load on demand."""
        with self._lock:
            self._check_open()
            view = self._view
            return ArticleList(view.columns, view.order(sort), self._lock)

    def article(self, article_id: str) -> Article:
        """The full article (body, quotes, entities); raises KeyError when not indexed."""
        with self._lock:
            self._check_open()
            docnum = self._view.searcher.document_number(aid=article_id)
            if docnum is None:
                raise KeyError(article_id)
            found = self._view.columns.article(docnum)
            self._trim()
            return found

    def search(
        self,
        query: str,
        *,
        sort: Literal["relevance", "date"] = "relevance",
        limit: int = 200,
        as_you_type: bool = False,
        should_stop: Callable[[], bool] | None = None,
    ) -> SearchResult:
        """Articles matching ``query`` (see the package docstring for the syntax).

        Never raises on a malformed query: ``errors`` says what was not understood and
        ``understood`` shows the query as read. With ``as_you_type`` the last word is a
        prefix once it is selective. When ``should_stop`` returns True the search gives up
        and returns a result whose ``errors`` is ``(CANCELLED,)``.
        """
        with self._lock:
            self._check_open()
            result = run_search(
                self._view,
                self._lock,
                query,
                sort=sort,
                limit=limit,
                as_you_type=as_you_type,
                should_stop=should_stop,
            )
            self._trim()
            return result

    def prepare_related(self) -> None:
        """Open the quote index and read what every related-quotes call needs (the term
        statistics of its words and names, their length norms): a few hundred
        milliseconds at 100,000 articles, better spent before the first article opens."""
        with self._lock:
            self._check_open()
            prepare(self._quotes().engine)

    def related_quotes(self, article_id: str, *, limit: int = 20) -> list[RelatedQuote]:
        """Quotes in other articles related to this one: same speakers first, then shared
        entities and words; each with its article. Empty when the article is unknown."""
        with self._lock:
            self._check_open()
            docnum = self._view.searcher.document_number(aid=article_id)
            if docnum is None:
                return []
            article = self._view.columns.article(docnum)
            found = find_related(self._quotes(), article, limit=limit)
            self._trim()
            return found


def _refreshed(ix: Any, searcher: Any) -> Any:
    """A searcher on the latest commit of ``ix`` (the same one when nothing changed)."""
    if ix.latest_generation() == searcher.reader().generation():
        return searcher
    # Not ``searcher.refresh()``: Whoosh 2.7's reader reuse keeps segments that a merge
    # replaced (articles appear twice) and cannot reuse the readers of an empty index.
    return ix.searcher()


def _same_hash(path: str, digest: str) -> bool:
    """Whether the file's content hash is ``digest``."""
    try:
        return file_hash(path) == digest
    except OSError:
        return False


__all__ = ["ArticleList", "IngestProgress", "IngestReport", "Library"]
