"""Reader benchmark: startup to first paint, a key press in the list, opening an article.

``bench_tui.py [--index DIR] [--articles N] [--shared DIR] [--out-dir DIR]`` measures, on a
large index (100,000 articles under ``make bench``):

- ``startup_first_paint_s``: from starting ``diplomareader run`` in a pseudo-terminal to the
  first frame of the reader on its screen (and ``startup_list_ready_s``, to the first rows);
- ``list_keypress_ms``: from a key press in the list (j, k, G, g, PageDown) to the redrawn
  rows reaching the terminal, through the same pseudo-terminal;
- ``search_typing_echo_ms``: from a keystroke in the search box to the box showing it, while
  the searches of the previous keystrokes run (queries typed a key every 0.1 s);
- ``open_article_ms``: from Enter on a row to the frame with the article, its quotes and its
  entities reaching the terminal, through the same pseudo-terminal (160x45);
  ``open_related_quotes_ms``: to the frame with its related quotes filled in as well (they are
  looked up after the article is on screen, with a "finding related quotes" line meanwhile,
  unless the reader read them ahead while the cursor rested on the row: then one frame);
  ``open_article_cold_ms`` and ``open_related_quotes_cold_ms``: the same with Enter pressed
  as soon as the cursor arrives on the row, before anything can be read ahead.

The index: ``--index DIR``; else the one ``bench_search.py`` keeps in ``<out-dir>``
(``search-work/index``) when present; else one built here from the shared corpora with the
search benchmark's corpus writer (kept in ``<out-dir>/tui-work`` for the next run).
``measure_first_paint(index)`` is what ``bench_search.py`` calls for its own JSON. Each run
starts the reader once unmeasured first, so that the measured starts find the compiled modules
cached, as an installed reader does.
Targets (issue 6): first paint <= 0.6 s, key press and typing echo <= 50 ms, open <= 100 ms.
"""

from __future__ import annotations

import argparse
import atexit
import fcntl
import json
import os
import pty
import re
import select
import shutil
import signal
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

TARGETS = {
    "startup_first_paint_s": 0.6,
    "list_keypress_ms": 50.0,
    "search_typing_echo_ms": 50.0,
    "open_article_ms": 100.0,
}
"""Issue 6's ceilings (typing in the search box gets the list keys' budget: no stutter)."""
_SGR = re.compile(rb"\x1b\[[0-9;:]*m")
"""Colour and style sequences, removed to read the text of a line as drawn."""
_ANSI = re.compile(rb"\x1b\[[0-9;?<=>$]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-_]")
"""Escape sequences, removed to look for text in the terminal output."""


DROPPED_ENV = frozenset({"COLUMNS", "LINES", "TEXTUAL", "PYTHONDONTWRITEBYTECODE"})
"""Left out of the reader's environment: a fixed size, Textual's dev mode, and the switch that
keeps Python from caching compiled modules (a sandbox setting: an installed reader has its
bytecode cached, and compiling a hundred modules again at every start is not what users see)."""


def _bytecode_cache() -> Path:
    """One folder for the compiled modules of every reader this benchmark starts (outside the
    source tree); the first start fills it and is not measured (``warm_up``)."""
    global _CACHE
    if _CACHE is None:
        _CACHE = Path(tempfile.mkdtemp(prefix="bench-tui-pycache-"))
        atexit.register(shutil.rmtree, _CACHE, ignore_errors=True)
    return _CACHE


_CACHE: Path | None = None


def warm_up(index: Path) -> None:
    """Start the reader once, unmeasured: compiled modules cached, the index's files read."""
    _startup(index)


