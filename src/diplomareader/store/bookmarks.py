"""The bookmarks file API: bookmarked passages with notes and tags, safe under crashes and
concurrent readers. The TUI and the CLI use it; it never imports Textual.

Usage::

    store = BookmarkStore(path)          # path=None: store.locations.bookmarks_file()
    result = store.load()                # result.warning is set when the file was broken
    bm = store.add(make_paragraph_bookmark(article, offset, tags="un ukraine"))
    store.update(bm.id, note="key line", tags=["un"])
    gone = store.delete(bm.id)           # undo with store.restore(gone)
    store.filter("#un lavrov")           # tags, article:ID, speaker:NAME, words

Every change is saved at once (``autosave=True``, the default): the file is locked
(``<file>.lock``, ``flock``), re-read, merged with our changes, written to a temporary file
in the same folder, fsynced, renamed over the old one (``os.replace``) and the folder fsynced.
So a crash or a kill at any moment leaves the old or the new file, never a broken one, and two
readers adding bookmarks at once both keep theirs. Merging is per bookmark id: only the
bookmarks this process added, edited, deleted or restored since the last save are applied to
what is on disk; when two processes edited the same bookmark the later ``modified`` time wins;
a deletion leaves a tombstone (``deleted:``) so no other process brings the bookmark back,
except an explicit ``restore`` (undo). A save that fails (disk full, read-only folder) raises
StoreError with a one-line reason, leaves the old file intact and keeps the change in memory
for the next save.

A file that is not valid YAML (or not a bookmarks file) is copied to
``<file>.corrupt-<UTC time>`` beside it, reported in ``LoadResult.warning``, and the store
starts empty; the backup is never overwritten. Entries that make no sense (no text, no
offsets) are skipped the same way: the file is backed up and the rest is loaded.

File format (YAML, UTF-8, human-readable; ``version: 1``)::

    version: 1
    bookmarks:
    - id: 3f2a9c1e0b7d                  # 12 hex digits
      title: Lavrov Says He Disagrees with Toqayev's 2022 Remarks ...
      source: Orda.kz                   # null when unknown; so are date, author, url, speaker
      date: '2022-09-29'
      author: Igor Ulitin
      url: https://...
      speaker: Sergey Lavrov            # when the passage is a quote
      text: |-                          # the exact passage, body[start:end]
        ...
      note: ''
      tags: [un, ukraine]
      created: '2026-01-05T10:12:00.123Z'     # ISO 8601, UTC
      modified: '2026-01-05T10:12:00.123Z'
      article_id: 9b1c0d2e3f4a5b6c      # diplomareader.pipeline.article_id
      article_path: corpus/orda-....txt
      start: 1204                       # offsets in the article body
      end: 1391
      prefix: '...40 characters before...'
      suffix: '...40 characters after...'
      article_hash: 0f3e...             # anchor.text_hash(body) when bookmarked
    deleted:                            # tombstones: id -> deletion time
      7c1d2e3f4a5b: '2026-01-06T08:00:00.000Z'

Re-anchoring after the article changed: ``diplomareader.store.anchor.reanchor``.
Export: ``diplomareader.store.bookmark_export``.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from diplomareader.model import Article
from diplomareader.store.atomic import (
    StoreError,
    atomic_write_bytes,
    file_lock,
    remove_stale_temp_files,
)
from diplomareader.store.bookmark_file import (
    DumpCache,
    FileState,
    ReadResult,
    digest,
    dump_state,
    read_state,
)
from diplomareader.store.bookmark_filter import BookmarkFilter, filter_bookmarks, parse_filter
from diplomareader.store.bookmark_types import (
    Bookmark,
    default_path,
    make_bookmark,
    make_paragraph_bookmark,
    normalize_tags,
    now_iso,
    paragraph_at,
    parse_time,
)

__all__ = [
    "Bookmark",
    "BookmarkFilter",
    "BookmarkStore",
    "LoadResult",
    "StoreError",
    "make_bookmark",
    "make_paragraph_bookmark",
    "normalize_tags",
    "paragraph_at",
    "parse_filter",
]

_Op = Literal["put", "delete", "restore"]


@dataclass(frozen=True)
class LoadResult:
    """What ``load``/``reload`` found: the bookmarks (newest first) and any problem."""

    bookmarks: tuple[Bookmark, ...]
    warning: str | None = None
    """One line for the user when the file was broken (a backup was kept) or unreadable."""
    backup: Path | None = None
    """Where the broken file was copied."""


class BookmarkStore:
    """The user's bookmarks, held in memory and kept in sync with the YAML file."""

    def __init__(self, path: str | Path | None = None, *, autosave: bool = True) -> None:
        """A store for ``path`` (default: the bookmarks file of ``store.locations``).

        Nothing is read until ``load()``.
        """
        self.path = default_path(path)
        self.autosave = autosave
        self._items: dict[str, Bookmark] = {}
        self._deleted: dict[str, str] = {}
        self._dirty: dict[str, _Op] = {}
        self._unreadable: str | None = None
        self._stat_key: tuple[int, int] | None = None
        self._digest: str | None = None
        self._dump_cache: DumpCache = {}
        self._lock = threading.RLock()
        self.warnings: list[str] = []
        """Problems found while saving (a file broken by hand while we ran); the UI shows them."""

    # -- reading -------------------------------------------------------------------------------

    def load(self) -> LoadResult:
        """Read the file, dropping unsaved changes; a broken file is backed up and reported."""
        with self._lock:
            self._dirty.clear()
            return self.reload()

    def reload(self) -> LoadResult:
        """Read what other processes saved, keeping this process's unsaved changes."""
        with self._lock:
            try:
                result = read_state(self.path)
            except StoreError as error:
                self._unreadable = str(error)
                return LoadResult(self.all(), f"{error}; bookmarks will not be saved")
            self._unreadable = None
            self._adopt(self._merged(result), result)
            return LoadResult(self.all(), result.warning, result.backup)

    def changed_on_disk(self) -> bool:
        """True when the file was changed (by another process) since we last read or wrote it."""
        try:
            info = self.path.stat()
        except OSError:
            return self._stat_key is not None
        return (info.st_mtime_ns, info.st_size) != self._stat_key

    def all(self) -> tuple[Bookmark, ...]:
        """Every bookmark, newest first."""
        with self._lock:
            items = list(self._items.values())
        items.sort(key=lambda b: (parse_time(b.created), b.id), reverse=True)
        return tuple(items)

    def __len__(self) -> int:
        """How many bookmarks there are."""
        return len(self._items)

    def __iter__(self) -> Iterator[Bookmark]:
        """The bookmarks, newest first."""
        return iter(self.all())

    def get(self, bookmark_id: str) -> Bookmark | None:
        """The bookmark with that id, if any."""
        return self._items.get(bookmark_id)

    def filter(
        self, query: str | BookmarkFilter, is_orphan: Callable[[Bookmark], bool] | None = None
    ) -> list[Bookmark]:
        """The bookmarks matching a typed query (``#tag``, ``article:ID``, words), newest first."""
        return filter_bookmarks(self.all(), query, is_orphan)

    def for_article(self, article_id: str) -> list[Bookmark]:
        """The bookmarks of one article, in reading order."""
        found = [b for b in self.all() if b.article_id == article_id]
        return sorted(found, key=lambda b: (b.start, b.end))

    def article_ids(self) -> set[str]:
        """Ids of the articles that have bookmarks (for the list pane's marker)."""
        return {b.article_id for b in self._items.values()}

    def tags(self) -> dict[str, int]:
        """Every tag with its number of bookmarks, most used first."""
        counts: dict[str, int] = {}
        for bookmark in self._items.values():
            for tag in bookmark.tags:
                counts[tag] = counts.get(tag, 0) + 1
        return dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0].casefold())))

    def find_passage(self, article_id: str, start: int, end: int) -> Bookmark | None:
        """The bookmark of exactly that passage, if there is one."""
        for bookmark in self._items.values():
            if bookmark.matches_passage(article_id, start, end):
                return bookmark
        return None

    # -- changing ------------------------------------------------------------------------------

    def add(self, bookmark: Bookmark) -> Bookmark:
        """Add a bookmark (or return the existing one of the same passage) and save."""
        with self._lock:
            existing = self.find_passage(bookmark.article_id, bookmark.start, bookmark.end)
            if existing is not None and existing.text == bookmark.text:
                return existing
            self._items[bookmark.id] = bookmark
            self._mark(bookmark.id, "put")
            self._autosave()
            return bookmark

    def add_passage(
        self,
        article: Article,
        start: int,
        end: int,
        *,
        speaker: str | None = None,
        note: str = "",
        tags: Iterable[str] | str = (),
    ) -> Bookmark:
        """Bookmark ``article.body[start:end]`` (see ``make_bookmark``) and save."""
        return self.add(make_bookmark(article, start, end, speaker=speaker, note=note, tags=tags))

    def add_paragraph(self, article: Article, offset: int) -> Bookmark:
        """Bookmark the paragraph under ``offset`` (the ``b`` key) and save."""
        return self.add(make_paragraph_bookmark(article, offset))

    def update(
        self,
        bookmark_id: str,
        *,
        note: str | None = None,
        tags: Iterable[str] | str | None = None,
    ) -> Bookmark:
        """Change the note and/or tags of a bookmark and save; raises KeyError for a bad id."""
        with self._lock:
            bookmark = self._items[bookmark_id].edited(
                note=note, tags=normalize_tags(tags) if tags is not None else None
            )
            self._items[bookmark_id] = bookmark
            self._mark(bookmark_id, "put")
            self._autosave()
            return bookmark

    def replace(self, bookmark: Bookmark) -> Bookmark:
        """Store a changed copy of an existing bookmark (e.g. re-anchored offsets) and save."""
        with self._lock:
            if bookmark.id not in self._items:
                raise KeyError(bookmark.id)
            self._items[bookmark.id] = bookmark
            self._mark(bookmark.id, "put")
            self._autosave()
            return bookmark

    def delete(self, bookmark_id: str) -> Bookmark:
        """Delete a bookmark and save; returns it so ``restore`` can undo. KeyError if unknown."""
        with self._lock:
            bookmark = self._items.pop(bookmark_id)
            self._deleted[bookmark_id] = now_iso()
            self._dirty[bookmark_id] = "delete"
            self._autosave()
            return bookmark

    def restore(self, bookmark: Bookmark) -> Bookmark:
        """Undo a deletion: bring ``bookmark`` back (it wins over the tombstone) and save."""
        with self._lock:
            self._items[bookmark.id] = bookmark
            self._deleted.pop(bookmark.id, None)
            self._dirty[bookmark.id] = "restore"
            self._autosave()
            return bookmark

    @property
    def unsaved(self) -> int:
        """How many changes have not reached the file yet (after a failed save)."""
        return len(self._dirty)

    def unsaved_bookmarks(self) -> list[Bookmark]:
        """The added or edited bookmarks that have not reached the file yet."""
        with self._lock:
            return [
                self._items[i]
                for i, op in self._dirty.items()
                if op != "delete" and i in self._items
            ]

    def save(self) -> None:
        """Merge our changes into the file atomically; StoreError (change kept) on failure."""
        with self._lock:
            if self._unreadable is not None:
                raise StoreError(f"not saving bookmarks: {self._unreadable}")
            with file_lock(self.path):
                remove_stale_temp_files(self.path)
                result = read_state(self.path, self._digest)
                if result.warning:
                    self.warnings.append(result.warning)
                merged = self._merged(result, report=True)
                data = dump_state(merged, self.path.name, self._dump_cache).encode("utf-8")
                atomic_write_bytes(self.path, data)
                self._dirty.clear()
                self._adopt(merged, None, digest(data))

    # -- internals -----------------------------------------------------------------------------

    def _mark(self, bookmark_id: str, op: _Op) -> None:
        """Remember a change for the next merge (a pending restore stays a restore)."""
        if self._dirty.get(bookmark_id) != "restore":
            self._dirty[bookmark_id] = op

    @staticmethod
    def _dirty_note(bookmark: Bookmark) -> str:
        """The warning for a change to a bookmark another reader deleted meanwhile."""
        return (
            f"bookmark {bookmark.id} ({bookmark.text[:40]!r}...) was deleted in another "
            "window; your change to it was not kept"
        )

    def _autosave(self) -> None:
        """Save now when autosave is on."""
        if self.autosave:
            self.save()

    def _merged(self, result: ReadResult, *, report: bool = False) -> FileState:
        """What is on disk with this process's unsaved changes applied (see module docs)."""
        if result.broken or result.unchanged:  # what we hold is the file (or the best copy)
            base = FileState(dict(self._items), dict(self._deleted))
        else:
            base = FileState(dict(result.state.bookmarks), dict(result.state.deleted))
        for bookmark_id, op in self._dirty.items():
            if op == "delete":
                base.bookmarks.pop(bookmark_id, None)
                base.deleted[bookmark_id] = self._deleted.get(bookmark_id) or now_iso()
                continue
            ours = self._items.get(bookmark_id)
            if ours is None:
                continue
            if op == "restore":
                base.bookmarks[bookmark_id] = ours
                base.deleted.pop(bookmark_id, None)
            elif bookmark_id in base.deleted:  # "put" of a bookmark deleted elsewhere: it stays
                if report:  # deleted, but the user is told
                    self.warnings.append(self._dirty_note(ours))
            else:
                theirs = base.bookmarks.get(bookmark_id)
                if theirs is None or parse_time(ours.modified) >= parse_time(theirs.modified):
                    base.bookmarks[bookmark_id] = ours
        return base

    def _adopt(
        self, state: FileState, result: ReadResult | None, written: str | None = None
    ) -> None:
        """Make ``state`` the in-memory view; remember the file's fingerprint and stat."""
        self._items = state.bookmarks
        self._deleted = state.deleted
        if result is not None:
            self._stat_key = result.stat_key
            self._digest = result.digest
            return
        self._digest = written
        try:
            info = self.path.stat()
            self._stat_key = (info.st_mtime_ns, info.st_size)
        except OSError:
            self._stat_key = None
