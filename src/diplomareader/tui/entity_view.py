"""The entities of an article as the reader shows them: one entry per canonical name.

The extractor may list one name under two kinds on purpose: a country that acts ("Kazakhstan
voted...") is both a place and an organisation, with overlapping mentions. A reader wants
Kazakhstan once, so the side panel, the entity marks and ``]e``/``[e`` work on merged entries:
same name -> one entity, the kind a reader expects (a place stays a place; otherwise the kind
with more mentions), the union of aliases and of mention spans (a span counted once).
Searching is unaffected: ``entity:"Kazakhstan"`` matches the name whatever the kind.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

from diplomareader.model import Entity, EntityKind, Mention

KIND_ORDER: Final[tuple[EntityKind, ...]] = ("person", "organization", "place")
"""Display order of the kinds (and tie-break between them)."""


def _kind_of(group: Sequence[Entity]) -> EntityKind:
    """The kind shown for entities sharing one name: place when any is, else the most cited."""
    kinds = [e.kind for e in group]
    if "place" in kinds:
        return "place"

    def weight(kind: EntityKind) -> tuple[int, int]:
        """More mentions first, then the display order."""
        mentions = sum(len(e.mentions) for e in group if e.kind == kind)
        order = KIND_ORDER.index(kind) if kind in KIND_ORDER else len(KIND_ORDER)
        return (-mentions, order)

    return min(kinds, key=weight)


def merge_entities(entities: Sequence[Entity]) -> list[Entity]:
    """One entity per canonical name, in the order the names first appear in ``entities``."""
    groups: dict[str, list[Entity]] = {}
    for entity in entities:
        groups.setdefault(entity.name, []).append(entity)
    merged: list[Entity] = []
    for name, group in groups.items():
        if len(group) == 1:
            merged.append(group[0])
            continue
        spans: dict[tuple[int, int], Mention] = {}
        for entity in group:
            for mention in entity.mentions:
                spans.setdefault((mention.start, mention.end), mention)
        aliases = dict.fromkeys(alias for e in group for alias in e.aliases if alias != name)
        merged.append(
            Entity(
                name=name,
                kind=_kind_of(group),
                aliases=tuple(aliases),
                mentions=tuple(spans[key] for key in sorted(spans)),
            )
        )
    return merged