class PtyReader:
    """``diplomareader run`` in a pseudo-terminal of a fixed size, its output read as it comes."""

    def __init__(self, index: Path, columns: int = 120, rows: int = 36) -> None:
        """Start the reader on ``index`` (no corpus check) in a fresh temporary home."""
        self.home = Path(tempfile.mkdtemp(prefix="bench-tui-home-"))
        master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
        env = {k: v for k, v in os.environ.items() if k not in DROPPED_ENV}
        env.update(
            PYTHONPYCACHEPREFIX=str(_bytecode_cache()),
            TERM="xterm-256color",
            COLORTERM="truecolor",
            DIPLOMAREADER_CONFIG=str(self.home / "config.yaml"),
            DIPLOMAREADER_STATE=str(self.home / "state.json"),
            DIPLOMAREADER_BOOKMARKS=str(self.home / "bookmarks.yaml"),
        )
        self.started = time.perf_counter()
        self.process = subprocess.Popen(
            [sys.executable, "-m", "diplomareader", "run", "--no-update", "--index", str(index)],
            stdin=slave,
            stdout=slave,
            stderr=slave,
            env=env,
            cwd=str(self.home),
            start_new_session=True,
        )
        os.close(slave)
        self.master = master
        self.text = b""

    def read(self, timeout: float) -> bytes:
        """Whatever output arrives within ``timeout`` seconds (empty when none)."""
        ready, _, _ = select.select([self.master], [], [], timeout)
        if not ready:
            return b""
        try:
            chunk = os.read(self.master, 1 << 16)
        except OSError:
            return b""
        self.text += _ANSI.sub(b"", chunk)
        return chunk

    def wait_for(self, pattern: bytes, timeout: float = 60.0) -> float:
        """Seconds since start until ``pattern`` shows in the output text."""
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            if re.search(pattern, self.text):
                return time.perf_counter() - self.started
            self.read(0.05)
        raise TimeoutError(f"{pattern!r} never appeared")

    def wait_after(self, pattern: bytes, mark: int, timeout: float = 30.0) -> float:
        """``time.perf_counter()`` when ``pattern`` shows in the output after ``mark`` bytes."""
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            if re.search(pattern, self.text[mark:]):
                return time.perf_counter()
            self.read(0.05)
        raise TimeoutError(f"{pattern!r} never appeared")

    def linger(self, seconds: float) -> None:
        """Read whatever comes for ``seconds`` (however busy the terminal is)."""
        deadline = time.perf_counter() + seconds
        while (left := deadline - time.perf_counter()) > 0:
            self.read(left)

    def drain(self, quiet: float = 0.3) -> None:
        """Read until the terminal has been quiet for ``quiet`` seconds."""
        while self.read(quiet):
            pass

    def key_latency(self, key: bytes, timeout: float = 5.0) -> float:
        """Milliseconds from writing ``key`` to the first output that follows it."""
        self.drain(0.15)
        sent = time.perf_counter()
        os.write(self.master, key)
        deadline = sent + timeout
        while time.perf_counter() < deadline:
            if self.read(deadline - time.perf_counter()):
                return (time.perf_counter() - sent) * 1000
        raise TimeoutError(f"no redraw after {key!r}")

    def close(self) -> None:
        """Quit the reader (q), then make sure it is gone."""
        try:
            os.write(self.master, b"q")
            self.process.wait(timeout=5)
        except (OSError, subprocess.TimeoutExpired):
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()
        os.close(self.master)


def measure_first_paint(index: Path) -> float:
    """Seconds from starting the reader on ``index`` to its first frame (best of three)."""
    warm_up(index)
    return min(_startup(index)[0] for _ in range(3))


def _startup(index: Path) -> tuple[float, float]:
    """One start: seconds to the first frame and to the first listed rows."""
    reader = PtyReader(index)
    try:
        first = reader.wait_for(rb"Articles \xc2\xb7")
        ready = reader.wait_for(rb"Articles \xc2\xb7 [1-9]")
    finally:
        reader.close()
    return first, ready


