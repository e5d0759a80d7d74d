"""Key bindings built from the command table and the user's remapping, with two-key sequences.

Textual binds single keys; ``]q``-style sequences are handled here: the first key of a
sequence is bound to ``start_sequence``, and the app (``SequenceApp``) hands the next key
press to the node that started it instead of dispatching it as usual.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Final

from textual import events
from textual.app import App
from textual.binding import Binding, BindingsMap
from textual.dom import DOMNode
from textual.keys import _character_to_key, format_key

from diplomareader.tui.commands import COMMANDS, Command, Scope, command_ids, commands_for

SEQUENCE_HINT_DELAY: Final = 0.8
"""Seconds after the first key of a sequence before the reader shows how to complete it."""

ALIASES: Final[dict[str, str]] = {"space": "space", "esc": "escape", "return": "enter"}
"""Friendly key names accepted in the config file."""


def normalize_key(key: str) -> str:
    """The Textual name of a key written by a user (``?`` -> ``question_mark``)."""
    key = key.strip()
    if len(key) == 1:
        return _character_to_key(key)
    return ALIASES.get(key.lower(), key)


def parse_keys(spec: str) -> list[tuple[str, ...]]:
    """Split ``"j,down,] q"`` into ``[("j",), ("down",), ("right_square_bracket", "q")]``."""
    keys: list[tuple[str, ...]] = []
    for part in spec.split(","):
        # A lone comma cannot be written in a comma-separated list; "comma" names it.
        words = tuple(normalize_key(word) for word in part.split() if word)
        if 1 <= len(words) <= 2:
            keys.append(words)
    return keys


def display_keys(spec: str) -> str:
    """Keys as the help screen shows them (``question_mark,f1`` -> ``? / f1``)."""
    shown = [" ".join(format_key(word) for word in keys) for keys in parse_keys(spec)]
    return " / ".join(shown)


@dataclass(frozen=True)
class KeyMap:
    """The effective keys of every command: defaults overridden by the user's ``keys:``."""

    overrides: Mapping[str, str] = field(default_factory=dict)

    def keys_of(self, command: Command) -> str:
        """The key spec in force for ``command``."""
        return self.overrides.get(command.id, command.keys)

    def problems(self) -> list[str]:
        """One line per remapping that names no command or no usable key."""
        known = command_ids()
        found = []
        for command_id, spec in self.overrides.items():
            if command_id not in known:
                found.append(f"keys: no command called {command_id!r}")
            elif not parse_keys(spec):
                found.append(f"keys: no usable key in {spec!r} for {command_id}")
        return found

    def bindings(self, scope: Scope) -> tuple[BindingsMap, dict[str, dict[str, str]]]:
        """The single-key bindings of ``scope`` and its sequences ``{first: {second: action}}``."""
        singles: list[Binding] = []
        sequences: dict[str, dict[str, str]] = {}
        for command in commands_for(scope):
            shown = command.footer
            for keys in parse_keys(self.keys_of(command)):
                if len(keys) == 1:
                    singles.append(
                        Binding(
                            keys[0],
                            command.action,
                            command.label,
                            show=shown,
                            tooltip=command.help,
                            id=command.id,
                        )
                    )
                    shown = False  # the footer shows a command once, under its first key
                else:
                    sequences.setdefault(keys[0], {})[keys[1]] = command.action
        for first in sequences:
            singles.append(Binding(first, f"start_sequence('{first}')", show=False))
        return BindingsMap(singles), sequences


class CommandBindings(DOMNode):
    """Mixin for nodes whose bindings come from the command table.

    List it AFTER the widget class (``class Pane(ScrollView, CommandBindings)``): Textual takes
    CSS type names and component classes from the first base. Call ``install_bindings`` in
    ``__init__``; the node then answers the keys of its scope, including two-key sequences.
    """

    _sequences: dict[str, dict[str, str]]

    def install_bindings(self, scope: Scope, keymap: KeyMap) -> None:
        """Replace this node's bindings with those of ``scope`` under ``keymap``."""
        self._bindings, self._sequences = keymap.bindings(scope)

    def action_start_sequence(self, first: str) -> None:
        """The first key of a sequence was pressed: the next key completes it."""
        app = self.app
        if isinstance(app, SequenceApp):
            app.pending_sequence = (self, first)
            sequences: dict[str, dict[str, str]] = getattr(self, "_sequences", {})
            choices = " · ".join(
                f"{format_key(second)} {action.replace('_', ' ')}"
                for second, action in sequences.get(first, {}).items()
            )
            hint = f"{format_key(first)} then: {choices}"
            pending = app.pending_sequence

            def remind() -> None:
                """Still waiting for the second key: say which keys complete it."""
                if app.pending_sequence is pending:
                    app.notify(hint, timeout=3)

            # Like which-key: a user who knows the sequence never sees the reminder.
            app.set_timer(SEQUENCE_HINT_DELAY, remind)

    def sequence_action(self, first: str, second: str) -> str | None:
        """The action of the sequence ``first second`` on this node, if any."""
        sequences: dict[str, dict[str, str]] = getattr(self, "_sequences", {})
        return sequences.get(first, {}).get(second)


class SequenceApp(App[None]):
    """An app that completes two-key sequences started by a ``CommandBindings`` node."""

    pending_sequence: tuple[CommandBindings, str] | None = None
    """The node and first key of a sequence waiting for its second key."""

    async def on_event(self, event: events.Event) -> None:
        """Route the key after a sequence's first key to that sequence; run pane keys at once.

        Textual hands a key to the focused widget's queue and runs its (non-priority) binding
        only when the key bubbles back to the app; keys that arrive together (fast typing,
        a slow moment, ssh) are meanwhile handed to the same widget. ``/lavrov`` typed fast in
        the list would then open an article (``l``) and refresh (``r``) instead of searching.
        Our panes act on keys only through their bindings, so when one has the focus the
        binding runs here, in the app's own queue: a key that moves the focus (``/``, Tab)
        takes effect before the next key is routed.
        """
        if isinstance(event, events.Key) and self.pending_sequence is not None:
            node, first = self.pending_sequence
            self.pending_sequence = None
            action = node.sequence_action(first, event.key)
            if action is not None and node.is_attached:
                await self.run_action(action, node)
            elif event.key != "escape":
                self.bell()
            return
        if (
            isinstance(event, events.Key)
            and not event.is_forwarded
            and isinstance(self.focused, CommandBindings)
            and self.screen.maximized is None
        ):
            self.app_focus = True
            if await self._check_bindings(event.key, priority=True):
                return
            if await self._check_bindings(event.key):
                return
        await super().on_event(event)


def all_commands() -> tuple[Command, ...]:
    """Every command (for the help screen and the palette)."""
    return COMMANDS
