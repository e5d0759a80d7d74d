"""Bookmarking from the reader: paragraph, selection, quotes, notes, the bookmarks screen."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, TextArea

from diplomareader.search import Library
from diplomareader.store.bookmarks import BookmarkStore
from diplomareader.tui.screens.bookmarks import BookmarksScreen
from diplomareader.tui.screens.bookmarks_dialogs import EditBookmarkScreen
from diplomareader.tui.screens.main import MainScreen
from diplomareader.tui.textlayout import sentence_spans
from tests.tui.conftest import LAVROV, AppFactory, running, screen_text, settle


def saved(tmp_path: Path) -> BookmarkStore:
    """The bookmarks file as another process would read it."""
    store = BookmarkStore(tmp_path / "bookmarks.yaml")
    store.load()
    return store


async def open_lavrov(pilot: object, screen: MainScreen) -> None:
    """Open the Lavrov article and wait for it."""
    lavrov = next(r for r in screen.list_view.rows if r.title.startswith(LAVROV))
    screen.open_article(lavrov.id)
    await settle(pilot)  # type: ignore[arg-type]


async def test_selection_mode_bookmarks_sentences(
    library: Library, make_reader: AppFactory, tmp_path: Path
) -> None:
    """v starts a selection at the paragraph; ( and > trim it by sentences; b saves exactly it."""
    app = make_reader(library)
    async with running(app, (120, 36)) as (pilot, screen):
        await open_lavrov(pilot, screen)
        assert screen.article is not None
        # Walk down to the paragraph with the most sentences (Lavrov's long answer).
        spans = list(screen.article.paragraphs())
        target = max(range(len(spans)), key=lambda i: len(sentence_spans(spans[i][2])))
        assert len(sentence_spans(spans[target][2])) >= 4
        for _ in range(len(spans) * 3):
            if screen.reader.cursor == target:
                break
            await pilot.press("j")
        assert screen.reader.cursor == target
        paragraph = screen.reader.passage()
        assert paragraph is not None
        await pilot.press("v")
        assert screen.reader.selection is not None
        assert screen.reader.selection.span == paragraph
        whole = screen.reader.selection.count
        await pilot.pause()
        assert f"Selecting {whole} sentences" in screen_text(app)
        await pilot.press("left_parenthesis", "left_parenthesis", "greater_than_sign")
        selected = screen.reader.passage()
        assert selected is not None and paragraph[0] < selected[0] < selected[1] < paragraph[1]
        await pilot.pause()
        assert f"Selecting {whole - 3} sentences" in screen_text(app)
        await pilot.press("less_than_sign")  # take the first sentence back
        assert screen.reader.passage() == (paragraph[0], selected[1])
        await pilot.press("greater_than_sign")
        assert screen.reader.passage() == selected
        await pilot.press("right_parenthesis")
        selected = screen.reader.passage()
        assert selected is not None
        await pilot.press("b")
        await settle(pilot)
        assert screen.reader.selection is None
        assert "Selecting" not in screen_text(app)
        assert screen.article is not None
        [bookmark] = saved(tmp_path).all()
        assert bookmark.text == screen.article.body[slice(*selected)].strip()
        assert bookmark.speaker == "Sergey Lavrov"


async def test_quote_in_side_panel_is_bookmarked_as_is(
    library: Library, make_reader: AppFactory, tmp_path: Path
) -> None:
    """b on a quote of the side panel saves the quote's text with its speaker."""
    app = make_reader(library)
    async with running(app, (120, 36)) as (pilot, screen):
        await open_lavrov(pilot, screen)
        screen.side.focus()
        await pilot.press("g", "j")  # the second quote
        quote = screen.side.chosen()
        await pilot.press("b")
        await settle(pilot)
        [bookmark] = saved(tmp_path).all()
        assert bookmark.text == quote.text.strip()  # type: ignore[union-attr]
        assert bookmark.speaker == quote.speaker  # type: ignore[union-attr]
        # A related quote (from another article) is bookmarked in its own article.
        related = next(o for o in screen.side._options if o.id and o.id.startswith("r:"))  # noqa: SLF001
        screen.side.highlighted = screen.side.get_option_index(related.id or "")
        other = screen.side.chosen()
        await pilot.press("b")
        await settle(pilot)
        bookmarks = saved(tmp_path).all()
        assert len(bookmarks) == 2
        assert bookmarks[0].article_id == other.article.id  # type: ignore[union-attr]
        assert bookmarks[0].text == other.quote.text.strip()  # type: ignore[union-attr]


async def test_b_again_edits_note_and_tags(
    library: Library, make_reader: AppFactory, tmp_path: Path
) -> None:
    """b on a bookmarked paragraph opens its note and tags; Ctrl+S saves them."""
    app = make_reader(library)
    async with running(app, (120, 36)) as (pilot, screen):
        await open_lavrov(pilot, screen)
        await pilot.press("b")
        await settle(pilot)
        await pilot.press("b")
        await pilot.pause()
        assert isinstance(app.screen, EditBookmarkScreen)
        await pilot.press(*"key passage", "tab", *"un russia", "enter")
        await pilot.pause()
        assert app.screen is screen
    [bookmark] = saved(tmp_path).all()
    assert bookmark.note == "key passage"
    assert bookmark.tags == ("un", "russia")


async def test_editing_a_note_starts_after_what_is_written(
    library: Library, make_reader: AppFactory, tmp_path: Path
) -> None:
    """The note box opens with the cursor at the end of the note, the tags line at the end of
    the tags: what the user types adds to them."""
    app = make_reader(library)
    async with running(app, (120, 36)) as (pilot, screen):
        await open_lavrov(pilot, screen)
        await pilot.press("b")
        await settle(pilot)
        [bookmark] = app.bookmarks.all()
        app.bookmarks.update(bookmark.id, note="first line\nsecond line", tags="un")
        await pilot.press("b")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, EditBookmarkScreen)
        note = dialog.query_one("#note", TextArea)
        assert dialog.focused is note
        assert note.cursor_location == (1, len("second line"))
        await pilot.press(*" and more")
        await pilot.pause()
        assert "second line and more" in screen_text(app)
        await pilot.press("tab", *" russia")
        await pilot.pause()
        assert dialog.query_one("#tags", Input).value == "un russia"
        assert "un russia" in screen_text(app)
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is screen
    [bookmark] = saved(tmp_path).all()
    assert bookmark.note == "first line\nsecond line and more"
    assert bookmark.tags == ("un", "russia")


