"""``diplomareader bookmarks``: list, export and check the bookmarked passages.

    diplomareader bookmarks list   [--bookmarks FILE] [--filter QUERY] [--check] [--index DIR]
    diplomareader bookmarks export --format md|json [--bookmarks FILE] [-o FILE] [--filter QUERY]
    diplomareader bookmarks check  [--bookmarks FILE] [--index DIR] [--update]
    diplomareader bookmarks tags   [--bookmarks FILE]

``check`` re-anchors every bookmark against the current text of its article -- from the index
with ``--index DIR``, otherwise by cleaning the article's file again -- and lists the orphans
with their text and note; ``--update`` stores the new positions of passages that moved.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from diplomareader.model import InputError
from diplomareader.store.anchor import Anchored, Orphaned
from diplomareader.store.bookmark_export import FORMATS, export_to_file, render
from diplomareader.store.bookmark_locate import (
    BodyOf,
    LibraryBodies,
    cached,
    file_body_of,
    library_body_of,
    locate_all,
    relocated,
)
from diplomareader.store.bookmarks import Bookmark, BookmarkStore, StoreError

Status = dict[str, Anchored | Orphaned]


def _common(parser: argparse.ArgumentParser) -> None:
    """Options every action takes."""
    parser.add_argument(
        "--bookmarks",
        metavar="FILE",
        help="the bookmarks file (default: see 'File locations' in the README)",
    )


def _with_source(parser: argparse.ArgumentParser) -> None:
    """Options choosing where the current article texts come from."""
    parser.add_argument(
        "--index",
        metavar="DIR",
        help="re-anchor against this index (default: clean each article's file again)",
    )


def add_parser(subparsers: Any) -> None:
    """Register ``bookmarks`` and its actions."""
    parser = subparsers.add_parser(
        "bookmarks",
        help="list, export and check bookmarked passages",
        description=(__doc__ or "").replace("``", ""),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    actions = parser.add_subparsers(dest="action", metavar="ACTION")
    listing = actions.add_parser("list", help="one line per bookmark, newest first")
    _common(listing)
    _with_source(listing)
    listing.add_argument("--filter", default="", metavar="QUERY", help="#tag, article:ID, words")
    listing.add_argument("--check", action="store_true", help="mark orphaned passages")
    export = actions.add_parser("export", help="Markdown (citable) or JSON")
    _common(export)
    _with_source(export)
    export.add_argument("--format", choices=FORMATS, default="md")
    export.add_argument("-o", "--output", metavar="FILE", help="write here (default: stdout)")
    export.add_argument("--filter", default="", metavar="QUERY", help="#tag, article:ID, words")
    export.add_argument("--check", action="store_true", help="mark orphaned passages")
    check = actions.add_parser("check", help="re-anchor every bookmark, list the orphans")
    _common(check)
    _with_source(check)
    check.add_argument("--update", action="store_true", help="save the new positions")
    tags = actions.add_parser("tags", help="tags with their counts")
    _common(tags)


def _open_store(args: argparse.Namespace) -> BookmarkStore:
    """Load the store, reporting a broken file on stderr."""
    store = BookmarkStore(args.bookmarks)
    result = store.load()
    if result.warning:
        print(f"diplomareader: warning: {result.warning}", file=sys.stderr)
    return store


def _body_source(args: argparse.Namespace) -> tuple[BodyOf, Any]:
    """Where article texts come from, and the object to close afterwards (or None)."""
    if not getattr(args, "index", None):
        return file_body_of(), None
    index = Path(args.index)
    if not index.is_dir():
        raise InputError(f"no index at {index}")
    from diplomareader.search import Library  # here: Whoosh is loaded only when needed

    library = Library(index)
    return library_body_of(library), library


def _statuses(args: argparse.Namespace, bookmarks: list[Bookmark]) -> Status:
    """Re-anchoring results for ``bookmarks``."""
    body_of, library = _body_source(args)
    try:
        return locate_all(bookmarks, body_of)
    finally:
        if library is not None and hasattr(library, "close"):
            library.close()


def _first_words(text: str, width: int = 60) -> str:
    """The passage on one line, cut at ``width`` characters."""
    line = " ".join(text.split())
    return line if len(line) <= width else line[: width - 1] + "\u2026"


def _line(bookmark: Bookmark, found: Anchored | Orphaned | None) -> str:
    """One listing line."""
    who = f"{bookmark.speaker}: " if bookmark.speaker else ""
    tags = " " + " ".join(f"#{t}" for t in bookmark.tags) if bookmark.tags else ""
    flag = " [ORPHANED]" if isinstance(found, Orphaned) else ""
    meta = " \u00b7 ".join(p for p in (bookmark.date, bookmark.source) if p)
    return (
        f"{bookmark.id}  {meta}  {bookmark.title}{flag}\n"
        f"    {who}\u201c{_first_words(bookmark.text)}\u201d{tags}"
    )


def _list(args: argparse.Namespace) -> int:
    """``bookmarks list``."""
    store = _open_store(args)
    items = store.filter(args.filter)
    status = _statuses(args, items) if args.check else {}
    for bookmark in items:
        print(_line(bookmark, status.get(bookmark.id)))
    print(f"{len(items)} of {len(store)} bookmarks", file=sys.stderr)
    return 0


def _export(args: argparse.Namespace) -> int:
    """``bookmarks export``."""
    store = _open_store(args)
    items = store.filter(args.filter)
    status = _statuses(args, items) if args.check else None
    if args.output and args.output != "-":
        path = export_to_file(args.format, items, Path(args.output), status)
        print(f"exported {len(items)} bookmarks to {path}", file=sys.stderr)
    else:
        sys.stdout.write(render(args.format, items, status))
    return 0


def _check(args: argparse.Namespace) -> int:
    """``bookmarks check``: where each passage is now; orphans in full."""
    store = _open_store(args)
    items = list(store.all())
    source, library = _body_source(args)
    body_of = cached(source)
    try:
        status = locate_all(items, body_of)
        moved = orphans = 0
        for bookmark in items:
            found = status[bookmark.id]
            if isinstance(found, Orphaned):
                orphans += 1
                print(f"ORPHANED {bookmark.id}  {bookmark.title}: {found.reason}")
                print(f"    text: {_first_words(bookmark.text, 200)}")
                if bookmark.note:
                    print(f"    note: {_first_words(bookmark.note, 200)}")
            else:
                now = source.article_id(bookmark) if isinstance(source, LibraryBodies) else None
                if found.method == "unchanged" and (now is None or now == bookmark.article_id):
                    continue
                moved += 1
                where = f", article now {now}" if now and now != bookmark.article_id else ""
                print(
                    f"moved    {bookmark.id}  {bookmark.title}: found by {found.method} "
                    f"(similarity {found.score:.2f}) at {found.start}:{found.end}{where}"
                )
                body = body_of(bookmark)
                if args.update and body is not None:
                    store.replace(relocated(bookmark, found, body, now))
    finally:
        if library is not None and hasattr(library, "close"):
            library.close()
    updated = " (new positions saved)" if args.update and moved else ""
    print(
        f"{len(items)} bookmarks: {len(items) - moved - orphans} in place, {moved} moved"
        f"{updated}, {orphans} orphaned"
    )
    return 0


def _tags(args: argparse.Namespace) -> int:
    """``bookmarks tags``."""
    for tag, count in _open_store(args).tags().items():
        print(f"{count:5d}  #{tag}")
    return 0


def main(args: argparse.Namespace) -> int:
    """Run the chosen action; errors are one line on stderr and exit status 1."""
    action = getattr(args, "action", None) or "list"
    if action == "list" and not hasattr(args, "filter"):
        args.filter, args.check, args.bookmarks, args.index = "", False, None, None
    handlers = {"list": _list, "export": _export, "check": _check, "tags": _tags}
    try:
        return handlers[action](args)
    except (InputError, StoreError) as error:
        print(f"diplomareader: error: {error}", file=sys.stderr)
        return 1
