"""Read a speaker phrase next to a cue verb: a name, a pronoun, or a role ("the President").

Pure string work on word tokens: a run of capitalised words is split into titles and a name
("Kazakh President Kassym-Jomart Tokayev" -> "Kassym-Jomart Tokayev"), an apposition is skipped
("Aibek Smadyarov, the ministry's spokesperson, said"), a lower-case noun phrase becomes a role
("the minister") or a body ("the ministry"), to be resolved later against named speakers.
"""

from __future__ import annotations

import re
from dataclasses import replace

from diplomareader.extract.quote_lexicon import (
    AUX_WORDS,
    DETERMINERS,
    DOTTED_TITLES,
    GROUP_NOUNS,
    HONORIFICS,
    LEADING_STOPWORDS,
    NAME_CONNECTORS,
    NAME_PARTICLES,
    NOT_NAMES,
    NP_STOP,
    ORG_WORDS,
    PREPOSITIONS,
    PRONOUNS,
    TITLE_SURNAMES,
    TITLES,
)
from diplomareader.extract.quote_roles import PUNCT, ROLES, is_name_word, mention_span, role_phrase
from diplomareader.extract.quote_tokens import SpeakerRef, Token, norm_title

_LEADING_OR_CONNECTOR = LEADING_STOPWORDS | NAME_CONNECTORS
_PREPOSITION_OR_DETERMINER = PREPOSITIONS | DETERMINERS
_CONNECTOR_OR_DETERMINER = NAME_CONNECTORS | DETERMINERS
_PARTY_TAG = re.compile(r"[RDI](?:-[A-Z][A-Za-z.]*)?\.?")
"""A party and state tag set off by commas ("X, R-Ky., said")."""
_TIME_BEFORE = frozenset({"on", "last", "this", "late", "early", "next"})
_ADDRESS_WORDS = frozenset({"of", "from", "in"})
"""Words before a place that make it where someone is from, not who speaks."""
_INDEFINITE = frozenset({"a", "an", "one", "another", "some", "several"})


def name_run(toks: list[Token], last: int) -> int:
    """Index of the first token of the capitalised run ending at ``last`` (``last + 1`` if none)."""
    first = last + 1
    index = last
    while index >= 0:
        tok = toks[index]
        if is_name_word(tok):
            if index < last and (tok.possessive or tok.final):
                break
            first = index
        elif tok.low in NAME_PARTICLES or tok.low in NAME_CONNECTORS:
            before = index - 1
            while before > 0 and toks[before].low in NAME_PARTICLES and tok.low not in ("and",):
                before -= 1
            if before < 0 or not is_name_word(toks[before]):
                break
            joined = _joins_titles(toks, index) or _joins_body(toks, max(0, index - 5), index)
            if tok.low == "and" and not joined:
                break
        else:
            break
        index -= 1
    while first <= last and toks[first].low in _LEADING_OR_CONNECTOR:
        first += 1
    return first


def _joins_titles(toks: list[Token], index: int) -> bool:
    """ "Gov. and DNC Chairman Ed Rendell": an "and" between two titles of one person."""
    if index == 0 or index + 1 >= len(toks):
        return False
    return toks[index - 1].bare in TITLES and toks[index + 1].capitalised


def _joins_body(toks: list[Token], first: int, index: int) -> bool:
    """ "Center for Strategic and International Studies": "and" inside a body's name."""
    if index + 1 >= len(toks) or not toks[index + 1].capitalised:
        return False
    return any(t.bare in ORG_WORDS for t in toks[first:index])


def _is_title(tok: Token) -> bool:
    """True for a title or office word ("Sen.", "Minister", "Del.")."""
    return tok.bare in TITLES or (tok.low in DOTTED_TITLES and tok.capitalised)


def _title_cut(run: list[Token]) -> int:
    """Index of the last title (or body, or possessive) word before the person's name."""
    cut = -1
    for index, tok in enumerate(run):
        if _is_title(tok) or tok.bare in ORG_WORDS or tok.possessive:
            cut = index
    if (
        cut == len(run) - 1
        and len(run) > 1
        and run[-1].bare in TITLE_SURNAMES
        and (run[-2].bare not in TITLES or run[-2].bare in HONORIFICS)
    ):
        cut = max((i for i in range(len(run) - 1) if run[i].bare in TITLES), default=-1)
    return cut


