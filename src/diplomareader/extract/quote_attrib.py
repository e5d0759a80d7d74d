"""Attribute one quote from its context: the cue verb and the speaker phrase around it.

Templates, tried in this order: after the quote (``“…,” said the President``, ``“…,” Tokayev
said``, ``“…,” Aibek Smadyarov, the spokesperson, said``, ``“…” — Murat Nurtleu``, ``“…,”
according to X``, a cue later in the same sentence); before it in the same sentence (``He said
the target was “…”``, ``Lavrov said: “…”``, ``According to X, “…”``, ``..., adding “…”``,
``Rep. X (R-S.C.): “…”``); a colon lead-in ending the paragraph before. Carry-over from earlier
quotes and the sentence subject are decided by the caller.
"""

from __future__ import annotations

import re

from diplomareader.extract.quote_cues import Attribution, cue_at, cue_text, sentence_breaks
from diplomareader.extract.quote_lexicon import (
    AUX_WORDS,
    CLAUSE_END_AFTER_CUE,
    CUE_VERBS,
    DETERMINERS,
    NP_STOP,
    ORG_WORDS,
    PREPOSITIONS,
    PRONOUNS,
    SPEECH_NOUNS,
    TITLES,
    WEAK_CUES,
)
from diplomareader.extract.quote_roles import mention_span
from diplomareader.extract.quote_speaker import (
    from_run,
    name_run,
    passive_agent,
    speaker_after,
    speaker_before,
)
from diplomareader.extract.quote_tokens import SpeakerRef, Token, tokens

_TITLE_OR_AUX = TITLES | AUX_WORDS
_STOP_OR_PREPOSITION = NP_STOP | PREPOSITIONS
_LEAD = re.compile(r"[\s,]*(?:(—|–|--|-|―)\s*)?")
_TAIL_WORDS = frozenset({"in", "on", "at", "to", "during", "after", "before", "while", "from"})
_CLAUSE_WORDS = NP_STOP - AUX_WORDS
"""Relatives and conjunctions: another clause between a quote and a cue ("“…” and X vowed")."""
_ANSWER_WORDS = frozenset({"yes", "no", "nothing", "goodbye", "hello", "thanks", "sorry"})
"""Words a cue can take as its whole object ("said yes"): then it does not attribute a quote."""
_STOP_AFTER_QUOTE = 30
"""How many tokens after a quote can hold its attribution."""


def _covers(ref: SpeakerRef, toks: list[Token]) -> bool:
    """True when only the speaker phrase (and its titles) stands between the quote and the cue."""
    before = [t for t in toks if t.end <= ref.start]
    if len(before) > 10:
        return False
    for index, tok in enumerate(before):
        if tok.text in "—–-,":
            continue
        if tok.text in ";:()" or tok.low in PRONOUNS:
            return False
        if tok.low in CUE_VERBS and tok.bare not in TITLES:
            return False
        if tok.low in _CLAUSE_WORDS and not _joins_names(toks, index):
            return False
    return True


def _joins_names(toks: list[Token], index: int) -> bool:
    """True for an "and" between two capitalised words ("Dovere and Debenedetti wrote")."""
    if toks[index].low != "and" or index == 0 or index + 1 >= len(toks):
        return False
    return toks[index - 1].capitalised and toks[index + 1].capitalised


