"""The real reader (``diplomareader run``) in tmux on bad input and under faults: a corpus of
broken files, two copies of the app on one index and bookmarks file, and the app killed with
SIGKILL and started again.
"""

from __future__ import annotations

import os
import shlex
import shutil
import signal
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("diplomareader.tui.app", reason="the reader has not landed yet")

from diplomareader.store.bookmarks import BookmarkStore  # noqa: E402
from tests.robustness.badfiles import error_names, ok_names, write_cases  # noqa: E402
from tests.robustness.support import (  # noqa: E402
    ROOT,
    cli,
    command,
    record_figures,
    write_articles,
)

pytestmark = [
    pytest.mark.tmux,
    pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed"),
]


class Tmux:
    """A private tmux server whose sessions run the real app."""

    def __init__(self) -> None:
        self.socket = f"diplomareader-robust-{uuid.uuid4().hex[:8]}"

    def run(self, *args: str) -> str:
        """A tmux command on this server; its output."""
        import subprocess

        done = subprocess.run(["tmux", "-L", self.socket, *args], capture_output=True, text=True)
        return done.stdout

    def start(self, name: str, argv: list[str], env: dict[str, str]) -> None:
        """Start ``argv`` in a new 140x40 session; the shell waits after it ends, printing
        the exit status, so that the screen can still be read."""
        inner = " ".join(
            [
                "env",
                "-u",
                "COLUMNS",
                "-u",
                "LINES",
                *(f"{k}={shlex.quote(v)}" for k, v in env.items()),
                *(shlex.quote(a) for a in argv),
            ]
        )
        script = f"{inner}; echo EXIT=$?; sleep 120"
        self.run(
            "new-session", "-d", "-s", name, "-x", "140", "-y", "40", "-c", str(ROOT),
            f"sh -c {shlex.quote(script)}",
        )  # fmt: skip

    def screen(self, name: str) -> str:
        """The text on the session's screen, with its scroll-back."""
        return self.run("capture-pane", "-p", "-J", "-S", "-200", "-t", name)

    def keys(self, name: str, *keys: str) -> None:
        """Type ``keys`` (tmux key names, or literal text with ``-l``)."""
        for key in keys:
            self.run("send-keys", "-t", name, key)
            time.sleep(0.08)

    def text(self, name: str, text: str) -> None:
        """Type literal text (any script)."""
        self.run("send-keys", "-t", name, "-l", text)
        time.sleep(0.1)

    def wait_for(self, name: str, text: str, timeout: float = 90.0) -> str:
        """Wait for ``text`` on screen; fail with the screen when it never comes."""
        deadline = time.monotonic() + timeout
        screen = ""
        while time.monotonic() < deadline:
            screen = self.screen(name)
            if text in screen:
                return screen
            time.sleep(0.15)
        raise AssertionError(f"{text!r} never appeared on {name}; the screen was:\n{screen}")

    def app_pid(self, name: str) -> int:
        """The pid of the Python process running in the session."""
        shell = int(self.run("list-panes", "-t", name, "-F", "#{pane_pid}").split()[0])
        for entry in Path("/proc").iterdir():
            if entry.name.isdigit():
                try:
                    stat = (entry / "stat").read_text().rsplit(")", 1)[1].split()
                    cmdline = (entry / "cmdline").read_bytes()
                except OSError:
                    continue
                if int(stat[1]) == shell and b"diplomareader" in cmdline:
                    return int(entry.name)
        raise AssertionError("the app's process was not found")


@pytest.fixture
def tmux() -> Iterator[Tmux]:
    """A private tmux server, killed at the end."""
    server = Tmux()
    yield server
    server.run("kill-server")


def _env(folder: Path) -> dict[str, str]:
    """Settings and state files of one test, a real terminal type and a UTF-8 locale."""
    return {
        "DIPLOMAREADER_CONFIG": str(folder / "config.yaml"),
        "DIPLOMAREADER_STATE": str(folder / "state.json"),
        "TERM": "xterm-256color",
        "LANG": "C.UTF-8",
        "LC_ALL": "C.UTF-8",
    }


