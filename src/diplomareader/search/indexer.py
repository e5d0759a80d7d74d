"""Incremental ingest: scan files, process new or changed ones in worker processes, and
write them through one writer with periodic commits.

A run can be killed at any moment: every commit is atomic (Whoosh writes its table of
contents last), the manifest is replaced atomically after each commit and names the
generations it matches, and the next run repairs any mismatch from the index itself.
"""

from __future__ import annotations

import concurrent.futures as cf
import contextlib
import multiprocessing
import os
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

from whoosh.index import LockError

from diplomareader.model import InputError
from diplomareader.search.manifest_repair import repair
from diplomareader.search.mirror import write_missing
from diplomareader.search.scanning import walk
from diplomareader.search.state import (
    FailedRecord,
    FileRecord,
    Manifest,
    ingest_lock,
    load_manifest,
    remove_stale_temp,
    save_manifest,
    write_error_message,
)
from diplomareader.search.storage import generations, remove_orphans
from diplomareader.search.workers import (
    Job,
    Outcome,
    Parser,
    process,
    process_batch,
    worker_init,
)

COMMIT_SECONDS: Final = 60.0
"""Commit no more often than this; a killed ingest loses at most about ten times this."""
SEGMENTS_PER_RUN: Final = 8
"""A commit also waits for this fraction of the run's files: each commit adds a segment,
and searches slow down with many segments (Whoosh's merges only join small ones)."""
POOL_MIN_JOBS: Final = 12
"""Fewer files than this are processed in this process (starting workers costs more)."""
BATCH: Final = 8
"""Files per worker call."""
IN_FLIGHT: Final = 8
"""Batches queued per worker, so that workers never wait for the writer."""
MAX_WAITING: Final = 4000
"""Results held while a commit runs (beyond this, wait for the commit)."""


@dataclass(frozen=True)
class IngestProgress:
    """Where an ingest is: shown as count, rate and time left."""

    phase: str
    """``scanning``, ``indexing``, ``committing`` or ``done``."""
    done: int
    total: int
    failed: int = 0
    elapsed_s: float = 0.0
    rate: float = 0.0
    """Files per second over the last few seconds."""
    eta_s: float | None = None
    path: str = ""
    """The file just finished."""


@dataclass(frozen=True)
class IngestReport:
    """What an ingest did."""

    added: int = 0
    updated: int = 0
    removed: int = 0
    unchanged: int = 0
    errors: tuple[str, ...] = ()
    """One line per file that could not be read or parsed: ``path: reason``."""
    elapsed_s: float = 0.0
    articles: int = 0
    """Articles in the index afterwards."""

    @property
    def failed(self) -> int:
        """How many files failed."""
        return len(self.errors)


@dataclass
class _Scan:
    """The outcome of comparing the files on disk with the manifest."""

    jobs: list[Job] = field(default_factory=list)
    unchanged: int = 0
    known_failures: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    seen: set[str] = field(default_factory=set)
    removed: list[str] = field(default_factory=list)


def scan(paths: Sequence[str], manifest: Manifest) -> _Scan:
    """Decide which files need processing, which are unchanged and which were deleted."""
    result = _Scan()
    folders = [os.path.realpath(p) for p in paths if os.path.isdir(p)]
    for found in walk(paths):
        if found.error:
            result.missing.append(f"{found.path}: {found.error}")
            continue
        aid = found.aid
        if aid in result.seen:
            continue
        result.seen.add(aid)
        record = manifest.files.get(aid)
        if record and record.size == found.size and record.mtime_ns == found.mtime_ns:
            result.unchanged += 1
            continue
        failed = manifest.failed.get(found.real)
        if failed and failed.size == found.size and failed.mtime_ns == found.mtime_ns:
            result.known_failures.append(f"{found.path}: {failed.error}")
            continue
        old_hash = record.hash if record else ""
        result.jobs.append(Job(found.path, aid, found.size, found.mtime_ns, old_hash, found.real))
    for aid, record in manifest.files.items():
        if aid not in result.seen and any(_inside(record.real, f) for f in folders):
            result.removed.append(aid)
    return result


