"""Candidate mentions inside one capitalised run: gazetteer matches first, then the rules.

The gazetteer is matched longest-first through folded keys (so Toqayev matches Tokayev). What is
left of the run is cut into pieces (at unlicensed connectors, possessives and first names) and
each piece is classified by its cues: a title before it (person), a first name (person), an
organisation head or tail word (organization), a place head or tail word or a preposition such as
"in" before it (place), a capitalised abbreviation (organization). A piece with no cue is kept as
*pending*: the document-level pass may still resolve it (a surname, an abbreviation).
"""

from __future__ import annotations

import bisect

from diplomareader.extract.entities_candidate import Candidate
from diplomareader.extract.entities_context import ContextRules
from diplomareader.extract.entities_cues import Cues
from diplomareader.extract.entities_merge import Merger
from diplomareader.extract.entities_slots import NameSlots, is_initial
from diplomareader.extract.entities_tokens import CONNECTORS, Token, line_starts
from diplomareader.extract.entities_words import (
    FEATURE_HEADS,
    MAX_TITLE_WORDS,
    NAME_ADJECTIVES,
    NAME_PARTICLES_INNER,
    POSSESSIVE_NAME_WORDS,
    ROMAN,
    SINGLE_WORD_ROLES,
    rule_words,
)
from diplomareader.extract.gazetteer import Gazetteer
from diplomareader.extract.names import CYRILLIC_CAPITALS, fold_word, loose_key

__all__ = ["Candidate", "RunReader"]


def _capitals_only(line: str) -> bool:
    """A line written in capitals with at least one word of four letters ("PART I", "[HEALTH]")."""
    return not any(c.islower() for c in line) and sum(c.isalpha() for c in line) >= 4


def _unpossessed(word: str) -> str:
    """A lowercase word without its possessive ending ("general's" -> "general")."""
    return word[:-2] if word.endswith(("'s", "’s")) else word


