"""Export bookmarks to Markdown (a citable brief) or JSON (every field, for other tools).

Markdown groups the passages by article (oldest article first, passages in reading order); each
passage is a block quote followed by its citation -- speaker when there is one, title, source,
date, url -- then the note and the tags. Orphaned passages (no longer found in their article)
are exported too, marked as such.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import asdict
from pathlib import Path
from typing import Any, Final, Literal

from diplomareader.store.anchor import Anchored, Orphaned
from diplomareader.store.bookmark_types import Bookmark

ExportFormat = Literal["md", "json"]
FORMATS: Final = ("md", "json")
_BLOCK_START = re.compile(r"^(\s*)([#>+*-]|\d+[.)]|=+\s*$|`{3,}|~{3,}|\|)")

Status = Mapping[str, Anchored | Orphaned]
"""Optional re-anchoring results by bookmark id (orphans are marked in the export)."""


def _escape_line(line: str) -> str:
    """Keep a passage line from being read as a Markdown heading, list, quote or fence."""
    return _BLOCK_START.sub(lambda m: m.group(1) + "\\" + m.group(2), line)


def _block_quote(text: str) -> str:
    """``text`` as a Markdown block quote, paragraphs kept."""
    lines = [_escape_line(line.rstrip()) for line in text.strip().splitlines()]
    return "\n".join(f"> {line}" if line else ">" for line in lines)


def citation_markdown(bookmark: Bookmark) -> str:
    """``-- Speaker, *Title*, Source, Date, <url>`` with the parts that are known."""
    parts = [bookmark.speaker] if bookmark.speaker else []
    parts.append(f"*{bookmark.title}*")
    parts += [p for p in (bookmark.source, bookmark.date) if p]
    if bookmark.url:
        parts.append(f"<{bookmark.url}>")
    return "\u2014 " + ", ".join(parts)


def _article_key(bookmark: Bookmark) -> tuple[str, str, str]:
    """Articles sorted by date (undated last), then title."""
    return (bookmark.date or "9999", bookmark.title.casefold(), bookmark.article_id)


def to_markdown(
    bookmarks: Iterable[Bookmark], status: Status | None = None, *, heading: str = "Bookmarks"
) -> str:
    """The bookmarks as a Markdown document."""
    items = sorted(bookmarks, key=lambda b: (_article_key(b), b.start, b.end))
    stamp = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    count = f"{len(items)} passage{'s' if len(items) != 1 else ''}"
    out = [f"# {heading}", "", f"*Exported from diplomareader on {stamp} \u2014 {count}.*"]
    current: tuple[str, str, str] | None = None
    for bookmark in items:
        if _article_key(bookmark) != current:
            current = _article_key(bookmark)
            out += ["", f"## {bookmark.title}"]
        out += ["", _block_quote(bookmark.text), "", citation_markdown(bookmark)]
        found = (status or {}).get(bookmark.id)
        if isinstance(found, Orphaned):
            out += ["", f"**Orphaned:** {found.reason}; the passage is quoted as it was saved."]
        if bookmark.note.strip():
            note = bookmark.note.strip().replace("\n", "  \n")
            out += ["", f"**Note:** {note}"]
        if bookmark.tags:
            out += ["", "**Tags:** " + " ".join(f"`#{tag}`" for tag in bookmark.tags)]
    return "\n".join(out) + "\n"


def bookmark_record(bookmark: Bookmark, found: Anchored | Orphaned | None = None) -> dict[str, Any]:
    """One bookmark as a JSON object (every stored field, the citation, the anchor status)."""
    record = asdict(bookmark)
    record["tags"] = list(bookmark.tags)
    record["citation"] = bookmark.citation()
    if isinstance(found, Orphaned):
        record["status"] = {"orphaned": True, "reason": found.reason}
    elif isinstance(found, Anchored):
        record["status"] = {
            "orphaned": False,
            "method": found.method,
            "start": found.start,
            "end": found.end,
            "score": round(found.score, 3),
        }
    return record


def to_json(bookmarks: Iterable[Bookmark], status: Status | None = None) -> str:
    """The bookmarks as a JSON document: ``{"exported", "count", "bookmarks": [...]}``."""
    items = [bookmark_record(b, (status or {}).get(b.id)) for b in bookmarks]
    doc = {
        "exported": dt.datetime.now(dt.UTC).isoformat(timespec="seconds").replace("+00:00", "Z"),
        "count": len(items),
        "bookmarks": items,
    }
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def render(fmt: ExportFormat, bookmarks: Iterable[Bookmark], status: Status | None = None) -> str:
    """The export text in format ``md`` or ``json``."""
    if fmt == "md":
        return to_markdown(bookmarks, status)
    if fmt == "json":
        return to_json(bookmarks, status)
    raise ValueError(f"unknown export format {fmt!r} (use md or json)")


def default_export_path(fmt: ExportFormat, folder: Path | None = None) -> Path:
    """``<data dir>/exports/bookmarks-<UTC time>.<md|json>`` (a new name each time)."""
    if folder is None:
        from diplomareader.store.locations import data_dir

        folder = data_dir() / "exports"
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    path = folder / f"bookmarks-{stamp}.{fmt}"
    counter = 1
    while path.exists():
        counter += 1
        path = folder / f"bookmarks-{stamp}-{counter}.{fmt}"
    return path


def export_to_file(
    fmt: ExportFormat,
    bookmarks: Iterable[Bookmark],
    path: Path | None = None,
    status: Status | None = None,
) -> Path:
    """Write the export atomically to ``path`` (default: a new file in the data dir).

    Raises StoreError with a one-line reason when it cannot be written.
    """
    from diplomareader.store.atomic import atomic_write_text

    target = path if path is not None else default_export_path(fmt)
    atomic_write_text(target, render(fmt, bookmarks, status))
    return target
