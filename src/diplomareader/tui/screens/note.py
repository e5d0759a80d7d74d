"""The note and tags of a bookmark, edited in a small dialog."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static

from diplomareader.store.bookmarks import Bookmark
from diplomareader.tui.textlayout import one_line, truncate


class NoteScreen(ModalScreen[tuple[str, str] | None]):
    """Edits ``(note, tags)``; Enter in the note moves to the tags, Enter there saves."""

    DEFAULT_CSS = """
    NoteScreen {
        align: center middle;
        & > Vertical {
            width: 80%; max-width: 90; height: auto;
            border: round $primary; background: $surface; padding: 0 1;
        }
        & #passage { color: $text-muted; text-style: italic; margin-bottom: 1; }
    }
    """

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", show=False),
        Binding("ctrl+s", "save", "Save", show=False),
    ]

    def __init__(self, bookmark: Bookmark) -> None:
        """Edit the note and tags of ``bookmark``."""
        super().__init__()
        self.bookmark = bookmark

    def compose(self) -> ComposeResult:
        """Passage, note and tags."""
        with Vertical() as box:
            box.border_title = "Bookmark — Enter saves, Escape cancels"
            yield Static(f"“{truncate(one_line(self.bookmark.text), 200)}”", id="passage")
            yield Label("Note")
            yield Input(self.bookmark.note, placeholder="why this passage matters", id="note")
            yield Label("Tags (separated by spaces or commas)")
            yield Input(" ".join(self.bookmark.tags), placeholder="un ukraine", id="tags")

    @on(Input.Submitted, "#note")
    def _note_done(self) -> None:
        """Enter in the note: on to the tags."""
        self.query_one("#tags", Input).focus()

    @on(Input.Submitted, "#tags")
    def action_save(self) -> None:
        """Save the note and tags."""
        self.dismiss((self.query_one("#note", Input).value, self.query_one("#tags", Input).value))

    def action_cancel(self) -> None:
        """Leave them as they were."""
        self.dismiss(None)
