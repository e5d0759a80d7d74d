"""Classifying a piece of a run by the cues in and around it (a mixin of ``RunReader``).

A piece is a stretch of capitalised words that the gazetteer did not match. Its kind comes from
its own words (an organisation or place head or tail word, a first name, a particle such as
"al-"), from the words around it (a title before it, a verb of saying after it or before it, a
preposition such as "in" before it, a lowercase place word after it, an age in commas after it)
or from its shape (a capitalised abbreviation). A piece with no cue stays pending (kind None).
"""

from __future__ import annotations

import re
from typing import Final

from diplomareader.extract.entities_candidate import Candidate
from diplomareader.extract.entities_tokens import CONNECTORS, Token
from diplomareader.extract.entities_words import (
    AFTER_NOUN,
    HYPHEN_PREFIXES,
    LONE_ORG_WORDS,
    ROMAN,
    RuleWords,
)
from diplomareader.extract.gazetteer import Gazetteer
from diplomareader.extract.names import CYRILLIC_CAPITALS, loose_key
from diplomareader.model import EntityKind

_ADJECTIVE_ENDS: Final = ("ish", "ian", "ese", "ic", "ist", "ern")
_CONTRACTION: Final = re.compile(r"['’](?:ve|m|ll|re|d|t)$", re.IGNORECASE)
"""A word ending like "I've", "I'm", "We'll", "Don't": a pronoun or a verb, not a name."""
_WORD: Final = re.compile(r"[^\W\d_][\w'’-]*")
_AGE_AFTER: Final = re.compile(r", \d{1,2},(?!\d)")
"""An age in commas after a name: "Scott C. Dayton, 42, of Woodbridge"."""


