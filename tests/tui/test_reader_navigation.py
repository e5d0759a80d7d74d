"""The movement keys not covered elsewhere: PageUp/PageDown, Home/End, l, h back, q quit."""

from __future__ import annotations

from diplomareader.model import RelatedQuote
from diplomareader.search import Library
from tests.tui.conftest import AppFactory, main_screen, open_lavrov, screen_text, settle


async def test_list_keys_page_home_end_and_l(library: Library, make_reader: AppFactory) -> None:
    """In the list: End/PageDown go to the last row, Home/PageUp to the first, l opens."""
    app = make_reader(library)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        rows = screen.list_view.rows
        await pilot.press("end")
        assert screen.list_view.cursor == len(rows) - 1
        await pilot.press("home")
        assert screen.list_view.cursor == 0
        await pilot.press("pagedown")
        assert screen.list_view.cursor == len(rows) - 1
        await pilot.press("pageup")
        assert screen.list_view.cursor == 0
        await pilot.press("end", "l")
        await settle(pilot)
        assert screen.article is not None and screen.article.id == rows[-1].id
        assert rows[-1].title[:40] in screen_text(app)


async def test_reader_keys_page_home_end(library: Library, make_reader: AppFactory) -> None:
    """In the reading pane: PageDown scrolls a page and the cursor follows; Home/End."""
    app = make_reader(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        await open_lavrov(pilot, screen)
        reader = screen.reader
        reader.focus()
        assert reader.scroll_y == 0 and reader.cursor == 0
        first_words = screen.article.body[:30] if screen.article else ""
        assert first_words in screen_text(app)
        await pilot.press("pagedown")
        await pilot.pause()
        assert reader.scroll_y > 0
        assert reader.cursor > 0
        assert first_words not in screen_text(app)
        await pilot.press("pageup")
        await pilot.pause()
        assert reader.scroll_y == 0
        await pilot.press("end")
        await pilot.pause()
        assert reader.cursor == len(reader.page.paragraphs) - 1
        assert reader.scroll_y == reader.max_scroll_y
        last = reader.page.paragraphs[-1]
        assert screen.article is not None
        assert screen.article.body[last.start : last.end].split()[-1] in screen_text(app)
        await pilot.press("home")
        await pilot.pause()
        assert reader.cursor == 0 and reader.scroll_y == 0


async def test_h_goes_back_and_q_quits(library: Library, make_reader: AppFactory) -> None:
    """h returns to the article read before a related quote was followed; q ends the app."""
    app = make_reader(library)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        lavrov = await open_lavrov(pilot, screen)
        side = screen.side
        side.focus()
        side.highlighted = next(
            i
            for i, o in enumerate(side._options)  # noqa: SLF001 - the panel's own options
            if o.id and o.id.startswith("r:")
        )
        chosen = side.chosen()
        assert isinstance(chosen, RelatedQuote)
        await pilot.press("l")  # l is Enter in the side panel
        await settle(pilot)
        assert screen.article is not None and screen.article.id == chosen.article.id
        assert "1 back" in screen_text(app)
        await pilot.press("h")
        await settle(pilot)
        assert screen.article.id == lavrov.id
        assert "1 back" not in screen_text(app)
        await pilot.press("h")  # nothing left to go back to: said, not an error
        await settle(pilot)
        assert screen.article.id == lavrov.id
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running


async def test_keys_typed_in_one_burst_follow_the_focus(
    library: Library, make_reader: AppFactory
) -> None:
    """ "/lavrov" arriving at once (fast typing, ssh) searches: "/" moves the focus first."""
    from textual import events
    from textual.keys import _character_to_key

    app = make_reader(library)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        assert screen.focused is screen.list_view
        for character in "/lavrov":  # posted together, as the terminal driver does
            app.post_message(events.Key(_character_to_key(character), character))
        await settle(pilot)
        assert screen.search_bar.value == "lavrov"
        assert screen.article is None  # "l" did not open an article
        assert "1 found" in screen_text(app)
        # Same for Tab then keys of the next pane: j moves the reader, not the list.
        app.post_message(events.Key("escape", None))
        await settle(pilot)
        screen.list_view.focus()
        await pilot.press("enter")
        await settle(pilot)
        screen.list_view.focus()
        await pilot.pause()
        row = screen.list_view.cursor
        for key in ("tab", "j", "j"):
            app.post_message(events.Key(key, None))
        await settle(pilot)
        focused: object = screen.focused  # (mypy keeps the earlier narrowing otherwise)
        assert focused is screen.reader
        assert screen.reader.cursor == 2
        assert screen.list_view.cursor == row


async def test_sequence_reminder_only_when_the_second_key_is_late(
    library: Library, make_reader: AppFactory
) -> None:
    """]q typed in one go shows no reminder; a lone ] shows which keys complete it."""
    app = make_reader(library)
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        await open_lavrov(pilot, screen)
        screen.reader.focus()
        await pilot.press("right_square_bracket", "q")
        await pilot.pause(1.2)
        assert screen.reader.marks.target is not None
        assert "then:" not in screen_text(app)
        await pilot.press("right_square_bracket")
        await pilot.pause(1.2)
        assert "] then: q next quote · e next entity" in screen_text(app)
        await pilot.press("escape")  # abandons the sequence quietly
        assert app.pending_sequence is None
