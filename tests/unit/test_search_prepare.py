"""Reading ahead for related quotes: the statistics are loaded, results do not change."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("diplomareader.pipeline", reason="the pipeline's stages have not landed yet")

from diplomareader.model import InputError  # noqa: E402
from diplomareader.search import Library  # noqa: E402
from tests.unit.test_index_support import json_parser, write_sample  # noqa: E402


def test_prepare_loads_what_related_quotes_use(tmp_path: Path) -> None:
    """After ``prepare_related`` the quote index is open with its word and name statistics
    read, and related quotes are the same as without it."""
    write_sample(tmp_path / "corpus")
    with Library(tmp_path / "cold") as cold:
        cold.ingest([str(tmp_path / "corpus")], parser=json_parser)
        first = cold.list_articles()[0].id
        expected = cold.related_quotes(first)
    with Library(tmp_path / "cold") as warm:
        assert warm._quotes_view is None
        warm.prepare_related()
        view = warm._quotes_view
        assert view is not None
        assert {"text", "entities"} <= set(view.engine.lexicon._tables)
        got = warm.related_quotes(first)
    assert [(r.quote.text, r.article.id, r.reason) for r in got] == [
        (r.quote.text, r.article.id, r.reason) for r in expected
    ]
    assert expected


def test_prepare_after_close_is_refused(tmp_path: Path) -> None:
    """A closed library says so in one line."""
    library = Library(tmp_path / "index")
    library.close()
    with pytest.raises(InputError, match="closed"):
        library.prepare_related()
