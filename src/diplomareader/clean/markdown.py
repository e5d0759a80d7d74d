"""Cleaning Markdown files with YAML front matter (official readouts, saved articles).

The metadata comes from the front matter (``title``, ``date``, ``source_url``, ``author``,
``source``...). The body is Markdown: hard-wrapped lines are joined into paragraphs,
headings and list items become paragraphs of their own, inline markup and backslash
escapes are removed, and end-of-release marks such as ``###`` are dropped.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any, Final

from diplomareader.clean.dates import parse_date
from diplomareader.clean.normalize import join_paragraphs, normalize_line, normalize_text
from diplomareader.clean.sources import host_source
from diplomareader.model import CleanedDocument, CleaningReport, RawDocument

_HEADING: Final = re.compile(r"^#{1,6}\s+")
_LIST_ITEM: Final = re.compile(r"^(?:[-*+]|\d{1,3}[.)])\s+")
_END_MARK: Final = re.compile(r"^[\\#*\s-]*#{3}[\\#*\s-]*$|^-{3,}$|^\*{3,}$|^_{3,}$")
_ESCAPE: Final = re.compile(r"\\([\\`*_{}\[\]()#+\-.!<>|~])")
_TAG: Final = re.compile(r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]{0,200})?/?>")
_LINK: Final = re.compile(r"!?\[([^\]]*)\]\((?:[^()\s]+)(?:\s+\"[^\"]*\")?\)")
_EMPHASIS: Final = re.compile(r"(\*{1,3}|_{2,3})(?=\S)(.+?)(?<=\S)\1")
_TITLE_KEYS: Final = ("title", "headline", "name")
_DATE_KEYS: Final = ("date", "published", "published_time", "pubdate", "created")
_URL_KEYS: Final = ("source_url", "url", "link", "canonical_url", "permalink")
_SOURCE_KEYS: Final = ("source", "publisher", "site_name", "sitename", "outlet", "issuer")
_AUTHOR_KEYS: Final = ("author", "authors", "byline", "creator")


def _first(front: dict[str, Any], keys: tuple[str, ...]) -> Any:
    """The first non-empty value among ``keys``."""
    for key in keys:
        value = front.get(key)
        if value not in (None, "", [], {}):
            return value
    return None


def _as_text(value: Any) -> str | None:
    """A front-matter value as one line of text (lists joined with commas)."""
    if value is None:
        return None
    if isinstance(value, list | tuple):
        parts = [text for text in (_as_text(v) for v in value) if text]
        return ", ".join(parts) or None
    if isinstance(value, dict):
        return _as_text(value.get("name"))
    text = normalize_line(normalize_text(str(value)).replace("\n", " "))
    return text or None


def inline_text(line: str) -> str:
    """Markdown inline markup reduced to its text (links, emphasis, tags, escapes)."""
    line = _LINK.sub(r"\1", line)
    line = _TAG.sub("", line)
    line = _EMPHASIS.sub(r"\2", line)
    line = _ESCAPE.sub(r"\1", line)
    return normalize_line(line)


def markdown_paragraphs(text: str, dropped: Counter[str]) -> tuple[list[str], int]:
    """Paragraphs of a Markdown body and the number of source lines seen."""
    paragraphs: list[str] = []
    current: list[str] = []
    seen = 0

    def flush() -> None:
        if current:
            paragraphs.append(" ".join(current))
            current.clear()

    for raw in normalize_text(text).split("\n"):
        line = normalize_line(raw)
        if not line:
            flush()
            continue
        seen += 1
        if _END_MARK.match(line):
            flush()
            dropped["end-mark"] += 1
            continue
        if _HEADING.match(line) or _LIST_ITEM.match(line):
            flush()
            current.append(inline_text(_HEADING.sub("", line)))
            if _HEADING.match(line):
                flush()
            continue
        current.append(inline_text(line))
    flush()
    return [p for p in paragraphs if p], seen


def clean_markdown(raw: RawDocument, fallback_title: str) -> CleanedDocument:
    """Clean a Markdown document using its front matter for metadata."""
    front = raw.front_matter
    dropped: Counter[str] = Counter()
    paragraphs, seen = markdown_paragraphs(raw.text, dropped)
    title = _as_text(_first(front, _TITLE_KEYS))
    if not title and paragraphs and len(paragraphs[0].split()) <= 25:
        title = paragraphs[0]
    url = _as_text(_first(front, _URL_KEYS))
    source = _as_text(_first(front, _SOURCE_KEYS)) or host_source(url)
    author = _as_text(_first(front, _AUTHOR_KEYS))
    date = None
    for key in _DATE_KEYS:
        date = parse_date(front.get(key))
        if date:
            break
    report = CleaningReport(
        method="markdown",
        lines_in=seen,
        lines_kept=seen - sum(dropped.values()),
        dropped=dict(dropped),
        encoding=raw.encoding,
    )
    return CleanedDocument(
        title=title or fallback_title,
        body=join_paragraphs(paragraphs),
        date=date,
        source=source,
        author=author,
        url=url,
        report=report,
    )