def _inside(path: str, folder: str) -> bool:
    """Whether ``path`` lies under ``folder``."""
    return path.startswith(folder.rstrip(os.sep) + os.sep)


class _Writers:
    """The article and quote writers, opened on first use and committed together."""

    def __init__(self, aix: Any, qix: Any) -> None:
        self.aix, self.qix = aix, qix
        self.aw: Any = None
        self.qw: Any = None

    def open(self) -> tuple[Any, Any]:
        """Open both writers (waiting a little for a lock held by another process)."""
        if self.aw is None:
            try:
                self.qw = self.qix.writer(timeout=30.0, limitmb=64)
                self.aw = self.aix.writer(timeout=30.0, limitmb=192)
            except LockError:
                if self.qw is not None:
                    _abandon(self.qw)
                self.qw = None
                raise InputError(
                    f"the index in {self.aix.storage.folder} is locked by another program"
                ) from None
        return self.aw, self.qw

    def commit(self) -> None:
        """Commit quotes, then articles (the manifest repair handles a kill in between)."""
        if self.aw is not None:
            qw, aw = self.qw, self.aw
            self.aw = self.qw = None
            qw.commit()
            aw.commit()

    def cancel(self) -> None:
        """Drop uncommitted changes and the files they had started."""
        for writer in (self.qw, self.aw):
            if writer is not None:
                _abandon(writer)
        self.aw = self.qw = None
        remove_orphans(self.qix)
        remove_orphans(self.aix)


def run_ingest(
    folder: Path,
    aix: Any,
    qix: Any,
    paths: Sequence[str],
    *,
    progress: Callable[[IngestProgress], None] | None = None,
    workers: int | None = None,
    parser: Parser | None = None,
    commit_seconds: float = COMMIT_SECONDS,
) -> IngestReport:
    """Bring the index up to date with ``paths`` (files or folders, recursively)."""
    started = time.monotonic()
    if not os.access(folder, os.W_OK):
        raise InputError(write_error_message(folder, PermissionError(13, "read-only")))
    with ingest_lock(folder, on_wait=lambda: _notify(progress, "waiting", 0, 0, started)):
        remove_orphans(qix)
        remove_orphans(aix)
        remove_stale_temp(folder)
        manifest = load_manifest(folder)
        if manifest is None or manifest.generations != generations(aix, qix):
            if manifest is not None or aix.doc_count_all() or qix.doc_count_all():
                _notify(progress, "repairing", 0, 0, started)  # not on a brand-new index
            manifest = repair(aix, qix, manifest)
        _notify(progress, "scanning", 0, 0, started)
        found = scan(paths, manifest)
        writers = _Writers(aix, qix)
        committer = _Committer(folder, aix, qix, writers, manifest)
        counts = {"added": 0, "updated": 0}
        errors = list(found.missing) + list(found.known_failures)
        total = len(found.jobs)
        try:
            if found.removed:
                aw, qw = writers.open()
                for aid in found.removed:
                    aw.delete_by_term("aid", aid)
                    qw.delete_by_term("aid", aid)
                    del manifest.files[aid]
            meter = _Meter(total, started)
            waiting: list[Outcome] = []
            committed = 0
            for done, outcome in enumerate(_outcomes(found.jobs, workers, parser), 1):
                committer.check()
                if progress is not None:
                    failed = (
                        len(errors) - len(found.missing) + sum(o.kind == "error" for o in waiting)
                    )
                    progress(meter.progress(done, failed, outcome.job.path))
                if committer.busy():
                    # Workers keep going while the last batch is written; hold their results.
                    waiting.append(outcome)
                    if len(waiting) < MAX_WAITING:
                        continue
                    committer.wait()
                for held in waiting:
                    _apply(held, manifest, writers, counts, errors)
                waiting.clear()
                _apply(outcome, manifest, writers, counts, errors)
                if writers.aw is not None and committer.due(
                    commit_seconds, done - committed, total
                ):
                    committed = done
                    committer.start()
            committer.wait()
            for held in waiting:
                _apply(held, manifest, writers, counts, errors)
            _notify(progress, "committing", total, total, started)
            committer.start()
            committer.wait()
        except OSError as error:
            committer.wait(raise_errors=False)
            writers.cancel()
            raise InputError(write_error_message(folder, error)) from None
        except BaseException:
            committer.wait(raise_errors=False)
            writers.cancel()
            raise
        with contextlib.suppress(OSError):  # mirrors only make reading faster
            write_missing(folder, qix)
        with aix.reader() as reader:
            articles = reader.doc_count()
        report = IngestReport(
            added=counts["added"],
            updated=counts["updated"],
            removed=len(found.removed),
            unchanged=found.unchanged + counts.get("same", 0),
            errors=tuple(errors),
            elapsed_s=time.monotonic() - started,
            articles=articles,
        )
        _notify(progress, "done", total, total, started, failed=report.failed)
        return report


