"""Markdown/JSON export, re-anchoring against changed article files, and the ``bookmarks`` CLI
(``list``, ``export``, ``check``, ``tags``) on real files."""

from __future__ import annotations

import argparse
import datetime as dt
import json
from pathlib import Path

import pytest

from diplomareader.cli import bookmarks as cli
from diplomareader.model import Article
from diplomareader.store.anchor import Anchored, Orphaned
from diplomareader.store.bookmark_export import (
    default_export_path,
    export_to_file,
    to_json,
    to_markdown,
)
from diplomareader.store.bookmark_locate import locate_all, relocated
from diplomareader.store.bookmarks import Bookmark, BookmarkStore, make_bookmark

BODY = (
    "Lavrov said he disagreed with the remarks made in St Petersburg.\n\n"
    "# Not a heading: the President said the UN Charter applies.\n\n"
    "- The sides agreed to meet again."
)


def _article(body: str = BODY, **kw: object) -> Article:
    """A small dated article."""
    fields: dict[str, object] = {
        "id": "art1",
        "path": "corpus/lavrov.txt",
        "title": "Lavrov disagrees",
        "body": body,
        "date": dt.date(2022, 9, 29),
        "source": "Orda.kz",
        "url": "https://orda.kz/x",
    }
    fields.update(kw)
    return Article(**fields)  # type: ignore[arg-type]


def _paragraph(body: str, n: int) -> tuple[int, int]:
    """Offsets of the n-th paragraph."""
    start = 0
    for _ in range(n):
        start = body.index("\n\n", start) + 2
    end = body.find("\n\n", start)
    return start, len(body) if end < 0 else end


def _bookmarks() -> list[Bookmark]:
    """Two bookmarks of the sample article, one a quote with a note and tags."""
    art = _article()
    first = make_bookmark(art, *_paragraph(BODY, 0), speaker="Sergey Lavrov", note="Key.\nTwo")
    second = make_bookmark(art, *_paragraph(BODY, 1), tags="un charter")
    return [first, second]


def test_markdown_has_block_quotes_and_citations() -> None:
    """Each passage is a block quote with a citation line, note and tags below it."""
    first, second = _bookmarks()
    md = to_markdown([second, first], {second.id: Orphaned("gone")})
    assert md.startswith("# Bookmarks\n")
    assert "## Lavrov disagrees" in md
    assert "> Lavrov said he disagreed with the remarks made in St Petersburg." in md
    assert (
        "\u2014 Sergey Lavrov, *Lavrov disagrees*, Orda.kz, 2022-09-29, <https://orda.kz/x>" in md
    )
    assert "> \\# Not a heading" in md  # passage text never turns into Markdown structure
    assert "**Note:** Key.  \nTwo" in md
    assert "**Tags:** `#un` `#charter`" in md
    assert "**Orphaned:** gone" in md
    assert md.index("Lavrov said") < md.index("Not a heading")  # reading order


def test_json_has_every_field_and_the_status() -> None:
    """JSON export: every stored field, a citation, the anchor status when known."""
    first, second = _bookmarks()
    found = Anchored(first.start, first.end, first.text, "unchanged")
    doc = json.loads(to_json([first, second], {first.id: found}))
    assert doc["count"] == 2
    one, two = doc["bookmarks"]
    assert one["text"] == first.text and one["speaker"] == "Sergey Lavrov"
    assert one["citation"].startswith("Sergey Lavrov, \u201cLavrov disagrees\u201d")
    assert one["status"]["orphaned"] is False and "status" not in two
    assert two["tags"] == ["un", "charter"] and two["article_hash"] == first.article_hash


