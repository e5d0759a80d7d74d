"""The real reader in a real terminal: tmux runs ``diplomareader run``, we read its screen.

Start on the seed corpus (the index is built first), search "lavrov", open the article, see
Tokayev's statements under related quotes, bookmark a paragraph, quit, and export it.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EXE = Path(sys.executable).with_name("diplomareader")

pytestmark = [
    pytest.mark.tmux,
    pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed"),
]


class Terminal:
    """A detached tmux session of a fixed size on its own server."""

    def __init__(self, socket: str) -> None:
        """A handle on the tmux server ``socket``."""
        self.socket = socket

    def tmux(self, *args: str) -> str:
        """Run a tmux command on this server and return its output."""
        result = subprocess.run(
            ["tmux", "-L", self.socket, *args], capture_output=True, text=True, check=False
        )
        return result.stdout

    def screen(self) -> str:
        """The text on screen now."""
        return self.tmux("capture-pane", "-p", "-t", "reader")

    def keys(self, *keys: str) -> None:
        """Type ``keys`` (tmux key names or literal text)."""
        for key in keys:
            self.tmux("send-keys", "-t", "reader", key)
            time.sleep(0.05)

    def wait_for(self, text: str, timeout: float = 60.0) -> str:
        """Wait until ``text`` is on screen; fail with the screen when it never comes."""
        deadline = time.monotonic() + timeout
        screen = ""
        while time.monotonic() < deadline:
            screen = self.screen()
            if text in screen:
                return screen
            time.sleep(0.1)
        raise AssertionError(f"{text!r} never appeared; the screen was:\n{screen}")

    def alive(self) -> bool:
        """Whether the session still runs."""
        return "reader" in self.tmux("list-sessions", "-F", "#{session_name}")


@pytest.fixture
def terminal() -> Iterator[Terminal]:
    """A private tmux server, killed at the end."""
    term = Terminal(f"diplomareader-test-{uuid.uuid4().hex[:8]}")
    yield term
    term.tmux("kill-server")


def test_search_open_related_bookmark_and_export(terminal: Terminal, tmp_path: Path) -> None:
    """The whole path through the real app in tmux, then the export command."""
    index, bookmarks = tmp_path / "index", tmp_path / "bookmarks.yaml"
    env = {
        "DIPLOMAREADER_CONFIG": str(tmp_path / "config.yaml"),
        "DIPLOMAREADER_STATE": str(tmp_path / "state.json"),
        "TERM": "xterm-256color",
    }
    command = " ".join(
        [
            "env",
            "-u",
            "COLUMNS",
            "-u",
            "LINES",
            "-u",
            "COLORTERM",  # a 256-colour terminal, as TERM says
            *(f"{k}={shlex.quote(v)}" for k, v in env.items()),
            shlex.quote(str(EXE)),
            "run",
            "--corpus",
            "corpus",
            "--index",
            shlex.quote(str(index)),
            "--bookmarks",
            shlex.quote(str(bookmarks)),
        ]
    )
    terminal.tmux(
        "new-session", "-d", "-s", "reader", "-x", "120", "-y", "36", "-c", str(ROOT), command
    )
    terminal.wait_for("Articles · 3")
    screen = terminal.wait_for("? Help")  # the key bar may come a frame after the list
    assert "Kazinform" in screen and "Articles · 3" in screen

    terminal.keys("/", "lavrov")
    terminal.wait_for("1 found")
    terminal.keys("Enter")
    time.sleep(0.3)
    terminal.keys("Enter")
    screen = terminal.wait_for("/ Find")  # the footer of the reading pane: it has the focus
    assert "Lavrov Says He Disagrees with Toqayev" in screen
    screen = terminal.wait_for("2022-09-29 · The Embassy")
    assert "Related quotes (" in screen and "Kassym-Jomart Tokayev" in screen
    # In a 256-colour terminal the reader draws with the 256-colour palette only.
    styled = terminal.tmux("capture-pane", "-p", "-e", "-t", "reader")
    assert "\x1b[38;5;" in styled and "38;2;" not in styled and "48;2;" not in styled
    terminal.keys("Tab")  # the side panel
    terminal.wait_for("? Help / Search")
    terminal.keys("BTab")  # back to the reader
    terminal.wait_for("/ Find")
    terminal.keys("j", "b")  # the second paragraph, bookmarked
    deadline = time.monotonic() + 20
    while not bookmarks.exists() and time.monotonic() < deadline:
        time.sleep(0.1)
    assert bookmarks.exists(), terminal.screen()
    terminal.wait_for("★")
    terminal.keys("q")
    deadline = time.monotonic() + 20
    while terminal.alive() and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not terminal.alive()

    export = subprocess.run(
        [str(EXE), "bookmarks", "export", "--format", "md", "--bookmarks", str(bookmarks)],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
        env={**os.environ, **env},
    )
    assert "> Lavrov’s remarks came during an interview with Kommersant" in export.stdout
    assert "Orda.kz" in export.stdout
