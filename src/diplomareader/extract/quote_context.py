"""Words around a name, to tell which person a qualified role means ("the Florida senator").

A role with proper-noun modifiers ("the New Jersey governor", "the Senate minority leader")
names the person whose mention carries the same words nearby ("New Jersey Gov. Chris Christie",
"Sen. Marco Rubio (R-Fla.)"). Context words are folded to lower case; abbreviations keep a final
dot ("fla.", "nj.") and match a modifier they abbreviate ("florida", the initials of
"new jersey").
"""

from __future__ import annotations

import re

from diplomareader.extract.quote_lexicon import DETERMINERS, TITLES

_WORD_BEFORE = re.compile(r"(?:^|\s)([\w’'.-]+)\s+$")
_QUALIFIER_AFTER = re.compile(
    r"\s*(\([^()]{1,30}\)|,\s*[RDI]-[A-Z][\w.]*|\s+of\s+(?:[A-Z][\w.]*\s?){1,3})"
)
"""A parenthetical, a party tag or an "of" phrase right after a name."""


def _fold(word: str) -> str:
    """Lower case without a possessive; an abbreviation keeps one final dot ("fla.", "nj.")."""
    word = re.sub(r"[’']s?$", "", word)
    if "." in word.rstrip(".") or (word.endswith(".") and len(word) <= 6):
        return word.replace(".", "").lower() + "."
    return word.rstrip(".").lower()


def context_words(body: str, start: int, end: int) -> frozenset[str]:
    """Folded capitalised words next to a name at ``[start, end)``: the words that qualify it.

    The run of titles and proper nouns just before it ("former Florida Gov."), and just after it
    a parenthetical ("(R-Fla.)"), a party tag (", R-Fla.,") or an "of" phrase ("of New York").
    Hyphen parts count on their own ("R-Fla." gives "fla.").
    """
    if not body:
        return frozenset()
    words: list[str] = []
    pos = start
    for _ in range(5):
        match = _WORD_BEFORE.search(body, max(0, pos - 40), pos)
        if match is None:
            break
        word = match.group(1)
        if not (word[:1].isupper() or word.lower().rstrip(".") in TITLES):
            break
        words.append(word)
        pos = match.start(1)
    words.reverse()
    after = _QUALIFIER_AFTER.match(body, end, min(len(body), end + 60))
    if after is not None:
        words.append(",")
        words.extend(after.group(1).split())
    parts: list[str] = []
    for word in words:
        pieces = word.strip("()").split("-")
        for piece in pieces:
            parts.extend([piece, ","] if len(pieces) > 1 else [piece])
    return _phrases(parts)


def _phrases(words: list[str]) -> frozenset[str]:
    """Folded single proper nouns, and multi-word runs joined and as initials ("nj")."""
    found: set[str] = set()
    run: list[str] = []
    for word in [*words, ""]:
        bare = word.strip(",")
        if bare[:1].isupper() and bare.lower().rstrip(".") not in TITLES and word == bare:
            run.append(bare)
            continue
        if bare[:1].isupper() and bare.lower().rstrip(".") not in TITLES:
            run.append(bare)
        if len(run) == 1:
            found.add(_fold(run[0]))
        elif run:
            found.add(" ".join(w.lower() for w in run))
            found.add("".join(w[0] for w in run).lower())
        run = []
    return frozenset(found)


def role_modifiers(mention: str) -> frozenset[str]:
    """Proper-noun modifiers of a role phrase ("the former Florida governor" -> {"florida"}).

    Titles and determiners are left out; a run of capitalised words counts as one phrase and
    as its initials ("New Jersey" -> "new jersey", "nj").
    """
    return _phrases([w for w in mention.split() if w.lower() not in DETERMINERS])


def matches(modifiers: frozenset[str], context: frozenset[str]) -> bool:
    """True when a modifier is among the context words, spelled out or abbreviated."""
    for word in context:
        if word in modifiers:
            return True
        if word.endswith(".") and len(word) >= 3:
            stem = word[:-1]
            if any(m == stem or _abbreviates(stem, m) for m in modifiers):
                return True
    return False


def _abbreviates(stem: str, word: str) -> bool:
    """ "fla" / "calif" / "pa" abbreviate "florida" / "california" / "pennsylvania".

    The first letters agree and the stem's letters appear in order in the word; a two-letter
    stem must also end the word ("ky" for "kentucky", not "kansas").
    """
    if " " in word or not word.startswith(stem[0]):
        return False
    if len(stem) == 2 and not word.endswith(stem[1]):
        return False
    rest = iter(word[1:])
    return all(letter in rest for letter in stem[1:])
