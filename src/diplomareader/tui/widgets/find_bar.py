"""The find bar under the reading pane: finds text inside the article as you type.

Enter goes back to the article at the first hit (``n``/``N`` then move between hits);
Escape closes the bar and clears the marks.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import Input, Static


class FindInput(Input):
    """The text field of the find bar."""

    BINDINGS = [Binding("escape", "close", "Close", show=False)]

    def action_close(self) -> None:
        """Escape: close the bar."""
        self.post_message(FindBar.Closed())


class FindBar(Horizontal):
    """A one-line find field with a count of hits, hidden until ``/`` in the reading pane."""

    DEFAULT_CSS = """
    FindBar {
        display: none;
        height: 1;
        background: $panel;
        &.-open { display: block; }
        & > Static { width: auto; padding: 0 1; color: $text-muted; }
        & > FindInput {
            width: 1fr; height: 1; border: none; padding: 0; background: $panel;
            &:focus { border: none; background: $boost; }
        }
    }
    """

    @dataclass
    class Changed(Message):
        """The text to find changed."""

        text: str

    class Done(Message):
        """Enter: back to the article at the first hit."""

    class Closed(Message):
        """Escape: the bar closed and the marks are to be cleared."""

    def compose(self) -> ComposeResult:
        """Label, field and count."""
        yield Static("Find:", id="find-label")
        yield FindInput(placeholder="text in this article")
        yield Static("", id="find-count")

    @property
    def is_open(self) -> bool:
        """Whether the bar is shown."""
        return self.has_class("-open")

    def open(self) -> None:
        """Show the bar and put the focus in it."""
        self.add_class("-open")
        self.screen.set_focus(self.query_one(FindInput))  # at once: the next key goes there

    def close(self) -> bool:
        """Hide and clear the bar; True when it was open."""
        was_open = self.is_open
        self.remove_class("-open")
        field = self.query_one(FindInput)
        if field.value:
            field.value = ""
        return was_open

    def set_count(self, count: int, text: str) -> None:
        """Show how many hits ``text`` has."""
        label = (
            "" if not text else f"{count} hit{'s' if count != 1 else ''}" if count else "not found"
        )
        self.query_one("#find-count", Static).update(label)

    @on(Input.Changed)
    def _changed(self, event: Input.Changed) -> None:
        """Find as you type."""
        event.stop()
        self.post_message(self.Changed(event.value))

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        """Enter: back to the article."""
        event.stop()
        self.post_message(self.Done())
