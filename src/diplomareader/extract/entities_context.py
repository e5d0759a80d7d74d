"""Mentions read from the words around a candidate: the wider phrase a reader sees as the name.

After the runs are read, each candidate's neighbourhood may name the same entity more fully, or
name a body built on it:

- a group noun after an organisation: "ISIL fighters", "Coalition partners" (same entity);
- a lowercase place word after a place: "Anbar province", "the Tigris river" (same entity);
- "the city of Mosul", "the Syrian town of Dabiq", "the port city of Tartus" (same entity);
- a place and the country or state it lies in: "Palmyra, Syria", "Fort Campbell, Kentucky"
  (a mention of the first place);
- a person's regime or administration: "the Assad regime", "Assad's brutal regime",
  "the Obama administration" (a new organisation);
- the people or government of a place: "the people of Mosul", "the government of Iraq" (a new
  organisation; the capitalised "Government of Iraq" is read by the merge step).

Wider mentions of the same entity are *linked* to their candidate: they join its entity but never
give it its name. The candidate itself stays a mention.
"""

from __future__ import annotations

import bisect
import re
from typing import Final

from diplomareader.extract.entities_candidate import Candidate
from diplomareader.extract.entities_tokens import Token
from diplomareader.extract.entities_words import RuleWords, words_of
from diplomareader.extract.gazetteer import Gazetteer

_SETTLEMENTS: Final = words_of(
    "city town village capital suburb province district region governorate neighbourhood "
    "neighborhood port area camp island oblast county municipality"
)
"""Lowercase nouns of "the city of X", "the Syrian town of X", "the port city of X"."""
_SETTLEMENT_WORDS: Final = _SETTLEMENTS | words_of("port holy ancient old")
"""Words before "town of X" that belong to the settlement noun ("the port city of")."""
_RULERS: Final = words_of("regime administration government junta")
"""What a person's name can head: "the Assad regime", "the Obama administration"."""
_PEOPLE_OF: Final = words_of("people peoples government governments residents citizens regime")
"""Lowercase heads of "the people of X", "the government of X"."""
_PLACE_WORDS: Final = _SETTLEMENTS | words_of("river mountains valley dam desert plain")
"""Lowercase place words that close a place name: "Anbar province", "the Tigris river"."""
_LIST_NEXT: Final = re.compile(r"(?:,? and|,? or|,)(?: the)? [A-Z]|['’]s\b")
"""After "X, Y": a list goes on ("Homs, Hama and Idlib"), or Y owns something."""
_PHRASE_END: Final = re.compile(
    r"[,.;:)]|$|\s*\n| (?:and|or|in|on|at|to|for|from|with|who|which|where|is|was|has|had)\b"
)
"""What may follow "Woodbridge, Virginia" when an unknown name is read as a place."""
_NEXT_WORDS: Final = re.compile(r"(?:['’]s)?((?: [a-z][a-z-]*){1,3})")