def from_run(body: str, toks: list[Token], first: int, last: int) -> SpeakerRef | None:
    """Interpret the capitalised run ``toks[first..last]`` as a name, a body or a role."""
    run = toks[first : last + 1]
    cut = _title_cut(run)
    titles = tuple(norm_title(t.text) for t in run[: cut + 1] if _is_title(t))
    person = run[cut + 1 :]
    if person and person[0].low in NAME_CONNECTORS:
        person = []
    if not person and any(t.bare in ORG_WORDS for t in run):
        start = 0
        while (
            start < len(run) - 1 and run[start].bare in TITLES and run[start].bare not in ORG_WORDS
        ):
            start += 1
        text, s, e = mention_span(body, run[start], run[-1])
        return SpeakerRef("group", text, s, e, text, (), s, e)
    if person:
        of = next((i for i, t in enumerate(person) if t.low in ("of", "for")), -1)
        if of >= 2 and not any(t.bare in ORG_WORDS for t in person):
            person = person[:of]
        if len(person) > 4:
            person = person[-3:]
        text, s, e = mention_span(body, person[0], person[-1])
        return SpeakerRef("name", text, s, e, text, titles, s, e)
    if titles:
        text, s, e = mention_span(body, run[0], run[-1])
        return SpeakerRef("role", text, s, e, titles[-1], titles)
    return None


def _apposition(body: str, toks: list[Token], comma: int) -> SpeakerRef | None:
    """The speaker around an apposition that ends at ``toks[comma]``.

    "X, the ministry's spokesperson, said" gives X; "Her campaign manager, Robby Mook, said"
    gives the name inside the apposition.
    """
    index = comma - 1
    first_comma = _previous_comma(toks, comma)
    found: SpeakerRef | None = None
    while index > 0 and comma - index <= 30:
        if toks[index].text == ",":
            nxt, end = toks[index + 1], toks[comma - 1]
            inner = _inner_name(body, toks, index, comma) if index == first_comma else None
            opens = not nxt.capitalised or nxt.bare in TITLES or nxt.low in DETERMINERS
            opens = opens or nxt.possessive or end.bare in ROLES or end.bare in GROUP_NOUNS
            if opens:
                ref = speaker_before(body, toks, index - 1, depth=1)
                if ref is not None and _address(toks, ref):
                    ref = None
                if ref is not None and ref.kind == "name":
                    return ref
                if inner is not None:
                    return inner
                found = found or ref
            elif inner is not None:
                outer = speaker_before(body, toks, index - 1, depth=1)
                if outer is None or outer.kind != "name" or toks[index - 1].bare in ROLES:
                    return inner
        index -= 1
    return found


def _dashed_apposition(body: str, toks: list[Token], dash: int) -> SpeakerRef | None:
    """ "X — mentioned as a running mate — told …": the speaker before the opening dash."""
    index = dash - 1
    while index > 0 and dash - index <= 30:
        if toks[index].text == toks[dash].text:
            ref = speaker_before(body, toks, index - 1, depth=1)
            if ref is not None and ref.kind == "name":
                return ref
            inner = speaker_after(body, toks[:dash], index + 1)
            return inner if inner is not None and inner.kind == "name" else None
        index -= 1
    return None


def _address(toks: list[Token], ref: SpeakerRef) -> bool:
    """True for a place inside an apposition ("…, of Raleigh, N.C., who …", "from Sumter, South
    Carolina"): not the speaker."""
    if ref.kind != "name":
        return False
    last = ref.mention.split()[-1]
    if last.endswith(".") and last.rstrip(".").lower() not in ("jr", "sr"):
        return True
    before = [t for t in toks if t.end <= ref.start]
    if before and before[-1].text == ",":
        # "… from Sumter, South Carolina, says": the state after a town is an address too.
        index = len(before) - 2
        while index >= 0 and before[index].capitalised and before[index].text != ",":
            index -= 1
        return 0 <= index < len(before) - 2 and before[index].low in _ADDRESS_WORDS
    return bool(before) and before[-1].low in _ADDRESS_WORDS


