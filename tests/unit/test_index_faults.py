"""Faults: an ingest killed at random moments, readers during an ingest, a full disk."""

from __future__ import annotations

import os
import resource
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytest.importorskip("diplomareader.pipeline", reason="the pipeline's stages have not landed yet")
pytest.importorskip("diplomareader.extract.names", reason="name keys have not landed yet")

from diplomareader.model import InputError  # noqa: E402
from diplomareader.search import Library  # noqa: E402
from tests.unit.test_index_support import (  # noqa: E402
    STARTED,
    filler,
    json_parser,
    write_sample,
)

ROOT = Path(__file__).resolve().parents[2]


def ingest_process(
    index: Path, corpus: Path, slow: float, workers: int = 1, **kwargs: object
) -> subprocess.Popen[str]:
    """A real ingest process (stand-in parser, a commit every file or so)."""
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(ROOT), *sys.path]))
    proc: subprocess.Popen[str] = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "tests.unit.test_index_support",
            str(index),
            str(corpus),
            "--slow",
            str(slow),
            "--workers",
            str(workers),
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        **kwargs,  # type: ignore[call-overload]
    )
    return proc


def wait_until_ingesting(proc: subprocess.Popen[str]) -> None:
    """Block until the ingest process says it is processing files (or has ended): delays
    then count from the ingest itself, not from a start-up that a busy machine slows."""
    assert proc.stdout is not None
    for line in proc.stdout:
        if line.strip() == STARTED:
            return


def leftovers(index: Path) -> list[str]:
    """Temporary files a writer left in the index folder."""
    return [n for n in os.listdir(index) if n.endswith(".tmp") or ".toc." in n]


def test_kill_during_ingest_then_recover(tmp_path: Path) -> None:
    """SIGKILL at several moments; each time the index opens and answers, and a final run
    completes it with every article there exactly once."""
    corpus = tmp_path / "corpus"
    write_sample(corpus)
    filler(corpus / "fill", 57)
    index = tmp_path / "index"
    kills = 0
    for delay in (0.4, 0.8, 1.0, 1.3, 1.7):
        # 0.1 s a file: the five runs together get through fewer than the 60 files.
        proc = ingest_process(index, corpus, slow=0.1)
        wait_until_ingesting(proc)
        time.sleep(delay)
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
            kills += 1
        proc.wait(timeout=600)
        with Library(index) as lib:
            count = lib.count()
            assert 0 <= count <= 60
            result = lib.search("bulletin OR kazakhstan", limit=100)
            assert result.errors == () and result.total <= count
            assert len(lib.list_articles()) == count
    assert kills >= 3, "the ingest finished too fast to be killed"
    done = ingest_process(index, corpus, slow=0.0)
    out, err = done.communicate(timeout=600)
    assert done.returncode == 0, err
    with Library(index) as lib:
        assert lib.count() == 60
        assert lib.search("bulletin").total == 57
        assert lib.search("speaker:toqayev").total == 2
        ids = [a.id for a in lib.list_articles()]
        assert len(set(ids)) == 60
        orda = next(a for a in lib.list_articles() if a.source == "Orda.kz")
        assert any(r.quote.speaker == "Kassym-Jomart Tokayev" for r in lib.related_quotes(orda.id))
        assert lib.needs_update(corpus) is False
    assert leftovers(index) == []
    print(f"kill-during-ingest: {kills} SIGKILLs injected, 60 articles expected, 0 lost")


def children_of(pid: int) -> list[int]:
    """Processes whose parent is ``pid``."""
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            fields = stat.rsplit(")", 1)[1].split()
            if int(fields[1]) == pid:
                found.append(int(entry))
    return found


