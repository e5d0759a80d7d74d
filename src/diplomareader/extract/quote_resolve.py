"""Turn speaker phrases into names: entity canonical names, pronouns and roles resolved.

A named phrase takes the canonical name of the person or organisation mention it overlaps (or,
failing that, of an entity with the same name or surname); otherwise its cleaned text. A pronoun
takes the last named speaker before it; a role ("the President", "the minister") takes the last
person named with that title ("Kazakh President Kassym-Jomart Tokayev"), else the last named
speaker, else the next one; an unnamed body ("the ministry") takes the last named body whose
name contains the noun.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass

from diplomareader.extract.names import name_key
from diplomareader.extract.quote_context import context_words, matches, role_modifiers
from diplomareader.extract.quote_gender import Sex, SexOfNames, pronoun_sex
from diplomareader.extract.quote_lexicon import SUBORDINATE_ROLES, TITLES
from diplomareader.extract.quote_tokens import SpeakerRef, Token, norm_title
from diplomareader.model import Entity


@dataclass(frozen=True)
class Named:
    """A named speaker (or titled person) at a position of the body."""

    pos: int
    name: str
    """Canonical (or cleaned) name."""
    person: bool
    titles: frozenset[str] = frozenset()
    start: int = -1
    """Where the mention itself starts (for its context words; -1 when unknown)."""
    end: int = -1
    """Where the mention ends."""


_RANK = {"person": 0, "organization": 1, "place": 2}
"""Which entity a speaker mention takes when several overlap it (a country speaks as a body)."""


def _extends(longer: str, shorter: str | None) -> bool:
    """True when ``longer`` is ``shorter`` with more words before it ("Eamon de Valera")."""
    return bool(shorter) and longer.casefold().endswith(" " + str(shorter).casefold())


def _surname(name: str) -> str:
    """The last word of a name, case-folded."""
    words = name.replace("’", "'").split()
    return words[-1].casefold() if words else ""


_NEAR_ROLE = 80
"""How close to a person's name a role word must be to name that person (characters)."""
_FAR = 600
"""How far after the last speaker a newly named person takes over "he"/"she" (characters)."""
_RECENT = 60
"""How many recent names of each kind a qualified role is matched against."""
_TITLE_KEYS = frozenset(name_key(t) for t in TITLES)
"""Title words, folded like names, ignored when a canonical name starts with one."""


_PLAIN_WORD = re.compile(
    r"[A-Z][a-z]+(?:[-'’][A-Za-z]+)*|[A-Z]\.|(?:de|del|da|van|von|bin|al|la|le)"
)
"""A word of a person's name as written: capitalised, an initial or a particle."""


def _plain_name(name: str) -> bool:
    """True when ``name`` reads as a person's name only: two to four words, none shouted or
    possessive, no title before the surname ("Julianne Moore" and "Charlie King", not
    "Celebrities Julianne Moore" or "PHILADELPHIA ― Felicia Sanders")."""
    words = name.split()
    if not 2 <= len(words) <= 4 or any(w.casefold().rstrip(".") in TITLES for w in words[:-1]):
        return False
    return all(_PLAIN_WORD.fullmatch(w) for w in words) and not words[0].endswith("s")


_POSS = ("'s", "’s")
"""Possessive endings: "North Korea's test" does not make North Korea the subject."""


def _same_place(text: str, entity: Entity) -> bool:
    """A place speaks only under its own name ("Russia said"), never through an adjective
    ("Cuban said" is Mark Cuban) or a longer name that contains it ("America Rising")."""
    return name_key(text) == name_key(entity.name) or (text.isupper() and text in entity.aliases)


def _consistent(text: str, entity: Entity) -> bool:
    """Whether a person's canonical name can stand for the name ``text`` as written.

    Guards against a wrong merge upstream: the canonical name must hold the written surname
    (spelling variants folded: Toqayev / Tokayev) and, when both give a first name, one with
    the same initial ("Bill Clinton" is not "Hillary Clinton").
    """
    if entity.kind != "person":
        return True
    written = name_key(text).split()
    canonical = [w for w in name_key(entity.name).split() if w not in _TITLE_KEYS]
    if not written or not canonical:
        return True
    if written[-1] not in canonical:
        return False
    if len(written) > 1 and len(canonical) > 1 and written[-1] != canonical[0]:
        return written[0][0] == canonical[0][0]
    return True


