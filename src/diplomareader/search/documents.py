"""Turning Articles into index documents and stored values back into domain objects."""

from __future__ import annotations

import datetime as dt
import json
import os
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import asdict
from typing import Any
from urllib.parse import urlsplit

from diplomareader.model import (
    Article,
    ArticleSummary,
    CleaningReport,
    Entity,
    Mention,
    Quote,
    paragraph_spans,
)
from diplomareader.search.schema import analyze_body

SummaryRow = tuple[str, str, str | None, str | None, str | None, str]
"""Stored list row: ``(id, title, date ISO, source, author, path)``."""


def name_keys(names: Iterable[str]) -> list[str]:
    """Folded transliteration keys of ``names``, deduplicated, empty keys dropped."""
    from diplomareader.extract.names import name_key

    keys: list[str] = []
    for name in names:
        key = name_key(name)
        if key and key not in keys:
            keys.append(key)
    return keys


def summary_row(article: Article) -> SummaryRow:
    """The stored list row of an article."""
    date = article.date.isoformat() if article.date else None
    return (article.id, article.title, date, article.source, article.author, article.path)


def summary_from_row(row: Sequence[Any]) -> ArticleSummary:
    """An ArticleSummary from a stored row."""
    aid, title, date, source, author, path = row
    return ArticleSummary(
        id=aid,
        title=title,
        date=dt.date.fromisoformat(date) if date else None,
        source=source,
        author=author,
        path=path,
    )


def _json(value: Any) -> bytes:
    """Compact JSON bytes (a byte column value)."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode(
        "utf-8", "surrogatepass"
    )


def from_json(data: bytes) -> Any:
    """Inverse of :func:`_json`."""
    return json.loads(data.decode("utf-8", "surrogatepass"))


def _pack(value: Any) -> bytes:
    """Compact compressed JSON."""
    return zlib.compress(json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode(), 6)


def _unpack(data: bytes) -> Any:
    """Inverse of :func:`_pack`."""
    return json.loads(zlib.decompress(data))


def pack_text(text: str) -> bytes:
    """A compressed body for snippets."""
    return zlib.compress(text.encode("utf-8", "surrogatepass"), 6)


def unpack_text(data: bytes) -> str:
    """Inverse of :func:`pack_text`."""
    return zlib.decompress(data).decode("utf-8", "surrogatepass")


def entity_keys(entity: Entity) -> list[str]:
    """Keys of an entity's canonical name and aliases."""
    return name_keys([entity.name, *entity.aliases])


def speaker_keys(speaker: str | None, entities: Sequence[Entity]) -> list[str]:
    """Keys of a quote's speaker: its name plus the aliases of the entity of that name."""
    if not speaker:
        return []
    names = [speaker]
    for entity in entities:
        if entity.name == speaker:
            names.extend(entity.aliases)
    return name_keys(names)


def surface_names(article: Article) -> list[tuple[str, list[str]]]:
    """For each entity, its keys joined and the distinct ways the body writes it."""
    rows: list[tuple[str, list[str]]] = []
    for entity in article.entities:
        surfaces = sorted(
            {m.text for m in entity.mentions if m.text.strip()}, key=len, reverse=True
        )
        keys = " ".join(entity_keys(entity))
        if keys and surfaces:
            rows.append((keys, surfaces[:8]))
    return rows


def article_fields(
    article: Article, stat: tuple[int, int] = (0, 0), *, analyzed: bool = False
) -> dict[str, Any]:
    """The Whoosh document of an article (``stat`` = file size and mtime, for the record).

    With ``analyzed`` the body comes as postings already (the worker's analysis), else as
    text for the writer to analyse."""
    source_text = " ".join(filter(None, [article.source or "", _host(article.url)]))
    speakers: list[str] = []
    for quote in article.quotes:
        for key in speaker_keys(quote.speaker, article.entities):
            if key not in speakers:
                speakers.append(key)
    ents: list[str] = []
    for entity in article.entities:
        for key in entity_keys(entity):
            if key not in ents:
                ents.append(key)
    doc: dict[str, Any] = {
        "aid": article.id,
        "title": article.title,
        # The title is indexed with the body, so that one field answers plain words.
        "body": f"{article.title}\n\n{article.body}",
        "terms": f"{article.title}\n\n{article.body}",
        # (replaced by postings below when analysed here)
        "summary": _json(summary_row(article)),
        "snip": pack_text(article.body),
        "names": _json(surface_names(article)),
        "blob": _pack(_article_extra(article, stat)),
        "tsort": article.title.casefold()[:80].encode("utf-8", "surrogatepass"),
        "dsort": article.date.toordinal() + 1 if article.date else 0,
        "file": _json(
            [
                os.path.realpath(article.path),
                stat[0],
                stat[1],
                article.content_hash,
                len(article.quotes),
            ]
        ),
    }
    if analyzed:
        doc["body"], doc["terms"] = analyze_body(doc["body"])
    if source_text:
        doc["source"] = source_text
    if article.author:
        doc["author"] = article.author
    if speakers:
        doc["speakers"] = "\n".join(speakers)
    if ents:
        doc["entities"] = "\n".join(ents)
    if article.date:
        doc["date"] = article.date.toordinal()
    return doc


def _host(url: str | None) -> str:
    """The host name of a URL without ``www.`` (searchable as a source)."""
    if not url:
        return ""
    try:
        host = urlsplit(url).hostname or ""
    except ValueError:
        return ""
    return host.removeprefix("www.")