def after_quote(body: str, close: int, limit: int) -> Attribution | None:
    """An attribution that follows the closing mark at ``close`` (up to ``limit``)."""
    lead = _LEAD.match(body, close + 1, limit)
    start = lead.end() if lead else close + 1
    dash = bool(lead and lead.group(1))
    toks = tokens(body, start, limit, most=_STOP_AFTER_QUOTE)
    if not toks:
        return None
    past = cue_at(toks, 0, weak=False)
    if past > 0 and not toks[0].low.endswith("ing"):
        ref = speaker_after(body, toks, past)
        if ref is not None:
            return Attribution(ref, cue_text(body, toks, 0, past), "after")
    if toks[0].low == "according" and len(toks) > 2 and toks[1].low == "to":
        ref = speaker_after(body, toks, 2)
        if ref is not None:
            return Attribution(ref, "according to", "according")
    ended = _ends_sentence(body, close, toks[0])
    for index, tok in enumerate(toks):
        if tok.text in ";:":
            break
        past = cue_at(toks, index, weak=False) if index else -1
        if past < 0:
            continue
        ref = speaker_before(body, toks[:index], index - 1)
        if ref is not None and _covers(ref, toks[:index]):
            if ended and not _own_sentence(toks, ref, past):
                return None
            if past < len(toks) and toks[past].low in _ANSWER_WORDS:
                return None  # "“…,” Melanie said yes": an answer, not the quote's attribution
            return Attribution(ref, cue_text(body, toks, index, past), "after")
        break
    if dash:
        ref = speaker_after(body, toks, 0)
        if ref is not None and ref.kind == "name":
            return Attribution(ref, None, "dash")
    if ended:
        return None
    generic = _generic_verb(body, toks) if body[close - 1] in ",?!—–-" else None
    return generic or _later_in_sentence(body, toks)


def _ends_sentence(body: str, close: int, first: Token) -> bool:
    """True when the quote closing at ``close`` ends a sentence and a new one starts after it."""
    pos = close - 1
    while pos > 0 and body[pos] in "'’\"”»":
        pos -= 1
    return body[pos] in ".…" and first.capitalised and first.low not in CUE_VERBS


def _own_sentence(toks: list[Token], ref: SpeakerRef, past: int) -> bool:
    """ "“….” X said." — after a quote that ends a sentence, only a bare "X said" attributes it.

    The speaker must open the new sentence (titles allowed) and the cue must close its clause,
    not take an object ("“….” X announced a new plan" is X's next sentence, not the quote's).
    """
    before = [t for t in toks if t.end <= ref.start]
    if any(not (t.capitalised or t.bare in TITLES or t.low in DETERMINERS) for t in before):
        return False
    if past >= len(toks):
        return True
    nxt = toks[past]
    return (
        nxt.text in ",;:(—–-"
        or nxt.capitalised
        or nxt.low in CLAUSE_END_AFTER_CUE
        or nxt.low in AUX_WORDS
        or nxt.low.endswith("ly")
        or toks[past - 1].final
        or toks[past - 1].low in ("told", "tells", "tell")
    )


def _generic_verb(body: str, toks: list[Token]) -> Attribution | None:
    """ "“…,” an angry Hollande retaliated." — a named subject and a verb closing the clause."""
    first = toks[0]
    if not first.capitalised and first.low.endswith("ed") and first.low not in AUX_WORDS:
        ref = speaker_after(body, toks, 1)
        rest = [t for t in toks[1:] if t.start >= (ref.end if ref else 0)]
        if ref is not None and ref.kind == "name" and (not rest or rest[0].text in ",;("):
            return Attribution(ref, first.low, "after")
    for index in range(1, min(len(toks), 7)):
        tok = toks[index]
        if tok.text in ",;:()":
            return None
        if tok.capitalised or not tok.low.endswith("ed") or tok.low in _TITLE_OR_AUX:
            continue
        tail = toks[index + 1] if index + 1 < len(toks) else None
        if tail is not None and not (tok.final or tail.text == "," or tail.low in _TAIL_WORDS):
            return None
        ref = speaker_before(body, toks[:index], index - 1, depth=1)
        if ref is None or ref.kind not in ("name", "pronoun"):
            return None
        before = [t for t in toks[:index] if t.end <= ref.start]
        if all(_adjective(t) for t in before):
            return Attribution(ref, tok.low, "after")
        return None
    return None


def _adjective(tok: Token) -> bool:
    """A determiner or lower-case modifier that may open a subject ("an angry Hollande")."""
    if tok.low in DETERMINERS:
        return True
    low = tok.low
    return low.isalpha() and not tok.capitalised and low not in _STOP_OR_PREPOSITION


