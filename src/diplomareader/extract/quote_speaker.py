"""Read a speaker phrase next to a cue verb: a name, a pronoun, or a role ("the President").

Pure string work on word tokens: a run of capitalised words is split into titles and a name
("Kazakh President Kassym-Jomart Tokayev" -> "Kassym-Jomart Tokayev"), an apposition is skipped
("Aibek Smadyarov, the ministry's spokesperson, said"), a lower-case noun phrase becomes a role
("the minister") or a body ("the ministry"), to be resolved later against named speakers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Literal

from diplomareader.extract.quote_lexicon import (
    ABBREVIATIONS,
    AUX_WORDS,
    DETERMINERS,
    GROUP_NOUNS,
    LEADING_STOPWORDS,
    NAME_CONNECTORS,
    NAME_PARTICLES,
    ORG_WORDS,
    PRONOUNS,
    ROLE_NOUNS,
    TITLES,
)

SpeakerKind = Literal["name", "pronoun", "role", "group"]
"""What a speaker phrase is: a name, a pronoun, a person by office, or an unnamed body."""

TOKEN = re.compile(r"[^\W_](?:[\w’'\-]*\w)?\.?|[(),;:—–]|(?<=\s)-(?=\s)")
"""Word tokens (keeping a trailing full stop for abbreviations) and the punctuation that matters."""

_POSSESSIVE = re.compile(r"[’']s?$")
_TITLE_ALIASES = {
    "sen": "senator",
    "rep": "representative",
    "gov": "governor",
    "gen": "general",
    "spokesman": "spokesperson",
    "spokeswoman": "spokesperson",
    "secretary-general": "secretary",
    "chairwoman": "chairman",
    "chair": "chairman",
    "chairperson": "chairman",
    "prof": "professor",
    "advisor": "adviser",
    "front-runner": "frontrunner",
}


@dataclass(frozen=True)
class Token:
    """A word (or punctuation mark) with its offsets in the body."""

    text: str
    start: int
    end: int

    @property
    def low(self) -> str:
        """Lower case without a trailing full stop or possessive ending."""
        low = self.text.lower()
        if low.endswith(".") and low[:-1] not in ABBREVIATIONS:
            low = low[:-1]
        return low

    @property
    def bare(self) -> str:
        """Lower case with abbreviation stops and possessive endings removed."""
        return _POSSESSIVE.sub("", self.low.rstrip("."))

    @property
    def capitalised(self) -> bool:
        """True when the word starts with an upper-case letter."""
        return self.text[0].isupper()

    @property
    def final(self) -> bool:
        """True for a word whose full stop ends a sentence (not "Mr." or an initial)."""
        text = self.text
        return text.endswith(".") and len(text) > 2 and text[:-1].lower() not in ABBREVIATIONS

    @property
    def possessive(self) -> bool:
        """True for "Trump’s" / "leaders’"."""
        return bool(_POSSESSIVE.search(self.text)) and len(self.text) > 2


@dataclass(frozen=True)
class SpeakerRef:
    """A speaker phrase found in the text."""

    kind: SpeakerKind
    mention: str
    """How the text names the speaker here (``body[start:end]``)."""
    start: int
    end: int
    name: str | None = None
    """The cleaned name (kind ``name``/``group``), or the pronoun / role noun."""
    titles: tuple[str, ...] = ()
    """Normalised titles seen right before the name ("president", "minister")."""
    name_start: int = -1
    """Offset of the name itself (without titles) for a ``name``; ``start`` otherwise."""
    name_end: int = -1
    """End offset of the name itself."""


def tokens(body: str, start: int, end: int) -> list[Token]:
    """Word tokens of ``body[start:end]`` with absolute offsets."""
    return [Token(m.group(), m.start(), m.end()) for m in TOKEN.finditer(body, start, end)]


def norm_title(word: str) -> str:
    """Fold title spellings together ("Sen." -> "senator", "spokesman" -> "spokesperson")."""
    low = _POSSESSIVE.sub("", word.lower().rstrip("."))
    return _TITLE_ALIASES.get(low, low)


def _is_name_word(tok: Token) -> bool:
    """A capitalised word that can belong to a name run."""
    return tok.capitalised and tok.text not in "—–-" and not tok.text[0].isdigit()


def _mention(body: str, first: Token, last: Token) -> tuple[str, int, int]:
    """The mention text from ``first`` to ``last``, dropping a sentence-final stop."""
    end = last.end
    if last.final:
        end -= 1
    if last.possessive:
        ending = _POSSESSIVE.search(body, first.start, end)
        end -= len(ending.group()) if ending else 0
    return body[first.start : end], first.start, end


def name_run(toks: list[Token], last: int) -> int:
    """Index of the first token of the capitalised run ending at ``last`` (``last + 1`` if none)."""
    first = last + 1
    index = last
    while index >= 0:
        tok = toks[index]
        if _is_name_word(tok):
            if index < last and (tok.possessive or tok.final):
                break
            first = index
        elif tok.low in NAME_PARTICLES or tok.low in NAME_CONNECTORS:
            if index == 0 or not _is_name_word(toks[index - 1]) or tok.low == "and":
                break
        else:
            break
        index -= 1
    while first <= last and toks[first].low in LEADING_STOPWORDS | NAME_CONNECTORS:
        first += 1
    return first


def from_run(body: str, toks: list[Token], first: int, last: int) -> SpeakerRef | None:
    """Interpret the capitalised run ``toks[first..last]`` as a name, a body or a role."""
    run = toks[first : last + 1]
    cut = -1
    for index, tok in enumerate(run):
        if tok.bare in TITLES or tok.bare in ORG_WORDS or tok.possessive:
            cut = index
    titles = tuple(norm_title(t.text) for t in run[: cut + 1] if t.bare in TITLES)
    person = run[cut + 1 :]
    if person and person[0].low in NAME_CONNECTORS:
        person = []
    if not person and any(t.bare in ORG_WORDS for t in run):
        start = 0
        while (
            start < len(run) - 1 and run[start].bare in TITLES and run[start].bare not in ORG_WORDS
        ):
            start += 1
        text, s, e = _mention(body, run[start], run[-1])
        return SpeakerRef("group", text, s, e, text, (), s, e)
    if person:
        if len(person) > 4:
            person = person[-3:]
        text, s, e = _mention(body, person[0], person[-1])
        return SpeakerRef("name", text, s, e, text, titles, s, e)
    if titles:
        text, s, e = _mention(body, run[0], run[-1])
        return SpeakerRef("role", text, s, e, titles[-1], titles)
    return None


def _role_phrase(body: str, toks: list[Token], last: int) -> SpeakerRef | None:
    """A lower-case noun phrase ending at ``last``: "the minister", "a Clinton spokesman"."""
    head = toks[last]
    noun = norm_title(head.text)
    group = head.bare in GROUP_NOUNS
    if noun not in ROLE_NOUNS and noun not in {norm_title(n) for n in ROLE_NOUNS} and not group:
        return None
    first = last
    index = last - 1
    while index >= 0 and last - index <= 5:
        tok = toks[index]
        if tok.low in DETERMINERS or tok.possessive:
            first = index
            break
        stop = tok.low in LEADING_STOPWORDS and tok.low not in DETERMINERS
        if tok.text in ",;:()—–-" or tok.low in AUX_WORDS or stop:
            break
        first = index
        index -= 1
    text, s, e = _mention(body, toks[first], head)
    det = toks[first].low if toks[first].low in DETERMINERS else ""
    named = any(_is_name_word(t) for t in toks[first:last] if t.low not in DETERMINERS)
    body_start = toks[first + 1].start if det and first < last else s
    label = body[body_start:e] if named else None
    if group:
        return SpeakerRef("group", text, s, e, label or head.bare, (noun,))
    if det in ("", "a", "an", "another", "one") and not toks[first].possessive:
        return SpeakerRef("group", text, s, e, label, (noun,))
    return SpeakerRef("role", text, s, e, noun, (noun,))


def speaker_before(body: str, toks: list[Token], last: int, depth: int = 0) -> SpeakerRef | None:
    """The speaker phrase ending at ``toks[last]`` (the token just before the cue), or None."""
    index = last
    while index >= 0 and toks[index].low in AUX_WORDS and not toks[index].capitalised:
        index -= 1
    if index < 0:
        return None
    if toks[index].text == ")":
        while index >= 0 and toks[index].text != "(":
            index -= 1
        index -= 1
        if index < 0:
            return None
    tok = toks[index]
    if tok.text == "," and depth == 0:
        comma = index - 1
        while comma >= 0 and toks[comma].text != "," and index - comma <= 14:
            comma -= 1
        if comma > 0 and toks[comma].text == ",":
            return speaker_before(body, toks, comma - 1, depth + 1)
        return None
    if tok.low in PRONOUNS and not tok.text.endswith("."):
        return SpeakerRef("pronoun", tok.text, tok.start, tok.end, PRONOUNS[tok.low])
    if _is_name_word(tok):
        first = name_run(toks, index)
        if first > index:
            return None
        ref = from_run(body, toks, first, index)
        if ref is not None and ref.kind == "role" and first and toks[first - 1].low in DETERMINERS:
            start = toks[first - 1].start
            ref = replace(ref, mention=body[start : ref.end], start=start)
        return ref
    return _role_phrase(body, toks, index)


def speaker_after(body: str, toks: list[Token], first: int) -> SpeakerRef | None:
    """The speaker phrase starting at ``toks[first]`` (just after an inverted cue), or None."""
    index = first
    while index < len(toks) and index - first < 9:
        tok = toks[index]
        if tok.text in ",;:()—–-":
            break
        keep = (
            _is_name_word(tok)
            or tok.low in DETERMINERS
            or tok.bare in TITLES
            or tok.bare in ROLE_NOUNS
            or tok.bare in GROUP_NOUNS
            or tok.bare in ORG_WORDS
            or tok.low in NAME_PARTICLES
            or (tok.low in NAME_CONNECTORS and tok.low != "and")
        )
        if not keep:
            break
        index += 1
        if tok.final:
            break
    if index == first:
        if first < len(toks) and toks[first].low in PRONOUNS:
            tok = toks[first]
            return SpeakerRef("pronoun", tok.text, tok.start, tok.end, PRONOUNS[tok.low])
        return None
    last = index - 1
    while last > first and toks[last].low in NAME_CONNECTORS | DETERMINERS:
        last -= 1
    if toks[first].low in PRONOUNS and last == first:
        tok = toks[first]
        return SpeakerRef("pronoun", tok.text, tok.start, tok.end, PRONOUNS[tok.low])
    return speaker_before(body, toks[first : last + 1], last - first, depth=1)
