"""``diplomareader run`` (the default command): bring the index up to date, then open the reader.

When the index is missing or older than the corpus folder it is built first, with a progress
bar on the terminal; then the Textual app starts on it.
"""

from __future__ import annotations

import argparse
import gc
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from diplomareader.model import InputError

if TYPE_CHECKING:
    from diplomareader.search import Library


def add_parser(subparsers: Any) -> None:
    """Register the ``run`` subcommand."""
    parser = subparsers.add_parser(
        "run",
        help="open the reader (the default command)",
        description=(
            "Open the reader on an index. When the index is missing or older than the corpus "
            "folder, it is built first."
        ),
    )
    parser.add_argument(
        "--corpus", default="corpus", metavar="DIR", help="articles to index (default ./corpus)"
    )
    parser.add_argument(
        "--index", default="index", metavar="DIR", help="the index folder (default ./index)"
    )
    parser.add_argument(
        "--bookmarks", metavar="FILE", help="the bookmarks file (default: see README)"
    )
    parser.add_argument("--config", metavar="FILE", help="the settings file (default: see README)")
    parser.add_argument(
        "--no-update",
        action="store_true",
        help="open the index as it is, without checking the corpus",
    )


def update_index(library: Library, corpus: Path) -> None:
    """Ingest ``corpus`` into the library when it changed, reporting on the terminal."""
    if not library.needs_update(corpus):
        return
    from diplomareader.cli.progress import ProgressPrinter

    print(f"Indexing {corpus} …", file=sys.stderr)
    printer = ProgressPrinter()
    try:
        report = library.ingest([str(corpus)], progress=printer)
    finally:
        printer.finish()
    print(
        f"{report.articles} articles in the index "
        f"({report.added} added, {report.updated} updated, {report.removed} removed, "
        f"{report.failed} failed).",
        file=sys.stderr,
    )
    for error in report.errors[:20]:
        print(f"  {error}", file=sys.stderr)
    if len(report.errors) > 20:
        print(f"  … and {len(report.errors) - 20} more", file=sys.stderr)


def main(args: argparse.Namespace) -> int:
    """Update the index if needed and run the reader until the user quits."""
    from diplomareader.search import Library

    corpus, index = Path(args.corpus), Path(args.index)
    try:
        library = Library(index)
    except InputError as error:
        print(f"diplomareader: {error}", file=sys.stderr)
        return 1
    try:
        if not args.no_update:
            if corpus.is_dir():
                update_index(library, corpus)
            elif args.corpus != "corpus":
                print(f"diplomareader: no corpus folder {corpus}", file=sys.stderr)
                return 1
        # Starting the app creates objects that live as long as the reader: the collector
        # stays off until its first frame, then the app freezes them and collects at quiet
        # moments (``tui.heap``).
        gc.disable()
        from diplomareader.tui.app import make_app

        app = make_app(
            library,
            bookmarks_path=Path(args.bookmarks) if args.bookmarks else None,
            config_path=Path(args.config) if args.config else None,
            manage_heap=True,
        )
        try:
            app.run()
        finally:
            gc.enable()
        app.save_state()
        for number, line in enumerate(app.save_pending_bookmarks()):
            print(f"diplomareader: warning: {line}" if number == 0 else line, file=sys.stderr)
    except InputError as error:
        print(f"diplomareader: {error}", file=sys.stderr)
        return 1
    finally:
        library.close()
    return app.return_code or 0
