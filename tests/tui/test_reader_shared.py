"""Two readers on one index, an ingest while a reader is open, and the list at scale."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import overload

from rich.cells import cell_len
from textual.app import App, ComposeResult

from diplomareader.model import ArticleSummary
from diplomareader.search import Library
from diplomareader.store.bookmarks import BookmarkStore
from diplomareader.tui.keys import KeyMap
from diplomareader.tui.screens.main import MainScreen
from diplomareader.tui.widgets.article_list import ArticleList
from tests.tui.conftest import AppFactory, screen_text, settle

NEW_ARTICLE = """---
title: Astana hosts talks on the Caspian Sea
date: 2023-07-01
source_url: https://example.org/caspian
---
Kazakhstan's foreign minister said the talks were "constructive and open".

The ministers agreed to meet again in the autumn.
"""


async def test_refresh_shows_articles_ingested_while_open(
    index_copy: Path, make_reader: AppFactory, tmp_path: Path
) -> None:
    """An ingest by another process while the reader is open: r shows the new article."""
    with Library(index_copy) as library:
        app = make_reader(library)
        async with app.run_test(size=(120, 36), notifications=True) as pilot:
            await settle(pilot)
            screen = app.screen
            assert isinstance(screen, MainScreen)
            assert len(screen.list_view.rows) == 3
            extra = tmp_path / "extra"
            extra.mkdir()
            (extra / "caspian.md").write_text(NEW_ARTICLE, encoding="utf-8")
            with Library(index_copy) as writer:
                report = writer.ingest([str(extra)])
            assert report.added == 1
            await pilot.press("r")
            await settle(pilot)
            await pilot.pause(0.2)
            assert len(screen.list_view.rows) == 4
            assert screen.list_view.rows[0].title == "Astana hosts talks on the Caspian Sea"
            text = screen_text(app)
            assert "Index reopened" in text and "(+1)" in text
            await pilot.press("g", "enter")
            await settle(pilot)
            assert screen.article is not None and "constructive and open" in screen.article.body


async def test_two_readers_share_the_index_and_the_bookmarks_file(
    seed_index: Path, make_reader: AppFactory, tmp_path: Path
) -> None:
    """Two copies of the reader at once: both read, both bookmark, nothing is lost."""
    with Library(seed_index) as first_library, Library(seed_index) as second_library:
        first = make_reader(first_library, state_path=tmp_path / "s1.json")
        second = make_reader(second_library, state_path=tmp_path / "s2.json")
        async with first.run_test(size=(100, 30)) as one, second.run_test(size=(100, 30)) as two:
            await settle(one)
            await settle(two)
            await one.press("enter")
            await two.press("G", "enter")
            await settle(one)
            await settle(two)
            await one.press("b")
            await two.press("b")
            await settle(one)
            await settle(two)
            for app in (first, second):
                screen = app.screen
                assert isinstance(screen, MainScreen)
                assert screen.article is not None
    store = BookmarkStore(tmp_path / "bookmarks.yaml")
    store.load()
    assert len({b.article_id for b in store.all()}) == 2


class CountingRows(Sequence[ArticleSummary]):
    """100,000 article rows that count how many were read."""

    def __init__(self, count: int) -> None:
        """``count`` rows, made on demand."""
        self.count = count
        self.reads = 0

    def __len__(self) -> int:
        """The number of rows."""
        return self.count

    @overload
    def __getitem__(self, index: int) -> ArticleSummary: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[ArticleSummary]: ...

    def __getitem__(self, index: int | slice) -> ArticleSummary | Sequence[ArticleSummary]:
        """Row ``index``."""
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(self.count))]
        if not 0 <= index < self.count:
            raise IndexError(index)
        self.reads += 1
        day = dt.date(2020, 1, 1) + dt.timedelta(days=index % 1500)
        return ArticleSummary(f"id{index}", f"Article number {index}", day, "Source")


class ListHost(App[None]):
    """A bare app around the list pane."""

    def compose(self) -> ComposeResult:
        """Only the list."""
        yield ArticleList(KeyMap())


async def test_list_draws_only_the_visible_rows_of_100000() -> None:
    """The list reads the rows it shows, not the other 99,970, and mounts no row widgets."""
    rows = CountingRows(100_000)
    app = ListHost()
    async with app.run_test(size=(100, 30)) as pilot:
        view = app.query_one(ArticleList)
        view.set_rows(rows)
        view.focus()
        await pilot.pause()
        await pilot.press("G")
        await pilot.pause()
        assert view.cursor == 99_999
        await pilot.press("k", "pageup", "g", "j")
        await pilot.pause()
        assert view.cursor == 1
        assert rows.reads < 2_000
        assert not view.children
        assert "Article number 1" in "\n".join(
            s.text for s in app.screen._compositor.render_strips()
        )  # noqa: SLF001


async def test_titles_in_any_script_keep_the_columns(
    tmp_path: Path, make_reader: AppFactory
) -> None:
    """Chinese, Arabic, emoji and Cyrillic titles never push the columns out of line."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    titles = [
        "中华人民共和国外交部发言人就哈萨克斯坦问题答记者问",
        "وزير الخارجية يلتقي نظيره الكازاخستاني في أستانا",
        "Summit 🇰🇿🤝🇷🇺 ends with a joint statement 👍🏽",
        "Токаев: Казахстан придерживается нейтралитета",
    ]
    for number, title in enumerate(titles):
        (corpus / f"a{number}.md").write_text(
            f'---\ntitle: "{title}"\ndate: 2023-0{number + 1}-01\n---\nBody text {number}.\n',
            encoding="utf-8",
        )
    with Library(tmp_path / "index") as library:
        library.ingest([str(corpus)])
        reader = make_reader(library)
        async with reader.run_test(size=(90, 30)) as pilot:
            await settle(pilot)
            view = reader.screen.query_one(ArticleList)
            width = view.scrollable_content_region.width
            lines = [view.render_line(y).text for y in range(len(titles))]
            assert all(cell_len(line) == width for line in lines)
            date_columns = {line.index("2023") for line in lines}
            assert len(date_columns) == 1
            # The title column starts at the same cell on every row.
            source_end = {cell_len(line[: line.index("2023") + 10 + 1 + 14 + 1]) for line in lines}
            assert len(source_end) == 1
            assert any("中华人民共和国" in line for line in lines)


async def test_a_failing_index_is_reported_and_the_reader_carries_on(
    index_copy: Path, make_reader: AppFactory
) -> None:
    """When the index fails under the reader, the user gets one line, not a crash."""
    library = Library(index_copy)
    app = make_reader(library)
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await settle(pilot)
        library.close()  # every call from now on fails
        await pilot.press("slash", *"un")
        await settle(pilot)
        await pilot.pause(0.2)
        text = screen_text(app)
        assert "Could not finish" in text and "closed" in text
        assert app.is_running