def _later_in_sentence(body: str, toks: list[Token]) -> Attribution | None:
    """ "“…” if she lost, said David Wasserman." — a clause-final attribution later on."""
    for index in range(2, len(toks)):
        past = cue_at(toks, index, weak=False)
        if past < 0:
            continue
        if toks[index - 1].text == ",":
            ref = speaker_after(body, toks, past)
            if ref is not None and ref.kind == "name":
                rest = [t for t in toks[past:] if t.start >= ref.end]
                if not rest or rest[0].text in ",;(":
                    return Attribution(ref, cue_text(body, toks, index, past), "after")
            continue
        ref = speaker_before(body, toks[:index], index - 1, depth=1)
        if ref is not None and ref.kind == "name":
            before = [t for t in toks[:index] if t.end <= ref.start]
            if before and before[-1].text == ",":
                return Attribution(ref, cue_text(body, toks, index, past), "after")
    return None


def _participle(toks: list[Token], index: int, ref: SpeakerRef | None = None) -> bool:
    """True for ", saying" / "by calling": a cue whose subject is the main clause's.

    Also "upon saying", "before adding", and an -ing cue after an object with no subject of
    its own ("emailed supporters saying", "responded on Facebook writing").
    """
    if not toks[index].low.endswith("ing"):
        return False
    if index == 0 or toks[index - 1].text in ",;—–-" or toks[index - 1].low in _ING_LINKS:
        return True
    if ref is None:
        return True
    before = [t for t in toks[:index] if t.end <= ref.start]
    return ref.kind == "name" and bool(before) and before[-1].low in PREPOSITIONS - {"of"}


_ING_LINKS = frozenset({"by", "upon", "on", "after", "before", "while", "when", "without"})
"""Words that tie an -ing cue to the main clause's subject ("upon saying", "before adding")."""


def _document(ref: SpeakerRef | None) -> bool:
    """True for an unnamed document or body ("a statement saying ...")."""
    return ref is not None and ref.kind == "group" and (ref.name is None or ref.name.islower())


def before_quote(body: str, lo: int, open_pos: int, *, owner: bool = True) -> Attribution | None:
    """An attribution in the same sentence before the opening mark at ``open_pos``.

    ``owner`` allows "X's statement that “…”" (not when looking for the subject of a
    participle: "… shrugged off Trump's comments, telling reporters, “…”")."""
    toks = tokens(body, lo, open_pos)
    if not toks:
        return None
    for index in range(len(toks) - 2, max(-1, len(toks) - 12), -1):
        if toks[index].low == "according" and toks[index + 1].low == "to":
            ref = speaker_after(body, toks, index + 2)
            if ref is not None:
                return Attribution(ref, "according to", "according")
            break
    found = _speech_owner(body, toks) if owner else None
    if found is not None:
        return found
    for index in range(len(toks) - 1, -1, -1):
        past = cue_at(toks, index, weak=True)
        if past < 0:
            continue
        if toks[index].low in WEAK_CUES and _new_clause(toks, past):
            continue
        cue = cue_text(body, toks, index, past)
        ref = passive_agent(body, toks, index, past)
        if ref is None and toks[index].low.endswith("ing"):
            ref = _gerund_subject(body, toks, index)
        if ref is None:
            ref = speaker_before(body, toks, index - 1) if index else None
        if toks[index].low.startswith("quot") and (ref is None or ref.name in ("i", "we")):
            return Attribution(None, cue, "participle")  # "I quote:": words said before
        if toks[past - 1].final and (ref is None or ref.kind not in ("name", "pronoun")):
            continue
        coordinated = ref is None and index > 0 and toks[index - 1].low in ("and", "but", "then")
        document = _document(ref) and toks[index].low.endswith("ing")
        if _participle(toks, index, ref) or document or coordinated:
            earlier = before_quote(body, lo, toks[index].start, owner=False) if index else None
            if earlier is not None and earlier.speaker is not None:
                return Attribution(earlier.speaker, cue, "before")
            return Attribution(None, cue, "participle")
        if ref is not None:
            return Attribution(ref, cue, "before")
        ref = speaker_after(body, toks, past) if toks[index].low not in WEAK_CUES else None
        if ref is not None and (past >= len(toks) or _ends_clause(toks, ref)):
            return Attribution(ref, cue, "before")
        if all(t.text in ",:;—–-" or t.low == "that" for t in toks[past:]):
            return Attribution(None, cue, "unresolved")
    return _transcript(body, toks)


