"""Direct quotes with their speakers: ``extract_quotes(body, entities)``.

The body is cleaned text, paragraphs separated by one blank line. Steps: find the spans between
quotation marks (``quote_marks``), add colon-introduced block quotes without marks, attribute each
quote from its context (``quote_attrib``), carry a speaker over to quotes with no cue of their
own, resolve pronouns and roles and map names to entity canonical names (``quote_resolve``), and
drop scare quotes and titles of works. Pure string work: no model, no network.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass

from diplomareader.extract.quote_attrib import after_quote, before_quote, colon_lead_in
from diplomareader.extract.quote_cues import Attribution, sentence_breaks
from diplomareader.extract.quote_filters import is_not_a_quote
from diplomareader.extract.quote_marks import QuotedSpan, find_quoted_spans, paragraph_spans
from diplomareader.extract.quote_resolve import SpeakerResolver
from diplomareader.extract.quote_scan import scan_speech_events
from diplomareader.extract.quote_subject import sentence_subject
from diplomareader.extract.quote_tokens import SpeakerRef
from diplomareader.model import Entity, Quote

_TRIM = " \t\n,;:—–-"
_LIST_ITEM = re.compile(r"(?:[-*•·–—]|\d{1,3}[.)])\s")
"""A list item ("- Rep. X", "1. Name"): never a block quote, whatever heading precedes it."""


@dataclass
class _Candidate:
    """A quote being attributed: its span, paragraph and attribution so far."""

    span: QuotedSpan
    para: int
    attribution: Attribution | None = None
    sentence: int = -1
    """Start of the quote's sentence."""


def _trim(body: str, start: int, end: int) -> tuple[int, int]:
    """Shrink ``[start, end)`` past surrounding spaces and trailing commas."""
    while start < end and body[start] in " \t\n":
        start += 1
    while end > start and body[end - 1] in _TRIM:
        end -= 1
    return start, end


def _paragraph_of(paragraphs: list[tuple[int, int]], pos: int) -> int:
    """Index of the paragraph holding ``pos``."""
    lo, hi = 0, len(paragraphs) - 1
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if paragraphs[mid][0] <= pos:
            lo = mid
        else:
            hi = mid - 1
    return lo


def _block_quotes(
    body: str, paragraphs: list[tuple[int, int]], spans: list[QuotedSpan]
) -> list[_Candidate]:
    """Paragraphs without marks introduced by a colon lead-in ("Tokayev had said:")."""
    quoted = {  # every paragraph a quote covers (one may run on from the paragraph before)
        n
        for s in spans
        for n in range(
            _paragraph_of(paragraphs, s.start),
            _paragraph_of(paragraphs, max(s.start, s.end - 1)) + 1,
        )
    }
    found = []
    for index in range(1, len(paragraphs)):
        start, end = paragraphs[index]
        if index in quoted or body[start] in "\"“„«'‘" or _LIST_ITEM.match(body, start, end):
            continue
        attribution = colon_lead_in(body, *paragraphs[index - 1])
        if attribution is None or attribution.speaker is None or attribution.cue is None:
            continue
        span = QuotedSpan(start, end, "", True)
        found.append(
            _Candidate(span, index, Attribution(attribution.speaker, attribution.cue, "colon"))
        )
    return found