def _apply(
    outcome: Outcome,
    manifest: Manifest,
    writers: _Writers,
    counts: dict[str, int],
    errors: list[str],
) -> None:
    """Write one worker outcome into the index and the manifest."""
    job = outcome.job
    real = job.real or os.path.realpath(job.path)
    if outcome.kind == "same":
        record = manifest.files[job.aid]
        manifest.files[job.aid] = FileRecord(record.real, job.size, job.mtime_ns, record.hash)
        counts["same"] = counts.get("same", 0) + 1
        return
    if outcome.kind == "error":
        errors.append(f"{job.path}: {outcome.error}")
        manifest.failed[real] = FailedRecord(job.size, job.mtime_ns, outcome.hash, outcome.error)
        if job.aid in manifest.files:
            # The file changed into something unreadable: its old article goes.
            aw, qw = writers.open()
            aw.delete_by_term("aid", job.aid)
            qw.delete_by_term("aid", job.aid)
            del manifest.files[job.aid]
        return
    aw, qw = writers.open()
    if job.aid in manifest.files:
        aw.delete_by_term("aid", job.aid)
        qw.delete_by_term("aid", job.aid)
        counts["updated"] += 1
    else:
        counts["added"] += 1
    assert outcome.article_doc is not None
    aw.add_document(**outcome.article_doc)
    for doc in outcome.quote_docs:
        qw.add_document(**doc)
    manifest.failed.pop(real, None)
    manifest.files[job.aid] = FileRecord(real, job.size, job.mtime_ns, outcome.hash)


def _abandon(writer: Any) -> None:
    """Cancel a writer after a failure and make sure its lock is released."""
    with contextlib.suppress(Exception):
        writer.cancel()
    lock = getattr(writer, "writelock", None)
    if lock is not None:
        with contextlib.suppress(Exception):
            lock.release()


class _Committer:
    """Commits in a background thread, so that worker processes keep parsing meanwhile.

    While a commit runs the caller must not touch the writers or the manifest (it holds
    incoming results instead); ``wait`` re-raises what the commit raised.
    """

    def __init__(self, folder: Path, aix: Any, qix: Any, writers: _Writers, manifest: Manifest):
        self.folder, self.aix, self.qix = folder, aix, qix
        self.writers, self.manifest = writers, manifest
        self.thread: threading.Thread | None = None
        self.error: BaseException | None = None
        self.last = time.monotonic()

    def due(self, interval: float, pending: int, total: int) -> bool:
        """Whether to commit now: ``interval`` passed and an eighth of the run is waiting,
        or ten intervals passed."""
        elapsed = time.monotonic() - self.last
        if elapsed >= interval * 10:
            return True
        return elapsed >= interval and pending * SEGMENTS_PER_RUN >= total

    def busy(self) -> bool:
        """Whether a commit is running."""
        return self.thread is not None and self.thread.is_alive()

    def start(self) -> None:
        """Commit what the writers hold (and save the manifest) in the background."""
        self.wait()
        aw, qw = self.writers.aw, self.writers.qw
        self.writers.aw = self.writers.qw = None
        self.thread = threading.Thread(target=self._run, args=(aw, qw), daemon=False)
        self.thread.start()

    def _run(self, aw: Any, qw: Any) -> None:
        """The commit itself: quotes, then articles, then the manifest."""
        try:
            if aw is not None:
                qw.commit()
                aw.commit()
            self.manifest.generations = generations(self.aix, self.qix)
            save_manifest(self.folder, self.manifest)
        except BaseException as error:  # handed to the caller by wait()
            self.error = error
            for writer in (qw, aw):
                if writer is not None:
                    _abandon(writer)
        finally:
            self.last = time.monotonic()

    def check(self) -> None:
        """Re-raise the error of a commit that already ended."""
        if self.error is not None and not self.busy():
            self.wait()

    def wait(self, *, raise_errors: bool = True) -> None:
        """Wait for the running commit; re-raise its error."""
        if self.thread is not None:
            self.thread.join()
            self.thread = None
        if self.error is not None and raise_errors:
            error, self.error = self.error, None
            raise error


