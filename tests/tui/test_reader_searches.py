"""Saved searches (named queries with counts, like newsboat's query feeds) and the mouse."""

from __future__ import annotations

from pathlib import Path

from diplomareader.search import Library
from diplomareader.store.config import Config, SavedSearch, load_config
from diplomareader.tui.screens.prompt import PromptScreen
from diplomareader.tui.screens.searches import SearchesScreen
from diplomareader.tui.widgets.article_list import ArticleList
from diplomareader.tui.widgets.reader import Reader
from tests.tui.conftest import LAVROV, AppFactory, running, screen_text, settle


async def test_save_a_search_and_run_it_from_the_list_of_searches(
    library: Library, make_reader: AppFactory, tmp_path: Path
) -> None:
    """Ctrl+S names the query; S lists saved searches with counts; Enter runs one."""
    config = Config(saved_searches=(SavedSearch("Referendums", "referendums"),))
    app = make_reader(library, config)
    async with running(app, (120, 36)) as (pilot, screen):
        await pilot.press("slash", *"speaker:toqayev", "enter")
        await settle(pilot)
        assert screen.total == 2  # Tokayev spoke in two articles, under either spelling
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, PromptScreen)
        await pilot.press(*"Tokayev", "enter")
        await pilot.pause()
        saved = load_config(tmp_path / "config.yaml").saved_searches
        assert SavedSearch("Tokayev", "speaker:toqayev") in saved
        await pilot.press("S")
        await settle(pilot)
        assert isinstance(app.screen, SearchesScreen)
        text = screen_text(app)
        assert "Tokayev (2)" in text and "Referendums (1)" in text
        assert "speaker:toqayev" in text  # among the recent queries too
        await pilot.press("down", "enter")  # the first saved search
        await settle(pilot)
        assert app.screen is screen
        assert screen.search_bar.value == "referendums"
        assert screen.total == 1


async def test_delete_a_saved_search_and_undo(
    library: Library, make_reader: AppFactory, tmp_path: Path
) -> None:
    """d deletes a saved search from the file; u brings it back."""
    config = Config(saved_searches=(SavedSearch("UN", "entity:un"),))
    app = make_reader(library, config)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("S")
        await settle(pilot)
        await pilot.press("down", "d")
        await pilot.pause()
        assert load_config(tmp_path / "config.yaml").saved_searches == ()
        assert "UN (" not in screen_text(app)
        await pilot.press("u")
        await pilot.pause()
        assert load_config(tmp_path / "config.yaml").saved_searches == (
            SavedSearch("UN", "entity:un"),
        )


async def test_the_mouse_opens_articles_and_moves_the_cursor(
    library: Library, make_reader: AppFactory
) -> None:
    """A click on a row opens it; a click on a paragraph puts the cursor there."""
    app = make_reader(library)
    async with running(app, (120, 36)) as (pilot, screen):
        lavrov = next(i for i, r in enumerate(screen.list_view.rows) if r.title.startswith(LAVROV))
        await pilot.click(ArticleList, offset=(20, lavrov))
        await settle(pilot)
        assert screen.article is not None and screen.article.title.startswith(LAVROV)
        page = screen.reader.page
        line = page.first_line[2]
        await pilot.click(Reader, offset=(10, line - int(screen.reader.scroll_y)))
        assert screen.reader.cursor == 2
