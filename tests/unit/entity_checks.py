"""Checks shared by the entity tests."""

from __future__ import annotations

from diplomareader.model import Entity


def names(entities: list[Entity]) -> set[tuple[str, str]]:
    """``(name, kind)`` of every entity."""
    return {(e.name, e.kind) for e in entities}


def check_offsets(body: str, entities: list[Entity]) -> None:
    """Every mention indexes the body exactly."""
    for entity in entities:
        for m in entity.mentions:
            assert body[m.start : m.end] == m.text
