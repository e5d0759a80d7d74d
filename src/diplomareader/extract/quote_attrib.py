"""Attribute one quote from its context: the cue verb and the speaker phrase around it.

Templates, tried in this order: after the quote (``“…,” said the President``, ``“…,” Tokayev
said``, ``“…,” Aibek Smadyarov, the spokesperson, said``, ``“…” — Murat Nurtleu``, ``“…,”
according to X``); before it in the same sentence (``He said the target was “…”``, ``Lavrov
said: “…”``, ``According to X, “…”``); a colon lead-in ending the paragraph before. Carry-over
from earlier quotes is decided by the caller.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from diplomareader.extract.quote_lexicon import (
    ABBREVIATIONS,
    CUE_PARTICLES,
    CUE_VERBS,
    PRONOUNS,
    WEAK_CUES,
)
from diplomareader.extract.quote_speaker import (
    SpeakerRef,
    Token,
    speaker_after,
    speaker_before,
    tokens,
)

_SENTENCE_END = re.compile(r"([.!?…])[\"”’»)]*\s+(?=[\"“‘«(]?[A-Z0-9])")
_WORD_BEFORE = re.compile(r"([\w.]+)$")
_LEAD = re.compile(r"[\s,]*(?:(—|–|--|-)\s*)?")
_STOP_AFTER_QUOTE = 26
"""How many tokens after a quote can hold its attribution."""


@dataclass(frozen=True)
class Attribution:
    """Who said a quote, and how the attribution was found."""

    speaker: SpeakerRef | None
    cue: str | None
    how: str
    """``after``, ``before``, ``colon``, ``dash``, ``according``; ``carry`` (set by the caller)."""


def sentence_breaks(body: str, start: int, end: int) -> list[int]:
    """Offsets in ``body[start:end]`` where a new sentence starts."""
    breaks = []
    for match in _SENTENCE_END.finditer(body, start, end):
        if match.group(1) == ".":
            word = _WORD_BEFORE.search(body, max(start, match.start() - 20), match.start() + 1)
            if word:
                low = word.group(1).lower().rstrip(".")
                if low in ABBREVIATIONS or (len(low) == 1 and low.isalpha()):
                    continue
        breaks.append(match.end())
    return breaks


def cue_at(toks: list[Token], index: int, weak: bool) -> int:
    """Index just past the cue at ``toks[index]`` (with its particle), or -1 when it is none."""
    low = toks[index].low
    if low not in CUE_VERBS and low != "went":
        return -1
    particles = CUE_PARTICLES.get(low)
    if not weak and low in WEAK_CUES and not particles:
        return -1
    if particles:
        if index + 1 < len(toks) and toks[index + 1].low in particles:
            if low == "went":
                return (
                    index + 3
                    if index + 2 < len(toks) and toks[index + 2].low in ("to", "on")
                    else -1
                )
            return index + 2
        if low in ("point", "points", "pointed", "went"):
            return -1
    if toks[index].capitalised and index > 0 and toks[index - 1].text not in ",;:—–-":
        return -1
    return index + 1


def cue_text(body: str, toks: list[Token], index: int, past: int) -> str:
    """The cue words ``toks[index:past]`` as written."""
    return body[toks[index].start : toks[past - 1].end].rstrip(".")


def after_quote(body: str, close: int, limit: int) -> Attribution | None:
    """An attribution that follows the closing mark at ``close`` (up to ``limit``)."""
    lead = _LEAD.match(body, close + 1, limit)
    start = lead.end() if lead else close + 1
    dash = bool(lead and lead.group(1))
    toks = tokens(body, start, limit)[:_STOP_AFTER_QUOTE]
    if not toks:
        return None
    past = cue_at(toks, 0, weak=False)
    if past > 0:
        ref = speaker_after(body, toks, past)
        if ref is not None:
            return Attribution(ref, cue_text(body, toks, 0, past), "after")
    if toks[0].low == "according" and len(toks) > 2 and toks[1].low == "to":
        ref = speaker_after(body, toks, 2)
        if ref is not None:
            return Attribution(ref, "according to", "according")
    for index, tok in enumerate(toks[:16]):
        if tok.text in ";:":
            break
        past = cue_at(toks, index, weak=False) if index else -1
        if past < 0:
            if tok.final:
                break
            continue
        ref = speaker_before(body, toks[:index], index - 1)
        if ref is not None and _covers(body, start, ref, toks[:index]):
            return Attribution(ref, cue_text(body, toks, index, past), "after")
        break
    if dash:
        ref = speaker_after(body, toks, 0)
        if ref is not None and ref.kind == "name":
            return Attribution(ref, None, "dash")
    return None


def _covers(body: str, start: int, ref: SpeakerRef, toks: list[Token]) -> bool:
    """True when only the speaker phrase (and its titles) stands between the quote and the cue."""
    before = [t for t in toks if t.end <= ref.start]
    if len(before) > 7:
        return False
    return all(
        t.text in "—–-"
        or (t.text not in ",;:()" and t.low not in CUE_VERBS and t.low not in PRONOUNS)
        for t in before
    )


def before_quote(body: str, lo: int, open_pos: int) -> Attribution | None:
    """An attribution in the same sentence before the opening mark at ``open_pos``."""
    toks = tokens(body, lo, open_pos)
    if not toks:
        return None
    if len(toks) >= 3:
        for index in range(len(toks) - 2, -1, -1):
            if toks[index].low == "according" and toks[index + 1].low == "to":
                ref = speaker_after(body, toks, index + 2)
                if ref is not None and len(toks) - index <= 10:
                    return Attribution(ref, "according to", "according")
                break
    for index in range(len(toks) - 1, -1, -1):
        past = cue_at(toks, index, weak=True)
        if past < 0:
            continue
        ref = speaker_before(body, toks, index - 1) if index else None
        if ref is not None:
            return Attribution(ref, cue_text(body, toks, index, past), "before")
        ref = speaker_after(body, toks, past)
        if ref is not None and (past >= len(toks) or _ends_clause(toks, ref)):
            return Attribution(ref, cue_text(body, toks, index, past), "before")
    return None


def _ends_clause(toks: list[Token], ref: SpeakerRef) -> bool:
    """True when the inverted speaker is followed only by punctuation before the quote."""
    rest = [t for t in toks if t.start >= ref.end]
    return all(t.text in ",:;—–-" for t in rest)


def colon_lead_in(body: str, start: int, end: int) -> Attribution | None:
    """``S cue:`` / ``cue S:`` ending ``body[start:end]`` (a paragraph ending with a colon)."""
    colon = end - 1
    while colon >= start and body[colon].isspace():
        colon -= 1
    if colon < start or body[colon] != ":":
        return None
    breaks = [b for b in sentence_breaks(body, start, colon) if b < colon]
    lo = breaks[-1] if breaks else start
    return before_quote(body, lo, colon)