async def test_bookmarks_screen_opens_the_article_at_the_passage(
    library: Library, make_reader: AppFactory
) -> None:
    """B lists the bookmarks; Enter opens the article with the passage marked."""
    app = make_reader(library)
    async with running(app, (120, 36)) as (pilot, screen):
        await open_lavrov(pilot, screen)
        await pilot.press("j", "j", "b")
        await settle(pilot)
        span = screen.reader.passage()
        lavrov = screen.article
        await pilot.press("escape", "g", "enter")  # another article
        await settle(pilot)
        assert screen.article is not None and lavrov is not None
        assert screen.article.id != lavrov.id
        await pilot.press("B")
        await settle(pilot)
        assert isinstance(app.screen, BookmarksScreen)
        assert "Lavrov Says" in screen_text(app)
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is screen
        assert screen.article.id == lavrov.id
        assert screen.reader.marks.target == span


async def test_corrupt_bookmarks_file_is_reported_and_the_reader_carries_on(
    library: Library, make_reader: AppFactory, tmp_path: Path
) -> None:
    """A broken bookmarks file: the reader says so, keeps a copy, and bookmarking works."""
    broken = tmp_path / "bookmarks.yaml"
    broken.write_text("version: 1\nbookmarks: [ {unclosed\n", encoding="utf-8")
    app = make_reader(library)
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await settle(pilot)
        await pilot.pause(0.2)
        assert "Started with a problem" in screen_text(app)
        screen = app.screen
        assert isinstance(screen, MainScreen)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("b")
        await settle(pilot)
    backups = [p for p in tmp_path.iterdir() if ".corrupt" in p.name]
    assert len(backups) == 1
    assert "{unclosed" in backups[0].read_text(encoding="utf-8")
    assert len(saved(tmp_path).all()) == 1