def _attribute(body: str, paragraphs: list[tuple[int, int]], cands: list[_Candidate]) -> None:
    """Attribute each candidate from its own sentence, or from a colon lead-in before it."""
    by_end = sorted((c.span.end, c.span.start) for c in cands)
    for index, cand in enumerate(cands):
        if cand.attribution is not None:
            continue
        span = cand.span
        p_start, p_end = paragraphs[cand.para]
        open_pos = span.start - 1
        prev = cands[index - 1] if index else None
        lo = p_start
        if prev is not None and prev.span.end >= p_start:
            lo = prev.span.end + 1
        breaks = [b for b in sentence_breaks(body, lo, open_pos) if b <= open_pos]
        left = breaks[-1] if breaks else lo
        nxt = cands[index + 1] if index + 1 < len(cands) else None
        p_last = paragraphs[_paragraph_of(paragraphs, span.end)][1]
        limit = min(p_last, nxt.span.start - 1 if nxt and nxt.span.start < p_last else p_last)
        after = span.end + 1 if span.closed else span.end
        right = sentence_breaks(body, after, limit)
        if right:
            limit = right[0]
        attribution = None
        if after < limit:
            attribution = after_quote(body, span.end, limit)
        elif span.closed and after >= p_last:
            attribution = _byline_below(body, paragraphs, cand.para + span.paragraphs - 1)
        if attribution is None and left < open_pos:
            attribution = before_quote(body, left, open_pos)
        if attribution is None and not body[p_start:open_pos].strip() and cand.para:
            attribution = colon_lead_in(body, *paragraphs[cand.para - 1])
            if attribution is not None:
                attribution = Attribution(attribution.speaker, attribution.cue, "colon")
        cand.sentence = _sentence_start(body, p_start, open_pos, by_end)
        cand.attribution = attribution
    _share_forward(cands)
    for index, cand in enumerate(cands):
        att = cand.attribution
        if att is None or (att.speaker is None and att.how != "unresolved"):
            prev = cands[index - 1] if index else None
            cand.attribution = _from_sentence(body, cand.sentence, cand.span.start - 1, prev, att)


def _byline_below(body: str, paragraphs: list[tuple[int, int]], para: int) -> Attribution | None:
    """A quote closing its paragraph, then a one-line "- Bernie Sanders." paragraph under it."""
    if para + 1 >= len(paragraphs):
        return None
    start, end = paragraphs[para + 1]
    if body[start] not in "-—–―" or end - start > 80:
        return None
    attribution = after_quote(body, start - 1, end)
    if attribution is None or attribution.how != "dash":
        return None
    return attribution


_LOOK_BACK = 2000
"""How far back a sentence start is looked for: further, a paragraph of many quotes took time
quadratic in their number (minutes for a few thousand)."""


def _sentence_start(body: str, p_start: int, open_pos: int, by_end: list[tuple[int, int]]) -> int:
    """Start of the sentence holding ``open_pos`` (sentence ends inside quotes do not count).

    ``by_end`` holds ``(end, start)`` of every candidate, sorted."""
    lo = max(p_start, open_pos - _LOOK_BACK)
    first = bisect_left(by_end, (lo, -1))
    inside = by_end[first : bisect_left(by_end, (open_pos, -1), first)]
    for brk in reversed(sentence_breaks(body, lo, open_pos)):
        if brk > lo and not any(s <= brk <= e + 1 for e, s in inside):
            return brk
    return p_start


def _from_sentence(
    body: str, sentence: int, open_pos: int, prev: _Candidate | None, att: Attribution | None
) -> Attribution | None:
    """A quote with no speaker of its own: the same sentence's earlier quote, or its subject."""
    cue = att.cue if att else None
    prev_att = prev.attribution if prev is not None else None
    if prev is not None and prev.span.end >= sentence and prev_att and prev_att.speaker:
        return Attribution(prev_att.speaker, cue or prev_att.cue, "carry")
    if body[sentence:open_pos].strip():
        ref = sentence_subject(body, sentence, open_pos)
        if ref is not None:
            return Attribution(ref, cue, "subject")
    return att


def _share_forward(cands: list[_Candidate]) -> None:
    """ "“A” and “B,” he said": a quote without a speaker takes the next one in its sentence."""
    for index in range(len(cands) - 2, -1, -1):
        cand, nxt = cands[index], cands[index + 1]
        if cand.attribution is not None or nxt.attribution is None:
            continue
        if nxt.sentence <= cand.span.start and nxt.attribution.how == "after":
            cand.attribution = Attribution(nxt.attribution.speaker, nxt.attribution.cue, "carry")


