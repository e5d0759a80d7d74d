"""Names that came out cut or mistaken in readouts and speeches: suffixes, countries as first
names, titled surnames of known people, and abbreviations of programmes rather than bodies.

Sentences written for this project in the style of US readouts and UN speeches.
"""

from __future__ import annotations

from pathlib import Path

from diplomareader.extract.entities import extract_entities
from diplomareader.extract.gazetteer import build_gazetteer
from tests.unit.entity_checks import check_offsets as _check_offsets
from tests.unit.entity_checks import names as _names


def test_title_word_before_a_generational_suffix_is_a_surname() -> None:
    body = "The envoy quoted the late Dr. Martin Luther King Jr. on the duty to act."
    entities = extract_entities(body)
    _check_offsets(body, entities)
    assert ("Martin Luther King Jr.", "person") in _names(entities), _names(entities)
    assert all(e.name != "Martin Luther" for e in entities), _names(entities)


def test_a_name_ends_at_its_suffix_even_before_a_capitalised_word() -> None:
    body = "In the words of Martin Luther King Jr. Quote: we must act now."
    entities = extract_entities(body)
    _check_offsets(body, entities)
    assert ("Martin Luther King Jr.", "person") in _names(entities), _names(entities)


def test_a_king_with_a_regnal_number_keeps_his_title_apart() -> None:
    body = "President Carter met King Abdullah II of Jordan in Amman."
    names = _names(extract_entities(body))
    assert ("Abdullah II", "person") in names, names
    assert ("Jordan", "place") in names, names


def test_known_person_with_a_suffix_keeps_its_full_stop() -> None:
    body = "President Joseph R. Biden Jr. spoke today with the Prime Minister."
    entities = extract_entities(body)
    _check_offsets(body, entities)
    biden = next(e for e in entities if e.name == "Joe Biden")
    assert "Joseph R. Biden Jr." in {m.text for m in biden.mentions}


def test_country_that_is_a_first_name_before_a_surname_is_a_person() -> None:
    body = (
        "The psychologist Jordan Peterson spoke at the forum. Peterson said the debate was over. "
        "Foreign Minister Israel Katz met Acting Secretary Chad Wolf in the Jordan Valley."
    )
    entities = extract_entities(body)
    _check_offsets(body, entities)
    names = _names(entities)
    assert ("Jordan Peterson", "person") in names, names
    assert ("Israel Katz", "person") in names, names
    assert ("Chad Wolf", "person") in names, names
    peterson = next(e for e in entities if e.name == "Jordan Peterson")
    assert {m.text for m in peterson.mentions} == {"Jordan Peterson", "Peterson"}
    at = body.index("Jordan Peterson")
    assert not any(m.start == at and m.text == "Jordan" for e in entities for m in e.mentions)


def test_country_before_a_name_or_in_a_compound_stays_a_country() -> None:
    body = (
        "U.S. Ambassador to Israel Tom Nides attended the U.S.-Israel Strategic Group. "
        "Officials flew over the Jordan River and visited Georgia Tech."
    )
    entities = extract_entities(body)
    _check_offsets(body, entities)
    names = _names(entities)
    assert ("Israel", "place") in names, names
    assert ("Tom Nides", "person") in names, names
    assert ("Jordan River", "place") in names, names
    assert not any(kind == "person" and "Israel" in name for name, kind in names), names


def test_titled_common_surname_is_the_gazetteer_person_with_that_title() -> None:
    body = (
        "Today, President Biden and Vice President Harris met in the Oval Office. "
        "Harris said the talks went well. Secretary of Defense Austin joined them."
    )
    entities = extract_entities(body)
    _check_offsets(body, entities)
    names = _names(entities)
    assert ("Kamala Harris", "person") in names, names
    harris = next(e for e in entities if e.name == "Kamala Harris")
    assert {m.text for m in harris.mentions} == {"Vice President Harris", "Harris"}
    assert ("Lloyd Austin", "person") in names, names
    assert ("Harris", "person") not in names, names


def test_common_surname_without_a_listed_title_stays_as_written() -> None:
    body = (
        "Mr. Harris, a farmer from Iowa, met Deputy Secretary Austin. Later President Carter, "
        "that is Jimmy Carter, spoke, and Speaker Johnson answered."
    )
    names = _names(extract_entities(body))
    assert ("Kamala Harris", "person") not in names, names
    assert ("Lloyd Austin", "person") not in names, names
    assert ("Boris Johnson", "person") not in names, names
    assert ("Jimmy Carter", "person") in names, names


