"""Baselines of the search benchmark, measured in the same run on the same articles:

- raw Whoosh indexing: plain ``add_document`` of the same documents into the same schema,
  one writer, one commit;
- naive Whoosh keystrokes: ``QueryParser`` over the body with a trailing ``*``;
- SQLite FTS5 keystrokes: the typed words as a prefix query, ranked, top 200.
"""

from __future__ import annotations

import re
import sqlite3
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from whoosh import collectors
from whoosh.qparser import QueryParser

from diplomareader.search import storage
from diplomareader.search.documents import Columns, article_fields, quote_documents

_WORD = re.compile(r"\w+", re.UNICODE)


def stored_articles(index: Path, chunk: int = 500) -> Iterator[list[Any]]:
    """The articles of an index, rebuilt from their stored form, ``chunk`` at a time."""
    aix, _ = storage.open_indexes(index, create_missing=False, rebuild_old=False)
    with aix.searcher() as searcher:
        columns = Columns(searcher.reader())
        batch = []
        for docnum in searcher.reader().all_doc_ids():
            batch.append(columns.article(docnum))
            if len(batch) >= chunk:
                yield batch
                batch = []
        if batch:
            yield batch


def raw_whoosh(source_index: Path, target: Path, limit: int | None = None) -> dict[str, float]:
    """Index the same documents with a plain writer; only add_document and commit are timed.

    ``limit`` stops after that many articles (a shorter run on a busy machine; the rate per
    article of a smaller index is, if anything, higher)."""
    storage.create(target)
    aix, qix = storage.open_indexes(target, create_missing=False, rebuild_old=False)
    aw, qw = aix.writer(), qix.writer()
    wall = cpu = 0.0
    count = 0
    for batch in stored_articles(source_index):
        if limit is not None and count >= limit:
            break
        docs = [(article_fields(a), quote_documents(a)) for a in batch]
        w0, c0 = time.perf_counter(), time.process_time()
        for article_doc, quote_docs in docs:
            aw.add_document(**article_doc)
            for quote_doc in quote_docs:
                qw.add_document(**quote_doc)
        wall += time.perf_counter() - w0
        cpu += time.process_time() - c0
        count += len(docs)
    w0, c0 = time.perf_counter(), time.process_time()
    qw.commit()
    aw.commit()
    wall += time.perf_counter() - w0
    cpu += time.process_time() - c0
    return {"articles": count, "wall_s": wall, "cpu_s": cpu}


def build_fts5(source_index: Path, db_path: Path) -> float:
    """An FTS5 table (porter, unicode61) of the same titles and bodies; returns seconds."""
    started = time.perf_counter()
    db_path.unlink(missing_ok=True)
    con = sqlite3.connect(db_path)
    con.execute("CREATE VIRTUAL TABLE fts USING fts5(title, body, tokenize='porter unicode61')")
    for batch in stored_articles(source_index):
        con.executemany(
            "INSERT INTO fts(title, body) VALUES (?, ?)", [(a.title, a.body) for a in batch]
        )
    con.commit()
    con.execute("INSERT INTO fts(fts) VALUES ('optimize')")
    con.commit()
    con.close()
    return time.perf_counter() - started


def fts5_query(state: str) -> str | None:
    """The FTS5 MATCH expression for a keystroke state: every word, the last as a prefix."""
    words = _WORD.findall(state.lower())
    if not words:
        return None
    terms = [f'"{w}"' for w in words]
    if state and not state[-1].isspace():
        terms[-1] += "*"
    return " ".join(terms)


def fts5_runner(db_path: Path) -> Callable[[str], None]:
    """A function running one keystroke state against FTS5 (top 200 by rank, with titles)."""
    con = sqlite3.connect(db_path)

    def run(state: str) -> None:
        expr = fts5_query(state)
        if expr is None:
            return
        con.execute(
            "SELECT rowid, title FROM fts WHERE fts MATCH ? ORDER BY rank LIMIT 200", (expr,)
        ).fetchall()

    return run


def naive_runner(index: Path, timeout: float) -> tuple[Callable[[str], None], list[str]]:
    """A function running one keystroke state the naive way: QueryParser(body) + ``*``.

    Searches longer than ``timeout`` seconds are stopped (and listed) so that the benchmark
    ends; their time is then a lower bound.
    """
    aix, _ = storage.open_indexes(index, create_missing=False, rebuild_old=False)
    searcher = aix.searcher()
    parser = QueryParser("body", schema=aix.schema)
    summaries = Columns(searcher.reader())("summary")
    timed_out: list[str] = []

    def run(state: str) -> None:
        if not state.strip():
            return
        query = parser.parse(state + "*")
        collector = collectors.TimeLimitCollector(
            searcher.collector(limit=200), timelimit=timeout, use_alarm=False
        )
        try:
            searcher.search_with_collector(query, collector)
        except collectors.TimeLimit:
            timed_out.append(state)
            return
        results = collector.results()
        for rank in range(results.scored_length()):
            summaries[results.docnum(rank)]

    return run, timed_out


def time_each(run: Callable[[str], None], states: Sequence[str]) -> list[float]:
    """Milliseconds taken by ``run`` on each state."""
    times = []
    for state in states:
        started = time.perf_counter()
        run(state)
        times.append((time.perf_counter() - started) * 1000.0)
    return times
