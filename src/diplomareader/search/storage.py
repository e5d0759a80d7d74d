"""Opening, creating and repairing the two Whoosh indexes of an index folder."""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from whoosh import index as windex
from whoosh.filedb.filestore import FileStorage

from diplomareader.model import InputError
from diplomareader.search import viewfile
from diplomareader.search.schema import (
    ARTICLES,
    QUOTES,
    SCHEMA_VERSION,
    article_schema,
    quote_schema,
)
from diplomareader.search.state import (
    FORMAT_FILE,
    LOCK_FILE,
    MANIFEST_FILE,
    atomic_write,
    write_error_message,
)

_OWN_FILES = {FORMAT_FILE, MANIFEST_FILE, LOCK_FILE}

# Whoosh copies every segment file it opens into memory; read them in place instead.
viewfile.install()


def _is_ours(name: str) -> bool:
    """Whether a file name belongs to a diplomareader index folder."""
    return name in _OWN_FILES or name.startswith(
        (f"_{ARTICLES}_", f"_{QUOTES}_", f"{ARTICLES}_", f"{QUOTES}_", ".")
    )


def folder_state(folder: Path) -> str:
    """``missing``, ``empty``, ``ours`` (this version), ``old`` (another one) or ``foreign``."""
    if not folder.exists():
        return "missing"
    if not folder.is_dir():
        return "foreign"
    try:
        names = os.listdir(folder)
    except OSError as error:
        raise InputError(f"cannot read the index folder {folder}: {error.strerror}") from None
    if not [n for n in names if not n.startswith(".")]:
        return "empty"
    marker = folder / FORMAT_FILE
    if marker.is_file():
        try:
            data = json.loads(marker.read_text(encoding="utf-8"))
            version = int(data.get("schema", -1))
        except (OSError, ValueError, AttributeError):
            version = -1
        return "ours" if version == SCHEMA_VERSION else "old"
    if all(_is_ours(n) for n in names):
        return "old"
    return "foreign"


def create(folder: Path) -> None:
    """Make ``folder`` a new, empty index (removing an index of another version in it)."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for name in os.listdir(folder):
            if _is_ours(name) and name != LOCK_FILE and not name.startswith("."):
                (folder / name).unlink()
        storage = FileStorage(str(folder))
        storage.create_index(article_schema(), indexname=ARTICLES)
        storage.create_index(quote_schema(), indexname=QUOTES)
        marker = {"format": "diplomareader index", "schema": SCHEMA_VERSION}
        atomic_write(folder / FORMAT_FILE, json.dumps(marker).encode())
    except OSError as error:
        raise InputError(write_error_message(folder, error)) from None


CREATE_LOCK = ".create.lock"
"""Held while an index folder is created, so that a second process waits instead of taking
the half-made folder for an index of another version."""


@contextlib.contextmanager
def _creation_lock(folder: Path) -> Iterator[None]:
    """Hold ``folder``'s creation lock (nothing to hold when the folder cannot be made:
    creating the index then fails with its own message)."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd = os.open(folder / CREATE_LOCK, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError:
        yield
        return
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)


def open_indexes(folder: Path, *, create_missing: bool, rebuild_old: bool) -> tuple[Any, Any]:
    """The article and quote indexes of ``folder`` (created when missing and allowed)."""
    if create_missing and folder_state(folder) not in ("ours", "foreign"):
        # a foreign folder is refused below without leaving a lock file among its files
        with _creation_lock(folder):
            return _open_indexes(folder, create_missing=True, rebuild_old=rebuild_old)
    return _open_indexes(folder, create_missing=create_missing, rebuild_old=rebuild_old)


def _open_indexes(folder: Path, *, create_missing: bool, rebuild_old: bool) -> tuple[Any, Any]:
    """``open_indexes`` (under the creation lock when the folder may be created)."""
    state = folder_state(folder)
    if state == "foreign":
        raise InputError(
            f"{folder} is not a diplomareader index (it holds other files); "
            "choose a new or empty folder for --index"
        )
    if state == "old" and not rebuild_old:
        raise InputError(
            f"the index in {folder} was made by another version of diplomareader; "
            "run `diplomareader ingest` to rebuild it"
        )
    if state in ("missing", "empty", "old"):
        if not create_missing and state != "old":
            raise InputError(f"no index in {folder}")
        create(folder)
    try:
        storage = FileStorage(str(folder), readonly=not os.access(folder, os.W_OK))
        aix = windex.FileIndex(storage, schema=article_schema(), indexname=ARTICLES)
        qix = windex.FileIndex(storage, schema=quote_schema(), indexname=QUOTES)
        aix.latest_generation()
        if aix.latest_generation() < 0 or qix.latest_generation() < 0:
            raise windex.EmptyIndexError(str(folder))
        return aix, qix
    except windex.EmptyIndexError:
        raise InputError(
            f"the index in {folder} is incomplete; run `diplomareader ingest` to rebuild it"
        ) from None
    except OSError as error:
        raise InputError(f"cannot open the index in {folder}: {error.strerror or error}") from None


def generations(aix: Any, qix: Any) -> tuple[int, int]:
    """The latest committed generation of each index."""
    return aix.latest_generation(), qix.latest_generation()


def remove_orphans(ix: Any) -> None:
    """Delete files a failed or killed writer left behind (not part of the last commit)."""
    with contextlib.suppress(Exception):
        toc = windex.TOC.read(ix.storage, ix.indexname, schema=ix._schema)
        windex.clean_files(ix.storage, ix.indexname, toc.generation, toc.segments)
    with contextlib.suppress(OSError):
        shutil.rmtree(os.path.join(ix.storage.folder, f"{ix.indexname}.tmp"))
    with contextlib.suppress(OSError):
        for name in ix.storage.list():
            temporary = name.endswith(".tmp") or ".toc." in name
            if temporary and name.startswith((f"_{ix.indexname}_", f"{ix.indexname}_")):
                ix.storage.delete_file(name)
