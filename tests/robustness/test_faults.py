"""Faults through the real command line and the real pipeline: ``ingest`` killed with SIGKILL
at random moments (indexing, committing, repairing), readers while an ingest runs, a full disk
(a real small file system where allowed, ``RLIMIT_FSIZE`` otherwise) and a read-only index.

Each test checks that nothing committed is lost, that the index opens and answers after every
fault, and reports its figures (faults injected, articles and bookmarks lost) in its assertion
messages and in ``bench-out/robustness/<test>.json``.
"""

from __future__ import annotations

import os
import random
import time
from pathlib import Path

import pytest

pytest.importorskip("diplomareader.cli.run", reason="the command line needs `run` (not landed yet)")

from diplomareader.search import Library  # noqa: E402
from diplomareader.store.bookmarks import BookmarkStore, make_bookmark  # noqa: E402
from tests.robustness.faults import (  # noqa: E402
    IngestProcess,
    grow_disk,
    limit_file_size,
    read_only,
    small_disk,
    tree_digest,
)
from tests.robustness.support import (  # noqa: E402
    ROOT,
    article_text,
    cli,
    index_leftovers,
    no_traceback,
    record_figures,
    write_articles,
)


def check_index(index: Path, must_have: set[int]) -> tuple[int, list[int]]:
    """Open the index after a fault: it answers, every listed article opens, no article is
    there twice, and every article of ``must_have`` is found. Returns (count, missing)."""
    with Library(index) as library:
        count = library.count()
        listed = list(library.list_articles())
        assert len(listed) == count
        ids = [a.id for a in listed]
        assert len(set(ids)) == count, "an article is listed twice"
        for summary in listed:
            assert library.article(summary.id).body
        result = library.search("talks OR statement", limit=5)
        assert not result.errors and result.total <= count
        missing = []
        for number in sorted(must_have):
            total = library.search(f"artno{number}", limit=2).total
            assert total <= 1, f"artno{number} indexed {total} times"
            if total == 0:
                missing.append(number)
    return count, missing


def test_ingest_killed_at_random_moments_loses_nothing(tmp_path: Path) -> None:
    """SIGKILL a real ``ingest`` while it indexes, while it commits and while it repairs,
    over new, changed and unchanged files: after each kill the index opens, answers and
    still holds every article committed before; bookmarks stay anchored; the last run
    completes with every article exactly once; no worker process outlives a kill."""
    rng = random.Random(int(os.environ.get("DIPLOMAREADER_FAULT_SEED", "7")))
    corpus, index = tmp_path / "corpus", tmp_path / "index"
    write_articles(corpus / "a", 200)
    bookmarks_file = tmp_path / "bookmarks.yaml"
    committed: set[int] = set()
    kills = stragglers = 0
    moments: list[str] = []

    def attempt(moment: str) -> int:
        """One ingest, killed at ``moment`` (or run to its end); returns its exit status."""
        nonlocal kills, stragglers
        proc = IngestProcess(str(corpus), "--index", str(index))
        if moment == "end":
            code = proc.wait()
            assert code == 0 and "Traceback" not in proc.stderr, proc.stderr
            return code
        if moment == "indexing":
            proc.until(proc.scanning, 60)
            time.sleep(rng.uniform(0.3, 1.5))
        elif moment == "committing":
            proc.until(proc.saving, 120)
            time.sleep(rng.uniform(0.0, 0.5))
        else:  # "start": during start-up, repair and scanning
            time.sleep(rng.uniform(0.3, 1.2))
        if proc.kill():
            kills += 1
            moments.append(moment)
        left = proc.stragglers()
        stragglers += len(left)
        assert "Traceback" not in proc.stderr, proc.stderr
        count, missing = check_index(index, committed)
        assert not missing, f"{len(missing)} committed articles lost after a kill while {moment}"
        return -9

    attempt("indexing")
    attempt("committing")
    attempt("start")
    attempt("end")
    committed |= set(range(200))
    marked = _bookmark_some(index, bookmarks_file, rng.sample(range(100), 12))
    before = bookmarks_file.read_bytes()

    changed = rng.sample(range(100, 199), 15)  # 199 is deleted below
    for number in changed:
        path = corpus / "a" / f"article-{number:04d}.txt"
        revised = article_text(number, seed=1).replace(
            "would continue,", f"would continue (revised: revno{number}),"
        )
        path.write_text(revised, encoding="utf-8")
    (corpus / "a" / "article-0199.txt").unlink()
    committed.discard(199)
    for step, moment in enumerate(("committing", "indexing", "start", "committing", "indexing")):
        write_articles(corpus / "b", 40, start=200 + 40 * step)  # new work for every run
        attempt(moment)
    assert kills >= 5 and len(set(moments)) >= 2, (
        f"only {kills} kills landed: the ingest ran too fast ({moments})"
    )

    attempt("end")
    expected = committed | set(range(200, 400))
    count, missing = check_index(index, expected)
    assert (count, missing) == (len(expected), []), f"{len(missing)} articles lost"
    with Library(index) as library:
        for number in changed:
            assert library.search(f"revno{number}").total == 1, f"change {number} not indexed"
        assert library.search("artno199").total == 0, "a deleted file's article is still there"
        assert library.needs_update(corpus) is False
    assert index_leftovers(index) == []
    assert bookmarks_file.read_bytes() == before
    check = cli("bookmarks", "check", "--bookmarks", str(bookmarks_file), "--index", str(index))
    no_traceback(check)
    assert f"{len(marked)} bookmarks: {len(marked)} in place, 0 moved, 0 orphaned" in check.stdout
    figures = record_figures(
        "kill_ingest",
        kills_injected=kills,
        moments=moments,
        articles_expected=len(expected),
        articles_lost=len(missing),
        bookmarks=len(marked),
        bookmarks_lost=0,
        stray_worker_processes=stragglers,
    )
    assert stragglers == 0, f"worker processes outlived a killed ingest: {figures}"


