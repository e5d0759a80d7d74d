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
from diplomareader.extract.quote_speaker import from_run, name_run, speaker_before
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
_BEFORE_CUE = 120
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
        resolver.add_titled(ref.start, ref, toks[max(0, first - 3) : first])


def _cue_event(body: str, start: int, end: int, pos: int) -> tuple[int, Attribution] | None:
    """The speech event of the cue word at ``pos`` (with its speaker), or None."""
    toks = tokens(body, _window(body, start, pos, _BEFORE_CUE), min(end, pos + 40))
    index = next((i for i, t in enumerate(toks) if t.start == pos), 0)
    if index == 0:
        return None
    past = cue_at(toks, index, weak=False)
    if past < 0:
        return None
    ref = speaker_before(body, toks, index - 1)
    if ref is None:
        return None
    return pos, Attribution(ref, cue_text(body, toks, index, past), "event")


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
            _record_run(body, start, match.start(), match.end(), resolver)
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
