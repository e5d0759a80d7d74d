"""name_key: one key for the transliterations and spellings of the same name."""

from __future__ import annotations

import pytest

from diplomareader.extract.names import name_key


@pytest.mark.parametrize(
    "variants",
    [
        ["Tokayev", "Toqayev", "Tokaev", "Токаев", "Тоқаев", "TOKAYEV", "Toqayev’s", "Tokayev's"],
        [
            "Kassym-Jomart Tokayev",
            "Qasym-Jomart Toqayev",
            "Касым-Жомарт Токаев",
            "Kassym Jomart Tokayev",
        ],
        ["Kassym-Jomart", "Qasym-Jomart", "Kasym-Zhomart"],
        ["Nur-Sultan", "Нур-Султан", "Nur Sultan", "Nour-Soultan"],
        ["Zelensky", "Zelenskyy", "Zelenskiy", "Зеленський", "Зеленский"],
        ["Lavrov", "Лавров"],
        ["Sergey", "Sergei", "Сергей"],
        ["Nazarbayev", "Назарбаев", "Nazarbaev"],
        ["Smadyarov", "Смадьяров"],
        ["Zaporozhye", "Zaporozhe"],
    ],
)
def test_variants_share_one_key(variants: list[str]) -> None:
    keys = {name_key(v) for v in variants}
    assert len(keys) == 1, keys


@pytest.mark.parametrize(
    ("a", "b"),
    [("Tokayev", "Tolkunov"), ("Lavrov", "Lavrentiev"), ("Putin", "Patin"), ("Iran", "Iraq")],
)
def test_different_names_differ(a: str, b: str) -> None:
    assert name_key(a) != name_key(b)


def test_key_shape() -> None:
    assert name_key("Kassym-Jomart Tokayev") == "kasim jomart tokaev"
    assert name_key("  Tokayev  ") == "tokaev"
    assert name_key("") == ""
    assert name_key("!!! 2022") == ""
