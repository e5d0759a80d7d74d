"""Cue words in context: the attribution record, sentence breaks, and whether a word is a cue.

``cue_at`` decides whether a token is a speech verb here ("said", "pointed out", "went on to
say") rather than a noun ("his home state") or an infinitive; ``sentence_breaks`` finds sentence
starts without being fooled by abbreviations ("Sen.", "U.S.").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from diplomareader.extract.quote_lexicon import (
    AUX_WORDS,
    CUE_PARTICLES,
    CUE_VERBS,
    GROUP_NOUNS,
    NOUN_LIKE_CUES,
    PRONOUNS,
    ROLE_NOUNS,
    TITLES,
    WEAK_CUES,
)
from diplomareader.extract.quote_tokens import SpeakerRef, Token, is_abbreviation

_SENTENCE_END = re.compile(r"([.!?…])[\"”’»)]*\s+(?=[\"“‘«(]?[A-Z0-9])")
_WORD_BEFORE = re.compile(r"([\w.]+)$")
_NOUN_BEFORE = frozenset({"the", "a", "an", "this", "that", "his", "her", "its", "their", "our"})
_NEEDS_PARTICLE = frozenset(
    {"point", "points", "pointed", "went", "shot", "fired", "hit", "put", "puts"}
)


@dataclass(frozen=True)
class Attribution:
    """Who said a quote, and how the attribution was found."""

    speaker: SpeakerRef | None
    cue: str | None
    how: str
    """``after``, ``before``, ``colon``, ``dash``, ``according``, ``participle``, ``subject``,
    ``carry``."""


def sentence_breaks(body: str, start: int, end: int) -> list[int]:
    """Offsets in ``body[start:end]`` where a new sentence starts."""
    breaks = []
    for match in _SENTENCE_END.finditer(body, start, end):
        if match.group(1) == ".":
            word = _WORD_BEFORE.search(body, max(start, match.start() - 20), match.start() + 1)
            if word and is_abbreviation(word.group(1)):
                continue
        breaks.append(match.end())
    return breaks


def cue_at(toks: list[Token], index: int, weak: bool) -> int:
    """Index just past the cue at ``toks[index]`` (with its particle), or -1 when it is none."""
    low = toks[index].low
    if low not in CUE_VERBS and low not in CUE_PARTICLES:
        return -1
    if index and (toks[index - 1].possessive or toks[index - 1].low in _NOUN_BEFORE):
        return -1
    if index and toks[index - 1].low == "to" and low not in CUE_PARTICLES:
        return -1
    if low in NOUN_LIKE_CUES and not _verb_use(toks, index):
        return -1
    if low.startswith("continu") and index + 1 < len(toks) and toks[index + 1].low == "to":
        return -1
    particles = CUE_PARTICLES.get(low)
    if not weak and low in WEAK_CUES and not particles:
        return -1
    if particles:
        if index + 1 < len(toks) and toks[index + 1].low in particles:
            if low == "went":
                if index + 2 < len(toks) and toks[index + 2].low == "to":
                    has_cue = index + 3 < len(toks) and toks[index + 3].low in CUE_VERBS
                    return index + 4 if has_cue else -1
                if index + 2 < len(toks) and toks[index + 2].low in ("with", "for"):
                    return -1
            return index + 2
        if low in _NEEDS_PARTICLE:
            return -1
    if toks[index].capitalised and index > 0 and toks[index - 1].text not in ",;:—–-":
        return -1
    return index + 1


def _verb_use(toks: list[Token], index: int) -> bool:
    """Whether a cue that is also a noun ("state", "call") is used as a verb here."""
    if index + 1 < len(toks) and toks[index + 1].low in ("that", ",", ":"):
        return True
    if index == 0:
        return False
    prev = toks[index - 1]
    if prev.low in PRONOUNS or prev.low in AUX_WORDS:
        return True
    if prev.capitalised:
        run = index - 1
        while run > 0 and toks[run - 1].capitalised:
            run -= 1
        if run > 0 and toks[run - 1].low in ("a", "an", "another"):
            return False  # "posted a Twitter comment": a noun after "a" and a name
        return prev.bare not in TITLES and not prev.text[0].isdigit()
    return prev.bare in ROLE_NOUNS or prev.bare in GROUP_NOUNS


def cue_text(body: str, toks: list[Token], index: int, past: int) -> str:
    """The cue words ``toks[index:past]`` as written."""
    return body[toks[index].start : toks[past - 1].end].rstrip(".")
