"""Scan the text outside quotes for speech events and titled names.

Speech events ("Tokayev added that ...", "He stressed ...") give quotes without a cue of their
own a speaker to carry over, and give pronouns an antecedent. Titled names ("Kazakh President
Kassym-Jomart Tokayev") let a later "the President" find its person.
"""

from __future__ import annotations

import re

from diplomareader.extract.quote_cues import Attribution, cue_at, cue_text
from diplomareader.extract.quote_lexicon import CUE_PARTICLES, CUE_VERBS, TITLES
from diplomareader.extract.quote_resolve import SpeakerResolver
from diplomareader.extract.quote_speaker import from_run, name_run, passive_agent, speaker_before
from diplomareader.extract.quote_tokens import tokens


def _segments(
    paragraphs: list[tuple[int, int]], quotes: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """Ranges of the paragraphs outside the quoted ranges (marks included in the quotes)."""
    segments: list[tuple[int, int]] = []
    ordered = sorted(quotes)
    index = 0
    for p_start, p_end in paragraphs:
        pos = p_start
        while index < len(ordered) and ordered[index][1] < p_start:
            index += 1
        scan = index
        while scan < len(ordered) and ordered[scan][0] <= p_end:
            q_start, q_end = ordered[scan]
            if q_start - 1 > pos:
                segments.append((pos, q_start - 1))
            pos = max(pos, q_end + 1)
            scan += 1
        if pos < p_end:
            segments.append((pos, p_end))
    return segments


_CAP = r"[A-Z][\w’'\-]*\.?"
_PARTICLE = r"(?:(?:de|da|del|der|van|von|bin|al|el|la|le|of|the)\s+)*"
_RUN = re.compile(rf"{_CAP}(?:\s+{_PARTICLE}{_CAP})+")
_WORD = re.compile(r"[^\W\d_][\w’'\-]*")
_CUE_WORDS = CUE_VERBS | frozenset(CUE_PARTICLES)
_TITLE_WORDS = frozenset(t for t in TITLES if t.isalpha())
_NEAR_CUE = 90
"""How far before a cue its speaker is looked for first (characters)."""
_BEFORE_CUE = 220
"""How far before a cue its speaker phrase may start (characters)."""


def _window(body: str, start: int, pos: int, reach: int) -> int:
    """A window start ``reach`` characters before ``pos``, snapped to a word boundary."""
    lo = max(start, pos - reach)
    if lo > start:
        space = body.find(" ", lo, pos)
        lo = space + 1 if space >= 0 else pos
    return lo


def _record_run(
    body: str, start: int, run_start: int, run_end: int, resolver: SpeakerResolver
) -> None:
    """Record the capitalised run ``body[run_start:run_end]`` if it names a person."""
    toks = tokens(body, _window(body, start, run_start, 40), run_end)
    last = len(toks) - 1
    first = name_run(toks, last)
    if first > last:
        return
    ref = from_run(body, toks, first, last)
    if ref is not None and ref.kind == "name":
        before = toks[max(0, first - 3) : first]
        while before and any(t.final or t.text in ".;:" for t in before):
            before = before[1:]
        resolver.add_titled(ref.start, ref, before)


def _cue_event(body: str, start: int, end: int, pos: int) -> tuple[int, Attribution] | None:
    """The speech event of the cue word at ``pos`` (with its speaker), or None.

    The words before the cue are read in a short window first; a long one only when the short
    one ends inside an apposition or a role ("X, then the Deputy Secretary of …, said").
    """
    event, longer = _cue_event_within(body, start, end, pos, _NEAR_CUE)
    if not longer or pos - start <= _NEAR_CUE:
        return event
    return _cue_event_within(body, start, end, pos, _BEFORE_CUE)[0] or event


def _cue_event_within(
    body: str, start: int, end: int, pos: int, reach: int
) -> tuple[tuple[int, Attribution] | None, bool]:
    """:func:`_cue_event` looking ``reach`` characters back; and whether further could help."""
    toks = tokens(body, _window(body, start, pos, reach), min(end, pos + 50))
    index = next((i for i, t in enumerate(toks) if t.start == pos), 0)
    if index == 0:
        return None, True
    past = cue_at(toks, index, weak=False)
    if past < 0:
        return None, False
    ref = passive_agent(body, toks, index, past) or speaker_before(body, toks, index - 1)
    if ref is None or (toks[index].low.startswith("quot") and ref.name in ("i", "we")):
        return None, ref is None and toks[index - 1].text in ",—–-)"
    event = pos, Attribution(ref, cue_text(body, toks, index, past), "event")
    return event, ref.kind not in ("name", "pronoun")


def scan_speech_events(
    body: str,
    paragraphs: list[tuple[int, int]],
    quotes: list[tuple[int, int]],
    resolver: SpeakerResolver,
) -> list[tuple[int, Attribution]]:
    """Speech events outside quotes, in order; records named speakers and titled names."""
    events: list[tuple[int, Attribution]] = []
    for start, end in _segments(paragraphs, quotes):
        for match in _RUN.finditer(body, start, end):
            piece = match.start()
            if ". " in match.group():  # "… Secretary-General António Guterres. This Pact …"
                for tok in tokens(body, match.start(), match.end()):
                    if tok.final:
                        _record_run(body, start, piece, tok.end, resolver)
                        piece = tok.end + 1
            if piece < match.end():
                _record_run(body, start, piece, match.end(), resolver)
        titled_next = False
        for match in _WORD.finditer(body, start, end):
            word = match.group()
            if titled_next and word[0].isupper():
                _record_run(body, start, match.start(), match.end(), resolver)
            low = word.lower()
            titled_next = low in _TITLE_WORDS and not word[0].isupper()
            if low not in _CUE_WORDS:
                continue
            event = _cue_event(body, start, end, match.start())
            if event is not None:
                events.append(event)
                ref = event[1].speaker
                if ref is not None and ref.kind in ("name", "group"):
                    resolver.add_speaker(ref.start, ref)
    return events
