"""Small dialogs of the bookmarks screen: edit a note and tags, choose an export format."""

from __future__ import annotations

from typing import Literal

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static, TextArea

from diplomareader.store.bookmarks import Bookmark
from diplomareader.tui.textlayout import one_line, truncate

NoteAndTags = tuple[str, str]
"""The edited note and the tags as typed."""


class EditBookmarkScreen(ModalScreen[NoteAndTags | None]):
    """Edit the note (several lines) and tags of a bookmark; Ctrl+S or Enter in tags saves."""

    DEFAULT_CSS = """
    EditBookmarkScreen { align: center middle; }
    EditBookmarkScreen > Vertical {
        width: 80%; max-width: 96; height: auto; max-height: 90%;
        border: round $primary; background: $surface; padding: 0 1;
    }
    EditBookmarkScreen #passage { color: $text-muted; text-style: italic; margin-bottom: 1; }
    EditBookmarkScreen TextArea { height: 6; }
    """
    BINDINGS = [
        Binding("escape", "cancel", "Cancel"),
        Binding("ctrl+s", "save", "Save"),
    ]

    def __init__(self, bookmark: Bookmark, *, focus: Literal["note", "tags"] = "note") -> None:
        """A dialog for ``bookmark``, with the cursor in the note or the tags."""
        super().__init__()
        self.bookmark = bookmark
        self.start_in = focus

    def compose(self) -> ComposeResult:
        """The passage, a note box and a tags line."""
        with Vertical() as box:
            box.border_title = "Note and tags"
            box.border_subtitle = "Ctrl+S or Enter in tags saves \u00b7 Escape cancels"
            yield Static(f"\u201c{truncate(one_line(self.bookmark.text), 240)}\u201d", id="passage")
            yield Label("Note")
            yield TextArea(self.bookmark.note, id="note", soft_wrap=True, tab_behavior="focus")
            yield Label("Tags (separated by spaces or commas)")
            yield Input(
                " ".join(self.bookmark.tags),
                placeholder="un ukraine",
                id="tags",
                select_on_focus=False,  # a key typed adds to the tags, it does not replace them
            )

    def on_mount(self) -> None:
        """Put the cursor where the user asked, after what is written there already (a
        note is added to more often than it is rewritten)."""
        note = self.query_one("#note", TextArea)
        note.move_cursor(note.document.end)
        tags = self.query_one("#tags", Input)
        tags.cursor_position = len(tags.value)
        (tags if self.start_in == "tags" else note).focus()

    @on(Input.Submitted, "#tags")
    def action_save(self) -> None:
        """Close with the note and tags."""
        note = self.query_one("#note", TextArea).text
        self.dismiss((note.strip(), self.query_one("#tags", Input).value))

    def action_cancel(self) -> None:
        """Close without changes."""
        self.dismiss(None)


ExportChoice = Literal["md", "json"]


class ExportScreen(ModalScreen[ExportChoice | None]):
    """Ask which format to export the listed bookmarks in (``m`` Markdown, ``j`` JSON)."""

    DEFAULT_CSS = """
    ExportScreen { align: center middle; }
    ExportScreen > Vertical {
        width: auto; max-width: 90%; height: auto;
        border: round $primary; background: $surface; padding: 0 1;
    }
    ExportScreen Horizontal { height: auto; width: auto; margin-top: 1; }
    ExportScreen Button { margin-right: 1; }
    """
    BINDINGS = [
        Binding("m", "choose('md')", "Markdown"),
        Binding("j", "choose('json')", "JSON"),
        Binding("escape", "choose('')", "Cancel"),
    ]

    def __init__(self, count: int, folder: str) -> None:
        """Exporting ``count`` bookmarks into ``folder``."""
        super().__init__()
        self.count = count
        self.folder = folder

    def compose(self) -> ComposeResult:
        """The question and two buttons."""
        with Vertical() as box:
            box.border_title = "Export"
            plural = "s" if self.count != 1 else ""
            yield Label(f"Export the {self.count} listed bookmark{plural} to {self.folder}")
            with Horizontal():
                yield Button("Markdown (m)", id="md", variant="primary")
                yield Button("JSON (j)", id="json")
                yield Button("Cancel (Esc)", id="cancel")

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        """A button was clicked."""
        self.action_choose(event.button.id if event.button.id in ("md", "json") else "")

    def action_choose(self, choice: str) -> None:
        """Close with the format ('' cancels)."""
        self.dismiss("md" if choice == "md" else "json" if choice == "json" else None)
