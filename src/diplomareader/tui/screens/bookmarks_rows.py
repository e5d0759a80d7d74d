"""What the bookmarks screen shows for a bookmark: table cells and the preview.

Pure functions over Rich text (no Textual), widths measured in terminal cells so that Chinese,
Arabic and emoji titles keep the columns straight.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from rich.text import Text

from diplomareader.store.anchor import Anchored, Orphaned
from diplomareader.store.bookmarks import Bookmark
from diplomareader.tui.textlayout import one_line, truncate

ORPHAN_MARK: Final = "\u26a0"
"""Marks an orphaned bookmark (its passage is no longer in the article)."""
MOVED_MARK: Final = "~"
"""Marks a passage found again at another place or with other wording."""


@dataclass(frozen=True)
class Column:
    """One table column: key, heading and width in cells."""

    key: str
    label: str
    width: int


def columns_for(width: int, gap: int = 2) -> list[Column]:
    """The columns that fit a screen ``width`` cells wide (speaker and tags need >= 110);
    ``gap`` cells separate columns and two are left for the scroll bar."""
    wide = width >= 110
    fixed = [Column("mark", " ", 1), Column("date", "Date", 10)]
    fixed.append(Column("source", "Source", 12 if wide else 10))
    if wide:
        fixed += [Column("speaker", "Speaker", 14), Column("tags", "Tags", 12)]
    used = sum(c.width for c in fixed) + gap * (len(fixed) + 2) + 2
    rest = max(20, width - used)
    title = Column("title", "Title", max(10, rest // 2))
    passage = Column("passage", "Passage", max(10, rest - title.width))
    order = ["mark", "date", "source", "title", "speaker", "tags", "passage"]
    by_key = {c.key: c for c in [*fixed, title, passage]}
    return [by_key[k] for k in order if k in by_key]


def status_mark(found: Anchored | Orphaned | None) -> Text:
    """The one-cell mark of the anchoring status."""
    if isinstance(found, Orphaned):
        return Text(ORPHAN_MARK, style="bold red")
    if isinstance(found, Anchored) and not found.exact:
        return Text(MOVED_MARK, style="yellow")
    return Text(" ")


def cells(bookmark: Bookmark, found: Anchored | Orphaned | None, cols: list[Column]) -> list[Text]:
    """The row of ``bookmark`` for the columns ``cols``."""
    values = {
        "date": bookmark.date or "",
        "source": bookmark.source or "",
        "title": bookmark.title,
        "speaker": bookmark.speaker or "",
        "tags": " ".join(f"#{t}" for t in bookmark.tags),
        "passage": bookmark.text,
    }
    row: list[Text] = []
    for col in cols:
        if col.key == "mark":
            row.append(status_mark(found))
            continue
        value = values[col.key][: col.width * 4]  # enough to fill the cell, cheap to clean
        text = Text(truncate(one_line(value), col.width), no_wrap=True)
        if col.key == "tags":
            text.stylize("cyan")
        elif col.key == "date":
            text.stylize("dim")
        row.append(text)
    return row


def preview(bookmark: Bookmark, found: Anchored | Orphaned | None) -> Text:
    """The full passage with its citation, note, tags and anchoring status."""
    out = Text()
    out.append(bookmark.title, style="bold")
    out.append("\n")
    meta = [bookmark.speaker or "", bookmark.source or "", bookmark.date or "", bookmark.url or ""]
    out.append(" \u00b7 ".join(m for m in meta if m), style="dim")
    if isinstance(found, Orphaned):
        out.append(f"\n{ORPHAN_MARK} Orphaned: {found.reason}. ", style="bold red")
        out.append("The passage and note are kept as saved.", style="red")
    elif isinstance(found, Anchored) and not found.exact:
        out.append(
            f"\n{MOVED_MARK} The article changed; passage found again by {found.method} "
            f"match ({found.score:.0%} alike).",
            style="yellow",
        )
    out.append("\n\n")
    out.append(bookmark.text.strip(), style="italic")
    if bookmark.note.strip():
        out.append("\n\nNote: ", style="bold")
        out.append(bookmark.note.strip())
    if bookmark.tags:
        out.append("\nTags: ", style="bold")
        out.append(" ".join(f"#{t}" for t in bookmark.tags), style="cyan")
    return out
