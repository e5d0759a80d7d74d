"""Russian case endings: the stemmer and the extractor reading inflected Cyrillic names."""

from __future__ import annotations

from pathlib import Path

import pytest

from diplomareader.extract.entities import extract_entities
from diplomareader.extract.gazetteer import build_gazetteer
from diplomareader.extract.names import loose_key, name_key, russian_stem, word_key


@pytest.mark.parametrize(
    "forms",
    [
        ["Лавров", "Лаврова", "Лаврову", "Лавровым", "Лаврове"],
        ["Токаев", "Токаева", "Токаеву", "Токаевым", "Токаеве"],
        ["Сергей", "Сергея", "Сергею", "Сергеем", "Сергее"],
        ["Мария", "Марии", "Марию", "Марией"],
        ["Москва", "Москвы", "Москве", "Москву", "Москвой"],
        ["Зеленский", "Зеленского", "Зеленскому", "Зеленским", "Зеленском"],
        ["Захарова", "Захаровой", "Захарову"],
        ["Казахстан", "Казахстана", "Казахстану", "Казахстаном", "Казахстане"],
        ["Нур-Султан", "Нур-Султана", "Нур-Султаном"],
    ],
)
def test_case_forms_share_one_stem(forms: list[str]) -> None:
    assert len({russian_stem(f) for f in forms}) == 1, [russian_stem(f) for f in forms]
    assert len({word_key(f) for f in forms}) == 1


@pytest.mark.parametrize("word", ["Lavrova", "Moskva", "лаврова", "Ким", "ООН", ""])
def test_only_capitalised_cyrillic_words_of_four_letters_or_more_change(word: str) -> None:
    assert russian_stem(word) == word


def test_surname_suffixes_are_kept() -> None:
    assert russian_stem("Лавровым") == "Лавров"
    assert russian_stem("Путиным") == "Путин"
    assert russian_stem("Алиевой") == "Алиев"


def test_name_key_does_not_stem() -> None:
    assert name_key("Лаврова") != name_key("Лавров")
    assert name_key("Токаев") == name_key("Tokayev")


def test_loose_key_matches_romanised_first_names() -> None:
    assert loose_key(word_key("Сергея")) == loose_key(word_key("Sergey"))
    assert loose_key(word_key("Ивана")) == loose_key(word_key("Ivan"))


def test_inflected_forms_of_a_known_person_are_one_entity() -> None:
    body = "Встреча с Лавровым прошла в Москве. Позиция Лаврова известна. Лавров ответил Токаеву."
    entities = extract_entities(body)
    lavrov = [e for e in entities if e.name == "Sergey Lavrov"]
    assert len(lavrov) == 1
    assert {m.text for m in lavrov[0].mentions} == {"Лавровым", "Лаврова", "Лавров"}
    assert {e.name for e in entities} >= {"Moscow", "Kassym-Jomart Tokayev"}


def test_inflected_forms_of_an_unknown_person_group_under_the_nominative() -> None:
    body = "Пупкину вручили награду. Иван Пупкин прибыл. С Пупкиным встретился министр."
    entities = extract_entities(body)
    person = next(e for e in entities if any(m.text == "Пупкину" for m in e.mentions))
    assert person.kind == "person"
    assert person.name == "Иван Пупкин"
    assert {m.text for m in person.mentions} == {"Пупкину", "Иван Пупкин", "Пупкиным"}


def test_inflected_cyrillic_finds_a_latin_alias(tmp_path: Path) -> None:
    (tmp_path / "mine.yaml").write_text(
        "entries:\n  - {name: Zhanna Qoishybayeva, kind: person, aliases: [Qoishybayeva]}\n",
        encoding="utf-8",
    )
    gaz = build_gazetteer(tmp_path)
    entities = extract_entities("Вопрос задали Койшибаевой. Делегация из Москвы прибыла.", gaz)
    names = {e.name for e in entities}
    assert {"Zhanna Qoishybayeva", "Moscow"} <= names
