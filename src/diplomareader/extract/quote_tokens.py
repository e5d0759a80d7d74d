"""Word tokens with offsets, and the speaker-phrase record the attribution rules produce."""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import islice
from typing import Literal

from diplomareader.extract.quote_lexicon import ABBREVIATIONS

SpeakerKind = Literal["name", "pronoun", "role", "group"]
"""What a speaker phrase is: a name, a pronoun, a person by office, or an unnamed body."""

TOKEN = re.compile(r"[^\W_](?:[\w’'\-]*\w)?\.?|[(),;:—–]|(?<=\s)-(?=\s)|(?<=\s-)-(?=\s)")
"""Word tokens (keeping a trailing full stop for abbreviations) and the punctuation that matters
(a spaced hyphen or double hyphen is a dash: one ``-`` token)."""

_POSSESSIVE = re.compile(r"[’']s?$")
_INITIALS = re.compile(r"(?:[^\W\d_]\.)+[^\W\d_]?")
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


def is_abbreviation(word: str) -> bool:
    """True for a word whose full stop does not end a sentence ("Mr.", "U.S.", "J.")."""
    low = word.lower().rstrip(".")
    return low in ABBREVIATIONS or bool(_INITIALS.fullmatch(word.rstrip(".") + "."))


class Token:
    """A word (or punctuation mark) with its offsets in the body and its precomputed forms."""

    __slots__ = ("_bare", "capitalised", "end", "final", "low", "start", "text")

    def __init__(self, text: str, start: int, end: int) -> None:
        """Record the word and derive its lower-case form and shape flags once."""
        self.text = text
        self.start = start
        self.end = end
        low = text.lower()
        if low[-1] == ".":
            abbreviation = is_abbreviation(text)
            self.low = low if abbreviation else low[:-1]
            self.final = len(text) > 2 and not abbreviation
        else:
            self.low = low
            self.final = False
        self.capitalised = text[0].isupper()
        self._bare: str | None = None

    @property
    def bare(self) -> str:
        """Lower case with abbreviation stops and possessive endings removed."""
        if self._bare is None:
            low = self.low.rstrip(".")
            self._bare = _POSSESSIVE.sub("", low) if "'" in low or "’" in low else low
        return self._bare

    @property
    def possessive(self) -> bool:
        """True for "Trump’s" / "leaders’"."""
        text = self.text
        return len(text) > 2 and (text[-1] in "’'" or text[-2:] in ("’s", "'s"))

    def __repr__(self) -> str:
        """The token and its offsets, for debugging."""
        return f"Token({self.text!r}, {self.start}, {self.end})"


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


def tokens(body: str, start: int, end: int, most: int | None = None) -> list[Token]:
    """Word tokens of ``body[start:end]`` with absolute offsets (the first ``most`` only)."""
    matches = islice(TOKEN.finditer(body, start, end), most)
    return [Token(m.group(), m.start(), m.end()) for m in matches]


def norm_title(word: str) -> str:
    """Fold title spellings together ("Sen." -> "senator", "spokesman" -> "spokesperson")."""
    low = _POSSESSIVE.sub("", word.lower().rstrip("."))
    return _TITLE_ALIASES.get(low, low)


def possessive_ending(body: str, start: int, end: int) -> int:
    """Length of a possessive ending ("’s", "'") at the end of ``body[start:end]``."""
    match = _POSSESSIVE.search(body, start, end)
    return len(match.group()) if match else 0
