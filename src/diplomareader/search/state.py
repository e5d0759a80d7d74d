"""The index folder's bookkeeping: format marker, the file manifest, and the ingest lock.

``files.json`` records, for each indexed file, its resolved path, size, modification time
and content hash, plus files that failed. It is only a cache over the Whoosh index: it
names the index generations it was written for, and when those are not the current ones
(an ingest was killed between its commit and this file), it is rebuilt from the index.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import json
import os
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

from diplomareader.model import InputError

FORMAT_FILE: Final = "diplomareader-index.json"
"""Marks a folder as a diplomareader index and names its schema version."""
MANIFEST_FILE: Final = "files.json"
LOCK_FILE: Final = "ingest.lock"


@dataclass
class FileRecord:
    """What the index knows about one indexed file."""

    real: str
    size: int
    mtime_ns: int
    hash: str


@dataclass
class FailedRecord:
    """A file that could not be read or parsed, and why."""

    size: int
    mtime_ns: int
    hash: str
    error: str


@dataclass
class Manifest:
    """Indexed files by article id, failed files by resolved path, and the generations."""

    generations: tuple[int, int] = (-1, -1)
    files: dict[str, FileRecord] = field(default_factory=dict)
    failed: dict[str, FailedRecord] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        """The JSON form written to ``files.json``."""
        return {
            "generations": list(self.generations),
            "files": {k: [r.real, r.size, r.mtime_ns, r.hash] for k, r in self.files.items()},
            "failed": {k: [r.size, r.mtime_ns, r.hash, r.error] for k, r in self.failed.items()},
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Manifest:
        """Read the JSON form (raises KeyError/TypeError/ValueError when malformed)."""
        gens = data["generations"]
        return cls(
            generations=(int(gens[0]), int(gens[1])),
            files={
                k: FileRecord(str(v[0]), int(v[1]), int(v[2]), str(v[3]))
                for k, v in data["files"].items()
            },
            failed={
                k: FailedRecord(int(v[0]), int(v[1]), str(v[2]), str(v[3]))
                for k, v in data.get("failed", {}).items()
            },
        )


def load_manifest(folder: Path) -> Manifest | None:
    """The manifest in ``folder``, or None when missing or unreadable."""
    try:
        with open(folder / MANIFEST_FILE, encoding="utf-8") as handle:
            return Manifest.from_json(json.load(handle))
    except (OSError, ValueError, KeyError, TypeError, IndexError):
        return None


def atomic_write(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file, fsync and rename."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def remove_stale_temp(folder: Path) -> None:
    """Delete temporary manifest files left by a killed ingest (call under the lock)."""
    with contextlib.suppress(OSError):
        for name in os.listdir(folder):
            if name.startswith(f".{MANIFEST_FILE}.") and name.endswith(".tmp"):
                with contextlib.suppress(OSError):
                    os.unlink(folder / name)


def save_manifest(folder: Path, manifest: Manifest) -> None:
    """Replace the manifest atomically."""
    data = json.dumps(manifest.to_json(), ensure_ascii=False, separators=(",", ":"))
    atomic_write(folder / MANIFEST_FILE, data.encode("utf-8", "surrogatepass"))


def write_error_message(folder: Path, error: OSError) -> str:
    """A one-line explanation of a failed write into the index folder."""
    code = error.errno
    if code in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
        return (
            f"disk full while writing the index in {folder}; "
            "the index keeps its last complete state"
        )
    if code in (errno.EROFS, errno.EACCES, errno.EPERM):
        return f"cannot write to the index folder {folder}: {error.strerror or 'read-only'}"
    return f"cannot write the index in {folder}: {error.strerror or error}"


@contextlib.contextmanager
def ingest_lock(
    folder: Path, *, wait: float = 600.0, on_wait: Callable[[], None] | None = None
) -> Iterator[None]:
    """Hold the folder's ingest lock (one ingest at a time); a killed holder frees it.

    The lock is an ``flock`` on ``ingest.lock``: the kernel releases it when its process
    dies, so a lock left by a killed ingest never blocks the next one.
    """
    try:
        fd = os.open(folder / LOCK_FILE, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as error:
        raise InputError(write_error_message(folder, error)) from None
    try:
        deadline = time.monotonic() + wait
        told = False
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if not told and on_wait is not None:
                    on_wait()
                    told = True
                if time.monotonic() > deadline:
                    raise InputError(
                        f"another ingest is still running on {folder}; try again later"
                    ) from None
                time.sleep(0.2)
        try:
            os.ftruncate(fd, 0)
            os.write(fd, f"{os.getpid()}\n".encode())
        except OSError:
            pass
        yield
    finally:
        os.close(fd)
