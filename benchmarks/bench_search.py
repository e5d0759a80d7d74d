"""Search benchmark: ``bench_search.py --articles N --out FILE.json``.

Builds N articles from real paragraphs of ``../shared/corpora`` (see searchbench_corpus),
ingests them with the full pipeline into a fresh index, and measures, in the same run:

- ``ingest``: pipeline ingest rate and the raw Whoosh rate (plain add_document of the same
  documents into the same schema); ``reingest_unchanged_s``; ``add_100_s``;
- ``keystroke_ms``: every prefix state of the typed queries below through
  ``Library.search(..., as_you_type=True)`` (what the reader calls), against the same
  keystrokes through Whoosh's QueryParser with a trailing ``*`` and SQLite FTS5 prefix
  queries on the same articles;
- ``open_article_ms``, ``related_quotes_ms`` on 200 random articles (and the same related-quote
  searches reading Whoosh's postings blocks instead of the postings mirrors, with the ratio);
- ``startup_first_paint_s`` (through ``benchmarks/bench_tui.py`` when it offers
  ``measure_first_paint``), ``rss_mb`` (peak of the process that ran the searches),
  ``index_bytes_per_article``.

The searches run in a fresh process (as the reader would). ``make bench`` runs it with
``--shared DIR --out-dir DIR`` and N = 100,000.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

READER_LIMIT = 500
"""Rows the reader asks for per search (``tui/screens/main.py``: SEARCH_LIMIT)."""

QUERIES = [
    "territorial integrity",
    "nuclear weapons",
    "climate change",
    "security council reform",
    "human rights",
    "sanctions against russia",
    "president zelensky",
    "secretary general",
    "sustainable development goals",
    "peace talks",
    "trade agreement",
    "covid vaccines",
    "speaker:biden",
    "title:readout",
    "entity:ukraine",
    "date:2022 ukraine",
    '"middle east"',
    "israel OR gaza",
    "refugees -syria",
    "food security africa",
    "cyber attacks",
    "energy prices",
    "terrorism",
    "indo-pacific partnership",
]
"""Typed queries; every prefix of each is one keystroke."""


def default_shared() -> Path:
    """``../shared`` beside the project, or beside one of its ancestors (worktrees)."""
    for parent in HERE.parents:
        candidate = parent / "shared"
        if (candidate / "corpora").is_dir():
            return candidate
    return HERE.parent.parent / "shared"


def keystrokes(queries: list[str]) -> list[str]:
    """Every prefix state of every query, as typed."""
    return [q[:i] for q in queries for i in range(1, len(q) + 1)]


def summary(values: list[float]) -> dict[str, float]:
    """p50, p95 and max of a list of milliseconds."""
    ordered = sorted(values)
    if not ordered:
        return {"p50": 0.0, "p95": 0.0, "max": 0.0}
    p95 = ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]
    return {
        "p50": round(statistics.median(ordered), 2),
        "p95": round(p95, 2),
        "max": round(ordered[-1], 2),
    }


def peak_rss_mb() -> float:
    """Peak resident memory of this process (MB).

    Linux's ``VmHWM`` (the high-water mark of this program's memory); not ``ru_maxrss``,
    which a process started by ``subprocess`` inherits from its parent across fork and
    exec (the query phase would report the ingest's peak)."""
    try:
        with open("/proc/self/status", encoding="ascii") as handle:
            for line in handle:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024.0
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def resident_parts() -> dict[str, float]:
    """This process's resident memory now: its own (anonymous) and mapped files (MB)."""
    parts: dict[str, float] = {}
    try:
        with open("/proc/self/status", encoding="ascii") as handle:
            for line in handle:
                if line.startswith(("RssAnon:", "RssFile:")):
                    parts[line.split(":")[0][3:].lower()] = round(int(line.split()[1]) / 1024, 1)
    except OSError:
        pass
    return parts


def folder_bytes(folder: Path) -> int:
    """Total size of the files in a folder."""
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def query_phase(index: Path, fts_db: Path | None, naive_timeout: float) -> dict[str, Any]:
    """The reader-side measurements, run in a fresh process."""
    from diplomareader.search import Library
    from searchbench_baselines import fts5_runner, naive_runner, time_each

    states = keystrokes(QUERIES)
    out: dict[str, Any] = {"keystrokes": len(states), "queries": len(QUERIES)}
    started = time.perf_counter()
    library = Library(index)
    rows = library.list_articles()
    first = rows[0] if len(rows) else None
    out["open_and_list_s"] = round(time.perf_counter() - started, 3)
    del first
    library.search("warm up", as_you_type=True)
    # As the reader calls it: newest first (its default order), 500 rows; then by relevance
    # on a fresh library (cold caches again).
    for key, sort in (("keystroke", "date"), ("keystroke_relevance", "relevance")):
        if key != "keystroke":
            # One library at a time, as in the reader: the fresh one (cold caches) takes
            # the place of the first, and serves the rest of the measurements.
            library.close()
            del rows
            gc.collect()
            library = Library(index)
            rows = library.list_articles()
        lib = library
        cpu: list[float] = []

        def keystroke(state: str, lib: Any = lib, sort: str = sort, cpu: list[float] = cpu) -> None:
            started = time.process_time()
            lib.search(state, as_you_type=True, sort=sort, limit=READER_LIMIT)
            cpu.append((time.process_time() - started) * 1000)

        times = time_each(keystroke, states)
        out[f"{key}_ms"] = summary(times)
        out[f"{key}_cpu_ms"] = summary(cpu)
        if key == "keystroke":
            out["slowest_keystrokes"] = [
                [round(t, 1), s]
                for t, s in sorted(zip(times, states, strict=True), reverse=True)[:8]
            ]
    rng = random.Random(11)
    ids = [rows[rng.randrange(len(rows))].id for _ in range(200)]
    open_ms = []
    for aid in ids:
        t0 = time.perf_counter()
        library.article(aid)
        open_ms.append((time.perf_counter() - t0) * 1000)
    related_ms = []
    related_counts = []
    for aid in ids:
        t0 = time.perf_counter()
        related_counts.append(len(library.related_quotes(aid)))
        related_ms.append((time.perf_counter() - t0) * 1000)
    out["open_article_ms"] = summary(open_ms)
    out["related_quotes_ms"] = summary(related_ms)
    out["related_quotes_mean_count"] = round(statistics.mean(related_counts), 1)
    out.update(_related_without_mirrors(index, ids, related_ms))
    out["rss_mb"] = round(peak_rss_mb(), 1)
    out["rss_now_mb"] = resident_parts()
    if fts_db is not None:
        out["fts5_keystroke_ms"] = summary(time_each(fts5_runner(fts_db), states))
    run, timed_out = naive_runner(index, naive_timeout)
    out["naive_whoosh_keystroke_ms"] = summary(time_each(run, states))
    out["naive_whoosh_timed_out"] = timed_out
    (index.parent / "query-phase.json").write_text(json.dumps(out, indent=2))
    return out


def first_paint(index: Path) -> float | None:
    """Seconds from starting the reader on ``index`` to its first screen, if measurable."""
    try:
        import bench_tui
    except ImportError:
        return None
    measure = getattr(bench_tui, "measure_first_paint", None)
    if measure is None:
        return None
    try:
        return float(measure(index))
    except Exception as error:  # noqa: BLE001 - report, do not lose the other figures
        print(f"startup not measured: {error}", file=sys.stderr)
        return None


def _related_without_mirrors(
    index: Path, ids: list[str], mirrored_ms: list[float]
) -> dict[str, Any]:
    """The same related-quote searches on a second library that reads every posting
    through Whoosh (no postings mirrors), and the ratio of the two medians and p95s."""
    from diplomareader.search import Library

    whoosh_ms = []
    with Library(index, mirrors=False) as plain:
        plain.list_articles()
        plain.prepare_related()
        for aid in ids:
            t0 = time.perf_counter()
            plain.related_quotes(aid)
            whoosh_ms.append((time.perf_counter() - t0) * 1000)
    fast, slow = summary(mirrored_ms), summary(whoosh_ms)
    return {
        "related_quotes_whoosh_blocks_ms": slow,
        "related_quotes_speedup_p50": round(slow["p50"] / max(fast["p50"], 1e-6), 2),
        "related_quotes_speedup_p95": round(slow["p95"] / max(fast["p95"], 1e-6), 2),
    }


def main() -> int:
    """Run the whole benchmark and write its JSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=None)
    parser.add_argument("--out", default=None, help="JSON file to write")
    parser.add_argument("--shared", default=str(default_shared()))
    parser.add_argument("--out-dir", default=None, help="folder for search.json (make bench)")
    parser.add_argument("--work", default=None, help="working folder (default: a temporary one)")
    parser.add_argument("--keep", action="store_true", help="keep the working folder")
    parser.add_argument("--naive-timeout", type=float, default=120.0)
    parser.add_argument(
        "--raw-articles",
        type=int,
        default=None,
        help="measure the raw Whoosh rate on the first N articles only (default: all)",
    )
    parser.add_argument(
        "--ingest-only",
        action="store_true",
        help="stop after the ingest figures (ingest, raw Whoosh, re-ingest, add 100)",
    )
    parser.add_argument(
        "--query-phase", nargs=2, metavar=("INDEX", "FTS_DB"), help=argparse.SUPPRESS
    )
    args = parser.parse_args()
    if args.query_phase:
        index, fts = args.query_phase
        result = query_phase(Path(index), Path(fts) if fts != "-" else None, args.naive_timeout)
        print(json.dumps(result))
        return 0
    count = args.articles or (100_000 if args.out_dir else 2_000)
    out_path = Path(args.out) if args.out else Path(args.out_dir or ".") / "search.json"
    corpora = Path(args.shared) / "corpora"
    if not corpora.is_dir():
        print(f"bench_search: {corpora} is missing", file=sys.stderr)
        return 1
    work = Path(args.work) if args.work else Path(tempfile.mkdtemp(prefix="bench-search-"))
    try:
        result = run(corpora, work, count, args.naive_timeout, args.raw_articles, args.ingest_only)
    finally:
        if not args.keep and not args.work:
            shutil.rmtree(work, ignore_errors=True)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    out_path.write_text(json.dumps(result, indent=2) + "\n")
    print(json.dumps(result, indent=2))
    return 0


def run(
    corpora: Path,
    work: Path,
    count: int,
    naive_timeout: float,
    raw_articles: int | None = None,
    ingest_only: bool = False,
) -> dict[str, Any]:
    """Build, ingest, measure; returns the benchmark's JSON (only the ingest part with
    ``ingest_only``)."""
    from diplomareader.search import Library
    from searchbench_baselines import build_fts5, raw_whoosh
    from searchbench_corpus import write_corpus

    corpus, index = work / "corpus", work / "index"
    log = lambda text: print(f"[bench_search] {text}", file=sys.stderr, flush=True)  # noqa: E731
    marker = work / "corpus-done"
    if not marker.exists() or marker.read_text() != str(count):
        log(f"writing {count:,} articles")
        shutil.rmtree(corpus, ignore_errors=True)
        write_corpus(corpora, corpus, count)
        marker.write_text(str(count))
    shutil.rmtree(corpus / "added", ignore_errors=True)
    shutil.rmtree(index, ignore_errors=True)
    log("pipeline ingest")
    cpu0 = (
        resource.getrusage(resource.RUSAGE_SELF).ru_utime
        + resource.getrusage(resource.RUSAGE_CHILDREN).ru_utime
    )
    started = time.perf_counter()
    with Library(index) as library:
        report = library.ingest([str(corpus)])
    ingest_s = time.perf_counter() - started
    cpu1 = (
        resource.getrusage(resource.RUSAGE_SELF).ru_utime
        + resource.getrusage(resource.RUSAGE_CHILDREN).ru_utime
    )
    ingest_rss = peak_rss_mb()
    log(f"ingested {report.added:,} in {ingest_s:.0f} s ({len(report.errors)} errors)")
    log("raw whoosh")
    raw = raw_whoosh(index, work / "raw-index", raw_articles)
    shutil.rmtree(work / "raw-index", ignore_errors=True)
    log(f"raw: {raw}")
    log("reingest unchanged")
    started = time.perf_counter()
    with Library(index) as library:
        again = library.ingest([str(corpus)])
    reingest_s = time.perf_counter() - started
    log("add 100")
    write_corpus(corpora, corpus / "added", 100, start=count)
    started = time.perf_counter()
    with Library(index) as library:
        added = library.ingest([str(corpus)])
    add_s = time.perf_counter() - started
    if ingest_only:
        return ingest_figures(report, ingest_s, cpu1 - cpu0, raw, ingest_rss) | {
            "reingest_unchanged_s": round(reingest_s, 2),
            "reingest_unchanged_files": again.unchanged,
            "add_100_s": round(add_s, 2),
            "add_100_added": added.added,
            "load_average": os.getloadavg(),
        }
    log("fts5")
    fts_build_s = build_fts5(index, work / "fts.db")
    log("query phase")
    phase = subprocess.run(
        [
            sys.executable,
            __file__,
            "--query-phase",
            str(index),
            str(work / "fts.db"),
            "--naive-timeout",
            str(naive_timeout),
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    measured = json.loads(phase.stdout)
    paint = first_paint(index)
    articles = report.added
    result: dict[str, Any] = {
        **ingest_figures(report, ingest_s, cpu1 - cpu0, raw, ingest_rss),
        "reingest_unchanged_s": round(reingest_s, 2),
        "reingest_unchanged_files": again.unchanged,
        "add_100_s": round(add_s, 2),
        "add_100_added": added.added,
        "keystroke_ms": measured["keystroke_ms"],
        "keystroke_cpu_ms": measured["keystroke_cpu_ms"],
        "keystroke_relevance_ms": measured["keystroke_relevance_ms"],
        "keystroke_relevance_cpu_ms": measured["keystroke_relevance_cpu_ms"],
        "naive_whoosh_keystroke_ms": measured["naive_whoosh_keystroke_ms"],
        "fts5_keystroke_ms": measured.get("fts5_keystroke_ms"),
        "open_article_ms": {k: measured["open_article_ms"][k] for k in ("p50", "p95")},
        "related_quotes_ms": {k: measured["related_quotes_ms"][k] for k in ("p50", "p95")},
        "related_quotes_whoosh_blocks_ms": {
            k: measured["related_quotes_whoosh_blocks_ms"][k] for k in ("p50", "p95")
        },
        "related_quotes_speedup_p50": measured["related_quotes_speedup_p50"],
        "related_quotes_speedup_p95": measured["related_quotes_speedup_p95"],
        "startup_first_paint_s": paint,
        "rss_mb": measured["rss_mb"],
        "index_bytes_per_article": round(folder_bytes(index) / max(1, articles + added.added)),
        "details": {
            "keystrokes": measured["keystrokes"],
            "typed_queries": measured["queries"],
            "slowest_keystrokes": measured["slowest_keystrokes"],
            "naive_whoosh_timed_out": measured["naive_whoosh_timed_out"],
            "open_and_list_s": measured["open_and_list_s"],
            "related_quotes_mean_count": measured["related_quotes_mean_count"],
            "fts5_build_s": round(fts_build_s, 1),
            "load_average": os.getloadavg(),
            "cpus": os.cpu_count(),
            "startup": "measured"
            if paint is not None
            else "not measured (no bench_tui.measure_first_paint)",
        },
    }
    return result


def ingest_figures(
    report: Any, ingest_s: float, cpu_s: float, raw: dict[str, float], ingest_rss: float
) -> dict[str, Any]:
    """The ``articles`` and ``ingest`` keys: the pipeline's rate against raw Whoosh's."""
    articles = report.added
    return {
        "articles": articles,
        "ingest": {
            "pipeline_articles_per_s": round(articles / ingest_s, 1),
            "raw_whoosh_articles_per_s": round(raw["articles"] / raw["wall_s"], 1),
            "ratio": round((articles / ingest_s) / (raw["articles"] / raw["wall_s"]), 3),
            "pipeline_s": round(ingest_s, 1),
            "pipeline_cpu_s": round(cpu_s, 1),
            "raw_whoosh_s": round(raw["wall_s"], 1),
            "raw_whoosh_cpu_s": round(raw["cpu_s"], 1),
            "raw_whoosh_articles": raw["articles"],
            # What the rates would be on two idle cores: CPU seconds over two for the
            # pipeline (perfect overlap), over one for the single raw writer.
            "ratio_cpu_bound": round(
                (articles / max(1e-9, cpu_s / 2)) / (raw["articles"] / raw["cpu_s"]), 3
            ),
            "errors": len(report.errors),
            "peak_rss_mb": round(ingest_rss, 1),
        },
    }


if __name__ == "__main__":
    sys.exit(main())
