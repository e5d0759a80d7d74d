"""Where diplomareader keeps its files: config, bookmarks, user gazetteers.

Every location can be overridden by an environment variable; otherwise the platform's
conventional folders are used (XDG on Linux, via platformdirs).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Final

from platformdirs import user_config_path, user_data_path

APP_NAME: Final = "diplomareader"


def config_dir() -> Path:
    """Folder of the config file and the user's own gazetteer files."""
    override = os.environ.get("DIPLOMAREADER_CONFIG_DIR")
    return Path(override) if override else user_config_path(APP_NAME)


def data_dir() -> Path:
    """Folder of the user's data (bookmarks, reading state)."""
    override = os.environ.get("DIPLOMAREADER_DATA_DIR")
    return Path(override) if override else user_data_path(APP_NAME)


def config_file() -> Path:
    """The YAML configuration file (keys, theme, saved searches)."""
    override = os.environ.get("DIPLOMAREADER_CONFIG")
    return Path(override) if override else config_dir() / "config.yaml"


def bookmarks_file() -> Path:
    """The YAML bookmarks file (overridable with ``--bookmarks`` on the command line)."""
    override = os.environ.get("DIPLOMAREADER_BOOKMARKS")
    return Path(override) if override else data_dir() / "bookmarks.yaml"


def gazetteer_dir() -> Path:
    """Folder of the user's own gazetteer YAML files, read in addition to the bundled ones."""
    override = os.environ.get("DIPLOMAREADER_GAZETTEER_DIR")
    return Path(override) if override else config_dir() / "gazetteer"


def state_file() -> Path:
    """What the reader remembers between sessions: recent queries, read articles, positions."""
    override = os.environ.get("DIPLOMAREADER_STATE")
    return Path(override) if override else data_dir() / "state.json"
