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
from dataclasses import dataclass
from typing import Final

from diplomareader.extract.entities_tokens import CONNECTORS, Token, headline_lines
from diplomareader.extract.gazetteer import GazEntry, Gazetteer
from diplomareader.extract.names import fold_word
from diplomareader.model import EntityKind

_MAX_TITLE_WORDS: Final = 4
_NAME_PARTICLES_INNER: Final = frozenset(
    [
        "de",
        "du",
        "da",
        "del",
        "della",
        "di",
        "von",
        "van",
        "der",
        "den",
        "la",
        "le",
        "bin",
        "ibn",
        "al",
        "el",
    ]
)
_POSSESSIVE_NAME_WORDS: Final = frozenset(
    [
        "people's",
        "peoples'",
        "workers'",
        "women's",
        "children's",
        "nations'",
        "men's",
        "farmers'",
        "veterans'",
        "journalists'",
        "people’s",
        "workers’",
        "women’s",
        "children’s",
        "nations’",
    ]
)
TITLE_MODE = 2
NESTED = True
LONE_ORG = True
SPEECH = True
_AFTER_NOUN: Final = frozenset(
    ["and", "or", "but", "of", "in", "on", "at", "to", "for", "from", "with", "by", "as", "that", "which", "who", "whose", "is", "are", "was", "were", "has", "have", "had", "will", "would", "can", "could", "should", "must", "may", "might", "did", "do", "does", "also", "still", "not", "then", "now", "again", "say", "says", "said", "continue", "continues", "launched", "took", "take"]
)
_FEATURE_HEADS: Final = frozenset(
    ["mount", "mt", "lake", "wadi", "jebel", "jabal", "cape", "camp", "fort", "jisr", "ras"]
)
_ROMAN: Final = frozenset(["II", "III", "IV", "VI", "VII", "VIII", "IX", "XI", "XII"])


@dataclass
class Candidate:
    """A mention found in a run, before the document-level pass groups mentions into entities."""

    start: int
    end: int
    text: str
    kind: EntityKind | None
    """None while pending (no cue yet)."""
    entry: GazEntry | None = None
    adjective: bool = False
    keys: tuple[str, ...] = ()
    """Folded keys of the mention's words (particles and honorifics dropped)."""
    titled: bool = False
    """A title or honorific stood right before it."""
    sent_start: bool = False
    """It is a single word opening a sentence (weak evidence of a name)."""
    role: bool = False
    """A title standing alone ("the Minister"), resolved to a titled person of the article."""
    title: tuple[str, ...] = ()
    """For a person mention that includes its title: the title's words, lowercased."""
    nested: bool = False
    """Inside another mention (the country in "Kazakh Ministry of Energy")."""
    bare: str = ""
    """For a mention that includes a title: the name alone (used for the canonical name)."""