def test_export_to_file_defaults_to_the_data_dir(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without a path the export goes to <data dir>/exports with a fresh name."""
    monkeypatch.setenv("DIPLOMAREADER_DATA_DIR", str(tmp_path / "data"))
    path = export_to_file("md", _bookmarks())
    assert path.parent == tmp_path / "data" / "exports" and path.suffix == ".md"
    assert "Sergey Lavrov" in path.read_text(encoding="utf-8")
    assert default_export_path("md") != path


def test_locate_all_after_the_text_changed() -> None:
    """Bodies change: moved passages are found, vanished ones orphaned, gone articles too."""
    first, second = _bookmarks()
    changed = "A new lead paragraph.\n\n" + BODY.replace(second.text, "Something else entirely.")
    other = make_bookmark(_article(id="art2"), 0, 20)
    bodies = {"art1": changed, "art2": None}
    status = locate_all([first, second, other], lambda b: bodies[b.article_id])
    moved = status[first.id]
    assert isinstance(moved, Anchored) and moved.method == "exact"
    assert isinstance(status[second.id], Orphaned)
    assert isinstance(status[other.id], Orphaned)
    fixed = relocated(first, moved, changed)
    assert changed[fixed.start : fixed.end] == fixed.text == first.text
    assert fixed.note == first.note and fixed.article_hash != first.article_hash


def _run(argv: list[str]) -> int:
    """Run ``diplomareader bookmarks ...`` through its own parser."""
    parser = argparse.ArgumentParser(prog="diplomareader")
    subparsers = parser.add_subparsers(dest="command")
    cli.add_parser(subparsers)
    return cli.main(parser.parse_args(["bookmarks", *argv]))


@pytest.fixture
def bm_file(tmp_path: Path) -> Path:
    """A bookmarks file holding a bookmark of a real article file (written here)."""
    article_file = tmp_path / "lavrov.txt"
    article_file.write_text("Lavrov disagrees\n\n" + BODY, encoding="utf-8")
    store = BookmarkStore(tmp_path / "bm.yaml")
    store.load()
    for bookmark in _bookmarks():
        store.add(bookmark)
    return store.path


def test_cli_list_export_tags(
    bm_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """list, export (stdout and -o) and tags print what the file holds."""
    assert _run(["list", "--bookmarks", str(bm_file)]) == 0
    out = capsys.readouterr()
    assert "Sergey Lavrov: \u201cLavrov said" in out.out and "2 of 2 bookmarks" in out.err
    assert _run(["list", "--bookmarks", str(bm_file), "--filter", "#un"]) == 0
    assert "1 of 2" in capsys.readouterr().err
    assert _run(["export", "--format", "md", "--bookmarks", str(bm_file)]) == 0
    assert "> Lavrov said" in capsys.readouterr().out
    target = tmp_path / "out" / "b.json"
    assert _run(["export", "--format", "json", "--bookmarks", str(bm_file), "-o", str(target)]) == 0
    assert json.loads(target.read_text(encoding="utf-8"))["count"] == 2
    assert _run(["tags", "--bookmarks", str(bm_file)]) == 0
    assert "#charter" in capsys.readouterr().out


def test_cli_reports_a_broken_file_and_carries_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A broken bookmarks file: a one-line warning, a backup, exit status 0."""
    broken = tmp_path / "bm.yaml"
    broken.write_text("bookmarks: [{", encoding="utf-8")
    assert _run(["list", "--bookmarks", str(broken)]) == 0
    err = capsys.readouterr().err
    assert "warning: bookmarks file" in err and "kept a copy" in err
    assert len(list(tmp_path.glob("bm.yaml.corrupt-*"))) == 1


def test_cli_export_to_unwritable_place_is_one_line(
    bm_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An export path under a regular file fails with one clear line and status 1."""
    assert _run(["export", "--bookmarks", str(bm_file), "-o", str(bm_file / "x.md")]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("diplomareader: error: cannot")


def test_cli_check_index_missing_is_one_line(
    bm_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``check --index`` on a folder that is not there says so."""
    assert _run(["check", "--bookmarks", str(bm_file), "--index", str(tmp_path / "no")]) == 1
    assert "no index at" in capsys.readouterr().err


def test_cli_check_after_the_article_file_changed(
    seed_paths: dict[str, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The article file is edited: one passage moves, one is reworded, one disappears.

    ``check`` (cleaning the file again with the real pipeline) reports each, lists the orphan
    with its text and note, and ``--update`` stores the new positions."""
    from diplomareader.pipeline import parse_file

    article_file = tmp_path / "embassy.txt"
    raw = seed_paths["embassy"].read_text(encoding="utf-8")
    article_file.write_text(raw, encoding="utf-8")
    article = parse_file(str(article_file))
    paras = list(article.paragraphs())
    store = BookmarkStore(tmp_path / "bm.yaml")
    store.load()
    moved = store.add(make_bookmark(article, paras[5][0], paras[5][1], note="moves"))
    reworded = store.add(make_bookmark(article, paras[3][0], paras[3][1], note="reworded"))
    gone = store.add(make_bookmark(article, paras[1][0], paras[1][1], note="my note on it"))
    edited = raw.replace(gone.text, "").replace("increasing number", "growing number")
    assert edited.count("growing number") == 1
    article_file.write_text(edited, encoding="utf-8")

    assert _run(["check", "--bookmarks", str(store.path)]) == 0
    out = capsys.readouterr().out
    assert f"ORPHANED {gone.id}" in out and "my note on it" in out and gone.text[:30] in out
    assert f"moved    {moved.id}" in out and "found by exact" in out
    assert f"moved    {reworded.id}" in out
    assert "3 bookmarks: 0 in place, 2 moved, 1 orphaned" in out

    assert _run(["check", "--bookmarks", str(store.path), "--update"]) == 0
    assert "(new positions saved)" in capsys.readouterr().out
    assert _run(["check", "--bookmarks", str(store.path)]) == 0
    assert "3 bookmarks: 2 in place, 0 moved, 1 orphaned" in capsys.readouterr().out
    again = BookmarkStore(store.path)
    again.load()
    fixed = again.get(reworded.id)
    assert fixed is not None and "growing number" in fixed.text and fixed.note == "reworded"
    orphan = again.get(gone.id)
    assert orphan == gone  # never dropped, never changed


def test_cli_check_against_a_reingested_index(
    seed_paths: dict[str, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``check --index``: bookmarks re-anchored against the real index after re-ingesting."""
    from diplomareader.search import Library

    article_file = tmp_path / "corpus" / "orda.txt"
    article_file.parent.mkdir()
    raw = seed_paths["orda"].read_text(encoding="utf-8")
    article_file.write_text(raw, encoding="utf-8")
    index = tmp_path / "index"
    library = Library(index)
    library.ingest([str(article_file.parent)])
    (summary,) = library.list_articles()
    article = library.article(summary.id)
    library.close()
    store = BookmarkStore(tmp_path / "bm.yaml")
    store.load()
    paras = list(article.paragraphs())
    kept = store.add(make_bookmark(article, paras[-1][0], paras[-1][1]))
    gone = store.add(make_bookmark(article, paras[1][0], paras[1][1], note="gone"))
    article_file.write_text(raw.replace(gone.text, ""), encoding="utf-8")
    library = Library(index)
    library.ingest([str(article_file.parent)])
    library.close()
    assert _run(["check", "--bookmarks", str(store.path), "--index", str(index)]) == 0
    out = capsys.readouterr().out
    assert f"ORPHANED {gone.id}" in out and f"moved    {kept.id}" in out
    assert "2 bookmarks: 0 in place, 1 moved, 1 orphaned" in out
