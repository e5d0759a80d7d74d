"""The key bar: the keys of the focused pane on one line, redrawn when they change, and
pressed by a click like Textual's footer."""

from __future__ import annotations

from diplomareader.search import Library
from diplomareader.tui.screens.help import HelpScreen
from diplomareader.tui.widgets.footer import KeyFooter
from tests.tui.conftest import AppFactory, running, screen_text, settle


async def test_footer_follows_the_focus_and_keeps_its_keys_otherwise(
    library: Library, make_reader: AppFactory
) -> None:
    """Moving to the reading pane shows its keys; a binding refresh with no change keeps the
    keys shown as they are; back in the list its keys return."""
    app = make_reader(library)
    async with running(app) as (pilot, screen):
        footer = screen.query_one(KeyFooter)
        in_list = footer.entries
        assert in_list and footer.palette is not None
        screen.refresh_bindings()
        await settle(pilot)
        assert footer.entries is in_list
        list_keys = {key.description for key in in_list}
        last_line = screen_text(app).splitlines()[-1]
        assert "? Help" in last_line and "/ Search" in last_line
        assert last_line.rstrip().endswith("▏^p palette")
        await pilot.press("tab")  # to the reading pane
        await settle(pilot)
        assert screen.focused is screen.reader
        reader_keys = {key.description for key in footer.entries}
        assert reader_keys != list_keys
        last_line = screen_text(app).splitlines()[-1]
        assert "/ Find" in last_line
        assert any(d in last_line for d in reader_keys - list_keys if d)
        assert not any(d in last_line for d in list_keys - reader_keys if d)
        await pilot.press("shift+tab")
        await settle(pilot)
        assert {key.description for key in footer.entries} == list_keys
        assert "/ Search" in screen_text(app).splitlines()[-1]


async def test_a_click_on_a_key_presses_it(library: Library, make_reader: AppFactory) -> None:
    """Clicking "? Help" opens the help; the key under the mouse shows what it does."""
    app = make_reader(library)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        footer = app.screen.query_one(KeyFooter)
        x = screen_text(app).splitlines()[-1].index("Help")
        await pilot.hover(KeyFooter, offset=(x, 0))
        await pilot.pause()
        entry = footer.entry_at(x)
        assert entry is not None and entry.description == "Help"
        assert footer.tooltip == entry.tooltip and footer.tooltip
        await pilot.click(KeyFooter, offset=(x, 0))
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        assert footer.entry_at(footer.size.width + 5) is None


async def test_keys_that_do_not_fit_are_left_out_whole(
    library: Library, make_reader: AppFactory
) -> None:
    """At 40 columns the bar shows the keys that fit, none cut in half, and the palette key."""
    app = make_reader(library)
    async with app.run_test(size=(40, 24)) as pilot:
        await settle(pilot)
        footer = app.screen.query_one(KeyFooter)
        last_line = screen_text(app).splitlines()[-1]
        assert last_line.rstrip().endswith("^p palette")
        shown = [e for e in footer.entries if f"{e.display} {e.description}" in last_line]
        assert shown and len(shown) < len(footer.entries)
        assert shown == footer.entries[: len(shown)]
