"""The command palette (Ctrl+P): every command of the table, and the saved searches.

A command runs on the node of its scope (the screen, or the pane it belongs to), exactly as
its key would; the palette shows each command's keys next to its help.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.dom import DOMNode

from diplomareader.tui.commands import COMMANDS, SCOPE_TITLES, Command
from diplomareader.tui.keys import display_keys


class CommandsProvider(Provider):
    """Offers every reader command that can run on the current screen."""

    def _entries(self) -> list[tuple[str, str, Callable[[], object]]]:
        """``(text, help, run)`` for each command and saved search available here."""
        from diplomareader.tui.app import DiplomaReader
        from diplomareader.tui.screens.main import MainScreen

        screen = self.screen
        app = self.app
        if not isinstance(screen, MainScreen) or not isinstance(app, DiplomaReader):
            return []
        entries: list[tuple[str, str, Callable[[], object]]] = []
        for command in COMMANDS:
            node = self._node_for(screen, command)
            keys = display_keys(app.keymap.keys_of(command))
            scope = "" if command.scope == "main" else f" [{SCOPE_TITLES[command.scope]}]"
            run = partial(app.run_action, command.action, node)
            entries.append((command.label, f"{keys} — {command.help}{scope}", run))
        for saved in app.config.saved_searches:
            entries.append(
                (
                    f"Search: {saved.name}",
                    saved.query,
                    partial(screen.search_bar.set_value, saved.query),
                )
            )
        return entries

    @staticmethod
    def _node_for(screen: DOMNode, command: Command) -> DOMNode:
        """The node a command acts on: the screen, or the pane of its scope."""
        from diplomareader.tui.screens.main import MainScreen

        assert isinstance(screen, MainScreen)
        if command.scope == "list":
            return screen.list_view
        if command.scope == "reader":
            return screen.reader
        if command.scope == "side":
            return screen.side
        if command.action in {"quit"}:
            return screen.app
        return screen

    async def discover(self) -> Hits:
        """Every command, before anything is typed."""
        for text, help_text, run in self._entries():
            yield DiscoveryHit(text, run, help=help_text)

    async def search(self, query: str) -> Hits:
        """Commands whose name or help matches what is typed."""
        matcher = self.matcher(query)
        for text, help_text, run in self._entries():
            score = max(matcher.match(text), matcher.match(help_text) * 0.7)
            if score > 0:
                yield Hit(score, matcher.highlight(text), run, text=text, help=help_text)
