"""The reader's settings: key remapping, theme, side panel, sort order and saved searches.

The settings live in one YAML file (``locations.config_file()``), written by hand or by the
reader when a setting is changed from inside it. A missing file means the defaults; a file
that cannot be read is reported (``Config.problems``) and the defaults are used, never a crash.

Example ``config.yaml``::

    theme: textual-light        # any Textual theme name
    side_panel: true            # show the side panel at start
    sort: date                  # date | relevance
    browser: "w3m %u"           # command for o (open url); %u is the url; empty: the system's
    keys:                       # command id -> keys, comma-separated; "] q" is a two-key sequence
      bookmark: "b,m"
      next_quote: "] q,J"
    saved_searches:
      - name: Tokayev
        query: "speaker:tokayev"
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Final, Literal

import yaml

from diplomareader.store import locations

SortOrder = Literal["date", "relevance"]
"""How the list pane orders articles."""

DEFAULT_THEME: Final = "textual-dark"
"""The theme used when the config names none."""


@dataclass(frozen=True)
class SavedSearch:
    """A named query shown as an entry with its count (like a newsboat query feed)."""

    name: str
    query: str


@dataclass(frozen=True)
class Config:
    """Everything the user can set; every field has a default."""

    theme: str = DEFAULT_THEME
    """Name of the Textual theme (``textual-dark``, ``textual-light``, ``nord``, ...)."""
    side_panel: bool = True
    """Whether the side panel is visible at start."""
    sort: SortOrder = "date"
    """Initial order of the list: ``date`` (newest first) or ``relevance``."""
    keys: dict[str, str] = field(default_factory=dict)
    """Key remapping: command id -> comma-separated keys (``"] q"`` is a two-key sequence)."""
    saved_searches: tuple[SavedSearch, ...] = ()
    """Named queries, in the order the user wrote them."""
    browser: str = ""
    """Shell command that ``o`` runs to open a url (``%u`` is the url); empty: the system's."""
    problems: tuple[str, ...] = ()
    """What was wrong with the file (ignored parts), one line each; never saved."""
    broken: bool = False
    """The file exists but could not be used at all; the reader then never overwrites it."""

    def with_saved_search(self, name: str, query: str) -> Config:
        """A copy with ``name`` saved for ``query`` (replacing a search of the same name)."""
        kept = tuple(s for s in self.saved_searches if s.name != name)
        return replace(self, saved_searches=(*kept, SavedSearch(name, query)))

    def without_saved_search(self, name: str) -> Config:
        """A copy without the saved search called ``name``."""
        return replace(self, saved_searches=tuple(s for s in self.saved_searches if s.name != name))

    def to_yaml_dict(self) -> dict[str, Any]:
        """The plain mapping written to the YAML file."""
        data: dict[str, Any] = {
            "theme": self.theme,
            "side_panel": self.side_panel,
            "sort": self.sort,
            "keys": dict(self.keys),
            "saved_searches": [{"name": s.name, "query": s.query} for s in self.saved_searches],
        }
        if self.browser:
            data["browser"] = self.browser
        return data


def _parse_keys(value: object, problems: list[str]) -> dict[str, str]:
    """The ``keys`` mapping, keeping only string (or list of strings) values."""
    if value is None:
        return {}
    if not isinstance(value, dict):
        problems.append("keys: expected a mapping of command id to keys")
        return {}
    keys: dict[str, str] = {}
    for command, spec in value.items():
        if isinstance(spec, list) and all(isinstance(k, str) for k in spec):
            spec = ",".join(spec)
        if not isinstance(command, str) or not isinstance(spec, str) or not spec.strip():
            problems.append(f"keys: ignored {command!r} (expected keys as a string)")
            continue
        keys[command] = spec
    return keys


def _parse_saved(value: object, problems: list[str]) -> tuple[SavedSearch, ...]:
    """The ``saved_searches`` list; entries without a name and a query are reported."""
    if value is None:
        return ()
    if not isinstance(value, list):
        problems.append("saved_searches: expected a list of {name, query}")
        return ()
    saved: list[SavedSearch] = []
    for item in value:
        if (
            isinstance(item, dict)
            and isinstance(item.get("name"), str)
            and isinstance(item.get("query"), str)
            and item["name"].strip()
            and item["query"].strip()
        ):
            saved.append(SavedSearch(item["name"].strip(), item["query"].strip()))
        else:
            problems.append(f"saved_searches: ignored {item!r} (needs a name and a query)")
    return tuple(saved)


def config_from_mapping(data: object) -> Config:
    """Build a Config from parsed YAML, keeping what is valid and reporting the rest."""
    problems: list[str] = []
    if data is None:
        return Config()
    if not isinstance(data, dict):
        return Config(
            problems=("the file is not a mapping of settings; using the defaults",), broken=True
        )
    theme = data.get("theme", DEFAULT_THEME)
    if not isinstance(theme, str) or not theme.strip():
        problems.append("theme: expected a theme name")
        theme = DEFAULT_THEME
    side_panel = data.get("side_panel", True)
    if not isinstance(side_panel, bool):
        problems.append("side_panel: expected true or false")
        side_panel = True
    sort = data.get("sort", "date")
    if sort not in ("date", "relevance"):
        problems.append("sort: expected date or relevance")
        sort = "date"
    browser = data.get("browser") or ""
    if not isinstance(browser, str):
        problems.append("browser: expected a command line such as 'firefox %u &'")
        browser = ""
    known = {"theme", "side_panel", "sort", "keys", "saved_searches", "browser"}
    problems.extend(f"{name}: unknown setting, ignored" for name in data if name not in known)
    return Config(
        theme=theme.strip(),
        side_panel=side_panel,
        sort=sort,
        keys=_parse_keys(data.get("keys"), problems),
        saved_searches=_parse_saved(data.get("saved_searches"), problems),
        browser=browser.strip(),
        problems=tuple(problems),
    )


def load_config(path: Path | None = None) -> Config:
    """Read the config file (the default location when ``path`` is None); never raises."""
    path = path or locations.config_file()
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return Config()
    except (OSError, UnicodeDecodeError) as error:
        return Config(problems=(f"cannot read {path}: {error}; using the defaults",), broken=True)
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as error:
        first = str(error).splitlines()[0] if str(error) else "invalid YAML"
        problem = f"{path} is not valid YAML ({first}); using the defaults"
        return Config(problems=(problem,), broken=True)
    return config_from_mapping(data)


def write_text_atomically(path: Path, text: str) -> None:
    """Replace ``path`` with ``text`` through a temporary file and a rename (never half-written)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def save_config(config: Config, path: Path | None = None) -> None:
    """Write ``config`` to its file atomically (raises OSError when it cannot be written)."""
    path = path or locations.config_file()
    header = "# diplomareader settings (see the README, section Configuration)\n"
    body = yaml.safe_dump(config.to_yaml_dict(), sort_keys=False, allow_unicode=True)
    write_text_atomically(path, header + body)


@contextmanager
def update_config(path: Path | None = None) -> Iterator[list[Config]]:
    """Read, let the caller replace ``box[0]``, then save: ``with update_config() as box: ...``.

    The file is re-read at the start so that changes made meanwhile by another copy of the
    reader (or by hand) are kept. A broken file is never overwritten: OSError is raised instead.
    """
    path = path or locations.config_file()
    box = [load_config(path)]
    if box[0].broken:
        raise OSError(f"{path} could not be read, so it was left as it is")
    yield box
    save_config(box[0], path)