class SpeakerResolver:
    """Resolves speaker phrases of one article against its entities and named speakers."""

    def __init__(self, entities: Sequence[Entity], body: str = "") -> None:
        """Index the person and organisation mentions of ``entities`` (found in ``body``)."""
        self._body = body
        spans: list[tuple[int, int, Entity]] = []
        self._by_name: dict[str, Entity] = {}
        self._by_surname: dict[str, Entity] = {}
        self._entity_full: dict[str, str | None] = {}
        """Surname -> the one multi-word person entity with it (None when several)."""
        for entity in entities:
            spans.extend((m.start, m.end, entity) for m in entity.mentions)
            for alias in (entity.name, *entity.aliases, *(m.text for m in entity.mentions)):
                self._by_name.setdefault(alias.casefold(), entity)
            if entity.kind == "person":
                self._by_surname.setdefault(_surname(entity.name), entity)
                if " " in entity.name:
                    key = _surname(entity.name)
                    known = self._entity_full.get(key, entity.name)
                    self._entity_full[key] = entity.name if known == entity.name else None
        spans.sort(key=lambda s: (s[0], s[1]))
        self._spans = spans
        self._starts = [s[0] for s in spans]
        self._named: list[Named] = []
        self._titled: list[Named] = []
        self._persons: list[Named] = [
            Named(s, e.name, True, frozenset(), s, end) for s, end, e in spans if e.kind == "person"
        ]
        self._pending: list[tuple[int, SpeakerRef, frozenset[str], list[Named]]] = []
        self._full: dict[str, str | None] = {}
        self._contexts: dict[tuple[int, int], frozenset[str]] = {}
        self._sexes = SexOfNames(body)

    def entity_for(self, start: int, end: int, text: str) -> Entity | None:
        """The entity whose mention overlaps ``[start, end)`` (a person first), or by name."""
        index = bisect.bisect_left(self._starts, end)
        best: Entity | None = None
        for s, e, entity in reversed(self._spans[max(0, index - 8) : index]):
            if s < end and e > start and (best is None or _RANK[entity.kind] < _RANK[best.kind]):
                best = entity
        if best is not None:
            return best
        found = self._by_name.get(text.casefold())
        if found is None and " " not in text.strip():
            found = self._by_surname.get(text.casefold())
        return found

    def named(self, ref: SpeakerRef) -> tuple[str, bool] | None:
        """Canonical name of a ``name``/``group`` phrase and whether it is a person."""
        if ref.name is None or ref.kind not in ("name", "group"):
            return None
        start = ref.name_start if ref.name_start >= 0 else ref.start
        end = ref.name_end if ref.name_end >= 0 else ref.end
        entity = self.entity_for(start, end, ref.name)
        if entity is not None and entity.kind == "place" and not _same_place(ref.name, entity):
            entity = None
        if entity is not None and not _consistent(ref.name, entity):
            entity = self._by_name.get(ref.name.casefold())
            if entity is not None and not _consistent(ref.name, entity):
                entity = None
        if entity is not None:
            if entity.kind == "person" and " " not in entity.name:
                return self._full_name(entity.name), True
            return entity.name, entity.kind == "person"
        person = ref.kind == "name" and not (ref.name.isupper() and len(ref.name) > 1)
        if person:
            return self._full_name(ref.name), True
        return ref.name, person

    def _full_name(self, name: str) -> str:
        """The full name a bare surname stands for in this article ("Moore" after "Minyon
        Moore", "De Valera" after "Eamon de Valera"), else ``name`` itself."""
        key = _surname(name)
        full = self._entity_full.get(key) if key in self._entity_full else self._full.get(key)
        if full and _extends(full, name) and _plain_name(full):
            return full
        return name

    def add_name(self, ref: SpeakerRef) -> None:
        """Record a person's name as written, so a bare surname can take the full name."""
        if ref.kind != "name" or not ref.name or " " not in ref.name:
            return
        key = _surname(ref.name)
        known = self._full.get(key, "")
        if key not in self._full or _extends(ref.name, known):
            self._full[key] = ref.name
        elif known is not None and known != ref.name and not _extends(known, ref.name):
            self._full[key] = None

    def add_speaker(self, pos: int, ref: SpeakerRef) -> None:
        """Record a named speaker (subject of a cue verb) at ``pos``."""
        self._pending.append((pos, ref, frozenset(ref.titles), self._named))
        self.add_name(ref)

    def add_titled(self, pos: int, ref: SpeakerRef, extra: Sequence[Token] = ()) -> None:
        """Record a person named with titles ("Foreign Minister Sergey Lavrov") at ``pos``."""
        titles = set(ref.titles) | {norm_title(t.text) for t in extra if t.bare in TITLES}
        self.add_name(ref)
        if ref.name and " " in ref.name and not ref.name.isupper():
            self._pending.append((pos, ref, frozenset(), self._persons))
        if titles:
            self._pending.append((pos, ref, frozenset(titles), self._titled))

    def finish(self) -> None:
        """Name the recorded speakers and sort them by position (call before resolving)."""
        for pos, ref, titles, target in self._pending:
            found = self.named(ref)
            if found is not None:
                target.append(Named(pos, found[0], found[1], titles, ref.start, ref.end))
        self._pending.clear()
        self._named.sort(key=lambda n: n.pos)
        self._titled.sort(key=lambda n: n.pos)
        self._persons.sort(key=lambda n: n.pos)

    def _last(self, items: list[Named], pos: int, want: str | None, person: bool) -> str | None:
        """The last item before ``pos`` (optionally with title ``want`` / persons only)."""
        index = bisect.bisect_left([n.pos for n in items], pos)
        for item in reversed(items[:index]):
            if (want is None or want in item.titles) and (item.person or not person):
                return item.name
        return None

    def _next(self, items: list[Named], pos: int, want: str | None, person: bool) -> str | None:
        """The first item after ``pos`` (optionally with title ``want`` / persons only)."""
        for item in items:
            if (
                item.pos > pos
                and (want is None or want in item.titles)
                and (item.person or not person)
            ):
                return item.name
        return None

    def resolve(self, ref: SpeakerRef, pos: int) -> str | None:
        """The speaker's name for a phrase at ``pos``, or None when the text does not say."""
        if ref.kind in ("name", "group"):
            if ref.kind == "group" and (ref.name is None or ref.name.islower()):
                return self._group(ref.name, pos) if ref.name else None
            found = self.named(ref)
            return found[0] if found else None
        if ref.kind == "pronoun":
            if ref.name in ("he", "she"):
                return self._antecedent(pos, ref.name)
            if ref.name == "it":
                return self._last(self._named, pos, None, False) or self._last_body(pos)
            return None
        role = ref.name
        if role is None:
            return None
        if role in SUBORDINATE_ROLES:
            return self._last(self._titled, pos, role, True) or self._last(
                self._named, pos, role, True
            )
        person: str | None = (
            self._qualified(ref, pos, role)
            or self._last_titled(pos, role)
            or self._last(self._named, pos, role, True)
            or self._last(self._named, pos, None, True)
            or self._next(self._titled, pos, role, True)
            or self._next(self._named, pos, None, True)
            or self._mentioned(pos, role)
        )
        if person is not None:
            bisect.insort(
                self._titled,
                Named(pos, person, True, frozenset({role}), ref.start, ref.end),
                key=lambda n: n.pos,
            )
        return person

    def _last_body(self, pos: int) -> str | None:
        """ "it", when no body has spoken: the organisation that is the subject of the sentence
        ("The Security Council condemned North Korea's test as what it called “…”"), else the
        last one named before ``pos`` in the same paragraph. Possessives are skipped."""
        para = self._body.rfind("\n\n", 0, pos) + 1
        sentence = max(para, *(self._body.rfind(m, para, pos) + 2 for m in (". ", "? ", "! ")))
        index = bisect.bisect_left(self._starts, pos)
        found: list[tuple[int, str]] = []
        for s, e, entity in reversed(self._spans[max(0, index - 30) : index]):
            if s < para:
                break
            if e <= pos and entity.kind == "organization" and self._body[e : e + 2] not in _POSS:
                found.append((s, entity.name))
        if not found:
            return None
        in_sentence = [name for s, name in found if s >= sentence]
        return in_sentence[-1] if in_sentence else found[0][1]

    def _mentioned(self, pos: int, role: str) -> str | None:
        """A person named before ``pos`` with the role word close by, when no one has spoken.

        "Clinton delivered her speech as the Democratic nominee … “…,” said the Democratic
        nominee": the person nearest to an earlier "nominee" (within ``_NEAR_ROLE`` characters).
        """
        index = bisect.bisect_left(self._persons, pos, key=lambda n: n.pos)
        pattern = re.compile(rf"\b{re.escape(role)}", re.IGNORECASE)
        best: tuple[int, str] | None = None
        for item in self._persons[max(0, index - 10) : index]:
            lo, hi = max(0, item.start - _NEAR_ROLE), min(pos, item.end + _NEAR_ROLE)
            for match in pattern.finditer(self._body, lo, hi):
                between = self._body[min(item.end, match.end()) : max(item.start, match.start())]
                if any(mark in between for mark in ",;.:()"):
                    continue  # another clause: "… the nominee, painting her rival, X"
                gap = len(between)
                if best is None or gap < best[0]:
                    best = (gap, item.name)
        return best[1] if best is not None else None

    def _context(self, item: Named) -> frozenset[str]:
        """The words qualifying a name where it was seen (computed once, on demand)."""
        key = (item.start, item.end)
        found = self._contexts.get(key)
        if found is None:
            found = (
                context_words(self._body, item.start, item.end) if item.start >= 0 else frozenset()
            )
            self._contexts[key] = found
        return found

    def _antecedent(self, pos: int, pronoun: str) -> str | None:
        """ "he"/"she": the last person who spoke, unless a person named since is nearer.

        The speaker wins over mere mentions unless it is far back: a person named later (and
        more than ``_FAR`` characters after the speaker) is the one the pronoun means. Persons
        whose name shows the other sex ("she" after "David Gorski") are passed over for the
        last one whose name shows the pronoun's; when there is none, the sex is not used.
        """
        nearest = self._nearest(pos, None)
        sex = pronoun_sex(pronoun)
        if nearest is None or self._sexes.agrees(nearest, sex):
            return nearest
        other = self._nearest(pos, sex)
        return other if other is not None and self._sexes.of(other) == sex else nearest

    def _nearest(self, pos: int, sex: Sex | None) -> str | None:
        """The speaker or named person a pronoun of ``sex`` (None: either) before ``pos`` means."""
        spoke = self._last_item(self._named, pos, sex)
        named = self._last_item(self._persons, pos, sex) or self._last_item(self._titled, pos, sex)
        if spoke is None:
            return named.name if named else None
        if named is not None and named.pos > spoke.pos + _FAR:
            return named.name
        return spoke.name

    def _last_item(self, items: list[Named], pos: int, sex: Sex | None = None) -> Named | None:
        """The last person in ``items`` before ``pos``.

        With ``sex``: that person if the name agrees with it, else the last one whose name
        shows that sex (a name of unknown sex is not taken over a known one), else None.
        """
        index = bisect.bisect_left(items, pos, key=lambda n: n.pos)
        first = True
        for item in reversed(items[max(0, index - _RECENT) : index]):
            if not item.person:
                continue
            if first:
                first = False
                if self._sexes.agrees(item.name, sex):
                    return item
            elif self._sexes.of(item.name) == sex:
                return item
        return None

    def _qualified(self, ref: SpeakerRef, pos: int, role: str) -> str | None:
        """ "the Florida senator": the last person before ``pos`` with "Florida" near the name.

        Persons holding the role's title come first, then any named or mentioned person.
        """
        modifiers = role_modifiers(ref.mention)
        if not modifiers:
            return None
        recent: list[Named] = []
        for pool in (self._titled, self._named, self._persons):
            index = bisect.bisect_left(pool, pos, key=lambda n: n.pos)
            recent.extend(n for n in pool[max(0, index - _RECENT) : index] if n.person)
        candidates = sorted(recent, key=lambda n: n.pos, reverse=True)
        for want_title in (True, False):
            for item in candidates:
                if want_title and role not in item.titles:
                    continue
                if matches(modifiers, self._context(item)):
                    return item.name
        return None

    def _last_titled(self, pos: int, role: str) -> str | None:
        """The last person titled ``role`` before ``pos``, preferring one who has spoken.

        "Obama said … after golf with World Bank President Jim Yong Kim. The president also
        said …": the president who spoke, not the one last named with the title.
        """
        index = bisect.bisect_left([n.pos for n in self._titled], pos)
        titled = [n for n in reversed(self._titled[:index]) if role in n.titles and n.person]
        if not titled:
            return None
        spoke = {n.name for n in self._named if n.pos < pos}
        for item in titled:
            if item.name in spoke:
                return item.name
        return titled[0].name

    def _group(self, noun: str, pos: int) -> str | None:
        """The last named body before ``pos`` whose name contains ``noun``."""
        index = bisect.bisect_left([n.pos for n in self._named], pos)
        for item in reversed(self._named[:index]):
            if not item.person and noun in item.name.lower():
                return item.name
        return None