def _outcomes(jobs: list[Job], workers: int | None, parser: Parser | None) -> Iterator[Outcome]:
    """Process jobs, in worker processes when there are enough of them."""
    count = workers if workers is not None else (os.cpu_count() or 1)
    if count <= 1 or len(jobs) < POOL_MIN_JOBS:
        for job in jobs:
            yield process(job, parser)
        return
    yield from _pool_outcomes(jobs, count, parser)


def _pool_outcomes(jobs: list[Job], count: int, parser: Parser | None) -> Iterator[Outcome]:
    """Process jobs in ``count`` worker processes, a bounded number in flight.

    A worker that dies (killed, out of memory) fails only the files it was holding; the
    pool is restarted for the rest.
    """
    batches = [jobs[i : i + BATCH] for i in range(0, len(jobs), BATCH)]
    position = 0
    while position < len(batches):
        with cf.ProcessPoolExecutor(
            max_workers=count,
            mp_context=_context(),
            initializer=worker_init,
            initargs=(os.getpid(),),
        ) as pool:
            pending: dict[cf.Future[list[Outcome]], list[Job]] = {}
            broken = False
            while (position < len(batches) or pending) and not broken:
                while position < len(batches) and len(pending) < count * IN_FLIGHT:
                    batch = batches[position]
                    pending[pool.submit(process_batch, batch, parser)] = batch
                    position += 1
                done, _ = cf.wait(pending, return_when=cf.FIRST_COMPLETED)
                for future in done:
                    batch = pending.pop(future)
                    try:
                        yield from future.result()
                    except cf.process.BrokenProcessPool:
                        broken = True
                        yield from (
                            Outcome(j, "error", error="the worker processing it died")
                            for j in batch
                        )
            if broken:
                for future, batch in pending.items():
                    future.cancel()
                    yield from (
                        Outcome(j, "error", error="the worker processing it died") for j in batch
                    )


def _context() -> multiprocessing.context.BaseContext:
    """``fork`` (fast) from a single-threaded process, ``forkserver`` otherwise."""
    if threading.active_count() == 1 and "fork" in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("forkserver" if os.name == "posix" else "spawn")


class _Meter:
    """Rate and time left from recent progress."""

    def __init__(self, total: int, started: float) -> None:
        self.total = total
        self.started = started
        self.window: list[tuple[float, int]] = []

    def progress(self, done: int, failed: int, path: str) -> IngestProgress:
        """The progress after ``done`` files."""
        now = time.monotonic()
        self.window.append((now, done))
        while len(self.window) > 2 and now - self.window[0][0] > 10.0:
            self.window.pop(0)
        t0, d0 = self.window[0]
        rate = (done - d0) / (now - t0) if now > t0 and done > d0 else 0.0
        eta = (self.total - done) / rate if rate > 0 else None
        return IngestProgress(
            "indexing", done, self.total, failed, now - self.started, rate, eta, path
        )


def _notify(
    progress: Callable[[IngestProgress], None] | None,
    phase: str,
    done: int,
    total: int,
    started: float,
    failed: int = 0,
) -> None:
    """Report a phase change."""
    if progress is not None:
        progress(IngestProgress(phase, done, total, failed, time.monotonic() - started))
