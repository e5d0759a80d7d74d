"""Reading ahead: the row the list's cursor rests on is fetched with its related quotes, and
Enter shows the article with its whole side panel at once (one lookup, no "finding…")."""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from diplomareader.model import RelatedQuote
from diplomareader.search import Library
from diplomareader.tui.readahead import ReadAhead, read_ahead
from diplomareader.tui.screens.main_open import REST
from tests.tui.conftest import AppFactory, running, screen_text, settle
from tests.tui.test_reader_related import until


def second_steps(screen: Any) -> list[Sequence[RelatedQuote]]:
    """The related quotes the side panel is given after the article (a second step),
    collected as they come."""
    later: list[Sequence[RelatedQuote]] = []
    show_related = screen.side.show_related

    def collect(related: Sequence[RelatedQuote], problem: str | None = None) -> None:
        """Note the second step, then show it."""
        later.append(related)
        show_related(related, problem)

    screen.side.show_related = collect
    return later


class CountingLibrary(Library):
    """The real library, counting its related-quote lookups per article."""

    def __init__(self, index: Path) -> None:
        """Open ``index``."""
        super().__init__(index)
        self.lookups: Counter[str] = Counter()

    def related_quotes(self, article_id: str, *, limit: int = 20) -> list[RelatedQuote]:
        """Count, then look up for real."""
        self.lookups[article_id] += 1
        return super().related_quotes(article_id, limit=limit)


async def test_the_row_the_cursor_rests_on_opens_with_its_related_quotes_at_once(
    seed_index: Path, make_reader: AppFactory
) -> None:
    """Resting on a row reads it ahead; Enter then draws article and related quotes together."""
    with CountingLibrary(seed_index) as library:
        app = make_reader(library)
        async with running(app) as (pilot, screen):
            await pilot.press("j")
            row = screen.list_view.highlighted
            assert row is not None and screen.list_view.cursor == 1
            await until(lambda: (f := screen.fetched.get(row.id)) is not None and f.ready(), pilot)
            assert library.lookups[row.id] == 1
            fetched = screen.fetched.get(row.id)
            assert fetched is not None and fetched.related
            later = second_steps(screen)
            await pilot.press("enter")
            await settle(pilot)
            assert screen.article is not None and screen.article.id == row.id
            assert later == []  # no second step: the related quotes came with the article
            assert library.lookups[row.id] == 1
            assert list(screen.side.related or ()) == list(fetched.related)
            assert list(screen.related) == list(fetched.related)
            text = screen_text(app)
            count = len(fetched.related)
            assert f"related {count} ·" in text and f"Related quotes ({count})" in text
            assert "finding related quotes…" not in text
            assert row.title[:30] in text


async def test_nothing_is_read_ahead_while_typing_a_query(
    seed_index: Path, make_reader: AppFactory
) -> None:
    """Search results under the cursor are not read ahead while the search box has the focus
    (the index stays free for the next keystroke); back in the list they are."""
    with CountingLibrary(seed_index) as library:
        app = make_reader(library)
        async with running(app) as (pilot, screen):
            await pilot.press("slash", *"tokayev")
            await settle(pilot)
            library.lookups.clear()
            await pilot.pause(REST * 3)
            await settle(pilot)
            assert screen.focused is screen.search_bar.input
            assert screen.list_view.rows and not library.lookups
            assert "found" in screen_text(app)
            await pilot.press("enter")  # to the list
            await pilot.press("j")
            row = screen.list_view.highlighted
            assert row is not None
            await until(lambda: library.lookups[row.id] == 1, pilot)


def test_a_fetch_is_made_once_and_a_failed_one_is_forgotten(seed_index: Path) -> None:
    """The store hands a fetch out once; a fetch that failed is not kept; the oldest go."""
    with Library(seed_index) as library:
        ids = [row.id for row in library.list_articles()]
        store = ReadAhead(keep=2)
        read_ahead(store, ids[0], library.article, library.related_quotes, lambda: False)
        first = store.get(ids[0])
        assert first is not None and first.ready()
        assert first.related == library.related_quotes(ids[0])
        assert store.claim(ids[0]) is None

        def broken(_article_id: str) -> list[RelatedQuote]:
            raise OSError("unreadable")

        read_ahead(store, ids[1], library.article, broken, lambda: False)
        assert store.get(ids[1]) is None
        read_ahead(store, ids[1], library.article, library.related_quotes, lambda: True)
        assert store.get(ids[1]) is None  # cancelled between the article and its quotes
        for article_id in ids[1:3]:
            store.keep(library.article(article_id), library.related_quotes(article_id))
        assert store.get(ids[0]) is None  # the least recently used went
        assert store.get(ids[2]) is not None
        store.clear()
        assert store.get(ids[2]) is None


def test_an_open_waits_for_a_fetch_under_way(seed_index: Path) -> None:
    """A fetch still running is ready as soon as the thread that fetches finishes it."""
    with Library(seed_index) as library:
        article_id = next(iter(library.list_articles())).id
        store = ReadAhead()
        fetch = store.claim(article_id)
        assert fetch is not None and not fetch.ready()

        def finish() -> None:
            fetch.article = library.article(article_id)
            fetch.related = library.related_quotes(article_id)
            store.finish(fetch)

        thread = threading.Thread(target=finish)
        thread.start()
        assert fetch.ready(timeout=10)
        thread.join()
        assert store.get(article_id) is fetch


async def test_quick_related_quotes_come_with_an_article_not_read_ahead(
    seed_index: Path, make_reader: AppFactory
) -> None:
    """Once related-quote searches have been quick (the first row's read-ahead), an article
    opened before it could be read ahead is drawn with its related quotes in one frame."""
    with CountingLibrary(seed_index) as library:
        app = make_reader(library)
        async with running(app) as (pilot, screen):
            assert not screen.fetched.quick()  # nothing measured yet
            first = screen.list_view.highlighted
            assert first is not None
            await until(lambda: library.lookups[first.id] == 1 and screen.fetched.quick(), pilot)
            row = next(r for r in screen.list_view.rows if screen.fetched.get(r.id) is None)
            later = second_steps(screen)
            screen.open_article(row.id)
            await settle(pilot)
            assert screen.article is not None and screen.article.id == row.id
            assert later == []  # no second step: the related quotes came with the article
            assert library.lookups[row.id] == 1
            related = screen.side.related
            assert related is not None and list(related) == library.related_quotes(row.id)
            text = screen_text(app)
            assert f"related {len(related)} ·" in text
            assert "finding related quotes…" not in text
