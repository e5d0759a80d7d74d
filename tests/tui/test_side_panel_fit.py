"""Side-panel entries fit the panel's width: a quote on one line, a related quote's opening on
two, every line cut with an ellipsis rather than wrapped; a new width rebuilds them."""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text

from diplomareader.search import Library
from diplomareader.tui.widgets.side_panel import (
    RELATED_LINES,
    SidePanel,
    opening_lines,
    quote_line,
)
from tests.tui.conftest import AppFactory, open_lavrov, running, screen_text, settle


def entry_lines(side: SidePanel, kind: str) -> list[list[str]]:
    """The lines of each entry of ``kind`` (``q`` quotes, ``r`` related quotes)."""
    found = []
    for option in side.options:
        if option.id is not None and option.id.startswith(f"{kind}:"):
            prompt = option.prompt
            plain = prompt.plain if isinstance(prompt, Text) else str(prompt)
            found.append(plain.split("\n"))
    return found


def check_fit(side: SidePanel, text: str) -> None:
    """Every quote and related-quote entry fits the panel's width and is on the screen."""
    width = side.scrollable_content_region.width
    assert width > 0
    quotes = entry_lines(side, "q")
    related = entry_lines(side, "r")
    assert quotes and related
    for index, lines in enumerate(quotes):
        quote = side.quotes[index]
        speaker = quote.speaker or quote.speaker_mention or "unattributed"
        assert lines == [quote_line(speaker, quote.text, width).plain]
        assert lines[0] in text
    for lines in related:
        assert 3 <= len(lines) <= 2 + RELATED_LINES
    for lines in quotes + related:
        assert all(cell_len(line) <= width for line in lines)


async def test_quote_entries_fit_the_panel_and_follow_its_width(
    library: Library, make_reader: AppFactory
) -> None:
    """At 160 columns and again at 80, the entries fit the side panel; the highlight stays."""
    app = make_reader(library)
    async with running(app) as (pilot, screen):
        await open_lavrov(pilot, screen)
        side = screen.side
        wide = side.scrollable_content_region.width
        check_fit(side, screen_text(app))
        assert any(line[0].endswith("…") for line in entry_lines(side, "q"))
        side.highlighted = side.get_option_index("q:1")
        await pilot.resize_terminal(80, 24)
        await settle(pilot)
        narrow = side.scrollable_content_region.width
        assert 0 < narrow < wide
        check_fit(side, screen_text(app))
        assert side.highlighted == side.get_option_index("q:1")
        await pilot.resize_terminal(160, 45)
        await settle(pilot)
        assert side.scrollable_content_region.width == wide
        check_fit(side, screen_text(app))


def test_opening_lines_of_short_long_and_very_long_quotes() -> None:
    """A short quote is whole in its marks; a long one is cut on its last line with an
    ellipsis, however long it goes on (only its start is wrapped)."""
    assert opening_lines("Short quote.", 40, 2) == "“Short quote.”"
    sentence = "Kazakhstan takes a neutral position with regard to everything that happens. "
    for text in (sentence * 2, sentence * 500, "x" * 5000, "中国" * 400):
        lines = opening_lines(text, 40, 2).split("\n")
        assert len(lines) == 2
        assert lines[0].startswith("“") and lines[-1].endswith("…")
        assert all(0 < cell_len(line) <= 40 for line in lines)
