"""Tokens and capitalised runs: the candidate spans the entity rules look at.

A *run* is a stretch of capitalised words on one line, separated by single spaces, that may
contain lowercase connectors (``of``, ``the``, ``al-``...) between capitalised words:
"Ministry of Foreign Affairs", "Bashar al-Assad", "Islamic State of Iraq and the Levant".
"""

from __future__ import annotations

import re
from typing import Final

from diplomareader.extract.names import word_key

TOKEN_RE: Final = re.compile(
    r"(?:[^\W\d_]\.){2,}"  # U.S., D.C., U.N.
    r"|\w+(?:(?:[-'’]|\.(?=[a-z]))\w+)*(?:(?<=s)['’](?!\w))?"  # words, Nur-Sultan, Workers'
)


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


CONNECTORS: Final = _words(
    "of the and for on in de du da del della di von van der den la le bin ibn al el y upon to at"
)
"""Lowercase words that may sit inside a name between capitalised words."""
_RUN_OPENERS: Final = _words("al el bin ibn abu von van de della da")
"""Lowercase particles that may open a name: "al Qaeda", "von der Leyen", "de Mistura"."""
_PARTICLE_PREFIXES: Final = ("al-", "el-", "ad-", "as-", "ash-", "ar-", "at-", "an-", "az-", "ibn-")
_SENTENCE_END: Final = frozenset('.!?:;"“”«»•*–—(|[\n')
_JOINING_GAPS: Final = frozenset({" ", "\u00a0"})
_ABBREVIATIONS: Final = _words(
    "mr mrs ms dr st mt ft gen lt col sen rep prof jr sr maj capt sgt adm cmdr gov vs fr rev brig "
    "spc"
)
"""Words whose trailing dot does not end a sentence (``Mr. Johnson``, ``Gen. Votel``)."""
_NAME_ENDS: Final = frozenset(("jr", "sr"))
"""Abbreviations that close a name: a capitalised word after "Jr. " starts something else."""
_NEWLINE: Final = re.compile("\n")
_LONG_WORD: Final = re.compile(r"(?<!\w)[^\W\d_][\w'’-]{3,}")
_HEADLINE_MAX: Final = 250
"""Longer lines are never treated as headlines."""
_BULLETS: Final = ("- ", "• ", "* ", "– ", "· ")
_HEADLINE_ENDS: Final = (".", "!", "?", ";", ",", ":", "”", '"', "»")


class Token:
    """A word of the body with its offsets, folded key and a few precomputed flags."""

    __slots__ = ("text", "start", "end", "_key", "lower", "cap", "sent_start")

    def __init__(self, text: str, start: int, end: int, cap: bool, sent_start: bool) -> None:
        """Record a word; its lowercase form is computed here, its key on first use."""
        self.text = text
        self.start = start
        self.end = end
        self._key: str | None = None
        self.lower = text.lower()
        self.cap = cap
        """Starts with a capital letter (or is a particle-prefixed name such as ``al-Assad``)."""
        self.sent_start = sent_start
        """First word of a sentence, a line or a quotation."""

    @property
    def key(self) -> str:
        """The transliteration-folding key of the word, Russian case endings dropped.

        See ``names.word_key``.
        """
        key = self._key
        if key is None:
            key = self._key = word_key(self.text)
        return key

    @property
    def possessive(self) -> bool:
        """Ends with ``'s`` or ``s'`` (the mention stops before the apostrophe)."""
        t = self.text
        return len(t) > 2 and (t[-2:] in ("'s", "’s") or t[-1] in "'’")

    @property
    def bare_end(self) -> int:
        """End offset without a possessive ending."""
        if not self.possessive:
            return self.end
        return self.end - (2 if self.text[-1] in "sS" else 1)

    @property
    def all_caps(self) -> bool:
        """Written entirely in capitals (``KAZINFORM``, ``UN``)."""
        text = self.text
        if not text.isupper():  # a lowercase letter, or no cased letter at all
            return False
        letters = [c for c in text if c.isalpha()]
        return len(letters) > 1 and all(c.isupper() for c in letters)


