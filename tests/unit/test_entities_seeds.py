"""Entities of the three seed articles (cleaned bodies), as the foundation issue expects."""

from __future__ import annotations

from pathlib import Path

import pytest

from diplomareader.clean import clean_document
from diplomareader.extract.entities import extract_entities
from diplomareader.ingest import read_document
from diplomareader.model import Entity
from tests.conftest import SEED_FILES


def _entities(path: Path) -> tuple[str, list[Entity]]:
    body = clean_document(read_document(str(path))).body
    return body, extract_entities(body)


def _by_mention(entities: list[Entity], text: str, kind: str | None = None) -> Entity:
    """The entity with a mention ``text`` (or, for a titled mention, ending with it).

    A country acting in the text is listed twice (place and organization): ``kind`` picks one.
    """
    entities = [e for e in entities if kind is None or e.kind == kind]
    found = [e for e in entities if any(m.text == text for m in e.mentions)]
    if not found:
        found = [e for e in entities if any(m.text.endswith(" " + text) for m in e.mentions)]
    assert found, f"no entity mentioned as {text!r}: {[e.name for e in entities]}"
    assert len(found) == 1
    return found[0]


@pytest.fixture(scope="module")
def seeds() -> dict[str, tuple[str, list[Entity]]]:
    return {name: _entities(path) for name, path in SEED_FILES.items()}


def test_offsets_are_exact(seeds: dict[str, tuple[str, list[Entity]]]) -> None:
    for body, entities in seeds.values():
        assert entities
        for entity in entities:
            for m in entity.mentions:
                assert body[m.start : m.end] == m.text


def test_tokayev_is_one_person_across_articles(seeds: dict[str, tuple[str, list[Entity]]]) -> None:
    embassy = _by_mention(seeds["embassy"][1], "Tokayev")
    orda = _by_mention(seeds["orda"][1], "Toqayev")
    assert embassy.kind == orda.kind == "person"
    assert embassy.name == orda.name
    assert _by_mention(seeds["orda"][1], "Qasym-Jomart Toqayev") is orda
    assert _by_mention(seeds["orda"][1], "Tokayev") is orda


def test_un_and_united_nations(seeds: dict[str, tuple[str, list[Entity]]]) -> None:
    un = _by_mention(seeds["embassy"][1], "UN")
    assert un is _by_mention(seeds["embassy"][1], "United Nations")
    assert un.kind == "organization"
    assert _by_mention(seeds["orda"][1], "UN").name == un.name
    assert _by_mention(seeds["qazaq"][1], "UN").name == un.name


@pytest.mark.parametrize(
    ("seed", "mention"),
    [
        ("qazaq", "Kazakhstan"),
        ("qazaq", "Russian Federation"),
        ("qazaq", "DPR"),
        ("qazaq", "LPR"),
        ("qazaq", "Zaporozhye"),
        ("qazaq", "Kherson"),
        ("embassy", "Russia"),
        ("orda", "Almaty"),
        ("orda", "Sumy"),
        ("orda", "Moscow"),
    ],
)
def test_places(seeds: dict[str, tuple[str, list[Entity]]], seed: str, mention: str) -> None:
    assert _by_mention(seeds[seed][1], mention, "place").kind == "place"


def test_russia_and_russian_federation_are_one(seeds: dict[str, tuple[str, list[Entity]]]) -> None:
    qazaq = _by_mention(seeds["qazaq"][1], "Russian Federation", "place")
    embassy = _by_mention(seeds["embassy"][1], "Russia", "place")
    assert qazaq.name == embassy.name == "Russia"
    assert _by_mention(seeds["orda"][1], "Russian", "place").name == "Russia"


def test_a_country_acting_is_also_listed_as_an_organization(
    seeds: dict[str, tuple[str, list[Entity]]],
) -> None:
    """ "Kazakhstan takes a neutral position": the state acts."""
    place = _by_mention(seeds["embassy"][1], "Kazakhstan", "place")
    actor = _by_mention(seeds["embassy"][1], "Kazakhstan", "organization")
    assert place.name == actor.name == "Kazakhstan"
    assert set(actor.mentions) <= set(place.mentions)


@pytest.mark.parametrize(
    ("seed", "mention", "name"),
    [
        ("qazaq", "Aibek Smadyarov", "Aibek Smadyarov"),
        ("orda", "Sergey Lavrov", "Sergey Lavrov"),
        ("orda", "Lavrov", "Sergey Lavrov"),
        ("orda", "Murat Nurtleu", "Murat Nurtleu"),
        ("orda", "Andrei Kolesnikov", "Andrei Kolesnikov"),
        ("orda", "Kolesnikov", "Andrei Kolesnikov"),
    ],
)
def test_persons(
    seeds: dict[str, tuple[str, list[Entity]]], seed: str, mention: str, name: str
) -> None:
    entity = _by_mention(seeds[seed][1], mention)
    assert (entity.kind, entity.name) == ("person", name)


@pytest.mark.parametrize("mention", ["Kommersant", "CIS Foreign Ministers Council", "SPIEF"])
def test_organizations(seeds: dict[str, tuple[str, list[Entity]]], mention: str) -> None:
    assert _by_mention(seeds["orda"][1], mention).kind == "organization"


def test_spief_joins_its_expansion(seeds: dict[str, tuple[str, list[Entity]]]) -> None:
    spief = _by_mention(seeds["orda"][1], "SPIEF")
    assert _by_mention(seeds["orda"][1], "St. Petersburg International Economic Forum") is spief


def test_kazakh_is_kazakhstan(seeds: dict[str, tuple[str, list[Entity]]]) -> None:
    assert _by_mention(seeds["orda"][1], "Kazakh", "place").name == "Kazakhstan"


def test_the_spokesperson_is_smadyarov(seeds: dict[str, tuple[str, list[Entity]]]) -> None:
    """ "Official Spokesperson of the Kazakh Ministry of Foreign Affairs Aibek Smadyarov", and
    later "As the Official Spokesperson noted": one person, no entity named by the title."""
    entities = seeds["qazaq"][1]
    smadyarov = _by_mention(entities, "Official Spokesperson")
    assert smadyarov.name == "Aibek Smadyarov"
    assert all(e.name != "Official Spokesperson" for e in entities)
    ministry = _by_mention(entities, "Kazakh Ministry of Foreign Affairs", "organization")
    assert ministry.kind == "organization"
