"""States acting in the text: "Russia vetoed", "the UK condemns", "U.S. support", "Iraq's efforts".

A country (or a capital standing for its government) that is the subject of a verb of action or
saying, that owns something ("Iraq's efforts"), or whose abbreviation qualifies a noun
("U.S. officials") stands for the state acting, not for the territory. Such mentions are listed
under an organisation with the same canonical name, so that the article's actors show among its
organisations; a subject or owner keeps its place mention too, an abbreviation used as an
adjective is only the actor.
"""

from __future__ import annotations

import re
from typing import Final

from diplomareader.extract.entities_candidate import Candidate
from diplomareader.extract.entities_words import AFTER_NOUN, words_of
from diplomareader.model import Entity, Mention

_AUXILIARIES: Final = words_of(
    "has have had will would is was must should can cannot could may might does did shall "
    "remains continues stands also strongly fully firmly again"
)
_NEXT_WORD: Final = re.compile(r"[ \u00a0]+([a-z]+)")


def _next_word(body: str, cand: Candidate) -> str:
    m = _NEXT_WORD.match(body, cand.end)
    return m.group(1) if m else ""


def acting(body: str, cands: list[Candidate], verbs: frozenset[str]) -> tuple[set[int], set[int]]:
    """Indices of place candidates that act (kept as places too) and that qualify a noun."""
    subjects: set[int] = set()
    qualifiers: set[int] = set()
    for n, cand in enumerate(cands):
        if cand.entry is None or cand.entry.kind != "place" or cand.adjective or cand.nested:
            continue
        word = _next_word(body, cand)
        if body[cand.end : cand.end + 2] in ("'s", "’s") or word in verbs or word in _AUXILIARIES:
            subjects.add(n)
        elif (
            word
            and word not in AFTER_NOUN
            and cand.text.replace(".", "").isupper()
            and len(cand.keys) <= 2
        ):
            qualifiers.add(n)
    return subjects, qualifiers


def actor_entities(cands: list[Candidate], chosen: set[int], taken: set[str]) -> list[Entity]:
    """Organisation entities (canonical name of the place) for the acting candidates."""
    by_name: dict[str, list[Mention]] = {}
    for n in sorted(chosen):
        cand = cands[n]
        if cand.entry is not None and cand.entry.name not in taken:
            by_name.setdefault(cand.entry.name, []).append(Mention(cand.text, cand.start, cand.end))
    return [
        Entity(
            name=name,
            kind="organization",
            aliases=tuple(sorted({m.text for m in mentions} - {name})),
            mentions=tuple(mentions),
        )
        for name, mentions in by_name.items()
    ]
