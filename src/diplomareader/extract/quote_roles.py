"""Speaker phrases without a name: roles ("the minister"), bodies ("the ministry"), others.

"the President" is a role to resolve against titled names; "the ministry" a body; "a Clinton
spokesman" and "Another child" unnamed speakers, kept as mentions without a name.
"""

from __future__ import annotations

from diplomareader.extract.quote_lexicon import (
    AUX_WORDS,
    DETERMINERS,
    GROUP_NOUNS,
    LEADING_STOPWORDS,
    NOT_NAMES,
    NP_STOP,
    PREPOSITIONS,
    ROLE_NOUNS,
    SUBORDINATE_ROLES,
)
from diplomareader.extract.quote_tokens import SpeakerRef, Token, norm_title, possessive_ending

ROLES = ROLE_NOUNS | {norm_title(n) for n in ROLE_NOUNS}
"""Role nouns in both their written and normalised forms."""
PUNCT = ",;:()—–-"
_NOT_HEADS = AUX_WORDS | PREPOSITIONS | NP_STOP
"""Punctuation tokens that end a phrase."""


def is_name_word(tok: Token) -> bool:
    """A capitalised word that can belong to a name run."""
    return tok.capitalised and tok.bare not in NOT_NAMES


def mention_span(body: str, first: Token, last: Token) -> tuple[str, int, int]:
    """The mention text from ``first`` to ``last``, dropping a sentence stop and a possessive."""
    end = last.end - 1 if last.final else last.end
    if last.possessive:
        end -= possessive_ending(body, first.start, end)
    return body[first.start : end], first.start, end


def role_phrase(body: str, toks: list[Token], last: int) -> SpeakerRef | None:
    """A lower-case noun phrase ending at ``last``: "the minister", "a Clinton spokesman"."""
    head = toks[last]
    noun = norm_title(head.text)
    group = head.bare in GROUP_NOUNS
    if noun not in ROLES and not group:
        return generic_phrase(body, toks, last)
    first = last
    index = last - 1
    while index >= 0 and last - index <= 5:
        tok = toks[index]
        if tok.low in DETERMINERS or tok.possessive:
            first = index
            break
        stop = tok.low in LEADING_STOPWORDS and tok.low not in DETERMINERS
        if tok.text in PUNCT or tok.low in AUX_WORDS or stop:
            break
        first = index
        index -= 1
    text, s, e = mention_span(body, toks[first], head)
    det = toks[first].low if toks[first].low in DETERMINERS else ""
    named = any(is_name_word(t) for t in toks[first:last] if t.low not in DETERMINERS)
    label_start = toks[first + 1].start if det and first < last else s
    label = body[label_start:e] if named else None
    if group:
        return SpeakerRef("group", text, s, e, label or head.bare, (noun,))
    if named and noun in SUBORDINATE_ROLES:
        return SpeakerRef("group", text, s, e, None, (noun,))
    if det in ("", "a", "an", "another", "one") and not toks[first].possessive:
        return SpeakerRef("group", text, s, e, None, (noun,))
    return SpeakerRef("role", text, s, e, noun, (noun,))


def generic_phrase(body: str, toks: list[Token], last: int) -> SpeakerRef | None:
    """ "Another child responded": an unnamed speaker, kept as a mention without a name."""
    head = toks[last]
    if head.capitalised or not head.low.isalpha() or head.low in _NOT_HEADS:
        return None
    index = last - 1
    while index >= 0 and last - index <= 3:
        tok = toks[index]
        if tok.low in DETERMINERS:
            text, start, end = mention_span(body, tok, head)
            return SpeakerRef("group", text, start, end, None, ())
        if tok.text in PUNCT or tok.low in PREPOSITIONS or tok.low in AUX_WORDS:
            return None
        index -= 1
    return None
