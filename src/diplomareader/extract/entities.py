"""Named entities of an article under canonical names: ``extract_entities(body)``.

Rules only (no statistical model): the curated gazetteer (``data/*.yaml`` plus the user's files)
is matched through transliteration-folding keys, and names it does not know are found by cues
(titles, first names, organisation and place words, prepositions, abbreviations). Mentions of the
same entity are then grouped within the article:

- a gazetteer entity takes all its aliases, spellings and adjectives (Toqayev, Tokayev; Kazakh);
- an abbreviation joins its expansion ("Syrian Democratic Forces (SDF)", or matching initials);
- a surname joins the full name mentioned in the same article (Kolesnikov -> Andrei Kolesnikov);
- words with the same folded key are one entity.

The canonical name of a gazetteer entity is its ``name`` in the YAML file, so it is the same in
every article; other entities are named by their fullest form in the article.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from typing import Final

from diplomareader.extract.entities_actors import acting, actor_entities
from diplomareader.extract.entities_context import share_kinds
from diplomareader.extract.entities_rules import Candidate, RunReader
from diplomareader.extract.entities_tokens import CONNECTORS, runs, tokenize
from diplomareader.extract.entities_words import rule_words, words_of
from diplomareader.extract.gazetteer import Gazetteer, default_gazetteer, titled_surnames
from diplomareader.extract.names import CYRILLIC_CAPITALS, fold_word, russian_stem, word_key
from diplomareader.model import Entity, EntityKind, Mention

_PAREN_RE: Final = re.compile(r"\s*\(\s*")
_PARTY_TAG_RE: Final = re.compile(
    r"\((?:[RDI]|Ind|Dem|Rep|GOP)(?:\s?[-–—]\s?[A-Z][A-Za-z.]*(?: [A-Z][A-Za-z.]*)?)?\)"
)
"""A US party tag after a name: "(R-Fla.)", "(D-N.Y.)", "(I-Vt.)", "(R)"."""
_STATES: Final = (
    "AL|AK|AZ|AR|CA|CO|CT|DE|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|"
    "NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY|DC"
)
_STATE_TAG_RE: Final = re.compile(
    rf"\((?:{_STATES})(?:-\d{{1,2}}|-AL)?\)|(?<=[a-z], )(?:{_STATES})(?![\w.-])"
)
"""A US state code after a name or a city: "Sen. Raphael Warnock (GA)", "(SC-06)", "Atlanta, GA"."""
_SURNAME_REACH: Final = 2000
"""Characters after a person's last mention within which a lone surname still means them."""
_LOWER_RANKS: Final = words_of(
    "vice deputy assistant under acting former associate lieutenant lt sub"
)
"""Words that make a title a lower rank of the title after them ("Vice President")."""
_SUFFIX_KEYS: Final = frozenset(fold_word(w) for w in ("Jr", "Sr", "II", "III", "IV"))
"""Keys of name suffixes, never a surname ("Roberts" of "John G. Roberts Jr.")."""
_KIND_ORDER: Final[dict[str, int]] = {"person": 0, "organization": 1, "place": 2}


class _Groups:
    """Union-find over candidate indices; a group never holds two different gazetteer entries."""

    def __init__(self, cands: list[Candidate]) -> None:
        self.cands = cands
        self.parent = list(range(len(cands)))
        self.entry = {i: c.entry for i, c in enumerate(cands)}

    def find(self, i: int) -> int:
        """Root of ``i``'s group."""
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> bool:
        """Join two groups unless they carry different gazetteer entries."""
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return True
        ea, eb = self.entry.get(ra), self.entry.get(rb)
        if ea is not None and eb is not None and ea is not eb:
            return False
        self.parent[rb] = ra
        self.entry[ra] = ea or eb
        return True


def _initials(cand: Candidate) -> str:
    words = [w for w in re.split(r"[\s-]+", cand.text) if w and w.lower() not in CONNECTORS]
    return "".join(w[0] for w in words if w[0].isupper())


