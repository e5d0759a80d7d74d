"""Bookmarks survive moving the corpus folder: article ids follow the files' locations, so a
moved corpus gets new ids, and a bookmark is matched to the article with its file name and title
(real files, a real index on disk, the real ``bookmarks`` CLI)."""

from __future__ import annotations

import argparse
import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from diplomareader.cli import bookmarks as cli
from diplomareader.search import Library
from diplomareader.store.anchor import Anchored, Orphaned
from diplomareader.store.bookmark_locate import LibraryBodies, locate_all
from diplomareader.store.bookmarks import Bookmark, BookmarkStore, make_bookmark


def _run(argv: list[str]) -> int:
    """Run ``diplomareader bookmarks ...`` through its own parser."""
    parser = argparse.ArgumentParser(prog="diplomareader")
    subparsers = parser.add_subparsers(dest="command")
    cli.add_parser(subparsers)
    return cli.main(parser.parse_args(["bookmarks", *argv]))


def _ingest(index: Path, corpus: Path) -> None:
    """Ingest ``corpus`` into ``index`` (created when missing) and close it."""
    library = Library(index)
    try:
        library.ingest([str(corpus)])
    finally:
        library.close()


@pytest.fixture
def moved(seed_paths: dict[str, Path], tmp_path: Path) -> tuple[Path, Bookmark, str]:
    """A bookmark made in ``old/corpus``; the folder then moved to ``new/corpus`` and indexed
    from there (a fresh clone, or a colleague's copy). Returns the new index, the bookmark and
    the article's old id."""
    corpus = tmp_path / "old" / "corpus"
    corpus.mkdir(parents=True)
    for name in ("orda", "embassy"):
        shutil.copy(seed_paths[name], corpus / seed_paths[name].name)
    index = tmp_path / "index"
    _ingest(index, corpus)
    library = Library(index)
    try:
        summary = next(s for s in library.list_articles() if "Lavrov" in s.title)
        article = library.article(summary.id)
    finally:
        library.close()
    start, end = list(article.paragraphs())[-1][:2]
    bookmark = make_bookmark(article, start, end, note="for the brief")
    shutil.move(str(tmp_path / "old"), str(tmp_path / "new"))
    index = tmp_path / "index-new"
    _ingest(index, tmp_path / "new" / "corpus")
    return index, bookmark, summary.id


def test_bookmark_finds_its_article_after_the_corpus_moved(
    moved: tuple[Path, Bookmark, str],
) -> None:
    """The old id is gone from the index; the passage is found in the moved article."""
    index, bookmark, old_id = moved
    library = Library(index)
    try:
        bodies = LibraryBodies(library)
        now = bodies.article_id(bookmark)
        assert now is not None and now != old_id
        assert library.article(now).title == bookmark.title
        status = locate_all([bookmark], bodies)
    finally:
        library.close()
    found = status[bookmark.id]
    assert isinstance(found, Anchored) and found.method == "unchanged"


def test_check_update_saves_the_new_article_id(
    moved: tuple[Path, Bookmark, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``bookmarks check --update`` reports the article's new id and saves it."""
    index, bookmark, old_id = moved
    store = BookmarkStore(tmp_path / "bm.yaml")
    store.load()
    store.add(bookmark)
    assert _run(["check", "--bookmarks", str(store.path), "--index", str(index), "--update"]) == 0
    out = capsys.readouterr().out
    assert f"moved    {bookmark.id}" in out and "article now" in out
    assert "1 bookmarks: 0 in place, 1 moved (new positions saved), 0 orphaned" in out
    again = BookmarkStore(store.path)
    again.load()
    saved = again.get(bookmark.id)
    assert saved is not None and saved.article_id != old_id
    assert saved.text == bookmark.text and saved.note == "for the brief"


def test_two_articles_with_the_name_and_title_are_not_guessed(
    moved: tuple[Path, Bookmark, str], tmp_path: Path
) -> None:
    """A second copy of the file elsewhere in the corpus: the bookmark stays orphaned."""
    index, bookmark, _ = moved
    copy = tmp_path / "new" / "corpus" / "copy"
    copy.mkdir()
    article_file = Path(bookmark.article_path).name
    shutil.copy(tmp_path / "new" / "corpus" / article_file, copy / article_file)
    _ingest(index, tmp_path / "new" / "corpus")
    library = Library(index)
    try:
        bodies = LibraryBodies(library)
        assert bodies.article_id(bookmark) is None
        status = locate_all([bookmark], bodies)
    finally:
        library.close()
    assert isinstance(status[bookmark.id], Orphaned)


def test_another_title_under_the_same_file_name_is_not_taken(
    moved: tuple[Path, Bookmark, str],
) -> None:
    """Same file name, different title: not the bookmarked article."""
    index, bookmark, _ = moved
    other = replace(bookmark, title="Another article altogether")
    library = Library(index)
    try:
        assert LibraryBodies(library).article_id(other) is None
    finally:
        library.close()
