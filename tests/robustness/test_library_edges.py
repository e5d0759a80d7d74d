"""The Library on indexes at their edges: empty, without any quote, after its files were
deleted: every call the reader makes answers (or raises the documented error)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from diplomareader.model import InputError
from diplomareader.search import Library

CALLS: dict[str, Callable[[Library], Any]] = {
    "count": lambda lib: lib.count(),
    "list by date": lambda lib: list(lib.list_articles()),
    "list by title": lambda lib: list(lib.list_articles(sort="title")),
    "search": lambda lib: lib.search("talks").total,
    "search by date": lambda lib: lib.search("talks", sort="date").total,
    "search as you type": lambda lib: lib.search("tal", as_you_type=True).total,
    "refresh": lambda lib: lib.refresh(),
    "related of unknown": lambda lib: lib.related_quotes("0" * 16),
}


def _every_call(library: Library) -> None:
    """Make every call; each answers."""
    for name, call in CALLS.items():
        try:
            call(library)
        except Exception as error:  # noqa: BLE001 - the name of the failing call is the point
            raise AssertionError(f"{name}: {type(error).__name__}: {error}") from error
    with pytest.raises(KeyError):
        library.article("0" * 16)


def test_empty_index(tmp_path: Path) -> None:
    """A new index with no article."""
    with Library(tmp_path / "index") as library:
        _every_call(library)
        assert library.count() == 0


def test_index_without_quotes(tmp_path: Path) -> None:
    """Articles but not one quote (plain reports): opening one asks for related quotes."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "report.txt").write_text(
        "Report\n\nThe talks resumed in Geneva on Monday after a long break, officials said.\n"
    )
    with Library(tmp_path / "index") as library:
        library.ingest([str(corpus)], workers=1)
        _every_call(library)
        (summary,) = library.list_articles()
        assert library.article(summary.id).quotes == ()
        assert library.related_quotes(summary.id) == []


def test_index_folder_deleted_under_an_open_library(tmp_path: Path) -> None:
    """The index files vanish while a reader holds the index: reading what is open goes on
    (the files stay open), and reopening says in one line what is wrong."""
    import shutil

    index = tmp_path / "index"
    with Library(index) as library:
        library.ingest([str(Path(__file__).resolve().parents[2] / "corpus")], workers=1)
    with Library(index) as library:
        shutil.rmtree(index)
        assert library.count() == 3
        assert library.search("Lavrov").total >= 1
    index.mkdir()
    (index / "notes.txt").write_text("someone else's file")
    with pytest.raises(InputError) as raised:
        Library(index)
    assert "\n" not in str(raised.value)