def _inner_name(body: str, toks: list[Token], left: int, comma: int) -> SpeakerRef | None:
    """The name filling the whole segment ``toks[left + 1 : comma]`` ("…, Joe Kasper, said")."""
    if comma - left < 2 or comma - left > 8:
        return None
    inner = speaker_before(body, toks, comma - 1, depth=1)
    if inner is None or inner.kind != "name":
        return None
    lead = [t for t in toks[left + 1 : comma] if t.end <= inner.start]
    words = [t for t in toks[left + 1 : comma] if t.start >= inner.start]
    if len(words) < 2 or _address(toks, inner):
        return None
    if all(t.bare in TITLES or t.capitalised for t in lead):
        return inner
    return None


def _previous_comma(toks: list[Token], comma: int) -> int:
    """Index of the comma before ``toks[comma]`` (-1 when none)."""
    index = comma - 1
    while index >= 0 and toks[index].text != ",":
        index -= 1
    return index


def _skip_fillers(toks: list[Token], index: int) -> int:
    """Step back over auxiliaries, adverbs and times between a speaker and the cue."""
    while index >= 0:
        tok = toks[index]
        low = tok.low
        if tok.bare in NOT_NAMES:
            index -= 1
            if index >= 0 and toks[index].low in _TIME_BEFORE:
                index -= 1
        elif not tok.capitalised and (low in AUX_WORDS or (low.endswith("ly") and low.isalpha())):
            index -= 1
        else:
            break
    return index


def _lookback(toks: list[Token], first: int, words: frozenset[str]) -> int:
    """Index of a word of ``words`` up to three lower-case words before ``first``, or -1."""
    index = first - 1
    while index >= 0 and first - index <= 3:
        tok = toks[index]
        if tok.low in words:
            return index
        if tok.capitalised or tok.text in PUNCT or tok.low in _PREPOSITION_OR_DETERMINER:
            return -1
        if tok.low in NP_STOP or tok.low == "what":
            return -1
        index -= 1
    return -1


def speaker_before(body: str, toks: list[Token], last: int, depth: int = 0) -> SpeakerRef | None:
    """The speaker phrase ending at ``toks[last]`` (the token just before the cue), or None."""
    index = _skip_fillers(toks, last)
    if index < 0:
        return None
    if index > 2 and toks[index].text == toks[index - 2].text == ",":
        index -= 3 if _PARTY_TAG.fullmatch(toks[index - 1].text) else 0
    if toks[index].text == ")":
        while index >= 0 and toks[index].text != "(":
            index -= 1
        index -= 1
        if index < 0:
            return None
    tok = toks[index]
    if tok.text == ",":
        return _apposition(body, toks, index) if depth == 0 else None
    if tok.text in "—–-":
        return _dashed_apposition(body, toks, index) if depth == 0 else None
    if tok.low in PRONOUNS and not tok.text.endswith("."):
        return SpeakerRef("pronoun", tok.text, tok.start, tok.end, PRONOUNS[tok.low])
    if not is_name_word(tok):
        return role_phrase(body, toks, index)
    first = name_run(toks, index)
    if first > index:
        return None
    prep = _lookback(toks, first, PREPOSITIONS) if first else -1
    if first and toks[first - 1].low in PREPOSITIONS:
        prep = first - 1
    if prep > 0 and toks[prep].low == "of" and toks[prep - 1].bare in TITLES:
        prep = -1
    if prep >= 0:
        return _after_preposition(body, toks, prep, index)
    ref = from_run(body, toks, first, index)
    if ref is not None and ref.kind == "role":
        det = _lookback(toks, first, DETERMINERS)
        if first and toks[first - 1].low in DETERMINERS:
            det = first - 1
        if det < 0 and first == index and tok.bare in TITLE_SURNAMES:
            text, start, end = mention_span(body, tok, tok)
            return SpeakerRef("name", text, start, end, text, (), start, end)
        if det >= 0 and toks[det].low in _INDEFINITE:
            text, start, end = mention_span(body, toks[det], toks[index])
            return SpeakerRef("group", text, start, end, None, ref.titles)
        if det >= 0:
            start = toks[det].start
            ref = replace(ref, mention=body[start : ref.end], start=start)
    return ref


