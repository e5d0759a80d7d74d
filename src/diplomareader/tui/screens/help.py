"""The help screen (``?``): every command with its keys, built from the command table."""

from __future__ import annotations

from pathlib import Path

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from diplomareader.store import locations
from diplomareader.tui.commands import COMMANDS, SCOPE_TITLES
from diplomareader.tui.keys import KeyMap, display_keys

QUERY_HELP = """\
Search: words (all must match), "exact phrase", a OR b, -word or NOT word, (groups),
title: source: author: speaker: entity: fields, date:2022, date:2022-09,
date:2022-09-01..2022-09-30, date:>-30d. speaker:tokayev finds Toqayev too.
Ctrl+P opens the command palette. To remap a key, put its config name under keys: in the
config file, e.g.  keys: {bookmark: "m", next_quote: "] q,J"}  (see the README)."""
"""The query syntax, shown under the keys."""


def help_table(keymap: KeyMap) -> Table:
    """A table of every command by scope: keys, what it does, and its name in ``keys:``."""
    table = Table.grid(padding=(0, 2))
    table.add_column(style="bold", no_wrap=True)
    table.add_column(ratio=1)
    table.add_column(style="dim", no_wrap=True)
    scope = None
    for command in COMMANDS:
        if command.scope != scope:
            scope = command.scope
            if table.row_count:
                table.add_row("", "", "")
            table.add_row(
                Text(SCOPE_TITLES[scope], style="bold underline"),
                "",
                Text("config name", style="italic") if not table.row_count else "",
            )
        table.add_row(display_keys(keymap.keys_of(command)), command.help, command.id)
    return table


class HelpScreen(ModalScreen[None]):
    """Keys and commands, with the query syntax; any of Escape, q or ? closes it."""

    DEFAULT_CSS = """
    HelpScreen {
        align: center middle;
        & > VerticalScroll {
            width: 90%;
            max-width: 110;
            height: 90%;
            border: round $primary;
            background: $surface;
            padding: 0 1;
        }
        & #query-help { color: $text-muted; margin-top: 1; }
    }
    """

    BINDINGS = [
        Binding("escape,q,question_mark,f1", "dismiss", "Close", show=False),
        Binding("j,down", "scroll('down')", show=False),
        Binding("k,up", "scroll('up')", show=False),
        Binding("pagedown,space", "scroll('page_down')", show=False),
        Binding("pageup", "scroll('page_up')", show=False),
        Binding("g,home", "scroll('home')", show=False),
        Binding("G,end", "scroll('end')", show=False),
    ]

    def __init__(self, keymap: KeyMap, config_path: Path | None = None) -> None:
        """Help for the keys in ``keymap``; ``config_path`` is the settings file in use."""
        super().__init__()
        self.keymap = keymap
        self.config_path = config_path or locations.config_file()

    def compose(self) -> ComposeResult:
        """The table and the query syntax."""
        with VerticalScroll() as scroll:
            scroll.border_title = "Keys — Escape closes"
            yield Static(help_table(self.keymap), id="keys")
            yield Static(f"{QUERY_HELP}\nConfig file: {self.config_path}", id="query-help")

    def action_scroll(self, direction: str) -> None:
        """Scroll the help."""
        scroll = self.query_one(VerticalScroll)
        moves = {
            "down": scroll.scroll_down,
            "up": scroll.scroll_up,
            "page_down": scroll.scroll_page_down,
            "page_up": scroll.scroll_page_up,
            "home": scroll.scroll_home,
            "end": scroll.scroll_end,
        }
        moves.get(direction, scroll.scroll_down)(animate=False)