def _link_abbreviations(body: str, cands: list[Candidate], groups: _Groups) -> None:
    """ "Long Name (LN)" and "LN (Long Name)" make one entity; so do matching initials."""
    for n in range(len(cands) - 1):
        cur, nxt = cands[n], cands[n + 1]
        if cur.nested or nxt.nested:
            continue
        m = _PAREN_RE.match(body, cur.end)
        if not m or nxt.start != m.end() or body[nxt.end : nxt.end + 1] != ")":
            continue
        short, long_ = (nxt, cur) if len(nxt.keys) < len(cur.keys) else (cur, nxt)
        if (
            long_.kind != "person"  # "Marco Rubio (R-Fla.)": a party tag, not an abbreviation
            and len(short.keys) == 1
            and sum(c.isalpha() for c in short.text) >= 2
            and short.text.replace(".", "").isupper()
            and groups.union(n, n + 1)
            and (short.kind is None or short.entry is None)
        ):
            short.kind = long_.kind
    by_initials: dict[str, int] = {}
    for n, cand in enumerate(cands):
        if len(cand.keys) > 1 and cand.kind in ("organization", "place"):
            by_initials.setdefault(_initials(cand), n)
    for n, cand in enumerate(cands):
        if (
            cand.entry is None
            and len(cand.keys) == 1
            and cand.text.isupper()
            and sum(c.isalpha() for c in cand.text) >= 2
        ):
            target = by_initials.get(cand.text.replace(".", ""))
            if target is not None and groups.union(target, n):
                cand.kind = cands[target].kind


def _link_names(cands: list[Candidate], groups: _Groups) -> None:
    """Same folded key = same entity; a lone surname joins the one full name that ends with it.

    Full names are linked first, so that every mention of "Ted Cruz" is one group before a
    lone "Cruz" looks for its owner."""
    by_entry: dict[int, int] = {}
    for n, cand in enumerate(cands):
        if cand.entry is not None:
            groups.union(by_entry.setdefault(id(cand.entry), n), n)
    by_key: dict[tuple[str, ...], int] = {}
    for n, cand in enumerate(cands):
        if cand.kind is not None and not cand.adjective:
            by_key.setdefault(cand.keys, n)
    free = [n for n, c in enumerate(cands) if c.entry is None and not c.adjective and not c.role]
    for n in free:
        if len(cands[n].keys) > 1:
            _link_same(cands, groups, by_key, n)
    surnames: dict[str, set[int]] = defaultdict(set)
    middles: dict[str, set[int]] = defaultdict(set)
    for n, cand in enumerate(cands):
        keys = tuple(k for k in cand.keys if k not in _SUFFIX_KEYS)
        if cand.kind == "person" and len(keys) > 1:
            surnames[keys[-1]].add(groups.find(n))
            for key in keys[1:-1]:
                if len(key) > 2:
                    middles[key].add(groups.find(n))  # "Boluarte" of "Dina Boluarte Zegarra"
    for n in free:
        cand = cands[n]
        if len(cand.keys) != 1 or cand.keys[0] in _SUFFIX_KEYS:
            continue
        if cand.kind in (None, "person", "place"):
            # "at Cruz's rally" after "Ted Cruz": the surname, even where a cue said place
            key = cand.keys[0]
            owners = {groups.find(i) for i in surnames.get(key) or middles.get(key) or ()}
            if len(owners) == 1 and groups.union(owners.pop(), n):
                cand.kind = "person"
                continue
        _link_same(cands, groups, by_key, n)


def _link_same(
    cands: list[Candidate], groups: _Groups, by_key: dict[tuple[str, ...], int], n: int
) -> None:
    """Join candidate ``n`` to the first candidate with the same keys and a compatible kind."""
    cand = cands[n]
    same = by_key.get(cand.keys)
    if (
        same is not None
        and same != n
        and cands[same].kind is not None
        and cand.kind in (None, cands[same].kind)
        and groups.union(same, n)
    ):
        cand.kind = cands[same].kind


def _role_fits(role: tuple[str, ...], title: tuple[str, ...]) -> bool:
    """The role ("the President") names the holder of the title, not of a lower rank of it:
    "Vice President Harris" is not "the President", "Deputy Secretary Smith" not "the
    Secretary"."""
    word = role[-1]
    if word not in title or (len(role) > 1 and role[-2] not in title):
        return False
    at = title.index(role[0]) if role[0] in title else title.index(word)
    return at == 0 or title[at - 1] not in _LOWER_RANKS


def _link_roles(cands: list[Candidate], groups: _Groups) -> None:
    """ "the Foreign Secretary" joins the nearest person introduced with that title."""
    titled = [(n, c) for n, c in enumerate(cands) if c.kind == "person" and c.title]
    for n, cand in enumerate(cands):
        if not cand.role:
            continue
        fits = [(m, c) for m, c in titled if _role_fits(cand.keys, c.title)]
        before = [m for m, c in fits if c.start < cand.start]
        after = [m for m, c in fits if c.start > cand.start]
        target = before[-1] if before else (after[0] if after else None)
        if target is not None and groups.union(target, n):
            cand.kind = "person"


