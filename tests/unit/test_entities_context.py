"""Wider mentions read from a candidate's context, demonym plurals and acting states.

Sentences written for this project; names are invented where the gazetteer must not help.
"""

from __future__ import annotations

import pytest

from diplomareader.extract.entities import extract_entities
from diplomareader.model import Entity


def _by_mention(entities: list[Entity], mention: str, kind: str | None = None) -> Entity:
    for entity in entities:
        if (kind is None or entity.kind == kind) and any(
            m.text == mention for m in entity.mentions
        ):
            return entity
    raise AssertionError(f"{mention!r} not in {[(e.name, e.kind) for e in entities]}")


def _texts(entities: list[Entity]) -> set[tuple[str, str]]:
    return {(m.text, e.kind) for e in entities for m in e.mentions}


def _offsets_ok(body: str, entities: list[Entity]) -> None:
    for entity in entities:
        for m in entity.mentions:
            assert body[m.start : m.end] == m.text


def test_titled_name_keeps_the_bare_name_as_a_mention() -> None:
    body = "Deputy Minister Yerlan Karin arrived. Ambassador Dana Oskenbay met him."
    entities = extract_entities(body)
    _offsets_ok(body, entities)
    karin = _by_mention(entities, "Deputy Minister Yerlan Karin")
    assert _by_mention(entities, "Yerlan Karin") is karin
    assert karin.name == "Yerlan Karin"
    assert _by_mention(entities, "Dana Oskenbay").kind == "person"


@pytest.mark.parametrize(
    ("body", "wide", "inner", "kind"),
    [
        ("Strikes hit ISIL fighters near the river.", "ISIL fighters", "ISIL", "organization"),
        (
            "He thanked Coalition partners in Rome.",
            "Coalition partners",
            "Coalition",
            "organization",
        ),
        ("Shelling continued in Idlib province overnight.", "Idlib province", "Idlib", "place"),
        ("Forces entered the city of Mosul at dawn.", "city of Mosul", "Mosul", "place"),
        (
            "They reached the Syrian town of Qaryatayn.",
            "Syrian town of Qaryatayn",
            "Qaryatayn",
            "place",
        ),
        (
            "He was born in Zhanakorgan, Kazakhstan in 1970.",
            "Zhanakorgan, Kazakhstan",
            "Zhanakorgan",
            "place",
        ),
    ],
)
def test_wider_mention_joins_the_inner_entity(body: str, wide: str, inner: str, kind: str) -> None:
    entities = extract_entities(body)
    _offsets_ok(body, entities)
    entity = _by_mention(entities, wide, kind)
    assert _by_mention(entities, inner, kind) is entity
    assert entity.name != wide


def test_a_list_of_countries_is_not_one_place() -> None:
    body = "Members include Australia, Bahrain, Canada and Denmark."
    texts = {t for t, _ in _texts(extract_entities(body))}
    assert not any("," in t for t in texts)


@pytest.mark.parametrize(
    ("body", "org"),
    [
        ("Convoys were blocked by the Assad regime last week.", "Assad regime"),
        ("Pressure grew on Assad's brutal regime.", "Assad's brutal regime"),
        ("The Obama administration announced new aid.", "Obama administration"),
        ("Aid reached the people of Mosul on Monday.", "people of Mosul"),
        ("It supports the government of Iraq in its efforts.", "government of Iraq"),
        ("He praised the Syrian people for their courage.", "Syrian people"),
        ("Iraqi officials confirmed the figures.", "Iraqi officials"),
    ],
)
def test_bodies_named_around_a_name(body: str, org: str) -> None:
    entities = extract_entities(body)
    _offsets_ok(body, entities)
    assert _by_mention(entities, org).kind == "organization"


@pytest.mark.parametrize(
    ("body", "mention", "country"),
    [
        ("Millions of Syrians have fled since 2011.", "Syrians", "Syria"),
        ("Many Iraqis voted on Sunday.", "Iraqis", "Iraq"),
        ("The Kurds asked for support.", "Kurds", "Kurdistan"),
        ("Two Britons were released.", "Britons", "United Kingdom"),
        ("Kazakhs abroad can vote at embassies.", "Kazakhs", "Kazakhstan"),
    ],
)
def test_people_of_a_country_are_the_country_acting(body: str, mention: str, country: str) -> None:
    entities = extract_entities(body)
    entity = _by_mention(entities, mention)
    assert (entity.name, entity.kind) == (country, "organization")
    assert (country, "place") not in {(e.name, e.kind) for e in entities}


def test_french_and_british_have_no_plain_plural() -> None:
    entities = extract_entities("Frenchs and Britishs are not words.")
    assert all(e.name not in ("France", "United Kingdom") for e in entities)