class RunReader(Cues, Merger, ContextRules, NameSlots):
    """Applies the gazetteer and the rules to the runs of one body."""

    def __init__(self, body: str, tokens: list[Token], gaz: Gazetteer) -> None:
        """Keep the body, its tokens and the gazetteer's word lists at hand."""
        self.body = body
        self.tokens = tokens
        self.gaz = gaz
        self.words = rule_words(gaz)
        self.starts = [t.start for t in tokens]
        self.lines, self.headlines = line_starts(body, tokens)
        self.in_headline = False
        self.in_caps_line = False
        self.caps_lines: dict[int, bool] = {}
        """The run is on a line written in capitals ("[INTERNATIONAL PEACE AND SECURITY]"):
        only the gazetteer is trusted there."""
        self.lower_words: frozenset[str] | None = None
        self.nested: list[Candidate] = []
        """Mentions inside other mentions, collected across runs."""

    # -- gazetteer -------------------------------------------------------------------------
    def _gaz_match(self, i: int, b: int) -> tuple[int, Candidate] | None:
        """The longest gazetteer phrase starting at token ``i`` of a run ending before ``b``."""
        toks = self.tokens
        cyrillic = toks[i].text[0] in CYRILLIC_CAPITALS
        if cyrillic:
            prefixes, phrases = self.gaz.cyrillic_prefixes, self.gaz.cyrillic_phrases
            key = loose_key(toks[i].key)
        else:
            prefixes, phrases = self.gaz.prefixes, self.gaz.phrases
            key = toks[i].key
        if key not in prefixes:
            return None
        best: tuple[int, Candidate] | None = None
        j = i
        while True:
            last = toks[j]
            match = phrases.get(key) if last.cap else None
            if match is not None:
                start, end = toks[i].start, last.bare_end
                if last.lower in ("jr", "sr") and self.body[end : end + 1] == ".":
                    end += 1  # "Joseph R. Biden Jr." keeps the period of its suffix
                text = self.body[start:end]
                match = match.resolve(text)
                if match is not None and not (j == i and self._loose_name(toks[i], text, match)):
                    keys = tuple(key.split())
                    cand = Candidate(
                        start, end, text, match.entry.kind, match.entry, match.adjective, keys
                    )
                    cand.people = match.people
                    best = (j + 1, cand)
            j += 1
            if j >= b or (last.possessive and last.lower not in POSSESSIVE_NAME_WORDS):
                break
            nxt = loose_key(toks[j].key) if cyrillic else toks[j].key
            if nxt:
                key = f"{key} {nxt}"
                if key not in prefixes:
                    break
        return best

    def read_run(self, a: int, b: int) -> list[Candidate]:
        """Candidates of the run ``tokens[a:b]``, in order."""
        out: list[Candidate] = []
        pending: list[int] = []
        n_line = bisect.bisect_right(self.lines, self.tokens[a].start) - 1
        line = self.lines[n_line]
        self.in_headline = line in self.headlines
        caps = self.caps_lines.get(line)
        if caps is None:
            end = self.lines[n_line + 1] if n_line + 1 < len(self.lines) else len(self.body)
            caps = self.caps_lines[line] = _capitals_only(self.body[line:end])
        self.in_caps_line = caps
        if b == a + 1:
            tok = self.tokens[a]
            if tok.key not in self.gaz.prefixes and (
                tok.lower in self.words.not_names or not tok.cap
            ):
                return []
        i = a
        while i < b:
            found = self._gaz_match(i, b)
            if found is None:
                parts = self._hyphen_parts(i)
                if not parts:
                    pending.append(i)
                    i += 1
                    continue
                found = (i + 1, parts[0])
                self.nested.extend(parts[1:])
            j, cand = found
            if j == i + 1 and cand.entry is not None and self._surname_slot(pending, i):
                pending.append(i)  # "Chief Chuck Jordan", "Wilbur Ross": a surname, not a place
                i += 1
                continue
            if j == i + 1 and self._first_name_slot(cand, i, b):
                pending.append(i)  # "Jordan Peterson", "Chad Wolf": a first name, not a country
                i += 1
                continue
            if pending and cand.kind == "place" and self.tokens[pending[-1]].lower in FEATURE_HEADS:
                # "... of the Lake Chad": the feature word goes with the place after it
                out.extend(self._unknown(pending[:-1]))
                pending = pending[-1:]
            if pending:
                out.extend(self._unknown(pending))
                pending = []
            out.append(cand)
            i = j
        if pending:
            out.extend(self._unknown(pending))
        return self.merge(out)

    def _hyphen_parts(self, i: int) -> list[Candidate]:
        """Places and bodies inside a hyphenated word: "Syria-Iraq", "US-led", "ISIL-held"."""
        tok = self.tokens[i]
        if "-" not in tok.text:
            return []
        out = []
        offset = tok.start
        for part in tok.text.split("-"):
            match = self.gaz.phrases.get(fold_word(part))
            match = match.resolve(part) if match is not None else None
            if match is not None and match.entry.kind != "person" and part[:1].isupper():
                out.append(
                    Candidate(
                        offset,
                        offset + len(part),
                        part,
                        match.entry.kind,
                        match.entry,
                        match.adjective,
                        (fold_word(part),),
                        nested=True,
                    )
                )
            offset += len(part) + 1
        if out:
            out[0].nested = False
        return out

    # -- rules for names not in the gazetteer -----------------------------------------------
    def _title_len(self, idx: list[int], k: int) -> int:
        """Number of words of the longest title starting at ``idx[k]`` (0 if none)."""
        if self.tokens[idx[k]].lower.rstrip(".") not in self.words.title_words:
            return 0
        for n in range(min(MAX_TITLE_WORDS, len(idx) - k), 0, -1):
            toks = [self.tokens[t] for t in idx[k : k + n]]
            words = tuple(_unpossessed(tok.lower) for tok in toks)
            dotted = tuple(
                tok.lower + "." if self.body[tok.end : tok.end + 1] == "." else tok.lower
                for tok in toks
            )
            if words in self.words.titles or dotted in self.words.titles:
                return n
        return 0

    def _unknown(self, idx: list[int]) -> list[Candidate]:
        if self.in_caps_line:
            return []
        toks = self.tokens
        titled = False
        k = 0
        role: tuple[int, int] | None = None
        roles: list[tuple[int, int]] = []
        department = False
        work = False
        # Leading function words, titles and connectors are not part of a name.
        while k < len(idx):
            tok = toks[idx[k]]
            n = self._title_len(idx, k)
            if n:
                titled = True
                role = (role[0] if role else idx[k], idx[k + n - 1])
                k += n
                continue
            if tok.lower in NAME_ADJECTIVES and self._org_ahead(idx[k + 1 :]):
                break  # "National Coalition", "Federal Government"
            if role is not None and role[1] == idx[k - 1] and tok.lower in ("of", "for"):
                department = True  # "Secretary of Defense ...": a department comes first
            if (
                k > 0
                and toks[idx[k - 1]].lower in self.words.work_tails
                and tok.lower in CONNECTORS
            ):
                work = True  # "the Agreement on Marine Biodiversity": the subject of a work
            if tok.lower in CONNECTORS or tok.lower in self.words.not_names or not tok.cap:
                titled = titled and tok.lower in ("the", "of")
                if role is not None and tok.lower not in ("the", "of", "for"):
                    roles.append(role)  # "the President and the Prime Minister": two roles
                    role = None
                k += 1
                continue
            break
        if role is not None:
            roles.append(role)
        pieces = self._split([t for t in idx[k:]], titled)
        if work and pieces:
            pieces = pieces[1:]
        if department and pieces:
            pieces = self._past_department(pieces)
            titled = False
        if not pieces and roles and not self.in_headline:
            return [
                self._role(first, last)
                for first, last in roles
                if last > first or self.tokens[last].lower in SINGLE_WORD_ROLES
            ]
        out = []
        for n, (piece, after_title) in enumerate(pieces):
            # "Acting Small Business Administrator X", "Domestic Policy Advisor Susan Rice"
            qualifier = (
                n + 1 < len(pieces)
                and pieces[n + 1][1]
                and self._title_between(piece[-1], pieces[n + 1][0][0])
                and not all(
                    self.tokens[t].lower in ("jr", "sr") or self.tokens[t].text in ROMAN
                    for t in pieces[n + 1][0]
                )  # "Martin Luther King Jr."
            )
            cand = self._classify(piece, (after_title or (titled and n == 0)) and not qualifier)
            if cand is not None and not (qualifier and cand.kind in (None, "person")):
                out.append(cand)
        return out

    def _role(self, first: int, last: int) -> Candidate:
        """ "the Foreign Secretary": a title standing for a person named elsewhere."""
        start, end = self.tokens[first].start, self.tokens[last].bare_end
        keys = tuple(t.lower.rstrip(".") for t in self.tokens[first : last + 1])
        return Candidate(start, end, self.body[start:end], None, keys=keys, role=True)

    def _split(self, idx: list[int], titled: bool = False) -> list[tuple[list[int], bool]]:
        """Cut a leftover stretch at connectors no head word licenses, possessives, titles.

        After a title (``titled``), a name is cut before "of": "Senator Warner of Senate
        Intelligence" is a person and a body, not one name.

        Returns the pieces, each with whether a title stood right before it ("Office of
        Management and Budget Director Shalanda Young": the title cuts the organisation off).
        """
        toks = self.tokens
        pieces: list[tuple[list[int], bool]] = []
        cur: list[int] = []
        licensed = False
        after_title = False
        pos = 0
        while pos < len(idx):
            t = idx[pos]
            tok = toks[t]
            low = tok.lower
            pos += 1
            if cur and not tok.cap:
                if (
                    low in NAME_PARTICLES_INNER
                    or (licensed and low in CONNECTORS and not self._new_name_after(idx, pos - 1))
                    or (
                        not (titled and not pieces and not licensed)
                        and self._tail_licenses(idx, pos - 1)
                    )
                    or (low in CONNECTORS and toks[cur[0]].lower in self.words.work_tails)
                ):
                    cur.append(t)
                    continue
                pieces.append((cur, after_title))
                cur, licensed, after_title = [], False, False
                continue
            if not tok.cap:
                continue
            n = self._title_len(idx, pos - 1)
            rest = pos - 1 + n
            if (
                n
                and rest < len(idx)
                and toks[idx[rest]].cap
                and not self._org_ahead(idx[rest:])
                and not (cur and self._suffix(toks[idx[rest]]))
            ):
                # "... Director Shalanda Young", "Rice and Congressman Richmond"
                if cur:
                    pieces.append((cur, after_title))
                cur, licensed, after_title = [], False, True
                pos = rest
                continue
            if (
                cur
                and self._first_name(tok)
                and self._name_starts_at(idx, pos - 1)
                and toks[cur[-1]].lower not in NAME_PARTICLES_INNER
                and not is_initial(toks[cur[-1]])
                and not self._org_ahead(self._capitalised(idx, pos - 1))
                # "Keisha Lance Bottoms" stays one name; "Transportation Pete Buttigieg" not
                and (len(cur) > 1 or self._department_word(toks[cur[0]]))
            ):
                pieces.append((cur, after_title))
                cur, licensed, after_title = [], False, False
            cur.append(t)
            if (
                low in self.words.org_heads
                or low in self.words.org_tails
                or low in self.words.place_heads
            ):
                licensed = True
            if tok.possessive and low not in POSSESSIVE_NAME_WORDS:
                pieces.append((cur, after_title))
                cur, licensed, after_title = [], False, False
        if cur:
            pieces.append((cur, after_title))
        out = []
        for piece, titled in pieces:
            if len(piece) > 1 and (
                self.tokens[piece[-1]].lower in self.words.work_tails
                or (
                    self.tokens[piece[0]].lower in self.words.work_tails
                    and self.tokens[piece[1]].lower in CONNECTORS
                )
            ):
                continue  # "Belt and Road Initiative", "Agreement on Marine Biodiversity"
            trimmed = self._trim(piece)
            if trimmed:
                out.append((trimmed, titled))
        return out

    @staticmethod
    def _suffix(tok: Token) -> bool:
        """A generational suffix ("Jr.", "Sr.", "III"): no name, so a title word before it is a
        surname ("Martin Luther King Jr.", "Robert F. Kennedy Jr." after "Judge")."""
        return tok.lower.rstrip(".") in ("jr", "sr") or tok.text in ROMAN

    def _new_name_after(self, idx: list[int], pos: int) -> bool:
        """ "X and the Y", "X and Embassy of Y": a new name starts after this "and"."""
        if self.tokens[idx[pos]].lower != "and" or pos + 1 >= len(idx):
            return False
        nxt = self.tokens[idx[pos + 1]].lower
        return nxt == "the" or nxt in self.words.org_heads

    def _trim(self, piece: list[int]) -> list[int]:
        toks = self.tokens
        headed = (
            len(piece) > 2
            and toks[piece[0]].lower in self.words.org_heads
            and toks[piece[1]].lower in CONNECTORS
        )
        while piece and (not toks[piece[-1]].cap or toks[piece[-1]].lower in self.words.not_names):
            if headed and toks[piece[-1]].cap:
                break  # "Office of the President", "Ministry of Foreign Affairs"
            piece = piece[:-1]
        while piece and (not toks[piece[0]].cap or toks[piece[0]].lower in self.words.not_names):
            if toks[piece[0]].lower in NAME_ADJECTIVES and self._org_ahead(piece[1:]):
                break
            piece = piece[1:]
        return piece

    def _org_ahead(self, idx: list[int]) -> bool:
        return any(self.tokens[t].lower in self.words.org_tails for t in idx)
