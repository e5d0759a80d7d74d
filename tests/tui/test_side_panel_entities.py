"""One entry per entity in the side panel and the entity marks, even when the extractor lists a
country that acts under two kinds (place and organisation)."""

from __future__ import annotations

from diplomareader.model import Entity, Mention
from diplomareader.search import Library
from diplomareader.tui.entity_view import merge_entities
from diplomareader.tui.screens.main import MainScreen
from tests.tui.conftest import AppFactory, open_lavrov, running, screen_text, settle


def mentions(*spans: tuple[int, int]) -> tuple[Mention, ...]:
    """Mentions at ``spans`` (the text does not matter here)."""
    return tuple(Mention("x" * (end - start), start, end) for start, end in spans)


def test_merge_keeps_one_entity_per_name() -> None:
    """Same name: one entity, the union of its mention spans, place kept for a country."""
    entities = [
        Entity("Sergey Lavrov", "person", ("Lavrov",), mentions((0, 13), (40, 46))),
        Entity("Kazakhstan", "place", ("Kazakh",), mentions((20, 30), (50, 56), (90, 100))),
        Entity("Kazakhstan", "organization", (), mentions((20, 30), (90, 100), (120, 130))),
        Entity("Astana", "organization", (), mentions((140, 146))),
        Entity("Kommersant", "organization", (), mentions((60, 70))),
        Entity("Kommersant", "person", (), mentions((80, 90), (110, 120))),
    ]
    merged = merge_entities(entities)
    assert [e.name for e in merged] == ["Sergey Lavrov", "Kazakhstan", "Astana", "Kommersant"]
    kazakhstan = merged[1]
    assert kazakhstan.kind == "place"
    assert [(m.start, m.end) for m in kazakhstan.mentions] == [
        (20, 30),
        (50, 56),
        (90, 100),
        (120, 130),
    ]
    assert kazakhstan.aliases == ("Kazakh",)
    assert merged[0] is entities[0] and merged[2] is entities[3]
    # Without a place among them, the kind with more mentions wins.
    assert merged[3].kind == "person" and len(merged[3].mentions) == 3


async def test_side_panel_lists_a_country_once_and_still_searches_it(
    library: Library, make_reader: AppFactory
) -> None:
    """Kazakhstan shows once, under Places, with its combined count; Enter searches entity:."""
    app = make_reader(library)
    async with running(app, (120, 36)) as (pilot, screen):
        await open_lavrov(pilot, screen)
        article = screen.article
        assert article is not None
        raw = [e for e in article.entities if e.name == "Kazakhstan"]
        assert {e.kind for e in raw} == {"place", "organization"}  # what the extractor gives
        spans = {(m.start, m.end) for e in raw for m in e.mentions}
        side = screen.side
        shown = [e for e in side.entities if e.name == "Kazakhstan"]
        assert len(shown) == 1 and shown[0].kind == "place"
        assert len(shown[0].mentions) == len(spans)
        side.focus()
        await pilot.press("G")  # the end of the panel: the entities
        await settle(pilot)
        text = screen_text(app)
        assert text.count("Kazakhstan ×") == 1
        assert f"Kazakhstan ×{len(spans)}" in text
        places = text.index(" Places ")
        # A long name is cut to keep its count on its line, never wrapped under the indent.
        long_name = [line for line in text.splitlines() if "St. Petersburg" in line]
        assert long_name and all("×" in line for line in long_name)
        assert text.index("Kazakhstan ×") > places
        option = next(
            o.id
            for o in side._options  # noqa: SLF001 - the panel's own option list
            if o.id and o.id.startswith("e:") and side.entities[int(o.id[2:])].name == "Kazakhstan"
        )
        side.highlighted = side.get_option_index(option)
        await pilot.press("enter")
        await settle(pilot)
        assert screen.query_text == 'entity:"Kazakhstan"'
        assert screen.total == 3  # every seed names Kazakhstan
        assert "3 found" in screen_text(app)


async def test_entity_jumps_name_the_merged_kind_and_visit_nested_mentions(
    library: Library, make_reader: AppFactory
) -> None:
    """]e stops once on each mention span, nested ones included, and names it as a place."""
    app = make_reader(library)
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, MainScreen)
        await open_lavrov(pilot, screen)
        article = screen.article
        assert article is not None
        spans = sorted({(m.start, m.end) for e in article.entities for m in e.mentions})
        kazakhstan = min(
            (m.start, m.end)
            for e in article.entities
            if e.name == "Kazakhstan" and e.kind == "organization"
            for m in e.mentions
        )
        screen.reader.focus()
        await pilot.press("g")
        visited = []
        for _ in spans:
            await pilot.press("right_square_bracket", "e")
            visited.append(screen.reader.marks.target)
            if visited[-1] == kazakhstan:
                await pilot.pause(0.2)
                assert "Kazakhstan (place)" in screen_text(app)
        assert visited == spans  # each distinct span once, in order
        await pilot.press("left_square_bracket", "e")
        assert screen.reader.marks.target == spans[-2]
