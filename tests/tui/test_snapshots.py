"""SVG snapshots of the main layouts (pytest-textual-snapshot; update with --snapshot-update).

They run on the frozen seed index (see ``frozen_seeds``) so that they test the layout only.
"""

from __future__ import annotations

from typing import Any

from textual.pilot import Pilot
from textual.widgets import Input

from diplomareader.search import Library
from diplomareader.store.config import Config, SavedSearch
from diplomareader.tui.screens.main import MainScreen
from tests.tui.conftest import AppFactory, open_lavrov, settle


async def _open_lavrov(pilot: Pilot[None]) -> None:
    """Wait for the list, then open the Lavrov article and wait for its side panel."""
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, MainScreen)
    for input_field in pilot.app.query(Input):
        input_field.cursor_blink = False
    await open_lavrov(pilot, screen)


def test_start_80x24(snap_compare: Any, frozen_library: Library, make_reader: AppFactory) -> None:
    """The list of the seeds at start, in the smallest supported terminal."""
    assert snap_compare(make_reader(frozen_library), run_before=settle, terminal_size=(80, 24))


def test_article_open_160x45(
    snap_compare: Any, frozen_library: Library, make_reader: AppFactory
) -> None:
    """The Lavrov article with its quotes, entities and Tokayev's related statements."""
    assert snap_compare(
        make_reader(frozen_library), run_before=_open_lavrov, terminal_size=(160, 45)
    )


def test_article_open_80x24(
    snap_compare: Any, frozen_library: Library, make_reader: AppFactory
) -> None:
    """The same article at 80x24."""
    assert snap_compare(
        make_reader(frozen_library), run_before=_open_lavrov, terminal_size=(80, 24)
    )


def test_side_panel_hidden_light(
    snap_compare: Any, frozen_library: Library, make_reader: AppFactory
) -> None:
    """The light theme with the side panel hidden."""
    app = make_reader(frozen_library, Config(theme="textual-light", side_panel=False))
    assert snap_compare(app, run_before=_open_lavrov, terminal_size=(100, 30))


def test_search_results(
    snap_compare: Any, frozen_library: Library, make_reader: AppFactory
) -> None:
    """Typing a query filters the list and marks the terms in the article."""

    async def run_before(pilot: Pilot[None]) -> None:
        await settle(pilot)
        for input_field in pilot.app.query(Input):
            input_field.cursor_blink = False
        await pilot.press("slash", *"territorial integrity", "enter", "enter")
        await settle(pilot)

    assert snap_compare(make_reader(frozen_library), run_before=run_before, terminal_size=(120, 36))


def test_help_screen(snap_compare: Any, frozen_library: Library, make_reader: AppFactory) -> None:
    """? lists every key."""

    async def run_before(pilot: Pilot[None]) -> None:
        await settle(pilot)
        await pilot.press("question_mark")
        await pilot.pause()

    assert snap_compare(make_reader(frozen_library), run_before=run_before, terminal_size=(110, 45))


def test_start_with_saved_searches(
    snap_compare: Any, frozen_library: Library, make_reader: AppFactory
) -> None:
    """Saved searches as entries above the articles, with their counts."""
    saved = (
        SavedSearch("Tokayev", "speaker:toqayev"),
        SavedSearch("Referendums", "referendums"),
        SavedSearch("Broken", "date:garbage"),
    )

    async def run_before(pilot: Pilot[None]) -> None:
        screen = pilot.app.screen
        assert isinstance(screen, MainScreen)
        for _ in range(500):
            await settle(pilot)
            entries = screen.list_view.entries
            if len(entries) == 3 and all(e.count is not None or e.problem for e in entries):
                break
        for input_field in pilot.app.query(Input):
            input_field.cursor_blink = False
        await pilot.press("k")  # the cursor on the last entry
        await settle(pilot)

    app = make_reader(frozen_library, Config(saved_searches=saved))
    assert snap_compare(app, run_before=run_before, terminal_size=(120, 30))
