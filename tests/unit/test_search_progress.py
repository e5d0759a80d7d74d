"""The ingest progress line (count, bar, rate, time left) and its printer."""

from __future__ import annotations

import io

from diplomareader.cli.progress import ProgressPrinter, format_duration, progress_line
from diplomareader.search import IngestProgress


def test_progress_line_has_count_rate_and_time_left() -> None:
    """Counts, percentage, rate and remaining time, within the width."""
    line = progress_line(IngestProgress("indexing", 250, 1000, 2, 10.0, 25.0, 30.0, "a.txt"), 80)
    assert "250/1,000" in line and "25%" in line and "25/s" in line
    assert "0:30 left" in line and "2 failed" in line
    assert len(line) <= 80
    assert len(progress_line(IngestProgress("indexing", 1, 3), 20)) <= 20


def test_phases_and_nothing_to_do() -> None:
    """Phases read as sentences; an empty run says the index is up to date."""
    assert progress_line(IngestProgress("scanning", 0, 0)).startswith("looking for")
    assert progress_line(IngestProgress("indexing", 0, 0)) == "index up to date"


def test_durations() -> None:
    """m:ss below an hour, h:mm:ss above."""
    assert format_duration(5) == "0:05"
    assert format_duration(3725) == "1:02:05"


def test_printer_logs_lines_when_not_a_terminal() -> None:
    """Off a terminal each shown state is a line of its own."""
    out = io.StringIO()
    printer = ProgressPrinter(out)
    printer(IngestProgress("scanning", 0, 0))
    printer(IngestProgress("indexing", 10, 10, 0, 1.0, 10.0, 0.0))
    printer.message("diplomareader: bad.txt: empty file")
    printer.finish()
    lines = out.getvalue().splitlines()
    assert lines[0].startswith("looking for") and "10/10" in lines[1]
    assert lines[2] == "diplomareader: bad.txt: empty file"
