"""The two Whoosh schemas of an index directory: one document per article, one per quote.

Articles and quotes live in two Whoosh indexes (``articles`` and ``quotes``) in the same
folder. The article index is the source of truth; the quote index is derived from the
articles' stored data and is reconciled with it after an interrupted ingest.
"""

from __future__ import annotations

from typing import Final

from whoosh import columns, fields
from whoosh.analysis import LowercaseFilter, RegexTokenizer, StemFilter, StopFilter
from whoosh.analysis.filters import STOP_WORDS

from diplomareader.search.cjk import CJKBigramFilter

SCHEMA_VERSION: Final = 1
"""Bumped whenever the fields change; an index of another version is rebuilt."""

ARTICLES: Final = "articles"
"""Whoosh index name of the article documents."""
QUOTES: Final = "quotes"
"""Whoosh index name of the quote documents."""

STOPLIST: Final = frozenset(STOP_WORDS - {"us", "may", "will", "can"})
"""Whoosh's English stop words, keeping ``US``, ``May`` and the like that matter here."""

WORD_PATTERN: Final = r"\w+(?:[.'’]?\w+)*"
"""What a word is, for indexing and for marking snippets (``U.S``, ``don't``, ``Qasym``)."""


def stemming_analyzer() -> object:
    """The analyzer of titles, bodies and quotes: words (Chinese/Japanese as bigrams),
    lowercase, stop words, Porter stems."""
    return (
        RegexTokenizer(WORD_PATTERN)
        | CJKBigramFilter()
        | LowercaseFilter()
        | StopFilter(stoplist=STOPLIST, minsize=1)
        | StemFilter(cachesize=-1)
    )


def plain_analyzer() -> object:
    """Lowercased words (Chinese/Japanese as bigrams) without stemming: sources, authors,
    and name keys."""
    return RegexTokenizer(WORD_PATTERN) | CJKBigramFilter() | LowercaseFilter()


def _bytes_column() -> fields.COLUMN:
    """A column of one byte string per document."""
    return fields.COLUMN(columns.VarBytesColumn())


def article_schema() -> fields.Schema:
    """One document per article: searchable fields, sort columns and the stored article."""
    stem = stemming_analyzer()
    plain = plain_analyzer()
    return fields.Schema(
        aid=fields.ID(unique=True),
        title=fields.TEXT(analyzer=stem, phrase=True, field_boost=2.0),
        body=fields.TEXT(analyzer=stem, phrase=True),
        source=fields.TEXT(analyzer=plain, phrase=True),
        author=fields.TEXT(analyzer=plain, phrase=True),
        speakers=fields.TEXT(analyzer=plain, phrase=True),
        entities=fields.TEXT(analyzer=plain, phrase=True),
        date=fields.NUMERIC(int, bits=32),  # signed: Whoosh ranges fail on unsigned
        # Sort columns: days since 0001-01-01 plus one (0 = no date) and a title key.
        dsort=fields.COLUMN(columns.NumericColumn("I", default=0)),
        tsort=fields.COLUMN(columns.VarBytesColumn()),
        # Byte columns (read one document at a time, unlike Whoosh's stored fields, which
        # decompress a whole block per read): the list row (JSON), the body (zlib), names
        # for marking (JSON), the rest of the article (zlib JSON) and, for repairs,
        # (resolved path, size, mtime_ns, content hash, number of quotes) as JSON.
        summary=_bytes_column(),
        snip=_bytes_column(),
        names=_bytes_column(),
        blob=_bytes_column(),
        file=_bytes_column(),
    )


def quote_schema() -> fields.Schema:
    """One document per quote, for related quotes: words, speaker keys, entity keys."""
    stem = stemming_analyzer()
    plain = plain_analyzer()
    return fields.Schema(
        qid=fields.ID(unique=True),
        aid=fields.ID(),
        text=fields.TEXT(analyzer=stem),
        speaker=fields.TEXT(analyzer=plain, phrase=True),
        entities=fields.TEXT(analyzer=plain),
        acol=_bytes_column(),
        data=_bytes_column(),
    )
