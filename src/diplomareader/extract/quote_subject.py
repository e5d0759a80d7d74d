"""The subject of a sentence, for quotes embedded in it without a cue of their own.

"Hollande denounced Trump’s remarks as “hurtful and humiliating”": the quote belongs to the
sentence's subject. The subject is a name (with titles, a parenthetical or an apposition), a
pronoun or a role phrase at the start of the sentence, after an introductory phrase ("On
Monday, ..."), directly followed by a verb.
"""

from __future__ import annotations

import re

from diplomareader.extract.quote_lexicon import (
    AUX_WORDS,
    CUE_VERBS,
    DETERMINERS,
    GROUP_NOUNS,
    IRREGULAR_PAST,
    LEADING_STOPWORDS,
    NAME_CONNECTORS,
    NAME_PARTICLES,
    NOT_NAMES,
    NOT_VERBS,
    PREPOSITIONS,
    PRONOUNS,
    ROLE_NOUNS,
    TITLES,
)
from diplomareader.extract.quote_speaker import speaker_before
from diplomareader.extract.quote_tokens import SpeakerRef, Token, tokens


def _skip_intro(toks: list[Token]) -> int:
    """Index where the subject may start, past "On Monday," / "But" / "In a statement, ..."."""
    if not toks:
        return 0
    first = toks[0].low
    timed = len(toks) > 2 and toks[1].low in ("later", "earlier", "ago", "after")
    if timed or first in PREPOSITIONS or (first in LEADING_STOPWORDS and first not in DETERMINERS):
        for index, tok in enumerate(toks[:24]):
            if tok.text == ",":
                return _past_state(toks, index)
        return 1
    return 0


_PLACE_PREPOSITIONS = frozenset({"in", "at", "from", "near", "outside"})
"""Words before a town in an introductory phrase ("Speaking in Salem, New Hampshire, …")."""


def _past_state(toks: list[Token], comma: int) -> int:
    """Where the subject may start after the intro's ``comma``: past the state of a "in Salem,
    New Hampshire," ending (a capitalised place after a place and before another comma)."""
    start = comma + 1
    place = toks[comma - 1] if comma >= 2 else None
    if place is None or not place.capitalised or place.bare in NOT_NAMES:
        return start
    if toks[comma - 2].low not in _PLACE_PREPOSITIONS:
        return start
    index = start
    while index < len(toks) and index - start < 4 and toks[index].capitalised:
        index += 1
    if start < index < len(toks) and toks[index].text == "," and index - start <= 3:
        return index + 1
    return start


def _in_phrase(tok: Token) -> bool:
    """A token that can sit inside a subject noun phrase."""
    if tok.capitalised or tok.possessive or tok.low in DETERMINERS:
        return True
    return (
        tok.bare in TITLES
        or tok.bare in ROLE_NOUNS
        or tok.bare in GROUP_NOUNS
        or tok.low in NAME_PARTICLES
        or (tok.low in NAME_CONNECTORS and tok.low != "and")
    )


def _verb_like(tok: Token) -> bool:
    """A lower-case word that can follow a subject: an auxiliary, a cue or an inflected verb."""
    low = tok.low
    if tok.capitalised or low in PREPOSITIONS or low in ("and", "or", "who", "which", "that"):
        return False
    if "n't" in low or "n’t" in low:
        return True
    if low in AUX_WORDS or low in CUE_VERBS or low in IRREGULAR_PAST:
        return True
    if low in NOT_VERBS:
        return False
    return low.endswith(("ed", "s")) or low.endswith("ly")


def sentence_subject(body: str, start: int, end: int) -> SpeakerRef | None:
    """The subject of the sentence ``body[start:end]`` when a verb follows it, else None."""
    toks = tokens(body, start, end, most=60)
    begin = _skip_intro(toks)
    if begin >= len(toks):
        return None
    if toks[begin].low in PRONOUNS and begin + 1 < len(toks) and _verb_like(toks[begin + 1]):
        tok = toks[begin]
        return SpeakerRef("pronoun", tok.text, tok.start, tok.end, PRONOUNS[tok.low])
    index = begin
    last = -1
    while index < len(toks) and index - begin < 12:
        tok = toks[index]
        if tok.text == "(":
            while index < len(toks) and toks[index].text != ")":
                index += 1
            index += 1
            continue
        if tok.text == "," and last >= begin:
            index += 1
            while index < len(toks) and toks[index].text != "," and index - begin < 30:
                index += 1
            index += 1
            break
        if not _in_phrase(tok) or tok.final:
            if tok.final and _in_phrase(tok):
                return None
            break
        last = index
        index += 1
    if last < begin or index >= len(toks) or not _verb_like(toks[index]):
        return None
    ref = speaker_before(body, toks[begin : last + 1], last - begin, depth=1)
    if ref is None or ref.kind == "pronoun":
        return None
    if begin == 0 and last == 0 and ref.kind == "name" and not _named_elsewhere(body, ref):
        return None  # "Talk compared to …": a capitalised first word, not a known name
    return ref


def _named_elsewhere(body: str, ref: SpeakerRef) -> bool:
    """True when the word of ``ref`` is capitalised somewhere not at a sentence start."""
    pattern = re.compile(rf"[\w,;] {re.escape(ref.mention)}\b")
    return pattern.search(body) is not None
