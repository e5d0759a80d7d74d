"""Crash-safe file replacement and an advisory inter-process lock.

``atomic_write_text`` writes a temporary file in the target's folder, fsyncs it, renames it over
the target with ``os.replace`` and fsyncs the folder, so a reader (or a crash at any moment) sees
either the old file or the new one, never a mix. ``file_lock`` serialises read-modify-write
cycles between processes with ``fcntl.flock`` on a companion ``.lock`` file; the kernel releases
the lock when a holder dies, so a killed process never leaves a stale lock behind.
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

try:  # POSIX; on other platforms the merge-on-write still runs, without the lock.
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

TEMP_PREFIX = "."
"""Temporary files are hidden: ``.<name>.<random>.tmp`` beside the target."""
TEMP_SUFFIX = ".tmp"


class StoreError(Exception):
    """A user file that cannot be written or locked; ``str(error)`` is a one-line reason."""


def describe_os_error(action: str, path: Path, error: OSError) -> str:
    """A one-line message for ``error`` raised while doing ``action`` on ``path``."""
    reason = error.strerror or str(error)
    if error.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
        reason = f"{reason} (the disk or your quota is full)"
    elif error.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        reason = f"{reason} (the folder is read-only or not yours)"
    return f"cannot {action} {path}: {reason}"


def _fsync_dir(folder: Path) -> None:
    """Flush the folder entry so the rename survives a power cut (best effort off POSIX)."""
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:  # pragma: no cover - platforms without directory fds
        return
    try:
        os.fsync(fd)
    except OSError:  # pragma: no cover - some filesystems refuse fsync on folders
        pass
    finally:
        os.close(fd)


def atomic_write_text(path: Path, text: str, *, mode: int = 0o644) -> None:
    """Replace ``path`` with ``text`` (UTF-8) atomically (see ``atomic_write_bytes``)."""
    atomic_write_bytes(path, text.encode("utf-8"), mode=mode)


def atomic_write_bytes(path: Path, data: bytes, *, mode: int = 0o644) -> None:
    """Replace ``path`` with ``data`` atomically; raises StoreError, leaving no temp file.

    The permission bits of an existing file are kept; a new file gets ``mode``.
    """
    folder = path.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise StoreError(describe_os_error("create the folder of", path, error)) from None
    with contextlib.suppress(OSError):  # keep an existing file's permissions
        mode = path.stat().st_mode & 0o7777
    try:
        fd, tmp_name = tempfile.mkstemp(
            prefix=f"{TEMP_PREFIX}{path.name}.", suffix=TEMP_SUFFIX, dir=folder
        )
    except OSError as error:
        raise StoreError(describe_os_error("write", path, error)) from None
    tmp = Path(tmp_name)
    try:
        try:
            view = memoryview(data)
            while view:
                written = os.write(fd, view)
                view = view[written:]
            if hasattr(os, "fchmod"):
                os.fchmod(fd, mode)
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, path)
    except OSError as error:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise StoreError(describe_os_error("write", path, error)) from None
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    _fsync_dir(folder)


def remove_stale_temp_files(path: Path) -> int:
    """Delete temp files a killed writer left beside ``path``; call with the lock held."""
    removed = 0
    for stale in path.parent.glob(f"{TEMP_PREFIX}{path.name}.*{TEMP_SUFFIX}"):
        with contextlib.suppress(OSError):
            stale.unlink()
            removed += 1
    return removed


def lock_path(path: Path) -> Path:
    """The companion lock file of ``path`` (kept, never deleted: deleting lock files races)."""
    return path.with_name(f"{path.name}.lock")


@contextlib.contextmanager
def file_lock(path: Path) -> Iterator[None]:
    """Hold an exclusive advisory lock for ``path`` across processes (blocking)."""
    if fcntl is None:  # pragma: no cover - Windows
        yield
        return
    lock = lock_path(path)
    try:
        lock.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(lock, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as error:
        raise StoreError(describe_os_error("write", path, error)) from None
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        with contextlib.suppress(OSError):
            fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)
