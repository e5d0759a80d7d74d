"""A small dialog that asks for one line of text (a name for a saved search)."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label


class PromptScreen(ModalScreen[str | None]):
    """Asks a question; Enter answers, Escape cancels (None)."""

    DEFAULT_CSS = """
    PromptScreen {
        align: center middle;
        & > Vertical {
            width: 60; height: auto; border: round $primary; background: $surface; padding: 0 1;
        }
    }
    """

    BINDINGS = [Binding("escape", "cancel", "Cancel", show=False)]

    def __init__(self, question: str, *, placeholder: str = "", value: str = "") -> None:
        """Ask ``question``."""
        super().__init__()
        self.question, self.placeholder, self.value = question, placeholder, value

    def compose(self) -> ComposeResult:
        """The question and the field."""
        with Vertical():
            yield Label(self.question)
            yield Input(self.value, placeholder=self.placeholder)

    @on(Input.Submitted)
    def _answered(self, event: Input.Submitted) -> None:
        """Enter: the answer (None when empty)."""
        self.dismiss(event.value.strip() or None)

    def action_cancel(self) -> None:
        """Escape: no answer."""
        self.dismiss(None)