def _carry_over(
    body: str,
    cands: list[_Candidate],
    events: list[tuple[int, Attribution]],
    paragraphs: list[tuple[int, int]],
) -> None:
    """Give quotes with no cue the speaker of the last speech event in the last two paragraphs."""
    previous: _Candidate | None = None
    for cand in cands:
        prev, previous = previous, cand
        att = cand.attribution
        if att is not None and (att.speaker is not None or att.how == "unresolved"):
            continue
        prev_att = prev.attribution if prev is not None else None
        if prev is not None and prev.para == cand.para and prev_att and prev_att.speaker:
            cue = att.cue if att else prev_att.cue
            cand.attribution = Attribution(prev_att.speaker, cue, "carry")
            continue
        floor = paragraphs[max(0, cand.para - 1)][0]
        best = None
        for pos, attribution in events:
            if pos >= cand.span.start:
                break
            if pos >= floor:
                best = attribution
        if best is not None:
            cue = cand.attribution.cue if cand.attribution else best.cue
            cand.attribution = Attribution(best.speaker, cue, "carry")
        elif cand.para and not body[paragraphs[cand.para][0] : cand.span.start - 1].strip():
            ref = _paragraph_subject(body, *paragraphs[cand.para - 1])
            if ref is not None:
                cue = cand.attribution.cue if cand.attribution else None
                cand.attribution = Attribution(ref, cue, "carry")


def _paragraph_subject(body: str, start: int, end: int) -> SpeakerRef | None:
    """The named subject of the reporter's paragraph before a quote paragraph, or None.

    "Valastro praised Christie’s leadership." then a paragraph “We need someone who …”: with
    no speech verb before it, the quote belongs to the person the paragraph was about.
    """
    if body[start] in "\"“„«'‘":
        return None
    starts = [start, *sentence_breaks(body, start, end)]
    ends = [*starts[1:], end]
    for lo, hi in zip(reversed(starts), reversed(ends), strict=True):
        ref = sentence_subject(body, lo, hi)
        if ref is not None and ref.kind == "name":
            return ref
    return None


def extract_quotes(body: str, entities: Sequence[Entity] = ()) -> list[Quote]:
    """The direct quotes of ``body`` with speakers (canonical names from ``entities``)."""
    paragraphs = paragraph_spans(body)
    if not paragraphs:
        return []
    spans = find_quoted_spans(body)
    cands = [_Candidate(s, _paragraph_of(paragraphs, s.start)) for s in spans]
    cands.extend(_block_quotes(body, paragraphs, spans))
    if not cands:
        return []  # nothing to attribute: the speech-event scan below would be wasted
    cands.sort(key=lambda c: c.span.start)
    _attribute(body, paragraphs, cands)
    resolver = SpeakerResolver(entities, body)
    events = scan_speech_events(
        body, paragraphs, [(c.span.start, c.span.end) for c in cands], resolver
    )
    for cand in cands:
        att = cand.attribution
        if att is not None and att.speaker is not None:
            resolver.add_speaker(att.speaker.start, att.speaker)
            events.append((cand.span.start, att))
    events.sort(key=lambda e: e[0])
    resolver.finish()
    _carry_over(body, cands, events, paragraphs)
    quotes = []
    for cand in cands:
        start, end = _trim(body, cand.span.start, cand.span.end)
        if start >= end or is_not_a_quote(body, cand.span, start, end, cand.attribution):
            continue
        att = cand.attribution
        ref = att.speaker if att else None
        speaker = resolver.resolve(ref, ref.start) if ref is not None else None
        quotes.append(
            Quote(
                text=body[start:end],
                start=start,
                end=end,
                speaker=speaker,
                speaker_mention=ref.mention if ref is not None else None,
                cue=att.cue if att else None,
            )
        )
    return quotes
