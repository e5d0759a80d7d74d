"""Each key of the reading pane and the main screen, on the seed index."""

from __future__ import annotations

from pathlib import Path

from diplomareader.search import Library
from diplomareader.store.bookmarks import BookmarkStore
from diplomareader.store.config import Config, load_config
from diplomareader.tui.screens.bookmarks import BookmarksScreen
from diplomareader.tui.screens.help import HelpScreen
from diplomareader.tui.screens.main import MainScreen
from tests.tui.conftest import LAVROV, AppFactory, running, screen_text, settle


async def open_lavrov(pilot: object, screen: MainScreen) -> None:
    """Open the Lavrov article and wait for it."""
    lavrov = next(r for r in screen.list_view.rows if r.title.startswith(LAVROV))
    screen.open_article(lavrov.id)
    await settle(pilot)  # type: ignore[arg-type]


async def test_quote_and_entity_jumps(library: Library, make_reader: AppFactory) -> None:
    """]q/[q go from quote to quote (the side panel follows); ]e/[e from entity to entity."""
    app = make_reader(library)
    async with running(app, (120, 36)) as (pilot, screen):
        await open_lavrov(pilot, screen)
        assert screen.article is not None
        quotes = sorted((q.start, q.end) for q in screen.article.quotes)
        await pilot.press("right_square_bracket", "q")
        assert screen.reader.marks.target == quotes[0]
        assert screen.side.chosen() in screen.article.quotes
        await pilot.press("right_square_bracket", "q")
        assert screen.reader.marks.target == quotes[1]
        await pilot.press("left_square_bracket", "q")
        assert screen.reader.marks.target == quotes[0]
        paragraph = screen.reader.page.paragraph_of_offset(quotes[0][0])
        assert screen.reader.cursor == paragraph
        mentions = sorted((m.start, m.end) for e in screen.article.entities for m in e.mentions)
        await pilot.press("right_square_bracket", "e")
        first = screen.reader.marks.target
        assert first in mentions and first[0] > quotes[0][0]
        await pilot.press("left_square_bracket", "e")
        assert screen.reader.marks.target is not None
        assert screen.reader.marks.target[0] < first[0]
        # A sequence that does not exist rings the bell and does nothing else.
        await pilot.press("right_square_bracket", "x")
        assert app.pending_sequence is None


async def test_search_hits_and_find_in_article(library: Library, make_reader: AppFactory) -> None:
    """n/N move between search hits; / in the reading pane finds text; Escape clears it."""
    app = make_reader(library)
    async with running(app, (120, 36)) as (pilot, screen):
        await pilot.press("slash", *"territorial", "enter")
        await settle(pilot)
        lavrov = next(i for i, r in enumerate(screen.list_view.rows) if r.title.startswith(LAVROV))
        screen.list_view.cursor = lavrov
        await pilot.press("enter")
        await settle(pilot)
        hits = screen.reader.marks.hits
        assert len(hits) >= 2
        assert screen.article is not None
        assert all(screen.article.body[s:e].lower().startswith("territorial") for s, e in hits)
        await pilot.press("n")
        assert screen.reader.marks.target == hits[0]
        await pilot.press("n")
        assert screen.reader.marks.target == hits[1]
        await pilot.press("N")
        assert screen.reader.marks.target == hits[0]
        await pilot.press("slash", *"kazakh")
        await settle(pilot)
        assert screen.find_bar.is_open
        found = screen.reader.marks.find_hits
        assert found and all(screen.article.body[s:e].lower() == "kazakh" for s, e in found)
        assert "hits" in screen_text(app)
        await pilot.press("enter")
        assert screen.focused is screen.reader
        await pilot.press("n")
        assert screen.reader.marks.target in found
        await pilot.press("slash", "escape")
        assert not screen.find_bar.is_open
        assert screen.reader.marks.find_hits == []
        assert screen.reader.marks.hits == hits  # back to the search terms


async def test_invalid_query_is_reported_not_raised(
    library: Library, make_reader: AppFactory
) -> None:
    """A malformed query shows what was not understood; Escape clears the box."""
    app = make_reader(library)
    async with running(app, (120, 36)) as (pilot, screen):
        await pilot.press("slash", *"date:garbage")
        await settle(pilot)
        assert "not understood" in screen_text(app)
        assert screen.query_one("#search-status").has_class("-error")
        await pilot.press("escape")
        await settle(pilot)
        assert screen.search_bar.value == ""
        assert len(screen.list_view.rows) == 3
        await pilot.press("escape")
        assert screen.focused is screen.list_view


