"""The reader app and its factory, ``make_app``, shared by the command line and the tests.

The app holds what outlives a screen: the library (the only way to the index), the bookmarks
store, the settings, the key map and what the reader remembers between sessions.
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import events
from textual.app import App

from diplomareader.store import config as config_store
from diplomareader.store.bookmarks import BookmarkStore, StoreError
from diplomareader.store.config import Config, load_config
from diplomareader.store.state import ReaderState, load_state, save_state
from diplomareader.tui.heap import CHECK_EVERY, HeapKeeper
from diplomareader.tui.keys import KeyMap, SequenceApp
from diplomareader.tui.palette import CommandsProvider

if TYPE_CHECKING:
    from diplomareader.search import Library


class DiplomaReader(SequenceApp):
    """The diplomareader terminal app."""

    CSS_PATH = "app.tcss"
    TITLE = "diplomareader"
    COMMANDS: ClassVar = App.COMMANDS | {CommandsProvider}

    def __init__(
        self,
        library: Library,
        *,
        bookmarks: BookmarkStore,
        config: Config,
        config_path: Path | None = None,
        state_path: Path | None = None,
        startup_warnings: tuple[str, ...] = (),
        manage_heap: bool = False,
    ) -> None:
        """An app on ``library`` with the given stores; see ``make_app``."""
        super().__init__()
        self.heap = HeapKeeper() if manage_heap else None
        """Runs the garbage collector at quiet moments (``diplomareader run`` only)."""
        self.library = library
        """The index, through the search package's facade."""
        self.bookmarks = bookmarks
        """The bookmarks file."""
        self.config = config
        """The settings (the file is rewritten when a setting changes in the app)."""
        self.config_path = config_path
        self.keymap = KeyMap(config.keys)
        """Effective keys of every command."""
        self.state_path = state_path
        self.state: ReaderState = load_state(state_path)
        """Recent queries, articles read, reading positions."""
        self.bookmarked_ids: set[str] = set()
        """Articles with at least one bookmark (the list's star)."""
        self.startup_warnings = startup_warnings + config.problems + tuple(self.keymap.problems())
        """Problems to tell the user once the screen is up."""
        self._started = False
        """Set once the app is up (a theme set before that is not the user's choice)."""
        self.refresh_bookmark_ids()

    def on_mount(self) -> None:
        """Apply the theme, show the main screen and any problem found at start."""
        from diplomareader.tui.screens.main import MainScreen

        if self.config.theme in self.available_themes:
            self.theme = self.config.theme
        else:
            self.startup_warnings += (f"theme: no theme called {self.config.theme!r}",)
        self.push_screen(MainScreen())
        for warning in self.startup_warnings:
            self.notify(warning, title="Started with a problem", severity="warning", timeout=12)
        self._started = True
        if self.heap is not None:
            self.call_after_refresh(self._start_heap)

    def _start_heap(self) -> None:
        """After the first frame: let the heap keeper collect garbage when the user is idle."""
        assert self.heap is not None
        self.heap.start()
        self.set_interval(CHECK_EVERY, self.heap.tick)

    def on_unmount(self) -> None:
        """Hand garbage collection back to Python."""
        if self.heap is not None:
            self.heap.stop()

    async def on_event(self, event: events.Event) -> None:
        """Note each key press and mouse action (the heap keeper waits for a quiet moment)."""
        if self.heap is not None and isinstance(event, events.InputEvent):
            self.heap.input()
        await super().on_event(event)

    def watch_theme(self, theme: str) -> None:
        """Remember a theme chosen in the app (from the palette)."""
        if self._started and theme != self.config.theme:
            self.remember_setting(theme=theme)

    # ----- settings and state -------------------------------------------------------------

    def remember_setting(self, **changes: object) -> None:
        """Change settings and write them to the config file (a problem is only reported)."""
        from dataclasses import replace

        self.config = replace(self.config, **changes)  # type: ignore[arg-type]
        try:
            with config_store.update_config(self.config_path) as box:
                box[0] = replace(box[0], **changes)  # type: ignore[arg-type]
        except OSError as error:
            self.notify(f"Settings not saved: {error}", severity="warning")

    def save_search(self, name: str, query: str) -> None:
        """Save ``query`` as ``name`` in the config file."""
        self.config = self.config.with_saved_search(name, query)
        try:
            with config_store.update_config(self.config_path) as box:
                box[0] = box[0].with_saved_search(name, query)
        except OSError as error:
            self.notify(f"Search not saved: {error}", severity="error")
            return
        self.notify(f"Saved “{name}”: {query}", timeout=3)
        self._searches_changed()

    def delete_search(self, name: str) -> bool:
        """Delete the saved search ``name``; False if the file could not be written."""
        try:
            with config_store.update_config(self.config_path) as box:
                box[0] = box[0].without_saved_search(name)
        except OSError as error:
            self.notify(f"Search not deleted: {error}", severity="error")
            return False
        self.config = self.config.without_saved_search(name)
        self._searches_changed()
        return True

    def reload_saved_searches(self) -> bool:
        """Take in the saved searches of the config file as it is now (another copy of the
        reader or the user may have changed them); True when they changed."""
        from dataclasses import replace

        fresh = load_config(self.config_path)
        if fresh.broken or fresh.saved_searches == self.config.saved_searches:
            return False
        self.config = replace(self.config, saved_searches=fresh.saved_searches)
        return True

    def _searches_changed(self) -> None:
        """Tell the main screen that the saved searches changed (its entries follow)."""
        from diplomareader.tui.screens.main import MainScreen

        for screen in self.screen_stack:
            if isinstance(screen, MainScreen):
                screen.saved_searches_changed()

    def save_state(self) -> None:
        """Write what the reader remembers (merged with another copy's); never raises."""
        # Losing recent queries is not worth an error at exit.
        with contextlib.suppress(OSError):
            self.state = save_state(self.state, self.state_path)

    # ----- bookmarks ----------------------------------------------------------------------

    def save_pending_bookmarks(self) -> list[str]:
        """At exit: save bookmark changes an earlier save could not write (full disk,
        read-only folder). Returns lines for the terminal when they still cannot be saved:
        the reason, then the text of each unsaved bookmark, so that nothing is lost silently."""
        store = self.bookmarks
        if not store.unsaved:
            return []
        try:
            store.save()
        except StoreError as error:
            lines = [f"{store.unsaved} bookmark change(s) not saved: {error}"]
            for bookmark in store.unsaved_bookmarks():
                text = " ".join(bookmark.text.split())
                lines.append(f"  {bookmark.title}: “{text}”")
            return lines
        return []

    def refresh_bookmark_ids(self) -> None:
        """Recompute which articles have bookmarks."""
        self.bookmarked_ids.clear()
        self.bookmarked_ids.update(self.bookmarks.article_ids())

    def bookmark_spans(self, article_id: str) -> list[tuple[int, int]]:
        """The bookmarked passages of an article, as body offsets."""
        return [(b.start, b.end) for b in self.bookmarks.for_article(article_id)]

    def reload_bookmarks(self) -> None:
        """Take in bookmarks saved by another copy of the reader."""
        try:
            result = self.bookmarks.reload()
        except StoreError as error:
            self.notify(str(error), severity="warning")
            return
        if result.warning:
            self.notify(result.warning, severity="warning", timeout=10)
        self.refresh_bookmark_ids()


def make_app(
    library: Library,
    *,
    bookmarks_path: Path | None = None,
    config: Config | None = None,
    config_path: Path | None = None,
    state_path: Path | None = None,
    manage_heap: bool = False,
) -> DiplomaReader:
    """The reader on ``library``; every path defaults to ``store.locations``.

    ``manage_heap``: garbage collection at quiet moments (``tui.heap``), for a process that
    runs the reader alone (the command line), not for one app among others (tests).
    """
    config = config if config is not None else load_config(config_path)
    store = BookmarkStore(bookmarks_path)
    warnings: tuple[str, ...] = ()
    try:
        loaded = store.load()
        if loaded.warning:
            warnings += (loaded.warning,)
    except StoreError as error:
        warnings += (str(error),)
    return DiplomaReader(
        library,
        bookmarks=store,
        config=config,
        config_path=config_path,
        state_path=state_path,
        startup_warnings=warnings,
        manage_heap=manage_heap,
    )