def test_run_on_a_corpus_of_bad_files(tmux: Tmux, tmp_path: Path) -> None:
    """``diplomareader run`` on a folder of broken and multilingual files: the unreadable
    ones are listed, the reader opens on the others, finds Russian and Chinese text as you
    type, bookmarks a paragraph and quits cleanly; no traceback anywhere."""
    corpus = tmp_path / "corpus"
    cases = write_cases(corpus)
    huge = corpus / "huge-50mb.txt"
    with open(huge, "wb") as handle:  # a 50 MB text file: refused, in bounded memory
        line = b"The minister said the talks on grain exports would resume in Geneva.\n"
        handle.write(line * (50 * 1024 * 1024 // len(line) + 1))
    index, bookmarks = tmp_path / "index", tmp_path / "bookmarks.yaml"
    argv = command("run", "--corpus", str(corpus), "--index", str(index))
    tmux.start("bad", [*argv, "--bookmarks", str(bookmarks)], _env(tmp_path))
    tmux.wait_for("bad", f"Articles · {len(ok_names(cases))}", timeout=180)
    pid = tmux.app_pid("bad")
    tmux.keys("bad", "/")
    tmux.text("bad", "Лавров")
    tmux.wait_for("bad", "3 found")
    tmux.keys("bad", "Escape")
    time.sleep(0.8)  # a key right after Escape would read as Alt+key
    tmux.wait_for("bad", f"Articles · {len(ok_names(cases))}")
    tmux.keys("bad", "/")
    tmux.text("bad", "克制")
    tmux.wait_for("bad", "1 found")
    tmux.keys("bad", "Enter", "Enter")
    screen = tmux.wait_for("bad", "各方保持克制")
    tmux.keys("bad", "b")
    deadline = time.monotonic() + 20
    while not bookmarks.exists() and time.monotonic() < deadline:
        time.sleep(0.1)
    peak_mb = _peak_rss_mb(pid)
    tmux.keys("bad", "q")
    screen = tmux.wait_for("bad", "EXIT=")
    assert "EXIT=0" in screen, screen
    assert "Traceback" not in screen, screen
    failed = [*error_names(cases), huge.name]
    assert f"{len(failed)} failed" in screen, screen
    for name in failed:  # each unreadable file named on its own line, before the reader
        lines = [line for line in screen.splitlines() if f"{name}:" in line]
        assert len(lines) == 1, (name, screen)
    assert "too large" in screen, screen
    assert peak_mb < 450, f"the reader took {peak_mb:.0f} MB with a 50 MB file in its corpus"
    store = BookmarkStore(bookmarks)
    store.load()
    (bookmark,) = store.all()
    assert "克制" in bookmark.text or "中方" in bookmark.text, bookmark.text
    record_figures(
        "real_app_bad_corpus",
        inputs=len(cases) + 1,
        errors_reported=len(failed),
        app_peak_rss_mb=round(peak_mb),
        bookmarks_lost=0,
    )


def _peak_rss_mb(pid: int) -> float:
    """The peak resident memory of a running process (``VmHWM``), in MB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    raise AssertionError("no VmHWM in /proc")


def test_two_real_copies_share_index_and_bookmarks(tmux: Tmux, tmp_path: Path) -> None:
    """Two copies of the app at once on one index and one bookmarks file: both read and
    bookmark; a real ``ingest`` runs while both are open, and after ``r`` both list the new
    articles; both bookmarks are in the file afterwards."""
    index, bookmarks = tmp_path / "index", tmp_path / "bookmarks.yaml"
    assert cli("ingest", str(ROOT / "corpus"), "--index", str(index)).returncode == 0
    for name in ("one", "two"):
        folder = tmp_path / name
        folder.mkdir()
        argv = command("run", "--no-update", "--index", str(index), "--bookmarks", str(bookmarks))
        tmux.start(name, argv, _env(folder))
    for name in ("one", "two"):
        tmux.wait_for(name, "Articles · 3")
    tmux.keys("one", "Enter")
    tmux.keys("two", "G", "Enter")
    for name in ("one", "two"):
        tmux.wait_for(name, "/ Find")
        tmux.keys(name, "b")
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        store = BookmarkStore(bookmarks)
        store.load()
        if len(store.all()) == 2:
            break
        time.sleep(0.2)
    more = tmp_path / "more"
    write_articles(more, 4)
    ingest = cli("ingest", str(more), "--index", str(index))
    assert ingest.returncode == 0 and "Traceback" not in ingest.stderr, ingest.describe()
    for name in ("one", "two"):
        tmux.keys(name, "Escape")
        time.sleep(0.8)  # a key right after Escape would read as Alt+key
        tmux.keys(name, "r")
    for name in ("one", "two"):
        tmux.wait_for(name, "Articles · 7")
        tmux.keys(name, "/")
        tmux.text(name, "artno2")
        tmux.wait_for(name, "1 found")
        tmux.keys(name, "Enter")
    for name in ("one", "two"):
        tmux.keys(name, "q")
        screen = tmux.wait_for(name, "EXIT=")
        assert "EXIT=0" in screen and "Traceback" not in screen, screen
    store = BookmarkStore(bookmarks)
    store.load()
    assert len({b.article_id for b in store.all()}) == 2, [b.title for b in store.all()]
    record_figures(
        "two_real_copies", copies=2, ingests_while_open=1, bookmarks_added=2, bookmarks_lost=0
    )


def test_app_killed_and_started_again(tmux: Tmux, tmp_path: Path) -> None:
    """SIGKILL the running app right after a bookmark; it starts again on the same files,
    the bookmark is there and the index answers."""
    index, bookmarks = tmp_path / "index", tmp_path / "bookmarks.yaml"
    assert cli("ingest", str(ROOT / "corpus"), "--index", str(index)).returncode == 0
    argv = command("run", "--no-update", "--index", str(index), "--bookmarks", str(bookmarks))
    tmux.start("first", argv, _env(tmp_path))
    tmux.wait_for("first", "Articles · 3")
    tmux.keys("first", "Enter")
    tmux.wait_for("first", "/ Find")
    tmux.keys("first", "j", "b")
    deadline = time.monotonic() + 20
    while not bookmarks.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    os.kill(tmux.app_pid("first"), signal.SIGKILL)
    tmux.wait_for("first", "EXIT=")
    tmux.start("second", argv, _env(tmp_path))
    tmux.wait_for("second", "Articles · 3")
    tmux.keys("second", "/")
    tmux.text("second", "lavrov")
    tmux.wait_for("second", "1 found")
    tmux.keys("second", "Enter", "q")  # Enter: keep the query and go to the list
    screen = tmux.wait_for("second", "EXIT=")
    assert "EXIT=0" in screen and "Traceback" not in screen, screen
    store = BookmarkStore(bookmarks)
    assert store.load().warning is None and len(store.all()) == 1
    record_figures("app_killed", kills_injected=1, bookmarks_lost=0)


def test_app_killed_while_saving_bookmarks(tmux: Tmux, tmp_path: Path) -> None:
    """SIGKILL the real app at a random moment 0-200 ms after ``b`` (one kill in each of
    four windows), four times: the bookmarks file always loads without a warning, holds
    every bookmark saved before, and holds the new one or not (never a broken file); no
    temporary file survives the next save."""
    import random

    rng = random.Random(int(os.environ.get("DIPLOMAREADER_FAULT_SEED", "7")))
    index, bookmarks = tmp_path / "index", tmp_path / "bookmarks.yaml"
    assert cli("ingest", str(ROOT / "corpus"), "--index", str(index)).returncode == 0
    argv = command("run", "--no-update", "--index", str(index), "--bookmarks", str(bookmarks))
    held: set[str] = set()
    kills = lost = old_file = 0
    windows = [(0.0, 0.02), (0.02, 0.05), (0.05, 0.1), (0.1, 0.2)]
    for round_no, window in enumerate(windows):
        name = f"k{round_no}"
        tmux.start(name, argv, _env(tmp_path / name))
        tmux.wait_for(name, "Articles · 3")
        tmux.keys(name, "Enter")
        tmux.wait_for(name, "/ Find")
        tmux.keys(name, *["j"] * (round_no + 1))
        time.sleep(0.3)
        pid = tmux.app_pid(name)
        tmux.run("send-keys", "-t", name, "b")
        time.sleep(rng.uniform(*window))
        os.kill(pid, signal.SIGKILL)
        kills += 1
        tmux.wait_for(name, "EXIT=")
        store = BookmarkStore(bookmarks)
        result = store.load()
        assert result.warning is None, result.warning
        now = {b.id for b in store.all()}
        lost += len(held - now)
        assert held <= now and len(now - held) <= 1, (held, now)
        old_file += now == held
        held = now
    store = BookmarkStore(bookmarks)
    store.load()
    assert store.all(), "no bookmark reached the file in four rounds"
    store.save()
    assert not list(tmp_path.glob(".bookmarks.yaml.*.tmp"))
    record_figures(
        "app_killed_while_saving",
        kills_injected=kills,
        kills_before_the_save=old_file,
        kills_after_the_save=kills - old_file,
        bookmarks_lost=lost,
    )
    assert lost == 0
