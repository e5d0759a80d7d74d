"""Tell scare quotes and titles of works from quotes.

A short quote ("so-called “referendums”") is kept only when a cue in its own sentence attributes
it (a partial quote: 'Lavrov called it “unacceptable”'). A title-case span ("“The Art of the
Deal”") or one named as a work ("the book “...”") is not a quote unless a speaker follows it
directly.
"""

from __future__ import annotations

import re

from diplomareader.extract.quote_cues import Attribution
from diplomareader.extract.quote_marks import QuotedSpan

_WORD = re.compile(r"[^\W_][\w’'\-]*")
_MINOR = frozenset(
    re.findall(
        r"\S+",
        "a an the of and or in on at to for with by from as vs de la le du von van is it its",
    )
)
_WORK_BEFORE = re.compile(
    r"(?:\b(?:book|books|film|movie|documentary|song|album|novel|play|poem|article|op-ed|column|"
    r"essay|report|headline|headlined|titled|entitled|named|dubbed|nicknamed|slogan|hashtag|"
    r"show|series|program|programme|campaign|initiative|operation|term|phrase|word|words|"
    r"so-called|known as|termed|branded|label|labeled|labelled|motto|means|meaning|"
    r"translates as|translated as|stands for)\s*,?\s*)$"
)
"""Words naming a work or a term just before the opening mark (lower case: "Song" is a name)."""
_EVENT_BEFORE = re.compile(
    r"\b(?:workshop|conference|panel|session|forum|theme|motto)\s*"
    r"(?:(?:on|of|for|called|titled|entitled)\s+)?(?:the\s+)?[,:]?\s*$"
)
"""A named event or theme: "a workshop on the “…”", "the theme: “…”" (titles of any length)."""
_TERM_AROUND = re.compile(r"\s*\((?:[A-Z][A-Za-z0-9&./-]{1,11})\)")
"""An acronym in brackets right after the closing mark: "“know your customer” (KYC) rules"."""

_BYLINE_AFTER = re.compile(
    r"[\"”’']?,?[\"”’']?\s+by\s+(?:the\s+)?(?:[A-Z][\w.&-]*\s+){0,4}[A-Z][\w.&-]*['’]s?\s+[A-Z]"
)
"""A headline followed by its byline ("“…,” by The Wall Street Journal's Jennifer Smith")."""


def _title_case(text: str) -> bool:
    """True when every major word is capitalised ("The Art of the Deal")."""
    words = _WORD.findall(text)
    major = [w for w in words if w.lower() not in _MINOR]
    return bool(major) and all(w[0].isupper() or w[0].isdigit() for w in major)


def is_not_a_quote(
    body: str, span: QuotedSpan, start: int, end: int, attribution: Attribution | None
) -> bool:
    """True for scare quotes and titles of works (see the module docstring)."""
    text = body[start:end]
    words = len(_WORD.findall(text))
    how = attribution.how if attribution else "none"
    if not span.open_mark:
        return words < 3
    direct = how in ("after", "colon", "dash", "according")
    before = body[max(0, span.start - 40) : span.start - 1]
    if _WORK_BEFORE.search(before) and not direct and words <= 8:
        return True
    if _EVENT_BEFORE.search(before) and not direct:
        return True
    if span.closed and words <= 8 and _defined_term(body, span):
        return True
    if span.closed and _BYLINE_AFTER.match(body, span.end + 1, span.end + 90):
        return True
    if _title_case(text) and words <= 12 and not direct and not _own_sentence(body, span, text):
        return True
    return words < 3 and how not in ("after", "before", "dash", "according")


def _defined_term(body: str, span: QuotedSpan) -> bool:
    """ "agreement (“123 agreement”)", "“know your customer” (KYC)": a term being defined."""
    text = body[span.start : span.end]
    if text.rstrip().endswith((".", "!", "?")):
        return False
    opened = span.start > 1 and body[span.start - 2] == "("
    bracketed = opened and body[span.end + 1 : span.end + 2] == ")" and len(text.split()) <= 4
    return bracketed or bool(_TERM_AROUND.match(body, span.end + 1, span.end + 16))


def _own_sentence(body: str, span: QuotedSpan, text: str) -> bool:
    """True for a quote that is a sentence of its own (“That’s Jeb Bush and Marco Rubio.”).

    A title sits inside the reporter's sentence; a quoted sentence opens after a sentence end
    (or at a paragraph start) and closes with its own stop.
    """
    if not text.rstrip().endswith((".", "?", "!")):
        return False
    lead = body[: span.start - 1].rstrip(" \t")
    return not lead or lead[-1] in '\n.?!"”’»'
