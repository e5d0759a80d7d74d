"""The entity rules on sentences written for this project (names the gazetteer does not know)."""

from __future__ import annotations

from pathlib import Path

import pytest

from diplomareader.extract.entities import extract_entities
from diplomareader.extract.gazetteer import build_gazetteer
from diplomareader.model import Entity
from tests.unit.entity_checks import check_offsets as _check_offsets


def _find(entities: list[Entity], mention: str) -> Entity:
    for entity in entities:
        if any(m.text == mention for m in entity.mentions):
            return entity
    raise AssertionError(f"{mention!r} not found in {[(e.name, e.kind) for e in entities]}")


def _named(entities: list[Entity], name: str) -> Entity:
    for entity in entities:
        if entity.name == name:
            return entity
    raise AssertionError(f"{name!r} not found in {[(e.name, e.kind) for e in entities]}")


def _absent(entities: list[Entity], mention: str) -> None:
    assert all(m.text != mention for e in entities for m in e.mentions), mention


@pytest.mark.parametrize(
    ("body", "mention", "kind"),
    [
        ("Foreign Minister Zhanbolat Ussenov arrived on Monday.", "Zhanbolat Ussenov", "person"),
        ("The talks were led by Ambassador Rakhim Oshakbayev.", "Rakhim Oshakbayev", "person"),
        ("Mr Oshakbayev declined to comment.", "Oshakbayev", "person"),
        ("A statement was issued by Murat Zhaksylykov on Friday.", "Murat Zhaksylykov", "person"),
        (
            "The Ministry of Digital Development will publish the rules.",
            "Ministry of Digital Development",
            "organization",
        ),
        (
            "Officials from the Tamkeen Relief Agency were present.",
            "Tamkeen Relief Agency",
            "organization",
        ),
        (
            "The Kazakh Ministry of Energy confirmed the figures.",
            "Kazakh Ministry of Energy",
            "organization",
        ),
        ("Shelling was reported in Khirbet Ghazaleh overnight.", "Khirbet Ghazaleh", "place"),
        ("Fighting continued near Tal Abyad on Sunday.", "Tal Abyad", "place"),
        ("Residents of the Karrada district fled.", "Karrada", "place"),
        ("Water levels in Lake Balkhash fell again.", "Lake Balkhash", "place"),
        ("The Government of Iraq welcomed the vote.", "Government of Iraq", "organization"),
    ],
)
def test_rules_find_unknown_names(body: str, mention: str, kind: str) -> None:
    entities = extract_entities(body)
    _check_offsets(body, entities)
    assert _named(entities, mention).kind == kind


def test_surname_after_full_name_is_one_entity() -> None:
    body = "Deputy Minister Yerlan Karin spoke first. Later, Karin said the talks went well."
    entities = extract_entities(body)
    karin = _find(entities, "Deputy Minister Yerlan Karin")
    assert _find(entities, "Karin") is karin
    assert karin.name == "Yerlan Karin"


def test_title_is_part_of_the_mention_and_roles_resolve() -> None:
    body = (
        "Russian Foreign Minister Sergey Lavrov met Foreign Secretary Dilnara Amanova. "
        "The Foreign Secretary said the talks were useful. Mr Amanova left on Friday."
    )
    entities = extract_entities(body)
    lavrov = _find(entities, "Russian Foreign Minister Sergey Lavrov")
    assert lavrov.name == "Sergey Lavrov"
    amanova = _find(entities, "Foreign Secretary Dilnara Amanova")
    assert amanova.name == "Dilnara Amanova"
    assert _find(entities, "Foreign Secretary") is amanova
    assert _find(entities, "Mr Amanova") is amanova


def test_a_role_without_a_titled_person_is_not_an_entity() -> None:
    entities = extract_entities("The Foreign Secretary said the talks were useful.")
    assert entities == []


def test_abbreviation_joins_expansion() -> None:
    body = "The Tamkeen Relief Agency (TRA) opened two offices. The TRA said more would follow."
    entities = extract_entities(body)
    tra = _find(entities, "TRA")
    assert _find(entities, "Tamkeen Relief Agency") is tra
    assert tra.name == "Tamkeen Relief Agency"
    assert len(tra.mentions) == 3


def test_known_abbreviations_are_case_sensitive() -> None:
    body = "Let us see. The US and the WHO agreed. Who knows what comes next?"
    entities = extract_entities(body)
    assert _find(entities, "US").name == "United States"
    assert _find(entities, "WHO").name == "World Health Organization"
    _absent(entities, "us")
    _absent(entities, "Who")


