"""Precision on readouts and speeches: words that look like names but are not, written for
this project in the style of White House readouts and UN General Debate speeches."""

from __future__ import annotations

from diplomareader.extract.entities import extract_entities
from diplomareader.model import Entity
from tests.unit.entity_checks import names as _names


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


def test_state_codes_after_names_and_cities_are_not_organisations() -> None:
    body = (
        "Governor Bill Lee (TN), Senator Raphael Warnock (GA) and Rep. James Clyburn (SC-06) "
        "joined Mayor Andre Dickens, Atlanta, GA, and officials of the UN, EU and NATO."
    )
    entities = extract_entities(body)
    mentions = _mentions(entities)
    assert not mentions & {"TN", "GA", "SC"}, mentions
    people = {e.name for e in entities if e.kind == "person"}
    assert {"Bill Lee", "Raphael Warnock", "James Clyburn", "Andre Dickens"} <= people, people
    assert {"UN", "EU"} <= mentions


def test_a_qualifier_before_a_title_inside_a_list() -> None:
    body = (
        "Today, Secretary of the Interior Deb Haaland and Domestic Policy Advisor Susan Rice "
        "met. White House Director of Intergovernmental Affairs Julie Rodriguez joined."
    )
    people = {e.name for e in extract_entities(body) if e.kind == "person"}
    assert people == {"Deb Haaland", "Susan Rice", "Julie Rodriguez"}, people


def test_a_given_name_is_not_split_off_a_three_word_name() -> None:
    body = "Senior Advisor Keisha Lance Bottoms joined the call."
    people = {e.name for e in extract_entities(body) if e.kind == "person"}
    assert people == {"Keisha Lance Bottoms"}, people


def test_storms_and_laws_with_and_are_not_entities() -> None:
    body = (
        "Hurricane Ida made landfall as a Major Hurricane. The CHIPS and Science Act and "
        "the Bill passed by the Senate will help."
    )
    mentions = _mentions(extract_entities(body))
    assert not mentions & {"Hurricane", "Ida", "Hurricane Ida", "CHIPS", "Science", "Bill"}, (
        mentions
    )


def test_list_items_are_read_like_sentences_not_headlines() -> None:
    body = (
        "Participants included:\n\n- Delaware State Senator Elizabeth Lockman\n"
        "- California State Assemblymember Rebecca Bauer-Kahan\n"
        "- California Assemblymember Phil Ting"
    )
    people = {e.name for e in extract_entities(body) if e.kind == "person"}
    assert people == {"Elizabeth Lockman", "Rebecca Bauer-Kahan", "Phil Ting"}, people


def test_a_first_name_does_not_fold_onto_a_known_surname() -> None:
    body = "Former President Ellen Johnson Sirleaf spoke before Janet Yellen."
    people = {e.name: e for e in extract_entities(body) if e.kind == "person"}
    assert set(people) == {"Ellen Johnson Sirleaf", "Janet Yellen"}, sorted(people)
    assert "Ellen" not in people["Janet Yellen"].aliases


def test_plans_and_suffixes_are_not_entities() -> None:
    body = (
        'China’s "Belt and Road Initiative" grew. Chief Justice John G. Roberts Jr. cited '
        "Martin Luther King Jr. and Roberts said so."
    )
    entities = extract_entities(body)
    mentions = _mentions(entities)
    assert "Belt and Road" not in mentions and "Jr." not in mentions, mentions
    people = {e.name: e for e in entities if e.kind == "person"}
    assert "John G. Roberts Jr." in people, sorted(people)
    assert "Roberts" in people["John G. Roberts Jr."].aliases


def test_the_subject_of_an_agreement_is_not_a_name() -> None:
    body = (
        "Twelve countries signed the Agreement on Marine Biodiversity of Areas beyond National "
        "Jurisdiction. The Agreement on Syria was signed in Geneva. Marine Le Pen spoke."
    )
    names = _names(extract_entities(body))
    assert ("Marine Biodiversity", "person") not in names, names
    assert {("Syria", "place"), ("Geneva", "place"), ("Marine Le Pen", "person")} <= names


def test_an_adjective_after_from_is_not_a_place() -> None:
    body = "We mark 80 years since our liberation from Nazi occupation."
    assert all(e.kind != "place" for e in extract_entities(body))
