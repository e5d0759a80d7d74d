"""The reader (the real Textual app through Pilot) on what bad input and faults leave behind:
an index of the survivors of the bad-input matrix, a huge article, a broken bookmarks file,
an ingest process running and killed while the reader is open, a read-only index.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("diplomareader.tui.app", reason="the reader has not landed yet")

from diplomareader.search import Library  # noqa: E402
from diplomareader.store.bookmarks import BookmarkStore  # noqa: E402
from diplomareader.tui.app import make_app  # noqa: E402
from diplomareader.tui.screens.main import MainScreen  # noqa: E402
from tests.robustness.badfiles import SEARCH_WORDS, Case, ok_names, write_cases  # noqa: E402
from tests.robustness.faults import IngestProcess, read_only  # noqa: E402
from tests.robustness.support import ROOT, record_figures, write_articles  # noqa: E402

SIZE = (140, 40)


async def settle(pilot: Any) -> None:
    """Wait until the app's workers are done and the screen is drawn."""
    for _ in range(3):
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def screen_text(app: Any) -> str:
    """The text on the active screen, one line per row (what the user sees)."""
    strips = app.screen._compositor.render_strips()  # noqa: SLF001 - no public text export
    return "\n".join(strip.text for strip in strips)


def main_screen(app: Any) -> MainScreen:
    """The app's main screen."""
    screen = app.screen
    assert isinstance(screen, MainScreen), screen
    return screen


def reader(library: Library, folder: Path, **kwargs: Path) -> Any:
    """The real app on ``library`` with its files in ``folder``."""
    return make_app(
        library,
        bookmarks_path=kwargs.get("bookmarks_path", folder / "bookmarks.yaml"),
        config_path=folder / "config.yaml",
        state_path=folder / "state.json",
    )


@pytest.fixture(scope="module")
def survivors(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, list[Case]]]:
    """An index of the bad-input matrix (only the readable files get in)."""
    folder = tmp_path_factory.mktemp("survivors")
    cases = write_cases(folder / "inputs")
    with Library(folder / "index") as library:
        report = library.ingest([str(folder / "inputs")])
    assert report.articles == len(ok_names(cases)), report.errors
    yield folder / "index", cases


async def test_reader_opens_every_survivor(
    survivors: tuple[Path, list[Case]], tmp_path: Path
) -> None:
    """Every article that survived bad input opens; text in every script shows on screen."""
    index, cases = survivors
    by_name = {c.name: c for c in cases}
    opened = 0
    with Library(index) as library:
        app = reader(library, tmp_path)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            screen = main_screen(app)
            rows = list(screen.list_view.rows)
            assert len(rows) == len(ok_names(cases))
            for position in range(len(rows)):
                screen.list_view.focus()
                await pilot.press("home", *["down"] * position, "enter")
                await settle(pilot)
                article = screen.article
                assert article is not None
                stored = library.article(article.id)
                assert article.body == stored.body
                case = by_name[Path(article.path).name]
                shown = screen_text(app)
                for paragraph in case.exact_paragraphs[:1]:
                    first_word = paragraph.split()[0].strip("«»“”\"'")
                    assert first_word in shown, (case.name, first_word)
                opened += 1
            assert app.return_code is None
    record_figures("reader_survivors", articles_opened=opened, crashes=0)


@pytest.mark.parametrize(("name", "word"), [(n, w[0]) for n, w in sorted(SEARCH_WORDS.items())])
async def test_reader_search_finds_text_in_every_script(
    survivors: tuple[Path, list[Case]], tmp_path: Path, name: str, word: str
) -> None:
    """Typing a Russian, Kazakh, Arabic or Chinese word in the search box finds its article."""
    index, _ = survivors
    with Library(index) as library:
        app = reader(library, tmp_path)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            screen = main_screen(app)
            await pilot.press("slash")
            for char in word:
                await pilot.press(char)
            await settle(pilot)
            names = {Path(r.path).name for r in screen.list_view.rows}
            assert name in names, (word, names)


async def test_reader_starts_with_a_broken_bookmarks_file(tmp_path: Path) -> None:
    """A hand-broken bookmarks file: the reader starts, says where the copy is, and new
    bookmarks are saved; the broken bytes stay in the backup."""
    index = tmp_path / "index"
    with Library(index) as library:
        library.ingest([str(ROOT / "corpus")], workers=1)
    path = tmp_path / "bookmarks.yaml"
    broken = b"version: 1\nbookmarks:\n- id: [oops\n  text: 'my precious notes\n"
    path.write_bytes(broken)
    with Library(index) as library:
        app = reader(library, tmp_path, bookmarks_path=path)
        async with app.run_test(size=SIZE, notifications=True) as pilot:
            await settle(pilot)
            assert "kept a copy" in screen_text(app).replace("\n", " ") or any(
                "kept a copy" in str(n.message)
                for n in app._notifications  # noqa: SLF001
            )
            await pilot.press("enter")
            await settle(pilot)
            await pilot.press("b")
            await settle(pilot)
    (backup,) = tmp_path.glob("bookmarks.yaml.corrupt-*")
    assert backup.read_bytes() == broken
    saved = BookmarkStore(path)
    assert saved.load().warning is None and len(saved.all()) == 1


