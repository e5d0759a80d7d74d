"""Cleaning benchmark: speed on one core and quality with the shared scorers.

Speed: documents per CPU second (one core; wall-clock rates are printed too) of
``clean_document`` on the Zyte pages as text dumps and as HTML (files read and decoded
beforehand, and also timed with reading), against trafilatura's
default extraction of the same HTML in the same process (a ratio that does not depend on how
busy the machine is). Quality: token 4-shingle P/R/F1 on the Zyte sets and title/date/author
accuracy on trafilatura-eval-en, for all pages and for two fixed halves (A, B) of them.

Usage: ``bench_clean.py --shared ../shared --out-dir bench-out`` (``make bench`` does this).
Writes ``clean.json`` in the output folder and prints the figures.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from clean_score import (  # noqa: E402
    f1_rows,
    holdout_half,
    load_scorer,
    mean,
    metadata_accuracy,
    parse_records,
    stem,
)
from diplomareader.clean import clean_document  # noqa: E402
from diplomareader.clean.lines import clear_caches  # noqa: E402
from diplomareader.ingest import read_document  # noqa: E402
from diplomareader.model import InputError, RawDocument  # noqa: E402

TARGETS = {"text_docs_per_s": 200.0, "html_pages_per_s": 30.0}


def _pin_one_core() -> None:
    """Run on a single CPU so that the figures are per core."""
    if hasattr(os, "sched_setaffinity"):
        with contextlib.suppress(OSError):
            os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})


def _rate(
    items: Sequence[Any], work: Callable[[Any], object], min_seconds: float = 3.0
) -> tuple[float, float]:
    """Items per CPU second and per wall-clock second of ``work`` over ``items``.

    Passes repeat for at least ``min_seconds`` of CPU time; the per-text caches are emptied
    before each pass so that every pass is as cold as a first run. CPU time is what one core
    does whatever else the machine is running; wall time shows the machine's load.
    """
    done, cpu, wall = 0, 0.0, 0.0
    while cpu < min_seconds:
        clear_caches()
        cpu_start, wall_start = time.process_time(), time.perf_counter()
        for item in items:
            work(item)
        cpu += time.process_time() - cpu_start
        wall += time.perf_counter() - wall_start
        done += len(items)
    return done / cpu, done / wall


def _read_all(paths: list[str]) -> list[RawDocument]:
    """Read and decode the files (bad ones are skipped)."""
    docs = []
    for path in paths:
        try:
            docs.append(read_document(path))
        except InputError:
            continue
    return docs


def speed(shared: Path) -> dict[str, float]:
    """Documents per second for text dumps and HTML, and trafilatura's rate on the same HTML."""
    import trafilatura

    zyte = shared / "corpora" / "zyte-aeb"
    text_paths = sorted(str(p) for p in (zyte / "text").glob("*.txt"))
    html_paths = sorted(str(p) for p in (zyte / "html").glob("*.html.gz"))
    texts, pages = _read_all(text_paths), _read_all(html_paths)
    runs = {
        "text_docs": _rate(texts, clean_document),
        "text_read_and_clean": _rate(text_paths, lambda p: clean_document(read_document(p))),
        "html_pages": _rate(pages, clean_document),
        "html_read_and_clean": _rate(html_paths, lambda p: clean_document(read_document(p))),
        "trafilatura_default_pages": _rate(pages, lambda raw: trafilatura.extract(raw.text)),
    }
    figures: dict[str, float] = {}
    for name, (per_cpu, per_wall) in runs.items():
        figures[f"{name}_per_s"] = per_cpu
        figures[f"{name}_per_wall_s"] = per_wall
    figures["html_vs_trafilatura"] = (
        figures["html_pages_per_s"] / figures["trafilatura_default_pages_per_s"]
    )
    return figures


def quality(shared: Path) -> dict[str, Any]:
    """Body F1 on the Zyte sets and metadata accuracy on trafilatura-eval-en."""
    zyte = shared / "corpora" / "zyte-aeb"
    gold = json.loads((zyte / "ground-truth.json").read_text(encoding="utf-8"))
    shingle = load_scorer(shared, "shingle_f1")
    result: dict[str, Any] = {}
    for kind, pattern in (("text", "*.txt"), ("html", "*.html.gz")):
        paths = sorted(str(p) for p in (zyte / kind).glob(pattern))
        rows = f1_rows(shingle, gold, parse_records(paths))
        for label, keys in (
            ("all", list(rows)),
            ("A", [k for k in rows if holdout_half(k) == "A"]),
            ("B", [k for k in rows if holdout_half(k) == "B"]),
        ):
            p, r, f = mean(rows[k] for k in keys)
            result[f"zyte_{kind}_{label}"] = {
                "precision": p,
                "recall": r,
                "f1": f,
                "docs": len(keys),
            }
    base = shared / "corpora" / "trafilatura-eval-en"
    meta_gold = json.loads((base / "gold-metadata.json").read_text(encoding="utf-8"))
    scorer = load_scorer(shared, "score_metadata")
    for kind, pattern in (("html", "*.html"), ("text", "*.txt")):
        paths = sorted(str(p) for p in (base / kind).glob(pattern))
        records = {stem(r["path"]): r for r in parse_records(paths)}
        for label, keys in (
            ("all", list(meta_gold)),
            ("A", [k for k in meta_gold if holdout_half(k) == "A"]),
            ("B", [k for k in meta_gold if holdout_half(k) == "B"]),
        ):
            subset = {k: meta_gold[k] for k in keys}
            result[f"metadata_{kind}_{label}"] = metadata_accuracy(scorer, subset, records)
    return result


def main() -> int:
    """Run the benchmark, print the figures and write them as JSON."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--shared", default=str(HERE.parent.parent / "shared"))
    parser.add_argument("--out-dir", default=str(HERE.parent / "bench-out"))
    args = parser.parse_args()
    shared = Path(args.shared)
    if not (shared / "corpora" / "zyte-aeb").is_dir():
        print(f"bench_clean: {shared}/corpora not found; nothing to measure")
        return 0
    _pin_one_core()
    figures: dict[str, Any] = {"speed": speed(shared), "quality": quality(shared)}
    figures["targets_met"] = {
        name: figures["speed"][name] >= target for name, target in TARGETS.items()
    }
    out = Path(args.out_dir)
    out.mkdir(parents=True, exist_ok=True)
    (out / "clean.json").write_text(json.dumps(figures, indent=2), encoding="utf-8")
    for name, value in figures["speed"].items():
        print(f"speed {name}: {value:.2f}")
    for name, value in figures["quality"].items():
        print(f"quality {name}: " + " ".join(f"{k}={v:.3f}" for k, v in value.items()))
    print(f"written {out / 'clean.json'}")
    return 0 if all(figures["targets_met"].values()) else 1


if __name__ == "__main__":
    sys.exit(main())
