"""Fixtures of the reader's tests: a real index of the seed corpus and the real app on it."""

from __future__ import annotations

import shutil
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import asynccontextmanager
from pathlib import Path

import pytest
from textual.pilot import Pilot

from diplomareader.model import ArticleSummary
from diplomareader.search import Library
from diplomareader.store.config import Config
from diplomareader.tui.app import DiplomaReader, make_app
from diplomareader.tui.screens.main import MainScreen

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "corpus"
LAVROV = "Lavrov Says He Disagrees with Toqayev"
"""The start of the title of the seed article that quotes Tokayev's 2022 remark."""


@pytest.fixture(scope="session")
def seed_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An index of the three seed articles, built once per test process (read-only)."""
    index = tmp_path_factory.mktemp("seed-index")
    with Library(index) as library:
        report = library.ingest([str(CORPUS)])
    assert report.articles == 3 and not report.errors
    return index


@pytest.fixture(scope="session")
def frozen_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An index of the seeds as parsed on the day the snapshots were taken (read-only)."""
    from tests.tui.frozen_seeds import frozen_parser

    index = tmp_path_factory.mktemp("frozen-index")
    with Library(index) as library:
        report = library.ingest([str(CORPUS)], parser=frozen_parser, workers=1)
    assert report.articles == 3 and not report.errors
    return index


@pytest.fixture
def frozen_library(frozen_index: Path) -> Iterator[Library]:
    """The real library on the frozen seed index (for snapshots)."""
    with Library(frozen_index) as opened:
        yield opened


@pytest.fixture
def index_copy(seed_index: Path, tmp_path: Path) -> Path:
    """A private copy of the seed index, for tests that change it."""
    target = tmp_path / "index"
    shutil.copytree(seed_index, target)
    return target


@pytest.fixture
def library(seed_index: Path) -> Iterator[Library]:
    """The real library on the seed index."""
    with Library(seed_index) as opened:
        yield opened


AppFactory = Callable[..., DiplomaReader]


@pytest.fixture
def make_reader(tmp_path: Path) -> AppFactory:
    """Build the real app with its files in ``tmp_path`` (bookmarks, config, state)."""

    def build(library: Library, config: Config | None = None, **paths: Path) -> DiplomaReader:
        return make_app(
            library,
            bookmarks_path=paths.get("bookmarks_path", tmp_path / "bookmarks.yaml"),
            config=config,
            config_path=paths.get("config_path", tmp_path / "config.yaml"),
            state_path=paths.get("state_path", tmp_path / "state.json"),
        )

    return build


async def settle(pilot: Pilot[None]) -> None:
    """Wait until the workers are done and the screen is drawn."""
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def main_screen(app: DiplomaReader) -> MainScreen:
    """The main screen of an app under test."""
    screen = app.screen
    assert isinstance(screen, MainScreen)
    return screen


@asynccontextmanager
async def running(
    app: DiplomaReader, size: tuple[int, int] = (160, 45)
) -> AsyncIterator[tuple[Pilot[None], MainScreen]]:
    """Run ``app`` headless at ``size`` until its first screen is settled; gives the pilot and
    the main screen."""
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        yield pilot, main_screen(app)


async def open_lavrov(pilot: Pilot[None], screen: MainScreen) -> ArticleSummary:
    """Open the Lavrov seed article from the list and wait until it is drawn; its row."""
    lavrov = next(r for r in screen.list_view.rows if r.title.startswith(LAVROV))
    screen.open_article(lavrov.id)
    await settle(pilot)
    return lavrov


def screen_text(app: DiplomaReader) -> str:
    """The plain text on the active screen (what the user sees), one line per row."""
    strips = app.screen._compositor.render_strips()  # noqa: SLF001 - no public text export
    return "\n".join(strip.text for strip in strips)
