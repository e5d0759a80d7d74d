"""The bookmarks screen driven with Textual's Pilot on a small host app: listing with orphans
marked, filtering as you type, opening, editing the note and tags, delete and undo, export,
copy, and the layout at 80x24. Bookmarks are of the seed articles run through the real pipeline
and live in a real file."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from textual.app import App
from textual.widgets import Input, TextArea

from diplomareader.model import Article
from diplomareader.pipeline import parse_file
from diplomareader.store.bookmarks import Bookmark, BookmarkStore, make_bookmark
from diplomareader.tui.screens.bookmarks import BookmarksScreen
from diplomareader.tui.screens.bookmarks_dialogs import EditBookmarkScreen, ExportScreen
from diplomareader.tui.screens.bookmarks_table import BookmarkTable

SIZE = (120, 36)


class Host(App[None]):
    """An app that shows the bookmarks screen and records what it returned."""

    def __init__(self, screen: BookmarksScreen) -> None:
        """Host ``screen``."""
        super().__init__()
        self.bookmarks_screen = screen
        self.result: Any = "not closed"

    def on_mount(self) -> None:
        """Push the screen under test."""
        self.push_screen(self.bookmarks_screen, self._screen_closed)

    def _screen_closed(self, result: Bookmark | None) -> None:
        """Remember the screen's result."""
        self.result = result


def screen_text(app: App[Any]) -> str:
    """The characters on the top screen, line by line."""
    strips = app.screen._compositor.render_strips()
    return "\n".join(strip.text for strip in strips)


@pytest.fixture
def articles(seed_paths: dict[str, Path]) -> dict[str, Article]:
    """The three seed articles, parsed by the real pipeline."""
    return {name: parse_file(str(path)) for name, path in seed_paths.items()}


@pytest.fixture
def store(tmp_path: Path, articles: dict[str, Article]) -> BookmarkStore:
    """A bookmarks file with four passages: two tagged, one that will move, one orphan."""
    store = BookmarkStore(tmp_path / "bookmarks.yaml")
    store.load()
    for name, tags, note in [
        ("qazaq", "un referendum", "Kazakh position"),
        ("embassy", "neutrality", ""),
        ("orda", "un lavrov", "Lavrov answers"),
    ]:
        article = articles[name]
        start, end, _ = list(article.paragraphs())[1]
        store.add(make_bookmark(article, start, end, note=note, tags=tags))
    orda = articles["orda"]
    start, end, _ = list(orda.paragraphs())[2]
    store.add(make_bookmark(orda, start, end, note="will vanish", tags="gone"))
    return store


def _bodies(articles: dict[str, Article], store: BookmarkStore) -> dict[str, str | None]:
    """Current texts: the qazaq passage was reworded a little (found fuzzily), the embassy
    article gained a paragraph on top (its passage moves) and the orda article lost the
    paragraph of the 'gone' bookmark (it becomes an orphan)."""
    gone = next(b for b in store.all() if "gone" in b.tags)
    reworded = next(b for b in store.all() if "referendum" in b.tags)
    qazaq = articles["qazaq"].body
    return {
        articles["qazaq"].id: qazaq.replace(reworded.text, "Reportedly, " + reworded.text[3:]),
        articles["embassy"].id: "An editor's note added later.\n\n" + articles["embassy"].body,
        articles["orda"].id: articles["orda"].body.replace(gone.text, ""),
    }


def _screen(store: BookmarkStore, articles: dict[str, Article], tmp_path: Path) -> BookmarksScreen:
    """The screen with re-anchoring against the changed texts."""
    bodies = _bodies(articles, store)
    return BookmarksScreen(
        store, body_of=lambda b: bodies.get(b.article_id), export_dir=tmp_path / "exports"
    )


async def _settle(app: App[Any], pilot: Any) -> None:
    """Let the passage check finish and the screen redraw."""
    await app.workers.wait_for_complete()
    await pilot.pause()


