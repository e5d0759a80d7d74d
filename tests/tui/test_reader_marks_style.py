"""Search terms are marked in the reading pane: the cells of each hit, as drawn on the screen,
carry the hit style (its background), the words around them do not, and clearing the search
takes the marks away."""

from __future__ import annotations

import re

from rich.color import Color
from rich.segment import Segment
from textual.geometry import Region

from diplomareader.search import Library
from diplomareader.tui.app import DiplomaReader
from tests.tui.conftest import LAVROV, AppFactory, running, settle


def screen_cells(app: DiplomaReader) -> list[list[tuple[str, Color | None]]]:
    """Each row of the screen as (character, background colour) cells."""
    rows = []
    for strip in app.screen._compositor.render_strips():  # noqa: SLF001 - no public export
        cells: list[tuple[str, Color | None]] = []
        for segment in strip:
            assert isinstance(segment, Segment)
            bgcolor = segment.style.bgcolor if segment.style else None
            cells.extend((char, bgcolor) for char in segment.text)
        rows.append(cells)
    return rows


def word_cells(
    app: DiplomaReader, word: str, region: Region
) -> list[tuple[list[Color | None], Color | None]]:
    """For each ``word`` on screen inside ``region``: the backgrounds of its cells and of
    the cell before it."""
    found = []
    for y, cells in enumerate(screen_cells(app)):
        if not region.y <= y < region.bottom:
            continue
        text = "".join(char for char, _ in cells)
        for match in re.finditer(re.escape(word), text, re.IGNORECASE):
            if region.x <= match.start() and match.end() <= region.right:
                inside = [bg for _, bg in cells[match.start() : match.end()]]
                found.append((inside, cells[match.start() - 1][1]))
    return found


async def test_search_terms_are_marked_with_the_hit_style(
    library: Library, make_reader: AppFactory
) -> None:
    """Searching "interview" and opening the article marks both hits in the reading pane."""
    app = make_reader(library)
    async with running(app) as (pilot, screen):
        await pilot.press("slash", *"interview")
        await settle(pilot)
        await pilot.press("enter", "enter")  # to the list, open the only result
        await settle(pilot)
        assert screen.article is not None and screen.article.title.startswith(LAVROV)
        reader = screen.reader
        body = screen.article.body
        hits = reader.marks.term_hits
        assert [body[s:e].lower() for s, e in hits] == ["interview", "interview"]
        hit = reader._style("hit")  # noqa: SLF001 - the style the pane draws hits with
        assert hit.bgcolor is not None
        region = reader.content_region
        words = word_cells(app, "interview", region)
        assert len(words) == 2
        for inside, before in words:
            assert all(bg == hit.bgcolor for bg in inside)
            assert before != hit.bgcolor
        # Other words of the body are not marked.
        for inside, _ in word_cells(app, "Kommersant", region):
            assert all(bg != hit.bgcolor for bg in inside)
        # Back to the list, to the search box; Escape there clears it.
        await pilot.press("escape", "slash", "escape")
        await settle(pilot)
        assert not reader.marks.term_hits
        words = word_cells(app, "interview", region)
        assert len(words) == 2
        assert all(bg != hit.bgcolor for inside, _ in words for bg in inside)
