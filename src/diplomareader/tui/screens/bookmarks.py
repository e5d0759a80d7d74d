"""The bookmarks screen (``B``): browse, filter, open, annotate, delete and export bookmarks.

Push it with::

    app.push_screen(BookmarksScreen(store, library), on_result)

- ``store``: the app's ``diplomareader.store.bookmarks.BookmarkStore``;
- ``library``: anything with ``article(article_id) -> Article | None`` (the app's
  ``diplomareader.search.Library``); used in a worker thread to find each passage again in the
  current text and to mark orphans. ``None`` skips that check;
- keyword-only ``body_of``: instead of a library, a callable ``Bookmark -> str | None``
  giving the current body of the bookmark's article;
- keyword-only ``export_dir``: where ``x`` writes (default ``<data dir>/exports``);
- keyword-only ``query``: the initial filter.

Result (``on_result``'s argument): the chosen ``Bookmark`` when the user pressed Enter -- its
``start``/``end``/``text`` moved to where the passage is now if the article changed (this
copy is not saved); an orphaned bookmark is returned as saved -- or ``None`` when the screen
was closed. Deletions and edits are saved in the store as they happen.

Keys: ``/`` filter (``#tag``, ``article:ID``, ``speaker:NAME``, ``is:orphan``, words; Escape
clears it, Enter or Down goes back to the list), j/k/arrows/g/G move, Enter opens, ``e`` or
``n`` edits the note and tags (``t`` starts in the tags), ``d`` deletes, ``u`` undoes the last
deletion, ``x`` exports the listed bookmarks to Markdown or JSON, ``y`` copies the passage
with its citation, ``r`` re-reads the file and re-checks the passages, Escape or ``q`` closes.
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar, Literal

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Input, Static

from diplomareader.store.anchor import Anchored, Orphaned
from diplomareader.store.atomic import StoreError
from diplomareader.store.bookmark_export import default_export_path, export_to_file
from diplomareader.store.bookmark_locate import (
    ArticleSource,
    BodyOf,
    LibraryBodies,
    cached,
    library_body_of,
    locate_all,
    relocated,
)
from diplomareader.store.bookmarks import Bookmark, BookmarkStore
from diplomareader.tui.screens.bookmarks_dialogs import (
    EditBookmarkScreen,
    ExportChoice,
    ExportScreen,
    NoteAndTags,
)
from diplomareader.tui.screens.bookmarks_rows import Column, columns_for, preview
from diplomareader.tui.screens.bookmarks_table import BookmarkTable, header_text

Status = dict[str, Anchored | Orphaned]


class BookmarksScreen(Screen[Bookmark | None]):
    """Every bookmark in a filterable table, the highlighted one previewed below."""

    DEFAULT_CSS = """
    BookmarksScreen { layout: vertical; }
    BookmarksScreen #bm-status { height: 1; padding: 0 1; background: $panel; color: $text; }
    BookmarksScreen #bm-filter { height: 3; }
    BookmarksScreen #bm-header { height: 1; text-style: bold; color: $text-muted; }
    BookmarksScreen #bm-table { height: 2fr; }
    BookmarksScreen #bm-preview-box { height: 1fr; border-top: solid $primary; padding: 0 1; }
    BookmarksScreen #bm-empty { padding: 1 2; color: $text-muted; display: none; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Close"),
        Binding("q", "close", "Close", show=False),
        Binding("slash", "focus_filter", "Filter"),
        Binding("e", "edit('note')", "Note/tags"),
        Binding("n", "edit('note')", "Note", show=False),
        Binding("t", "edit('tags')", "Tags", show=False),
        Binding("d", "delete", "Delete"),
        Binding("u", "undo", "Undo"),
        Binding("x", "export", "Export"),
        Binding("y", "copy", "Copy", show=False),
        Binding("r", "recheck", "Re-check", show=False),
        Binding("down", "leave_filter", "List", show=False),
    ]

    def __init__(
        self,
        store: BookmarkStore,
        library: ArticleSource | None = None,
        *,
        body_of: BodyOf | None = None,
        export_dir: Path | None = None,
        query: str = "",
    ) -> None:
        """The screen over ``store`` (see the module docstring for the arguments)."""
        super().__init__()
        self.store = store
        self.body_of: BodyOf | None = body_of or (
            library_body_of(library) if library is not None else None
        )
        self.export_dir = export_dir
        self.initial_query = query
        self.status: Status = {}
        """Re-anchoring result by bookmark id (empty until the check has run)."""
        self.shown: list[Bookmark] = []
        """The bookmarks in the table, in table order."""
        self.undo_stack: list[Bookmark] = []
        """Deleted bookmarks, most recent last (``u`` restores)."""
        self.last_export: Path | None = None
        self._columns: list[Column] = []
        self._checking = False

    # -- layout ---------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        """Status line, filter box, table, preview, footer."""
        yield Static(id="bm-status")
        yield Input(
            self.initial_query,
            placeholder="Filter: #tag  article:ID  speaker:NAME  is:orphan  words",
            id="bm-filter",
        )
        yield Static(id="bm-header")
        yield BookmarkTable(id="bm-table")
        yield Static("No bookmarks match.", id="bm-empty")
        with VerticalScroll(id="bm-preview-box"):
            yield Static(id="bm-preview")
        yield Footer()

    def on_mount(self) -> None:
        """Read what other readers saved, fill the table, start the passage check."""
        if self.store.changed_on_disk():
            self._reload()
        self._layout_columns(self.size.width or self.app.size.width)
        self.refill()
        self.table.focus()
        self.action_recheck(reload=False)

    def on_resize(self) -> None:
        """Fit the columns to the new width."""
        if columns_for(self.size.width) != self._columns:
            self._layout_columns(self.size.width)
            self.refill()

    @property
    def table(self) -> BookmarkTable:
        """The bookmarks table."""
        return self.query_one("#bm-table", BookmarkTable)

    @property
    def filter_input(self) -> Input:
        """The filter box."""
        return self.query_one("#bm-filter", Input)

    def _layout_columns(self, width: int) -> None:
        """Recreate the table's columns for ``width`` cells."""
        self._columns = columns_for(width)
        self.query_one("#bm-header", Static).update(header_text(self._columns))

    # -- content --------------------------------------------------------------------------

    def _is_orphan(self, bookmark: Bookmark) -> bool:
        """True when the check found the passage gone."""
        return isinstance(self.status.get(bookmark.id), Orphaned)

    def refill(self) -> None:
        """Apply the filter and redraw the rows, keeping the cursor on the same bookmark."""
        current = self.current()
        self.shown = self.store.filter(self.filter_input.value, self._is_orphan)
        ids = [b.id for b in self.shown]
        row = ids.index(current.id) if current is not None and current.id in ids else 0
        self.table.set_rows(self.shown, self.status, self._columns, cursor=row)
        self.query_one("#bm-empty").display = not self.shown
        self._show_preview()
        self._show_status()

    def current(self) -> Bookmark | None:
        """The highlighted bookmark."""
        if not self.shown or not self.is_mounted:
            return None
        row = self.table.cursor
        return self.shown[row] if 0 <= row < len(self.shown) else None

    def _show_preview(self) -> None:
        """Preview the highlighted bookmark."""
        bookmark = self.current()
        target = self.query_one("#bm-preview", Static)
        target.update(preview(bookmark, self.status.get(bookmark.id)) if bookmark else "")

    def _show_status(self, extra: str = "") -> None:
        """The status line: counts, orphans, the file, the last export."""
        total = len(self.store)
        parts = [f"Bookmarks: {len(self.shown)} of {total}"]
        orphans = sum(isinstance(s, Orphaned) for s in self.status.values())
        if self._checking:
            parts.append("checking passages\u2026")
        elif orphans:
            parts.append(f"{orphans} orphaned")
        if self.undo_stack:
            parts.append(f"u undoes {len(self.undo_stack)} deletion(s)")
        parts.append(extra or (f"exported to {self.last_export}" if self.last_export else ""))
        parts.append(str(self.store.path))
        self.query_one("#bm-status", Static).update(" \u00b7 ".join(p for p in parts if p))

    @on(BookmarkTable.Highlighted, "#bm-table")
    def _highlighted(self) -> None:
        """Follow the cursor in the preview."""
        self._show_preview()

    @on(Input.Changed, "#bm-filter")
    def _filter_changed(self) -> None:
        """Filter as the user types."""
        self.refill()

    @on(Input.Submitted, "#bm-filter")
    def action_leave_filter(self) -> None:
        """Back to the list."""
        self.table.focus()

    # -- passage check --------------------------------------------------------------------

    def action_recheck(self, reload: bool = True) -> None:
        """``r``: read the file again and find every passage in the current article texts."""
        if reload:
            self._reload()
            self.refill()
        if self.body_of is None:
            return
        self._checking = True
        self._show_status()
        self._check(list(self.store.all()), self.body_of)

    @work(thread=True, exclusive=True, group="bookmark-check", exit_on_error=False)
    def _check(self, bookmarks: list[Bookmark], body_of: BodyOf) -> None:
        """Re-anchor every bookmark off the UI thread."""
        status = locate_all(bookmarks, cached(body_of))
        self.app.call_from_thread(self._checked, status)

    def _checked(self, status: Status) -> None:
        """Show the result of the passage check."""
        self.status = status
        self._checking = False
        self.refill()

    def _reload(self) -> None:
        """Take in what other readers saved."""
        result = self.store.reload()
        if result.warning:
            self.notify(result.warning, title="Bookmarks file", severity="warning", timeout=10)

    # -- actions --------------------------------------------------------------------------

    def action_close(self) -> None:
        """Escape: clear or leave the filter first; otherwise close the screen."""
        if self.focused is self.filter_input:
            if self.filter_input.value:
                self.filter_input.value = ""
            else:
                self.table.focus()
            return
        self.dismiss(None)

    def action_focus_filter(self) -> None:
        """``/``: type to filter."""
        self.filter_input.focus()

    @on(BookmarkTable.Selected, "#bm-table")
    def action_open(self) -> None:
        """Enter: close the screen with the bookmark, moved to where its passage is now."""
        bookmark = self.current()
        if bookmark is None:
            return
        found = self.status.get(bookmark.id)
        now = self.body_of.article_id(bookmark) if isinstance(self.body_of, LibraryBodies) else None
        moved_article = now is not None and now != bookmark.article_id
        changed = isinstance(found, Anchored) and (found.method != "unchanged" or moved_article)
        if changed and isinstance(found, Anchored) and self.body_of:
            body = self.body_of(bookmark)
            if body is not None:
                bookmark = relocated(bookmark, found, body, now)
        self.dismiss(bookmark)

    def action_edit(self, focus: Literal["note", "tags"] = "note") -> None:
        """``e``/``n``/``t``: edit the note and tags in a dialog."""
        bookmark = self.current()
        if bookmark is None:
            return

        def edited(result: NoteAndTags | None) -> None:
            if result is None:
                return
            note, tags = result
            try:
                self.store.update(bookmark.id, note=note, tags=tags)
            except KeyError:
                self.notify("That bookmark was deleted meanwhile.", severity="warning")
            except StoreError as error:
                self.notify(str(error), title="Not saved", severity="error", timeout=10)
            self._after_change()

        self.app.push_screen(EditBookmarkScreen(bookmark, focus=focus), edited)

    def action_delete(self) -> None:
        """``d``: delete the highlighted bookmark (``u`` brings it back)."""
        bookmark = self.current()
        if bookmark is None:
            return
        try:
            gone = self.store.delete(bookmark.id)
        except KeyError:
            gone = bookmark
        except StoreError as error:
            self.notify(str(error), title="Not saved", severity="error", timeout=10)
            gone = bookmark
        self.undo_stack.append(gone)
        self._after_change()
        self.notify("Bookmark deleted \u2014 press u to undo.", timeout=4)

    def action_undo(self) -> None:
        """``u``: restore the last deleted bookmark."""
        if not self.undo_stack:
            self.notify("Nothing to undo.", timeout=2)
            return
        bookmark = self.undo_stack.pop()
        try:
            self.store.restore(bookmark)
        except StoreError as error:
            self.notify(str(error), title="Not saved", severity="error", timeout=10)
        self._after_change()
        ids = [b.id for b in self.shown]
        if bookmark.id in ids:
            self.table.cursor = ids.index(bookmark.id)
        self.notify("Bookmark restored.", timeout=2)

    def _after_change(self) -> None:
        """Redraw after a change and tell the user about merge problems."""
        for warning in self.store.warnings:
            self.notify(warning, title="Bookmarks", severity="warning", timeout=10)
        self.store.warnings.clear()
        self.refill()

    def action_export(self) -> None:
        """``x``: export the listed bookmarks as Markdown or JSON into the data folder."""
        if not self.shown:
            self.notify("No bookmarks to export.", timeout=2)
            return
        folder = default_export_path("md", self.export_dir).parent

        def chosen(fmt: ExportChoice | None) -> None:
            if fmt is not None:
                self._export(fmt)

        self.app.push_screen(ExportScreen(len(self.shown), str(folder)), chosen)

    def _export(self, fmt: ExportChoice) -> None:
        """Write the export file and show where it went."""
        try:
            path = export_to_file(
                fmt, self.shown, default_export_path(fmt, self.export_dir), self.status
            )
        except StoreError as error:
            self.notify(str(error), title="Not exported", severity="error", timeout=10)
            return
        self.last_export = path
        self._show_status()
        self.notify(f"{len(self.shown)} bookmarks written to {path}", title="Exported", timeout=8)

    def action_copy(self) -> None:
        """``y``: copy the passage with its citation (OSC 52)."""
        bookmark = self.current()
        if bookmark is None:
            return
        self.app.copy_to_clipboard(
            f"\u201c{bookmark.text.strip()}\u201d \u2014 {bookmark.citation()}"
        )
        self.notify("Passage and citation copied.", timeout=2)