def _speech_owner(body: str, toks: list[Token]) -> Attribution | None:
    """ "Lavrov's statement that “…”", "Trump’s claim that there have been “…”"."""
    for index in range(len(toks) - 1, max(-1, len(toks) - 14), -1):
        tok = toks[index]
        if tok.text in ".;:()" or tok.low in CUE_VERBS and tok.bare not in SPEECH_NOUNS:
            return None
        if tok.bare not in SPEECH_NOUNS or index == 0 or not toks[index - 1].possessive:
            continue
        if index + 1 < len(toks) and toks[index + 1].low not in ("that", "of", ",", ":"):
            continue
        last = index - 1
        first = name_run(toks, last)
        if first > last or any(cue_at(toks, i, weak=True) >= 0 for i in range(1, first)):
            return None  # "X said that Y's claim …": the quote is under X's cue
        text, start, end = mention_span(body, toks[first], toks[last])
        group = any(t.bare in ORG_WORDS for t in toks[first : last + 1])
        ref = SpeakerRef("group" if group else "name", text, start, end, text)
        return Attribution(ref, tok.text, "before")
    return None


def _gerund_subject(body: str, toks: list[Token], index: int) -> SpeakerRef | None:
    """ "footage of Trump saying “…”": the name after "of" speaks the -ing cue."""
    last = index - 1
    first = name_run(toks, last) if last >= 0 else 0
    if first > last or first == 0 or toks[first - 1].low != "of":
        return None
    ref = from_run(body, toks, first, last)
    return ref if ref is not None and ref.kind == "name" else None


def _new_clause(toks: list[Token], past: int) -> bool:
    """True when a comma and a capitalised word separate a weak cue from the quote."""
    rest = toks[past:]
    return any(t.text == "," and n.capitalised for t, n in zip(rest, rest[1:], strict=False))


def _transcript(body: str, toks: list[Token]) -> Attribution | None:
    """ "Rep. Trey Gowdy (R-S.C.): “…”" — a name and a colon, interview-transcript style."""
    dashes = [i for i, t in enumerate(toks) if t.text in "—–-"]
    if dashes:
        toks = toks[dashes[-1] + 1 :]
    if len(toks) < 2 or toks[-1].text != ":" or len(toks) > 12:
        return None
    ref = speaker_before(body, toks, len(toks) - 2, depth=1)
    if ref is None or ref.kind != "name":
        return None
    if any(t.text in ",;" for t in toks if t.end <= ref.start):
        return None
    return Attribution(ref, None, "colon")


def _ends_clause(toks: list[Token], ref: SpeakerRef) -> bool:
    """True when the inverted speaker is followed only by punctuation before the quote."""
    rest = [t for t in toks if t.start >= ref.end]
    return all(t.text in ",:;—–-()" or t.text.startswith(("R-", "D-", "I-")) for t in rest)


def colon_lead_in(body: str, start: int, end: int) -> Attribution | None:
    """``S cue:`` / ``cue S:`` ending ``body[start:end]`` (a paragraph ending with a colon)."""
    colon = end - 1
    while colon >= start and body[colon].isspace():
        colon -= 1
    if colon < start or body[colon] != ":":
        return None
    breaks = [b for b in sentence_breaks(body, start, colon) if b < colon]
    lo = breaks[-1] if breaks else start
    return before_quote(body, lo, colon + 1)