async def test_recent_queries_are_kept_and_recalled(
    library: Library, make_reader: AppFactory, tmp_path: Path
) -> None:
    """Enter keeps a query; Up in the box recalls it; it is saved for the next session."""
    app = make_reader(library)
    async with running(app, (120, 36)) as (pilot, screen):
        await pilot.press("slash", *"neutral", "enter")
        await pilot.press("slash", "escape", "up")
        assert screen.search_bar.value == "neutral"
    app.save_state()
    assert '"neutral"' in (tmp_path / "state.json").read_text(encoding="utf-8")


async def test_sort_switches_between_date_and_relevance(
    library: Library, make_reader: AppFactory
) -> None:
    """s switches the order of search results and says so in the pane title."""
    app = make_reader(library)
    async with running(app, (120, 36)) as (pilot, screen):
        await pilot.press("slash", *"kazakhstan", "enter")
        await settle(pilot)
        assert screen.sort == "date"
        await pilot.press("s")
        await settle(pilot)
        assert screen.sort == "relevance"
        assert "by relevance" in screen_text(app)


async def test_tab_moves_between_panes_and_the_side_panel_hides(
    library: Library, make_reader: AppFactory, tmp_path: Path
) -> None:
    """Tab/Shift+Tab cycle list, reader, side panel; p hides the panel and remembers it."""
    app = make_reader(library)
    async with running(app, (80, 24)) as (pilot, screen):
        assert screen.focused is screen.list_view
        await pilot.press("tab")
        assert screen.focused is screen.reader
        await pilot.press("tab")
        assert screen.focused is screen.side
        await pilot.press("tab")
        assert screen.focused is screen.list_view
        await pilot.press("shift+tab")
        assert screen.focused is screen.side
        await pilot.press("p")
        await pilot.pause()
        assert not screen.side.display or not screen.query_one("#side-pane").display
        assert screen.focused is screen.reader
        assert "Quotes · related" not in screen_text(app)
        await pilot.press("tab", "tab")
        assert screen.focused is screen.reader
    assert load_config(tmp_path / "config.yaml").side_panel is False


async def test_layout_at_80x24_shows_every_pane(library: Library, make_reader: AppFactory) -> None:
    """At 80x24 the list, the reader, the side panel and the footer are all on screen."""
    app = make_reader(library)
    async with running(app, (80, 24)) as (pilot, screen):
        await pilot.press("enter")
        await settle(pilot)
        text = screen_text(app)
        assert "Articles · 3" in text and "Reading" in text and "Quotes (" in text
        assert "? Help" in text
        for widget in (screen.list_view, screen.reader, screen.side):
            assert widget.region.width >= 20 and widget.region.height >= 3


async def test_help_lists_every_command_with_its_keys(
    library: Library, make_reader: AppFactory, tmp_path: Path
) -> None:
    """? shows the help built from the command table, with remapped keys."""
    app = make_reader(library, Config(keys={"bookmark": "m"}))
    async with app.run_test(size=(120, 50)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = screen_text(app)
        assert "Bookmark the paragraph under the cursor" in text
        assert "] q" in text and "Reading pane" in text
        assert "m    Bookmark" in text or "m  " in text
        # Each command shows the name the config file's keys: section uses for it.
        assert "config name" in text
        rows = text.splitlines()
        assert any("] q" in row and "next_quote" in row for row in rows)
        assert any(row.strip("│ ").startswith("m ") and "bookmark" in row for row in rows)
        await pilot.press("G")  # the end of the help: the query syntax and the config file
        await pilot.pause()
        text = screen_text(app).replace("│", "")
        assert f"Config file: {tmp_path / 'config.yaml'}" in text
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)