def _inflected(cand: Candidate) -> int:
    """How much longer a Cyrillic mention is than its stem: the nominative (Лавров) is preferred
    to the other cases (Лаврова, Лавровым) as the name of an entity found in Russian text."""
    text = cand.bare or cand.text
    if not text or text[0] not in CYRILLIC_CAPITALS:
        return 0
    return sum(len(w) - len(russian_stem(w)) for w in text.split())


_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u2032": "'"})
"""Typographic apostrophes and look-alikes, written as the ASCII apostrophe in names."""


def _canonical(members: list[Candidate]) -> tuple[str, EntityKind]:
    """The name and kind of an entity: its gazetteer entry's, or its fullest mention's."""
    entry = next((c.entry for c in members if c.entry is not None), None)
    if entry is not None:
        return entry.name, entry.kind
    kinds = Counter(c.kind for c in members if c.kind is not None)
    kind = min(kinds, key=lambda k: (-kinds[k], _KIND_ORDER[k]))
    named = [c for c in members if not c.role and c.link is None] or members
    best = max(named, key=lambda c: (len(c.keys), not c.text.isupper(), -_inflected(c), -c.start))
    # One spelling of the apostrophe, so that a name is the same whichever a source types
    # (O’Neill, O'Neill).
    return " ".join((best.bare or best.text).split()).translate(_APOSTROPHES), kind


def _outside_tags(body: str, cands: list[Candidate]) -> list[Candidate]:
    """``cands`` without the mentions inside party tags: "(R-Fla.)", "(D-N.Y.)", "(I)"."""
    tags = [m.span() for m in _PARTY_TAG_RE.finditer(body)]
    tags += [m.span() for m in _STATE_TAG_RE.finditer(body)]
    if not tags:
        return cands
    return [c for c in cands if not any(a <= c.start and c.end <= b for a, b in tags)]


def candidates(body: str, gaz: Gazetteer) -> list[Candidate]:
    """Every candidate mention of ``body`` (before grouping), in text order."""
    tokens = tokenize(body)
    reader = RunReader(body, tokens, gaz)
    out: list[Candidate] = []
    for a, b in runs(body, tokens):
        out.extend(reader.read_run(a, b))
    return _outside_tags(body, out + reader.nested + reader.widen(out))


def _surnames_over_places(cands: list[Candidate]) -> None:
    """A lone word the gazetteer reads as a place or body but that is the surname of a person
    named just before ("Chief Chuck Jordan ... Jordan added") is that person."""
    last_seen: dict[str, int] = {}
    for cand in sorted(cands, key=lambda c: c.start):
        if cand.kind == "person" and cand.entry is None and len(cand.keys) > 1:
            last_seen[cand.keys[-1]] = cand.end
            continue
        entry = cand.entry
        if (
            entry is None
            or entry.kind == "person"
            or cand.adjective
            or cand.nested
            or cand.link is not None
            or len(cand.keys) != 1
            or cand.text.isupper()
        ):
            continue
        seen = last_seen.get(cand.keys[0])
        if seen is not None and cand.start - seen <= _SURNAME_REACH:
            cand.entry, cand.kind, cand.people = None, "person", False
            last_seen[cand.keys[0]] = cand.end


def _titled_surnames(cands: list[Candidate], gaz: Gazetteer) -> None:
    """A surname after one of the titles a gazetteer person lists ("Vice President Harris" for
    Kamala Harris) is that person, unless the article names someone else with that surname in
    full ("Jimmy Carter" ... "President Carter") or a lower rank precedes the title."""
    surnames = titled_surnames(gaz)
    if not surnames:
        return
    full = {c.keys[-1] for c in cands if c.kind == "person" and c.entry is None and len(c.keys) > 1}
    for cand in cands:
        if cand.kind != "person" or cand.entry is not None or len(cand.keys) != 1:
            continue
        entry = surnames.get(cand.keys[0])
        if entry is None or cand.keys[0] in full or not cand.title:
            continue
        title = " ".join(w.rstrip(".") for w in cand.title)
        for wanted in entry.titles:
            if title == wanted or (
                title.endswith(" " + wanted)
                and title[: -len(wanted)].split()[-1] not in _LOWER_RANKS
            ):
                cand.entry = entry
                break


