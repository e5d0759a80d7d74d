"""The settings file: defaults, partial files, broken files, saving and saved searches."""

from __future__ import annotations

from pathlib import Path

import pytest

from diplomareader.store import locations
from diplomareader.store.config import (
    Config,
    SavedSearch,
    load_config,
    save_config,
    update_config,
)
from diplomareader.store.state import Position, ReaderState, load_state, save_state


def test_missing_file_gives_defaults(tmp_path: Path) -> None:
    """No file: every default, no problem."""
    config = load_config(tmp_path / "none.yaml")
    assert config == Config()
    assert config.theme == "textual-dark" and config.side_panel and config.sort == "date"


def test_full_file_is_read(tmp_path: Path) -> None:
    """Every setting is read from YAML."""
    path = tmp_path / "config.yaml"
    path.write_text(
        "theme: textual-light\nside_panel: false\nsort: relevance\n"
        "keys:\n  bookmark: m\n  next_quote: ['] q', J]\n"
        "saved_searches:\n  - {name: Tokayev, query: 'speaker:tokayev'}\n"
        "browser: 'firefox --new-tab %u &'\n",
        encoding="utf-8",
    )
    config = load_config(path)
    assert config.browser == "firefox --new-tab %u &"
    assert config.theme == "textual-light"
    assert config.side_panel is False
    assert config.sort == "relevance"
    assert config.keys == {"bookmark": "m", "next_quote": "] q,J"}
    assert config.saved_searches == (SavedSearch("Tokayev", "speaker:tokayev"),)
    assert config.problems == ()


def test_bad_values_are_reported_and_replaced(tmp_path: Path) -> None:
    """Wrong types fall back to defaults, each with a one-line problem."""
    path = tmp_path / "config.yaml"
    path.write_text(
        "theme: 3\nside_panel: maybe\nsort: alphabet\ncolour: red\n"
        "keys: {quit: 5}\nsaved_searches: [{name: x}]\nbrowser: [firefox]\n",
        encoding="utf-8",
    )
    config = load_config(path)
    assert config.theme == "textual-dark" and config.side_panel and config.sort == "date"
    assert config.keys == {} and config.saved_searches == () and config.browser == ""
    assert len(config.problems) == 7
    assert all("\n" not in problem for problem in config.problems)
    assert not config.broken


@pytest.mark.parametrize("text", ["theme: [unclosed\n", "- just\n- a list\n", "\udcff"])
def test_broken_file_is_never_overwritten(tmp_path: Path, text: str) -> None:
    """A file that cannot be used is reported, and update_config refuses to replace it."""
    path = tmp_path / "config.yaml"
    path.write_bytes(text.encode("utf-8", "surrogateescape"))
    config = load_config(path)
    assert config.broken and config.problems
    with pytest.raises(OSError), update_config(path) as box:
        box[0] = Config(theme="nord")
    assert path.read_bytes() == text.encode("utf-8", "surrogateescape")


def test_save_and_load_round_trip(tmp_path: Path) -> None:
    """What is saved reads back the same, and no temporary file is left."""
    path = tmp_path / "sub" / "config.yaml"
    config = Config(
        theme="nord",
        side_panel=False,
        keys={"quit": "Q"},
        saved_searches=(SavedSearch("a", "b"),),
        browser="w3m %u",
    )
    save_config(config, path)
    assert load_config(path) == config
    assert [p.name for p in path.parent.iterdir()] == ["config.yaml"]


def test_update_keeps_changes_made_meanwhile(tmp_path: Path) -> None:
    """update_config re-reads the file, so a search saved by another copy is kept."""
    path = tmp_path / "config.yaml"
    save_config(Config().with_saved_search("one", "un"), path)
    with update_config(path) as box:
        box[0] = box[0].with_saved_search("two", "nato")
    names = [s.name for s in load_config(path).saved_searches]
    assert names == ["one", "two"]


def test_saved_search_replace_and_delete() -> None:
    """Saving under an existing name replaces it; deleting removes it."""
    config = Config().with_saved_search("a", "x").with_saved_search("a", "y")
    assert config.saved_searches == (SavedSearch("a", "y"),)
    assert config.without_saved_search("a").saved_searches == ()


def test_default_location_follows_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """DIPLOMAREADER_CONFIG overrides the config file's place."""
    monkeypatch.setenv("DIPLOMAREADER_CONFIG", str(tmp_path / "c.yaml"))
    assert locations.config_file() == tmp_path / "c.yaml"
    save_config(Config(theme="gruvbox"))
    assert load_config().theme == "gruvbox"


def test_state_merges_two_copies(tmp_path: Path) -> None:
    """Two readers saving state keep each other's read articles and queries."""
    path = tmp_path / "state.json"
    first, second = ReaderState(), ReaderState()
    first.remember_query("un")
    first.mark_read("a")
    first.set_position("a", Position(3, 40))
    save_state(first, path)
    second.remember_query("nato")
    second.mark_read("b")
    merged = save_state(second, path)
    assert merged.read == {"a", "b"}
    assert merged.recent == ["nato", "un"]
    assert load_state(path).positions["a"] == Position(3, 40)


def test_state_survives_a_broken_file(tmp_path: Path) -> None:
    """A broken state file means an empty state, and saving replaces it."""
    path = tmp_path / "state.json"
    path.write_text("{not json", encoding="utf-8")
    assert load_state(path) == ReaderState()
    state = ReaderState()
    state.remember_query("x")
    save_state(state, path)
    assert load_state(path).recent == ["x"]


def test_recent_queries_are_unique_and_bounded() -> None:
    """A repeated query moves to the front; the list is bounded."""
    state = ReaderState()
    for index in range(50):
        state.remember_query(f"q{index}")
    state.remember_query("q10")
    assert state.recent[0] == "q10"
    assert len(state.recent) == 30
    assert len(set(state.recent)) == 30