def _article_extra(article: Article, stat: tuple[int, int]) -> dict[str, Any]:
    """Everything but the body needed to rebuild the Article."""
    return {
        "url": article.url,
        "hash": article.content_hash,
        "stat": list(stat),
        "report": asdict(article.report),
        "quotes": [
            [q.text, q.start, q.end, q.speaker, q.speaker_mention, q.cue] for q in article.quotes
        ],
        "entities": [
            [e.name, e.kind, list(e.aliases), [[m.text, m.start, m.end] for m in e.mentions]]
            for e in article.entities
        ],
    }


def article_from_columns(columns: Any, docnum: int) -> Article:
    """Rebuild the full Article of document ``docnum`` from its byte columns."""
    summary = summary_from_row(from_json(columns("summary")[docnum]))
    extra = _unpack(columns("blob")[docnum])
    report = extra.get("report") or {"method": "none"}
    return Article(
        id=summary.id,
        path=summary.path,
        title=summary.title,
        body=unpack_text(columns("snip")[docnum]),
        date=summary.date,
        source=summary.source,
        author=summary.author,
        url=extra.get("url"),
        quotes=tuple(_quote(row) for row in extra.get("quotes", [])),
        entities=tuple(
            Entity(
                name=name,
                kind=kind,
                aliases=tuple(aliases),
                mentions=tuple(Mention(t, s, e) for t, s, e in mentions),
            )
            for name, kind, aliases, mentions in extra.get("entities", [])
        ),
        report=CleaningReport(
            method=report.get("method", "none"),
            lines_in=report.get("lines_in", 0),
            lines_kept=report.get("lines_kept", 0),
            dropped=dict(report.get("dropped", {})),
            encoding=report.get("encoding", "utf-8"),
        ),
        content_hash=extra.get("hash", ""),
    )


def _quote(row: Sequence[Any]) -> Quote:
    """A Quote from its stored row."""
    text, start, end, speaker, mention, cue = row
    return Quote(text=text, start=start, end=end, speaker=speaker, speaker_mention=mention, cue=cue)


def quote_documents(article: Article) -> list[dict[str, Any]]:
    """The quote-index documents of an article's quotes."""
    paragraphs = list(paragraph_spans(article.body))
    row = summary_row(article)
    docs: list[dict[str, Any]] = []
    for index, quote in enumerate(article.quotes):
        start, end = _paragraph_around(paragraphs, quote.start, quote.end)
        ents: list[str] = []
        for entity in article.entities:
            if entity.name == quote.speaker:
                continue
            if any(start <= m.start < end for m in entity.mentions):
                ents.extend(k for k in entity_keys(entity) if k not in ents)
        doc: dict[str, Any] = {
            "qid": f"{article.id}:{index}",
            "aid": article.id,
            "acol": article.id.encode(),
            "text": quote.text,
        }
        keys = speaker_keys(quote.speaker, article.entities)
        doc["data"] = _json(
            [
                index,
                [
                    quote.text,
                    quote.start,
                    quote.end,
                    quote.speaker,
                    quote.speaker_mention,
                    quote.cue,
                ],
                row,
                keys,
                ents,
            ]
        )
        if keys:
            doc["speaker"] = "\n".join(keys)
        if ents:
            doc["entities"] = "\n".join(ents)
        docs.append(doc)
    return docs


def quote_from_data(
    data: bytes,
) -> tuple[int, Quote, ArticleSummary, list[str], list[str]]:
    """``(index, quote, article summary, speaker keys, entity keys)`` of a quote document."""
    index, row, summary, speaker, ents = from_json(data)
    return index, _quote(row), summary_from_row(summary), list(speaker), list(ents)


def _paragraph_around(
    paragraphs: Sequence[tuple[int, int, str]], start: int, end: int
) -> tuple[int, int]:
    """The span of the paragraph(s) containing ``start..end``."""
    lo, hi = start, end
    for p_start, p_end, _ in paragraphs:
        if p_start <= start < p_end or p_start < end <= p_end:
            lo, hi = min(lo, p_start), max(hi, p_end)
    return lo, hi


class Columns:
    """The byte columns of one index reader, each opened once."""

    def __init__(self, reader: Any) -> None:
        self.reader = reader
        self._open: dict[str, Any] = {}
        # Kept as objects (a search then makes none) but not too many: every full garbage
        # collection visits each of them.
        self._summaries: dict[int, ArticleSummary] = {}

    def __call__(self, name: str) -> Any:
        """The column reader of ``name``."""
        column = self._open.get(name)
        if column is None:
            try:
                column = self.reader.column_reader(name, translate=False)
            except NotImplementedError:  # an index without documents has no columns
                column = ()
            self._open[name] = column
        return column

    def summary(self, docnum: int) -> ArticleSummary:
        """The list row of article document ``docnum`` (kept for the next keystrokes)."""
        found = self._summaries.get(docnum)
        if found is None:
            found = summary_from_row(from_json(self("summary")[docnum]))
            if len(self._summaries) >= 20_000:
                self._summaries.clear()
            self._summaries[docnum] = found
        return found

    def body(self, docnum: int) -> str:
        """The body of article document ``docnum``."""
        return unpack_text(self("snip")[docnum])

    def names(self, docnum: int) -> list[tuple[str, list[str]]]:
        """Entity keys and their surface forms in article document ``docnum``."""
        return [(k, list(v)) for k, v in from_json(self("names")[docnum])]

    def article(self, docnum: int) -> Article:
        """The full article of document ``docnum``."""
        return article_from_columns(self, docnum)

    def file(self, docnum: int) -> tuple[str, str, int, int, str, int]:
        """``(article id, resolved path, size, mtime_ns, hash, quotes)`` of a document."""
        real, size, mtime_ns, digest, quotes = from_json(self("file")[docnum])
        return self.summary(docnum).id, real, size, mtime_ns, digest, quotes
