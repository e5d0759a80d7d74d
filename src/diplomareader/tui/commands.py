"""Every user action, defined once: its keys, footer label, help text and palette entry.

The bindings of each screen and pane, the ``?`` help screen, the command palette and the
config file's ``keys:`` section all read this one table, so they never disagree.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final, Literal

Scope = Literal["main", "list", "reader", "side"]
"""Where a command acts: anywhere on the main screen, or in one pane when it has the focus."""

SCOPE_TITLES: Final[dict[Scope, str]] = {
    "main": "Anywhere",
    "list": "List pane",
    "reader": "Reading pane",
    "side": "Side panel",
}
"""Headings of the help screen."""


@dataclass(frozen=True)
class Command:
    """One user action."""

    id: str
    """Stable name, used as the binding id and in the config file's ``keys:`` section."""
    keys: str
    """Default keys, comma-separated; ``"] q"`` (with a space) is a two-key sequence."""
    action: str
    """The Textual action run on the scope's node."""
    label: str
    """Short name for the footer and the palette."""
    help: str
    """One sentence for the help screen and the palette."""
    scope: Scope = "main"
    footer: bool = False
    """Whether the footer shows it."""


COMMANDS: Final[tuple[Command, ...]] = (
    # Anywhere on the main screen.
    Command("help", "question_mark,f1", "help", "Help", "Show every key and command.", footer=True),
    Command(
        "search", "slash", "focus_search", "Search", "Search the index as you type.", footer=True
    ),
    Command("next_pane", "tab", "next_pane", "Next pane", "Move to the next pane."),
    Command(
        "previous_pane", "shift+tab", "previous_pane", "Previous pane", "Move to the previous pane."
    ),
    Command("back", "backspace,h", "back", "Back", "Go back to the article read before."),
    Command("sort", "s", "toggle_sort", "Sort", "Sort the list by date or by relevance."),
    Command(
        "bookmark",
        "b",
        "bookmark",
        "Bookmark",
        "Bookmark the paragraph under the cursor, the selection or the quote; again to edit it.",
        footer=True,
    ),
    Command(
        "bookmarks",
        "B",
        "show_bookmarks",
        "Bookmarks",
        "Browse, filter and export bookmarks.",
        footer=True,
    ),
    Command(
        "copy",
        "y",
        "copy_passage",
        "Copy",
        "Copy the passage under the cursor with its citation (OSC 52 clipboard).",
    ),
    Command("open_url", "o", "open_url", "Open url", "Open the article's address in a browser."),
    Command("next_hit", "n", "next_hit", "Next hit", "Go to the next search or find hit."),
    Command("previous_hit", "N", "previous_hit", "Previous hit", "Go to the previous hit."),
    Command(
        "next_quote", "] q", "next_quote", "Next quote", "Go to the next quote in the article."
    ),
    Command(
        "previous_quote", "[ q", "previous_quote", "Previous quote", "Go to the previous quote."
    ),
    Command("next_entity", "] e", "next_entity", "Next entity", "Go to the next named entity."),
    Command(
        "previous_entity",
        "[ e",
        "previous_entity",
        "Previous entity",
        "Go to the previous named entity.",
    ),
    Command(
        "toggle_side",
        "p",
        "toggle_side_panel",
        "Side panel",
        "Show or hide the side panel.",
        footer=True,
    ),
    Command(
        "refresh",
        "r",
        "refresh",
        "Refresh",
        "Reopen the index to see articles added since the reader started.",
    ),
    Command(
        "searches",
        "S",
        "show_searches",
        "Searches",
        "Saved searches with their counts, and recent queries (the saved searches are also "
        "entries at the top of the list).",
    ),
    Command(
        "save_search", "ctrl+s", "save_search", "Save search", "Save the current query by name."
    ),
    Command(
        "escape",
        "escape",
        "escape",
        "Leave",
        "End a selection, close the find bar, or go back to the list; in the list, leave the "
        "search (back to every article and the saved searches).",
    ),
    Command("quit", "q", "app.quit", "Quit", "Quit the reader.", footer=True),
    # List pane.
    Command("list_down", "j,down", "cursor_down", "Down", "Next article.", "list"),
    Command("list_up", "k,up", "cursor_up", "Up", "Previous article.", "list"),
    Command("list_first", "g,home", "cursor_first", "First", "First article.", "list"),
    Command("list_last", "G,end", "cursor_last", "Last", "Last article.", "list"),
    Command(
        "list_page_down", "pagedown,ctrl+d", "page_down", "Page down", "One page down.", "list"
    ),
    Command("list_page_up", "pageup,ctrl+u", "page_up", "Page up", "One page up.", "list"),
    Command(
        "list_open",
        "enter,l",
        "open",
        "Open",
        "Open the article; on a saved search, run its query.",
        "list",
    ),
    # Reading pane.
    Command(
        "reader_down",
        "j,down",
        "cursor_down",
        "Down",
        "Next paragraph (scrolls through a long one first); extends a selection.",
        "reader",
    ),
    Command(
        "reader_up", "k,up", "cursor_up", "Up", "Previous paragraph; shrinks a selection.", "reader"
    ),
    Command("reader_top", "g,home", "cursor_first", "Top", "Start of the article.", "reader"),
    Command("reader_bottom", "G,end", "cursor_last", "Bottom", "End of the article.", "reader"),
    Command(
        "reader_page_down",
        "pagedown,space,ctrl+d",
        "page_down",
        "Page down",
        "One page down.",
        "reader",
    ),
    Command("reader_page_up", "pageup,ctrl+u", "page_up", "Page up", "One page up.", "reader"),
    Command(
        "find",
        "slash",
        "find",
        "Find",
        "Find text in this article (n/N move between hits).",
        "reader",
        footer=True,
    ),
    Command(
        "select",
        "v",
        "toggle_select",
        "Select",
        "Start or end a selection from the paragraph under the cursor.",
        "reader",
    ),
    Command(
        "select_sentence",
        "right_parenthesis",
        "extend_sentence",
        "Extend by sentence",
        "In a selection, take in the next sentence.",
        "reader",
    ),
    Command(
        "unselect_sentence",
        "left_parenthesis",
        "shrink_sentence",
        "Shrink by sentence",
        "In a selection, give back the last sentence.",
        "reader",
    ),
    Command(
        "select_start_later",
        "greater_than_sign",
        "start_later",
        "Start later",
        "In a selection, drop its first sentence.",
        "reader",
    ),
    Command(
        "select_start_earlier",
        "less_than_sign",
        "start_earlier",
        "Start earlier",
        "In a selection, take in the sentence before it.",
        "reader",
    ),
    # Side panel.
    Command("side_down", "j,down", "cursor_down", "Down", "Next entry.", "side"),
    Command("side_up", "k,up", "cursor_up", "Up", "Previous entry.", "side"),
    Command("side_first", "g,home", "first", "First", "First entry.", "side"),
    Command("side_last", "G,end", "last", "Last", "Last entry.", "side"),
    Command(
        "side_open",
        "enter,l",
        "select",
        "Go",
        "Quote: scroll to it. Entity: search for it. Related quote: open it there.",
        "side",
    ),
)
"""The command table, grouped by scope; order is the order of the help screen."""


def commands_for(scope: Scope) -> tuple[Command, ...]:
    """The commands acting in ``scope``."""
    return tuple(c for c in COMMANDS if c.scope == scope)


def command_ids() -> frozenset[str]:
    """Every command id (the names the config file's ``keys:`` may use)."""
    return frozenset(c.id for c in COMMANDS)
