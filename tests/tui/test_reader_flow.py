"""The reader end to end on the seed index: list, search, open, side panel, bookmark."""

from __future__ import annotations

from pathlib import Path

from diplomareader.model import Quote, RelatedQuote
from diplomareader.search import Library
from diplomareader.store.bookmarks import BookmarkStore
from diplomareader.tui.widgets.side_panel import SidePanel
from tests.tui.conftest import (
    LAVROV,
    AppFactory,
    main_screen,
    open_lavrov,
    running,
    screen_text,
    settle,
)


async def test_start_lists_the_seeds_newest_first(
    library: Library, make_reader: AppFactory
) -> None:
    """At start the list shows the three articles, dated ones newest first, all unread."""
    app = make_reader(library)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        rows = screen.list_view.rows
        assert len(rows) == 3
        dates = [r.date for r in rows if r.date]
        assert dates == sorted(dates, reverse=True)
        text = screen_text(app)
        assert "Articles · 3 · newest first" in text
        assert "2022-09-29" in text and "Kazinform" in text
        assert text.count("●") == 3  # unread markers
        assert screen.focused is screen.list_view


async def test_search_open_and_bookmark_a_paragraph(
    library: Library, make_reader: AppFactory, tmp_path: Path
) -> None:
    """The issue-2 path: search as you type, open the article, bookmark a paragraph."""
    app = make_reader(library)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        await pilot.press("slash", *"lavrov")
        await settle(pilot)
        assert [r.title[: len(LAVROV)] for r in screen.list_view.rows] == [LAVROV]
        assert "1 found" in screen_text(app)
        await pilot.press("enter")  # keep the query, go to the list
        await pilot.press("enter")  # open
        await settle(pilot)
        assert screen.article is not None and screen.article.title.startswith(LAVROV)
        assert screen.focused is screen.reader
        assert LAVROV in screen_text(app)
        await pilot.press("j")  # second paragraph
        start, end = screen.reader.passage() or (0, 0)
        await pilot.press("b")
        await settle(pilot)
        saved = BookmarkStore(tmp_path / "bookmarks.yaml")
        saved.load()
        [bookmark] = saved.all()
        assert bookmark.text == screen.article.body[start:end]
        assert bookmark.article_id == screen.article.id
        assert bookmark.title == screen.article.title
        assert "★" in screen_text(app)  # the star in the gutter and in the list
        assert screen.article.id in app.bookmarked_ids


async def test_related_quotes_connect_lavrov_with_tokayev(
    library: Library, make_reader: AppFactory
) -> None:
    """On the Lavrov article the side panel lists Tokayev's 2022 statements from elsewhere."""
    app = make_reader(library)
    async with running(app) as (pilot, screen):
        lavrov = await open_lavrov(pilot, screen)
        related = list(screen.side.related or ())
        tokayev = [r for r in related if r.quote.speaker == "Kassym-Jomart Tokayev"]
        assert len(tokayev) >= 2
        assert all(r.article.id != lavrov.id for r in tokayev)
        assert {r.article.date.isoformat() for r in tokayev if r.article.date} == {"2022-09-29"}
        text = screen_text(app)
        assert "Related quotes" in text
        assert "2022-09-29 · The Embassy of the" in text


async def test_related_quote_opens_its_article_and_back_returns(
    library: Library, make_reader: AppFactory
) -> None:
    """Enter on a related quote opens that article at the quote; Backspace comes back."""
    app = make_reader(library)
    async with running(app) as (pilot, screen):
        lavrov = await open_lavrov(pilot, screen)
        await pilot.press("j", "j")
        position = screen.reader.position()
        side = screen.side
        side.focus()
        target = next(
            i
            for i, o in enumerate(side._options)
            if o.id and o.id.startswith("r:")  # noqa: SLF001
        )
        side.highlighted = target
        chosen = side.chosen()
        assert isinstance(chosen, RelatedQuote)
        await pilot.press("enter")
        await settle(pilot)
        assert screen.article is not None and screen.article.id == chosen.article.id
        assert screen.reader.marks.target == (chosen.quote.start, chosen.quote.end)
        assert chosen.quote.text[:30] in screen_text(app)
        assert screen.history[-1][0] == lavrov.id
        await pilot.press("backspace")
        await settle(pilot)
        assert screen.article.id == lavrov.id
        assert screen.reader.position() == position


async def test_quote_in_side_panel_scrolls_reader_and_entity_searches(
    library: Library, make_reader: AppFactory
) -> None:
    """Enter on a quote reveals it in the text; Enter on an entity searches for it."""
    app = make_reader(library)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        await pilot.press("G", "enter")  # the last article
        await settle(pilot)
        side: SidePanel = screen.side
        side.focus()
        await pilot.press("g")  # first entry is the first quote
        quote = side.chosen()
        assert isinstance(quote, Quote)
        await pilot.press("enter")
        await settle(pilot)
        assert screen.reader.marks.target == (quote.start, quote.end)
        entity_option = next(o for o in side._options if o.id and o.id.startswith("e:"))  # noqa: SLF001
        side.highlighted = side.get_option_index(entity_option.id or "")
        entity = side.chosen()
        await pilot.press("enter")
        await settle(pilot)
        assert screen.search_bar.value.endswith(f'"{entity.name}"')  # type: ignore[union-attr]
        assert screen.query_text == screen.search_bar.value
        assert all(screen.list_view.rows)
        assert screen.total >= 1