async def test_lists_bookmarks_and_marks_orphans(
    store: BookmarkStore, articles: dict[str, Article], tmp_path: Path
) -> None:
    """All bookmarks are listed with title, source and tags; the orphan is marked."""
    app = Host(_screen(store, articles, tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await _settle(app, pilot)
        screen = app.bookmarks_screen
        assert len(screen.shown) == 4
        text = screen_text(app)
        assert "Bookmarks: 4 of 4" in text and "1 orphaned" in text
        assert "Lavrov Says He Disagrees" in text and "#neutrality" in text
        assert "\u26a0" in text  # the orphan mark
        assert "~" in text  # the reworded passage's mark
        await pilot.press("slash", *"#gone", "enter")
        text = screen_text(app)
        assert "Orphaned:" in text and "will vanish" in text  # text and note kept


async def test_filter_as_you_type(
    store: BookmarkStore, articles: dict[str, Article], tmp_path: Path
) -> None:
    """Tags, words and article ids filter the list; Escape clears the filter."""
    app = Host(_screen(store, articles, tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await _settle(app, pilot)
        screen = app.bookmarks_screen
        await pilot.press("slash", "#", "u", "n")
        assert {tuple(b.tags) for b in screen.shown} == {("un", "referendum"), ("un", "lavrov")}
        assert "Bookmarks: 2 of 4" in screen_text(app)
        await pilot.press("space", *"lavrov")
        assert [b.note for b in screen.shown] == ["Lavrov answers"]
        await pilot.press("escape")
        assert len(screen.shown) == 4 and screen.focused is screen.filter_input
        screen.filter_input.value = f"article:{articles['embassy'].id[:6]}"
        await pilot.pause()
        assert [b.tags for b in screen.shown] == [("neutrality",)]
        screen.filter_input.value = "is:orphan"
        await pilot.pause()
        assert [b.tags for b in screen.shown] == [("gone",)]
        await pilot.press("escape", "escape")
        assert isinstance(screen.focused, BookmarkTable)


async def test_enter_returns_the_bookmark_at_its_new_place(
    store: BookmarkStore, articles: dict[str, Article], tmp_path: Path
) -> None:
    """Enter closes the screen with the bookmark, moved to where the passage is now."""
    app = Host(_screen(store, articles, tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await _settle(app, pilot)
        await pilot.press("slash", *"#neutrality", "enter")
        await pilot.press("enter")
        await pilot.pause()
        chosen = app.result
        assert isinstance(chosen, Bookmark) and chosen.tags == ("neutrality",)
        body = _bodies(articles, store)[articles["embassy"].id]
        assert body is not None and body[chosen.start : chosen.end] == chosen.text
        saved = store.get(chosen.id)
        assert saved is not None and saved.start == chosen.start - len(
            "An editor's note added later.\n\n"
        )


async def test_escape_returns_none(
    store: BookmarkStore, articles: dict[str, Article], tmp_path: Path
) -> None:
    """Escape on the list closes the screen without a choice."""
    app = Host(_screen(store, articles, tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await _settle(app, pilot)
        await pilot.press("escape")
        await pilot.pause()
        assert app.result is None


async def test_edit_note_and_tags(
    store: BookmarkStore, articles: dict[str, Article], tmp_path: Path
) -> None:
    """``e`` opens the dialog; the new note and tags are saved to the file."""
    app = Host(_screen(store, articles, tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await _settle(app, pilot)
        screen = app.bookmarks_screen
        target = screen.current()
        assert target is not None
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, EditBookmarkScreen)
        app.screen.query_one("#note", TextArea).text = "Quoted in the brief."
        await pilot.press("tab")
        tags = app.screen.query_one("#tags", Input)
        assert tags.has_focus
        tags.value = "brief, #UN"
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is screen
        reread = BookmarkStore(store.path)
        reread.load()
        saved = reread.get(target.id)
        assert saved is not None
        assert (saved.note, saved.tags) == ("Quoted in the brief.", ("brief", "UN"))
        assert "Quoted in the brief." in screen_text(app)
        await pilot.press("t", "escape")  # t opens the dialog in the tags; Escape cancels
        await pilot.pause()
        assert app.screen is screen and store.get(target.id) == saved


async def test_delete_and_undo(
    store: BookmarkStore, articles: dict[str, Article], tmp_path: Path
) -> None:
    """``d`` deletes (saved at once), ``u`` brings it back."""
    app = Host(_screen(store, articles, tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await _settle(app, pilot)
        screen = app.bookmarks_screen
        await pilot.press("j")
        target = screen.current()
        assert target is not None
        await pilot.press("d")
        assert len(screen.shown) == 3 and store.get(target.id) is None
        assert len(BookmarkStore(store.path).load().bookmarks) == 3
        assert "u undoes 1 deletion" in screen_text(app)
        await pilot.press("u")
        assert len(screen.shown) == 4 and screen.current() == target
        assert len(BookmarkStore(store.path).load().bookmarks) == 4


async def test_export_markdown_and_json(
    store: BookmarkStore, articles: dict[str, Article], tmp_path: Path
) -> None:
    """``x`` then ``m``/``j`` writes the listed bookmarks to the export folder; path shown."""
    app = Host(_screen(store, articles, tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await _settle(app, pilot)
        await pilot.press("slash", *"#un", "enter", "x")
        await pilot.pause()
        assert isinstance(app.screen, ExportScreen)
        await pilot.press("m")
        await pilot.pause()
        (md,) = (tmp_path / "exports").glob("*.md")
        text = md.read_text(encoding="utf-8")
        assert text.count("\n> ") >= 2 and "Lavrov Says He Disagrees" in text
        assert "neutrality" not in text  # only the listed bookmarks
        assert "exported to" in screen_text(app)
        await pilot.press("x", "j")
        await pilot.pause()
        (js,) = (tmp_path / "exports").glob("*.json")
        assert json.loads(js.read_text(encoding="utf-8"))["count"] == 2


async def test_copy_passage_with_citation(
    store: BookmarkStore, articles: dict[str, Article], tmp_path: Path
) -> None:
    """``y`` copies the passage and its citation."""
    app = Host(_screen(store, articles, tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await _settle(app, pilot)
        current = app.bookmarks_screen.current()
        assert current is not None
        await pilot.press("y")
        assert current.text.strip() in app.clipboard and current.title in app.clipboard


async def test_small_terminal_and_no_library(store: BookmarkStore) -> None:
    """At 80x24 without a library: compact columns, no check, still every bookmark."""
    app = Host(BookmarksScreen(store))
    async with app.run_test(size=(80, 24)) as pilot:
        await _settle(app, pilot)
        screen = app.bookmarks_screen
        assert [c.key for c in screen._columns] == ["mark", "date", "source", "title", "passage"]
        assert len(screen.shown) == 4 and not screen.status
        text = screen_text(app)
        assert "Bookmarks: 4 of 4" in text and "orphaned" not in text
        assert all(len(line) <= 80 for line in text.splitlines())