async def test_reader_survives_an_ingest_killed_while_it_is_open(tmp_path: Path) -> None:
    """A real ingest runs while the reader is open and is killed; the reader keeps working
    on the last commit; after a complete ingest, refresh (r) shows the new articles."""
    corpus, index = tmp_path / "corpus", tmp_path / "index"
    write_articles(corpus / "first", 20)
    with Library(index) as library:
        library.ingest([str(corpus)], workers=1)
    write_articles(corpus / "second", 150, start=20)
    with Library(index) as library:
        app = reader(library, tmp_path)
        async with app.run_test(size=SIZE, notifications=True) as pilot:
            await settle(pilot)
            screen = main_screen(app)
            assert len(screen.list_view.rows) == 20
            killed = IngestProcess(str(corpus), "--index", str(index))
            killed.until(killed.scanning, 60)
            await pilot.pause(1.0)
            killed.kill()
            await pilot.press("r")
            await settle(pilot)
            await pilot.press("enter")
            await settle(pilot)
            assert screen.article is not None
            done = IngestProcess(str(corpus), "--index", str(index))
            assert done.wait() == 0, done.stderr
            screen.list_view.focus()
            await pilot.press("r")
            await settle(pilot)
            await pilot.pause(0.3)
            assert len(screen.list_view.rows) == 170
            assert app.return_code is None


async def test_reader_on_a_read_only_index(tmp_path: Path) -> None:
    """A read-only index opens, lists, searches and opens articles; bookmarks (kept
    elsewhere) are saved."""
    index = tmp_path / "index"
    with Library(index) as library:
        library.ingest([str(ROOT / "corpus")], workers=1)
    with read_only(index), Library(index) as library:
        app = reader(library, tmp_path)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            screen = main_screen(app)
            assert len(screen.list_view.rows) == 3
            await pilot.press("slash", *"lavrov", "enter", "enter")
            await settle(pilot)
            assert screen.article is not None and "Lavrov" in screen.article.title
            await pilot.press("b")
            await settle(pilot)
    saved = BookmarkStore(tmp_path / "bookmarks.yaml")
    saved.load()
    assert len(saved.all()) == 1


BROKEN_FILES = {
    "state: not JSON": ("state.json", b"{not json"),
    "state: binary": ("state.json", b"\x00\xff\x00"),
    "state: wrong types": (
        "state.json",
        b'{"read": 5, "recent": "abc", "positions": {"x": [1, -2], "y": "z"}}',
    ),
    "state: a list": ("state.json", b"[1, 2, 3]"),
    "config: not YAML": ("config.yaml", b"keys: [unclosed\n"),
    "config: binary": ("config.yaml", b"\xff\xfe\x00\x01"),
    "config: wrong types": ("config.yaml", b"keys:\n  quit: 5\ntheme: 42\nwrap: banana\n"),
}


@pytest.mark.parametrize("case", sorted(BROKEN_FILES))
async def test_reader_starts_with_broken_state_or_config(tmp_path: Path, case: str) -> None:
    """A hand-broken or truncated state or config file never stops the reader."""
    index = tmp_path / "index"
    with Library(index) as library:
        library.ingest([str(ROOT / "corpus")], workers=1)
    name, data = BROKEN_FILES[case]
    (tmp_path / name).write_bytes(data)
    with Library(index) as library:
        app = reader(library, tmp_path)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            await pilot.press("enter")
            await settle(pilot)
            assert main_screen(app).article is not None
            assert app.return_code is None


