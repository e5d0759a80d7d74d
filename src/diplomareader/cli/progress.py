"""A terminal progress display for ingest: count, bar, rate and time left.

Used by ``diplomareader ingest`` and by ``diplomareader run`` when it builds a stale index
before starting the reader::

    printer = ProgressPrinter()
    report = library.ingest(paths, progress=printer)
    printer.finish()
"""

from __future__ import annotations

import shutil
import sys
import time
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from diplomareader.search import IngestProgress

PHASES = {
    "waiting": "waiting for another ingest to finish",
    "repairing": "checking the index after an interrupted ingest",
    "scanning": "looking for new and changed files",
    "committing": "saving the index",
}


def format_duration(seconds: float) -> str:
    """``m:ss`` or ``h:mm:ss``."""
    seconds = max(0, int(round(seconds)))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def progress_line(p: IngestProgress, width: int = 80) -> str:
    """One line describing ``p`` that fits in ``width`` columns."""
    if p.phase in PHASES and not (p.phase == "committing" and p.total == 0):
        text = PHASES[p.phase]
        if p.phase == "committing" and p.total:
            text += f" ({p.done:,}/{p.total:,} files)"
        return text[:width]
    if p.total == 0:
        return "index up to date"[:width]
    frac = p.done / p.total if p.total else 1.0
    counts = f"{p.done:,}/{p.total:,}"
    rate = f"{p.rate:,.0f}/s" if p.rate >= 1 else (f"{p.rate:.1f}/s" if p.rate else "")
    left = f"{format_duration(p.eta_s)} left" if p.eta_s is not None and p.done < p.total else ""
    failed = f"{p.failed} failed" if p.failed else ""
    tail = "  ".join(x for x in (f"{frac:4.0%}", rate, left, failed) if x)
    bar_width = max(10, min(30, width - len(counts) - len(tail) - 6))
    filled = int(bar_width * frac)
    line = f"[{'#' * filled}{'.' * (bar_width - filled)}] {counts}  {tail}"
    return line[:width]


class ProgressPrinter:
    """A progress callback that redraws one line on a terminal (or logs now and then)."""

    def __init__(self, stream: TextIO | None = None, *, interval: float = 0.1) -> None:
        self.stream = stream or sys.stderr
        self.tty = bool(getattr(self.stream, "isatty", lambda: False)())
        self.interval = interval if self.tty else 5.0
        self.last = 0.0
        self.last_phase = ""
        self.drawn = False

    def __call__(self, p: IngestProgress) -> None:
        """Show ``p`` (throttled; phase changes always show)."""
        now = time.monotonic()
        if p.phase == self.last_phase and now - self.last < self.interval and p.done < p.total:
            return
        if p.phase == "done":
            return
        self.last, self.last_phase = now, p.phase
        width = shutil.get_terminal_size((80, 24)).columns - 1
        line = progress_line(p, width)
        if self.tty:
            self.stream.write("\r\x1b[2K" + line)
            self.drawn = True
        else:
            self.stream.write(line + "\n")
        self.stream.flush()

    def message(self, text: str) -> None:
        """Print a line of its own (an error) without breaking the progress line."""
        self.clear()
        self.stream.write(text + "\n")
        self.stream.flush()

    def clear(self) -> None:
        """Erase the progress line."""
        if self.tty and self.drawn:
            self.stream.write("\r\x1b[2K")
            self.stream.flush()
            self.drawn = False

    def finish(self) -> None:
        """Erase the progress line at the end."""
        self.clear()
