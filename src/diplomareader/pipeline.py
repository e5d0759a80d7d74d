"""The processing pipeline: raw document -> cleaned body -> entities -> quotes -> Article."""

from __future__ import annotations

import hashlib
import os

from diplomareader.clean import clean_document
from diplomareader.extract.entities import extract_entities
from diplomareader.extract.quotes import extract_quotes
from diplomareader.ingest import read_document
from diplomareader.model import Article, RawDocument


def article_id(path: str) -> str:
    """A stable identifier for the article read from ``path`` (its resolved location)."""
    resolved = os.path.realpath(path)
    return hashlib.sha1(resolved.encode("utf-8", "surrogateescape")).hexdigest()[:16]


def process(raw: RawDocument) -> Article:
    """Run cleaning and extraction on a decoded document."""
    cleaned = clean_document(raw)
    entities = extract_entities(cleaned.body)
    quotes = extract_quotes(cleaned.body, entities)
    return Article(
        id=article_id(raw.path),
        path=raw.path,
        title=cleaned.title,
        body=cleaned.body,
        date=cleaned.date,
        source=cleaned.source,
        author=cleaned.author,
        url=cleaned.url,
        quotes=tuple(quotes),
        entities=tuple(entities),
        report=cleaned.report,
        content_hash=raw.content_hash,
    )


def parse_file(path: str) -> Article:
    """Read and process one file; raises InputError with a one-line reason on bad input."""
    return process(read_document(path))
