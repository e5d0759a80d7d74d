"""The word lists the entity rules use, prepared once per gazetteer (sets and tuples).

Most lists come from ``data/lexicon.yaml`` (and the user's gazetteer files); the few fixed lists
below are grammar, not knowledge.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from diplomareader.extract.gazetteer import Gazetteer
from diplomareader.extract.names import fold_word, loose_key


def words_of(text: str) -> frozenset[str]:
    """The words of ``text`` as a set (word lists written as one string)."""
    return frozenset(text.split())


MAX_TITLE_WORDS: Final = 4
NAME_PARTICLES_INNER: Final = words_of("de du da del della di von van der den la le bin ibn al el")
"""Lowercase particles that stay inside a personal name ("Bashar al-Assad", "de Mistura")."""
POSSESSIVE_NAME_WORDS: Final = words_of(
    "people's peoples' workers' women's children's nations' men's farmers' veterans' "
    "journalists' people’s workers’ women’s children’s nations’"
)
"""Possessives that belong to a name ("Donetsk People's Republic") rather than end one."""
AFTER_NOUN: Final = words_of(
    "and or but of in on at to for from with by as that which who whose is are was were has have "
    "had will would can could should must may might did do does also still not then now again "
    "say says said continue continues launched took take under against over into about after "
    "before during through since within across toward towards amid despite including between "
    "among without until upon via while when where because so if than"
)
"""Words that may follow the end of a noun phrase ("Iraqi forces said")."""
NAME_ADJECTIVES: Final = words_of(
    "national international regional federal state security foreign government local global "
    "supreme central general public royal joint interim transitional provisional"
)
"""Words that are no name on their own but open one before an organisation word ("National
Coalition", "Federal Government", "Royal Air Force")."""
HYPHEN_PREFIXES: Final = words_of("non anti pro post pre ex neo counter inter intra trans")
"""Prefixes that make a modifier of the name after them ("Non-NATO", "Anti-ISIL")."""
FEATURE_HEADS: Final = words_of("mount mt lake wadi jebel jabal cape camp fort jisr ras")
"""Words that make a new place of the place they precede ("Mount Sinjar")."""
LONE_ORG_WORDS: Final = words_of(
    "coalition army navy government parliament senate congress cabinet alliance commission "
    "ministry marines kremlin"
)
"""Organisation words that, capitalised on their own mid-sentence, name a body ("the Coalition")."""
SINGLE_WORD_ROLES: Final = words_of(
    "president chancellor premier king queen pope emir sultan secretary-general"
)
"""One-word titles that stand for a person on their own ("the President")."""
ROMAN: Final = words_of("II III IV VI VII VIII IX XI XII")
TITLE_ABBREVIATIONS: Final = words_of(
    "lt gen col maj capt sgt adm cmdr brig mr mrs ms dr prof sen rep gov rev spc"
)
"""Abbreviated titles written with a dot ("Lt. Gen.")."""


@dataclass(frozen=True)
class RuleWords:
    """Every word list of the rules, lowercased, ready for set lookups."""

    titles: frozenset[tuple[str, ...]]
    title_words: frozenset[str]
    org_tails: frozenset[str]
    org_heads: frozenset[str]
    place_tails: frozenset[str]
    place_heads: frozenset[str]
    place_preps: frozenset[str]
    first_names: frozenset[str]
    first_stems: frozenset[str]
    """``loose_key`` of every first name, to recognise Cyrillic ones in any case."""
    speech_verbs: frozenset[str]
    not_names: frozenset[str]
    particles: frozenset[str]
    collective: frozenset[tuple[str, ...]]
    group_nouns: frozenset[tuple[str, ...]]
    directions: frozenset[str]
    not_orgs: frozenset[str]
    event_heads: frozenset[str]
    """First words of the names of storms and events ("Hurricane Ida"): no entity."""
    work_tails: frozenset[str]
    """Last words of the names of laws, treaties and plans ("Arms Act"): no entity."""
    departments: frozenset[str]
    """Words of government departments ("Treasury", "Veterans Affairs") after "Secretary of"."""
    common_nouns: frozenset[str]
    """Words that are no name on their own: ``not_names``, titles, place and organisation words."""


def rule_words(gaz: Gazetteer) -> RuleWords:
    """The prepared word lists of ``gaz`` (computed once, kept on the gazetteer)."""
    cached = gaz.cache.get("rule_words")
    if isinstance(cached, RuleWords):
        return cached
    lex = gaz.lexicon

    def get(name: str) -> frozenset[str]:
        return frozenset(lex.get(name, ()))

    titles = frozenset(tuple(t.split()) for t in get("person_titles") | get("honorifics"))
    words = RuleWords(
        titles=titles,
        title_words=frozenset(w.rstrip(".") for t in titles for w in t) - {"the"},
        org_tails=get("org_tails"),
        org_heads=get("org_heads"),
        place_tails=get("place_tails"),
        place_heads=get("place_heads"),
        place_preps=get("place_prepositions"),
        first_names=get("first_names"),
        first_stems=frozenset(loose_key(fold_word(n)) for n in get("first_names")),
        speech_verbs=get("speech_verbs"),
        not_names=get("not_names"),
        particles=get("name_particles"),
        collective=frozenset(tuple(t.split()) for t in get("collective_nouns")),
        group_nouns=frozenset(tuple(t.split()) for t in get("group_nouns")),
        directions=get("directions"),
        not_orgs=get("not_organizations"),
        work_tails=get("work_tails"),
        event_heads=get("event_heads"),
        departments=get("department_words"),
        common_nouns=get("not_names")
        | get("place_tails")
        | get("org_tails")
        | frozenset(w.rstrip(".") for t in titles for w in t),
    )
    gaz.cache["rule_words"] = words
    return words
