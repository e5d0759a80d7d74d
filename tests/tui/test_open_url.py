"""``o`` opens the article's url: the configured command, a graphical browser, or the clipboard.

The browser side is real: a Python script stands in for the browser program, started by the
reader's own command (``browser:`` setting) or by the standard library's browser controller.
"""

from __future__ import annotations

import asyncio
import re
import sys
import time
import webbrowser
from collections.abc import Iterator
from pathlib import Path

import pytest

from diplomareader.search import Library
from diplomareader.store.config import Config
from diplomareader.tui.browser import browser_command, graphical_browser, is_console_browser
from diplomareader.tui.screens.main import MainScreen
from tests.tui.conftest import AppFactory, screen_text, settle

URL = "https://example.org/briefing?id=7&lang=en"
"""The article's address (with characters a shell would misread unquoted)."""

RECORDER = "import sys, pathlib; pathlib.Path(sys.argv[1]).write_text(sys.argv[2])"
"""A stand-in browser: writes the url it was given into a file."""


@pytest.fixture
def url_library(tmp_path: Path) -> Iterator[Library]:
    """An index of one Markdown article with a url."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "briefing.md").write_text(
        "---\ntitle: Briefing on the neutrality statement\ndate: 2022-09-30\n"
        f"source_url: {URL}\n---\n"
        "The spokesperson said the talks in Astana would go on.\n\nNothing else was said.\n",
        encoding="utf-8",
    )
    with Library(tmp_path / "index") as library:
        report = library.ingest([str(corpus)], workers=1)
        assert report.articles == 1 and not report.errors
        yield library


@pytest.fixture
def no_system_browser(monkeypatch: pytest.MonkeyPatch) -> None:
    """The standard library finds no browser at all (as over ssh)."""
    monkeypatch.setattr(webbrowser, "_tryorder", [])
    monkeypatch.setattr(webbrowser, "_browsers", {})


async def wait_for(path: Path, seconds: float = 10.0) -> str:
    """The contents of ``path`` once a child process has written it."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if path.exists() and path.read_text():
            return path.read_text()
        await asyncio.sleep(0.05)
    raise AssertionError(f"{path} was never written")


def test_browser_command_quotes_the_url() -> None:
    """%u is replaced by the quoted url, or the url is appended."""
    assert browser_command("w3m %u", URL) == f"w3m '{URL}'"
    assert browser_command("firefox --new-tab %u &", "https://a.b/c") == (
        "firefox --new-tab https://a.b/c &"
    )
    assert browser_command("lynx", "https://a.b/") == "lynx https://a.b/"
    with pytest.raises(ValueError):
        browser_command("  ", URL)


def test_console_browsers_are_never_picked_behind_the_readers_back() -> None:
    """w3m, lynx (generic) and elinks run in the terminal; xdg-open and firefox do not."""
    assert is_console_browser(webbrowser.GenericBrowser("w3m"))
    assert is_console_browser(webbrowser.Elinks("elinks"))
    assert not is_console_browser(webbrowser.BackgroundBrowser("xdg-open"))
    assert not is_console_browser(webbrowser.Mozilla("firefox"))


def test_no_browser_found(no_system_browser: None) -> None:
    """Without any browser, there is no graphical one."""
    assert graphical_browser() is None


def toasts(app: object) -> str:
    """The words of the notifications on screen, joined across their wrapped lines."""
    text = screen_text(app)  # type: ignore[arg-type]
    lines = [line.rsplit("▌", 1)[1].rstrip(" │─╯") for line in text.splitlines() if "▌" in line]
    return re.sub(r"\s+", " ", " ".join(lines))


async def open_the_article(pilot: object, screen: MainScreen) -> None:
    """Open the only article."""
    screen.open_article(screen.list_view.rows[0].id)
    await settle(pilot)  # type: ignore[arg-type]
    assert screen.article is not None and screen.article.url == URL


async def test_o_without_a_browser_copies_the_url(
    url_library: Library, make_reader: AppFactory, no_system_browser: None
) -> None:
    """Nothing can open a page: the url goes to the clipboard and the user is told."""
    app = make_reader(url_library)
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, MainScreen)
        await open_the_article(pilot, screen)
        assert URL in screen_text(app)  # the header shows the address
        await pilot.press("o")
        await pilot.pause(0.2)
        assert app.clipboard == URL
        assert "url was copied to the clipboard" in toasts(app)


async def test_o_runs_the_configured_browser_command(
    url_library: Library, make_reader: AppFactory, tmp_path: Path, no_system_browser: None
) -> None:
    """browser: in the config runs with the url, quoted, in place of %u."""
    seen = tmp_path / "opened.txt"
    command = f"{sys.executable} -c '{RECORDER}' {seen} %u"
    app = make_reader(url_library, Config(browser=command))
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, MainScreen)
        await open_the_article(pilot, screen)
        await pilot.press("o")
        assert await wait_for(seen) == URL
        await app.workers.wait_for_complete()
        assert app.clipboard != URL


async def test_o_hands_the_url_to_a_graphical_browser(
    url_library: Library,
    make_reader: AppFactory,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The system's (graphical) browser gets the url; the reader says it opened it."""
    seen = tmp_path / "opened.txt"
    script = tmp_path / "browser.py"
    script.write_text(f"import sys, pathlib; pathlib.Path({str(seen)!r}).write_text(sys.argv[1])")
    browser = webbrowser.BackgroundBrowser([sys.executable, str(script), "%s"])
    monkeypatch.setattr(webbrowser, "_tryorder", ["stand-in"])
    monkeypatch.setattr(webbrowser, "_browsers", {"stand-in": [None, browser]})
    app = make_reader(url_library)
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, MainScreen)
        await open_the_article(pilot, screen)
        await pilot.press("o")
        assert await wait_for(seen) == URL
        await app.workers.wait_for_complete()
        await pilot.pause(0.2)
        assert f"Opened {URL} in the browser" in toasts(app)
