"""Run the cleaner alone on files and score it with the shared scorers.

``clean_score.py parse FILES... > out.jsonl`` writes ``parse --json``-shaped lines (path,
title, date, source, author, url, body, cleaning) straight from ``clean_document``, without
the entity and quote stages. ``clean_score.py f1 GOLD.json OUT.jsonl`` and
``clean_score.py zyte --shared DIR`` score bodies with ``shingle_f1.py``'s measure.
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import importlib.util
import json
import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

from diplomareader.clean import clean_document
from diplomareader.ingest import read_document
from diplomareader.model import InputError


def stem(path: str) -> str:
    """File name without its extension (the key of the gold files)."""
    name = os.path.basename(path)
    for ext in (".html.gz", ".htm.gz", ".txt", ".html", ".htm", ".md", ".gz"):
        if name.endswith(ext):
            return name[: -len(ext)]
    return name


def parse_records(paths: Iterable[str]) -> Iterator[dict[str, Any]]:
    """One ``parse --json``-shaped record per path (``{"path", "error"}`` on bad input)."""
    for path in paths:
        try:
            cleaned = clean_document(read_document(path))
        except InputError as error:
            yield {"path": path, "error": str(error)}
            continue
        yield {
            "path": path,
            "title": cleaned.title,
            "date": cleaned.date.isoformat() if cleaned.date else None,
            "source": cleaned.source,
            "author": cleaned.author,
            "url": cleaned.url,
            "body": cleaned.body,
            "cleaning": dataclasses.asdict(cleaned.report),
        }


def default_shared() -> str:
    """``$DIPLOMAREADER_SHARED``, else the ``shared`` folder next to the checkout."""
    here = Path(__file__).resolve().parents[2] / "shared"
    return os.environ.get("DIPLOMAREADER_SHARED", str(here))


def load_scorer(shared: Path, name: str) -> ModuleType:
    """Import one of the shared scorers (``shingle_f1``, ``score_metadata``) by file."""
    spec = importlib.util.spec_from_file_location(name, shared / "eval" / f"{name}.py")
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot load {name} from {shared}/eval")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def f1_rows(
    shingle: ModuleType, gold: dict[str, Any], records: Iterable[dict[str, Any]]
) -> dict[str, tuple[float, float, float]]:
    """Per-document (precision, recall, F1) of record bodies against the gold bodies."""
    bodies = {stem(r["path"]): r.get("body", "") for r in records}
    return {k: shingle.prf(bodies.get(k, ""), v["articleBody"]) for k, v in gold.items()}


def holdout_half(key: str) -> str:
    """Split documents into two fixed halves ("A" for tuning, "B" held out) by a hash."""
    digest = hashlib.sha1(key.encode("utf-8")).digest()
    return "A" if digest[0] % 2 == 0 else "B"


def mean(rows: Iterable[tuple[float, float, float]]) -> tuple[float, float, float]:
    """Macro average of (P, R, F1) rows, as ``shingle_f1.py`` computes it."""
    items = list(rows)
    n = max(1, len(items))
    return (
        sum(r[0] for r in items) / n,
        sum(r[1] for r in items) / n,
        sum(r[2] for r in items) / n,
    )


def metadata_accuracy(
    scorer: ModuleType, gold: dict[str, Any], records: dict[str, dict[str, Any]]
) -> dict[str, float]:
    """Title / date / author accuracy as ``score_metadata.py`` computes it."""
    checks = {
        "title": scorer.title_ok,
        "date": lambda p, g: (p or "")[:10] == g[:10],
        "author": scorer.author_ok,
    }
    result: dict[str, float] = {}
    for field, ok in checks.items():
        judged = [
            (records.get(k, {}).get(field), v[field]) for k, v in gold.items() if v.get(field)
        ]
        hits = sum(any(ok(p, x) for x in (g if isinstance(g, list) else [g])) for p, g in judged)
        result[field] = hits / max(1, len(judged))
    return result


def score_meta(shared: Path, kind: str) -> int:
    """Print metadata accuracy on trafilatura-eval-en (all pages and both halves)."""
    base = shared / "corpora" / "trafilatura-eval-en"
    gold = json.loads((base / "gold-metadata.json").read_text(encoding="utf-8"))
    pattern = "*.txt" if kind == "text" else "*.html"
    paths = sorted(str(p) for p in (base / kind).glob(pattern))
    records = {stem(r["path"]): r for r in parse_records(paths)}
    scorer = load_scorer(shared, "score_metadata")
    for label, keys in (
        ("all", list(gold)),
        ("half A", [k for k in gold if holdout_half(k) == "A"]),
        ("half B", [k for k in gold if holdout_half(k) == "B"]),
    ):
        acc = metadata_accuracy(scorer, {k: gold[k] for k in keys}, records)
        print(f"{kind} {label}: " + " ".join(f"{f}={v:.3f}" for f, v in acc.items()))
    return 0


def main() -> int:
    """Command-line entry."""
    parser = argparse.ArgumentParser(description=__doc__)
    sub = parser.add_subparsers(dest="cmd", required=True)
    p_parse = sub.add_parser("parse")
    p_parse.add_argument("paths", nargs="+")
    p_zyte = sub.add_parser("zyte")
    p_zyte.add_argument("--shared", default=default_shared())
    p_zyte.add_argument("--kind", choices=("text", "html"), default="text")
    p_zyte.add_argument("--worst", type=int, default=0)
    p_meta = sub.add_parser("meta")
    p_meta.add_argument("--shared", default=default_shared())
    p_meta.add_argument("--kind", choices=("text", "html"), default="html")
    args = parser.parse_args()
    if args.cmd == "parse":
        for record in parse_records(args.paths):
            print(json.dumps(record, ensure_ascii=False))
        return 0
    shared = Path(args.shared)
    if args.cmd == "meta":
        return score_meta(shared, args.kind)
    zyte = shared / "corpora" / "zyte-aeb"
    gold = json.loads((zyte / "ground-truth.json").read_text(encoding="utf-8"))
    pattern = "*.txt" if args.kind == "text" else "*.html.gz"
    paths = sorted(str(p) for p in (zyte / args.kind).glob(pattern))
    rows = f1_rows(load_scorer(shared, "shingle_f1"), gold, parse_records(paths))
    precision, recall, f1 = mean(rows.values())
    print(
        f"{args.kind}: docs={len(rows)} precision={precision:.3f} recall={recall:.3f} f1={f1:.3f}"
    )
    for half in ("A", "B"):
        part = [row for key, row in rows.items() if holdout_half(key) == half]
        p, r, f = mean(part)
        print(f"  half {half}: docs={len(part)} precision={p:.3f} recall={r:.3f} f1={f:.3f}")
    for key, row in sorted(rows.items(), key=lambda kv: kv[1][2])[: args.worst]:
        print(f"  {key[:16]} P={row[0]:.2f} R={row[1]:.2f} F={row[2]:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