def _bookmark_some(index: Path, path: Path, numbers: list[int]) -> list[str]:
    """Bookmark a passage of each generated article ``numbers`` (by its marker word)."""
    store = BookmarkStore(path)
    store.load()
    ids = []
    with Library(index) as library:
        for number in numbers:
            hit = library.search(f"artno{number}", limit=1).hits[0]
            article = library.article(hit.article.id)
            start = article.body.index("Observers")
            bookmark = make_bookmark(article, start, start + 80, note=f"n{number}", tags=["kill"])
            store.add(bookmark)
            ids.append(bookmark.id)
    return ids


def test_readers_keep_working_during_a_real_ingest(tmp_path: Path) -> None:
    """A reader holding the index and ``diplomareader search`` processes keep answering from
    the last commit while a real ingest runs (and when it is killed); after a refresh the
    reader sees the new articles."""
    corpus, index = tmp_path / "corpus", tmp_path / "index"
    write_articles(corpus / "first", 30)
    assert cli("ingest", str(corpus), "--index", str(index)).returncode == 0
    write_articles(corpus / "second", 150, start=30)
    answers = searches = 0
    with Library(index) as reader:
        killed = IngestProcess(str(corpus), "--index", str(index))
        killed.scanning.wait(60)
        time.sleep(1.0)
        killed.kill()
        assert reader.refresh() is False or reader.count() >= 30
        proc = IngestProcess(str(corpus), "--index", str(index))
        while proc.proc.poll() is None:
            assert reader.count() == 30
            assert reader.search("artno7").total == 1
            assert reader.search("artno100").total == 0
            answers += 1
            if searches < 3:
                run = cli("search", "artno5", "--index", str(index), "--json")
                no_traceback(run)
                assert run.returncode == 0 and '"total": 1' in run.stdout, run.describe()
                searches += 1
            time.sleep(0.05)
        assert proc.wait() == 0, proc.stderr
        assert reader.refresh() is True
        assert reader.count() == 180
        assert reader.search("artno100").total == 1
    assert answers > 0
    record_figures(
        "readers_during_ingest",
        reader_answers=answers,
        search_processes=searches,
        kills_injected=1,
        articles_lost=0,
    )


def _seed_index(tmp_path: Path) -> tuple[Path, Path]:
    """An index of the sample corpus built by ``ingest``."""
    index = tmp_path / "index"
    run = cli("ingest", str(ROOT / "corpus"), "--index", str(index))
    assert run.returncode == 0, run.describe()
    return index, ROOT / "corpus"


def test_full_disk_by_file_size_limit(tmp_path: Path) -> None:
    """Writes fail (EFBIG, as on a full disk) while ingesting 300 articles: one clear line,
    no traceback, the index keeps its last complete state, no partial files; a run without
    the limit completes."""
    index, seeds = _seed_index(tmp_path)
    corpus = tmp_path / "more"
    write_articles(corpus, 300)
    run = cli("ingest", str(corpus), "--index", str(index), preexec_fn=limit_file_size(256 * 1024))
    no_traceback(run)
    assert run.returncode == 1, run.describe()
    errors = [line for line in run.stderr.splitlines() if line.startswith("diplomareader:")]
    assert len(errors) == 1 and "disk full" in errors[0], run.stderr
    assert index_leftovers(index) == []
    with Library(index) as library:
        assert library.count() >= 3
        assert library.search("speaker:toqayev").total == 2
    done = cli("ingest", str(corpus), "--index", str(index))
    assert done.returncode == 0, done.describe()
    count, missing = check_index(index, set(range(300)))
    assert (count, missing) == (303, [])
    record_figures("full_disk_rlimit", faults_injected=1, articles_lost=0)


