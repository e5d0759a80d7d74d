"""The seed articles as the pipeline made them on one day, for the snapshot tests.

Snapshots test the layout, so their index is built from a frozen copy of the seeds' parsed
form (``data/seeds.json``, written by ``python -m tests.tui.frozen_seeds``): a later change to
cleaning or extraction then does not redraw every snapshot. The index, the library and the app
are the real ones; only the pipeline stage is replaced, through ``Library.ingest(parser=)``.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from functools import cache
from pathlib import Path
from typing import Any

from diplomareader.model import Article, CleaningReport, Entity, Mention, Quote
from diplomareader.pipeline import article_id

DATA = Path(__file__).resolve().parent / "data" / "seeds.json"
"""The frozen articles, by file name."""


def article_from_json(path: str, data: dict[str, Any]) -> Article:
    """An Article from its ``to_json`` shape."""
    return Article(
        id=article_id(path),
        path=path,
        title=data["title"],
        body=data["body"],
        date=dt.date.fromisoformat(data["date"]) if data["date"] else None,
        source=data["source"],
        author=data["author"],
        url=data["url"],
        quotes=tuple(Quote(**q) for q in data["quotes"]),
        entities=tuple(
            Entity(
                e["name"],
                e["kind"],
                tuple(e["aliases"]),
                tuple(Mention(**m) for m in e["mentions"]),
            )
            for e in data["entities"]
        ),
        report=CleaningReport(**data["cleaning"]),
        content_hash=data["content_hash"],
    )


@cache
def _frozen() -> dict[str, dict[str, Any]]:
    """The frozen articles by file name."""
    data: dict[str, dict[str, Any]] = json.loads(DATA.read_text(encoding="utf-8"))
    return data


def frozen_parser(path: str) -> Article:
    """The frozen article of the seed file at ``path`` (a stand-in for the pipeline)."""
    return article_from_json(path, _frozen()[Path(path).name])


def main() -> None:
    """Freeze the current pipeline's output for the seeds (run when the layout tests need it)."""
    from diplomareader.pipeline import parse_file

    corpus = Path(__file__).resolve().parents[2] / "corpus"
    frozen = {}
    for path in sorted(corpus.glob("*.txt")):
        article = parse_file(str(path))
        frozen[path.name] = {**article.to_json(), "content_hash": article.content_hash}
    DATA.write_text(json.dumps(frozen, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {DATA}", file=sys.stderr)


if __name__ == "__main__":
    main()
