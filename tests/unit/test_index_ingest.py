"""Incremental ingest: add, change, delete, failures, needs_update, workers, progress."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

pytest.importorskip("diplomareader.pipeline", reason="the pipeline's stages have not landed yet")
pytest.importorskip("diplomareader.extract.names", reason="name keys have not landed yet")

from diplomareader.model import Article, InputError  # noqa: E402
from diplomareader.search import IngestProgress, Library  # noqa: E402
from tests.unit.test_index_support import filler, json_parser, write_article, write_sample  # noqa: E402

CALLS: list[str] = []


def counting_parser(path: str) -> Article:
    """The stand-in parser, recording which files it parsed (in-process runs only)."""
    CALLS.append(os.path.basename(path))
    return json_parser(path)


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """The three sample articles in a folder."""
    root = tmp_path / "corpus"
    write_sample(root)
    return root


def test_add_change_delete(corpus: Path, tmp_path: Path) -> None:
    """Only new or changed files are parsed; deleted files' articles go."""
    CALLS.clear()
    with Library(tmp_path / "index") as lib:
        first = lib.ingest([str(corpus)], parser=counting_parser, workers=1)
        assert (first.added, first.updated, first.removed, first.unchanged) == (3, 0, 0, 0)
        assert sorted(CALLS) == ["embassy.json", "orda.json", "qazaq.json"]

        CALLS.clear()
        again = lib.ingest([str(corpus)], parser=counting_parser, workers=1)
        assert (again.added, again.updated, again.unchanged) == (0, 0, 3) and CALLS == []

        write_article(corpus, "new", title="A new article", date="2022-10-01", body="Fresh words.")
        text = (corpus / "qazaq.json").read_text().replace("UN Charter", "United Nations Charter")
        (corpus / "qazaq.json").write_text(text)
        (corpus / "embassy.json").unlink()
        CALLS.clear()
        third = lib.ingest([str(corpus)], parser=counting_parser, workers=1)
        assert (third.added, third.updated, third.removed, third.unchanged) == (1, 1, 1, 1)
        assert sorted(CALLS) == ["new.json", "qazaq.json"]
        assert lib.count() == 3
        assert lib.search("neutrality").total == 0
        assert lib.search('"united nations charter"').total == 1
        assert lib.search("fresh").total == 1
        # The removed article's quotes are gone from related quotes too.
        orda = next(a for a in lib.list_articles() if a.source == "Orda.kz")
        assert all(r.article.source != "Embassy of Kazakhstan" for r in lib.related_quotes(orda.id))


def test_touched_but_unchanged_is_not_parsed_again(corpus: Path, tmp_path: Path) -> None:
    """A new modification time with the same content costs a hash, not a parse."""
    with Library(tmp_path / "index") as lib:
        lib.ingest([str(corpus)], parser=counting_parser, workers=1)
        later = time.time() + 10
        os.utime(corpus / "orda.json", (later, later))
        assert lib.needs_update(corpus) is False
        CALLS.clear()
        report = lib.ingest([str(corpus)], parser=counting_parser, workers=1)
        assert CALLS == [] and report.unchanged == 3


def test_files_given_one_by_one_are_not_removed(corpus: Path, tmp_path: Path) -> None:
    """Ingesting one file never removes the articles of others."""
    with Library(tmp_path / "index") as lib:
        lib.ingest([str(corpus)], parser=json_parser, workers=1)
        report = lib.ingest([str(corpus / "orda.json")], parser=json_parser, workers=1)
        assert report.removed == 0 and lib.count() == 3


