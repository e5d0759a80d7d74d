"""``diplomareader ingest PATH... [--index DIR]``: add or update articles in the index."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from diplomareader.cli import printable
from diplomareader.cli.progress import ProgressPrinter, format_duration
from diplomareader.model import InputError


def add_parser(subparsers: Any) -> None:
    """Register the ``ingest`` subcommand."""
    parser = subparsers.add_parser(
        "ingest",
        help="add or update articles in the index",
        description=(
            "Add new and changed files (or folders, recursively) to the index; remove the "
            "articles of files deleted from the given folders. Unchanged files are skipped."
        ),
    )
    parser.add_argument("paths", nargs="+", metavar="PATH", help="files or folders")
    parser.add_argument(
        "--index", default="index", metavar="DIR", help="index folder (default: ./index)"
    )
    parser.add_argument(
        "--workers",
        type=int,
        default=None,
        metavar="N",
        help="worker processes (default: one per core)",
    )
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress display")


def main(args: argparse.Namespace) -> int:
    """Ingest; one line per unreadable file; exit status 1 when any failed."""
    from diplomareader.search import Library

    printer = ProgressPrinter(sys.stderr)
    try:
        with Library(args.index) as library:
            report = library.ingest(
                args.paths,
                progress=None if args.quiet else printer,
                workers=args.workers,
            )
    except InputError as error:
        printer.finish()
        print(f"diplomareader: {error}", file=sys.stderr)
        return 1
    printer.finish()
    for line in report.errors:
        print(f"diplomareader: {printable(line)}", file=sys.stderr)
    changed = report.added + report.updated
    parts = [f"{changed:,} indexed ({report.added:,} new, {report.updated:,} changed)"]
    parts.append(f"{report.unchanged:,} unchanged")
    if report.removed:
        parts.append(f"{report.removed:,} removed")
    if report.failed:
        parts.append(f"{report.failed:,} failed")
    print(
        f"{', '.join(parts)}; {report.articles:,} articles in {args.index} "
        f"({format_duration(report.elapsed_s)})",
        file=sys.stderr,
    )
    return 1 if report.failed else 0
