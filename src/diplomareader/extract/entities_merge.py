"""Joining neighbouring candidates of a run into the mention a reader sees.

- a nationality adjective or country abbreviation before an organisation: "Kazakh Ministry of
  Energy", "U.S. Marines", "Syrian Arab Coalition" (the country stays a nested mention);
- an adjective before a collective noun: "the Iraqi government", "Russian forces";
- "Embassy of the Republic of Kazakhstan", "Government of Iraq": an organisation head + a place;
- "Mount Sinjar": a feature word + a place; "northern Iraq": a compass word + a place;
- a title before a person: "Russian Foreign Minister Sergey Lavrov", "Lt. Gen. Stephen Townsend",
  "Mr Johnson" (the title's words are kept to resolve "the Foreign Minister" later).
"""

from __future__ import annotations

import bisect

from diplomareader.extract.entities_candidate import Candidate
from diplomareader.extract.entities_tokens import Token
from diplomareader.extract.entities_words import (
    AFTER_NOUN,
    FEATURE_HEADS,
    TITLE_ABBREVIATIONS,
    RuleWords,
)
from diplomareader.model import EntityKind


class Merger:
    """The merge step of ``RunReader`` (a mixin: it uses the reader's body, tokens and words)."""

    body: str
    tokens: list[Token]
    words: RuleWords
    starts: list[int]
    nested: list[Candidate]

    def merge(self, cands: list[Candidate]) -> list[Candidate]:
        """Join the candidates of one run where they form a longer mention."""
        out: list[Candidate] = []
        for n, cand in enumerate(cands):
            prev = out[-1] if out else None
            adjacent = prev is not None and self.body[prev.end : cand.start] == " "
            if adjacent and prev is not None:
                if self._attributive(prev) and self._org_like(cand):
                    out[-1] = self._joined(prev, cand, "organization")
                    self._keep_nested(prev)
                    while len(out) > 1 and self._attributive(out[-2]) and self._touch(out[-2:]):
                        inner = out.pop(-2)
                        self._keep_nested(inner)
                        out[-1] = self._joined(inner, out[-1], "organization")
                    continue
                if self._place_institution(prev, cand):
                    out[-1] = self._joined(prev, cand, "organization")
                    self._keep_nested(prev)
                    continue
                if self._place_feature(prev, cand):
                    out[-1] = self._joined(prev, cand, "place")
                    self._keep_nested(prev)
                    continue
                if self._feature_place(prev, cand):
                    out[-1] = self._joined(prev, cand, "place")
                    self._keep_nested(cand)  # "Sinjar" inside "Mount Sinjar"
                    continue
            if n == len(cands) - 1 and self._attributive(cand):
                collective = self._collective_after(cand)
                if collective is not None:
                    out.append(collective)
                    self._keep_nested(cand)
                    continue
            if cand.entry is not None and cand.kind == "place" and not cand.adjective:
                cand = self._with_direction(cand, out)
                head = self._org_head_before(cand.start)
                if head is not None:
                    if out and out[-1].end > head:
                        out.pop()
                    text = self.body[head : cand.end]
                    keys = tuple(text.lower().split())
                    out.append(Candidate(head, cand.end, text, "organization", keys=keys))
                    self._keep_nested(cand)
                    continue
            if cand.kind == "person":
                cand = self._with_title(cand, out)
            out.append(cand)
        return out

    # -- predicates ------------------------------------------------------------------------
    def _touch(self, pair: list[Candidate]) -> bool:
        return self.body[pair[0].end : pair[1].start] == " "

    @staticmethod
    def _attributive(cand: Candidate) -> bool:
        """A nationality adjective, or a short country name used as one ("U.S. forces")."""
        if cand.kind != "place" or cand.entry is None:
            return False
        return cand.adjective or (len(cand.keys) <= 2 and cand.text.replace(".", "").isupper())

    def _org_like(self, cand: Candidate) -> bool:
        """A rule-found organisation, or a lone organisation word ("Army", "Navy")."""
        if cand.entry is not None:
            return False
        if cand.kind == "organization":
            return True
        return (
            cand.kind is None and len(cand.keys) == 1 and cand.text.lower() in self.words.org_tails
        )

    def _place_institution(self, prev: Candidate, cand: Candidate) -> bool:
        """ "Mosul University" (a place and one organisation word), "Lake Chad Basin
        Commission" (a place and an organisation found by its words)."""
        if prev.kind != "place" or prev.adjective or cand.entry is not None:
            return False
        if cand.kind == "organization":
            return True
        return (
            cand.kind is None and len(cand.keys) == 1 and cand.text.lower() in self.words.org_tails
        )

    def _place_feature(self, prev: Candidate, cand: Candidate) -> bool:
        """ "Mosul Dam", "South China Seas", "Kirkuk Province": a place and one place word."""
        return (
            prev.entry is not None
            and prev.kind == "place"
            and not prev.adjective
            and cand.kind is None
            and len(cand.keys) == 1
            and cand.text.lower() in self.words.place_tails
        )

    @staticmethod
    def _feature_place(prev: Candidate, cand: Candidate) -> bool:
        return (
            prev.kind is None
            and len(prev.keys) == 1
            and prev.text.lower() in FEATURE_HEADS
            and cand.entry is not None
            and cand.kind == "place"
            and not cand.adjective
        )

    # -- builders --------------------------------------------------------------------------
    def _keep_nested(self, cand: Candidate) -> None:
        """Keep a place or organisation swallowed by a longer mention as a mention of its own."""
        if cand.kind in ("place", "organization"):
            cand.nested = True
            self.nested.append(cand)

    def _joined(self, a: Candidate, b: Candidate, kind: EntityKind) -> Candidate:
        text = self.body[a.start : b.end]
        return Candidate(a.start, b.end, text, kind, keys=a.keys + b.keys)

    def _token_at(self, offset: int, *, after: bool) -> int | None:
        """Index of the token starting at or after ``offset`` (or the last one before it)."""
        n = bisect.bisect_left(self.starts, offset)
        if after:
            return n if n < len(self.starts) else None
        return n - 1 if n > 0 else None

    def _collective_after(self, adj: Candidate) -> Candidate | None:
        """ "Iraqi" + "security forces": the state body an adjective and a noun name."""
        toks = self.tokens
        t = self._token_at(adj.end, after=True)
        if t is None or self.body[adj.end : toks[t].start] != " ":
            return None
        for n in (2, 1):
            words = toks[t : t + n]
            if len(words) < n:
                continue
            if tuple(w.lower for w in words) in self.words.collective and self._noun_ends(
                t + n - 1
            ):
                end = words[-1].end
                keys = adj.keys + tuple(w.key for w in words)
                return Candidate(
                    adj.start, end, self.body[adj.start : end], "organization", keys=keys
                )
        return None

    def _noun_ends(self, t: int) -> bool:
        """The noun phrase ends at token ``t`` ("Iraqi forces said", not "Iraqi army officers")."""
        nxt = t + 1
        if nxt >= len(self.tokens):
            return True
        gap = self.body[self.tokens[t].end : self.tokens[nxt].start]
        word = self.tokens[nxt].text
        return gap != " " or not word.islower() or word in AFTER_NOUN or word.endswith("ed")

    def _with_direction(self, cand: Candidate, out: list[Candidate]) -> Candidate:
        """ "northern Iraq": a compass word before a place belongs to the mention."""
        t = self._token_at(cand.start, after=False)
        if t is None:
            return cand
        prev = self.tokens[t]
        if prev.lower not in self.words.directions or self.body[prev.end : cand.start] != " ":
            return cand
        if out and out[-1].end > prev.start:
            if out[-1].kind is not None or out[-1].end > prev.end:
                return cand
            out.pop()
        text = self.body[prev.start : cand.end]
        wide = Candidate(prev.start, cand.end, text, cand.kind, cand.entry, False, cand.keys)
        cand.nested = True  # "Iraq" inside "northern Iraq" is a mention too
        self.nested.append(cand)
        return wide

    def _org_head_before(self, start: int) -> int | None:
        """Start of "Embassy of (the)" / "Government of" right before ``start``, if any."""
        words = self.body[max(0, start - 60) : start].split(" ")
        if len(words) < 3 or words[-1] != "":
            return None
        k = len(words) - 2
        if words[k] == "the":
            k -= 1
        if k < 1 or words[k] != "of" or words[k - 1].lower() not in self.words.org_heads:
            return None
        if not words[k - 1][:1].isupper():
            return None
        return start - len(" ".join(words[k - 1 :]))

    def _title_start(self, t: int) -> int:
        """First token of the title written right before token ``t`` (``t`` if none)."""
        toks, body, title_words = self.tokens, self.body, self.words.title_words
        first = t
        while first > 0:
            prev = toks[first - 1]
            gap = body[prev.end : toks[first].start]
            if gap not in (" ", ". ") or (gap == ". " and prev.lower not in TITLE_ABBREVIATIONS):
                break
            if prev.lower in ("of", "for"):
                if first >= 2 and toks[first - 2].cap and toks[first - 2].lower in title_words:
                    first -= 2
                    continue
                break
            if not (prev.cap and prev.lower.rstrip(".") in title_words):
                break
            first -= 1
        return first

    def _title_through_name(self, out: list[Candidate]) -> int | None:
        """First token of "Minister for the Middle East" or "Spokesperson of the Kazakh Ministry
        of Foreign Affairs" when that place or organisation ends ``out``."""
        if not out or out[-1].kind not in ("place", "organization") or out[-1].adjective:
            return None
        if out[-1].kind == "place" and out[-1].entry is None:
            return None
        p = self._token_at(out[-1].start, after=True)
        if p is None or p < 2:
            return None
        k = p - 1
        if self.tokens[k].lower == "the":
            k -= 1
        if k < 1 or self.tokens[k].lower not in ("for", "of"):
            return None
        head = k - 1
        tok = self.tokens[head]
        if not (tok.cap and tok.lower.rstrip(".") in self.words.title_words):
            return None
        if any(
            self.body[a.end : b.start] != " "
            for a, b in zip(self.tokens[head:p], self.tokens[head + 1 : p + 1], strict=True)
        ):
            return None
        return self._title_start(head)

    def _with_title(self, cand: Candidate, out: list[Candidate]) -> Candidate:
        """ "Minister Ellwood", "Lt. Gen. Stephen J. Townsend": the title is part of the mention."""
        t = self._token_at(cand.start, after=True)
        if t is None:
            return cand
        first = self._title_start(t)
        through: int | None = None
        if first == t:
            through = self._title_through_name(out)
            if through is None:
                return cand
            first = through
            self._keep_nested(out.pop())
        start = self.tokens[first].start
        if out and (out[-1].role or out[-1].kind is None) and out[-1].end > start:
            # "Director" read alone before "Director Wang Yi"; "Official" before "Spokesperson"
            start = min(start, out.pop().start)
        if out and out[-1].end > start:
            return cand
        title = tuple(tok.lower.rstrip(".") for tok in self.tokens[first:t])
        if (
            out
            and through is None  # "KAZINFORM Spokesperson of the Ministry ...": a dateline
            and self.body[out[-1].end : start] == " "
            and (self._attributive(out[-1]) or out[-1].kind == "organization")
        ):
            inner = out.pop()
            self._keep_nested(inner)  # "Office of Management and Budget Director Shalanda Young"
            start = inner.start
        text = self.body[start : cand.end]
        titled = Candidate(
            start,
            cand.end,
            text,
            "person",
            cand.entry,
            keys=cand.keys,
            titled=True,
            title=title,
            bare=cand.bare or cand.text,
        )
        # The name alone is a mention too ("Tobias Ellwood" inside "Minister Tobias Ellwood").
        cand.nested = True
        cand.link = titled
        self.nested.append(cand)
        return titled