@pytest.mark.parametrize(
    ("body", "acts"),
    [
        ("Russia vetoed the draft resolution.", True),
        ("Russia has vetoed the draft resolution.", True),
        ("Russia will continue its work.", True),
        ("The UK is committed to the talks.", True),
        ("Iraq is working with its partners.", True),
        ("Iraq's efforts were praised.", True),
        ("Iraq is a member of the League.", False),
        ("Syria has been devastated by the war.", False),
        ("Aleppo has suffered for years.", False),
    ],
)
def test_when_a_place_acts(body: str, acts: bool) -> None:
    kinds = {
        e.kind
        for e in extract_entities(body)
        if e.name in ("Russia", "Iraq", "Syria", "United Kingdom", "Aleppo")
    }
    assert ("organization" in kinds) is acts
    assert "place" in kinds


def test_abbreviated_country_before_a_noun_is_the_state() -> None:
    entities = extract_entities("U.S. officials said the talks would resume.")
    us = [e for e in entities if e.name == "United States"]
    assert [e.kind for e in us] == ["organization"]
    assert _by_mention(entities, "U.S. officials").kind == "organization"


@pytest.mark.parametrize(
    ("body", "actors"),
    [
        ("The ceasefire announced by Russia and Turkey held.", {"Russia", "Turkey"}),
        ("A partnership between the United States and Iraq was signed.", {"United States", "Iraq"}),
        ("We thank our ally Turkey for its help.", {"Turkey"}),
        ("Russia and Iran must now work together.", {"Russia", "Iran"}),
    ],
)
def test_coordinated_and_agentive_states_act(body: str, actors: set[str]) -> None:
    entities = extract_entities(body)
    assert {e.name for e in entities if e.kind == "organization"} >= actors


@pytest.mark.parametrize(
    ("body", "org"),
    [
        ("Aid from the Australian Government arrived.", "Australian Government"),
        (
            "No service may be provided to the Syrian government under the order.",
            "Syrian government",
        ),
        ("In Ankara he met the Syrian National Coalition on Friday.", "Syrian National Coalition"),
        ("Forces took control of Mosul University yesterday.", "Mosul University"),
        ("On Monday, Coalition military forces conducted 34 strikes.", "Coalition military forces"),
    ],
)
def test_organisation_shapes(body: str, org: str) -> None:
    entities = extract_entities(body)
    _offsets_ok(body, entities)
    assert _by_mention(entities, org).kind == "organization"


def test_dotted_titles_join_the_name() -> None:
    body = "Lt. Gen. Stephen J. Townsend spoke. Brig. Gen. Richard Coe answered."
    entities = extract_entities(body)
    townsend = _by_mention(entities, "Lt. Gen. Stephen J. Townsend")
    assert townsend.name == "Stephen J. Townsend"
    assert _by_mention(entities, "Brig. Gen. Richard Coe").kind == "person"
    assert all(e.name != "Council of Europe" for e in entities)


def test_unknown_town_in_a_known_state_is_a_place() -> None:
    body = "Dayton, 42, of Woodbridge, Virginia, died on Thursday."
    entities = extract_entities(body)
    town = _by_mention(entities, "Woodbridge, Virginia")
    assert town.kind == "place" and town.name == "Woodbridge"
    assert _by_mention(entities, "Virginia").name == "Virginia"


@pytest.mark.parametrize(
    ("body", "absent", "present"),
    [
        (
            "They moved from Houthi-controlled Sana’a to Aden, SANA reported.",
            ["Houthi-controlled"],
            [("Houthi", "Houthis"), ("Sana’a", "Sanaa"), ("SANA", "SANA")],
        ),
        (
            "He will designate Qatar as a Major Non-NATO Ally.",
            ["Non-NATO Ally", "Major Non-NATO Ally"],
            [("NATO", "NATO")],
        ),
        (
            "Peace in the East and South China Seas matters.",
            ["East and South"],
            [("South China Seas", "South China Seas")],
        ),
        (
            "He chairs the Alliance of Small Island Developing States this year.",
            ["Island"],
            [("Alliance of Small Island Developing States", None)],
        ),
        (
            "Sullivan met Crown Prince Mohammed bin Salman on Monday.",
            ["Mohammed"],
            [("Mohammed bin Salman", None)],
        ),
        (
            "Advisor Latifa Lyles, U.S. Equal Employment Opportunity Commission, spoke.",
            ["Latifa Lyles, U.S."],
            [("U.S. Equal Employment Opportunity Commission", None)],
        ),
    ],
)
def test_modifiers_and_shadowed_names(
    body: str, absent: list[str], present: list[tuple[str, str | None]]
) -> None:
    entities = extract_entities(body)
    _offsets_ok(body, entities)
    texts = {m.text for e in entities for m in e.mentions}
    for text in absent:
        assert text not in texts
    for text, name in present:
        entity = _by_mention(entities, text)
        assert name is None or entity.name == name