def test_failures_are_one_line_each_and_do_not_stop(corpus: Path, tmp_path: Path) -> None:
    """Bad files are reported, the rest indexed; fixing a file indexes it next time."""
    (corpus / "broken.json").write_text("{not json")
    with Library(tmp_path / "index") as lib:
        report = lib.ingest([str(corpus), str(corpus / "missing.json")], parser=json_parser)
        assert report.added == 3 and report.failed == 2
        assert all("\n" not in line for line in report.errors)
        assert any(line.startswith(str(corpus / "broken.json")) for line in report.errors)
        assert any("missing.json" in line for line in report.errors)
        CALLS.clear()
        again = lib.ingest([str(corpus)], parser=counting_parser, workers=1)
        assert again.failed == 1 and CALLS == []  # known failure, not parsed again
        write_article(corpus, "broken", title="Repaired", body="Now readable.")
        fixed = lib.ingest([str(corpus)], parser=json_parser)
        assert fixed.failed == 0 and fixed.added == 1 and lib.count() == 4


def test_internal_errors_of_the_parser_are_reported(corpus: Path, tmp_path: Path) -> None:
    """An exception inside the pipeline becomes a one-line error for that file."""

    with Library(tmp_path / "index") as lib:
        report = lib.ingest([str(corpus)], parser=exploding_parser, workers=1)
        assert report.added == 2 and report.failed == 1
        assert "internal error (ZeroDivisionError" in report.errors[0]


def exploding_parser(path: str) -> Article:
    """Fails on the Orda article."""
    if path.endswith("orda.json"):
        raise ZeroDivisionError("boom")
    return json_parser(path)


def test_needs_update(corpus: Path, tmp_path: Path) -> None:
    """Missing index, added, changed and removed files all need an update."""
    with Library(tmp_path / "index") as lib:
        assert lib.needs_update(corpus) is True
        lib.ingest([str(corpus)], parser=json_parser)
        assert lib.needs_update(corpus) is False
        write_article(corpus, "extra", title="Extra", body="More.")
        assert lib.needs_update(corpus) is True
        lib.ingest([str(corpus)], parser=json_parser)
        (corpus / "extra.json").write_text((corpus / "extra.json").read_text() + " ")
        assert lib.needs_update(corpus) is True
        lib.ingest([str(corpus)], parser=json_parser)
        (corpus / "extra.json").unlink()
        assert lib.needs_update(corpus) is True
        lib.ingest([str(corpus)], parser=json_parser)
        assert lib.needs_update(corpus) is False
        (tmp_path / "index" / "files.json").unlink()
        assert lib.needs_update(corpus) is False  # rebuilt from the index itself


def test_worker_processes_and_progress(tmp_path: Path) -> None:
    """Many files go through worker processes; progress counts up to the total."""
    root = tmp_path / "many"
    filler(root, 60)
    seen: list[IngestProgress] = []
    with Library(tmp_path / "index") as lib:
        report = lib.ingest([str(root)], parser=json_parser, workers=2, progress=seen.append)
        assert report.added == 60 and lib.count() == 60
        assert lib.search("w59x").total == 1
    indexing = [p for p in seen if p.phase == "indexing"]
    assert indexing[-1].done == indexing[-1].total == 60
    assert seen[-1].phase == "done"
    assert {"scanning", "committing"} <= {p.phase for p in seen}


def test_periodic_commits_are_visible_to_readers(tmp_path: Path) -> None:
    """With frequent commits the index grows during the run and ends complete."""
    root = tmp_path / "many"
    filler(root, 30)
    with Library(tmp_path / "index") as lib:
        lib.ingest([str(root)], parser=json_parser, workers=1, commit_seconds=0.0)
        assert lib.count() == 30
        assert lib.search("bulletin").total == 30


def test_foreign_folder_is_refused(tmp_path: Path) -> None:
    """A folder holding other files is not turned into an index."""
    folder = tmp_path / "notes"
    folder.mkdir()
    (folder / "todo.txt").write_text("keep me")
    with pytest.raises(InputError, match="not a diplomareader index"):
        Library(folder)
    assert (folder / "todo.txt").read_text() == "keep me"


def test_index_folder_that_cannot_be_created(tmp_path: Path) -> None:
    """A path under a file cannot become an index: a one-line error."""
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(InputError):
        Library(blocker / "index")
