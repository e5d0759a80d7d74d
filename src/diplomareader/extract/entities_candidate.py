"""``Candidate``: one mention found in the text, before mentions are grouped into entities."""

from __future__ import annotations

from dataclasses import dataclass

from diplomareader.extract.gazetteer import GazEntry
from diplomareader.model import EntityKind


@dataclass
class Candidate:
    """A mention found in a run, before the document-level pass groups mentions into entities."""

    start: int
    end: int
    text: str
    kind: EntityKind | None
    """None while pending (no cue yet)."""
    entry: GazEntry | None = None
    """The gazetteer entry it matched, if any."""
    adjective: bool = False
    """It matched one of the entry's adjectives ("Kazakh")."""
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
    link: Candidate | None = None
    """For a wider mention read from the context ("ISIL fighters"): the candidate it names more
    fully. It joins that candidate's entity and never gives the entity its name."""
    people: bool = False
    """It matched one of the entry's plural demonyms ("Syrians"): the country acting."""
