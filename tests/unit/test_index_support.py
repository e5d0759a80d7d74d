"""Stand-in articles for the search tests: JSON files read by a tiny parser (no pipeline).

Each file holds ``{"title", "date", "source", "author", "body", "entities": [[name, kind,
aliases, [surface, ...]]], "quotes": [[text, speaker]]}``; the parser finds the offsets.
Run as a script (``python -m tests.unit.test_index_support INDEX PATH... [--slow S]``) it
ingests with this parser, for the tests that kill an ingest.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import sys
import time
from pathlib import Path
from typing import Any

from diplomareader.model import Article, Entity, InputError, Mention, Quote

STARTED = "ingest started"
"""The first line the script mode prints, once the ingest is processing files."""
SLOW = {"seconds": 0.0}
"""Delay per parsed file (set by the script mode so that kills land mid-ingest)."""


def json_parser(path: str) -> Article:
    """Read a stand-in article file."""
    from diplomareader.pipeline import article_id

    raw = Path(path).read_bytes()
    if SLOW["seconds"]:
        time.sleep(SLOW["seconds"])
    try:
        data = json.loads(raw)
    except ValueError:
        raise InputError("not a stand-in article (bad JSON)") from None
    body = data["body"]
    entities = []
    for name, kind, aliases, surfaces in data.get("entities", []):
        mentions = []
        for surface in surfaces:
            start = body.find(surface)
            while start != -1:
                mentions.append(Mention(surface, start, start + len(surface)))
                start = body.find(surface, start + 1)
        entities.append(Entity(name, kind, tuple(aliases), tuple(mentions)))
    quotes = []
    for text, speaker in data.get("quotes", []):
        start = body.index(text)
        quotes.append(Quote(text, start, start + len(text), speaker, speaker, "said"))
    return Article(
        id=article_id(path),
        path=path,
        title=data["title"],
        body=body,
        date=dt.date.fromisoformat(data["date"]) if data.get("date") else None,
        source=data.get("source"),
        author=data.get("author"),
        url=data.get("url"),
        quotes=tuple(quotes),
        entities=tuple(entities),
        content_hash=hashlib.sha256(raw).hexdigest(),
    )


def write_article(folder: Path, name: str, **fields: Any) -> Path:
    """Write one stand-in article file and return its path."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.json"
    path.write_text(json.dumps(fields), encoding="utf-8")
    return path


TOKAYEV = ["Kassym-Jomart Tokayev", "person", ["Tokayev", "Toqayev", "Qasym-Jomart Toqayev"]]
LAVROV = ["Sergey Lavrov", "person", ["Lavrov"]]

SAMPLE: dict[str, dict[str, Any]] = {
    "orda": {
        "title": "Lavrov Says He Disagrees with Toqayev's 2022 Remarks on Territorial Integrity",
        "date": "2023-06-20",
        "source": "Orda.kz",
        "author": "Igor Ulitin",
        "body": (
            "Russian Foreign Minister Sergey Lavrov said he disagrees with Toqayev.\n\n"
            "At SPIEF in 2022 Toqayev said: we do not recognise quasi-state entities, "
            "which is what Luhansk and Donetsk are in essence.\n\n"
            "Lavrov answered: it was another meeting of Ukrainian military leaders with "
            "their Western colleagues."
        ),
        "entities": [
            [*TOKAYEV, ["Toqayev"]],
            [*LAVROV, ["Sergey Lavrov", "Lavrov"]],
            ["Ukraine", "place", ["Ukrainian"], ["Ukrainian"]],
        ],
        "quotes": [
            [
                "we do not recognise quasi-state entities, which is what Luhansk and "
                "Donetsk are in essence",
                "Kassym-Jomart Tokayev",
            ],
            [
                "another meeting of Ukrainian military leaders with their Western colleagues",
                "Sergey Lavrov",
            ],
        ],
    },
    "embassy": {
        "title": "Kazakhstan Favors Neutrality in Current Geopolitical Situation, Says Tokayev",
        "date": "2022-09-29",
        "source": "Embassy of Kazakhstan",
        "body": (
            "President Kassym-Jomart Tokayev met the diplomatic corps.\n\n"
            '"The principle of territorial integrity must be respected," said the President.\n\n'
            '"Kazakhstan favors neutrality and dialogue," Tokayev noted.'
        ),
        "entities": [
            [*TOKAYEV, ["Kassym-Jomart Tokayev", "Tokayev"]],
            ["Kazakhstan", "place", [], ["Kazakhstan"]],
        ],
        "quotes": [
            ["The principle of territorial integrity must be respected", "Kassym-Jomart Tokayev"],
            ["Kazakhstan favors neutrality and dialogue", "Kassym-Jomart Tokayev"],
        ],
    },
    "qazaq": {
        "title": "Kazakhstan announces its position on referendums in DPR and LPR",
        "date": "2022-09-26",
        "source": "Qazaq TV",
        "body": (
            "Kazakhstan will not recognise the referendums in the DPR and LPR, said Aibek "
            "Smadyarov, the foreign ministry spokesman.\n\n"
            '"Kazakhstan proceeds from the principle of territorial integrity of states," '
            "he added, citing the UN Charter."
        ),
        "entities": [
            ["Aibek Smadyarov", "person", ["Smadyarov"], ["Aibek Smadyarov"]],
            ["Kazakhstan", "place", [], ["Kazakhstan"]],
            ["United Nations", "organization", ["UN"], ["UN"]],
        ],
        "quotes": [
            ["Kazakhstan will not recognise the referendums in the DPR and LPR", "Aibek Smadyarov"],
            [
                "Kazakhstan proceeds from the principle of territorial integrity of states",
                "Aibek Smadyarov",
            ],
        ],
    },
}
"""Three small articles modelled on the seeds (one Toqayev spelling, one Tokayev)."""


def write_sample(folder: Path) -> dict[str, Path]:
    """Write the three sample articles into ``folder``."""
    return {name: write_article(folder, name, **fields) for name, fields in SAMPLE.items()}


def filler(folder: Path, count: int, *, start: int = 0) -> list[Path]:
    """``count`` plain articles with distinct words, dated over 2021."""
    paths = []
    for i in range(start, start + count):
        day = dt.date(2021, 1, 1) + dt.timedelta(days=i % 365)
        paths.append(
            write_article(
                folder,
                f"filler-{i:05d}",
                title=f"Bulletin number {i}",
                date=day.isoformat(),
                source="Wire",
                body=f"Routine bulletin {i} about trade and shipping.\n\nMarker word w{i}x.",
            )
        )
    return paths


def main(argv: list[str]) -> int:
    """Script mode: ``INDEX PATH... [--slow SECONDS]`` ingests with the stand-in parser."""
    from diplomareader.search import Library

    if "--slow" in argv:
        at = argv.index("--slow")
        SLOW["seconds"] = float(argv[at + 1])
        del argv[at : at + 2]
    workers = 1
    if "--workers" in argv:
        at = argv.index("--workers")
        workers = int(argv[at + 1])
        del argv[at : at + 2]
    index, *paths = argv
    told: list[bool] = []

    def started(_: object) -> None:
        """Say once that files are being processed (tests time their kills from here)."""
        if not told:
            told.append(True)
            print(STARTED, flush=True)

    try:
        with Library(index) as library:
            report = library.ingest(
                paths,
                parser=json_parser,
                workers=workers,
                commit_seconds=0.05,
                progress=started,
            )
    except InputError as error:  # as the real command line does
        print(f"diplomareader: {error}", file=sys.stderr)
        return 1
    print(json.dumps({"added": report.added, "articles": report.articles}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