_ARMED: Final = words_of("force forces army navy guard corps")
"""Organisation tails that are department words too but close the name of a body."""
_COMMITTEE_AFTER: Final = re.compile(
    r"(?:(?:,| and| &)? [A-Z][\w'’-]*(?: [A-Z][\w'’-]*)*)*,? (sub)?(committee|panel)(s)?\b"
)
"""What follows the short name of a committee: "Senate Intelligence committee", and in a list
"the Senate Intelligence, Judiciary and Armed Services committees"."""


def _not_committee(name: str, tails: frozenset[str]) -> bool:
    """One word, a list, or a body already: not the short name of a committee."""
    words = name.split()
    return len(words) < 2 or "and" in words or words[-1].lower() in tails


def _committee_names(body: str, cands: list[Candidate], tails: frozenset[str]) -> None:
    """The short name of a committee before a lowercase "committee(s)" or "panel(s)" is named
    in full: "the Senate Intelligence and Armed Services committees" names the Senate
    Intelligence Committee and the Armed Services Committee (the mentions stay as written). A
    name of one word ("the House committee") or that is a body already (its last word one of
    ``tails``: "the Air Force committee") is left alone."""
    for n in range(len(cands) - 1, -1, -1):
        cand = cands[n]
        if cand.kind not in (None, "organization") or cand.entry is not None or cand.nested:
            continue
        m = _COMMITTEE_AFTER.match(body, cand.end)
        if m is None or not cand.text[:1].isupper():
            continue
        noun = "Subcommittee" if m.group(1) else "Committee"
        parts = [cand]
        if " and " in cand.text and m.group(3):  # two committees: "X and Y committees"
            left, right = cand.text.split(" and ", 1)
            at = cand.start + len(left) + 5
            parts = [
                Candidate(cand.start, cand.start + len(left), left, None),
                Candidate(at, cand.end, right, None),
            ]
        if any(_not_committee(part.text, tails) for part in parts):
            continue
        for part in parts:
            part.kind = "organization"
            part.bare = f"{part.text} {noun}"
            part.keys = tuple(word_key(w) for w in (*part.text.split(), noun))
        cands[n : n + 1] = parts


def _no_name(name: str, common: frozenset[str]) -> bool:
    """Every word of ``name`` is a title or a common noun: there is no name in it."""
    for word in name.lower().split():
        word = word.strip(".,'’").removesuffix("'s").removesuffix("’s")
        if word not in common and word.removesuffix("s") not in common:
            return False
    return True


def extract_entities(body: str, gazetteer: Gazetteer | None = None) -> list[Entity]:
    """People, organisations and places named in ``body``, each under its canonical name.

    Every mention satisfies ``body[start:end] == text``. Entities come in order of first mention.
    """
    gaz = gazetteer if gazetteer is not None else default_gazetteer()
    cands = candidates(body, gaz)
    _surnames_over_places(cands)
    share_kinds(body, cands, rule_words(gaz).common_nouns)
    _titled_surnames(cands, gaz)
    words = rule_words(gaz)
    _committee_names(body, cands, (words.org_tails - words.departments) | _ARMED)
    groups = _Groups(cands)
    index = {id(c): n for n, c in enumerate(cands)}
    for n, cand in enumerate(cands):
        if cand.link is not None and id(cand.link) in index:
            groups.union(index[id(cand.link)], n)
    _link_abbreviations(body, cands, groups)
    _link_names(cands, groups)
    _link_roles(cands, groups)
    verbs = frozenset(gaz.lexicon.get("actor_verbs", ()))
    subjects, qualifiers = acting(body, cands, verbs)
    members: dict[int, list[Candidate]] = defaultdict(list)
    for n, cand in enumerate(cands):
        if n not in qualifiers:
            members[groups.find(n)].append(cand)
    entities = []
    words = rule_words(gaz)
    common = words.common_nouns | words.departments
    for group in members.values():
        if all(c.kind is None for c in group):
            continue
        name, kind = _canonical(group)
        if kind == "person" and _no_name(name, common):
            continue  # "Executive Director", "Senior Administration Officials": titles only
        mentions = tuple(
            Mention(c.text, c.start, c.end) for c in sorted(group, key=lambda c: c.start)
        )
        aliases = tuple(sorted({m.text for m in mentions} - {name}))
        entities.append(Entity(name=name, kind=kind, aliases=aliases, mentions=mentions))
    taken = {e.name for e in entities if e.kind == "organization"}
    entities.extend(actor_entities(cands, subjects | qualifiers, taken))
    entities.sort(key=lambda e: e.mentions[0].start)
    return entities