async def test_reader_bookmark_on_a_read_only_folder_is_kept_for_later(tmp_path: Path) -> None:
    """The bookmarks folder turns read-only while the reader is open: ``b`` says in one
    line why the file cannot be written and that the bookmark is kept, the reader goes on,
    the file is unchanged and no temporary file is left; once the folder is writable again,
    the next bookmark saves both (nothing lost)."""
    index = tmp_path / "index"
    with Library(index) as library:
        library.ingest([str(ROOT / "corpus")], workers=1)
    folder = tmp_path / "marks"
    folder.mkdir()
    path = folder / "bookmarks.yaml"
    with Library(index) as library:
        app = reader(library, tmp_path, bookmarks_path=path)
        async with app.run_test(size=SIZE, notifications=True) as pilot:
            await settle(pilot)
            await pilot.press("enter")
            await settle(pilot)
            await pilot.press("b")
            await settle(pilot)
            before = path.read_bytes()
            with read_only(folder):
                await pilot.press("j", "j", "b")
                await settle(pilot)
                messages = [str(n.message) for n in app._notifications]  # noqa: SLF001
                failed = [m for m in messages if "cannot" in m and "read-only" in m]
                assert len(failed) == 1 and "\n" not in failed[0], messages
                assert "kept" in failed[0], failed[0]
                assert path.read_bytes() == before
                assert [p.name for p in folder.iterdir() if p.name.endswith(".tmp")] == []
                assert app.bookmarks.unsaved == 1
            await pilot.press("j", "j", "b")
            await settle(pilot)
            assert app.return_code is None
    saved = BookmarkStore(path)
    assert saved.load().warning is None
    assert len(saved.all()) == 3, [b.text[:30] for b in saved.all()]
    record_figures(
        "reader_read_only_bookmarks", faults_injected=1, bookmarks_lost=3 - len(saved.all())
    )


async def test_reader_quit_with_an_unsaved_bookmark(tmp_path: Path) -> None:
    """A bookmark that could not be saved when the reader quits: the save is tried again at
    exit; when it still fails, the lines for the terminal give the reason (one line) and the
    bookmarked text; when the folder is writable again, the bookmark is saved."""
    index = tmp_path / "index"
    with Library(index) as library:
        library.ingest([str(ROOT / "corpus")], workers=1)
    folder = tmp_path / "marks"
    folder.mkdir()
    path = folder / "bookmarks.yaml"
    with Library(index) as library:
        app = reader(library, tmp_path, bookmarks_path=path)
        with read_only(folder):
            async with app.run_test(size=SIZE, notifications=True) as pilot:
                await settle(pilot)
                await pilot.press("enter")
                await settle(pilot)
                await pilot.press("b")
                await settle(pilot)
                await pilot.press("q")
            (held,) = app.bookmarks.unsaved_bookmarks()
            lines = app.save_pending_bookmarks()
            assert len(lines) == 2 and "not saved" in lines[0] and "read-only" in lines[0], lines
            assert " ".join(held.text.split()) in lines[1], (held.text, lines)
            assert not path.exists()
        assert app.save_pending_bookmarks() == []
    saved = BookmarkStore(path)
    saved.load()
    assert [b.text for b in saved.all()] == [held.text]


async def test_reader_opens_a_very_large_article(tmp_path: Path) -> None:
    """An article of 10,000 paragraphs (1.7 MB) and a 1 MB paragraph without a break: each
    opens in the reader, ``end`` shows its last words, a search finds it, the reader stays
    up; the reader process's memory stays bounded."""
    import resource

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    paragraphs = [
        f"Paragraph {n}: the delegation said that the talks on point {n} of the agenda would "
        f"go on in Geneva after the break, and that the positions had not changed (p{n})."
        for n in range(10_000)
    ]
    (corpus / "many.txt").write_text("Many paragraphs\n\n" + "\n\n".join(paragraphs) + "\n")
    line = " ".join(f"The envoy spoke about corridor number {n}." for n in range(25_000))
    (corpus / "oneline.txt").write_text(f"One long line\n\n{line} lastwordhere\n")
    index = tmp_path / "index"
    with Library(index) as library:
        report = library.ingest([str(corpus)], workers=1)
        assert report.articles == 2, report.errors
        app = reader(library, tmp_path)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            screen = main_screen(app)
            for title, last in (("Many paragraphs", "(p9999)"), ("One long line", "lastwordhere")):
                screen.list_view.focus()
                await pilot.press("slash", *f'"{title.lower()}"', "enter")
                await settle(pilot)
                await pilot.press("enter")
                await settle(pilot)
                assert screen.article is not None and screen.article.title == title
                await pilot.press("end")
                await settle(pilot)
                await pilot.pause(0.5)
                assert last in screen_text(app), (title, screen_text(app)[-800:])
                await pilot.press("escape")
                await settle(pilot)
            assert app.return_code is None
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    sizes = {p.name: round(p.stat().st_size / 1048576, 2) for p in corpus.iterdir()}
    record_figures("reader_large_articles", file_mb=sizes, test_process_peak_rss_mb=round(peak_mb))
    assert peak_mb < 600, f"the reader's process took {peak_mb:.0f} MB"