def test_possessive_is_left_out_of_the_mention() -> None:
    body = "Toqayev’s remarks and Kazakhstan's position were discussed."
    entities = extract_entities(body)
    assert _find(entities, "Toqayev").name == "Kassym-Jomart Tokayev"
    assert _find(entities, "Kazakhstan").kind == "place"


def test_sentence_start_words_are_not_names() -> None:
    body = "However, the delegation left. During the visit, nothing was signed. Still, talks go on."
    assert extract_entities(body) == []


def test_headline_lines_do_not_invent_names() -> None:
    body = "Defense Minister Explains Measures After Recent Findings Of Debris\n\nThe text follows."
    entities = extract_entities(body)
    _absent(entities, "Explains Measures After Recent Findings")


def test_all_caps_dateline_matches_gazetteer() -> None:
    body = "ASTANA. KAZINFORM The government approved the plan."
    entities = extract_entities(body)
    assert _find(entities, "ASTANA").name == "Astana"
    assert _find(entities, "KAZINFORM").kind == "organization"


@pytest.mark.parametrize(
    ("mention", "name", "kind"),
    [
        ("Nur-Sultan", "Astana", "place"),
        ("Zaporozhye", "Zaporizhzhia", "place"),
        ("Kiev", "Kyiv", "place"),
        ("Zelenskyy", "Volodymyr Zelensky", "person"),
        ("Donetsk People's Republic", "Donetsk People's Republic", "place"),
        ("ISIL", "Islamic State", "organization"),
        ("Daesh", "Islamic State", "organization"),
        ("Ukrainian", "Ukraine", "place"),
    ],
)
def test_gazetteer_aliases(mention: str, name: str, kind: str) -> None:
    body = f"Officials mentioned {mention} twice."
    entity = _find(extract_entities(body), mention)
    assert (entity.name, entity.kind) == (name, kind)


def test_user_gazetteer_file_extends_and_overrides(tmp_path: Path) -> None:
    (tmp_path / "mine.yaml").write_text(
        "kind: person\n"
        "entries:\n"
        "  - name: Zhanna Qoishybayeva\n"
        "    aliases: [Qoishybayeva, Жанна Койшибаева]\n"
        "  - {name: Harbour Group, kind: organization, aliases: [HG]}\n"
        "first_names: [Zhanna]\n",
        encoding="utf-8",
    )
    (tmp_path / "broken.yaml").write_text("entries: [{aliases: [x]}]\n", encoding="utf-8")
    gaz = build_gazetteer(tmp_path)
    body = "Койшибаева met the HG board. Koishybayeva said the HG would grow."
    entities = extract_entities(body, gaz)
    person = _find(entities, "Койшибаева")
    assert person.name == "Zhanna Qoishybayeva"
    assert _find(entities, "Koishybayeva") is person
    assert _find(entities, "HG").name == "Harbour Group"


