"""The two Whoosh schemas of an index directory: one document per article, one per quote.

Articles and quotes live in two Whoosh indexes (``articles`` and ``quotes``) in the same
folder. The article index is the source of truth; the quote index is derived from the
articles' stored data and is reconciled with it after an interrupted ingest.
"""

from __future__ import annotations

from typing import Any, Final

from whoosh import columns, fields, formats
from whoosh.analysis import LowercaseFilter, RegexTokenizer, StemFilter, StopFilter
from whoosh.analysis.filters import STOP_WORDS
from whoosh.system import pack_uint

from diplomareader.search.cjk import CJKBigramFilter

SCHEMA_VERSION: Final = 2
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


class Analyzed:
    """A field value already turned into postings (by an ingest worker process)."""

    __slots__ = ("items",)

    def __init__(self, items: list[tuple[bytes, int, float, bytes]]) -> None:
        self.items = items

    def __getstate__(self) -> list[tuple[bytes, int, float, bytes]]:
        """Pickled as its postings."""
        return self.items

    def __setstate__(self, items: list[tuple[bytes, int, float, bytes]]) -> None:
        """Unpickled from its postings."""
        self.items = items


class PreText(fields.TEXT):  # type: ignore[misc]
    """A TEXT field that also takes an :class:`Analyzed` value, so that the analysis runs
    in the worker processes and the single writer only files the postings."""

    def index(self, value: Any, **kwargs: Any) -> Any:
        """Postings of ``value``: given when analysed already, else made by the analyzer."""
        if isinstance(value, Analyzed):
            return iter(value.items)
        return super().index(value, **kwargs)


def analyze_body(text: str) -> tuple[Analyzed, Analyzed]:
    """The postings of a body for the ``body`` field (with positions) and the ``terms``
    field (frequencies only), from one pass of the analyzer: what Whoosh's own analysis
    would give, byte for byte."""
    poses: dict[str, list[int]] = {}
    analyzer = _worker_analyzer()
    for token in analyzer(text, positions=True, boosts=True, mode="index"):
        if not token.stopped:
            poses.setdefault(token.text, []).append(token.pos)
    positions = formats.Positions()
    body, terms = [], []
    for word, found in poses.items():
        key = word.encode("utf-8")
        count = len(found)
        body.append((key, count, float(count), positions.encode(found)))
        terms.append((key, count, float(count), pack_uint(count)))
    return Analyzed(body), Analyzed(terms)


_ANALYZER: list[Any] = []


def _worker_analyzer() -> Any:
    """One stemming analyzer per process (its stem cache warms up)."""
    if not _ANALYZER:
        _ANALYZER.append(stemming_analyzer())
    return _ANALYZER[0]


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
        # The body twice: with positions for phrases, and without (``terms``), whose
        # postings read several times faster, for words.
        body=PreText(analyzer=stem, phrase=True),
        terms=PreText(analyzer=stem, phrase=False),
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
        text=fields.TEXT(analyzer=stem, phrase=False),
        speaker=fields.TEXT(analyzer=plain, phrase=True),
        entities=fields.TEXT(analyzer=plain),
        acol=_bytes_column(),
        data=_bytes_column(),
    )