def test_full_disk_on_a_real_small_file_system(tmp_path: Path) -> None:
    """The index on a 1.5 MB file system that fills up during the ingest: one clear line,
    no traceback, the index still opens with its last complete state; once space is freed,
    ingest completes."""
    disk = tmp_path / "disk"
    with small_disk(disk, 1536):
        index = disk / "index"
        seeded = cli("ingest", str(ROOT / "corpus"), "--index", str(index))
        assert seeded.returncode == 0, seeded.describe()
        corpus = tmp_path / "more"
        write_articles(corpus, 400, paragraphs=12)
        run = cli("ingest", str(corpus), "--index", str(index))
        no_traceback(run)
        assert run.returncode == 1, run.describe()
        errors = [line for line in run.stderr.splitlines() if line.startswith("diplomareader:")]
        assert len(errors) == 1 and "disk full" in errors[0], run.stderr
        assert index_leftovers(index) == []
        with Library(index) as library:
            count = library.count()
            assert count >= 3 and library.search("speaker:toqayev").total == 2
        search = cli("search", "Lavrov", "--index", str(index))
        no_traceback(search)
        assert search.returncode == 0, search.describe()
        grow_disk(disk, 64 * 1024)
        done = cli("ingest", str(corpus), "--index", str(index))
        assert done.returncode == 0, done.describe()
        final, missing = check_index(index, set(range(400)))
        assert (final, missing) == (403, [])
    record_figures(
        "full_disk_tmpfs", faults_injected=1, articles_before=count, articles_lost=len(missing)
    )


def test_read_only_index_folder(tmp_path: Path) -> None:
    """A read-only index: ``search`` works, ``ingest`` says in one line that it cannot write,
    exits 1 and changes nothing in the folder."""
    index, seeds = _seed_index(tmp_path)
    corpus = tmp_path / "more"
    write_articles(corpus, 5)
    before = tree_digest(index)
    with read_only(index) as how:
        run = cli("ingest", str(corpus), "--index", str(index))
        no_traceback(run)
        assert run.returncode == 1, run.describe()
        errors = [line for line in run.stderr.splitlines() if line.strip()]
        assert len(errors) == 1 and "cannot write" in errors[0], run.stderr
        search = cli("search", "territorial integrity", "--index", str(index), "--json")
        no_traceback(search)
        assert search.returncode == 0 and '"total": 3' in search.stdout, search.describe()
        with Library(index) as library:
            assert library.count() == 3
    assert tree_digest(index) == before
    record_figures("read_only_index", method=how, faults_injected=1, articles_lost=0)


def test_read_only_parent_of_a_new_index(tmp_path: Path) -> None:
    """An index that cannot be created (its parent folder is read-only): one line, exit 1."""
    parent = tmp_path / "locked"
    parent.mkdir()
    with read_only(parent):
        run = cli("ingest", str(ROOT / "corpus"), "--index", str(parent / "index"))
        no_traceback(run)
        assert run.returncode == 1, run.describe()
        assert len(run.stderr.strip().splitlines()) == 1, run.stderr
    assert os.listdir(parent) == []


def test_two_real_ingests_at_once(tmp_path: Path) -> None:
    """Two ``ingest`` commands on one index at the same time (overlapping folders): one
    waits for the other, both succeed, every article is there once."""
    corpus, index = tmp_path / "corpus", tmp_path / "index"
    write_articles(corpus / "a", 120)
    write_articles(corpus / "b", 60, start=120)
    first = IngestProcess(str(corpus), "--index", str(index))
    second = IngestProcess(str(corpus / "b"), "--index", str(index))
    assert first.wait() == 0, first.stderr
    assert second.wait() == 0, second.stderr
    for proc in (first, second):
        assert "Traceback" not in proc.stderr, proc.stderr
    count, missing = check_index(index, set(range(180)))
    assert (count, missing) == (180, [])
    record_figures("two_ingests", processes=2, articles_lost=0)


def test_interrupted_ingest_is_named_only_when_there_was_one(tmp_path: Path) -> None:
    """A first ingest into a new folder does not claim to recover from an interruption;
    an index whose file list a killed ingest never wrote is checked, says so, and keeps
    every article."""
    corpus, index = tmp_path / "corpus", tmp_path / "index"
    write_articles(corpus, 12)
    first = cli("ingest", str(corpus), "--index", str(index))
    assert first.returncode == 0, first.describe()
    assert "after an interrupted ingest" not in first.stderr, first.stderr
    (index / "files.json").unlink()  # as left by a kill between the index and list commits
    write_articles(corpus, 3, start=12)
    second = cli("ingest", str(corpus), "--index", str(index))
    no_traceback(second)
    assert second.returncode == 0, second.describe()
    assert "after an interrupted ingest" in second.stderr, second.stderr
    assert "3 indexed (3 new" in second.stderr, second.stderr
    assert check_index(index, set(range(15))) == (15, [])
