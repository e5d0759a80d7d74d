"""Scan the text outside quotes for speech events and titled names.

Speech events ("Tokayev added that ...", "He stressed ...") give quotes without a cue of their
own a speaker to carry over, and give pronouns an antecedent. Titled names ("Kazakh President
Kassym-Jomart Tokayev") let a later "the President" find its person.
"""

from __future__ import annotations

from diplomareader.extract.quote_attrib import Attribution, cue_at, cue_text
from diplomareader.extract.quote_resolve import SpeakerResolver
from diplomareader.extract.quote_speaker import from_run, name_run, speaker_before
from diplomareader.extract.quote_tokens import Token, tokens


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


def _titled(body: str, toks: list[Token], resolver: SpeakerResolver) -> None:
    """Record every capitalised run that names a person with titles."""
    index = 0
    while index < len(toks):
        tok = toks[index]
        ends_run = tok.text[0].isupper() and (
            index + 1 == len(toks) or not toks[index + 1].text[0].isupper()
        )
        if ends_run:
            first = name_run(toks, index)
            if first <= index:
                ref = from_run(body, toks, first, index)
                if ref is not None and ref.kind == "name":
                    resolver.add_name(ref)
                    extra = toks[max(0, first - 3) : first]
                    resolver.add_titled(ref.start, ref, extra)
        index += 1


def scan_speech_events(
    body: str,
    paragraphs: list[tuple[int, int]],
    quotes: list[tuple[int, int]],
    resolver: SpeakerResolver,
) -> list[tuple[int, Attribution]]:
    """Speech events outside quotes, in order; records named speakers and titled names."""
    events: list[tuple[int, Attribution]] = []
    for start, end in _segments(paragraphs, quotes):
        toks = tokens(body, start, end)
        _titled(body, toks, resolver)
        for index in range(1, len(toks)):
            past = cue_at(toks, index, weak=False)
            if past < 0:
                continue
            ref = speaker_before(body, toks, index - 1)
            if ref is None:
                continue
            events.append(
                (toks[index].start, Attribution(ref, cue_text(body, toks, index, past), "event"))
            )
            if ref.kind in ("name", "group"):
                resolver.add_speaker(ref.start, ref)
    return events
