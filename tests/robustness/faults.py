"""Fault injection helpers: a real ``diplomareader ingest`` process watched line by line (to
kill it at chosen moments) and its stray children; read-only folders and small disks (real
mounts where allowed, permissions or ``RLIMIT_FSIZE`` otherwise).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import resource
import signal
import subprocess
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.robustness.support import ROOT, command


class IngestProcess:
    """``diplomareader ingest ARGS`` in its own session; stderr lines are collected as they
    come, with the moment the commit phase (``saving the index``) starts."""

    def __init__(self, *args: str, env: dict[str, str] | None = None) -> None:
        self.started = time.monotonic()
        self.proc = subprocess.Popen(
            command("ingest", *args),
            cwd=ROOT,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
            errors="replace",
            start_new_session=True,
            env=env,
        )
        self.lines: list[tuple[float, str]] = []
        self.scanning = threading.Event()
        self.saving = threading.Event()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        """Collect stderr lines and mark the phases they announce."""
        assert self.proc.stderr is not None
        for line in self.proc.stderr:
            self.lines.append((time.monotonic() - self.started, line.rstrip("\n")))
            if "looking for new" in line:
                self.scanning.set()
            if "saving the index" in line:
                self.saving.set()

    def until(self, event: threading.Event, timeout: float) -> bool:
        """Wait for ``event`` or the end of the process, whichever comes first."""
        deadline = time.monotonic() + timeout
        while not event.wait(0.02):
            if self.proc.poll() is not None or time.monotonic() > deadline:
                return False
        return True

    @property
    def stderr(self) -> str:
        """Everything printed on stderr so far."""
        return "\n".join(line for _, line in self.lines)

    def kill(self) -> bool:
        """SIGKILL the ingest process (only it: its workers must notice by themselves);
        True when it was still running."""
        alive = self.proc.poll() is None
        if alive:
            os.kill(self.proc.pid, signal.SIGKILL)
        self.proc.wait(timeout=30)
        self._reader.join(timeout=10)
        return alive

    def wait(self, timeout: float = 300.0) -> int:
        """Wait for the end; the exit status."""
        code = self.proc.wait(timeout=timeout)
        self._reader.join(timeout=10)
        return code

    def stragglers(self, grace: float = 5.0) -> list[int]:
        """Processes of its session still alive (not zombies) after ``grace`` seconds; any
        found are killed so that the test leaves nothing behind."""
        deadline = time.monotonic() + grace
        alive = _session_members(self.proc.pid)
        while alive and time.monotonic() < deadline:
            time.sleep(0.2)
            alive = _session_members(self.proc.pid)
        for pid in alive:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        return alive


def _session_members(session: int) -> list[int]:
    """Live (non-zombie) processes whose session id is ``session``."""
    members = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        state, sid = fields[0], int(fields[3])
        if sid == session and state != "Z":
            members.append(int(entry.name))
    return members


def _mount(*args: str) -> bool:
    """Run ``mount ARGS``; True when it worked (root with the capability to mount)."""
    try:
        done = subprocess.run(["mount", *args], capture_output=True, timeout=30)
    except (OSError, subprocess.SubprocessError):
        return False
    return done.returncode == 0


def unmount(path: Path) -> None:
    """Unmount ``path`` (lazily, so that a busy mount never blocks the test run)."""
    subprocess.run(["umount", "-l", str(path)], capture_output=True, timeout=30)


@contextlib.contextmanager
def read_only(folder: Path) -> Iterator[str]:
    """Make ``folder`` read-only for our own processes; yields how (``mount`` or ``chmod``).

    As root, permissions do not stop writes, so the folder is bind-mounted read-only (a real
    EROFS); other users get ``chmod 555``. Skips the test when neither is possible.
    """
    if os.geteuid() != 0:
        mode = folder.stat().st_mode
        folder.chmod(0o555)
        try:
            yield "chmod"
        finally:
            folder.chmod(mode)
        return
    if not _mount("--bind", str(folder), str(folder)):
        pytest.skip("running as root without the right to mount: cannot make a folder read-only")
    try:
        if not _mount("-o", "remount,bind,ro", str(folder)):
            pytest.skip("cannot remount read-only here")
        yield "mount"
    finally:
        unmount(folder)


@contextlib.contextmanager
def small_disk(folder: Path, size_kb: int) -> Iterator[Path]:
    """A real file system of ``size_kb`` KB (tmpfs) at ``folder``; skips where mounting is
    not allowed (then ``RLIMIT_FSIZE`` tests stand in)."""
    folder.mkdir(parents=True, exist_ok=True)
    if os.geteuid() != 0 or not _mount(
        "-t", "tmpfs", "-o", f"size={size_kb}k", "tmpfs", str(folder)
    ):
        pytest.skip("cannot mount a small file system here (needs root)")
    try:
        yield folder
    finally:
        unmount(folder)


def limit_file_size(limit: int) -> Callable[[], None]:
    """A ``preexec_fn`` making writes past ``limit`` bytes fail with EFBIG (as a full disk)."""

    def apply() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return apply


def tree_digest(folder: Path) -> dict[str, str]:
    """Name -> SHA-256 of every file under ``folder`` (to prove nothing changed)."""
    digests = {}
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            digests[str(path.relative_to(folder))] = hashlib.sha256(path.read_bytes()).hexdigest()
    return digests


def grow_disk(folder: Path, size_kb: int) -> None:
    """Enlarge a file system made by ``small_disk`` (space freed)."""
    assert _mount("-o", f"remount,size={size_kb}k", str(folder)), "cannot resize the tmpfs"