async def test_remapped_key_works_and_old_key_does_not(
    library: Library, make_reader: AppFactory, tmp_path: Path
) -> None:
    """keys: in the config replaces a command's key."""
    app = make_reader(library, Config(keys={"bookmark": "m", "next_quote": "J"}))
    async with running(app, (120, 36)) as (pilot, screen):
        await open_lavrov(pilot, screen)
        await pilot.press("J")
        assert screen.reader.marks.target is not None
        await pilot.press("b")
        await settle(pilot)
        assert not (tmp_path / "bookmarks.yaml").exists()
        await pilot.press("m")
        await settle(pilot)
        store = BookmarkStore(tmp_path / "bookmarks.yaml")
        store.load()
        assert len(store.all()) == 1


async def test_command_palette_lists_and_runs_actions(
    library: Library, make_reader: AppFactory
) -> None:
    """Ctrl+P finds a reader command by name and runs it."""
    app = make_reader(library)
    async with running(app, (120, 36)) as (pilot, screen):
        await pilot.press("ctrl+p", *"side panel")
        await pilot.pause(0.3)
        assert "Show or hide the side panel" in screen_text(app)
        await pilot.press("enter")
        await pilot.pause()
        assert screen.has_class("-side-hidden")


async def test_copy_passage_with_citation(library: Library, make_reader: AppFactory) -> None:
    """y copies the paragraph under the cursor with its citation."""
    app = make_reader(library)
    async with running(app, (120, 36)) as (pilot, screen):
        await open_lavrov(pilot, screen)
        await pilot.press("right_square_bracket", "q", "y")
        assert screen.article is not None
        copied = app.clipboard
        quote = sorted(screen.article.quotes, key=lambda q: q.start)[0]
        assert quote.text[:40] in copied
        assert f"— {quote.speaker}, “{screen.article.title}”, Orda.kz" in copied


async def test_open_url_without_url_says_so(library: Library, make_reader: AppFactory) -> None:
    """o on an article without an address explains instead of failing."""
    app = make_reader(library)
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, MainScreen)
        await open_lavrov(pilot, screen)
        await pilot.press("o")
        await pilot.pause(0.3)
        assert "has no url" in screen_text(app)


async def test_reading_position_is_remembered(library: Library, make_reader: AppFactory) -> None:
    """Leaving an article and coming back restores the paragraph under the cursor."""
    app = make_reader(library)
    async with running(app, (120, 36)) as (pilot, screen):
        await pilot.press("enter")
        await settle(pilot)
        first = screen.article
        await pilot.press("j", "j", "j")
        cursor = screen.reader.cursor
        assert cursor > 0
        await pilot.press("escape", "j", "enter")
        await settle(pilot)
        assert screen.article is not None and screen.article.id != (first.id if first else "")
        assert screen.reader.cursor == 0
        await pilot.press("escape", "k", "enter")
        await settle(pilot)
        assert screen.reader.cursor == cursor
        # Opened articles lose their unread marker.
        assert screen_text(app).count("●") == 1


async def test_theme_chosen_in_the_app_is_remembered(
    library: Library, make_reader: AppFactory, tmp_path: Path
) -> None:
    """A theme picked from the palette is written to the config file."""
    app = make_reader(library)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        app.theme = "textual-light"
        await pilot.pause()
    assert load_config(tmp_path / "config.yaml").theme == "textual-light"


async def test_empty_index_says_how_to_add_articles(
    tmp_path: Path, make_reader: AppFactory
) -> None:
    """With nothing indexed the list explains what to do instead of staying blank."""
    with Library(tmp_path / "empty-index") as library:
        app = make_reader(library)
        async with app.run_test(size=(100, 30)) as pilot:
            await settle(pilot)
            assert "diplomareader ingest PATH" in screen_text(app)
            await pilot.press("enter", "b", "y", "n", "right_square_bracket", "q", "o", "B")
            await settle(pilot)
            assert isinstance(app.screen, BookmarksScreen)


async def test_position_in_the_open_article_survives_a_restart(
    library: Library, make_reader: AppFactory
) -> None:
    """Quitting in the middle of an article and starting again puts the cursor back there."""
    app = make_reader(library)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("j", "j")
        screen = app.screen
        assert isinstance(screen, MainScreen)
        cursor = screen.reader.cursor
        await pilot.press("q")
    app.save_state()
    again = make_reader(library)
    async with again.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        screen = again.screen
        assert isinstance(screen, MainScreen)
        assert screen.reader.cursor == cursor == 2
        assert screen_text(again).count("●") == 2  # the article read before is marked read
