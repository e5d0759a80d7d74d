"""The gazetteer: curated names (bundled YAML files plus the user's own) and the rules' word lists.

File format (every ``*.yaml`` of ``diplomareader/data`` and of ``locations.gazetteer_dir()``)::

    kind: place                 # default kind of the entries below (person, organization, place)
    entries:
      - name: Kazakhstan        # canonical name: the one string shown and indexed
        aliases: [Republic of Kazakhstan, Qazaqstan, Казахстан]   # other names, abbreviations
        adjectives: [Kazakh, Kazakhstani]                          # words that refer to it
        people: [Kazakhs]       # plural demonyms; "Kazakhs" is also derived from "Kazakh"
      - {name: Aibek Smadyarov, kind: person, aliases: [Smadyarov]}
      - {name: Kamala Harris, kind: person, titles: [Vice President]}   # "Vice President Harris"

A file may also extend the rules' word lists (``first_names``, ``person_titles``, ``org_tails``,
see ``data/lexicon.yaml``). Names are matched through ``name_key``, so spelling and transliteration
variants of an alias match too. An alias of up to six letters written in capitals (``UN``, ``CIS``,
``U.S.``) or with two capitals or more (``CoE``, ``DoD``) matches only as written. A user entry
whose name (or alias) is already known replaces the bundled meaning of that alias.

The people of a country ("Syrians", "Kurds", "the Iraqis") are read as the country acting, an
organisation (see ``entities_actors``): the plural of an adjective ending in -n, -i, -k or -h
(Syrian, Iraqi, Uzbek, Kazakh) is derived; irregular plurals are listed under ``people``.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Final, cast

import yaml

from diplomareader.extract.names import fold_word, loose_key, word_key
from diplomareader.model import EntityKind, InputError

log = logging.getLogger(__name__)

KINDS: Final[frozenset[str]] = frozenset({"person", "organization", "place"})
LEXICON_KEYS: Final = (
    "person_titles",
    "honorifics",
    "person_roles",
    "speech_verbs",
    "org_tails",
    "org_heads",
    "place_tails",
    "place_heads",
    "place_prepositions",
    "name_particles",
    "first_names",
    "female_names",
    "male_names",
    "not_names",
    "collective_nouns",
    "group_nouns",
    "directions",
    "not_organizations",
    "actor_verbs",
    "department_words",
    "work_tails",
    "event_heads",
)
"""Word lists a gazetteer file may extend."""


@dataclass(frozen=True)
class GazEntry:
    """One curated entity: canonical name, kind and the names it goes by."""

    name: str
    kind: EntityKind
    aliases: tuple[str, ...] = ()
    adjectives: tuple[str, ...] = ()
    people: tuple[str, ...] = ()
    """Plural demonyms that the rule of ``people_forms`` does not derive ("Kurds", "Britons")."""
    titles: tuple[str, ...] = ()
    """For a person: titles (lowercased) under which the surname alone names them ("vice
    president" for Kamala Harris: "Vice President Harris"), for surnames too common to be
    aliases."""


@dataclass(frozen=True)
class Match:
    """What a phrase key points to: an entry, and whether the phrase is one of its adjectives."""

    entry: GazEntry
    adjective: bool = False
    exact: frozenset[str] = frozenset()
    """If not empty, the surface forms the text must show exactly (capitalised abbreviations)."""
    people: bool = False
    """The phrase names the entry's people ("Syrians"): the country acting, not the place."""
    otherwise: Match | None = None
    """Another entry under the same key: what an exact-only form means when written otherwise
    (``SANA`` the agency, ``Sana'a`` the city), or a name that folds like this one (Samarra,
    Samaria) and is told apart by how it is written."""
    forms: frozenset[str] = frozenset()
    """The written forms (lowercased) indexed under this key for this entry."""

    def resolve(self, text: str) -> Match | None:
        """The match that ``text`` (the phrase as written) stands for, if any."""
        if self.exact and text not in self.exact and text.rstrip(".") not in self.exact:
            return self.otherwise.resolve(text) if self.otherwise is not None else None
        other = self.otherwise
        if other is not None and not other.exact:
            surface = surface_form(text)
            if surface not in self.forms and surface in other.forms:
                return other
        return self


def surface_form(form: str) -> str:
    """A written form as compared by ``Match.resolve``: lowercased, straight apostrophes."""
    return form.replace("’", "'").lower()


def people_forms(entry: GazEntry) -> list[str]:
    """Plural demonyms of an entry: its ``people`` plus "Syrian" -> "Syrians", "Iraqi" -> "Iraqis".

    Only one-word adjectives ending in -n, -i, -k or -h (not -sh, -ch) take a plain "s": "French",
    "British", "Swiss" and "Chinese" have no such plural.
    """
    forms = list(entry.people)
    for adj in entry.adjectives:
        low = adj.lower()
        if " " in adj or len(adj) < 4 or low.endswith(("sh", "ch")) or low[-1] not in "nikh":
            continue
        forms.append(adj + "s")
    return forms


def phrase_key(text: str) -> str:
    """The key under which a word of Latin text finds a phrase: its words' folded spellings
    (``names.fold_word``) joined by spaces.

    Forms written in Cyrillic are folded whole here, not stemmed: the stem of Россия is Росс,
    whose key is the key of the surname Ross; Cyrillic text looks phrases up by
    ``cyrillic_key`` instead."""
    keys = (fold_word(w) for w in text.replace("’", "'").split())
    return " ".join(k for k in keys if k)


def cyrillic_key(text: str) -> str:
    """The key under which a name written in Cyrillic finds a phrase: each word's key without
    its case ending and final vowels (``names.loose_key``), so that Койшибаевой (Cyrillic text)
    finds Qoishybayeva and Москвы finds Moskva as well as Москва."""
    keys = (loose_key(word_key(w)) for w in text.replace("’", "'").split())
    return " ".join(k for k in keys if k)


def _is_abbreviation(alias: str) -> bool:
    """Short capitalised aliases (UN, CIS, U.S., CoE, DoD) are matched case-sensitively."""
    letters = [c for c in alias if c.isalpha()]
    capitals = sum(1 for c in letters if c.isupper())
    if not 0 < len(letters) <= 6 or " " in alias:
        return False
    return capitals == len(letters) or (capitals >= 2 and not alias[1:].islower())


@dataclass
class Gazetteer:
    """Phrase keys to entries, plus the word lists the rules use (all lowercased)."""

    entries: list[GazEntry] = field(default_factory=list)
    phrases: dict[str, Match] = field(default_factory=dict)
    prefixes: set[str] = field(default_factory=set)
    """Every word-boundary prefix of every phrase key (to stop a lookup early)."""
    cyrillic_phrases: dict[str, Match] = field(default_factory=dict)
    """The same phrases under ``cyrillic_key``: what a name written in Cyrillic is looked up by."""
    cyrillic_prefixes: set[str] = field(default_factory=set)
    lexicon: dict[str, set[str]] = field(default_factory=dict)
    cache: dict[str, object] = field(default_factory=dict)
    """Structures derived from the word lists (rebuilt after any change)."""

    def words(self, name: str) -> set[str]:
        """A word list of the lexicon (lowercased words and phrases)."""
        return self.lexicon.setdefault(name, set())

    def add(self, entry: GazEntry, *, override: bool) -> None:
        """Index ``entry`` under its name, aliases and adjectives."""
        self.entries.append(entry)
        forms = [(entry.name, False)] + [(a, False) for a in entry.aliases]
        forms += [(a, True) for a in entry.adjectives]
        for form, adjective in forms:
            variants = [form]
            if form.lower().startswith("the ") and not entry.name.lower().startswith("the "):
                variants = [form[4:]]
            if " the " in variants[0]:
                # "Democratic Republic of Congo" for "Democratic Republic of the Congo"
                variants.append(variants[0].replace(" the ", " "))
            for variant in variants:
                self._index(variant, entry, adjective, override)
        for form in people_forms(entry):
            self._index(form, entry, False, override, people=True)

    def _index(
        self, form: str, entry: GazEntry, adjective: bool, override: bool, *, people: bool = False
    ) -> None:
        key = phrase_key(form)
        if not key:
            return
        exact = frozenset({form}) if _is_abbreviation(form) else frozenset()
        loose = cyrillic_key(form)
        if loose and (override or loose not in self.cyrillic_phrases):
            self.cyrillic_phrases[loose] = Match(entry, adjective, exact, people)
            words = loose.split()
            for n in range(1, len(words) + 1):
                self.cyrillic_prefixes.add(" ".join(words[:n]))
        old = self.phrases.get(key)
        new = Match(entry, adjective, exact, people, forms=frozenset({surface_form(form)}))
        if old is None or override:
            self.phrases[key] = new
            words = key.split()
            for n in range(1, len(words) + 1):
                self.prefixes.add(" ".join(words[:n]))
        elif old.entry is entry and not people:
            # Same entity: a case-insensitive form wins over an exact-only one.
            merged = old.exact | exact if (old.exact and exact) else frozenset()
            self.phrases[key] = replace(
                old,
                adjective=old.adjective and adjective,
                exact=merged,
                forms=old.forms | new.forms,
            )
        elif old.entry is not entry and old.otherwise is None:
            if bool(old.exact) != bool(exact):
                # "SANA" (exact) and "Sana'a" (any case) share a key: keep both.
                exact_one, other = (old, new) if old.exact else (new, old)
                self.phrases[key] = replace(exact_one, otherwise=other)
            elif not old.exact and not exact and not new.forms & old.forms:
                # "Samarra" and "Samaria" fold alike: the form as written decides.
                self.phrases[key] = replace(old, otherwise=new)

    def extend_lexicon(self, name: str, values: Iterable[Any]) -> None:
        """Add words to one of the rules' word lists."""
        self.cache.clear()
        self.words(name).update(str(v).lower() for v in values if str(v).strip())


def titled_surnames(gaz: Gazetteer) -> dict[str, GazEntry]:
    """Folded surname -> the person entry of ``gaz`` that lists ``titles`` and has that surname
    (the last word of its name); a surname two such entries share is left out. Computed once
    per gazetteer (again after entries are added)."""
    cached = gaz.cache.get("surnames")
    if isinstance(cached, tuple) and cached[0] == len(gaz.entries):
        return cast(dict[str, GazEntry], cached[1])
    found: dict[str, GazEntry | None] = {}
    for entry in gaz.entries:
        words = entry.name.split()
        if entry.kind != "person" or not entry.titles or len(words) < 2:
            continue
        key = fold_word(words[-1])
        known = found.get(key, entry)
        found[key] = entry if known == entry else None
    surnames = {key: entry for key, entry in found.items() if entry is not None}
    gaz.cache["surnames"] = (len(gaz.entries), surnames)
    return surnames


def _parse_entries(data: dict[str, Any], source: str) -> list[GazEntry]:
    """Entries of one loaded YAML mapping; raises InputError on a malformed file."""
    default_kind = data.get("kind")
    raw_entries = data.get("entries") or []
    if not isinstance(raw_entries, list):
        raise InputError(f"{source}: 'entries' must be a list")
    entries = []
    for i, raw in enumerate(raw_entries):
        if not isinstance(raw, dict) or not str(raw.get("name") or "").strip():
            raise InputError(f"{source}: entry {i + 1} needs a 'name'")
        unknown = set(raw) - {"name", "kind", "aliases", "adjectives", "people", "titles"}
        if unknown:
            raise InputError(
                f"{source}: entry {raw['name']!r} has unknown keys {sorted(map(str, unknown))}"
                " (a name with a comma must be quoted)"
            )
        kind = raw.get("kind", default_kind)
        if kind not in KINDS:
            raise InputError(
                f"{source}: entry {raw['name']!r} has kind {kind!r}; use {sorted(KINDS)}"
            )
        lists = {}
        for key in ("aliases", "adjectives", "people", "titles"):
            value = raw.get(key) or []
            if isinstance(value, str):
                value = [value]
            if not isinstance(value, list):
                raise InputError(f"{source}: {key} of {raw['name']!r} must be a list")
            lists[key] = tuple(str(v).strip() for v in value if str(v).strip())
        entries.append(
            GazEntry(
                str(raw["name"]).strip(),
                cast(EntityKind, kind),
                lists["aliases"],
                lists["adjectives"],
                lists["people"],
                tuple(t.lower().rstrip(".") for t in lists["titles"]),
            )
        )
    return entries


def load_text(gaz: Gazetteer, text: str, source: str, *, override: bool) -> None:
    """Add the entries and word lists of one YAML document to ``gaz``."""
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise InputError(f"{source}: not valid YAML ({str(exc).splitlines()[0]})") from exc
    if data is None:
        return
    if isinstance(data, list):
        data = {"entries": data}
    if not isinstance(data, dict):
        raise InputError(f"{source}: expected a mapping with 'entries'")
    for entry in _parse_entries(data, source):
        gaz.add(entry, override=override)
    for key in LEXICON_KEYS:
        values = data.get(key)
        if isinstance(values, list):
            gaz.extend_lexicon(key, values)


def bundled_texts() -> list[tuple[str, str]]:
    """``(file name, YAML text)`` of the gazetteer files shipped in the package."""
    folder = resources.files("diplomareader") / "data"
    files = sorted((f for f in folder.iterdir() if f.name.endswith(".yaml")), key=lambda f: f.name)
    return [(f.name, f.read_text(encoding="utf-8")) for f in files]


def build_gazetteer(user_dir: Path | None = None) -> Gazetteer:
    """The bundled gazetteer, extended by every ``*.yaml``/``*.yml`` file of ``user_dir``.

    A broken user file is skipped with a logged warning (the reader must still open).
    """
    gaz = Gazetteer()
    for name, text in bundled_texts():
        load_text(gaz, text, name, override=False)
    if user_dir is not None and user_dir.is_dir():
        for path in sorted([*user_dir.glob("*.yaml"), *user_dir.glob("*.yml")]):
            try:
                load_text(gaz, path.read_text(encoding="utf-8"), str(path), override=True)
            except (InputError, OSError, UnicodeDecodeError) as exc:
                log.warning("gazetteer file skipped: %s", exc)
    return gaz


@lru_cache(maxsize=4)
def _cached(user_dir: str) -> Gazetteer:
    return build_gazetteer(Path(user_dir) if user_dir else None)


def default_gazetteer() -> Gazetteer:
    """The gazetteer used by ``extract_entities``: bundled files plus the user's folder."""
    from diplomareader.store.locations import gazetteer_dir

    return _cached(str(gazetteer_dir()))


def reload_gazetteer() -> None:
    """Forget the loaded gazetteer so that the next extraction rereads the files."""
    _cached.cache_clear()
