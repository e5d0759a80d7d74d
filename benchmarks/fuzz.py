"""``make fuzz``: property-based fuzzing of the pipeline with many generated inputs.

Targets (properties in ``tests/robustness/properties.py``, inputs from
``tests/robustness/strategies.py``):

- ``clean``: ``clean_document`` on text dumps, HTML and Markdown documents — never raises
  (other than a one-line InputError), body in the contract format, no invented words;
- ``extract``: entity and quote extraction on bodies — never raises, ``body[start:end] == text``;
- ``files``: arbitrary bytes on disk (any encoding, binary, gzip, BOMs, NULs) through
  ``read_document`` and the whole pipeline — an Article with exact offsets or a one-line error;
- ``query``: ``Library.search`` on a small real index — never raises, the query is understood
  or an error says why.

Prints inputs tried and failures per target, a minimal failing input for each failing target,
and writes ``bench-out/fuzz.json``. Exit status 1 when any property failed.

    .venv/bin/python benchmarks/fuzz.py [--examples N] [--target NAME ...] [--seed S]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from hypothesis import HealthCheck, Phase, find, given, seed, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402
from hypothesis.errors import NoSuchExample  # noqa: E402
from tests.robustness import properties, strategies  # noqa: E402

DEFAULT_EXAMPLES = {"clean": 4000, "extract": 4000, "files": 1500, "query": 2000}
"""Inputs per target for ``make fuzz`` (11,500 in all)."""


def build_library(folder: Path) -> Any:
    """A small real index: the sample corpus and a few multilingual articles."""
    from diplomareader.search import Library

    extra = folder / "extra"
    extra.mkdir()
    (extra / "ru.txt").write_text(
        "Новости\n\nСергей Лавров заявил: «Мы не согласны». Переговоры продолжатся.\n",
        encoding="utf-8",
    )
    (extra / "zh.txt").write_text(
        "新闻\n\n中方支持通过对话解决争端。他说：“我们希望各方保持克制。”\n"
    )
    library = Library(folder / "index")
    library.ingest([str(ROOT / "corpus"), str(extra)])
    return library


def targets(library: Any) -> dict[str, tuple[st.SearchStrategy[Any], Callable[[Any], None]]]:
    """Each target's input strategy and property check."""
    return {
        "clean": (strategies.raw_documents(), properties.check_clean),
        "extract": (strategies.bodies(), properties.check_extract),
        "files": (strategies.file_bytes(), lambda v: properties.check_file(v[0], v[1])),
        "query": (strategies.queries(), lambda q: properties.check_query(library, q)),
    }


def run_target(
    name: str,
    strategy: st.SearchStrategy[Any],
    check: Callable[[Any], None],
    examples: int,
    rng_seed: int,
) -> dict[str, Any]:
    """Try ``examples`` generated inputs; count them and the failures (without stopping)."""
    stats: dict[str, Any] = {"inputs": 0, "failures": 0, "errors": {}, "minimal": None}
    failing: list[Any] = []
    slowest: list[Any] = [0.0, None]

    @seed(rng_seed)
    @settings(
        max_examples=examples,
        deadline=None,
        database=None,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(strategy)
    def explore(value: Any) -> None:
        stats["inputs"] += 1
        began = time.monotonic()
        try:
            check(value)
        except Exception as error:  # noqa: BLE001 - every failure is counted and reported
            stats["failures"] += 1
            key = f"{type(error).__name__}: {str(error).split(' | ')[0][:160]}"
            stats["errors"][key] = stats["errors"].get(key, 0) + 1
            if len(failing) < 3:
                failing.append(value)
        took = time.monotonic() - began
        if took > slowest[0]:
            slowest[:] = [took, value]

    started = time.monotonic()
    explore()
    stats["seconds"] = round(time.monotonic() - started, 1)
    stats["slowest_s"] = round(slowest[0], 2)
    stats["slowest_input"] = strategies.describe(slowest[1])[:200]
    if failing:
        stats["minimal"] = _minimal(strategy, check, failing[0])
    return stats


def _fails(check: Callable[[Any], None], value: Any) -> bool:
    """Whether ``check`` rejects ``value``."""
    try:
        check(value)
    except Exception:  # noqa: BLE001
        return True
    return False


def _minimal(strategy: st.SearchStrategy[Any], check: Callable[[Any], None], first: Any) -> str:
    """A shrunk failing input (or the first one found when shrinking finds none)."""
    try:
        value = find(
            strategy,
            lambda v: _fails(check, v),
            settings=settings(
                max_examples=2000,
                deadline=None,
                database=None,
                suppress_health_check=list(HealthCheck),
            ),
        )
    except NoSuchExample:
        value = first
    return strategies.describe(value)


def main(argv: list[str] | None = None) -> int:
    """Run the targets and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=None, help="inputs per target")
    parser.add_argument("--target", action="append", choices=sorted(DEFAULT_EXAMPLES))
    parser.add_argument("--seed", type=int, default=20260101)
    parser.add_argument("--out", default=str(ROOT / "bench-out" / "fuzz.json"))
    args = parser.parse_args(argv)
    warnings.filterwarnings("ignore", message="Generating overly large repr")
    chosen = args.target or list(DEFAULT_EXAMPLES)
    results: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as tmp:
        library = build_library(Path(tmp))
        try:
            table = targets(library)
            for name in chosen:
                examples = args.examples or DEFAULT_EXAMPLES[name]
                strategy, check = table[name]
                stats = run_target(name, strategy, check, examples, args.seed)
                results[name] = stats
                print(
                    f"{name:<8} inputs tried {stats['inputs']:>6,}   failures "
                    f"{stats['failures']:>4}   ({stats['seconds']} s; slowest input "
                    f"{stats['slowest_s']} s)",
                    flush=True,
                )
                for error, count in sorted(stats["errors"].items(), key=lambda x: -x[1])[:5]:
                    print(f"           {count:>5} x {error}")
                if stats["minimal"]:
                    print(f"           minimal failing input: {stats['minimal']}")
        finally:
            library.close()
    total = sum(r["inputs"] for r in results.values())
    failures = sum(r["failures"] for r in results.values())
    print(f"total    inputs tried {total:>6,}   failures {failures:>4}")
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    summary = {"seed": args.seed, "inputs": total, "failures": failures, "targets": results}
    out.write_text(json.dumps(summary, indent=1, ensure_ascii=False))
    print(f"figures written to {out}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
