"""The processing pipeline: raw document -> cleaned body -> entities -> quotes -> Article."""

from __future__ import annotations

import dataclasses
import hashlib
import os
from typing import Final

from diplomareader.clean import clean_document
from diplomareader.extract.entities import extract_entities
from diplomareader.extract.quotes import extract_quotes
from diplomareader.ingest import read_document
from diplomareader.model import Article, RawDocument


def article_id(path: str) -> str:
    """A stable identifier for the article read from ``path`` (its resolved location)."""
    resolved = os.path.realpath(path)
    return hashlib.sha1(resolved.encode("utf-8", "surrogateescape")).hexdigest()[:16]


MAX_EXTRACT_CHARS: Final = 1_000_000
"""Quotes and entities are looked for in the first million characters of a body (ten times
the longest real article seen): on more, extraction takes about 35 bytes of memory per
character and minutes. The whole body is still kept, indexed and shown."""


def extraction_text(body: str, limit: int = MAX_EXTRACT_CHARS) -> str:
    """The part of ``body`` quotes and entities are extracted from (whole paragraphs)."""
    if len(body) <= limit:
        return body
    cut = body.rfind("\n\n", 0, limit)
    return body[: cut if cut > 0 else limit]


def process(raw: RawDocument) -> Article:
    """Run cleaning and extraction on a decoded document."""
    cleaned = clean_document(raw)
    text = extraction_text(cleaned.body)
    entities = extract_entities(text)
    quotes = extract_quotes(text, entities)
    report = cleaned.report
    if len(text) < len(cleaned.body):
        method = f"{report.method}; quotes and entities from the first {len(text):,} characters"
        report = dataclasses.replace(report, method=method)
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
        report=report,
        content_hash=raw.content_hash,
    )


def parse_file(path: str) -> Article:
    """Read and process one file; raises InputError with a one-line reason on bad input."""
    return process(read_document(path))
