"""What the reader remembers between sessions: recent queries, read articles, reading positions.

Kept apart from the hand-edited config file, in JSON (``locations.state_file()``). Saving
merges with what is on disk, so two copies of the reader open at once keep each other's
history. A missing or unreadable file means an empty state, never an error.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

from diplomareader.store import locations
from diplomareader.store.config import write_text_atomically

MAX_RECENT: Final = 30
"""How many recent queries are kept."""
MAX_POSITIONS: Final = 5000
"""How many per-article reading positions are kept (the most recent ones)."""


@dataclass(frozen=True)
class Position:
    """Where the reader was in an article: the paragraph under the cursor and the scroll."""

    paragraph: int = 0
    scroll: int = 0


@dataclass
class ReaderState:
    """Recent queries (newest first), articles opened, and positions per article id."""

    recent: list[str] = field(default_factory=list)
    read: set[str] = field(default_factory=set)
    positions: dict[str, Position] = field(default_factory=dict)

    def remember_query(self, query: str) -> None:
        """Put ``query`` first among the recent queries (once)."""
        query = query.strip()
        if not query:
            return
        self.recent = [query, *(q for q in self.recent if q != query)][:MAX_RECENT]

    def mark_read(self, article_id: str) -> None:
        """Record that the article was opened."""
        self.read.add(article_id)

    def set_position(self, article_id: str, position: Position) -> None:
        """Remember where the reader is in an article (most recent last)."""
        self.positions.pop(article_id, None)
        self.positions[article_id] = position
        while len(self.positions) > MAX_POSITIONS:
            self.positions.pop(next(iter(self.positions)))

    def merged_with(self, other: ReaderState) -> ReaderState:
        """This state combined with ``other`` (another copy's); this one wins on conflicts."""
        recent = list(self.recent)
        recent.extend(q for q in other.recent if q not in recent)
        positions = dict(other.positions)
        for key, value in self.positions.items():
            positions.pop(key, None)
            positions[key] = value
        return ReaderState(recent[:MAX_RECENT], self.read | other.read, positions)

    def to_json(self) -> dict[str, Any]:
        """The JSON shape written to disk."""
        return {
            "recent": self.recent,
            "read": sorted(self.read),
            "positions": {k: [p.paragraph, p.scroll] for k, p in self.positions.items()},
        }


def state_from_json(data: object) -> ReaderState:
    """Build a state from parsed JSON, skipping anything malformed."""
    if not isinstance(data, dict):
        return ReaderState()
    recent = [q for q in _listed(data.get("recent")) if isinstance(q, str)][:MAX_RECENT]
    read = {r for r in _listed(data.get("read")) if isinstance(r, str)}
    positions: dict[str, Position] = {}
    raw_positions = data.get("positions", {})
    if isinstance(raw_positions, dict):
        for key, value in raw_positions.items():
            if (
                isinstance(value, list)
                and len(value) == 2
                and all(isinstance(v, int) and v >= 0 for v in value)
            ):
                positions[str(key)] = Position(value[0], value[1])
    return ReaderState(recent, read, positions)


def _listed(value: object) -> list[Any]:
    """``value`` when it is a list, else nothing (``"read": 5`` crashed the reader's start)."""
    return value if isinstance(value, list) else []


def load_state(path: Path | None = None) -> ReaderState:
    """Read the state file; missing or unreadable means an empty state."""
    path = path or locations.state_file()
    try:
        return state_from_json(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError):
        return ReaderState()


def save_state(state: ReaderState, path: Path | None = None) -> ReaderState:
    """Merge ``state`` with the file on disk, write it atomically, return the merged state."""
    path = path or locations.state_file()
    merged = state.merged_with(load_state(path))
    write_text_atomically(path, json.dumps(merged.to_json(), ensure_ascii=False))
    return merged