def _abbreviation(word: str) -> bool:
    """A word whose trailing dot is not a full stop: ``Mr``, ``Gen``, an initial such as ``J``."""
    return (len(word) == 1 and word.isupper()) or word.lower() in _ABBREVIATIONS


def _is_cap(text: str) -> bool:
    """A particle-prefixed name (``al-Assad``); callers test the first capital letter first."""
    if text[0] not in "aeiAEI" or "-" not in text[2:5]:
        return False
    low = text.lower()
    for prefix in _PARTICLE_PREFIXES:
        if low.startswith(prefix) and len(text) > len(prefix) and text[len(prefix)].isupper():
            return True
    return False


def _starts_sentence(body: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and body[i] in " \t\u00a0":
        i -= 1
    if i < 0:
        return True
    ch = body[i]
    if ch not in _SENTENCE_END:
        return False
    if ch == ".":
        # "U.S. forces", "Gen. Votel", "Stephen J. Townsend": not the end of a sentence.
        if i >= 2 and body[i - 2] == "." and body[i - 1].isalpha():
            return False
        j = i
        while j > 0 and body[j - 1].isalpha():
            j -= 1
        if _abbreviation(body[j:i]) and (j == 0 or not body[j - 1].isalnum()):
            return False
    return True


def tokenize(body: str) -> list[Token]:
    """All word tokens of ``body`` in order."""
    tokens: list[Token] = []
    append = tokens.append
    for m in TOKEN_RE.finditer(body):
        start, end = m.span()
        text = body[start:end]
        first = text[0]
        if first.isupper() or (first in "aeiAEI" and _is_cap(text)):
            append(Token(text, start, end, True, _starts_sentence(body, start)))
        else:
            append(Token(text, start, end, False, False))
    return tokens


def runs(body: str, tokens: list[Token]) -> list[tuple[int, int]]:
    """``(first, last + 1)`` token index ranges of capitalised runs, connectors inside only."""
    result = []
    n = len(tokens)
    i = 0
    while i < n:
        if not tokens[i].cap and not (
            tokens[i].lower in _RUN_OPENERS
            and i + 1 < n
            and tokens[i + 1].cap
            and body[tokens[i].end : tokens[i + 1].start] == " "
        ):
            i += 1
            continue
        start = last_cap = i
        j = i + 1
        while j < n:
            tok = tokens[j]
            gap = body[tokens[j - 1].end : tok.start]
            if gap not in _JOINING_GAPS and not (
                gap == ". "
                and tok.cap
                and _abbreviation(tokens[j - 1].text)
                and tokens[j - 1].lower not in _NAME_ENDS
            ):
                break
            if tok.cap:
                last_cap = j
            elif tok.lower not in CONNECTORS:
                break
            j += 1
        result.append((start, last_cap + 1))
        i = last_cap + 1
    return result


def line_starts(body: str, tokens: list[Token]) -> tuple[list[int], set[int]]:
    """Start offsets of every line, and of the lines written in title case (headlines).

    A headline is a short line that does not end like a sentence, has at least four words of
    four letters or more and at least 80 % of them capitalised; the rules trust only the
    gazetteer and first names there.
    """
    starts = [0] + [m.end() for m in _NEWLINE.finditer(body)]
    headlines = set()
    for n, line in enumerate(starts):
        end = starts[n + 1] - 1 if n + 1 < len(starts) else len(body)
        if end - line > _HEADLINE_MAX or end - line < 16:
            continue
        text = body[line:end].rstrip()
        if text.endswith(_HEADLINE_ENDS) or text.startswith(_BULLETS):
            # a list item ("- Delaware State Senator Elizabeth Lockman") is no headline
            continue
        long_words = _LONG_WORD.findall(text)
        caps = sum(1 for w in long_words if w[0].isupper())
        if len(long_words) >= 4 and caps >= 0.8 * len(long_words):
            headlines.add(line)
    return starts, headlines
