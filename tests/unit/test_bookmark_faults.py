"""Faults with real files and real processes: saving processes killed with SIGKILL at random
moments, several processes adding and deleting bookmarks at once, a full disk and a read-only
folder. Each test prints its figures (saves attempted, kills injected, bookmarks lost).

``kill_during_saves`` and ``concurrent_writers`` are also run at a larger scale by
``benchmarks/bench_bookmarks.py``.
"""

from __future__ import annotations

import contextlib
import os
import random
import resource
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from diplomareader.model import Article
from diplomareader.store.atomic import StoreError
from diplomareader.store.bookmark_file import read_state
from diplomareader.store.bookmarks import BookmarkStore, make_bookmark

BODY = "\n\n".join(
    f"Paragraph {n}: the minister said that talks on the matter would resume, "
    f"and that the position of the sides on point {n} had not changed since the last round."
    for n in range(1500)
)
"""A long article (about 250,000 characters) whose passages the workers bookmark."""

WORKER = r"""
import sys
from diplomareader.model import Article
from diplomareader.store.bookmarks import BookmarkStore, make_bookmark
sys.path.insert(0, sys.argv[4])
from tests.unit.test_bookmark_faults import BODY

path, tag, count, every = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[5])
article = Article(id="art-" + tag, path="fault.txt", title="Fault " + tag, body=BODY)
store = BookmarkStore(path)
result = store.load()
print("READY", result.warning or "", flush=True)
added = []
i = 0
while count < 0 or i < count:
    if i % every == every - 1 and added:
        victim = added.pop(len(added) // 2)
        print("BEGIN del", victim, flush=True)
        store.delete(victim)
        print("OK", flush=True)
    else:
        start = (i * 97) % (len(BODY) - 600)
        bookmark = make_bookmark(article, start, start + 150 + i % 300, note=tag, tags=[tag])
        print("BEGIN add", bookmark.id, flush=True)
        store.add(bookmark)
        added.append(bookmark.id)
        print("OK", flush=True)
    i += 1
print("DONE", flush=True)
"""
ROOT = str(Path(__file__).resolve().parents[2])


def _spawn(path: Path, tag: str, count: int, every: int = 5) -> subprocess.Popen[str]:
    """Start a worker process that makes ``count`` changes (-1: until killed): adds, and
    every ``every``-th change deletes one of its earlier bookmarks.

    Its stderr goes to ``<folder>/worker-<tag>.err``; read stdout with ``.stdout.read()`` (not
    ``communicate``, which would skip what ``readline`` already buffered).
    """
    with open(path.parent / f"worker-{tag}.err", "w") as err:
        return subprocess.Popen(
            [sys.executable, "-c", WORKER, str(path), tag, str(count), ROOT, str(every)],
            stdout=subprocess.PIPE,
            stderr=err,
            text=True,
        )


def _errors(path: Path, tag: str) -> str:
    """What the worker wrote on stderr."""
    return (path.parent / f"worker-{tag}.err").read_text(encoding="utf-8", errors="replace")


def _replay(lines: list[str]) -> tuple[set[str], tuple[str, str] | None]:
    """The worker's confirmed bookmark ids and its unconfirmed operation in flight, if any."""
    alive: set[str] = set()
    pending: tuple[str, str] | None = None
    for line in lines:
        parts = line.split()
        if parts and parts[0] == "BEGIN" and len(parts) == 3:  # a cut line: not begun
            pending = (parts[1], parts[2])
        elif parts == ["OK"] and pending is not None:
            op, bookmark_id = pending
            alive.add(bookmark_id) if op == "add" else alive.discard(bookmark_id)
            pending = None
    return alive, pending


def _seed_file(path: Path, count: int) -> set[str]:
    """A bookmarks file with ``count`` bookmarks, so each save writes a sizeable file."""
    store = BookmarkStore(path, autosave=False)
    store.load()
    article = Article(id="seed", path="seed.txt", title="Seed", body=BODY)
    for n in range(count):
        start = n * 150
        store.add(make_bookmark(article, start, start + 120, note=f"seed {n}"))
    store.save()
    return {b.id for b in store.all()}