def summary(values: list[float]) -> dict[str, float]:
    """p50, p95 and max, rounded."""
    ordered = sorted(values)
    p95 = ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]
    return {
        "p50": round(statistics.median(ordered), 1),
        "p95": round(p95, 1),
        "max": round(ordered[-1], 1),
        "n": len(ordered),
    }


def keypresses(index: Path, rounds: int = 40) -> dict[str, Any]:
    """Key presses in the list of the reader in a pseudo-terminal."""
    reader = PtyReader(index)
    times: list[float] = []
    per_key: dict[str, list[float]] = {}
    try:
        reader.wait_for(rb"Articles \xc2\xb7 [1-9]")
        reader.drain(0.5)
        keys = [b"j", b"j", b"k", b"G", b"g", b"\x1b[6~", b"j"]
        for round_ in range(rounds):
            key = keys[round_ % len(keys)]
            latency = reader.key_latency(key)
            times.append(latency)
            per_key.setdefault(key.decode("ascii", "replace"), []).append(latency)
    finally:
        reader.close()
    return {
        "all": summary(times),
        "by_key": {k.replace("\x1b[6~", "PageDown"): summary(v) for k, v in per_key.items()},
    }


QUERIES = ("president", "foreign minister", "sanctions", "nuclear talks", "referendum")
"""What the typing measure types: words a reader of diplomatic news searches for."""
TYPING_GAP = 0.1
"""Seconds between two keystrokes (a quick typist), unless the echo takes longer."""


def echoed(raw: bytes, text: str) -> bool:
    """Whether ``raw`` output draws the search box (the screen's first row) with ``text``."""
    wanted = text.encode()
    for move in re.finditer(rb"\x1b\[1;1H", raw):
        line = _SGR.sub(b"", raw[move.end() : move.end() + 64 + 24 * len(wanted)])
        if line.lstrip(b" ").startswith(wanted):
            return True
    return False


def typing(index: Path, queries: tuple[str, ...] = QUERIES) -> dict[str, Any]:
    """Milliseconds from a keystroke in the search box to its echo on the terminal.

    Each query is typed a key every ``TYPING_GAP`` seconds; every key starts a search of
    the index (as the user types), so the later keys come while searches run: the echo
    must not wait for them. Escape clears the box between queries.
    """
    reader = PtyReader(index, columns=160, rows=45)
    times: list[float] = []
    try:
        reader.wait_for(rb"Articles \xc2\xb7 [1-9]")
        reader.drain(0.5)
        os.write(reader.master, b"/")
        reader.drain(0.3)
        for query in queries:
            for end in range(1, len(query) + 1):
                raw = b""
                sent = time.perf_counter()
                os.write(reader.master, query[end - 1].encode())
                deadline = sent + 5.0
                while not echoed(raw, query[:end]):
                    if time.perf_counter() > deadline:
                        raise TimeoutError(f"{query[:end]!r} never echoed")
                    raw += reader.read(0.05)
                times.append((time.perf_counter() - sent) * 1000)
                time.sleep(max(0.0, sent + TYPING_GAP - time.perf_counter()))
                while reader.read(0):
                    pass
            reader.drain(0.5)
            os.write(reader.master, b"\x1b")
            reader.drain(0.5)
    finally:
        reader.close()
    return summary(times)


OPENING = rb"Quotes [0-9]+ \xc2\xb7 related (?:\xe2\x80\xa6|[0-9]+) \xc2\xb7"
"""The side panel's title once an article is on screen: with its related quotes being looked
up, or with their number when they were read ahead and come in the same frame."""
RELATED = rb"related [0-9]+ \xc2\xb7"
"""The side panel's title once the related quotes are filled in."""


