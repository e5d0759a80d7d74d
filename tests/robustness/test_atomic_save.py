"""How the bookmarks file is written, watched at the level of the operating system: the real
``BookmarkStore`` saves while an audit hook records every file opened and renamed and a spy
on ``os.fsync`` records what was flushed. The file must never be opened for writing in
place: a temporary file in the same folder is written, fsynced, renamed over it, and the
folder fsynced after the rename (issue 7: "write to a temporary file, fsync, rename").
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from diplomareader.model import Article
from diplomareader.store.bookmarks import BookmarkStore, make_bookmark

WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_TRUNC | os.O_APPEND | os.O_CREAT

_events: list[tuple[str, str, str]] | None = None
"""Where the audit hook appends while a test records (None: not recording)."""


def _audit(event: str, args: tuple[Any, ...]) -> None:
    """Record opens (path, write or read) and renames while recording."""
    if _events is None:
        return
    if event == "open" and args and isinstance(args[0], str | bytes | os.PathLike):
        path = os.fsdecode(os.fspath(args[0]))
        mode = args[1] if len(args) > 1 else None
        flags = args[2] if len(args) > 2 and isinstance(args[2], int) else 0
        writing = bool(flags & WRITE_FLAGS) or (
            isinstance(mode, str) and any(c in mode for c in "wax+")
        )
        _events.append(("open-write" if writing else "open-read", os.path.abspath(path), ""))
    elif event == "os.rename":
        src, dst = (os.path.abspath(os.fsdecode(os.fspath(a))) for a in args[:2])
        _events.append(("rename", src, dst))


sys.addaudithook(_audit)


@pytest.fixture
def recorded(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[tuple[str, str, str]]]:
    """Record file events in order; ``os.fsync`` calls are recorded (with the path of the
    descriptor, read from /proc) and then really made."""
    if not Path("/proc/self/fd").is_dir():
        pytest.skip("needs /proc to name file descriptors")
    global _events
    events: list[tuple[str, str, str]] = []
    real_fsync = os.fsync

    def fsync(fd: int) -> None:
        events.append(("fsync", os.readlink(f"/proc/self/fd/{fd}"), ""))
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    _events = events
    try:
        yield events
    finally:
        _events = None


def _article() -> Article:
    """A small article to bookmark."""
    body = "\n\n".join(
        f"Paragraph {n}: the talks on point {n} resumed in Geneva." for n in range(40)
    )
    return Article(id="a" * 16, path="a.txt", title="Talks", body=body)


def test_bookmarks_file_is_replaced_never_rewritten_in_place(
    tmp_path: Path, recorded: list[tuple[str, str, str]]
) -> None:
    """Adding a bookmark to an existing file: write a temp file beside it, fsync it, rename
    it over the file, fsync the folder; the file itself is never opened for writing."""
    path = tmp_path / "bookmarks.yaml"
    article = _article()
    first = BookmarkStore(path)
    first.load()
    first.add(make_bookmark(article, 0, 30, note="first"))
    inode_before = path.stat().st_ino
    recorded.clear()

    store = BookmarkStore(path)
    store.load()
    store.add(make_bookmark(article, 60, 100, note="second"))

    target, folder = str(path), str(tmp_path)
    in_place = [e for e in recorded if e[0] == "open-write" and e[1] == target]
    assert not in_place, f"the bookmarks file was opened for writing in place: {recorded}"
    renames = [e for e in recorded if e[0] == "rename" and e[2] == target]
    assert len(renames) == 1, f"one rename over the file expected: {recorded}"
    rename_at = recorded.index(renames[0])
    temp = renames[0][1]
    assert os.path.dirname(temp) == folder, "the temporary file is not in the same folder"
    assert ("open-write", temp, "") in recorded[:rename_at], "the temp file was not written"
    assert ("fsync", temp, "") in recorded[:rename_at], (
        f"the temporary file was not fsynced before the rename: {recorded}"
    )
    assert ("fsync", folder, "") in recorded[rename_at:], (
        f"the folder was not fsynced after the rename: {recorded}"
    )
    assert path.stat().st_ino != inode_before, "the file was not replaced by a new one"
    assert not os.path.exists(temp)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bookmarks.yaml", "bookmarks.yaml.lock"]
    reloaded = BookmarkStore(path)
    assert reloaded.load().warning is None
    assert sorted(b.note for b in reloaded.all()) == ["first", "second"]


def test_failed_save_leaves_the_old_file_and_no_temp_file(tmp_path: Path) -> None:
    """A save that cannot rename (the target became a folder) leaves no temporary file and
    keeps the change for the next save."""
    path = tmp_path / "bookmarks.yaml"
    store = BookmarkStore(path)
    store.load()
    store.add(make_bookmark(_article(), 0, 30, note="kept"))
    before = path.read_bytes()
    path.unlink()
    path.mkdir()  # os.replace of a file over a folder fails (EISDIR)
    from diplomareader.store.atomic import StoreError

    with pytest.raises(StoreError) as raised:
        store.add(make_bookmark(_article(), 60, 100, note="pending"))
    assert "\n" not in str(raised.value)
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []
    assert store.unsaved == 1
    path.rmdir()
    path.write_bytes(before)
    store.save()
    again = BookmarkStore(path)
    again.load()
    assert sorted(b.note for b in again.all()) == ["kept", "pending"]
