"""Print the robustness figures (inputs tried, faults injected, articles and bookmarks lost)
at the end of a test run, from what each test wrote to ``bench-out/robustness/``.

A pytest plugin registered by the top ``tests/conftest.py`` (which imports its hook): under
``pytest -n 2`` only conftest files of the initial paths are loaded in the controlling
process, so a hook in ``tests/robustness/conftest.py`` would never run in ``make test``.
"""

from __future__ import annotations

import json
import time
from typing import Any

from tests.robustness.support import FIGURES

STARTED = time.time()
"""When this run began: only figures written since then are reported."""


def fresh_figures(since: float = STARTED) -> list[dict[str, Any]]:
    """The figures the tests of this run wrote, by test name."""
    if not FIGURES.is_dir():
        return []
    fresh = sorted(p for p in FIGURES.glob("*.json") if p.stat().st_mtime >= since - 1)
    return [json.loads(p.read_text(encoding="utf-8")) for p in fresh]


def totals(figures: list[dict[str, Any]]) -> dict[str, int]:
    """Generated inputs, bad input files, faults injected, articles and bookmarks lost."""

    def total(*keys: str) -> int:
        return sum(int(f.get(key, 0)) for f in figures for key in keys)

    return {
        "fuzz_inputs": total("fuzz_inputs"),
        "bad_inputs": total("inputs"),
        "faults_injected": total("kills_injected", "faults_injected"),
        "articles_lost": total("articles_lost"),
        "bookmarks_lost": total("bookmarks_lost"),
    }


def pytest_terminal_summary(terminalreporter: Any) -> None:
    """A few lines of figures from the tests that ran in this session."""
    figures = fresh_figures()
    if not figures:
        return
    sums = totals(figures)
    write = terminalreporter.write_line
    terminalreporter.write_sep("-", "robustness figures")
    for figure in figures:
        shown = ", ".join(f"{k}={v}" for k, v in figure.items() if k != "test")
        write(f"{figure['test']}: {shown}")
    write(
        f"robustness total: inputs tried {sums['fuzz_inputs'] + sums['bad_inputs']} "
        f"({sums['fuzz_inputs']} generated, {sums['bad_inputs']} bad files), "
        f"faults injected {sums['faults_injected']}, articles lost {sums['articles_lost']}, "
        f"bookmarks lost {sums['bookmarks_lost']} ({len(figures)} tests reporting)"
    )
    out = FIGURES.parent / "robustness-summary.json"
    out.write_text(json.dumps({**sums, "tests": figures}, indent=1, ensure_ascii=False))
