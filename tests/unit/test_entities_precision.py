"""Precision on readouts and speeches: words that look like names but are not, written for
this project in the style of White House readouts and UN General Debate speeches."""

from __future__ import annotations

from diplomareader.extract.entities import extract_entities
from diplomareader.model import Entity


def _names(entities: list[Entity]) -> set[tuple[str, str]]:
    return {(e.name, e.kind) for e in entities}


def _mentions(entities: list[Entity]) -> set[str]:
    return {m.text for e in entities for m in e.mentions}


def test_sentence_openers_written_lowercase_elsewhere_are_not_names() -> None:
    body = (
        "Rising sea levels are eroding our coasts, and the costs keep rising. "
        "Entire regions are at risk; the entire world must act. "
        "Recently, 12,000 people left, as we recently reported."
    )
    mentions = _mentions(extract_entities(body))
    assert not mentions & {"Rising", "Entire", "Recently"}, mentions


def test_a_place_name_opening_a_sentence_is_still_a_place() -> None:
    body = "Kherson region was shelled. Residents of the Kherson region left."
    assert ("Kherson", "place") in _names(extract_entities(body))


def test_contractions_and_lone_titles_are_not_people() -> None:
    body = (
        "As I’ve said, we act. Ireland supports the Secretary General’s call for a treaty. "
        "Senior Administration Officials emphasized the plan. The Vice Presidents met."
    )
    entities = extract_entities(body)
    people = {e.name for e in entities if e.kind == "person"}
    assert not people, people


def test_lines_in_capitals_yield_no_rule_found_names() -> None:
    body = (
        "We spoke about the climate.\n\n**[INTERNATIONAL PEACE AND SECURITY]**\n\n"
        "### PART II\n\nThe United Nations must act, said Amina Diallo."
    )
    names = _names(extract_entities(body))
    assert ("United Nations", "organization") in names
    assert ("Amina Diallo", "person") in names
    assert not any(name.isupper() and len(name) > 3 for name, _ in names), names


def test_honorific_his_excellency_is_a_title() -> None:
    body = "We congratulate H.E. Tomas Velde of Latvia and His Excellency Ruth Okafor."
    entities = extract_entities(body)
    people = {e.name: e for e in entities if e.kind == "person"}
    assert {"Tomas Velde", "Ruth Okafor"} <= set(people), _names(entities)
    assert "H.E. Tomas Velde" in people["Tomas Velde"].aliases
    assert all(e.name != "H.E." for e in entities)


def test_a_country_name_without_its_inner_article() -> None:
    body = "Fighting in the east of the Democratic Republic of Congo continued."
    names = _names(extract_entities(body))
    assert ("Democratic Republic of the Congo", "place") in names
    assert ("Democratic Republic", "place") not in names


def test_laws_are_not_places_or_bodies() -> None:
    body = "Congress must repeal the Protection of Lawful Commerce in Arms Act this year."
    mentions = _mentions(extract_entities(body))
    assert "Arms" not in mentions and "Lawful Commerce" not in mentions, mentions


def test_a_qualifier_before_a_title_is_not_a_person() -> None:
    body = "Today, Acting Small Business Administrator Tami Perriello met owners."
    people = {e.name for e in extract_entities(body) if e.kind == "person"}
    assert people == {"Tami Perriello"}, people


def test_a_title_after_and_starts_a_new_person() -> None:
    body = (
        "Senior Advisor Cedric Richmond opened. Ambassador Rice and Congressman Richmond "
        "thanked Susan Rice's team."
    )
    people = {e.name: e for e in extract_entities(body) if e.kind == "person"}
    assert set(people) == {"Cedric Richmond", "Susan Rice"}, sorted(people)
    assert "Congressman Richmond" in people["Cedric Richmond"].aliases


def test_a_middle_surname_joins_the_full_name() -> None:
    body = "Dr Dina Boluarte Zegarra spoke first. President Boluarte said the vote was fair."
    people = {e.name: e for e in extract_entities(body) if e.kind == "person"}
    assert set(people) == {"Dina Boluarte Zegarra"}, sorted(people)
    assert "Boluarte" in people["Dina Boluarte Zegarra"].aliases


def test_greater_and_features_make_places() -> None:
    body = "Trade across Greater Eurasia grew. Ships near Second Thomas Shoal were hit."
    names = _names(extract_entities(body))
    assert ("Eurasia", "place") in names
    assert ("Thomas Shoal", "place") in names
    assert not any(kind == "person" for _, kind in names), names


def test_the_article_before_a_name_shaped_phrase() -> None:
    body = "They upheld the status quo at the Haram al-Sharif in the Old City."
    assert all(e.kind != "person" for e in extract_entities(body))
