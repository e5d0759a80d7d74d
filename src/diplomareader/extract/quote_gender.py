"""Whether a speaker's name reads as a woman's or a man's, for "she said" / "he said".

Two sources, both optional: the given names of ``female_names`` / ``male_names`` in the gazetteer
(``data/given_name_genders.yaml``, extendable with a user file), and the article itself, where a
surname written after "Mr." or "Ms."/"Mrs."/"Miss" shows the sex. A name found in neither has no
known sex and agrees with any pronoun.
"""

from __future__ import annotations

import re
from typing import Literal

from diplomareader.extract.gazetteer import default_gazetteer
from diplomareader.extract.quote_lexicon import TITLES

Sex = Literal["f", "m"]

_ADDRESSED = re.compile(r"\b(Mr|Mrs|Ms|Miss)\.?\s+([A-Z][\w'’-]+)")
_PRONOUN_SEX: dict[str, Sex] = {"she": "f", "he": "m"}


def pronoun_sex(pronoun: str) -> Sex | None:
    """ "she" -> "f", "he" -> "m", anything else None."""
    return _PRONOUN_SEX.get(pronoun)


class SexOfNames:
    """The sex a name shows in one article (see the module docstring)."""

    def __init__(self, body: str) -> None:
        """Read the forms of address of ``body`` (the name lists are loaded when first needed)."""
        self._female: set[str] | None = None
        self._male: set[str] = set()
        addressed: dict[str, Sex | None] = {}
        for match in _ADDRESSED.finditer(body):
            sex: Sex = "m" if match.group(1) == "Mr" else "f"
            key = match.group(2).casefold()
            addressed[key] = sex if addressed.get(key, sex) == sex else None
        self._addressed = addressed
        self._cache: dict[str, Sex | None] = {}

    def of(self, name: str) -> Sex | None:
        """The sex ``name`` shows, or None when neither source says."""
        if name not in self._cache:
            self._cache[name] = self._find(name)
        return self._cache[name]

    def _find(self, name: str) -> Sex | None:
        words = [w for w in name.split() if w.casefold().rstrip(".") not in TITLES]
        if not words:
            return None
        if len(words) > 1:
            if self._female is None:
                gaz = default_gazetteer()
                self._female, self._male = gaz.words("female_names"), gaz.words("male_names")
            given = words[0].casefold()
            if given in self._female:
                return "f"
            if given in self._male:
                return "m"
        return self._addressed.get(words[-1].casefold())

    def agrees(self, name: str, sex: Sex | None) -> bool:
        """True unless ``name`` is known to be of the other sex than ``sex``."""
        if sex is None:
            return True
        known = self.of(name)
        return known is None or known == sex
