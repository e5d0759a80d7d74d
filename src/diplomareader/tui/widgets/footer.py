"""The key bar at the bottom of the main screen, rebuilt only when what it shows changes.

Textual's ``Footer`` throws its key widgets away and mounts new ones each time the screen's
bindings may have changed — twice for every focus change — even when the keys shown are the
same. On the main screen that happens at every article opened (the focus moves to the
reading pane), and each rebuild costs a layout pass and leaves a few hundred objects to the
garbage collector. This footer compares what it would show with what it shows and skips the
rebuild when nothing differs.
"""

from __future__ import annotations

from collections.abc import Hashable

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer


def shown_keys(screen: Screen[object]) -> tuple[Hashable, ...]:
    """What a footer on ``screen`` would show: each shown binding with its state."""
    keys: list[Hashable] = []
    for _node, binding, enabled, tooltip in screen.active_bindings.values():
        if binding.show or binding.action == "command_palette":
            keys.append((binding.key, binding.action, binding.description, enabled, tooltip))
    return tuple(keys)


class KeyFooter(Footer):
    """A ``Footer`` that recomposes only when its keys change."""

    def __init__(self, *, compact: bool = False) -> None:
        """A footer like Textual's (``compact`` as there)."""
        super().__init__(compact=compact)
        self._shown: tuple[Hashable, ...] | None = None
        """The keys the footer's widgets show (None before the first compose)."""

    def compose(self) -> ComposeResult:
        """Textual's key widgets, noting which keys they show."""
        if self._bindings_ready:
            self._shown = shown_keys(self.screen)
        yield from super().compose()

    def bindings_changed(self, screen: Screen[object]) -> None:
        """Rebuild when the keys differ from those shown or about to be (Textual: always)."""
        if screen is self.screen and self.is_attached and screen.app.app_focus:
            keys = shown_keys(screen)
            if keys == self._shown:
                return
            if self._bindings_ready:
                self._shown = keys  # the rebuild scheduled below shows these
        super().bindings_changed(screen)
