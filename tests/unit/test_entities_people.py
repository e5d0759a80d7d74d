"""People's names against places and tags: surnames that are countries, party tags, initials.

Sentences written for this project in the style of US readouts and political news.
"""

from __future__ import annotations

from diplomareader.extract.entities import extract_entities
from diplomareader.model import Entity
from tests.unit.entity_checks import check_offsets as _check_offsets
from tests.unit.entity_checks import names as _names


def _people(entities: list[Entity]) -> dict[str, Entity]:
    return {e.name: e for e in entities if e.kind == "person"}


def test_title_and_full_name_ending_in_a_country_is_a_person() -> None:
    body = (
        "Harbor police Chief Dale Jordan said the pier was closed. "
        "Jordan added that divers were searching the water."
    )
    entities = extract_entities(body)
    _check_offsets(body, entities)
    people = _people(entities)
    assert "Dale Jordan" in people
    assert {m.text for m in people["Dale Jordan"].mentions} >= {"Dale Jordan", "Jordan"}
    assert all(e.name != "Jordan" for e in entities), _names(entities)
    assert all(e.name != "Dale" for e in entities), _names(entities)


def test_first_name_before_a_country_word_makes_a_surname() -> None:
    body = "Ambassador talks were led by Kevin Chad on Monday. Chad said the visit went well."
    entities = extract_entities(body)
    assert "Kevin Chad" in _people(entities), _names(entities)
    assert ("Chad", "place") not in _names(entities)


def test_the_country_itself_is_still_read_when_no_person_owns_the_name() -> None:
    body = "The minister flew to Jordan on Tuesday. Jordan hosts many refugees."
    assert ("Jordan", "place") in _names(extract_entities(body))


def test_a_country_far_from_the_person_is_the_country_again() -> None:
    filler = "The talks covered trade, energy and transport at length. " * 50
    body = f"Chief Dale Jordan opened the port. {filler}Later the delegation flew to Jordan."
    names = _names(extract_entities(body))
    assert ("Dale Jordan", "person") in names
    assert ("Jordan", "place") in names


def test_party_tags_are_neither_aliases_nor_links() -> None:
    body = (
        "Sen. Marco Rubio (R-Fla.) and Sen. Rick Scott (R-Fla.) wrote to the Secretary. "
        "Gov. Pat Lowry (R) agreed, and Rep. Dina Ortiz (D-N.Y.) and Sen. Ann Kerr (I-Vt.) "
        "did not. Rubio said the letter was sent. Scott and Ortiz (D) said nothing."
    )
    entities = extract_entities(body)
    _check_offsets(body, entities)
    people = _people(entities)
    for name in ("Marco Rubio", "Rick Scott", "Pat Lowry", "Dina Ortiz", "Ann Kerr"):
        assert name in people, _names(entities)
    for person in people.values():
        assert all(len(a) > 2 for a in person.aliases), (person.name, person.aliases)
        assert not any(other in person.aliases for other in people if other != person.name)
    assert {m.text for m in people["Marco Rubio"].mentions} == {
        "Marco Rubio",
        "Sen. Marco Rubio",
        "Rubio",
    }
    every = [m.text for e in entities for m in e.mentions]
    for tag in ("R", "D", "I", "R-Fla", "Fla", "N.Y.", "Vt"):
        assert tag not in every


def test_single_letters_never_link_people() -> None:
    body = "Talks with Anna B. and Mark B. followed. B said nothing. Then B arrived."
    entities = extract_entities(body)
    assert all(m.text != "B" for e in entities for m in e.mentions)


def test_middle_initial_stays_with_its_period_in_the_canonical_name() -> None:
    body = (
        "House Speaker Paul D. Ryan met Col. John J. Thomas in the capital. "
        "Ryan said the meeting with Thomas was useful."
    )
    entities = extract_entities(body)
    _check_offsets(body, entities)
    people = _people(entities)
    assert "Paul D. Ryan" in people, _names(entities)
    assert "John J. Thomas" in people, _names(entities)
    assert "Ryan" in people["Paul D. Ryan"].aliases
    assert "Thomas" in people["John J. Thomas"].aliases
    assert not any(name.endswith((" D", " J")) for name in people)


def test_canonical_person_names_carry_no_title() -> None:
    body = (
        "Sen. Bernie Sanders spoke after Secretary of State Antony Blinken. "
        "Lt. Gen. Laura Mercer and Mr. Omar Haddad listened. Sanders said the vote was close."
    )
    people = _people(extract_entities(body))
    assert {"Bernie Sanders", "Laura Mercer", "Omar Haddad"} <= set(people), sorted(people)
    titles = ("Sen", "Secretary", "Lt", "Gen", "Mr")
    assert not any(name.split()[0].rstrip(".") in titles for name in people), sorted(people)


def test_surnames_do_not_fold_onto_countries() -> None:
    body = (
        "Commerce Secretary Wilbur Ross met David Cameron and Sam Nunn. "
        "Ross said Cameron and Sam agreed. Sidney Powell left."
    )
    entities = extract_entities(body)
    names = _names(entities)
    for place in ("Russia", "Cameroon", "Thailand", "Sydney"):
        assert all(e.name != place for e in entities), names
    people = _people(entities)
    assert "Ross" in people["Wilbur Ross"].aliases
    assert "Cameron" in people["David Cameron"].aliases


def test_countries_written_in_full_still_match() -> None:
    body = "Russia and Cameroon signed. Officials in Sydney and Россия welcomed it."
    names = _names(extract_entities(body))
    assert {("Russia", "place"), ("Cameroon", "place"), ("Sydney", "place")} <= names


def test_a_surname_after_a_place_preposition_joins_the_person() -> None:
    body = (
        "Sen. Ted Varga spoke in Ohio. Supporters gathered at Varga's rally in Dayton. "
        "Varga is gaining ground."
    )
    people = _people(extract_entities(body))
    assert "Ted Varga" in people
    assert len(people["Ted Varga"].mentions) == 4


def test_department_after_a_title_is_not_a_person() -> None:
    body = (
        "Secretary of Homeland Security Alejandro Mayorkas and the Secretary of Defense spoke. "
        "Secretary of Energy Jennifer Granholm joined, and the Secretary of Agriculture said "
        "the Director of the Office of Museums would help."
    )
    entities = extract_entities(body)
    people = _people(entities)
    assert {"Alejandro Mayorkas", "Jennifer Granholm"} <= set(people), sorted(people)
    for word in ("Defense", "Agriculture", "Energy", "Homeland Security Alejandro Mayorkas"):
        assert word not in people, sorted(people)
    assert ("Office of Museums", "organization") in _names(entities)


def test_the_president_is_not_the_vice_president() -> None:
    body = (
        "Vice President Kamala Harris met the President on Monday. The President thanked "
        "her. Deputy Secretary Wendy Sherman and the Secretary also spoke."
    )
    people = _people(extract_entities(body))
    assert "President" not in people["Kamala Harris"].aliases
    assert "Secretary" not in people["Wendy Sherman"].aliases


def test_middle_initial_before_a_country_word() -> None:
    body = "Deputy Attorney General Lisa O. Monaco attended. Monaco said the case was open."
    entities = extract_entities(body)
    people = _people(entities)
    assert "Lisa O. Monaco" in people, _names(entities)
    assert "Monaco" in people["Lisa O. Monaco"].aliases
    assert all(e.name != "Monaco" for e in entities)
