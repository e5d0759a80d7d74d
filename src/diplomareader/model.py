"""Domain values shared by every stage: raw documents, articles, quotes, entities.

All values are frozen dataclasses. Offsets (``start``/``end``) always index into
``Article.body`` so that ``body[start:end] == text`` holds for every quote and mention.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

InputKind = Literal["text", "html", "markdown"]
"""The three input formats the reader understands."""

EntityKind = Literal["person", "organization", "place"]
"""The kinds of named entity the extractor produces."""


class InputError(Exception):
    """A file that cannot be read or parsed; ``str(error)`` is a one-line reason."""


@dataclass(frozen=True)
class RawDocument:
    """A file read from disk and decoded, before any cleaning."""

    path: str
    """The path as the user gave it."""
    kind: InputKind
    """Which reader produced it: plain-text dump, HTML page or Markdown with front matter."""
    text: str
    """The decoded content (HTML source for ``html``, body after front matter for ``markdown``)."""
    encoding: str
    """The encoding the bytes were decoded with."""
    content_hash: str
    """SHA-256 of the file's bytes, for incremental indexing."""
    front_matter: dict[str, Any] = field(default_factory=dict)
    """YAML front matter of a Markdown file (empty otherwise)."""


@dataclass(frozen=True)
class CleaningReport:
    """How a body was obtained from its raw document, shown to the user."""

    method: str
    """Which path produced the body, e.g. ``text-dump``, ``html``, ``markdown``."""
    lines_in: int = 0
    """Lines (or blocks) seen in the input."""
    lines_kept: int = 0
    """Lines (or blocks) kept in the body."""
    dropped: dict[str, int] = field(default_factory=dict)
    """Dropped lines or blocks counted by reason (``menu``, ``link-list``, ``caption``...)."""
    encoding: str = "utf-8"
    """The encoding of the input file."""

    def summary(self) -> str:
        """One line for the reader's article header."""
        dropped = ", ".join(f"{n} {reason}" for reason, n in sorted(self.dropped.items()) if n)
        text = f"{self.method}: kept {self.lines_kept}/{self.lines_in}"
        return f"{text}; dropped {dropped}" if dropped else text


@dataclass(frozen=True)
class CleanedDocument:
    """The output of cleaning: a body with its metadata."""

    title: str
    body: str
    """Paragraphs separated by exactly one blank line."""
    date: dt.date | None = None
    source: str | None = None
    author: str | None = None
    url: str | None = None
    report: CleaningReport = field(default_factory=lambda: CleaningReport(method="none"))


@dataclass(frozen=True)
class Mention:
    """One occurrence of an entity in a body."""

    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Entity:
    """A person, organisation or place named in an article, under its canonical name."""

    name: str
    """Canonical name, the same string for the same entity in every article."""
    kind: EntityKind
    aliases: tuple[str, ...] = ()
    """Other names this entity goes by (spellings, abbreviations, adjectives)."""
    mentions: tuple[Mention, ...] = ()


@dataclass(frozen=True)
class Quote:
    """A direct quote with the person or body who said it."""

    text: str
    """The quoted words, without the quotation marks; ``body[start:end] == text``."""
    start: int
    end: int
    speaker: str | None = None
    """Canonical name of the speaker, or None when the text does not say."""
    speaker_mention: str | None = None
    """How the text names the speaker at this point (``he``, ``the President``, ``Tokayev``)."""
    cue: str | None = None
    """The attributing verb (``said``, ``added``, ``noted``...)."""


@dataclass(frozen=True)
class Article:
    """A fully processed article: cleaned body, metadata, quotes and entities."""

    id: str
    """Stable identifier derived from the file's resolved path."""
    path: str
    title: str
    body: str
    date: dt.date | None = None
    source: str | None = None
    author: str | None = None
    url: str | None = None
    quotes: tuple[Quote, ...] = ()
    entities: tuple[Entity, ...] = ()
    report: CleaningReport = field(default_factory=lambda: CleaningReport(method="none"))
    content_hash: str = ""

    def paragraphs(self) -> Iterator[tuple[int, int, str]]:
        """Yield ``(start, end, text)`` for each paragraph of the body."""
        yield from paragraph_spans(self.body)

    def to_json(self) -> dict[str, Any]:
        """The ``parse --json`` shape of this article (plus the cleaning report)."""
        return {
            "path": self.path,
            "title": self.title,
            "date": self.date.isoformat() if self.date else None,
            "source": self.source,
            "author": self.author,
            "url": self.url,
            "body": self.body,
            "quotes": [
                {
                    "text": q.text,
                    "speaker": q.speaker,
                    "speaker_mention": q.speaker_mention,
                    "cue": q.cue,
                    "start": q.start,
                    "end": q.end,
                }
                for q in self.quotes
            ],
            "entities": [
                {
                    "name": e.name,
                    "kind": e.kind,
                    "aliases": list(e.aliases),
                    "mentions": [asdict(m) for m in e.mentions],
                }
                for e in self.entities
            ],
            "cleaning": asdict(self.report),
        }


def paragraph_spans(body: str) -> Iterator[tuple[int, int, str]]:
    """Yield ``(start, end, text)`` for each blank-line-separated paragraph of ``body``."""
    pos = 0
    for chunk in body.split("\n\n"):
        stripped = chunk.strip("\n")
        if stripped.strip():
            start = pos + chunk.index(stripped)
            yield start, start + len(stripped), stripped
        pos += len(chunk) + 2


@dataclass(frozen=True)
class ArticleSummary:
    """What the list pane shows for one article (no body)."""

    id: str
    title: str
    date: dt.date | None = None
    source: str | None = None
    author: str | None = None
    path: str = ""


@dataclass(frozen=True)
class Hit:
    """One search result: an article summary with a score and a marked snippet."""

    article: ArticleSummary
    score: float = 0.0
    snippet: str = ""
    """A sentence or two of the body around the first match."""
    marks: tuple[tuple[int, int], ...] = ()
    """``(start, end)`` ranges in ``snippet`` of the matched query terms."""


@dataclass(frozen=True)
class SearchResult:
    """The answer to one query: hits, total count, and how the query was understood."""

    query: str
    hits: tuple[Hit, ...] = ()
    total: int = 0
    understood: str = ""
    """The query as the engine read it (shown to the user)."""
    errors: tuple[str, ...] = ()
    """Parts of the query that could not be understood (never an exception)."""


@dataclass(frozen=True)
class RelatedQuote:
    """A quote from another article related to the one being read."""

    quote: Quote
    article: ArticleSummary
    score: float = 0.0
    reason: str = ""
    """Why it is related: ``same speaker``, ``shared entities: ...``."""