def _after_preposition(body: str, toks: list[Token], prep: int, last: int) -> SpeakerRef | None:
    """ "a spokesman for Clinton said": an unnamed speaker labelled with the phrase."""
    if prep == 0:
        return None
    ref = role_phrase(body, toks, prep - 1)
    if ref is None:
        return None
    end = mention_span(body, toks[last], toks[last])[2]
    mention = body[ref.start : end]
    return SpeakerRef("group", mention, ref.start, end, None, ref.titles)


def speaker_after(body: str, toks: list[Token], first: int) -> SpeakerRef | None:
    """The speaker phrase starting at ``toks[first]`` (just after an inverted cue), or None."""
    if first < len(toks) and toks[first].low in PRONOUNS and not toks[first].text.endswith("."):
        tok = toks[first]
        return SpeakerRef("pronoun", tok.text, tok.start, tok.end, PRONOUNS[tok.low])
    index = first
    while index < len(toks) and index - first < 10:
        tok = toks[index]
        if tok.text in PUNCT or tok.low in PREPOSITIONS and tok.low not in NAME_CONNECTORS:
            break
        if tok.low == "and" and (_joins_titles(toks, index) or _joins_body(toks, first, index)):
            index += 1
            continue
        if not tok.capitalised and (tok.low in NP_STOP or not _modifier(toks, index)):
            break
        if tok.low in ("of", "for") and index > first and _person_ends(toks, index - 1, first):
            break
        index += 1
        if tok.final:
            break
    last = index - 1
    while last >= first and toks[last].low in _CONNECTOR_OR_DETERMINER:
        last -= 1
    if last < first:
        return None
    ref = speaker_before(body, toks[first : last + 1], last - first, depth=1)
    if ref is not None and ref.kind in ("role", "group") and index + 1 < len(toks):
        named = _name_after_comma(body, toks, index)
        if named is not None:
            return named
    return ref


def _person_ends(toks: list[Token], index: int, first: int) -> bool:
    """True when a name run ending at ``toks[index]`` looks like a person ("X Vladeck of ...").

    A title that is also a surname counts after a name ("Rep. Peter T. King of New York").
    """
    tok = toks[index]
    if not tok.capitalised or tok.bare in ORG_WORDS:
        return False
    if tok.bare not in TITLES:
        return True
    return tok.bare in TITLE_SURNAMES and index > first and is_name_word(toks[index - 1])


def _name_after_comma(body: str, toks: list[Token], comma: int) -> SpeakerRef | None:
    """ "said the bureau's director, James B. Comey": the name in the apposition."""
    if toks[comma].text != ",":
        return None
    end = comma + 1
    while end < len(toks) and is_name_word(toks[end]) and not toks[end - 1].final:
        end += 1
    if end == comma + 1 or (end < len(toks) and toks[end].text not in ",;"):
        return None
    ref = speaker_before(body, toks[comma + 1 : end], end - comma - 2, depth=1)
    return ref if ref is not None and ref.kind == "name" else None


def _modifier(toks: list[Token], index: int) -> bool:
    """A lower-case word that can sit inside a speaker phrase ("retired", "pollster")."""
    tok = toks[index]
    if tok.low in DETERMINERS or tok.bare in TITLES or tok.bare in ROLES:
        return True
    if tok.bare in GROUP_NOUNS or tok.bare in ORG_WORDS or tok.low in NAME_PARTICLES:
        return True
    if tok.low in NAME_CONNECTORS and tok.low != "and":
        return True
    ahead = toks[index + 1 : index + 5]
    return any(t.capitalised for t in ahead) and not any(t.text in PUNCT for t in ahead[:1])


_PASSIVE_BEFORE = frozenset({"was", "were", "is", "are", "been", "being", "be", "as"})


def passive_agent(body: str, toks: list[Token], index: int, past: int) -> SpeakerRef | None:
    """ "was highlighted by King Mohammed VI", "as stated by X": the agent of a passive cue."""
    if index == 0 or toks[index - 1].low not in _PASSIVE_BEFORE:
        return None
    if past >= len(toks) or toks[past].low != "by":
        return None
    ref = speaker_after(body, toks, past + 1)
    return ref if ref is not None and ref.kind in ("name", "group", "role") else None
