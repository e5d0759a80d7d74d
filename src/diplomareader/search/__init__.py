"""Search: the Whoosh index of articles and quotes behind the reader (the only package that
imports whoosh). The reader and the command line use only :class:`Library`.

API
---
``Library(index_dir)``
    Opens the index folder, creating it when missing or empty. Raises
    ``diplomareader.model.InputError`` (one line) when it cannot be created or read, holds
    other files, or was made by another version (``ingest`` rebuilds it then).
``close()``, ``refresh() -> bool``
    Release the files; see what other processes committed since (True if anything changed).
``ingest(paths, *, progress=None, workers=None) -> IngestReport``
    Files or folders (recursively). Incremental: only new or changed files are processed
    (size and modification time, then content hash); articles of files deleted under the
    given folders are removed. ``progress`` receives :class:`IngestProgress` (phase, done,
    total, failed, rate, eta_s). Unreadable files become one line each in
    ``report.errors`` and never stop the run. The pipeline runs in ``workers`` processes
    (default: one per core) and one writer commits at least every minute, so a killed
    ingest loses at most that much and the next one repairs the index. Raises InputError
    when the index cannot be written (read-only folder, disk full: the index keeps its last
    complete state, partial files are removed) or another ingest holds it for 10 minutes.
``needs_update(corpus_dir) -> bool``
    Whether files under ``corpus_dir`` were added, changed or removed since the last ingest
    (sizes and times; the content hash settles a changed time).
``count() -> int``; ``list_articles(*, sort="date"|"title") -> Sequence[ArticleSummary]``
    All articles newest first (undated last) or by title; a lazy sequence whose rows load
    on demand.
``search(query, *, sort="relevance"|"date", limit=200, as_you_type=False, should_stop=None)``
    Returns ``SearchResult``; never raises on a malformed query: ``errors`` lists what was
    not understood and ``understood`` shows the query as read. ``as_you_type`` treats the
    last word as a prefix once it is selective (three letters; the most frequent
    completions only). When ``should_stop()`` returns True the search stops and returns a
    result whose ``errors == (CANCELLED,)``. ``total`` is exact. Each hit's ``snippet`` is
    the sentence that best matches, with ``marks`` = ranges of the query terms in it; it
    is made when first read (a list that shows titles only never pays for snippets).
    Relevance is Whoosh's BM25F; beyond 3,000 matches only the documents where each term
    is most frequent (twice ``limit`` per term) are scored.
``article(article_id) -> Article``
    The full stored article (body, quotes, entities, cleaning report); KeyError if unknown.
``prepare_related() -> None``
    Read ahead what related quotes need (call it in the background after start-up).
``related_quotes(article_id, *, limit=20) -> list[RelatedQuote]``
    Quotes in other articles: the article's speakers elsewhere (by folded name keys, so
    Tokayev = Toqayev), then quotes sharing its entities and distinctive words; ranked,
    each with its article and a ``reason``.

Query syntax
------------
Words must all match (stemmed: ``negotiations`` finds ``negotiate``); ``"exact phrase"``;
``a OR b`` (binds tighter than the implicit AND); ``NOT word`` or ``-word``; parentheses;
fields ``title:``, ``source:``, ``author:``, ``speaker:``, ``entity:`` (names fold
transliterations: ``speaker:toqayev`` = ``speaker:tokayev``), ``body:``; dates
``date:2022``, ``date:2022-09``, ``date:2022-09-01..2022-09-30``, ``date:>2022-06``,
``date:>-30d`` (also ``w``, ``m``, ``y``).

Speed: queries are evaluated by :mod:`diplomareader.search.engine`, which reads Whoosh's
postings a block at a time into arrays and answers with set operations, a precomputed date
order and BM25F on candidates, instead of Whoosh's document-at-a-time matchers.

The index folder holds two Whoosh indexes (``articles``, ``quotes``), ``files.json`` (the
manifest of indexed files) and ``ingest.lock``. Whoosh stores pickled data: never open an
index folder that came from someone else.
"""

from diplomareader.search.indexer import IngestProgress, IngestReport
from diplomareader.search.library import ArticleList, Library
from diplomareader.search.searching import CANCELLED

__all__ = ["CANCELLED", "ArticleList", "IngestProgress", "IngestReport", "Library"]
