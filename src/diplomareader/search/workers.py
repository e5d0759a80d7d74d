"""The part of ingest that runs in worker processes: read, hash, parse, build documents."""

from __future__ import annotations

import ctypes
import hashlib
import os
import signal
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from diplomareader.model import Article, InputError

Parser = Callable[[str], Article]
"""Turns a file path into an Article (the pipeline's ``parse_file`` by default)."""

MAX_HASH_BYTES = 64 * 1024 * 1024
"""Files larger than this are not hashed here (the reader rejects them anyway)."""


@dataclass(frozen=True)
class Job:
    """One file to (re)process."""

    path: str
    aid: str
    size: int
    mtime_ns: int
    old_hash: str
    """Hash recorded for this file (empty when new): an equal hash skips parsing."""
    real: str = ""
    """The resolved path."""


@dataclass(frozen=True)
class Outcome:
    """What a worker made of one file."""

    job: Job
    kind: str
    """``article`` (documents built), ``same`` (content unchanged) or ``error``."""
    hash: str = ""
    article_doc: dict[str, Any] | None = None
    quote_docs: tuple[dict[str, Any], ...] = ()
    error: str = ""


def default_parser() -> Parser:
    """The pipeline's ``parse_file`` (imported lazily: workers import the stages)."""
    from diplomareader.pipeline import parse_file

    return parse_file


def file_hash(path: str) -> str:
    """SHA-256 of a file's bytes (the same digest as ``RawDocument.content_hash``)."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def one_line(error: BaseException) -> str:
    """A one-line description of an error."""
    text = str(error).strip().splitlines()
    message = text[0] if text else ""
    if isinstance(error, InputError):
        return message or "cannot be read"
    if isinstance(error, OSError):
        return error.strerror or message or type(error).__name__
    return (
        f"internal error ({type(error).__name__}: {message})"
        if message
        else (f"internal error ({type(error).__name__})")
    )


def process(job: Job, parser: Parser | None = None) -> Outcome:
    """Read and parse one file into index documents; never raises."""
    from diplomareader.search.documents import article_fields, quote_documents

    try:
        digest = ""
        if job.old_hash and job.size <= MAX_HASH_BYTES:
            digest = file_hash(job.path)
            if digest == job.old_hash:
                return Outcome(job, "same", hash=digest)
        article = (parser or default_parser())(job.path)
        digest = article.content_hash or digest or file_hash(job.path)
        if not article.content_hash:
            article = _with_hash(article, digest)
        return Outcome(
            job,
            "article",
            hash=digest,
            article_doc=article_fields(article, (job.size, job.mtime_ns), analyzed=True),
            quote_docs=tuple(quote_documents(article)),
        )
    except (MemoryError, RecursionError) as error:
        return Outcome(
            job,
            "error",
            error=f"too large or too deeply nested to process ({type(error).__name__})",
        )
    except Exception as error:  # noqa: BLE001 - one bad file must never stop an ingest
        return Outcome(job, "error", error=one_line(error))


def _with_hash(article: Article, digest: str) -> Article:
    """The article with its content hash filled in."""
    from dataclasses import replace

    return replace(article, content_hash=digest)


PARENT = {"pid": 0}
"""The ingest process a worker serves (set by ``worker_init``)."""


def worker_init(parent: int) -> None:
    """In a new worker: die with the ingest process (a killed ingest leaves no workers)."""
    PARENT["pid"] = parent
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(1, int(signal.SIGKILL))  # PR_SET_PDEATHSIG
        except (OSError, AttributeError):
            pass
    if os.getppid() != parent:
        os._exit(0)
    # Elsewhere (and as a second guard): a thread that exits when the parent is gone, even
    # while the worker waits on its job queue.

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, name="watch-parent", daemon=True).start()


def process_batch(jobs: list[Job], parser: Parser | None = None) -> list[Outcome]:
    """Process several jobs in one worker call (less inter-process traffic)."""
    if PARENT["pid"] and os.getppid() != PARENT["pid"]:
        os._exit(0)  # the ingest that asked is gone
    return [process(job, parser) for job in jobs]


def stat_job(path: str, aid: str) -> tuple[Job | None, str]:
    """A job for ``path`` with its size and mtime, or an error line when it cannot be read."""
    try:
        st = os.stat(path)
    except OSError as error:
        return None, one_line(error)
    return Job(path, aid, st.st_size, st.st_mtime_ns, ""), ""