def opens(index: Path, count: int, rest: float = 0.3) -> tuple[list[float], list[float]]:
    """Milliseconds from Enter on a row to the frames with the article and its related quotes.

    The reader runs in a pseudo-terminal at 160x45 (three panes side by side). The frame that
    shows the article (body, header, and its quotes and entities in the side panel) is the
    first with the side panel's title for it ("related …" while the related quotes are looked
    up); the related quotes are on screen when the title gives their number. Between opens,
    Escape goes back to the list and the cursor moves down to another article, where it rests
    ``rest`` seconds before Enter (the terminal quiet that long): time for the reader to read
    the article ahead, as it does for a user who reads a title before opening it. With a
    short ``rest`` (below the reader's 0.15 s; Enter that long after the keys, whatever is
    drawn meanwhile) Enter finds nothing read ahead.
    """
    reader = PtyReader(index, columns=160, rows=45)
    opened: list[float] = []
    related: list[float] = []
    try:
        reader.wait_for(rb"Articles \xc2\xb7 [1-9]")
        reader.drain(0.5)
        for number in range(count):
            for key in [b"\x1b[6~"] + [b"j"] * (number % 5):
                os.write(reader.master, key)
            if rest >= REST_QUIET:
                reader.drain(rest)
            else:
                reader.linger(rest)
            mark = len(reader.text)
            sent = time.perf_counter()
            os.write(reader.master, b"\r")
            opened.append((reader.wait_after(OPENING, mark) - sent) * 1000)
            related.append((reader.wait_after(RELATED, mark) - sent) * 1000)
            reader.drain(0.2)
            os.write(reader.master, b"\x1b")
            reader.drain(0.3)
    finally:
        reader.close()
    return opened, related


COLD_REST = 0.03
"""Seconds from the cursor's move to Enter in the cold opens: nothing can be read ahead."""
REST_QUIET = 0.1
"""From this ``rest`` on, the opens wait for that much quiet in the terminal before Enter;
below it, for that much time whatever the terminal shows."""


def find_index(args: argparse.Namespace) -> Path:
    """The index to measure (see the module docstring), built here when there is none."""
    if args.index:
        return Path(args.index)
    out_dir = Path(args.out_dir or ROOT / "bench-out")
    kept = out_dir / "search-work" / "index"
    if kept.is_dir():
        return kept
    work = out_dir / "tui-work"
    index, marker = work / "index", work / "built"
    if marker.exists() and marker.read_text() == str(args.articles):
        return index
    from diplomareader.search import Library
    from searchbench_corpus import write_corpus

    print(f"[bench_tui] writing and indexing {args.articles:,} articles", file=sys.stderr)
    corpus = work / "corpus"
    write_corpus(Path(args.shared) / "corpora", corpus, args.articles)
    with Library(index) as library:
        library.ingest([str(corpus)])
    marker.write_text(str(args.articles))
    return index


def main() -> int:
    """Measure, print and write ``tui.json``."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--index", help="an existing index to measure")
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--shared", default=str(ROOT.parent / "shared"))
    parser.add_argument("--out-dir", default=None)
    parser.add_argument("--opens", type=int, default=30)
    args = parser.parse_args()
    index = find_index(args)
    from diplomareader.search import Library

    with Library(index) as library:
        articles = library.count()
    warm_up(index)
    starts = [_startup(index) for _ in range(5)]
    opened, related = opens(index, args.opens)
    opened_cold, related_cold = opens(index, args.opens, rest=COLD_REST)
    result: dict[str, Any] = {
        "articles": articles,
        "index": str(index),
        "startup_first_paint_s": round(min(s[0] for s in starts), 3),
        "startup_first_paint_median_s": round(statistics.median(s[0] for s in starts), 3),
        "startup_list_ready_s": round(statistics.median(s[1] for s in starts), 3),
        "list_keypress_ms": keypresses(index),
        "search_typing_echo_ms": typing(index),
        "open_article_ms": summary(opened),
        "open_related_quotes_ms": summary(related),
        "open_article_cold_ms": summary(opened_cold),
        "open_related_quotes_cold_ms": summary(related_cold),
        "targets": TARGETS,
    }
    out = Path(args.out_dir or ROOT / "bench-out") / "tui.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=2) + "\n")
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