class RunReader:
    """Applies the gazetteer and the rules to the runs of one body."""

    def __init__(self, body: str, tokens: list[Token], gaz: Gazetteer) -> None:
        """Keep the body, its tokens and the gazetteer's word lists at hand."""
        self.body = body
        self.tokens = tokens
        self.gaz = gaz
        lex = gaz.lexicon
        self.titles = {tuple(t.split()) for t in lex.get("person_titles", ())}
        self.honorifics = lex.get("honorifics", set())
        self.org_tails = lex.get("org_tails", set())
        self.org_heads = lex.get("org_heads", set())
        self.place_tails = lex.get("place_tails", set())
        self.place_heads = lex.get("place_heads", set())
        self.place_preps = lex.get("place_prepositions", set())
        self.first_names = lex.get("first_names", set())
        self.speech_verbs = lex.get("speech_verbs", set())
        self.not_names = lex.get("not_names", set())
        self.particles = lex.get("name_particles", set())
        self.collective = {tuple(t.split()) for t in lex.get("collective_nouns", ())}
        self.directions = lex.get("directions", set())
        self.not_orgs = lex.get("not_organizations", set())
        self.title_words = {w.rstrip(".") for t in self.titles for w in t} - {"the"}
        self.title_abbrevs = {
            "lt",
            "gen",
            "col",
            "maj",
            "capt",
            "sgt",
            "adm",
            "cmdr",
            "brig",
            "mr",
            "mrs",
            "ms",
            "dr",
            "prof",
            "sen",
            "rep",
            "gov",
            "rev",
        }
        self.headlines = headline_lines(body, tokens)
        self._starts = [t.start for t in tokens]
        self.in_headline = False
        self.nested: list[Candidate] = []
        """Mentions inside other mentions, collected across runs."""

    # -- gazetteer -------------------------------------------------------------------------
    def _gaz_match(self, i: int, b: int) -> tuple[int, Candidate] | None:
        toks = self.tokens
        if toks[i].key.split(" ", 1)[0] not in self.gaz.first_words:
            return None
        for j in range(min(b, i + self.gaz.max_words), i, -1):
            last = toks[j - 1]
            if not last.cap:
                continue
            if any(t.possessive and t.lower not in _POSSESSIVE_NAME_WORDS for t in toks[i : j - 1]):
                continue
            key = " ".join(t.key for t in toks[i:j] if t.key)
            match = self.gaz.phrases.get(key)
            if match is None:
                continue
            start, end = toks[i].start, last.bare_end
            text = self.body[start:end]
            if match.exact and text not in match.exact and text.rstrip(".") not in match.exact:
                continue
            kind = match.entry.kind
            cand = Candidate(
                start, end, text, kind, match.entry, match.adjective, tuple(key.split())
            )
            return j, cand
        return None

    def read_run(self, a: int, b: int) -> list[Candidate]:
        """Candidates of the run ``tokens[a:b]``, in order."""
        out: list[Candidate] = []
        pending: list[int] = []
        self.in_headline = (self.body.rfind("\n", 0, self.tokens[a].start) + 1) in self.headlines
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
            if pending:
                out.extend(self._unknown(pending))
                pending = []
            j, cand = found
            out.append(cand)
            i = j
        if pending:
            out.extend(self._unknown(pending))
        return self._merge(out)

    def _hyphen_parts(self, i: int) -> list[Candidate]:
        """Places inside a hyphenated word: "Syria-Iraq", "US-led", "Iraqi-made"."""
        tok = self.tokens[i]
        if "-" not in tok.text:
            return []
        out = []
        offset = tok.start
        for part in tok.text.split("-"):
            match = self.gaz.phrases.get(fold_word(part))
            if (
                match is not None
                and match.entry.kind == "place"
                and part[:1].isupper()
                and (not match.exact or part in match.exact)
            ):
                out.append(
                    Candidate(
                        offset,
                        offset + len(part),
                        part,
                        "place",
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

    def _merge(self, cands: list[Candidate]) -> list[Candidate]:
        """Join "Kazakh" + "Ministry of Energy" and "Embassy of" + "Kazakhstan" into one body."""
        out: list[Candidate] = []
        for cand in cands:
            prev = out[-1] if out else None
            adjacent = prev is not None and self.body[prev.end : cand.start] == " "
            if adjacent and prev is not None and self._attributive(prev) and self._org_like(cand):
                out[-1] = self._joined(prev, cand, "organization")
                self._keep_nested(prev)
                continue
            if (
                adjacent
                and prev is not None
                and prev.kind is None
                and len(prev.keys) == 1
                and prev.text.lower() in _FEATURE_HEADS
                and cand.entry is not None
                and cand.kind == "place"
                and not cand.adjective
            ):
                out[-1] = self._joined(prev, cand, "place")
                continue
            if (
                self._attributive(cand)
                and cand is cands[-1]
                and (body_of := self._collective_after(cand))
            ):
                out.append(body_of)
                self._keep_nested(cand)
                continue
            if cand.entry is not None and cand.kind == "place" and not cand.adjective:
                cand = self._with_direction(cand, out)
            if (
                cand.entry is not None
                and cand.kind == "place"
                and not cand.adjective
                and (head := self._org_head_before(cand.start)) is not None
            ):
                if prev is not None and prev.end > head:
                    out.pop()
                text = self.body[head : cand.end]
                out.append(
                    Candidate(
                        head, cand.end, text, "organization", keys=tuple(text.lower().split())
                    )
                )
                continue
            if cand.kind == "person" and TITLE_MODE:
                cand = self._with_title(cand, out)
            out.append(cand)
        return out

    def _with_title(self, cand: Candidate, out: list[Candidate]) -> Candidate:
        """ "Minister Ellwood", "Lt. Gen. Stephen J. Townsend": the title belongs to the mention."""
        toks = self.tokens
        t = self._token_at(cand.start, after=True)
        if t is None:
            return cand
        first = t
        while first > 0:
            prev, cur = toks[first - 1], toks[first]
            gap = self.body[prev.end : cur.start]
            if gap not in (" ", ". ") or (gap == ". " and prev.lower not in self.title_abbrevs):
                break
            if prev.lower in ("of", "for") and first >= 2 and toks[first - 2].cap:
                if toks[first - 2].lower.rstrip(".") in self.title_words:
                    first -= 2
                    continue
                break
            if not (prev.cap and prev.lower.rstrip(".") in self.title_words):
                break
            first -= 1
        if first == t:
            return cand
        if TITLE_MODE == 1 and len(cand.keys) > 1:
            return cand
        start = toks[first].start
        if out and out[-1].role and out[-1].start >= start:
            out.pop()
        if out and out[-1].end > start:
            return cand
        title = tuple(tok.lower.rstrip(".") for tok in toks[first:t])
        if (
            TITLE_MODE == 2
            and out
            and self._attributive(out[-1])
            and self.body[out[-1].end : start] == " "
        ):
            inner = out.pop()
            self._keep_nested(inner)
            start = inner.start
        text = self.body[start : cand.end]
        return Candidate(
            start,
            cand.end,
            text,
            "person",
            cand.entry,
            False,
            cand.keys,
            True,
            title=title,
            bare=cand.bare or cand.text,
        )

    def _collective_after(self, adj: Candidate) -> Candidate | None:
        """ "Iraqi" + "security forces": the state body an adjective and a noun name."""
        toks = self.tokens
        t = self._token_at(adj.end, after=True)
        if t is None:
            return None
        for n in (2, 1):
            words = toks[t : t + n]
            if len(words) < n or any(w.cap for w in words):
                continue
            if tuple(w.text for w in words) in self.collective and self._noun_ends(t + n - 1):
                end = words[-1].end
                if self.body[adj.end : words[0].start] != " ":
                    return None
                text = self.body[adj.start : end]
                keys = adj.keys + tuple(w.key for w in words)
                return Candidate(adj.start, end, text, "organization", keys=keys)
        return None

    def _noun_ends(self, t: int) -> bool:
        """The noun phrase ends at token ``t`` ("Iraqi forces said", not "Iraqi military leaders")."""
        nxt = t + 1
        if nxt >= len(self.tokens):
            return True
        gap = self.body[self.tokens[t].end : self.tokens[nxt].start]
        word = self.tokens[nxt].text
        return gap != " " or not word.islower() or word in _AFTER_NOUN or word.endswith("ed")

    def _with_direction(self, cand: Candidate, out: list[Candidate]) -> Candidate:
        """ "northern Iraq": a compass word before a place belongs to the mention."""
        t = self._token_at(cand.start, after=False)
        if t is None:
            return cand
        prev = self.tokens[t]
        if prev.lower not in self.directions or self.body[prev.end : cand.start] != " ":
            return cand
        if out and out[-1].end > prev.start:
            if out[-1].kind is not None or out[-1].end > prev.end:
                return cand
            out.pop()
        text = self.body[prev.start : cand.end]
        return Candidate(prev.start, cand.end, text, cand.kind, cand.entry, False, cand.keys)

    def _token_at(self, offset: int, *, after: bool) -> int | None:
        """Index of the token right after (or right before) a character offset."""
        starts = self._starts
        if after:
            n = bisect.bisect_left(starts, offset)
            return n if n < len(starts) else None
        n = bisect.bisect_left(starts, offset) - 1
        return n if n >= 0 else None

    def _keep_nested(self, cand: Candidate) -> None:
        """Keep a gazetteer place swallowed by a longer mention as a mention of its own."""
        if cand.entry is not None and cand.kind == "place" and NESTED:
            cand.nested = True
            self.nested.append(cand)

    def _joined(self, a: Candidate, b: Candidate, kind: EntityKind) -> Candidate:
        text = self.body[a.start : b.end]
        return Candidate(a.start, b.end, text, kind, keys=a.keys + b.keys)

    @staticmethod
    def _attributive(cand: Candidate) -> bool:
        """A nationality adjective, or a one-word country name used as one ("U.S. forces")."""
        return cand.kind == "place" and (
            cand.adjective
            or (
                cand.entry is not None
                and len(cand.keys) <= 2
                and cand.text.replace(".", "").isupper()
            )
        )

    def _org_like(self, cand: Candidate) -> bool:
        """A rule-found organisation, or a lone organisation word ("Army", "Navy")."""
        if cand.entry is not None:
            return False
        if cand.kind == "organization":
            return True
        return cand.kind is None and len(cand.keys) == 1 and cand.text.lower() in self.org_tails

    def _org_head_before(self, start: int) -> int | None:
        """Start of "Embassy of (the)" / "Government of" right before ``start``, if any."""
        prefix = self.body[max(0, start - 60) : start]
        words = prefix.split(" ")
        if len(words) < 3 or words[-1] != "":
            return None
        k = len(words) - 2
        if words[k] == "the":
            k -= 1
        if k < 1 or words[k] != "of" or words[k - 1].lower() not in self.org_heads:
            return None
        if not words[k - 1][:1].isupper():
            return None
        return start - len(" ".join(words[k - 1 :]))

    # -- rules for names not in the gazetteer -----------------------------------------------
    def _title_len(self, idx: list[int], k: int) -> int:
        """Number of words of the longest title starting at ``idx[k]`` (0 if none)."""
        for n in range(min(_MAX_TITLE_WORDS, len(idx) - k), 0, -1):
            words = tuple(self.tokens[t].lower.rstrip(".") for t in idx[k : k + n])
            dotted = tuple(self.tokens[t].lower for t in idx[k : k + n])
            if words in self.titles or dotted in self.titles:
                return n
        return 0

    def _unknown(self, idx: list[int]) -> list[Candidate]:
        toks = self.tokens
        titled = False
        k = 0
        role: tuple[int, int] | None = None
        # Leading function words, titles and connectors are not part of a name.
        while k < len(idx):
            tok = toks[idx[k]]
            n = self._title_len(idx, k)
            if n:
                titled = True
                role = (role[0] if role else idx[k], idx[k + n - 1])
                k += n
                continue
            if tok.lower in CONNECTORS or tok.lower in self.not_names or not tok.cap:
                titled = titled and tok.lower in ("the", "of")
                k += 1
                continue
            break
        pieces = self._split([t for t in idx[k:]])
        if not pieces and role is not None and not self.in_headline:
            return [self._role(*role)]
        out = []
        for n, piece in enumerate(pieces):
            cand = self._classify(piece, titled and n == 0)
            if cand is not None:
                out.append(cand)
        return out

    def _role(self, first: int, last: int) -> Candidate:
        """ "the Foreign Secretary": a title standing for a person named elsewhere."""
        start, end = self.tokens[first].start, self.tokens[last].bare_end
        keys = tuple(t.lower.rstrip(".") for t in self.tokens[first : last + 1])
        return Candidate(start, end, self.body[start:end], None, keys=keys, role=True)

    def _split(self, idx: list[int]) -> list[list[int]]:
        """Cut a leftover stretch at connectors no head word licenses, possessives, titles."""
        toks = self.tokens
        pieces: list[list[int]] = []
        cur: list[int] = []
        licensed = False
        for pos, t in enumerate(idx):
            tok = toks[t]
            low = tok.lower
            if cur and not tok.cap:
                if low in _NAME_PARTICLES_INNER or (licensed and low in CONNECTORS):
                    cur.append(t)
                    continue
                pieces.append(cur)
                cur = []
                continue
            if not tok.cap:
                continue
            if (
                cur
                and low in self.first_names
                and not self._org_ahead(idx[pos:])
                and not (len(cur) == 1 and toks[cur[0]].lower in self.first_names)
            ):
                pieces.append(cur)
                cur = []
            cur.append(t)
            if low in self.org_heads or low in self.org_tails or low in self.place_heads:
                licensed = True
            if tok.possessive and low not in _POSSESSIVE_NAME_WORDS:
                pieces.append(cur)
                cur = []
                licensed = False
        if cur:
            pieces.append(cur)
        return [self._trim(p) for p in pieces if self._trim(p)]

    def _trim(self, piece: list[int]) -> list[int]:
        toks = self.tokens
        while piece and (not toks[piece[-1]].cap or toks[piece[-1]].lower in self.not_names):
            piece = piece[:-1]
        while piece and (not toks[piece[0]].cap or toks[piece[0]].lower in self.not_names):
            piece = piece[1:]
        return piece

    def _org_ahead(self, idx: list[int]) -> bool:
        return any(self.tokens[t].lower in self.org_tails for t in idx)

    def _classify(self, piece: list[int], titled: bool) -> Candidate | None:
        toks = self.tokens
        first, last = toks[piece[0]], toks[piece[-1]]
        words = [toks[t].lower for t in piece]
        start, end = first.start, last.bare_end
        text = self.body[start:end]
        keys = tuple(
            toks[t].key for t in piece if toks[t].key and toks[t].lower not in self.particles
        )
        kind: EntityKind | None = None
        if self.in_headline:
            if len(piece) == 2 and words[0] in self.first_names and not titled:
                kind = "person"
            return Candidate(start, end, text, kind, keys=keys)
        lastw = words[-1].rstrip("'’").removesuffix("'s").removesuffix("’s")
        if (
            lastw in self.org_tails
            and (len(piece) > 1 or first.all_caps)
            or len(piece) > 1
            and words[0] in self.org_heads
            and toks[piece[1]].lower in CONNECTORS
        ):
            kind = "organization"
        elif titled and len(piece) <= 4:
            kind = "person"
        elif len(piece) > 1 and lastw in self.place_tails:
            kind = "place"
        elif len(piece) > 1 and words[0] in self.place_heads and words[0] not in ("new",):
            kind = None if words[0] in self.first_names else "place"
        if kind is None and len(piece) > 1 and words[0] in self.first_names:
            kind = "person"
        if (
            kind is None
            and len(piece) == 1
            and lastw in self.org_tails
            and not first.sent_start
            and piece[0] > 0
            and (LONE_ORG or toks[piece[0] - 1].lower == "the")
        ):
            kind = "organization"
        if kind is None and SPEECH and len(piece) <= 3 and self._speaks(piece[-1]):
            kind = "person"
        if kind is None and len(piece) == 1 and self._acronym(piece[0]):
            kind = "organization"
        if kind is None and (
            self._after_place_preposition(piece[0]) or self._place_word_after(piece[-1])
        ):
            kind = "place"
        return Candidate(
            start,
            end,
            text,
            kind,
            keys=keys,
            titled=titled,
            sent_start=len(piece) == 1 and first.sent_start,
        )

    def _acronym(self, t: int) -> bool:
        """A capitalised abbreviation (``YPG``), not a word of a line written in capitals."""
        text = self.tokens[t].text.replace(".", "")
        if self.tokens[t].text.lower() in self.not_orgs:
            return False
        if not (2 <= len(text) <= 6 and text.isupper() and text.isalpha()) or text in _ROMAN:
            return False
        for n in (t - 1, t + 1):
            if 0 <= n < len(self.tokens):
                other = self.tokens[n]
                if (
                    other.all_caps
                    and len(other.text) >= 4
                    and other.key not in self.gaz.first_words
                ):
                    return False
        return True

    def _speaks(self, t: int) -> bool:
        """Followed by a verb of saying: "Colville said", "Sadiq Maroof told"."""
        nxt = t + 1
        if nxt >= len(self.tokens) or self.body[self.tokens[t].end : self.tokens[nxt].start] != " ":
            return False
        return self.tokens[nxt].text in self.speech_verbs

    def _place_word_after(self, t: int) -> bool:
        """Followed by a lowercase place word: "the Karrada district", "Kherson regions"."""
        nxt = t + 1
        if nxt >= len(self.tokens) or self.body[self.tokens[t].end : self.tokens[nxt].start] != " ":
            return False
        word = self.tokens[nxt].text
        return word.islower() and word in self.place_tails

    def _after_place_preposition(self, t: int) -> bool:
        if t == 0:
            return False
        prev = self.tokens[t - 1]
        if prev.cap or self.body[prev.end : self.tokens[t].start] != " ":
            return False
        if prev.lower in self.place_preps:
            return True
        if t >= 2:
            two = f"{self.tokens[t - 2].lower} {prev.lower}"
            return two in self.place_preps
        return False