def test_user_gazetteer_titles_name_a_person_by_title_and_surname(tmp_path: Path) -> None:
    (tmp_path / "mine.yaml").write_text(
        "kind: person\nentries:\n  - {name: Maria Gonzalez, titles: [Ambassador]}\n",
        encoding="utf-8",
    )
    gaz = build_gazetteer(tmp_path)
    body = "Ambassador Gonzalez met the minister. Gonzalez said the talks were useful."
    names = _names(extract_entities(body, gaz))
    assert ("Maria Gonzalez", "person") in names, names
    names = _names(extract_entities("Professor Gonzalez met the minister.", gaz))
    assert ("Maria Gonzalez", "person") not in names, names


def test_abbreviations_of_goals_and_programmes_are_not_organisations() -> None:
    body = (
        "Ministers reviewed the SDGs. The SDG targets are off track, the report said. "
        "A public-private partnership (PPP) will build the port. "
        "Small firms can apply to the Paycheck Protection Program (PPP) this week."
    )
    entities = extract_entities(body)
    _check_offsets(body, entities)
    names = _names(entities)
    assert not any(name in ("SDG", "SDGs", "PPP") for name, _ in names), names


def test_abbreviation_spelled_out_as_a_body_stays_an_organisation() -> None:
    body = (
        "Pakistan Peoples Party (PPP) leader Bilawal Bhutto said the PPP would win. "
        "The Syrian Democratic Forces (SDF) advanced; the SDF's commander spoke."
    )
    entities = extract_entities(body)
    ppp = next(e for e in entities if e.name == "Pakistan Peoples Party")
    assert ppp.kind == "organization"
    assert "PPP" in {m.text for m in ppp.mentions}
    sdf = next(e for e in entities if e.name == "Syrian Democratic Forces")
    assert {m.text for m in sdf.mentions} >= {"SDF"}


def test_short_committee_names_before_committee_are_named_in_full() -> None:
    body = (
        "The director briefed the Senate Intelligence and Armed Services committees. "
        "Later the Senate Intelligence Committee met again."
    )
    entities = extract_entities(body)
    _check_offsets(body, entities)
    by_name = {e.name: e for e in entities}
    assert "Senate Intelligence" not in by_name and "Armed Services" not in by_name, by_name
    assert by_name["Armed Services Committee"].kind == "organization"
    intel = by_name["Senate Intelligence Committee"]
    assert {m.text for m in intel.mentions} == {
        "Senate Intelligence",
        "Senate Intelligence Committee",
    }


def test_a_body_before_committee_keeps_its_name() -> None:
    body = "The U.S. Air Force committee met, and the House committee voted."
    names = {e.name for e in extract_entities(body)}
    assert "U.S. Air Force Committee" not in names, names
    assert "House Committee" not in names, names


def test_titled_name_stops_before_of_and_a_body() -> None:
    body = "Senator Warner of Virginia and, later, Senator Warner of Senate Intelligence spoke."
    entities = extract_entities(body)
    _check_offsets(body, entities)
    people = {e.name for e in entities if e.kind == "person"}
    assert people == {"Warner"}, people
    body = "Director Smith of Fund for Peace said the index would be published."
    names = _names(extract_entities(body))
    assert ("Smith", "person") in names, names
    assert ("Fund for Peace", "organization") in names, names


def test_a_name_is_the_same_whichever_apostrophe_a_source_types() -> None:
    """O’Neill (typographic) and O'Neill (ASCII) give one canonical name; the mentions keep
    the text as the body writes it."""
    curly = (
        "Police Commissioner James O\u2019Neill said the city was safe. O\u2019Neill added more."
    )
    straight = "Commissioner James O'Neill spoke to reporters on Monday."
    names = [
        {e.name for e in extract_entities(body) if e.kind == "person"} for body in (curly, straight)
    ]
    assert names[0] == names[1] == {"James O'Neill"}
    entities = extract_entities(curly)
    _check_offsets(curly, entities)
    assert any("\u2019" in m.text for e in entities for m in e.mentions)
