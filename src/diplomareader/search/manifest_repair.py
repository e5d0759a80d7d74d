"""Rebuilding the manifest from the index and re-aligning the quote index with it.

Runs when ``files.json`` is missing, unreadable, or names other generations than the
indexes have: after an ingest was killed between its commits, or an old index.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from diplomareader.search.documents import Columns, quote_documents
from diplomareader.search.state import FileRecord, Manifest
from diplomareader.search.storage import generations


def files_from_index(aix: Any) -> dict[str, FileRecord]:
    """The indexed files as the article index records them (slow path of needs_update)."""
    files: dict[str, FileRecord] = {}
    with aix.reader() as reader:
        columns = Columns(reader)
        for docnum in reader.all_doc_ids():
            aid, real, size, mtime_ns, digest, _ = columns.file(docnum)
            files[aid] = FileRecord(real, size, mtime_ns, digest)
    return files


def repair(aix: Any, qix: Any, old: Manifest | None) -> Manifest:
    """A manifest true to the article index; the quote index is fixed to match it."""
    files: dict[str, FileRecord] = {}
    expected: dict[str, int] = {}
    with aix.reader() as reader:
        columns = Columns(reader)
        for docnum in reader.all_doc_ids():
            aid, real, size, mtime_ns, digest, quotes = columns.file(docnum)
            files[aid] = FileRecord(real, size, mtime_ns, digest)
            expected[aid] = quotes
    present: Counter[str] = Counter()
    with qix.reader() as reader:
        if reader.doc_count():
            column = reader.column_reader("acol")
            for docnum in reader.all_doc_ids():
                present[column[docnum].decode()] += 1
    orphans = [aid for aid in present if aid not in expected]
    stale = [aid for aid, n in expected.items() if present.get(aid, 0) != n]
    if orphans or stale:
        writer = qix.writer(timeout=30.0)
        try:
            for aid in orphans + stale:
                writer.delete_by_term("aid", aid)
            if stale:
                with aix.searcher() as searcher:
                    columns = Columns(searcher.reader())
                    for aid in stale:
                        docnum = searcher.document_number(aid=aid)
                        if docnum is None:
                            continue
                        article = columns.article(docnum)
                        for doc in quote_documents(article):
                            writer.add_document(**doc)
            writer.commit()
        except BaseException:
            writer.cancel()
            raise
    failed = old.failed if old is not None else {}
    return Manifest(generations=generations(aix, qix), files=files, failed=dict(failed))
