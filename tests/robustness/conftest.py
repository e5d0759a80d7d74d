"""Print the robustness figures (faults injected, articles and bookmarks lost) at the end of
a test run, from what each test wrote to ``bench-out/robustness/``."""

from __future__ import annotations

import json
import time
from typing import Any

from tests.robustness.support import FIGURES

STARTED = time.time()


def pytest_terminal_summary(terminalreporter: Any) -> None:
    """A few lines of figures from the tests that ran in this session."""
    fresh = sorted(p for p in FIGURES.glob("*.json") if p.stat().st_mtime >= STARTED - 1)
    if not fresh:
        return
    figures = [json.loads(p.read_text(encoding="utf-8")) for p in fresh]
    faults = sum(f.get("kills_injected", 0) + f.get("faults_injected", 0) for f in figures)
    inputs = sum(f.get("inputs", 0) for f in figures)
    articles = sum(f.get("articles_lost", 0) for f in figures)
    bookmarks = sum(f.get("bookmarks_lost", 0) for f in figures)
    write = terminalreporter.write_line
    terminalreporter.write_sep("-", "robustness figures")
    for figure in figures:
        shown = ", ".join(f"{k}={v}" for k, v in figure.items() if k != "test")
        write(f"{figure['test']}: {shown}")
    write(
        f"total: {inputs} bad inputs, {faults} faults injected, {articles} articles lost, "
        f"{bookmarks} bookmarks lost ({len(figures)} tests reporting)"
    )
    summary = {
        "bad_inputs": inputs,
        "faults_injected": faults,
        "articles_lost": articles,
        "bookmarks_lost": bookmarks,
        "tests": figures,
    }
    out = FIGURES.parent / "robustness-summary.json"
    out.write_text(json.dumps(summary, indent=1, ensure_ascii=False), encoding="utf-8")