@dataclass
class KillReport:
    """Figures of a kill run."""

    kills: int = 0
    saves_attempted: int = 0
    saves_confirmed: int = 0
    reads_during_saves: int = 0
    torn_reads: int = 0
    """Reads of the file (while a worker saved) that did not parse -- must be 0."""
    temp_files_left: int = 0
    """Kills that left a half-written temp file behind: the kill landed inside a write."""
    lost: int = 0
    """Confirmed bookmarks missing afterwards, or deleted ones back -- must be 0."""
    bad_states: int = 0
    """Files that were neither the old nor the new content -- must be 0."""
    notes: list[str] = field(default_factory=list)

    def line(self) -> str:
        """One line of figures for the test output and the benchmark."""
        return (
            f"kills injected {self.kills}, saves attempted {self.saves_attempted} "
            f"(confirmed {self.saves_confirmed}), kills inside a write {self.temp_files_left}, "
            f"reads during saves {self.reads_during_saves} (torn {self.torn_reads}), "
            f"bookmarks lost {self.lost}, files neither old nor new {self.bad_states}"
        )


def kill_during_saves(
    folder: Path, kills: int, seed: int = 1, max_delay: float = 0.6
) -> KillReport:
    """Start a saving worker, SIGKILL it at a random moment, check the file; ``kills`` times."""
    rng = random.Random(seed)
    path = folder / "bookmarks.yaml"
    expected = _seed_file(path, 300)
    report = KillReport()
    for round_no in range(kills):
        worker = _spawn(path, f"k{round_no}", -1, every=2)  # the file stays about this size
        assert worker.stdout is not None
        ready = worker.stdout.readline()
        assert ready.startswith("READY"), ready + _errors(path, f"k{round_no}")
        assert ready.strip() == "READY", f"worker saw a broken file: {ready}"
        deadline = time.monotonic() + rng.uniform(0.0, max_delay)
        while time.monotonic() < deadline:  # read the file while it is being replaced
            report.reads_during_saves += 1
            result = read_state(path)
            if result.warning or result.broken:
                report.torn_reads += 1
                report.notes.append(result.warning or "broken")
        worker.send_signal(signal.SIGKILL)
        out = worker.stdout.read()
        worker.wait()
        report.kills += 1
        lines = out.splitlines()
        report.saves_attempted += sum(1 for line in lines if line.startswith("BEGIN"))
        report.saves_confirmed += sum(1 for line in lines if line == "OK")
        report.temp_files_left += bool(list(folder.glob(".bookmarks.yaml.*.tmp")))
        alive, pending = _replay(lines)
        old = expected | alive
        result = read_state(path)
        assert result.warning is None and not result.broken, result.warning
        on_disk = set(result.state.bookmarks)
        new = set(old)
        if pending is not None:
            op, bookmark_id = pending
            new.add(bookmark_id) if op == "add" else new.discard(bookmark_id)
        report.lost += len(old - on_disk - ({pending[1]} if pending else set()))
        if on_disk not in (old, new):
            report.bad_states += 1
            report.notes.append(f"round {round_no}: {len(on_disk ^ old)} differ")
        expected = on_disk  # the next worker starts from what is there
    leftover = BookmarkStore(path)
    leftover.load()
    leftover.save()  # a later save clears the temp files killed writers left
    assert not list(folder.glob(".bookmarks.yaml.*.tmp"))
    return report


def concurrent_writers(folder: Path, writers: int, ops: int) -> tuple[int, int, int]:
    """``writers`` processes add and delete at once; returns (ops done, expected, lost)."""
    path = folder / "bookmarks.yaml"
    procs = [_spawn(path, f"w{n}", ops) for n in range(writers)]
    expected: set[str] = set()
    deleted: set[str] = set()
    done = 0
    for n, proc in enumerate(procs):
        out, _ = proc.communicate(timeout=300)
        assert proc.returncode == 0, _errors(path, f"w{n}")
        lines = out.splitlines()
        assert lines[-1] == "DONE"
        alive, pending = _replay(lines)
        assert pending is None
        expected |= alive
        deleted |= {line.split()[2] for line in lines if line.startswith("BEGIN del")}
        done += sum(1 for line in lines if line == "OK")
    result = read_state(path)
    assert result.warning is None
    on_disk = set(result.state.bookmarks)
    lost = len(expected - on_disk) + len(deleted & on_disk)
    assert on_disk == expected
    return done, len(expected), lost


def test_kill_during_saves_leaves_old_or_new_file(tmp_path: Path) -> None:
    """SIGKILL at random moments while saving: the file always parses, nothing is lost."""
    report = kill_during_saves(tmp_path, kills=int(os.environ.get("BOOKMARK_KILLS", "15")))
    print(f"\nbookmark kill test: {report.line()}")
    assert report.torn_reads == 0, report.notes
    assert report.lost == 0 and report.bad_states == 0, report.notes
    assert report.saves_confirmed > 0


