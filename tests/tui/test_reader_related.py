"""Slow related quotes come after the article: the body and side panel first, then the
related ones.

The library here is the real one on the seed index; its related-quote searches take longer
than the reader's ``QUICK`` (as on an index without postings mirrors), and it holds
``related_quotes`` back until the test lets it go, so the moment between the two frames can
be looked at.
"""

from __future__ import annotations

import threading
import time
from pathlib import Path

from diplomareader.model import InputError, RelatedQuote
from diplomareader.search import Library
from diplomareader.tui.messages import RelatedReady
from diplomareader.tui.readahead import QUICK
from tests.tui.conftest import LAVROV, AppFactory, open_lavrov, running, screen_text, settle


class HeldLibrary(Library):
    """The real library, whose related-quote search is slow and waits for ``release`` per
    article."""

    def __init__(self, index: Path) -> None:
        """Open ``index``; nothing is held until ``hold`` is called."""
        super().__init__(index)
        self.gates: dict[str, threading.Event] = {}
        self.started: set[str] = set()
        """Articles whose related-quote search has begun (and may be waiting)."""

    def hold(self, article_id: str) -> None:
        """Make the related-quote search of ``article_id`` wait for ``release``."""
        self.gates[article_id] = threading.Event()

    def release(self, article_id: str) -> None:
        """Let the search of ``article_id`` go on."""
        self.gates[article_id].set()

    def related_quotes(self, article_id: str, *, limit: int = 20) -> list[RelatedQuote]:
        """The real related quotes, once the gate of ``article_id`` (if any) is open."""
        self.started.add(article_id)
        time.sleep(2 * QUICK)
        gate = self.gates.get(article_id)
        if gate is not None:
            gate.wait(10)
        return super().related_quotes(article_id, limit=limit)


async def until(condition: object, pilot: object, tries: int = 1000) -> None:
    """Let the app run until ``condition()`` is true (at most ``tries`` short pauses)."""
    for _ in range(tries):
        if condition():  # type: ignore[operator]
            return
        await pilot.pause(0.01)  # type: ignore[attr-defined]
    raise AssertionError("the app never got there")


async def test_article_and_side_panel_come_before_related_quotes(
    seed_index: Path, make_reader: AppFactory
) -> None:
    """While related quotes are looked up, the body, quotes and entities are on screen."""
    with HeldLibrary(seed_index) as library:
        # Held from the start: a read-ahead of the row under the cursor waits too.
        lavrov = next(r for r in library.list_articles() if r.title.startswith(LAVROV))
        library.hold(lavrov.id)
        app = make_reader(library)
        async with running(app) as (pilot, screen):
            screen.open_article(lavrov.id)
            await until(lambda: lavrov.id in library.started, pilot)
            await pilot.pause()
            assert screen.article is not None and screen.article.id == lavrov.id
            assert screen.side.related is None
            text = screen_text(app)
            assert LAVROV in text
            assert "finding related quotes…" in text
            assert f"Quotes ({len(screen.article.quotes)})" in text
            assert "Entities (" in text and "People" in text
            assert "related … ·" in text  # the side panel's title
            library.release(lavrov.id)
            await settle(pilot)
            related = screen.side.related
            assert related is not None and related
            text = screen_text(app)
            assert "finding related quotes…" not in text
            assert f"Related quotes ({len(related)})" in text
            assert f"related {len(related)} ·" in text


async def test_related_quotes_of_an_article_left_are_not_shown(
    seed_index: Path, make_reader: AppFactory
) -> None:
    """Opening another article while related quotes are looked up drops the older ones."""
    with HeldLibrary(seed_index) as library:
        app = make_reader(library)
        async with running(app) as (pilot, screen):
            lavrov = next(r for r in screen.list_view.rows if r.title.startswith(LAVROV))
            other = next(r for r in screen.list_view.rows if r.id != lavrov.id)
            library.hold(lavrov.id)
            screen.open_article(lavrov.id)
            await until(lambda: lavrov.id in library.started, pilot)
            screen.open_article(other.id)
            await settle(pilot)
            expected = list(library.related_quotes(other.id))
            assert screen.article is not None and screen.article.id == other.id
            assert list(screen.side.related or ()) == expected
            library.release(lavrov.id)  # the first search ends now, after the second
            await app.workers.wait_for_complete()
            await settle(pilot)
            assert screen.article.id == other.id
            assert list(screen.side.related or ()) == expected
            assert list(screen.related) == expected


async def test_a_late_related_result_for_another_article_is_ignored(
    library: Library, make_reader: AppFactory
) -> None:
    """Related quotes that arrive for an article no longer open leave the panel as it is."""
    app = make_reader(library)
    async with running(app) as (pilot, screen):
        lavrov = next(r for r in screen.list_view.rows if r.title.startswith(LAVROV))
        other = next(r for r in screen.list_view.rows if r.id != lavrov.id)
        screen.open_article(other.id)
        await settle(pilot)
        shown = list(screen.side.related or ())
        stale = list(library.related_quotes(lavrov.id))
        assert stale and stale != shown
        screen.post_message(RelatedReady(lavrov.id, stale))
        await settle(pilot)
        assert list(screen.side.related or ()) == shown
        assert list(screen.related) == shown


class CountingLibrary(Library):
    """The real library, counting the related-quote read-aheads asked of it."""

    def __init__(self, index: Path) -> None:
        """Open ``index``."""
        super().__init__(index)
        self.prepared = 0

    def prepare_related(self) -> None:
        """Count, then read ahead for real."""
        self.prepared += 1
        super().prepare_related()


async def test_related_quotes_are_read_ahead_once_after_the_list_shows(
    seed_index: Path, make_reader: AppFactory
) -> None:
    """Once the first rows are on screen the reader reads ahead for related quotes, once."""
    with CountingLibrary(seed_index) as library:
        app = make_reader(library)
        async with running(app) as (pilot, screen):
            assert screen.list_view.rows
            assert library.prepared == 1
            await pilot.press("slash", *"lavrov")
            await settle(pilot)
            await pilot.press(*["backspace"] * 6)
            await settle(pilot)
            assert library.prepared == 1


class BrokenLibrary(Library):
    """The real library, except that its quote index cannot be read."""

    def related_quotes(self, article_id: str, *, limit: int = 20) -> list[RelatedQuote]:
        """Fail as an unreadable quote index would."""
        raise InputError("the quote index cannot be read")


async def test_related_quotes_that_cannot_be_looked_up_are_reported(
    seed_index: Path, make_reader: AppFactory
) -> None:
    """A failing related-quote search says so in the panel (no endless 'finding…')."""
    with BrokenLibrary(seed_index) as library:
        app = make_reader(library)
        async with running(app) as (pilot, screen):
            lavrov = await open_lavrov(pilot, screen)
            assert screen.article is not None and screen.article.id == lavrov.id
            text = screen_text(app)
            assert "finding related quotes…" not in text
            assert "could not be looked up" in text
            assert screen.side.related_problem == "the quote index cannot be read"
            assert LAVROV in text
            assert any(
                "the quote index cannot be read" in str(n.message) for n in app._notifications
            )
