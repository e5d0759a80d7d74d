"""The key bar at the bottom of the main screen: one line, drawn, never rebuilt.

Textual's ``Footer`` is a row of key widgets that it throws away and mounts anew whenever the
screen's bindings may have changed — at every focus change, so at every article opened (the
focus moves to the reading pane) and at every Escape back to the list. Each rebuild cost two
or three layout passes and some 40 ms of the interpreter (measured in ``diplomareader run`` at
160x45), right when the related-quote search needs it. This bar draws the same keys on one
line through the Line API: a focus change that changes the keys redraws that line and
nothing else. It looks like the compact footer (key in bold, its label, the command palette's
key on the right) and answers the mouse as it does: a click on a key presses it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.screen import Screen
from textual.strip import Strip
from textual.widget import Widget

from diplomareader.tui.widgets.layers import LayerCache


@dataclass(frozen=True)
class FooterEntry:
    """One key shown: what to press, how it reads, what it does."""

    key: str
    display: str
    description: str
    enabled: bool
    tooltip: str


def shown_keys(screen: Screen[object]) -> tuple[list[FooterEntry], FooterEntry | None]:
    """The keys a footer on ``screen`` shows (one per action, in binding order) and the
    command palette's key (None when the app has no palette)."""
    app = screen.app
    entries: list[FooterEntry] = []
    actions: set[str] = set()
    palette: FooterEntry | None = None
    for key, (_node, binding, enabled, tooltip) in screen.active_bindings.items():
        entry = FooterEntry(
            binding.key,
            app.get_key_display(binding),
            binding.description,
            enabled,
            tooltip or binding.tooltip or binding.description,
        )
        if key == app.COMMAND_PALETTE_BINDING and app.ENABLE_COMMAND_PALETTE:
            palette = entry
        elif binding.show and binding.action not in actions:
            actions.add(binding.action)
            entries.append(entry)
    return entries, palette


class KeyFooter(Widget, can_focus=False):
    """The keys of the focused pane and of the screen, on one line."""

    ALLOW_SELECT = False
    DEFAULT_CSS = """
    KeyFooter {
        dock: bottom;
        height: 1;
        width: 1fr;
        color: $footer-foreground;
        background: $footer-background;
        & > .key-footer--key {
            color: $footer-key-foreground;
            background: $footer-key-background;
            text-style: bold;
        }
        & > .key-footer--description {
            color: $footer-description-foreground;
            background: $footer-description-background;
        }
        & > .key-footer--disabled { text-style: dim; }
        & > .key-footer--hover { background: $block-hover-background; }
        & > .key-footer--rule { color: $foreground 20%; }
    }
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "key-footer--key",
        "key-footer--description",
        "key-footer--disabled",
        "key-footer--hover",
        "key-footer--rule",
    }
    """Styles of a key, its label, a disabled key, the key under the mouse, the rule."""

    def __init__(self) -> None:
        """An empty bar; it fills in once the screen's bindings are known."""
        super().__init__()
        self.entries: list[FooterEntry] = []
        """The keys shown, left to right."""
        self.palette: FooterEntry | None = None
        """The command palette's key, on the right."""
        self._spans: list[tuple[int, int, FooterEntry]] = []
        """Where each key was drawn: first cell, end cell, entry."""
        self._hover: FooterEntry | None = None
        self._layers = LayerCache(self)

    def on_mount(self) -> None:
        """Follow the screen's bindings."""
        self.screen.bindings_updated_signal.subscribe(self, self.bindings_changed)
        self.bindings_changed(self.screen)

    def on_unmount(self) -> None:
        """Stop following them."""
        self.screen.bindings_updated_signal.unsubscribe(self)

    def bindings_changed(self, screen: Screen[object]) -> None:
        """Redraw when the keys differ from those shown (a focus change, a new mode)."""
        if screen is not self.screen or not self.is_attached:
            return
        entries, palette = shown_keys(screen)
        if entries != self.entries or palette != self.palette:
            self.entries, self.palette = entries, palette
            self.refresh()

    def _draw_entry(self, entry: FooterEntry, base: Style) -> list[Segment]:
        """One key: the key in bold, then its label."""
        style = self._layers
        extra = Style()
        if not entry.enabled:
            extra += style("key-footer--disabled")
        if entry == self._hover:
            extra += style("key-footer--hover")
        segments = [Segment(entry.display, base + style("key-footer--key") + extra)]
        if entry.description:
            label = base + style("key-footer--description") + extra
            segments.append(Segment(" " + entry.description, label))
        return segments

    def render_line(self, y: int) -> Strip:
        """The bar: the keys from the left, the palette's key on the right (the keys as the
        screen has them now: the first frame comes before the first binding signal)."""
        self.entries, self.palette = shown_keys(self.screen)
        width = self.size.width
        base = self.rich_style
        right: list[Segment] = []
        if self.palette is not None:
            right = [Segment("▏", base + self._layers("key-footer--rule"))]
            right += self._draw_entry(self.palette, base)
            right.append(Segment(" ", base))
        right_width = sum(cell_len(s.text) for s in right)
        room = max(0, width - right_width - 1)
        segments: list[Segment] = []
        spans: list[tuple[int, int, FooterEntry]] = []
        x = 0
        for entry in self.entries:
            drawn = self._draw_entry(entry, base)
            cells = sum(cell_len(s.text) for s in drawn)
            if x + cells > room:
                break
            segments += drawn
            segments.append(Segment(" ", base))
            spans.append((x, x + cells, entry))
            x += cells + 1
        if right and self.palette is not None:
            segments.append(Segment(" " * max(0, width - x - right_width), base))
            spans.append((width - right_width + 1, width - 1, self.palette))
            segments += right
        self._spans = spans
        return Strip(segments).crop_extend(0, width, base)

    def entry_at(self, x: int) -> FooterEntry | None:
        """The key drawn at cell ``x``, if any."""
        return next((entry for start, end, entry in self._spans if start <= x < end), None)

    def on_mouse_move(self, event: events.MouseMove) -> None:
        """Light up the key under the mouse (and show what it does)."""
        entry = self.entry_at(event.x)
        if entry != self._hover:
            self._hover = entry
            self.tooltip = entry.tooltip if entry is not None else None
            self.refresh()

    def on_leave(self) -> None:
        """The mouse left the bar."""
        if self._hover is not None:
            self._hover = None
            self.tooltip = None
            self.refresh()

    def on_mouse_down(self, event: events.MouseDown) -> None:
        """A click presses the key clicked (a bell for one that is disabled)."""
        entry = self.entry_at(event.x)
        if entry is None:
            return
        if entry.enabled:
            self.app.simulate_key(entry.key)
        else:
            self.app.bell()
