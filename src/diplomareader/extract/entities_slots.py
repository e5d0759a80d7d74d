"""Where a word stands in a name (a mixin of ``RunReader``): surname slots, departments, tails.

- a word the gazetteer knows as a place is a surname right after a first name or a title and a
  name ("Chief Chuck Jordan", "Lisa O. Monaco");
- a word that finds a place only through spelling folds and is a first name is no place
  ("Cameron" is not Cameroon);
- after "Secretary of", the department's words come before the person's name ("Secretary of
  Homeland Security Alejandro Mayorkas");
- words before a title qualify it ("Domestic Policy Advisor Susan Rice");
- a law or organisation word closing a name licenses the connector before it ("Commerce in Arms
  Act", "CHIPS and Science Act").
"""

from __future__ import annotations

from typing import Final

from diplomareader.extract.entities_candidate import Candidate
from diplomareader.extract.entities_tokens import CONNECTORS, Token
from diplomareader.extract.entities_words import RuleWords
from diplomareader.extract.gazetteer import Gazetteer, Match, surface_form

_TAIL_CONNECTORS: Final = frozenset(("of", "for", "in", "on"))


def titled_pieces(pieces: list[tuple[list[int], bool]]) -> list[tuple[list[int], bool]]:
    """``pieces`` with the first one marked as coming right after a title."""
    return [(pieces[0][0], True), *pieces[1:]] if pieces else []


def is_initial(tok: Token) -> bool:
    """A middle initial such as the "D" of "Paul D. Ryan"."""
    return len(tok.text) == 1 and tok.text.isupper()


