"""``diplomareader parse``: run the pipeline on files without indexing."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from diplomareader.cli import printable
from diplomareader.model import InputError


def add_parser(subparsers: Any) -> None:
    """Register the ``parse`` subcommand."""
    parser = subparsers.add_parser(
        "parse",
        help="clean and extract files without indexing them",
        description="Run the pipeline on files and print the result (JSON Lines with --json).",
    )
    parser.add_argument("paths", nargs="+", metavar="PATH", help="files or folders")
    parser.add_argument("--json", action="store_true", help="print one JSON object per file")


def main(args: argparse.Namespace) -> int:
    """Parse each file in order; failures become one-line errors and exit status 1."""
    # Imported here, not at the top: every start of the reader builds the command line,
    # and the pipeline (trafilatura, lxml) is only needed when parsing.
    from diplomareader.ingest import iter_input_files
    from diplomareader.pipeline import parse_file

    failed = False
    for path in iter_input_files(args.paths):
        try:
            article = parse_file(path)
        except InputError as error:
            failed = True
            _emit_error(path, str(error), as_json=args.json)
            continue
        except Exception as error:  # noqa: BLE001 - one bad file must not stop the others
            failed = True
            reason = f"internal error: {type(error).__name__}: {error}".splitlines()[0]
            _emit_error(path, reason, as_json=args.json)
            continue
        if args.json:
            print(json.dumps(article.to_json(), ensure_ascii=False), flush=True)
        else:
            _print_human(article.to_json())
    return 1 if failed else 0


def _emit_error(path: str, reason: str, *, as_json: bool) -> None:
    """Report one unreadable file."""
    if as_json:
        print(json.dumps({"path": path, "error": reason}, ensure_ascii=False), flush=True)
    print(f"diplomareader: {printable(path)}: {printable(reason)}", file=sys.stderr)


def _print_human(record: dict[str, Any]) -> None:
    """A readable summary of one parsed article."""
    print(f"== {record['path']}")
    print(f"title:  {record['title']}")
    for key in ("date", "source", "author", "url"):
        if record[key]:
            print(f"{key + ':':<7} {record[key]}")
    print()
    print(record["body"])
    if record["quotes"]:
        print("\nquotes:")
        for quote in record["quotes"]:
            print(f"  - {quote['speaker'] or '?'} ({quote['cue'] or '-'}): {quote['text'][:100]}")
    if record["entities"]:
        print("\nentities:")
        for entity in record["entities"]:
            print(f"  - {entity['kind']}: {entity['name']} ({len(entity['mentions'])})")
    print()
