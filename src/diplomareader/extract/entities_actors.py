"""States acting in the text: "Russia vetoed", "the UK condemns", "U.S. support", "Iraq's efforts".

A country that is the subject of a verb of action or saying, that owns something ("Iraq's
efforts"), or whose abbreviation qualifies a noun ("U.S. officials") stands for the state acting,
not for the territory. Such mentions are listed under an organisation with the same canonical name,
so that the article's actors show among its organisations; a subject or owner keeps its place
mention too, an abbreviation used as an adjective is only the actor, and so are the people of a
country ("Syrians", "the Kurds").
"""

from __future__ import annotations

import re
from typing import Final

from diplomareader.extract.entities_candidate import Candidate
from diplomareader.extract.entities_words import AFTER_NOUN, words_of
from diplomareader.model import Entity, Mention

_MODALS: Final = words_of("will would must should can cannot could may might shall")
_HAVE_BE: Final = words_of("has have had is are was were")
_ADVERBS: Final = words_of(
    "also strongly fully firmly again not already always never now still further deeply "
    "continues remains stands"
)
_STANCES: Final = words_of(
    "committed determined ready prepared concerned proud grateful pleased resolved united "
    "opposed willing"
)
"""Words after "is"/"are" that state a position: "the UK is committed", "Iraq is ready"."""
_JOINER: Final = re.compile(r"(?:,| and|, and|,? as well as)(?: the)? ")
"""What separates coordinated names: "Russia and Turkey", "Iran, Iraq, and the UAE"."""
_ROLE_BEFORE: Final = re.compile(
    r"(?:\b(?:our|an?|the|key|close) (?:ally|allies|partner|partners)|"
    r"\b[a-z]+ed by(?: the)?|\bsupport (?:from|of)(?: the)?) $"
)
"""Words before a country that make it an actor: "our ally Turkey", "announced by Russia"."""
_NEXT_WORDS: Final = re.compile(r"[ \u00a0]+([a-z]+)(?:[ \u00a0]+([a-z]+))?(?:[ \u00a0]+([a-z]+))?")


def _next_words(body: str, cand: Candidate) -> list[str]:
    m = _NEXT_WORDS.match(body, cand.end)
    return [w for w in m.groups() if w] if m else []


def _acts(words: list[str], verbs: frozenset[str]) -> bool:
    """The words after a country make it the subject of an action or a stance.

    "Russia vetoed", "Russia has vetoed", "Russia will continue", "the UK is committed",
    "Iraq is working", not "Palmyra is a tragedy" nor "Aleppo has been reduced".
    """
    if not words:
        return False
    first, rest = words[0], words[1:]
    if first in verbs:
        return True
    if first not in _MODALS and first not in _HAVE_BE:
        return False
    while rest and rest[0] in _ADVERBS:
        rest = rest[1:]
    if not rest:
        return False
    nxt = rest[0]
    if first in _MODALS:
        return nxt not in ("be", "have")
    if first in ("has", "have", "had"):
        return nxt != "been" and (nxt in verbs or nxt.endswith(("ed", "en")))
    return nxt.endswith("ing") or nxt in _STANCES


def acting(body: str, cands: list[Candidate], verbs: frozenset[str]) -> tuple[set[int], set[int]]:
    """Indices of place candidates that act (kept as places too) and that stand for the state.

    Only places with adjectives (countries and regions) act; "Damascus" or "Mosul" do not. The
    people of a country ("Syrians") and an abbreviation used as an adjective ("U.S. officials")
    stand for the state only.
    """
    subjects: set[int] = set()
    qualifiers: set[int] = set()
    states: list[int] = []
    for n, cand in enumerate(cands):
        entry = cand.entry
        if entry is None or entry.kind != "place" or cand.adjective:
            continue
        if cand.people:
            qualifiers.add(n)
            continue
        abbreviation = cand.text.replace(".", "").isupper() and len(cand.keys) <= 2
        if cand.nested and abbreviation:
            qualifiers.add(n)  # "U.S. officials": the state, not the territory
            continue
        if cand.nested or cand.link is not None or not entry.adjectives:
            continue
        states.append(n)
        words = _next_words(body, cand)
        if (
            body[cand.end : cand.end + 2] in ("'s", "’s")
            or _acts(words, verbs)
            or _ROLE_BEFORE.search(body, max(0, cand.start - 30), cand.start)
        ):
            subjects.add(n)
        elif (
            words
            and words[0] not in AFTER_NOUN
            and cand.text.replace(".", "").isupper()
            and len(cand.keys) <= 2
        ):
            qualifiers.add(n)
    _coordinated(body, cands, states, subjects)
    return subjects, qualifiers


def _coordinated(body: str, cands: list[Candidate], states: list[int], subjects: set[int]) -> None:
    """States joined by "and" or commas act together: "Russia and Turkey announced" makes both
    actors, and so does "between the United States and Iraq"."""
    states = sorted(states, key=lambda n: cands[n].start)
    groups: list[list[int]] = []
    for n in states:
        if groups and _JOINER.fullmatch(body[cands[groups[-1][-1]].end : cands[n].start]):
            groups[-1].append(n)
        else:
            groups.append([n])
    for group in groups:
        if len(group) < 2:
            continue
        first = cands[group[0]]
        between = (
            body[max(0, first.start - 12) : first.start]
            .rstrip()
            .endswith(("between", "between the"))
        )
        if between or any(n in subjects for n in group):
            subjects.update(group)


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