def alive(pid: int) -> bool:
    """Whether a process exists and is not a zombie."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="needs /proc")
def test_killed_ingest_leaves_no_worker_processes(tmp_path: Path) -> None:
    """Worker processes die with a killed ingest instead of running on."""
    corpus = tmp_path / "corpus"
    filler(corpus, 300)
    proc = ingest_process(tmp_path / "index", corpus, slow=0.05, workers=2)
    deadline = time.monotonic() + 300
    workers: list[int] = []
    while len(workers) < 2 and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.1)
        workers = children_of(proc.pid)
    assert len(workers) >= 2, "the ingest never started its workers"
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=60)
    deadline = time.monotonic() + 60
    while any(alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    survivors = [pid for pid in workers if alive(pid)]
    for pid in survivors:  # never leave them running, even when the test fails
        os.kill(pid, signal.SIGKILL)
    assert survivors == []


def test_two_readers_and_an_ingest(tmp_path: Path) -> None:
    """Two open libraries keep answering while another process ingests; after refresh
    both see the new articles."""
    corpus = tmp_path / "corpus"
    write_sample(corpus)
    index = tmp_path / "index"
    with Library(index) as first:
        first.ingest([str(corpus)], parser=json_parser)
    filler(corpus / "fill", 40)
    with Library(index) as one, Library(index) as two:
        proc = ingest_process(index, corpus, slow=0.01)
        answers = 0
        while proc.poll() is None:
            for lib in (one, two):
                assert lib.search("territorial integrity").total == 3
                assert lib.count() == 3
                lib.article(lib.list_articles()[0].id)
                answers += 1
            time.sleep(0.01)
        assert proc.returncode == 0, proc.stderr.read() if proc.stderr else ""
        assert answers > 0
        for lib in (one, two):
            assert lib.refresh() is True
            assert lib.count() == 43
            assert lib.search("bulletin").total == 40


def test_second_ingest_waits_for_the_first(tmp_path: Path) -> None:
    """Two ingests at once: the second waits for the lock, both end well."""
    corpus = tmp_path / "corpus"
    filler(corpus, 30)
    index = tmp_path / "index"
    Library(index).close()
    first = ingest_process(index, corpus, slow=0.02)
    wait_until_ingesting(first)  # it holds the lock now
    second = ingest_process(index, corpus, slow=0.0)
    assert first.wait(timeout=600) == 0
    assert second.wait(timeout=600) == 0
    with Library(index) as lib:
        assert lib.count() == 30


def _limit_file_size() -> None:
    """In the child: writes past 64 KB fail with EFBIG, as on a full disk."""
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (64 * 1024, 64 * 1024))


def test_full_disk_gives_a_clear_message_and_keeps_the_index(tmp_path: Path) -> None:
    """A write that fails for lack of space: one line, the last complete index kept,
    no partial files left."""
    corpus = tmp_path / "corpus"
    write_sample(corpus)
    index = tmp_path / "index"
    with Library(index) as lib:
        lib.ingest([str(corpus)], parser=json_parser)
    big = tmp_path / "big"
    filler(big, 400)
    proc = ingest_process(index, big, slow=0.0, preexec_fn=_limit_file_size)
    _, err = proc.communicate(timeout=600)
    assert proc.returncode != 0
    assert "disk full" in err and "Traceback" not in err
    # Commits that succeeded before the disk filled up are kept; the rest is not there.
    with Library(index) as lib:
        count = lib.count()
        assert 3 <= count < 403 and len(lib.list_articles()) == count
        assert lib.search("territorial integrity").total == 3
    assert leftovers(index) == []
    # With space again, the next ingest completes the index.
    done = ingest_process(index, big, slow=0.0)
    assert done.wait(timeout=600) == 0
    with Library(index) as lib:
        assert lib.count() == 403
    assert leftovers(index) == []


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write into read-only folders")
def test_read_only_index_folder(tmp_path: Path) -> None:
    """A read-only index still opens and answers; ingest says it cannot write."""
    corpus = tmp_path / "corpus"
    write_sample(corpus)
    index = tmp_path / "index"
    with Library(index) as lib:
        lib.ingest([str(corpus)], parser=json_parser)
    index.chmod(0o555)
    try:
        with Library(index) as lib:
            assert lib.search("territorial integrity").total == 3
            with pytest.raises(InputError, match="cannot write"):
                lib.ingest([str(corpus)], parser=json_parser)
    finally:
        index.chmod(0o755)
