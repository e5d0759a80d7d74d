"""Transliteration-folding name keys: Tokayev, Toqayev, Tokaev, Токаев and Тоқаев share one key.

``name_key`` romanises (anyascii), lowercases, drops apostrophes and the possessive ``'s``, turns
every non-letter into a space, then folds the spelling variants that English, Russian and Kazakh
romanisation systems produce for the same sounds (``zh``/``j``, ``kh``/``h``, ``q``/``k``,
``ya``/``a``, ``y``/``i``, doubled letters...). The key is only ever compared with other keys:
it is a matching device, never shown to a user.

``russian_stem`` strips Russian case endings from a capitalised Cyrillic word, so that the
extractor reads Лавров, Лаврова, Лаврову, Лавровым and Лаврове (or Москва, Москвы, Москвой) as
one name; ``word_key`` is the key the extractor uses for a word of the text. ``name_key`` itself
does not stem: search keys stay exactly as written.
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


CYRILLIC_CAPITALS: Final = frozenset(
    chr(c) for c in range(0x0400, 0x0530) if chr(c).isupper() and chr(c).isalpha()
)
_LONG_ENDINGS: Final = ("ами", "ями", "ыми", "ими", "ого", "его", "ому", "ему")
_SHORT_ENDINGS: Final = ("ым", "им", "ом", "ем", "ём", "ам", "ям", "ах", "ях", "ых", "их")
_FINALS: Final = frozenset("аяуюеёыиойь")
_MIN_STEM: Final = 3


def _strip_case(part: str) -> str:
    """One word (no hyphen) without its case ending."""
    low = part.lower()
    for endings in (_LONG_ENDINGS, _SHORT_ENDINGS):
        for ending in endings:
            if low.endswith(ending) and len(part) - len(ending) >= _MIN_STEM:
                part, low = part[: -len(ending)], low[: -len(ending)]
                break
        else:
            continue
        break
    while len(part) > _MIN_STEM and low[-1] in _FINALS:
        part, low = part[:-1], low[:-1]
    return part


def russian_stem(word: str) -> str:
    """A capitalised Cyrillic word without its Russian case ending; other words unchanged.

    Covers the endings of the six cases of nouns and names: -а/-я/-у/-ю/-е/-ы/-и, -ом/-ем/-ём,
    -ой/-ей, -ым/-им, -ого/-его/-ому/-ему (adjectival surnames such as Зеленский), the plural
    -ами/-ями/-ах/-ях/-ых/-их, and a final -й/-ь. The surname suffixes -ов/-ев/-ин stay, so
    Лавровым, Лаврова, Лаврову and Лавров share the stem Лавров; Сергей, Сергея and Сергеем share
    Серг. The stem is a key, not a word: it is never shown. Only the last part of a hyphenated
    word is stemmed (Нур-Султана -> Нур-Султан); at least three letters are always kept.
    """
    if not word or word[0] not in CYRILLIC_CAPITALS:
        return word
    head, sep, last = word.rpartition("-")
    return head + sep + _strip_case(last)


def word_key(word: str) -> str:
    """The extractor's key of one word of a text: ``fold_word`` of its Russian stem."""
    if word and word[0] in CYRILLIC_CAPITALS:
        return fold_word(russian_stem(word))
    return fold_word(word)


_LOOSE_END: Final = re.compile(r"(?<=[a-z]{3})[aeiou]+$")


def loose_key(key: str) -> str:
    """A folded key without its final vowels: the romanised Russian stem of a name (Сергея and
    Sergey both give ``serg``, Марии and Maria ``mar``), for first-name lists only."""
    return _LOOSE_END.sub("", key)
