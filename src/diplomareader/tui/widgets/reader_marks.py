"""What the reading pane marks on the text: entities, quotes, search terms, find hits, targets.

Spans are body offsets. They are computed once per article (entities, quotes), per query
(search terms) and per find, then handed out paragraph by paragraph to the line renderer.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from rich.style import Style
from rich.text import Text

from diplomareader.model import Article
from diplomareader.tui.entity_view import merge_entities
from diplomareader.tui.widgets.reader_layout import Page, Paragraph

Span = tuple[int, int]
"""A body range ``(start, end)``."""
NamedSpan = tuple[int, int, str]
"""A body range with the name of its style (``person``, ``quote``, ``hit``...)."""

_SUFFIX = re.compile(r"(?:ing|ed|es|s)$")
"""Endings dropped from a search term so that its other forms are marked too."""


def term_pattern(terms: Sequence[str]) -> re.Pattern[str] | None:
    """A regex finding ``terms`` (and their inflections) as words; None for no terms."""
    parts: list[str] = []
    for term in terms:
        term = term.strip()
        if not term:
            continue
        words = term.split()
        if len(words) == 1 and len(term) > 4:
            term = _SUFFIX.sub("", term)
        parts.append(r"\s+".join(re.escape(w) for w in term.split()))
    if not parts:
        return None
    parts.sort(key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(parts) + r")\w*", re.IGNORECASE)


def find_spans(body: str, pattern: re.Pattern[str] | None) -> list[Span]:
    """Every match of ``pattern`` in ``body``."""
    if pattern is None:
        return []
    return [m.span() for m in pattern.finditer(body) if m.end() > m.start()]


class Marks:
    """The marks of the article shown, with the one target of the last jump."""

    def __init__(self) -> None:
        """No article, no marks."""
        self.body = ""
        self.entities: list[NamedSpan] = []
        """Entity mentions, by start, named by kind."""
        self.entity_names: list[str] = []
        """The canonical name of each mention of ``entities``."""
        self.quotes: list[Span] = []
        """Quotes, by start."""
        self.terms: list[str] = []
        self.term_hits: list[Span] = []
        self.find_text = ""
        self.find_hits: list[Span] = []
        self.bookmarks: list[Span] = []
        self.target: Span | None = None
        """The quote, entity or hit the last jump went to."""
        self._cache: dict[int, list[NamedSpan]] = {}
        self._cache_key: tuple[object, ...] = ()

    def reset_for(self, article: Article | None) -> None:
        """Take the entity and quote spans of ``article``; keep the search terms."""
        self.body = article.body if article else ""
        mentions = sorted(
            (m.start, m.end, e.kind, e.name)
            for e in merge_entities(article.entities if article else ())
            for m in e.mentions
        )
        self.entities = [(s, e, kind) for s, e, kind, _ in mentions]
        self.entity_names = [name for *_, name in mentions]
        self.quotes = sorted((q.start, q.end) for q in (article.quotes if article else ()))
        self.find_text, self.find_hits, self.target = "", [], None
        self.term_hits = find_spans(self.body, term_pattern(self.terms))
        self._cache.clear()

    def set_terms(self, terms: Sequence[str]) -> None:
        """Mark ``terms`` (search words and phrases)."""
        self.terms = list(terms)
        self.term_hits = find_spans(self.body, term_pattern(self.terms))
        self._cache.clear()

    def set_find(self, text: str) -> int:
        """Mark every occurrence of ``text`` (case-insensitive); returns how many."""
        self.find_text = text
        pattern = re.compile(re.escape(text), re.IGNORECASE) if text.strip() else None
        self.find_hits = find_spans(self.body, pattern)
        self.target = None
        self._cache.clear()
        return len(self.find_hits)

    @property
    def hits(self) -> list[Span]:
        """What ``n``/``N`` move between: find hits while finding, else search-term hits."""
        return self.find_hits if self.find_text.strip() else self.term_hits

    def bookmarked(self, paragraph: Paragraph) -> bool:
        """Whether a bookmark overlaps ``paragraph``."""
        return any(s < paragraph.end and e > paragraph.start for s, e in self.bookmarks)

    def spans_in(self, paragraph: int, page: Page, start: int, end: int) -> list[NamedSpan]:
        """The named spans overlapping ``start:end``, clipped, in drawing order."""
        key = (self.target, id(page))
        if key != self._cache_key:
            self._cache.clear()
            self._cache_key = key
        if paragraph not in self._cache:
            bounds = page.paragraphs[paragraph]
            self._cache[paragraph] = self._paragraph_spans(bounds.start, bounds.end)
        return [
            (max(s, start), min(e, end), name)
            for s, e, name in self._cache[paragraph]
            if s < end and e > start
        ]

    def _paragraph_spans(self, start: int, end: int) -> list[NamedSpan]:
        """Every span touching the paragraph ``start:end``, lowest layer first."""
        spans: list[NamedSpan] = [(s, e, k) for s, e, k in self.entities if s < end and e > start]
        spans += [(s, e, "quote") for s, e in self.quotes if s < end and e > start]
        spans += [(s, e, "hit") for s, e in self.term_hits if s < end and e > start]
        spans += [(s, e, "find") for s, e in self.find_hits if s < end and e > start]
        if self.target and self.target[0] < end and self.target[1] > start:
            spans.append((*self.target, "target"))
        return spans


def article_header(article: Article, style: Callable[[str], Style]) -> list[Text]:
    """The header lines: title, source · date · author, url, and how the body was cleaned."""
    lines = [Text(article.title, style("title"))]
    meta = [
        part
        for part in (
            article.source,
            article.date.isoformat() if article.date else "undated",
            f"by {article.author}" if article.author else None,
        )
        if part
    ]
    lines.append(Text(" · ".join(meta), style("meta")))
    if article.url:
        lines.append(Text(article.url, style("url")))
    lines.append(Text(f"cleaned: {article.report.summary()}", style("report")))
    return lines


_QUERY_TOKEN = re.compile(r'(-?)(?:(\w+):)?("[^"]*"?|\S+)')
"""One token of a typed query: optional minus, optional field, a word or a phrase."""
_MARKED_FIELDS = {None, "title", "body", "text"}
"""Fields whose words are marked in the body (names and dates are not words of the text)."""


def query_terms(query: str) -> list[str]:
    """The words and phrases of a typed query to mark in an article's body."""
    terms: list[str] = []
    for match in _QUERY_TOKEN.finditer(query):
        minus, fieldname, value = match.groups()
        if minus or (fieldname.lower() if fieldname else None) not in _MARKED_FIELDS:
            continue
        value = value.strip('"()').strip()
        if not value or value.upper() in {"AND", "OR", "NOT"}:
            continue
        value = value.rstrip("*")
        if len(value) >= 2:
            terms.append(value)
    return terms