def test_user_gazetteer_dir_from_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from diplomareader.extract import gazetteer

    (tmp_path / "extra.yml").write_text(
        "entries:\n  - {name: Qyzylsai Council, kind: organization, aliases: [QSC]}\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("DIPLOMAREADER_GAZETTEER_DIR", str(tmp_path))
    gazetteer.reload_gazetteer()
    try:
        entity = _find(extract_entities("The QSC met."), "QSC")
        assert entity.name == "Qyzylsai Council"
    finally:
        monkeypatch.delenv("DIPLOMAREADER_GAZETTEER_DIR")
        gazetteer.reload_gazetteer()


def test_empty_and_odd_bodies() -> None:
    assert extract_entities("") == []
    assert extract_entities("   \n\n  ") == []
    assert extract_entities("12 34 !!! ...") == []


def test_acting_states_are_listed_as_organizations() -> None:
    body = (
        "Russia vetoed the draft. Fighting continued in Ukraine. "
        "U.S. officials said Iraq's efforts were welcome."
    )
    entities = extract_entities(body)
    kinds = {(e.name, e.kind) for e in entities}
    assert ("Russia", "organization") in kinds and ("Russia", "place") in kinds
    assert ("Ukraine", "place") in kinds and ("Ukraine", "organization") not in kinds
    us = [e for e in entities if e.name == "United States"]
    assert [e.kind for e in us] == ["organization"]
    assert ("Iraq", "organization") in kinds


def test_nested_country_inside_an_organization() -> None:
    body = "The Kazakh Ministry of Energy and the Embassy of the Republic of Kazakhstan met."
    entities = extract_entities(body)
    assert _find(entities, "Kazakh Ministry of Energy").kind == "organization"
    kazakhstan = _named(entities, "Kazakhstan")
    assert {m.text for m in kazakhstan.mentions} == {"Kazakh", "Republic of Kazakhstan"}
    _check_offsets(body, entities)


def test_title_with_a_place_inside_joins_the_name() -> None:
    body = "Speaking today, Minister for the Middle East Tobias Ellwood said it was vital."
    entities = extract_entities(body)
    ellwood = _find(entities, "Minister for the Middle East Tobias Ellwood")
    assert ellwood.name == "Tobias Ellwood" and ellwood.kind == "person"
    assert _find(entities, "Middle East").kind == "place"


def test_a_title_inside_a_run_cuts_the_organisation_off() -> None:
    body = (
        "Today, Director of the National Economic Council Brian Deese and Secretary of "
        "Transportation Pete Buttigieg met them with Office of Management and Budget "
        "Director Shalanda Okoro."
    )
    entities = extract_entities(body)
    texts = {m.text for e in entities for m in e.mentions}
    assert not any(" and Secretary" in t for t in texts)
    assert _find(entities, "Brian Deese").kind == "person"
    assert _find(entities, "Pete Buttigieg").kind == "person"
    assert _find(entities, "Office of Management and Budget").kind == "organization"
    assert _named(entities, "Shalanda Okoro").kind == "person"


def test_two_roles_joined_by_and_are_not_one_person() -> None:
    body = "The Vice President and Prime Minister Netanyahu discussed the hostages."
    entities = extract_entities(body)
    _absent(entities, "Vice President and Prime Minister")
    assert _find(entities, "Prime Minister Netanyahu").name == "Benjamin Netanyahu"


def test_office_of_a_title_is_an_organisation() -> None:
    entities = extract_entities("He works in the Office of the President of Kazakhstan.")
    assert _find(entities, "Office of the President").kind == "organization"


@pytest.mark.parametrize(
    ("body", "mention", "kind"),
    [
        ('"I do the planting," says Manal, as she empties her bag.', "Manal", "person"),
        ("Petty Officer Dayton, 42, of Woodbridge, died on Thursday.", "Dayton", "person"),
        ("Near Rawah, two strikes engaged a unit.", "Rawah", "place"),
        ("The attacks in Qamenas, Sarmin and Talamenes were condemned.", "Talamenes", "place"),
        ("The attacks in Qamenas, Sarmin and Talamenes were condemned.", "Sarmin", "place"),
    ],
)
def test_cues_around_unknown_single_names(body: str, mention: str, kind: str) -> None:
    entities = extract_entities(body)
    _check_offsets(body, entities)
    assert _find(entities, mention).kind == kind


def test_an_apposition_is_not_a_list() -> None:
    body = "The strike was announced by CJTF-OIR, Dorrian told reporters on Monday."
    entities = extract_entities(body)
    assert all(e.kind != "organization" for e in entities if e.name == "Dorrian")


def test_names_that_fold_alike_are_told_apart_by_spelling() -> None:
    body = "Attacks in Samaria rose. Samarra is in Iraq. The Duma met in Douma. Daraa and Darayya."
    names = {m.text: e.name for e in extract_entities(body) for m in e.mentions}
    assert names["Samaria"] == "Samaria" and names["Samarra"] == "Samarra"
    assert names["Duma"] == "State Duma" and names["Douma"] == "Douma"
    assert names["Daraa"] == "Daraa" and names["Darayya"] == "Darayya"


def test_feature_word_goes_with_the_place_after_it() -> None:
    body = "We thank the Joint Task Force of the Lake Chad Basin Commission for its work."
    entities = extract_entities(body)
    assert _find(entities, "Joint Task Force").kind == "organization"
    assert _find(entities, "Lake Chad Basin Commission").kind == "organization"
    assert _find(entities, "Lake Chad").kind == "place"


def test_adjective_before_a_noun_is_not_placed_by_a_preposition() -> None:
    entities = extract_entities("Tensions rose in the Jewish people's holiday season.")
    _absent(entities, "Jewish")


def test_titles_before_known_people_and_lists_with_titles() -> None:
    body = "Talks between National Security Advisor Sullivan and Director Wang Yi took place."
    entities = extract_entities(body)
    assert _find(entities, "Director Wang Yi").name == "Wang Yi"
    assert _find(entities, "National Security Advisor Sullivan").kind == "person"
    assert all(e.name != "Director" for e in entities)
