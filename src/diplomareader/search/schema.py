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
        # Stored: the list row, the snippet text, names for marking, and the rest.
        summary=fields.STORED(),
        snip=fields.STORED(),
        names=fields.STORED(),
        blob=fields.STORED(),
        # (resolved path, size, mtime_ns, content hash, number of quotes): for repairs.
        file=fields.STORED(),
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
        acol=fields.COLUMN(columns.VarBytesColumn()),
        data=fields.STORED(),
    )
