"""``diplomareader search QUERY [--index DIR] [--limit N] [--json] [--sort date|relevance]``."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from diplomareader.model import Hit, InputError, SearchResult


def add_parser(subparsers: Any) -> None:
    """Register the ``search`` subcommand."""
    parser = subparsers.add_parser(
        "search",
        help="search the index",
        description=(
            'Search the index. Words must all match; "phrases"; OR; NOT or -word; '
            "parentheses; title: source: author: speaker: entity: fields; "
            "date:2022, date:2022-09, date:2022-09-01..2022-09-30, date:>-30d."
        ),
    )
    parser.add_argument(
        "query", nargs="+", metavar="QUERY", help="the query (several words are joined)"
    )
    parser.add_argument(
        "--index", default="index", metavar="DIR", help="index folder (default: ./index)"
    )
    parser.add_argument(
        "--limit", type=int, default=20, metavar="N", help="most hits to show (default 20)"
    )
    parser.add_argument("--json", action="store_true", help="print one JSON object with the hits")
    parser.add_argument(
        "--sort", choices=("relevance", "date"), default="relevance", help="order of hits"
    )


def main(args: argparse.Namespace) -> int:
    """Print ranked hits; exit 1 when the index cannot be opened, 0 otherwise."""
    from diplomareader.search import Library
    from diplomareader.search.storage import folder_state

    if folder_state_safe(folder_state, args.index) in ("missing", "empty"):
        print(
            f"diplomareader: no index in {args.index}; run `diplomareader ingest` first",
            file=sys.stderr,
        )
        return 1
    text = " ".join(args.query)
    try:
        with Library(args.index) as library:
            result = library.search(text, sort=args.sort, limit=max(1, args.limit))
            # Inside the block: hits make their snippets from the open index when read.
            if args.json:
                print(json.dumps(result_json(result), ensure_ascii=False))
            else:
                print_result(result)
    except InputError as error:
        print(f"diplomareader: {error}", file=sys.stderr)
        return 1
    return 0


def folder_state_safe(folder_state: Any, path: str) -> str:
    """The folder's state, or ``foreign`` when it cannot be read (Library reports why)."""
    from pathlib import Path

    try:
        return str(folder_state(Path(path)))
    except InputError:
        return "foreign"


def result_json(result: SearchResult) -> dict[str, Any]:
    """The ``--json`` shape of a result."""
    return {
        "query": result.query,
        "understood": result.understood,
        "errors": list(result.errors),
        "total": result.total,
        "hits": [
            {
                "id": h.article.id,
                "date": h.article.date.isoformat() if h.article.date else None,
                "source": h.article.source,
                "title": h.article.title,
                "author": h.article.author,
                "path": h.article.path,
                "score": round(h.score, 4),
                "snippet": h.snippet,
                "marks": [list(m) for m in h.marks],
            }
            for h in result.hits
        ],
    }


def marked(hit: Hit, tty: bool) -> str:
    """The snippet with the matched terms in bold (terminal) or between ``[...]``."""
    out, pos = [], 0
    for start, end in hit.marks:
        out.append(hit.snippet[pos:start])
        term = hit.snippet[start:end]
        out.append(f"\x1b[1m{term}\x1b[0m" if tty else f"[{term}]")
        pos = end
    out.append(hit.snippet[pos:])
    return "".join(out)


def print_result(result: SearchResult) -> None:
    """Readable hits: date, source, title, snippet."""
    tty = sys.stdout.isatty()
    for error in result.errors:
        print(f"note: {error}", file=sys.stderr)
    if result.understood:
        print(f"searched for: {result.understood}", file=sys.stderr)
    shown = len(result.hits)
    print(
        f"{result.total:,} match{'es' if result.total != 1 else ''}"
        + (f", showing {shown}" if shown < result.total else ""),
        file=sys.stderr,
    )
    for hit in result.hits:
        a = hit.article
        date = a.date.isoformat() if a.date else "----------"
        print(f"{date}  {a.source or '-'}  {a.title}")
        if hit.snippet:
            print(f"    {marked(hit, tty)}")
        print(f"    {a.path}")
