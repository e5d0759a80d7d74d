"""The key bar: rebuilt when the keys it shows change, left alone when they do not."""

from __future__ import annotations

from textual.widgets._footer import FooterKey

from diplomareader.search import Library
from diplomareader.tui.screens.main import MainScreen
from diplomareader.tui.widgets.footer import KeyFooter
from tests.tui.conftest import AppFactory, screen_text, settle


async def test_footer_follows_the_focus_and_keeps_its_keys_otherwise(
    library: Library, make_reader: AppFactory
) -> None:
    """Moving to the reading pane shows its keys; a binding refresh with no change rebuilds
    nothing (the same key widgets stay mounted)."""
    app = make_reader(library)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, MainScreen)
        footer = screen.query_one(KeyFooter)
        in_list = list(footer.query(FooterKey))
        assert in_list
        screen.refresh_bindings()
        await settle(pilot)
        assert list(footer.query(FooterKey)) == in_list
        list_keys = {key.description for key in in_list}
        await pilot.press("tab")  # to the reading pane
        await settle(pilot)
        assert screen.focused is screen.reader
        in_reader = list(footer.query(FooterKey))
        reader_keys = {key.description for key in in_reader}
        assert reader_keys != list_keys
        assert not set(in_reader) & set(in_list)
        last_line = screen_text(app).splitlines()[-1]
        assert any(d in last_line for d in reader_keys - list_keys if d)
        assert not any(d in last_line for d in list_keys - reader_keys if d)
        await pilot.press("shift+tab")
        await settle(pilot)
        assert {key.description for key in footer.query(FooterKey)} == list_keys
