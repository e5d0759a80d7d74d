"""A broken, hand-edited or foreign bookmarks file through the real command line: the user's
data is kept as a backup beside the file, one line says so, and the command works.

(The bookmarks engineer's tests cover kills during saves, concurrent writers, a full disk and
a read-only folder at the store level.)
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import yaml

pytest.importorskip("diplomareader.cli.run", reason="the command line needs `run` (not landed yet)")

from diplomareader.model import Article  # noqa: E402
from diplomareader.store.bookmarks import BookmarkStore, make_bookmark  # noqa: E402
from tests.robustness.support import cli, no_traceback, record_figures  # noqa: E402


def _billion_laughs() -> str:
    """YAML whose aliases expand to 9**9 items if anything walks it naively."""
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    previous = "a"
    for name in "bcdefghi":
        lines.append(f"{name}: &{name} [" + ",".join([f"*{previous}"] * 9) + "]")
        previous = name
    return "\n".join([*lines, "version: 1", "bookmarks: *i", ""])


BROKEN = {
    "invalid-yaml": b"version: 1\nbookmarks:\n- id: [unclosed\n  text: 'x\n",
    "binary": bytes(range(256)) * 8,
    "not-a-list": b"version: 1\nbookmarks: 5\n",
    "bare-strings": b"- a\n- b\n",
    "alias-bomb": _billion_laughs().encode(),
    "latin-1": "version: 1\nbookmarks:\n- id: caf\xe9\n".encode("latin-1"),
    "nul-bytes": b"version: 1\x00\nbookmarks: []\n",
}


@pytest.mark.parametrize("name", sorted(BROKEN))
def test_broken_bookmarks_file_is_backed_up_and_reported(tmp_path: Path, name: str) -> None:
    """Each broken file: one warning line naming the backup, the backup holds the exact
    bytes, the command exits 0 without a traceback, in bounded memory."""
    path = tmp_path / "bookmarks.yaml"
    data = BROKEN[name]
    path.write_bytes(data)
    run = cli("bookmarks", "list", "--bookmarks", str(path), timeout=120)
    no_traceback(run)
    assert run.returncode == 0, run.describe()
    warnings = [line for line in run.stderr.splitlines() if "warning" in line]
    assert len(warnings) == 1 and "kept a copy as" in warnings[0], run.stderr
    backups = list(tmp_path.glob("bookmarks.yaml.corrupt-*"))
    assert len(backups) == 1 and backups[0].read_bytes() == data
    assert run.peak_rss_mb < 300, run.describe()
    again = cli("bookmarks", "list", "--bookmarks", str(path))
    assert len(list(tmp_path.glob("bookmarks.yaml.corrupt-*"))) == 1, "a second backup"
    no_traceback(again)
    record_figures(f"broken_bookmarks_{name}", backups=1, bytes_kept=len(data), bookmarks_lost=0)


def _article() -> Article:
    """A small article to bookmark."""
    body = "The talks resumed in Geneva.\n\nBoth sides said the ceasefire would hold."
    return Article(id="a1", path="a.txt", title="Talks", body=body)


def test_newer_format_and_unknown_fields_are_backed_up_before_a_save(tmp_path: Path) -> None:
    """A file written by a newer version (format 2, extra fields) is kept as a backup before
    this version rewrites it without what it does not know."""
    path = tmp_path / "bookmarks.yaml"
    store = BookmarkStore(path)
    store.load()
    store.add(make_bookmark(_article(), 0, 28, note="first"))
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    doc["version"] = 2
    doc["collections"] = {"ukraine": ["x"]}
    doc["bookmarks"][0]["colour"] = "red"
    newer = yaml.safe_dump(doc, allow_unicode=True).encode()
    path.write_bytes(newer)
    run = cli("bookmarks", "list", "--bookmarks", str(path))
    no_traceback(run)
    assert run.returncode == 0 and "format 2" in run.stderr and "colour" in run.stderr
    store = BookmarkStore(path)
    store.load()
    store.add(make_bookmark(_article(), 30, 70, note="second"))
    (backup,) = tmp_path.glob("bookmarks.yaml.corrupt-*")
    assert backup.read_bytes() == newer
    assert len(BookmarkStore(path).load().bookmarks) == 2


def test_bookmarks_path_is_a_directory(tmp_path: Path) -> None:
    """A folder where the file should be: one line, exit 0 for listing, nothing deleted."""
    path = tmp_path / "bookmarks.yaml"
    path.mkdir()
    (path / "keep.txt").write_text("mine")
    run = cli("bookmarks", "list", "--bookmarks", str(path))
    no_traceback(run)
    assert run.returncode == 0 and "directory" in run.stderr.lower(), run.describe()
    assert (path / "keep.txt").read_text() == "mine"


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads unreadable files")
def test_unreadable_bookmarks_file(tmp_path: Path) -> None:
    """A file we may not read: one line, the file untouched."""
    path = tmp_path / "bookmarks.yaml"
    path.write_text("version: 1\nbookmarks: []\n")
    path.chmod(0)
    try:
        run = cli("bookmarks", "list", "--bookmarks", str(path))
    finally:
        path.chmod(0o644)
    no_traceback(run)
    assert "permission" in run.stderr.lower(), run.describe()