def test_concurrent_processes_lose_nothing(tmp_path: Path) -> None:
    """Four processes adding and deleting at once: every add kept, no delete undone."""
    done, kept, lost = concurrent_writers(tmp_path, writers=4, ops=25)
    print(f"\nbookmark concurrency test: 4 processes, {done} saves, {kept} kept, {lost} lost")
    assert done == 100 and kept == 60 and lost == 0


@contextlib.contextmanager
def _tmpfs(folder: Path, size: str) -> Iterator[Path]:
    """A small tmpfs mounted at ``folder`` (skips the test where mounting is not allowed)."""
    folder.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)],
        capture_output=True,
        text=True,
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.strip()}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


def _store_with(path: Path, count: int) -> BookmarkStore:
    """A saved store with ``count`` bookmarks."""
    store = BookmarkStore(path)
    store.load()
    article = Article(id="a", path="a.txt", title="A", body=BODY)
    for n in range(count):
        store.add(make_bookmark(article, n * 170, n * 170 + 160))
    return store


def test_disk_full_is_a_clear_error_and_keeps_the_old_file(tmp_path: Path) -> None:
    """ENOSPC on a real (tiny) filesystem: one-line error, old file intact, change kept."""
    with _tmpfs(tmp_path / "small", "256k") as folder:
        store = _store_with(folder / "bookmarks.yaml", 40)
        before = store.path.read_bytes()
        filler = folder / "filler"
        with contextlib.suppress(OSError), open(filler, "wb") as out:
            out.write(b"x" * (256 * 1024))
        article = Article(id="b", path="b.txt", title="B", body=BODY)
        with pytest.raises(StoreError) as caught:
            for n in range(200):
                store.add(make_bookmark(article, n * 100, n * 100 + 2000))
        message = str(caught.value)
        assert "\n" not in message and "No space left" in message and "full" in message
        assert store.path.read_bytes() == before
        assert not list(folder.glob(".bookmarks.yaml.*.tmp"))
        assert store.unsaved == 1
        filler.unlink()
        store.save()  # once there is room again the pending change is written
        assert store.unsaved == 0
        assert len(BookmarkStore(store.path).load().bookmarks) == len(store)


def test_file_size_limit_is_a_clear_error(tmp_path: Path) -> None:
    """EFBIG (a process file-size limit, as with a quota) in a real process: old file intact."""
    store = _store_with(tmp_path / "bookmarks.yaml", 30)
    before = store.path.read_bytes()
    code = (
        "import resource, signal, sys\n"
        "signal.signal(signal.SIGXFSZ, signal.SIG_IGN)\n"
        f"limit = ({len(before) + 100}, {resource.RLIM_INFINITY})\n"
        "resource.setrlimit(resource.RLIMIT_FSIZE, limit)\n"
        "from diplomareader.model import Article\n"
        "from diplomareader.store.bookmarks import BookmarkStore, StoreError, make_bookmark\n"
        f"sys.path.insert(0, {ROOT!r})\n"
        "from tests.unit.test_bookmark_faults import BODY\n"
        "store = BookmarkStore(sys.argv[1]); store.load()\n"
        "try:\n"
        "    store.add(make_bookmark(Article(id='z', path='z', title='Z', body=BODY), 0, 5000))\n"
        "except StoreError as error:\n"
        "    print(error)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(store.path)], capture_output=True, text=True, check=True
    )
    assert out.stdout.startswith("cannot write") and "too large" in out.stdout, out
    assert store.path.read_bytes() == before
    assert not list(tmp_path.glob(".bookmarks.yaml.*.tmp"))


def test_read_only_folder_is_a_clear_error(tmp_path: Path) -> None:
    """A read-only folder: loading works, saving says why it cannot, the file is unchanged."""
    if os.geteuid() != 0:
        folder = tmp_path / "ro"
        folder.mkdir()
        store = _store_with(folder / "bookmarks.yaml", 5)
        folder.chmod(0o555)
        context: contextlib.AbstractContextManager[object] = contextlib.nullcontext()
    else:  # root ignores permission bits: use a filesystem mounted read-only instead
        context = _tmpfs(tmp_path / "ro", "1m")
    with context:
        folder = tmp_path / "ro"
        if os.geteuid() == 0:
            store = _store_with(folder / "bookmarks.yaml", 5)
            subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True)
        before = store.path.read_bytes()
        reader = BookmarkStore(store.path)
        assert len(reader.load().bookmarks) == 5
        with pytest.raises(StoreError) as caught:
            reader.add(make_bookmark(Article(id="c", path="c", title="C", body=BODY), 0, 50))
        message = str(caught.value)
        assert "\n" not in message and message.startswith("cannot write")
        assert "read-only" in message
        assert store.path.read_bytes() == before
        if os.geteuid() != 0:
            folder.chmod(0o755)
