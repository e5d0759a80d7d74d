"""The search box: a query typed here searches the index as you type.

Up and Down recall recent queries; Escape clears the box (a second Escape leaves it); Enter
keeps the query among the recent ones and moves to the list. Next to the box, a status
says how many articles match and what part of the query was not understood.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import Input, Static


class QueryInput(Input):
    """The text field, with recall of recent queries on Up and Down."""

    BINDINGS = [
        Binding("up", "recall(1)", "Older query", show=False),
        Binding("down", "recall(-1)", "Newer query", show=False),
        Binding("escape", "clear_or_leave", "Clear", show=False),
    ]

    def __init__(self) -> None:
        """An empty field."""
        super().__init__(placeholder='/ search: words, "phrases", speaker:, entity:, date:…')
        self.recent: Sequence[str] = ()
        """Recent queries, newest first."""
        self._recall = -1

    def action_recall(self, step: int) -> None:
        """Replace the text with an older (1) or newer (-1) recent query."""
        if not self.recent:
            return
        self._recall = max(-1, min(len(self.recent) - 1, self._recall + step))
        self.value = self.recent[self._recall] if self._recall >= 0 else ""
        self.cursor_position = len(self.value)

    def action_clear_or_leave(self) -> None:
        """Clear the text; when already empty, hand the focus back."""
        self._recall = -1
        if self.value:
            self.value = ""
        else:
            self.post_message(SearchBar.Leave())


class SearchBar(Horizontal):
    """The search field and its status."""

    DEFAULT_CSS = """
    SearchBar {
        height: 1;
        background: $panel;
        & > QueryInput {
            width: 1fr;
            height: 1;
            border: none;
            padding: 0 1;
            background: $panel;
            &:focus { background: $boost; border: none; }
        }
        & > #search-status {
            width: auto;
            max-width: 50%;
            height: 1;
            padding: 0 1;
            color: $text-muted;
        }
        & > #search-status.-error { color: $text-error; }
    }
    """

    @dataclass
    class Changed(Message):
        """The query text changed (search as you type)."""

        query: str
        as_you_type: bool = True
        """False when the whole query was put in the box at once (``set_value``): its last
        word is then a word, not the start of one."""

    @dataclass
    class Submitted(Message):
        """Enter in the box: keep the query and go to the list."""

        query: str

    class Leave(Message):
        """Escape in an empty box: give the focus back to the list."""

    def __init__(self) -> None:
        """A search bar with an empty box."""
        super().__init__()
        self._whole: str | None = None
        """The query last put in the box by ``set_value`` (until the next change)."""

    def compose(self) -> ComposeResult:
        """The field and the status."""
        yield QueryInput()
        yield Static("", id="search-status")

    @property
    def input(self) -> QueryInput:
        """The text field."""
        return self.query_one(QueryInput)

    @property
    def value(self) -> str:
        """The query typed."""
        return self.input.value

    def set_value(self, query: str) -> None:
        """Put ``query`` in the box (which searches for it, as a whole query)."""
        self._whole = query
        self.input.value = query
        self.input.cursor_position = len(query)

    def set_recent(self, recent: Sequence[str]) -> None:
        """The queries Up and Down recall."""
        self.input.recent = recent

    def set_status(self, text: str, error: bool = False) -> None:
        """Show ``text`` next to the box (in the error colour when ``error``)."""
        status = self.query_one("#search-status", Static)
        status.update(Text(text))
        status.set_class(error, "-error")

    @on(Input.Changed)
    def _changed(self, event: Input.Changed) -> None:
        """Each keystroke searches."""
        event.stop()
        whole, self._whole = self._whole == event.value, None
        self.post_message(self.Changed(event.value, as_you_type=not whole))

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        """Enter keeps the query."""
        event.stop()
        self.post_message(self.Submitted(event.value))
