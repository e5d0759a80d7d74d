"""Saved searches as entries of the list pane, with their counts (newsboat's query feeds)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from diplomareader.model import Article, RelatedQuote
from diplomareader.search import Library
from diplomareader.store.config import Config, SavedSearch, load_config, save_config
from diplomareader.tui.screens.main import MainScreen
from diplomareader.tui.screens.main_open import REST
from diplomareader.tui.screens.searches import SearchesScreen
from diplomareader.tui.widgets.article_list import ArticleList
from diplomareader.tui.widgets.entry_rows import SIGN
from tests.tui.conftest import AppFactory, running, screen_text, settle
from tests.tui.test_reader_related import until
from tests.tui.test_reader_shared import NEW_ARTICLE

SAVED = (
    SavedSearch("Tokayev", "speaker:toqayev"),
    SavedSearch("Referendums", "referendums"),
    SavedSearch("Broken", "date:garbage"),
)
"""Saved searches of the tests: two that match, one the search does not understand."""


def expected(library: Library, query: str) -> int:
    """The count the library itself gives for ``query``."""
    return library.search(query, limit=1).total


def entry_lines(text: str) -> list[str]:
    """The lines of the screen that show an entry."""
    return [line for line in text.splitlines() if f" {SIGN} " in line]


def plural(count: int) -> str:
    """``1 article`` or ``N articles``, as the entries say."""
    return f"{count:,} article" + ("" if count == 1 else "s")


async def test_saved_searches_are_entries_with_their_counts(
    library: Library, make_reader: AppFactory
) -> None:
    """Every article listed: the saved searches come first, each with its count."""
    app = make_reader(library, Config(saved_searches=SAVED))
    async with running(app, (120, 36)) as (pilot, screen):
        await until(lambda: screen.list_view.entries[0].count is not None, pilot)
        await settle(pilot)
        tokayev, referendums = (expected(library, s.query) for s in SAVED[:2])
        assert tokayev == 2 and referendums == 1  # the seeds: two speak of Tokayev, one of votes
        entries = screen.list_view.entries
        assert [(e.name, e.query, e.count) for e in entries[:2]] == [
            ("Tokayev", "speaker:toqayev", tokayev),
            ("Referendums", "referendums", referendums),
        ]
        assert entries[2].problem is not None and entries[2].count is None
        text = screen_text(app)
        lines = entry_lines(text)
        assert len(lines) == 3
        assert "Tokayev" in lines[0] and "speaker:toqayev" in lines[0]
        assert lines[0].rstrip(" │▁▎").endswith(plural(tokayev))
        assert "Referendums" in lines[1] and lines[1].rstrip(" │▁▎").endswith(plural(referendums))
        assert "Broken" in lines[2] and "query not understood" in lines[2]
        # Above the articles; the pane still counts articles only.
        rows = text.splitlines()
        first_article = next(
            i for i, row in enumerate(rows) if screen.list_view.rows[0].title[:30] in row
        )
        assert rows.index(lines[-1]) < first_article
        assert "Articles · 3 · newest first" in text
        # The cursor starts on the first article, as without saved searches.
        assert screen.list_view.cursor == 3
        assert screen.list_view.highlighted == screen.list_view.rows[0]


async def test_enter_on_an_entry_runs_its_query_and_escape_comes_back(
    library: Library, make_reader: AppFactory
) -> None:
    """g reaches the first entry; Enter runs it; Escape returns to every article and the entry."""
    app = make_reader(library, Config(saved_searches=SAVED))
    async with running(app, (120, 36)) as (pilot, screen):
        listed = screen.list_view
        await pilot.press("g")
        assert listed.cursor == 0 and listed.highlighted is None
        entry = listed.highlighted_entry
        assert entry is not None and entry.name == "Tokayev"
        await pilot.press("j")
        assert listed.highlighted_entry is not None
        assert listed.highlighted_entry.name == "Referendums"
        await pilot.press("enter")
        await settle(pilot)
        assert screen.search_bar.value == "referendums"
        assert screen.total == expected(library, "referendums")
        result = library.search("referendums")
        assert [row.id for row in listed.rows] == [hit.article.id for hit in result.hits]
        assert listed.entries == () and listed.highlighted is not None
        text = screen_text(app)
        assert entry_lines(text) == []
        assert f"Articles · {screen.total} · newest first" in text
        assert screen.article is None and screen.focused is listed
        await pilot.press("escape")
        await settle(pilot)
        assert screen.search_bar.value == ""
        assert len(listed.rows) == 3 and len(listed.entries) == 3
        assert len(entry_lines(screen_text(app))) == 3
        assert listed.highlighted_entry is not None
        assert listed.highlighted_entry.name == "Referendums"  # back where the user left


async def test_all_list_keys_move_through_entries_and_articles(
    library: Library, make_reader: AppFactory
) -> None:
    """k from the first article, G, PageUp, arrows: one cursor over entries and articles."""
    app = make_reader(library, Config(saved_searches=SAVED))
    async with running(app, (120, 36)) as (pilot, screen):
        listed = screen.list_view
        assert listed.cursor == 3
        await pilot.press("k")
        assert listed.highlighted_entry is not None and listed.highlighted_entry.name == "Broken"
        await pilot.press("G")
        assert listed.highlighted == listed.rows[-1] and listed.cursor == 5
        await pilot.press("pageup")
        assert listed.cursor == 0
        await pilot.press("down", "down", "down")
        assert listed.highlighted == listed.rows[0]
        await pilot.press("pagedown")
        assert listed.highlighted == listed.rows[-1]


async def test_a_query_typed_hides_the_entries_and_clearing_it_brings_them_back(
    library: Library, make_reader: AppFactory
) -> None:
    """Typing in the box shows results only; Escape in the box clears it, the entries return."""
    app = make_reader(library, Config(saved_searches=SAVED))
    async with running(app, (120, 36)) as (pilot, screen):
        await pilot.press("slash", *"lavrov")
        await settle(pilot)
        assert screen.list_view.entries == ()
        assert entry_lines(screen_text(app)) == []
        await pilot.press("escape")  # clears the box
        await settle(pilot)
        assert [e.name for e in screen.list_view.entries] == ["Tokayev", "Referendums", "Broken"]
        assert len(entry_lines(screen_text(app))) == 3
        assert screen.list_view.highlighted is not None  # the cursor stays on an article


class CountingLibrary(Library):
    """The real library, counting the articles fetched and related quotes looked up."""

    def __init__(self, index: Path) -> None:
        """Open ``index``."""
        super().__init__(index)
        self.calls: Counter[str] = Counter()

    def article(self, article_id: str) -> Article:
        """Count, then fetch for real."""
        self.calls["article"] += 1
        return super().article(article_id)

    def related_quotes(self, article_id: str, *, limit: int = 20) -> list[RelatedQuote]:
        """Count, then look up for real."""
        self.calls["related"] += 1
        return super().related_quotes(article_id, limit=limit)


async def test_an_entry_is_not_read_ahead_opened_or_bookmarked(
    seed_index: Path, make_reader: AppFactory, tmp_path: Path
) -> None:
    """Resting on an entry reads nothing ahead; b there bookmarks nothing; no markers."""
    with CountingLibrary(seed_index) as library:
        app = make_reader(library, Config(saved_searches=SAVED))
        async with running(app, (120, 36)) as (pilot, screen):
            await pilot.press("j")  # the second article: read ahead once the cursor rests
            await pilot.pause(REST * 3)
            await settle(pilot)
            screen.fetched.clear()
            before = library.calls.copy()
            # Over the first article to the last entry without resting on the article.
            await pilot.press("k", "k")
            await pilot.pause(REST * 3)
            await settle(pilot)
            assert screen.list_view.highlighted_entry == screen.list_view.entries[-1]
            assert library.calls == before
            for key in ("k", "g"):  # the entry above, the first one
                await pilot.press(key)
                await pilot.pause(REST * 3)
                await settle(pilot)
            assert screen.list_view.highlighted is None
            assert library.calls == before
            assert all(screen.fetched.get(row.id) is None for row in screen.list_view.rows)
            await pilot.press("b")
            await settle(pilot)
            assert app.bookmarks.all() == () and not (tmp_path / "bookmarks.yaml").exists()
            assert screen.article is None
            # No unread or bookmark markers on the entries.
            assert all(
                "●" not in line and "★" not in line for line in entry_lines(screen_text(app))
            )


async def test_entries_follow_saved_searches_added_and_deleted(
    library: Library, make_reader: AppFactory, tmp_path: Path
) -> None:
    """Ctrl+S adds an entry (counted); d in the S dialog removes it."""
    app = make_reader(library, Config(saved_searches=SAVED[:1]))
    async with running(app, (120, 36)) as (pilot, screen):
        assert [e.name for e in screen.list_view.entries] == ["Tokayev"]
        await pilot.press("slash", *"lavrov", "enter")
        await settle(pilot)
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press(*"Lavrov", "enter")
        await settle(pilot)
        assert (
            SavedSearch("Lavrov", "lavrov") in load_config(tmp_path / "config.yaml").saved_searches
        )
        await pilot.press("escape")  # the list has the focus: back to every article
        await settle(pilot)
        count = expected(library, "lavrov")
        entries = screen.list_view.entries
        assert [(e.name, e.count) for e in entries] == [
            ("Tokayev", expected(library, "speaker:toqayev")),
            ("Lavrov", count),
        ]
        lines = entry_lines(screen_text(app))
        assert "Lavrov" in lines[1] and plural(count) in lines[1]
        await pilot.press("S")
        await settle(pilot)
        assert isinstance(app.screen, SearchesScreen)
        await pilot.press("down", "down", "d", "escape")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        assert [e.name for e in screen.list_view.entries] == ["Tokayev"]
        assert len(entry_lines(screen_text(app))) == 1


async def test_counts_follow_the_index_and_the_config_file_on_refresh(
    index_copy: Path, make_reader: AppFactory, tmp_path: Path
) -> None:
    """r after an ingest updates the counts; a saved search written to the file appears."""
    config_path = tmp_path / "config.yaml"
    save_config(Config(saved_searches=(SavedSearch("Caspian", "caspian"),)), config_path)
    with Library(index_copy) as library:
        app = make_reader(library, config_path=config_path)
        async with running(app, (120, 36)) as (pilot, screen):
            await until(lambda: screen.list_view.entries[0].count is not None, pilot)
            assert screen.list_view.entries[0].count == 0
            extra = tmp_path / "extra"
            extra.mkdir()
            (extra / "caspian.md").write_text(NEW_ARTICLE, encoding="utf-8")
            with Library(index_copy) as writer:
                assert writer.ingest([str(extra)]).added == 1
            written = Config(saved_searches=(*load_config(config_path).saved_searches, SAVED[0]))
            save_config(written, config_path)  # another copy of the reader saved a search
            await pilot.press("r")
            await settle(pilot)
            await until(lambda: screen.list_view.entries[0].count == 1, pilot)
            await until(lambda: len(screen.list_view.entries) == 2, pilot)
            await until(lambda: screen.list_view.entries[1].count is not None, pilot)
            await settle(pilot)
            assert screen.list_view.entries[1].count == expected(library, "speaker:toqayev")
            lines = entry_lines(screen_text(app))
            assert "Caspian" in lines[0] and plural(1) in lines[0]
            assert "Tokayev" in lines[1]


async def test_the_results_of_an_entry_are_as_many_as_its_count(
    library: Library, make_reader: AppFactory
) -> None:
    """An entry runs its query whole: its last word is not taken as the start of a word."""
    partial = SavedSearch("Partial word", "lavro")
    assert expected(library, "lavro") == 0  # while typing, "lavro" would find Lavrov
    assert library.search("lavro", limit=1, as_you_type=True).total > 0
    app = make_reader(library, Config(saved_searches=(partial,)))
    async with running(app, (120, 36)) as (pilot, screen):
        await until(lambda: screen.list_view.entries[0].count is not None, pilot)
        assert screen.list_view.entries[0].count == 0
        assert plural(0) in entry_lines(screen_text(app))[0]
        await pilot.press("g", "enter")
        await settle(pilot)
        assert screen.search_bar.value == "lavro"
        assert screen.total == 0 and len(screen.list_view.rows) == 0
        assert "Nothing matches this query." in screen_text(app)


async def test_a_click_on_an_entry_runs_it(library: Library, make_reader: AppFactory) -> None:
    """The mouse works on entries as on articles: a click runs the saved search."""
    app = make_reader(library, Config(saved_searches=SAVED))
    async with running(app, (120, 36)) as (pilot, screen):
        await pilot.click(ArticleList, offset=(10, 0))
        await settle(pilot)
        assert screen.search_bar.value == "speaker:toqayev"
        assert screen.total == expected(library, "speaker:toqayev")
        assert screen.article is None and screen.list_view.entries == ()
