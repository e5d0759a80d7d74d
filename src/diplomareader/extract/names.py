"""Transliteration-folding name keys: Tokayev, Toqayev, Tokaev, Токаев and Тоқаев share one key.

``name_key`` romanises (anyascii), lowercases, drops apostrophes and the possessive ``'s``, turns
every non-letter into a space, then folds the spelling variants that English, Russian and Kazakh
romanisation systems produce for the same sounds (``zh``/``j``, ``kh``/``h``, ``q``/``k``,
``ya``/``a``, ``y``/``i``, doubled letters...). The key is only ever compared with other keys:
it is a matching device, never shown to a user.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Final

from anyascii import anyascii

_POSSESSIVE: Final = re.compile(r"(?<=\w)['’ʼ]s\b", re.IGNORECASE)
_APOSTROPHES: Final = re.compile(r"['’ʼ`ʹʻ]")
_NON_LETTERS: Final = re.compile(r"[^a-z]+")
_DOUBLES: Final = re.compile(r"([a-z])\1+")

# Ordered: longer digraphs first so that ``dzh`` is not read as ``d`` + ``zh``.
_FOLDS: Final[tuple[tuple[str, str], ...]] = (
    ("dzh", "j"),
    ("dj", "j"),
    ("zh", "j"),
    ("kh", "h"),
    ("tch", "ch"),
    ("tz", "c"),
    ("ts", "c"),
    ("yu", "u"),
    ("iu", "u"),
    ("ya", "a"),
    ("ia", "a"),
    ("ye", "e"),
    ("yo", "e"),
    ("ou", "u"),
    ("ii", "i"),
    ("iy", "i"),
    ("yi", "i"),
    ("y", "i"),
    ("q", "k"),
    ("ck", "k"),
    ("w", "v"),
    ("ph", "f"),
    ("gh", "g"),
)
_FOLD_RE: Final = re.compile("|".join(re.escape(a) for a, _ in _FOLDS))
_FOLD_MAP: Final = dict(_FOLDS)


@lru_cache(maxsize=65536)
def fold_word(word: str) -> str:
    """The key of a single word (already free of spaces); ``""`` when it has no letters."""
    text = anyascii(unicodedata.normalize("NFKC", word)).lower()
    text = _POSSESSIVE.sub("", text)
    text = _APOSTROPHES.sub("", text)
    text = _NON_LETTERS.sub(" ", text).strip()
    if not text:
        return ""
    text = _FOLD_RE.sub(lambda m: _FOLD_MAP[m.group(0)], text)
    return _DOUBLES.sub(r"\1", text)


def name_key(text: str) -> str:
    """The transliteration-folding key of a name or phrase (words joined by single spaces).

    >>> name_key("Tokayev") == name_key("Toqayev") == name_key("Токаев")
    True
    >>> name_key("Kassym-Jomart Tokayev")
    'kasim jomart tokaev'
    """
    words = (fold_word(part) for part in text.split())
    return " ".join(w for w in words if w)