class NameSlots:
    """The slot rules of ``RunReader``: they use the reader's body, tokens and word lists."""

    body: str
    tokens: list[Token]
    words: RuleWords
    gaz: Gazetteer

    def _first_name(self, tok: Token) -> bool:
        """A known first name (implemented by ``Cues``, which comes first in ``RunReader``)."""
        raise NotImplementedError

    def _loose_name(self, tok: Token, text: str, match: Match) -> bool:
        """A single word that finds a place or body only through spelling folds and is a first
        name or a short word: "Cameron" (not Cameroon), "Sam" (not Siam), "Sidney" (not Sydney).
        A surname (Toqayev for Tokayev) may still match loosely."""
        if text.isupper() or surface_form(text) in match.forms:
            return False
        if match.entry.kind == "person":
            return self._first_name(tok)  # "Ellen" is not "Yellen"
        return len(text) < 5 or self._first_name(tok)

    def _surname_slot(self, pending: list[int], i: int) -> bool:
        """Token ``i`` stands where a surname goes: right after a first name ("Chuck Jordan"),
        or after a title and one name ("Chief Chuck Jordan"), so a place or body the gazetteer
        knows under that word is not meant."""
        if not pending or self.tokens[i].all_caps:
            return False
        initial = False
        if len(pending) > 1 and is_initial(self.tokens[pending[-1]]):
            # "Lisa O. Monaco": look past the middle initial
            if self.body[self.tokens[pending[-1]].end : self.tokens[i].start] != ". ":
                return False
            pending, i, initial = pending[:-1], pending[-1], True
        last = self.tokens[pending[-1]]
        if (
            not last.cap
            or last.all_caps
            or len(last.text) < 2
            or last.lower in self.words.common_nouns
            or self.body[last.end : self.tokens[i].start] != " "
        ):
            return False
        before = self.tokens[pending[-2]] if len(pending) > 1 else None
        titled = (
            before is not None
            and before.cap
            and before.lower.rstrip(".") in self.words.title_words
            and self.body[before.end : last.start] in (" ", ". ")
        )
        if titled:
            return True
        return self._first_name(last) and (initial or not last.sent_start) and before is None

    def _first_name_slot(self, cand: Candidate, i: int, b: int) -> bool:
        """Token ``i``, a place the gazetteer knows that is also a first name, stands where a
        first name goes: right before the last capitalised word of its run (ending at ``b``), a
        word that is no name the gazetteer knows, no first name, no title and no place, body or
        common word ("Jordan Peterson", "Chad Wolf", "Israel Katz"; not "Jordan Valley",
        "Georgia Tech", "U.S.-Israel Strategic Group", "Ambassador to Israel Tom Nides")."""
        tok = self.tokens[i]
        before = self.body[tok.start - 1 : tok.start]
        if (
            before not in ("", " ", "\n", "(", '"', "“")
            or (i and self.tokens[i - 1].lower in self.words.place_preps)
            or cand.kind != "place"
            or cand.adjective
            or cand.people
            or tok.possessive
            or tok.all_caps
            or not self._first_name(tok)
        ):
            return False
        if i + 1 >= b or (i + 2 < b and self.tokens[i + 2].cap):
            return False
        nxt = self.tokens[i + 1]
        low = nxt.lower.rstrip("'’").removesuffix("'s").removesuffix("’s")
        words = self.words
        return (
            nxt.cap
            and not nxt.all_caps
            and len(nxt.text) > 2
            and self.body[tok.end : nxt.start] == " "
            and nxt.key not in self.gaz.prefixes
            and not self._first_name(nxt)
            and low not in words.not_names
            and low not in words.common_nouns
            and low not in words.departments
            and low not in words.title_words
            and low not in words.place_tails
            and low not in words.org_tails
            and low not in CONNECTORS
        )

    def _past_department(
        self, pieces: list[tuple[list[int], bool]]
    ) -> list[tuple[list[int], bool]]:
        """The pieces after "Secretary of": the department's words ("Homeland Security",
        "Health and Human Services") are dropped; the name after them is the titled person."""
        if self._org_piece(pieces[0][0]):
            return [
                (pieces[0][0], False),
                *titled_pieces(pieces[1:]),
            ]  # "Director of the Office of X"
        out = list(pieces)
        while out:
            piece = out[0][0]
            skip = 0
            while skip < len(piece) and self._department_word(self.tokens[piece[skip]]):
                skip += 1
            if skip == len(piece):
                out.pop(0)  # "Health" and "Human Services" of "Health and Human Services"
                continue
            if any(self.tokens[t].all_caps for t in piece[skip:]):
                return titled_pieces(out[1:])  # "Senior Advisor for MEK Resettlement": no name here
            if len(out) > 1 and self._adjacent(piece[-1], out[1][0][0]):
                return titled_pieces(out[1:])  # "Intergovernmental Affairs Julie Rodriguez"
            return [(piece[skip:], True), *out[1:]]
        return []

    def _department_word(self, tok: Token) -> bool:
        low = tok.lower
        return low in self.words.common_nouns or low in self.words.departments or not tok.cap

    def _adjacent(self, a: int, b: int) -> bool:
        """Tokens ``a`` and ``b`` follow each other with one space between."""
        return b == a + 1 and self.body[self.tokens[a].end : self.tokens[b].start] == " "

    def _title_between(self, a: int, b: int) -> bool:
        """Only title words stand between tokens ``a`` and ``b`` ("Domestic Policy Advisor
        Susan Rice": "Domestic Policy" qualifies the title)."""
        between = self.tokens[a + 1 : b]
        return bool(between) and all(
            t.lower.rstrip(".") in self.words.title_words or t.lower in ("of", "for", "the")
            for t in between
        )

    def _org_piece(self, piece: list[int]) -> bool:
        """The piece names an organisation by its words ("Office of Museums", "Border Patrol
        Agency")."""
        words = [self.tokens[t].lower for t in piece]
        return words[-1] in self.words.org_tails or (
            len(words) > 2 and words[0] in self.words.org_heads and words[1] in CONNECTORS
        )

    def _name_starts_at(self, idx: list[int], pos: int) -> bool:
        """A first name at ``idx[pos]`` opens a new name only when a capitalised word follows
        it ("Biden Kamala Harris"); last in the piece it is a surname ("Wilbur Ross")."""
        return pos + 1 < len(idx) and self.tokens[idx[pos + 1]].cap

    def _tail_licenses(self, idx: list[int], pos: int) -> bool:
        """ "Fund for Peace", "Commerce in Arms Act": an organisation or law word closing the
        name within three capitalised words licenses the connector before them."""
        word = self.tokens[idx[pos]].lower
        if word not in _TAIL_CONNECTORS and word != "and":
            return False
        for t in idx[pos + 1 : pos + 4]:
            tok = self.tokens[t]
            if tok.cap and tok.lower in self.words.work_tails:
                return True  # "CHIPS and Science Act"
            if tok.cap and word != "and" and tok.lower in self.words.org_tails:
                return True
            if not tok.cap or tok.lower in self.words.not_names:
                return False
        return False

    def _capitalised(self, idx: list[int], pos: int) -> list[int]:
        """The capitalised tokens of ``idx`` from ``pos`` up to the next lowercase word."""
        out = []
        for t in idx[pos:]:
            if not self.tokens[t].cap:
                break
            out.append(t)
        return out