class Cues:
    """The classification step of ``RunReader``: it uses the reader's body, tokens and words."""

    body: str
    tokens: list[Token]
    words: RuleWords
    gaz: Gazetteer
    in_headline: bool
    lower_words: frozenset[str] | None

    def _classify(self, piece: list[int], titled: bool) -> Candidate | None:
        toks = self.tokens
        first, last = toks[piece[0]], toks[piece[-1]]
        words = [toks[t].lower for t in piece]
        start, end = first.start, last.bare_end
        if last.lower in ("jr", "sr") and self.body[end : end + 1] == ".":
            end += 1  # "John G. Roberts Jr." keeps the period of its suffix
        text = self.body[start:end]
        if sum(c.isalpha() for c in text) < 2 or _CONTRACTION.search(text):
            return None  # a lone letter ("R", "D"), a party tag, "I've": never a name
        keys = tuple(
            toks[t].key for t in piece if toks[t].key and toks[t].lower not in self.words.particles
        )
        kind: EntityKind | None = None
        if self._modifier(first) or all(
            w in self.words.directions or w in CONNECTORS for w in words
        ):
            return Candidate(start, end, text, None, keys=keys)  # "East and South"
        if self.in_headline:
            if len(piece) == 2 and self._first_name(first) and not titled:
                kind = "person"
            return Candidate(start, end, text, kind, keys=keys)
        lastw = words[-1].rstrip("'’").removesuffix("'s").removesuffix("’s")
        if all(w.rstrip(".") in ("jr", "sr") or w.upper() in ROMAN for w in words):
            return None  # "Jr." cut off by "King" in "Martin Luther King Jr."
        if words[0] in self.words.event_heads:
            return None  # "Hurricane Ida", "Tropical Storm Nicholas"
        if len(piece) > 1 and lastw in self.words.work_tails:
            return None  # "the Lawful Commerce in Arms Act": a law, not a body or a place
        shouted = sum(1 for t in piece if toks[t].all_caps or toks[t].text in ("A", "I"))
        if len(piece) > 1 and shouted >= 2 and 2 * shouted >= len(piece):
            return None  # "SAVE A QUARTER": a heading in capitals, not a name
        if (
            lastw in self.words.org_tails
            and (len(piece) > 1 or first.all_caps)
            or len(piece) > 1
            and words[0] in self.words.org_heads
            and toks[piece[1]].lower in CONNECTORS
        ):
            kind = "organization"
        elif titled and len(piece) <= 4:
            kind = "person"
        elif len(piece) > 1 and lastw in self.words.place_tails:
            kind = "place"
        elif len(piece) > 1 and words[0] in self.words.place_heads and words[0] not in ("new",):
            kind = None if self._first_name(first) else "place"
        if (
            kind is None
            and len(piece) > 1
            and (self._first_name(first) or self._name_shaped(piece))
            and not (piece[0] > 0 and toks[piece[0] - 1].lower == "the")
        ):
            kind = "person"
        if kind is None and len(piece) == 1 and lastw in LONE_ORG_WORDS and not first.sent_start:
            kind = "organization"
        if (
            kind is None
            and len(piece) <= 3
            and (self._speaks(piece[-1]) or self._spoken_by(piece[0], piece[-1]))
        ):
            kind = "person"
        if kind is None and len(piece) == 1 and self._acronym(piece[0]):
            if self._common_abbreviation(first.text):
                return None  # "SDG" (also written "SDGs"), "PPP" for "public-private partnership"
            kind = "organization"
        if kind is None and (
            (self._after_place_preposition(piece[0]) and not self._adjective_shaped(piece))
            or self._place_word_after(piece[-1])
        ):
            kind = "place"
        if kind == "person" and all(
            w in self.words.common_nouns or w in self.words.departments for w in words
        ):
            kind = None  # "the Secretary of Defense spoke": a department, not a name
        if (
            kind is not None
            and len(piece) == 1
            and first.sent_start
            and not titled
            and first.lower in self._lowercase_words()
        ):
            kind = None  # "Rising sea levels", "Recently, ...": a word written lowercase elsewhere
        return Candidate(
            start,
            end,
            text,
            kind,
            keys=keys,
            titled=titled,
            sent_start=len(piece) == 1 and first.sent_start,
        )

    def _lowercase_words(self) -> frozenset[str]:
        """The words the body writes in lowercase (computed once per body)."""
        words = self.lower_words
        if words is None:
            words = self.lower_words = frozenset(t.text for t in self.tokens if not t.cap)
        return words

    @staticmethod
    def _modifier(tok: Token) -> bool:
        """A hyphenated modifier, not a name: "Houthi-controlled", "Non-NATO", "Anti-ISIL"."""
        if "-" not in tok.text:
            return False
        parts = tok.text.split("-")
        if parts[0].lower() in HYPHEN_PREFIXES:
            return True
        return any(len(p) > 3 and p.islower() for p in parts[1:])

    def _first_name(self, tok: Token) -> bool:
        """A known first name; in Cyrillic, in any case (Иван, Ивана, Сергеем)."""
        if tok.lower in self.words.first_names:
            return True
        return tok.text[0] in CYRILLIC_CAPITALS and loose_key(tok.key) in self.words.first_stems

    def _acronym(self, t: int) -> bool:
        """A capitalised abbreviation (``YPG``), not a word of a line written in capitals."""
        text = self.tokens[t].text.replace(".", "")
        if self.tokens[t].text.lower() in self.words.not_orgs:
            return False
        if not (2 <= len(text) <= 6 and text.isupper() and text.isalpha()) or text in ROMAN:
            return False
        for n in (t - 1, t + 1):
            if 0 <= n < len(self.tokens):
                other = self.tokens[n]
                if other.all_caps and len(other.text) >= 4 and other.key not in self.gaz.prefixes:
                    return False
        return True

    def _common_abbreviation(self, text: str) -> bool:
        """An abbreviation of things rather than of a body: written in the plural elsewhere
        ("SDGs"), or spelled out as a common noun ("public-private partnership (PPP)") or as a
        programme, plan or law ("Paycheck Protection Program (PPP)")."""
        if re.search(rf"(?<![\w.-]){re.escape(text)}s\b", self.body):
            return True
        letters = text.replace(".", "")
        for m in re.finditer(rf"\(\s*{re.escape(text)}s?\s*\)", self.body):
            words = _WORD.findall(self.body, max(0, m.start() - 120), m.start())
            parts = [p for w in words for p in w.split("-") if p]
            parts = [p for p in parts if p.lower() not in CONNECTORS]
            if len(parts) < len(letters):
                continue
            spelled = parts[-len(letters) :]
            if "".join(p[0] for p in spelled).upper() != letters.upper():
                continue
            last = spelled[-1].lower()
            if (
                all(p.islower() for p in spelled)
                or last in self.words.work_tails
                or last
                in (
                    "goals",
                    "goal",
                    "targets",
                )
            ):
                return True
        return False

    def _name_shaped(self, piece: list[int]) -> bool:
        """ "Stephen J. Townsend" (a middle initial), "Haider al-Abadi", "Abu Omar al-Ansari"."""
        toks = self.tokens
        if len(piece) > 4:
            return False
        texts = [toks[t].text for t in piece]
        if any(len(t) == 1 and t.isupper() for t in texts[1:-1]):
            return True
        if texts[0] in ("Abu", "Umm", "Bin", "Ibn") and len(texts) >= 2:
            return True
        return any(t.lower().startswith(("al-", "el-")) or t in ("bin", "ibn") for t in texts[1:])

    def _speaks(self, t: int) -> bool:
        """Followed by a verb of saying: "Colville said", "Sadiq Maroof told"."""
        nxt = t + 1
        if nxt >= len(self.tokens) or self.body[self.tokens[t].end : self.tokens[nxt].start] != " ":
            return False
        return self.tokens[nxt].text in self.words.speech_verbs

    def _adjective_shaped(self, piece: list[int]) -> bool:
        """One word shaped like an adjective before a lowercase noun: "in the Jewish people's",
        "in Christian communities" (not "in Rawah overnight")."""
        if len(piece) != 1 or not self.tokens[piece[0]].lower.endswith(_ADJECTIVE_ENDS):
            return False
        nxt = piece[0] + 1
        if (
            nxt >= len(self.tokens)
            or self.body[self.tokens[nxt - 1].end : self.tokens[nxt].start] != " "
        ):
            return False
        tok = self.tokens[nxt]
        return not tok.cap and tok.lower not in AFTER_NOUN

    def _spoken_by(self, first: int, last: int) -> bool:
        """ "..., says Manal." (a verb of saying before, the clause ends after) or "Dayton, 42,"
        (an age in commas after the name)."""
        after = self.body[self.tokens[last].end : self.tokens[last].end + 8]
        if _AGE_AFTER.match(after):
            return True
        if first == 0 or after[:1] not in (".", ",", ";", ":"):
            return False
        prev = self.tokens[first - 1]
        return (
            prev.lower in ("said", "says", "told", "added", "asked", "explained", "recalls")
            and self.body[prev.end : self.tokens[first].start] == " "
        )

    def _place_word_after(self, t: int) -> bool:
        """Followed by a lowercase place word: "the Karrada district", "Kherson regions"."""
        nxt = t + 1
        if nxt >= len(self.tokens) or self.body[self.tokens[t].end : self.tokens[nxt].start] != " ":
            return False
        word = self.tokens[nxt].text
        return word.islower() and word in self.words.place_tails

    def _after_place_preposition(self, t: int) -> bool:
        if t == 0:
            return False
        prev = self.tokens[t - 1]
        if (prev.cap and not prev.sent_start) or self.body[prev.end : self.tokens[t].start] != " ":
            return False  # "Near Rawah," opening a sentence still places Rawah
        if prev.lower in self.words.place_preps:
            return True
        if t >= 2:
            two = f"{self.tokens[t - 2].lower} {prev.lower}"
            return two in self.words.place_preps
        return False
