"""Shared fixtures: the sample corpus, the shared corpora (skipped when absent), isolated dirs."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.robustness.figures import pytest_terminal_summary  # noqa: F401 - robustness figures

ROOT = Path(__file__).resolve().parent.parent
"""The repository's top folder."""
CORPUS = ROOT / "corpus"
"""The bundled sample articles."""


def _find_shared() -> Path:
    """``../shared`` beside the checkout, or beside an ancestor (git worktrees live deeper)."""
    if "DIPLOMAREADER_SHARED" in os.environ:
        return Path(os.environ["DIPLOMAREADER_SHARED"]).resolve()
    for parent in ROOT.parents:
        if (parent / "shared" / "corpora").is_dir():
            return parent / "shared"
    return ROOT.parent / "shared"


SHARED = _find_shared()
"""Data written by others for tests and benchmarks (present in CI, absent on users' machines)."""

SEED_FILES = {
    "qazaq": CORPUS / "qazaqtv-2022-09-26-kazakhstan-position-referendums.txt",
    "embassy": CORPUS / "embassy-2022-09-29-tokayev-neutrality.txt",
    "orda": CORPUS / "orda-lavrov-disagrees-toqayev.txt",
}
"""The three seed articles by a short name."""


@pytest.fixture
def seed_paths() -> dict[str, Path]:
    """Paths of the three seed articles."""
    return dict(SEED_FILES)


@pytest.fixture
def corpora() -> Path:
    """``../shared/corpora``; the test is skipped where it is absent (a user's machine)."""
    path = SHARED / "corpora"
    if not path.is_dir():
        pytest.skip("../shared/corpora is not present")
    return path


@pytest.fixture
def shared_eval() -> Path:
    """``../shared/eval`` (the scorers); skipped where absent."""
    path = SHARED / "eval"
    if not path.is_dir():
        pytest.skip("../shared/eval is not present")
    return path


@pytest.fixture(autouse=True)
def isolated_dirs(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Point config, data and cache locations at a temporary folder for every test."""
    home = tmp_path_factory.mktemp("home")
    for var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        monkeypatch.setenv(var, str(home / var.lower()))
    monkeypatch.delenv("DIPLOMAREADER_BOOKMARKS", raising=False)
    for var in ("CONFIG", "CONFIG_DIR", "DATA_DIR", "GAZETTEER_DIR"):
        monkeypatch.delenv(f"DIPLOMAREADER_{var}", raising=False)