class ContextRules:
    """The context step of ``RunReader`` (a mixin: it uses the reader's body, tokens, words)."""

    body: str
    tokens: list[Token]
    words: RuleWords
    starts: list[int]
    gaz: Gazetteer

    def widen(self, cands: list[Candidate]) -> list[Candidate]:
        """The wider mentions and the bodies named around ``cands`` (new candidates only)."""
        out: list[Candidate] = []
        for n, cand in enumerate(cands):
            if cand.kind == "organization" and not cand.adjective:
                found = self._group_after(cand)
            elif cand.kind == "place" and not cand.adjective:
                found = self._place_noun_after(cand) or self._place_of(cand)
                comma = self._in_country(cand, cands[n + 1] if n + 1 < len(cands) else None)
                if comma is not None:
                    out.append(comma)
                of = self._people_of(cand)
                if of is not None:
                    out.append(of)
            elif cand.kind == "person" and not cand.role:
                found = self._ruler(cand)
            elif cand.kind is None and not cand.role and not cand.sent_start and len(cand.keys) < 3:
                # "Woodbridge, Virginia": an unknown name placed in a known country or state.
                nxt = cands[n + 1] if n + 1 < len(cands) else None
                found = self._in_country(cand, nxt)
                if (
                    found is not None
                    and nxt is not None
                    and not _PHRASE_END.match(self.body, nxt.end)
                ):
                    found = None  # "Latifa Lyles, U.S. Equal Employment...": not a place
                if found is not None:
                    cand.kind = found.kind = "place"
            else:
                continue
            if found is not None:
                out.append(found)
        return out

    # -- helpers ---------------------------------------------------------------------------
    def _following(self, cand: Candidate) -> list[str]:
        """Up to three lowercase words right after ``cand`` (after a possessive ending)."""
        m = _NEXT_WORDS.match(self.body, cand.end)
        return m.group(1).split() if m else []

    def _linked(self, cand: Candidate, start: int, end: int) -> Candidate:
        return Candidate(
            start,
            end,
            self.body[start:end],
            cand.kind,
            cand.entry,
            keys=cand.keys,
            link=cand,
        )

    def _token_index(self, offset: int) -> int:
        return bisect.bisect_left(self.starts, offset)

    # -- same entity -----------------------------------------------------------------------
    def _group_after(self, cand: Candidate) -> Candidate | None:
        """ "ISIL fighters", "ISIL tactical units", "Coalition partners"."""
        if self.body[cand.end : cand.end + 1] != " ":
            return None
        words = self._following(cand)
        for n in (2, 1):
            if len(words) >= n and tuple(words[:n]) in self.words.group_nouns:
                end = cand.end + len(" " + " ".join(words[:n]))
                return self._linked(cand, cand.start, end)
        return None

    def _place_noun_after(self, cand: Candidate) -> Candidate | None:
        """ "Anbar province", "the Tigris river": a lowercase place word closes the name."""
        if self.body[cand.end : cand.end + 1] != " ":
            return None
        words = self._following(cand)
        if words and words[0] in _PLACE_WORDS:
            return self._linked(cand, cand.start, cand.end + 1 + len(words[0]))
        return None

    def _words_before(self, cand: Candidate, count: int) -> list[Token]:
        """Up to ``count`` tokens right before ``cand``, each followed by a single space."""
        t = self._token_index(cand.start)
        out: list[Token] = []
        nxt = cand.start
        while t > 0 and len(out) < count:
            tok = self.tokens[t - 1]
            if self.body[tok.end : nxt] != " ":
                break
            out.insert(0, tok)
            nxt = tok.start
            t -= 1
        return out

    def _adjective(self, tok: Token) -> bool:
        match = self.gaz.phrases.get(tok.key) if tok.cap else None
        return match is not None and match.adjective

    def _place_of(self, cand: Candidate) -> Candidate | None:
        """ "the city of Mosul", "the Syrian town of Dabiq", "the port city of Tartus"."""
        before = self._words_before(cand, 5)
        if before and before[-1].lower == "the":
            before.pop()
        if len(before) < 2 or before[-1].text != "of" or before[-2].text not in _SETTLEMENTS:
            return None
        k = len(before) - 2
        if k >= 1 and before[k - 1].text in _SETTLEMENT_WORDS:
            k -= 1
        if k >= 1 and self._adjective(before[k - 1]):
            k -= 1
        return self._linked(cand, before[k].start, cand.end)

    def _in_country(self, cand: Candidate, nxt: Candidate | None) -> Candidate | None:
        """ "Palmyra, Syria", "Woodbridge, Virginia": a place and the country or state after it."""
        if nxt is None or nxt.kind != "place" or nxt.entry is None or nxt.adjective:
            return None
        if self.body[cand.end : nxt.start] != ", " or cand.entry is nxt.entry:
            return None
        if cand.entry is not None and cand.entry.adjectives:
            return None  # "Australia, Bahrain, Canada": a list of countries
        if not (nxt.entry.adjectives or nxt.entry.kind == "place"):
            return None
        if _LIST_NEXT.match(self.body, nxt.end) or (
            cand.start >= 2 and self.body[cand.start - 2 : cand.start] == ", "
        ):
            return None  # a list of places
        return self._linked(cand, cand.start, nxt.end)

    # -- new organisations -----------------------------------------------------------------
    def _ruler(self, cand: Candidate) -> Candidate | None:
        """ "the Assad regime", "Assad's brutal regime", "the Obama administration"."""
        words = self._following(cand)
        possessive = self.body[cand.end : cand.end + 2] in ("'s", "’s")
        for n, word in enumerate(words[:2]):
            if word in _RULERS and (n == 0 or possessive):
                tail = " ".join(words[: n + 1])
                end = cand.end + (2 if possessive else 0) + 1 + len(tail)
                text = self.body[cand.start : end]
                keys = (cand.keys[-1] if cand.keys else "", word)
                return Candidate(cand.start, end, text, "organization", keys=keys)
        return None

    def _people_of(self, cand: Candidate) -> Candidate | None:
        """ "the people of Mosul", "the government of Iraq" (lowercase head)."""
        before = self._words_before(cand, 3)
        if before and before[-1].lower == "the":
            before.pop()
        if len(before) < 2 or before[-1].text != "of" or before[-2].text not in _PEOPLE_OF:
            return None
        start = before[-2].start
        keys = (before[-2].text.rstrip("s"), *cand.keys)
        return Candidate(start, cand.end, self.body[start : cand.end], "organization", keys=keys)


_LIST_JOINER: Final = re.compile(r"(?:,|,? and|,? or)(?: the)? ")


def share_kinds(body: str, cands: list[Candidate], common: frozenset[str] = frozenset()) -> None:
    """Unknown names listed with names of one kind take that kind: "in Qamenas, Sarmin and
    Talamenes", "Biden, Harris and Kolesnikov". A list whose known members differ in kind
    ("Russia, Iran and Hezbollah") tells nothing, and neither does a common noun of ``common``
    ("Iran and the States members of the Council")."""
    main = sorted(
        (c for c in cands if not c.nested and c.link is None and not c.adjective),
        key=lambda c: c.start,
    )
    groups: list[list[Candidate]] = []
    for cand in main:
        if groups and _LIST_JOINER.fullmatch(body[groups[-1][-1].end : cand.start]):
            groups[-1].append(cand)
        else:
            groups.append([cand])
    for group in groups:
        kinds = {c.kind for c in group if c.kind is not None}
        if len(group) < 2 or len(kinds) != 1:
            continue
        last_joint = body[group[-2].end : group[-1].start]
        if " and " not in f"{last_joint} " and " or " not in f"{last_joint} ":
            continue  # "X, Y" alone is an apposition, not a list
        kind = kinds.pop()
        for cand in group:
            if (
                cand.kind is None
                and not cand.role
                and not cand.sent_start
                and len(cand.keys) <= 2
                and cand.text.lower().removesuffix("s") not in common
            ):
                cand.kind = kind
